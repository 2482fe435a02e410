// Jest globalSetup: RSA-2048 test keys, made once per run on the thread pool instead of ~0.25 s of CPU per key in
// each of the ~20 spec files that need one (test/auth/support/maskinporten-keys.ts hands them out). The workers
// inherit TEST_RSA_KEYS; globalTeardown (./global-teardown.mjs) removes the file.
import { generateKeyPair } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The most distinct keys one spec file asks for. */
const POOL = 4;

export default async function globalSetup() {
  const pairs = await Promise.all(
    Array.from({ length: POOL }, () => promisify(generateKeyPair)('rsa', { modulusLength: 2048 })),
  );
  const dir = mkdtempSync(join(tmpdir(), 'altinn-test-keys-'));
  const file = join(dir, 'keys.json');
  const pems = pairs.map((p) => p.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(file, JSON.stringify(pems), { mode: 0o600 });
  process.env.TEST_RSA_KEYS = file;
}
