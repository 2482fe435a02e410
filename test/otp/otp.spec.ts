// Jest runs this folder as one spec file: its ESM mode loads Nest, class-validator and axios afresh for every file
// (~0.7 s of CPU each). Each concern stays in its own `*.cases.ts` (CONTRIBUTING.md, "Tests").
import './in-memory-otp.store.cases.js';
import './otp-logging.cases.js';
import './otp-notifications.cases.js';
import './otp-options.cases.js';
import './otp.crypto.cases.js';
import './otp.module.cases.js';
import './otp.service.cases.js';
import './otp.templates.cases.js';
import './redis-otp.service.cases.js';
import './redis-otp.store.cases.js';
