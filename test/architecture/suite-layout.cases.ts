import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { tsFiles } from './ts-files.js';

/**
 * Most test folders run as one Jest file, `<folder>.spec.ts`, importing the folder's `*.cases.ts` (CONTRIBUTING.md,
 * "Tests"). A case file nobody imports would never run, and a hook outside a `describe` would reach every case of
 * the folder.
 */
describe('the suite layout', () => {
  const cases = tsFiles('test').filter((f) => f.endsWith('.cases.ts'));

  it('finds the case files', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it("imports every *.cases.ts from its folder's spec file", () => {
    const notRun = cases.filter((file) => {
      const spec = join(dirname(file), `${basename(dirname(file))}.spec.ts`);
      return !existsSync(spec) || !readFileSync(spec, 'utf8').includes(`'./${basename(file, '.ts')}.js'`);
    });
    expect(notRun).toEqual([]);
  });

  it('keeps every hook and test of a case file inside a describe', () => {
    const topLevel = /^(beforeAll|afterAll|beforeEach|afterEach|it|test)\b/m;
    expect(cases.filter((file) => topLevel.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
