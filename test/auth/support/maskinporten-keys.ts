import { execFileSync } from 'node:child_process';
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One RSA client key in every form a service owner may hold it. */
export interface TestKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  pkcs8Pem: string;
  pkcs1Pem: string;
  jwk: JsonWebKey;
  /** Substrings that must never show up in a log line or an error: PEM body lines and the JWK's private parts. */
  secrets: string[];
}

/** The run's RSA-2048 keys (test/support/global-setup.mjs). */
const pool: string[] = process.env.TEST_RSA_KEYS
  ? (JSON.parse(readFileSync(process.env.TEST_RSA_KEYS, 'utf8')) as string[])
  : [];
let next = 0;

/**
 * The run's keys in turn, so that calls close together (a key and the wrong key of one test) get distinct keys. A
 * folder's spec file asks for a dozen; making one costs ~0.25 s of CPU. A new key when there is no pool, or for
 * another length.
 */
export function rsaKey(modulusLength = 2048): TestKey {
  const pem = modulusLength === 2048 && pool.length > 0 ? pool[next++ % pool.length] : undefined;
  const privateKey = pem ? createPrivateKey(pem) : generateKeyPairSync('rsa', { modulusLength }).privateKey;
  const publicKey = createPublicKey(privateKey);
  const pkcs8Pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const pkcs1Pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const jwk = privateKey.export({ format: 'jwk' });
  const pemLines = [pkcs8Pem, pkcs1Pem].flatMap((pem) =>
    pem.split('\n').filter((l) => /^[A-Za-z0-9+/=]{40,}$/.test(l)),
  );
  const jwkParts = [jwk.d, jwk.p, jwk.q, jwk.dp, jwk.dq, jwk.qi].map((v) => String(v).slice(0, 40));
  return { privateKey, publicKey, pkcs8Pem, pkcs1Pem, jwk, secrets: [...pemLines, ...jwkParts] };
}

/**
 * A self-signed certificate for `key`, made with the openssl CLI: Node can parse X.509 but not issue it, and a new
 * dependency is not worth a test fixture. Stands in for a business certificate (virksomhetssertifikat).
 */
export function selfSignedCertificate(key: TestKey): string {
  const dir = mkdtempSync(join(tmpdir(), 'mp-cert-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    writeFileSync(keyFile, key.pkcs8Pem, { mode: 0o600 });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-new',
        '-key',
        keyFile,
        '-out',
        certFile,
        '-days',
        '1',
        '-subj',
        `/C=NO/O=Test Virksomhet/CN=test-${randomUUID()}`,
        '-sha256',
      ],
      { stdio: 'pipe' },
    );
    return readFileSync(certFile, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
