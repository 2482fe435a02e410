// Jest runs this folder as one spec file: its ESM mode loads Nest, class-validator and axios afresh for every file
// (~0.7 s of CPU each). Each concern stays in its own `*.cases.ts` (CONTRIBUTING.md, "Tests").
import './feed-cursor-store.cases.js';
import './status-feed.cases.js';
