// Jest runs this folder as one spec file: its ESM mode loads Nest, class-validator and axios afresh for every file
// (~0.7 s of CPU each). Each concern stays in its own `*.cases.ts` (CONTRIBUTING.md, "Tests").
import './altinn-unbounded-answer.cases.js';
import './echo-5xx.cases.js';
import './feed-replayed-page.cases.js';
import './filter-5xx-text.cases.js';
import './in-flight-abort.cases.js';
import './log-injection.cases.js';
import './otp-echoing-5xx.cases.js';
import './otp-inherited-language.cases.js';
import './otp-plus-tag-flood.cases.js';
import './otp-redis-failure.cases.js';
import './otp-refused-send-flood.cases.js';
import './problem-error-keys.cases.js';
import './refused-token-flood.cases.js';
import './sample-app-env.cases.js';
import './simulator-host.cases.js';
import './token-body-cap.cases.js';
import './token-error-redaction.cases.js';
