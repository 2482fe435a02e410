// Jest runs this folder as one spec file: its ESM mode loads Nest, class-validator and axios afresh for every file
// (~0.7 s of CPU each). Each concern stays in its own `*.cases.ts` (CONTRIBUTING.md, "Tests").
import './entry-points.cases.js';
import './filter-fastify.cases.js';
import './health.cases.js';
import './max-sms-segments.cases.js';
import './named-clients.cases.js';
import './proxy.cases.js';
import './shipment.cases.js';
import './sms-segments.cases.js';
