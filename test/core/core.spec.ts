// Jest runs this folder as one spec file: its ESM mode loads Nest, class-validator and axios afresh for every file
// (~0.7 s of CPU each). Each concern stays in its own `*.cases.ts` (CONTRIBUTING.md, "Tests").
import './errors.cases.js';
import './filter.cases.js';
import './logging.cases.js';
import './options.cases.js';
import './send.cases.js';
import './token-provider-di.cases.js';
import './validation-messages.cases.js';
import './validation.cases.js';
