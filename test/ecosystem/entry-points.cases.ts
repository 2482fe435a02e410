import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const LIB = resolve('lib');

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** Every file and bare package an entry reaches through static and dynamic imports (type-only ones included). */
function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  };
  visit(resolve(LIB, entry));
  return { files, packages };
}

function libFiles(dir = LIB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? libFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** `import.meta` anywhere, or an `await` outside every function: both break the CommonJS build. */
function esmOnlySyntax(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const walk = (node: ts.Node, inFunction: boolean) => {
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword)
      found.push('import.meta');
    if ((ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) && !inFunction) {
      found.push('top-level await');
    }
    ts.forEachChild(node, (child) => walk(child, inFunction || ts.isFunctionLike(node)));
  };
  walk(source, false);
  return found.map((what) => `${relative(LIB, file)}: ${what}`);
}

function readJson(file: string): Record<string, Record<string, string> | undefined> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
}

/** `"type": "module"` with no `require` condition anywhere in `exports` and no `.cjs` main: `require()` can't load it. */
function isEsmOnly(packageJson: string): boolean {
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    type?: string;
    main?: string;
    exports?: unknown;
  };
  const conditions = JSON.stringify(pkg.exports ?? {});
  return pkg.type === 'module' && !conditions.includes('"require"') && !pkg.main?.endsWith('.cjs');
}

describe('entry points', () => {
  it('the main entry never reaches @nestjs/terminus or the health entry (terminus is an optional peer)', () => {
    const main = graph('index.ts');
    expect(main.packages).not.toContain('@nestjs/terminus');
    expect([...main.files].filter((f) => f.includes(`${LIB}/health/`))).toEqual([]);
    // The check can fail: the health entry does reach it.
    expect(graph('health/index.ts').packages).toContain('@nestjs/terminus');
  });

  it('the main entry never reaches bullmq or the queue entry (bullmq is an optional peer)', () => {
    const main = graph('index.ts');
    expect(main.packages).not.toContain('bullmq');
    expect([...main.files].filter((f) => f.includes(`${LIB}/queue/`))).toEqual([]);
    expect(graph('queue/index.ts').packages).toContain('bullmq');
  });

  it('the testing entry does not reach terminus either', () => {
    expect(graph('testing/index.ts').packages).not.toContain('@nestjs/terminus');
  });

  it('every package the entries reach is a declared dependency or peer', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>;
    const declared = new Set([
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}),
    ]);
    const reached = ['index.ts', 'testing/index.ts', 'health/index.ts', 'queue/index.ts'].flatMap((e) => [
      ...graph(e).packages,
    ]);
    const undeclared = [...new Set(reached)].filter((p) => !p.startsWith('node:') && !declared.has(p));
    expect(undeclared).toEqual([]);
  });

  it('no dependency the entries reach is ESM-only, so CommonJS Jest loads the CommonJS build untransformed', () => {
    // Peers are the app's own (a Nest 11 app brings @nestjs/axios 4); the library's dependencies come with it.
    const deps = Object.keys(readJson('package.json').dependencies ?? {});
    const reached = new Set(
      ['index.ts', 'testing/index.ts', 'health/index.ts', 'queue/index.ts'].flatMap((e) => [
        ...graph(e).packages,
      ]),
    );
    const esmOnly = deps.filter((d) => reached.has(d) && isEsmOnly(`node_modules/${d}/package.json`));
    expect(esmOnly).toEqual([]);
    // The detector itself works: jose 6 (a devDependency now) is ESM-only, libphonenumber-js is not.
    expect(isEsmOnly('node_modules/jose/package.json')).toBe(true);
    expect(isEsmOnly('node_modules/libphonenumber-js/package.json')).toBe(false);
  });

  it('no source uses import.meta or top-level await, so the CommonJS build is faithful', () => {
    expect(libFiles().flatMap(esmOnlySyntax)).toEqual([]);
    // The detector itself works.
    const probe = join(LIB, '..', 'test', 'ecosystem', 'fixtures', 'esm-only.ts.txt');
    expect(esmOnlySyntax(probe)).toEqual([
      `${relative(LIB, probe)}: import.meta`,
      `${relative(LIB, probe)}: top-level await`,
    ]);
  });
});
