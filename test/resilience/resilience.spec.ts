// Jest runs this folder as one spec file: its ESM mode loads Nest, class-validator and axios afresh for every file
// (~0.7 s of CPU each). Each concern stays in its own `*.cases.ts` (CONTRIBUTING.md, "Tests").
import './duplicate-tradeoff.cases.js';
import './in-flight.cases.js';
import './retry-policy.unit.cases.js';
import './retry-statuses.cases.js';
import './retry-timing.cases.js';
import './shutdown.cases.js';
import './timeouts.cases.js';
import './token-failures.cases.js';
