// Jest globalSetup, before any worker starts: the run's RSA test keys, every TypeScript file transpiled once, and the
// queue worker child built.
import { execFile } from 'node:child_process';
import { generateKeyPair } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createScriptTransformer } from '@jest/transform';

/** Handed out in turn by test/auth/support/maskinporten-keys.ts: any four calls in a row get distinct keys. */
const KEYS = 4;

export default async function globalSetup(globalConfig, projectConfig) {
  const [keys, worker] = await Promise.all([
    testKeys(),
    queueWorker(),
    transpileAll(globalConfig, projectConfig),
  ]);
  process.env.TEST_RSA_KEYS = keys;
  // What test/queue/support/worker-process.ts forks.
  process.env.QUEUE_WORKER_JS = worker;
}

/** The queue worker child as JavaScript (../queue/support/worker-build.mjs), built in a process of its own. */
async function queueWorker() {
  const build = resolve('test/queue/support/worker-build.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [build, resolve('.')]);
  return stdout;
}

/**
 * RSA-2048 keys made once per run on the thread pool, instead of ~0.25 s of CPU per key in each spec file that
 * needs one (test/auth/support/maskinporten-keys.ts hands them out). The workers inherit TEST_RSA_KEYS;
 * ./global-teardown.mjs removes the file.
 */
async function testKeys() {
  const pairs = await Promise.all(
    Array.from({ length: KEYS }, () => promisify(generateKeyPair)('rsa', { modulusLength: 2048 })),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'altinn-test-keys-')), 'keys.json');
  const pems = pairs.map((p) => p.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(file, JSON.stringify(pems), { mode: 0o600 });
  return file;
}

/**
 * Fills Jest's transform cache with lib/ and test/, in one process. On a clean clone every worker would otherwise
 * load TypeScript and transpile the same files at the same time (≈ 15 s of CPU, 13 s of a 68 s run); with a warm
 * cache this only reads the cache (~0.1 s). The options are those Jest's runtime transforms an ES module with
 * (jest-runtime, ESM_TRANSFORM_OPTIONS): were they to change, the workers transpile as before.
 */
async function transpileAll(globalConfig, projectConfig) {
  const transformer = await createScriptTransformer(projectConfig);
  const options = {
    isInternalModule: false,
    supportsDynamicImport: true,
    supportsExportNamespaceFrom: true,
    supportsStaticESM: true,
    supportsTopLevelAwait: true,
    changedFiles: undefined,
    collectCoverage: globalConfig.collectCoverage,
    collectCoverageFrom: globalConfig.collectCoverageFrom,
    coverageProvider: globalConfig.coverageProvider,
    sourcesRelatedToTestsInChangedFiles: undefined,
  };
  for (const file of [...typescript('lib'), ...typescript('test')])
    await transformer.transformAsync(file, options);
}

/** .ts files under `dir`, without the packaging apps and fixtures (Jest never loads those). */
function typescript(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['packaging', 'fixtures'].includes(name) ? [] : typescript(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [resolve(path)] : [];
  });
}
