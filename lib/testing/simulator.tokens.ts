import { randomUUID } from 'node:crypto';
import { generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** A signing key with its `kid`; RS256 like the real issuers. */
export class SigningKey {
  private constructor(
    readonly kid: string,
    private readonly privateKey: CryptoKey,
    readonly publicKey: CryptoKey,
  ) {}

  static async create(kid: string): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    return new SigningKey(kid, privateKey, publicKey);
  }

  /** Signs `claims`; `iat`/`nbf`/`exp` are set here from `lifetimeSeconds`. */
  sign(claims: JWTPayload, lifetimeSeconds: number, typ = 'JWT'): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, iat: now, nbf: now, exp: now + lifetimeSeconds })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ })
      .sign(this.privateKey);
  }

  /** Verifies signature and lifetime (`exp` required); null when anything is wrong. */
  async verify(
    token: string,
    options: { clockToleranceSeconds: number; issuer?: string },
  ): Promise<JWTPayload | null> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        algorithms: ['RS256'],
        clockTolerance: options.clockToleranceSeconds,
        issuer: options.issuer,
        requiredClaims: ['exp'],
      });
      return payload;
    } catch {
      return null;
    }
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
  extra?: JWTPayload;
}): JWTPayload {
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
export function hasScope(payload: JWTPayload, scope: string): boolean {
  return typeof payload.scope === 'string' && payload.scope.split(' ').includes(scope);
}
