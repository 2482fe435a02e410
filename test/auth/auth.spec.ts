// Jest runs this folder as one spec file: its ESM mode loads Nest, class-validator and axios afresh for every file
// (~0.7 s of CPU each). Each concern stays in its own `*.cases.ts` (CONTRIBUTING.md, "Tests").
import './commonjs-dependencies.cases.js';
import './maskinporten-401.cases.js';
import './maskinporten-cache.cases.js';
import './maskinporten-errors.cases.js';
import './maskinporten-grant.cases.js';
import './maskinporten-leaks.cases.js';
import './maskinporten-module.cases.js';
import './maskinporten-options.cases.js';
import './token-prefetch.cases.js';
import './token-refresher.cases.js';
