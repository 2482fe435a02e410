// Jest testSequencer: the longest spec files first, so no worker is left with a long one at the end.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sequencer from '@jest/test-sequencer';

/**
 * Seconds per spec file on a 2-core machine (from `.jest-results.json` after `npm test`). Only the order reads them:
 * Jest orders by the last run's timings, and a clean clone (CI) has none. Its fallback, file size, would run each
 * folder's spec (a few imports of its `*.cases.ts`) and worker-processes.spec.ts last: 68 s for 55 s of work.
 */
const measured = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'spec-seconds.json'), 'utf8'),
);

export default class LongestFirst extends Sequencer {
  time(test) {
    return super.time(test) ?? 1000 * (measured[relative(test.context.config.rootDir, test.path)] ?? 1);
  }
}
