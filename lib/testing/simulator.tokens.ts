import { generateKeyPair, randomUUID, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { decodeJws, signJws, verifyJws, type JwtClaims } from './simulator.jws.js';

const rsaKeyPair = promisify(generateKeyPair);

/** A signing key with its `kid`; RS256 like the real issuers. */
export class SigningKey {
  private constructor(
    readonly kid: string,
    private readonly privateKey: KeyObject,
    readonly publicKey: KeyObject,
  ) {}

  static async create(kid: string): Promise<SigningKey> {
    // 1024 bits: these keys sign test tokens that never leave the process, and a 2048-bit pair costs ~0.2 s of CPU,
    // twice per simulator start (a suite starts hundreds). Callers only ever decode the tokens, as clients do.
    const { privateKey, publicKey } = await rsaKeyPair('rsa', { modulusLength: 1024 });
    return new SigningKey(kid, privateKey, publicKey);
  }

  /** Signs `claims`; `iat`/`nbf`/`exp` are set here from `lifetimeSeconds`. */
  sign(claims: JwtClaims, lifetimeSeconds: number, typ = 'JWT'): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload = { ...claims, iat: now, nbf: now, exp: now + lifetimeSeconds };
    return Promise.resolve(signJws({ alg: 'RS256', kid: this.kid, typ }, payload, this.privateKey));
  }

  /** Verifies signature and lifetime (`exp` required, `nbf` if present, `iss` if asked); null when anything is wrong. */
  verify(
    token: string,
    options: { clockToleranceSeconds: number; issuer?: string },
  ): Promise<JwtClaims | null> {
    const jws = decodeJws(token);
    if (!jws || !verifyJws(jws, this.publicKey, ['RS256'])) return Promise.resolve(null);
    const { exp, nbf, iss } = jws.claims;
    const now = Math.floor(Date.now() / 1000);
    const tolerance = options.clockToleranceSeconds;
    const valid =
      typeof exp === 'number' &&
      exp > now - tolerance &&
      (nbf === undefined || (typeof nbf === 'number' && nbf <= now + tolerance)) &&
      (options.issuer === undefined || iss === options.issuer);
    return Promise.resolve(valid ? jws.claims : null);
  }
}

export const CREATE_SCOPE = 'altinn:serviceowner/notifications.create';
export const DEFAULT_ORG_NUMBER = '991825827';

/** Claims of an Altinn token as the exchange builds them for a service owner. */
export function altinnClaims(opts: {
  issuer: string;
  scope: string;
  org: string | null;
  orgNumber: string;
  extra?: JwtClaims;
}): JwtClaims {
  return {
    ...opts.extra,
    scope: opts.scope,
    iss: opts.issuer,
    sid: randomUUID(),
    'urn:altinn:orgNumber': opts.orgNumber,
    'urn:altinn:authenticatemethod': 'maskinporten',
    'urn:altinn:authlevel': 3,
    ...(opts.org === null ? {} : { 'urn:altinn:org': opts.org }),
  };
}

/** The API's check of the `scope` claim: split on spaces, one entry must equal the scope exactly. */
export function hasScope(payload: JwtClaims, scope: string): boolean {
  return typeof payload.scope === 'string' && payload.scope.split(' ').includes(scope);
}
