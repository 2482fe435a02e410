import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

// The CommonJS build require()s every package lib/ imports. A runtime dependency that is ESM-only (jose 6 was)
// breaks a default CommonJS Jest setup in a Nest 11 app. Peers are the app's own (their major follows Nest's).
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
const peers = new Set(Object.keys(pkg.peerDependencies ?? {}));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Bare specifiers of static and dynamic imports, type-only ones included (the .d.ts files keep them). */
const specifiers = new Set(
  sources(resolve('lib')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^.'][^']*)'/g)].map((m) => m[1]),
  ),
);
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** ESM by extension, or by the `type` of the nearest package.json. */
function isEsm(file: string): boolean {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest))
      return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module';
  }
  return false;
}

describe('the CommonJS require() path', () => {
  const bare = [...specifiers].filter((s) => !s.startsWith('node:'));

  it('lib/ imports only node: built-ins, its dependencies and its peers', () => {
    const strays = bare.filter((s) => !dependencies.has(packageOf(s)) && !peers.has(packageOf(s)));
    expect(strays).toEqual([]);
  });

  it('every runtime dependency lib/ imports resolves to CommonJS under require()', () => {
    const require = createRequire(resolve('lib/index.ts'));
    const own = bare.filter((s) => dependencies.has(packageOf(s)));
    expect(own.length).toBeGreaterThan(0);
    const esmOnly = own.filter((s) => isEsm(require.resolve(s)));
    expect(esmOnly).toEqual([]);
  });
});
