// The queue worker child (bench/queue-worker.ts and every repository file it imports) as plain JavaScript, built by
// Jest's globalSetup (test/support/global-setup.mjs) for test/queue/support/worker-process.ts to fork. Run from
// TypeScript through module hooks instead, which Node 20 runs on a thread of their own, each child spent about 1 s
// more CPU starting. Transpile only (typecheck checks the types); a file is transpiled again only when it changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// As tsconfig.json has them where it matters here: decorators and their metadata, which Nest's injection needs.
const compilerOptions = {
  module: 'ESNext',
  target: 'ES2022',
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  inlineSourceMap: true,
};
const TS_VERSION = JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')).version;
/** Relative imports, static and dynamic, and re-exports: `'./x.js'` is the source `./x.ts`. */
const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g;

/** Builds the worker under node_modules/.cache (bare imports resolve to the repository's node_modules from there). */
export function buildQueueWorker(root) {
  const out = join(root, 'node_modules', '.cache', 'altinn-queue-worker');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  const manifestFile = join(out, 'manifest.json');
  const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
  const entry = join(root, 'bench', 'queue-worker.ts');
  const pending = [entry];
  const seen = new Set();
  let ts;
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const name = relative(root, file).replace(/\.ts$/, '.js');
    const hash = createHash('sha256')
      .update(JSON.stringify([TS_VERSION, compilerOptions, source]))
      .digest('hex');
    if (manifest[name] !== hash || !existsSync(join(out, name))) {
      ts ??= require('typescript');
      const options = ts.convertCompilerOptionsFromJson(compilerOptions, '.').options;
      const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: file });
      mkdirSync(dirname(join(out, name)), { recursive: true });
      writeFileSync(join(out, name), outputText);
      manifest[name] = hash;
    }
    for (const [, path] of source.matchAll(RELATIVE_IMPORT))
      pending.push(resolve(dirname(file), `${path}.ts`));
  }
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return join(out, relative(root, entry).replace(/\.ts$/, '.js'));
}

// `node worker-build.mjs <root>` prints the built entry: globalSetup runs it beside its other work, on the other core.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(buildQueueWorker(resolve(process.argv[2] ?? '.')));
}
