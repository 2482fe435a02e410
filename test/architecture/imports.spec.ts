import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const LIB = resolve('lib');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports of a file, resolved to .ts paths (type-only imports included: they are still coupling). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
    resolve(dirname(file), m[1]).replace(/\.js$/, '.ts'),
  );
}

const files = sources(LIB);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(process.cwd(), f);

describe('architecture of lib/', () => {
  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const dep of graph.get(file) ?? []) visit(dep, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('imports nothing from test/ or sample-app/, and every relative import exists', () => {
    for (const [file, deps] of graph) {
      for (const dep of deps) {
        expect(`${rel(file)} → ${rel(dep)}`).not.toMatch(/→ (test|sample-app)\//);
        expect(files).toContain(dep);
      }
    }
  });

  it('keeps the simulator stand-alone: lib/testing imports nothing else from lib/', () => {
    for (const [file, deps] of graph) {
      if (!rel(file).startsWith('lib/testing/')) continue;
      for (const dep of deps) expect(`${rel(file)} → ${rel(dep)}`).toMatch(/→ lib\/testing\//);
    }
  });

  it('writes no console output from the library', () => {
    for (const file of files)
      expect(`${rel(file)}: ${/console\.(log|info|warn|error)\(/.test(readFileSync(file, 'utf8'))}`).toMatch(
        /: false$/,
      );
  });
});
