// Checks the packed tarball's contract (as @nestjs/axios does for its own): every main/types/exports/typesVersions target
// exists, relative specifiers keep their `.js` and point at shipped files, both builds carry their `.d.ts`, the
// CommonJS build is marked as such, and only the optional health entry mentions @nestjs/terminus.
// Usage: node test/packaging/verify-tarball.mjs <package.tgz> <scratch dir>
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const [tarball, scratch] = process.argv.slice(2);
execFileSync('tar', ['-xzf', tarball, '-C', scratch]);
const pkgDir = join(scratch, 'package');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const problems = [];
const check = (ok, problem) => ok || problems.push(problem);

function targets(value, path = 'exports') {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value).flatMap(([key, v]) => targets(v, `${path}["${key}"]`));
}

const typesVersions = targets(pkg.typesVersions ?? {}, 'typesVersions');
// Every subpath entry (./testing, ./health, ...) needs a typesVersions mapping for node10 resolution.
const entries = Object.keys(pkg.exports).filter((entry) => entry !== './package.json');
for (const entry of entries.filter((e) => e !== '.')) {
  check(
    pkg.typesVersions?.['*']?.[entry.slice(2)],
    `typesVersions does not map ${entry} (node10 resolution)`,
  );
}
for (const [where, target] of [
  ['main', pkg.main],
  ['types', pkg.types],
  ...targets(pkg.exports),
  ...typesVersions,
]) {
  check(existsSync(join(pkgDir, target)), `${where} → ${target} is not in the tarball`);
}
for (const entry of entries) {
  for (const condition of ['import', 'require']) {
    const types = pkg.exports[entry]?.[condition]?.types;
    check(types?.endsWith('.d.ts') && existsSync(join(pkgDir, types)), `${entry} has no ${condition} .d.ts`);
  }
}
check(pkg.type === 'module', 'package.json "type" must be "module"');
const cjsMarker = join(pkgDir, 'dist/cjs/package.json');
check(
  existsSync(cjsMarker) && JSON.parse(readFileSync(cjsMarker, 'utf8')).type === 'commonjs',
  'dist/cjs/package.json must say {"type":"commonjs"}',
);

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
const shipped = files(pkgDir).map((f) => relative(pkgDir, f));
check(!shipped.some((f) => /^(lib|test|sample-app|bench)\//.test(f)), 'sources or tests are in the tarball');
check(!shipped.some((f) => f.endsWith('.spec.js')), 'compiled specs are in the tarball');

const SPECIFIER = /(?:from\s+|import\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
let relativeSpecifiers = 0;
for (const file of shipped.filter((f) => /\.(js|d\.ts)$/.test(f))) {
  const text = readFileSync(join(pkgDir, file), 'utf8');
  for (const [, spec] of text.matchAll(SPECIFIER)) {
    relativeSpecifiers += 1;
    check(spec.endsWith('.js'), `${file}: "${spec}" lost its .js extension`);
    const target = join(
      pkgDir,
      dirname(file),
      file.endsWith('.d.ts') ? spec.replace(/\.js$/, '.d.ts') : spec,
    );
    check(existsSync(target), `${file}: "${spec}" points at nothing`);
  }
  const terminus = text.includes('@nestjs/terminus');
  check(!terminus || /^dist\/(esm|cjs)\/health\//.test(file), `${file} mentions @nestjs/terminus`);
}

const esm = shipped.filter((f) => f.startsWith('dist/esm/') && f.endsWith('.js')).length;
const cjs = shipped.filter((f) => f.startsWith('dist/cjs/') && f.endsWith('.js')).length;
check(esm > 0 && esm === cjs, `the builds differ: ${esm} ESM files, ${cjs} CommonJS files`);

if (problems.length > 0) {
  console.error(problems.map((p) => `  - ${p}`).join('\n'));
  process.exit(1);
}
console.log(
  `tarball ok: ${shipped.length} files, ${esm} modules per build, ${relativeSpecifiers} relative specifiers checked`,
);
