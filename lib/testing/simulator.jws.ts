import { sign, verify, type KeyObject } from 'node:crypto';

/** Claims of a JWT as the simulator reads and writes them. */
export type JwtClaims = Record<string, unknown>;

/** A compact JWS split into its parts; nothing checked yet. */
export interface DecodedJws {
  header: Record<string, unknown>;
  claims: JwtClaims;
  signingInput: string;
  signature: Buffer;
}

/** RSASSA-PKCS1-v1_5 with these hashes is RS256/384/512 (RFC 7518, section 3.3). */
const HASHES: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };
const BASE64URL = /^[A-Za-z0-9_-]*$/;

const encode = (value: object) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function decodeObject(part: string): Record<string, unknown> | undefined {
  if (part === '' || !BASE64URL.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Signs `claims` as a compact JWS with node:crypto. */
export function signJws(
  header: { alg: string } & Record<string, unknown>,
  claims: JwtClaims,
  key: KeyObject,
) {
  const signingInput = `${encode(header)}.${encode(claims)}`;
  const hash = HASHES[header.alg];
  if (!hash) throw new RangeError(`Unsupported alg ${header.alg}`);
  return `${signingInput}.${sign(hash, Buffer.from(signingInput, 'ascii'), key).toString('base64url')}`;
}

/** The parts of a compact JWS, or undefined when it is not three base64url parts with JSON objects. */
export function decodeJws(token: string): DecodedJws | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !BASE64URL.test(parts[2])) return undefined;
  const header = decodeObject(parts[0]);
  const claims = decodeObject(parts[1]);
  if (!header || !claims) return undefined;
  return {
    header,
    claims,
    signingInput: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2], 'base64url'),
  };
}

/** True when the signature is valid for `key` under the header's `alg`, which must be one of `algorithms`. */
export function verifyJws(jws: DecodedJws, key: KeyObject, algorithms: readonly string[]): boolean {
  const alg = jws.header.alg;
  if (typeof alg !== 'string' || !algorithms.includes(alg) || !HASHES[alg]) return false;
  try {
    return verify(HASHES[alg], Buffer.from(jws.signingInput, 'ascii'), key, jws.signature);
  } catch {
    return false;
  }
}
