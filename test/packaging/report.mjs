// Prints one line per test from a Jest or Vitest JSON report (`--json` / `--reporter=json`), and one per spec file
// that failed to load, so the packaging summary names each check. Exits 1 when any of them failed.
// Usage: node report.mjs <results.json> <label>
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const [file, label] = process.argv.slice(2);
if (!existsSync(file)) {
  console.log(`FAIL  ${label}: the runner wrote no report`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
let failed = false;
for (const suite of report.testResults ?? []) {
  const where = `${label}: ${basename(suite.name)}`;
  const tests = suite.assertionResults ?? [];
  if (tests.length === 0 || (suite.status === 'failed' && tests.every((t) => t.status !== 'failed'))) {
    const reason = stripVTControlCharacters(suite.message || 'no tests ran')
      .trim()
      .split('\n');
    const line = reason.find((l) => /error|must|cannot/i.test(l)) ?? reason[0];
    console.log(`FAIL  ${where}: suite failed to run: ${line.trim().slice(0, 200)}`);
    failed = true;
  }
  for (const test of tests) {
    const ok = test.status === 'passed';
    failed ||= !ok && test.status !== 'pending' && test.status !== 'skipped';
    console.log(`${ok ? 'ok  ' : 'FAIL'}  ${where}: ${test.title}`);
  }
}
process.exit(failed ? 1 : 0);
