// Module hooks for ts-register.mjs: `./x.js` imports resolve to `./x.ts`, and .ts files are transpiled with the
// repository's compiler options (decorators and their metadata included, which Nest's injection needs).
// Transpiled files are kept in a cache keyed by their path and source, and TypeScript is loaded only on a miss:
// a worker child then starts in the time Nest and BullMQ take to load, not the seconds ~90 transpiles take.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';

const compilerOptions = {
  module: 'ESNext',
  target: 'ES2022',
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  sourceMap: false,
  inlineSourceMap: true,
};
const TS_VERSION = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('typescript/package.json'), 'utf8'),
).version;
const CACHE = join(tmpdir(), `ts-register-cache-${process.getuid?.() ?? 'user'}`);
let ts;

export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  return { format: 'module', source: transpile(fileURLToPath(url)), shortCircuit: true };
}

function transpile(path) {
  const source = readFileSync(path, 'utf8');
  const key = createHash('sha256')
    .update(JSON.stringify([TS_VERSION, compilerOptions, path, source]))
    .digest('hex');
  const cached = join(CACHE, `${key}.js`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  ts ??= createRequire(import.meta.url)('typescript');
  const options = ts.convertCompilerOptionsFromJson(compilerOptions, '.').options;
  const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: path });
  // Written aside and renamed, so a child starting at the same time never reads half a file.
  mkdirSync(CACHE, { recursive: true });
  const aside = `${cached}.${process.pid}`;
  writeFileSync(aside, outputText);
  renameSync(aside, cached);
  return outputText;
}
