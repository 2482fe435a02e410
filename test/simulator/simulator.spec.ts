// Jest runs this folder as one spec file: its ESM mode loads Nest, class-validator and axios afresh for every file
// (~0.7 s of CPU each). Each concern stays in its own `*.cases.ts` (CONTRIBUTING.md, "Tests").
import './cancel.cases.js';
import './duplicates.cases.js';
import './faults.cases.js';
import './lifecycle.cases.js';
import './maskinporten.cases.js';
import './orders.cases.js';
import './outbox-scheduled.cases.js';
import './outbox.cases.js';
import './scheduled-faults.cases.js';
import './scheduled-orders.cases.js';
import './scheduled-sending.cases.js';
import './scheduled-validation.cases.js';
import './shipment-feed.cases.js';
import './shipment.cases.js';
import './validation.cases.js';
