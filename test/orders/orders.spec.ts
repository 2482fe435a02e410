// Jest runs this folder as one spec file: its ESM mode loads Nest, class-validator and axios afresh for every file
// (~0.7 s of CPU each). Each concern stays in its own `*.cases.ts` (CONTRIBUTING.md, "Tests").
import './order-lifecycle.cases.js';
import './order-rules.cases.js';
import './order-wire.cases.js';
import './send-order.cases.js';
import './shipment-status.cases.js';
