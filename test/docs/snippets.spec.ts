import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { blocksOf, firstDifference, filesUnder, viewsOf } from './doc-snippets.js';

// Every ```ts block in README.md and docs/ is a whole file under docs/examples/ or a `// #region name` of one, and
// those files compile against the current public API (the package name maps to lib/ through tsconfig.json "paths").
const DOCS = ['README.md', ...filesUnder('docs', '.md')];
const EXAMPLES = filesUnder('docs/examples', '.ts');
const blocks = DOCS.flatMap(blocksOf);
const tsBlocks = blocks.filter((b) => b.lang === 'ts' || b.lang === 'typescript');
const views = EXAMPLES.flatMap(viewsOf);

describe('documentation snippets', () => {
  it('shows only code that is kept under docs/examples', () => {
    const strays = tsBlocks
      .filter((block) => !views.some((view) => view.text === block.text))
      .map((block) => `${block.file}:${block.line}: ${firstDifference(block.text, views)}`);
    expect(strays).toEqual([]);
  });

  it('shows every example it keeps (no example goes stale unseen)', () => {
    const shown = new Set(
      views.filter((view) => tsBlocks.some((b) => b.text === view.text)).map((v) => v.label),
    );
    const unseen = EXAMPLES.map((file) => viewsOf(file))
      .filter((fileViews) => !fileViews.some((view) => shown.has(view.label)))
      .map((fileViews) => fileViews[0].label);
    expect(unseen).toEqual([]);
  });

  it('imports every name it uses from a package entry in each snippet', () => {
    // A reader copies a snippet on its own: it names the entry (`.`, `/testing`, `/health`) each name comes from.
    const missing = tsBlocks
      .filter((block) => /\bAltinn\w+|\bMaskinporten\w+/.test(block.text) && !/^import /m.test(block.text))
      .map((block) => `${block.file}:${block.line}`);
    expect(missing).toEqual([]);
  });

  it('compiles: docs/examples are in the project `npm run typecheck` checks against lib/', () => {
    // The type check itself is `tsc -p tsconfig.json`, which every change must pass; compiling the examples a
    // second time here cost 5 s of CPU per test run. What this test keeps is that none falls out of that project.
    const config = ts.readConfigFile('tsconfig.json', (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, process.cwd());
    const checked = new Set(parsed.fileNames.map((f) => resolve(f)));
    expect(EXAMPLES.length).toBeGreaterThan(0);
    expect(EXAMPLES.filter((f) => !checked.has(resolve(f)))).toEqual([]);
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts.typecheck).toBe('tsc -p tsconfig.json');
  });
});

describe('documentation text', () => {
  it('links only to files that exist', () => {
    const broken = DOCS.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1])
        .filter((target) => !/^(https?:|mailto:|#)/.test(target))
        .filter((target) => !existsSync(resolve(dirname(file), target.split('#')[0])))
        .map((target) => `${file}: ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it('cites only what a reader can open (no internal notes)', () => {
    const internal = /contract §|best practice \d|seed guide|the guide's/i;
    const hits = DOCS.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => internal.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });

  it('keeps the install lines the packaging check runs: one npm install after each Nest marker', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const marker of ['<!-- install:nest11 -->', '<!-- install:nest12 -->']) {
      const after = readme.split(marker)[1] ?? '';
      expect(after).toMatch(/^\n\n?```bash\nnpm install nestjs-altinn-notifications /);
    }
    expect(readme).toMatch(/npm install nestjs-altinn-notifications @nestjs\/axios@\^4 /);
  });
});
