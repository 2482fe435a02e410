/*
 * Layers of lib/, lowest first. A file imports from its own folder or from a lower layer, never from a higher one
 * or a sibling folder of the same layer, so no two folders depend on each other:
 *
 *   0  altinn-notifications.constants.ts (imports nothing), shared/, sms/   — rules and constants
 *   1  logging/, telemetry/                      — log-line values; OpenTelemetry spans and metrics
 *   2  errors/                                   — the typed errors
 *   3  auth/, dto/                               — token providers; orders and their validation
 *   4  http/                                     — the one request path (token → axios → typed result)
 *   5  audit/, shipment/                         — the record of a send; shipment answers
 *   6  orders/, feed/                            — scheduled orders; the status feed
 *   7  options/                                  — option types and their resolution
 *   8  the root files (module, service, …)        — what Nest sees
 *   9  otp/, health/, queue/                     — features built on the service
 *
 * lib/index.ts (the public API) may import anything; lib/testing/ (the simulator) imports nothing else from lib/.
 * A new folder must be placed here, or the test fails.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { tsFiles } from './ts-files.js';

const LIB = resolve('lib');

/** Relative imports of a file, resolved to .ts paths (type-only imports included: they are still coupling). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
    resolve(dirname(file), m[1]).replace(/\.js$/, '.ts'),
  );
}

const files = tsFiles(LIB);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(process.cwd(), f);

const LAYERS: Record<string, number> = {
  'altinn-notifications.constants.ts': 0,
  shared: 0,
  sms: 0,
  logging: 1,
  telemetry: 1,
  errors: 2,
  auth: 3,
  dto: 3,
  http: 4,
  audit: 5,
  shipment: 5,
  orders: 6,
  feed: 6,
  options: 7,
  '.': 8,
  otp: 9,
  health: 9,
  queue: 9,
};

/** The unit a layer is given to: a top-level folder of lib/, the constants file, or the other root files. */
function unitOf(file: string): string {
  const path = relative(LIB, file);
  if (!path.includes('/')) return path === 'altinn-notifications.constants.ts' ? path : '.';
  return path.split('/')[0];
}

describe('architecture of lib/', () => {
  it('places every folder of lib/ in a layer', () => {
    const units = new Set(files.map(unitOf));
    units.delete('testing');
    expect([...units].filter((u) => !(u in LAYERS))).toEqual([]);
  });

  it('imports only downwards: never from a higher layer or a sibling folder of the same layer', () => {
    const backEdges: string[] = [];
    for (const [file, deps] of graph) {
      const from = unitOf(file);
      if (from === '.' && rel(file) === 'lib/index.ts') continue;
      if (from === 'testing') continue;
      for (const dep of deps) {
        const to = unitOf(dep);
        if (to === from) continue;
        if (!(LAYERS[to] < LAYERS[from])) backEdges.push(`${rel(file)} → ${rel(dep)}`);
      }
    }
    expect(backEdges).toEqual([]);
  });

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
