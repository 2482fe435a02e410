import type { JwtClaims } from './simulator.jws.js';

export type GrantError = 'invalid_grant' | 'invalid_scope' | 'invalid_client' | 'invalid_request';

/** A refused grant; answered as Maskinporten does, 400 `{ error, error_description }`. */
export class GrantRejected extends Error {
  constructor(
    readonly error: GrantError,
    readonly description: string,
  ) {
    super(description);
  }
}

/** Claims the JWT-grant spec allows; anything else is "Invalid assertion". */
const KNOWN_CLAIMS = new Set([
  'aud',
  'iss',
  'iat',
  'exp',
  'jti',
  'scope',
  'resource',
  'pid',
  'consumer_org',
  'iss_onbehalfof',
  'authorization_details',
]);
const CLOCK_SKEW_SECONDS = 10;
const MAX_GRANT_LIFETIME_SECONDS = 120;

export interface GrantCheck {
  /** The Maskinporten issuer, the only accepted `aud`. */
  issuer: string;
  /** Scopes registered on the client. */
  scopes: ReadonlySet<string>;
  /** Grant ids already used, as `replayKey(jti)`. */
  usedJtis: ReadonlySet<string>;
  replayKey: (jti: string) => string;
}

/** Claim rules of the JWT grant (signature already verified); returns the granted scope string. */
export function checkGrantClaims(claims: JwtClaims, check: GrantCheck): string {
  const unknown = Object.keys(claims).filter((name) => !KNOWN_CLAIMS.has(name));
  if (unknown.length > 0) {
    throw new GrantRejected('invalid_grant', `Invalid assertion. Unknown claim(s): ${unknown.join(', ')}`);
  }
  const aud = Array.isArray(claims.aud) && claims.aud.length === 1 ? claims.aud[0] : claims.aud;
  if (aud !== check.issuer)
    throw new GrantRejected('invalid_grant', 'Invalid assertion. Invalid JWT claim aud');
  const now = Math.floor(Date.now() / 1000);
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || Math.abs(iat - now) > CLOCK_SKEW_SECONDS) {
    throw new GrantRejected(
      'invalid_grant',
      'Invalid assertion. iat must be within 10 seconds of the server clock',
    );
  }
  if (typeof exp !== 'number') throw new GrantRejected('invalid_grant', 'Invalid assertion. Missing exp');
  if (exp - iat > MAX_GRANT_LIFETIME_SECONDS) {
    throw new GrantRejected('invalid_grant', 'Invalid assertion. exp - iat must not exceed 120 seconds');
  }
  if (exp <= now - CLOCK_SKEW_SECONDS) throw new GrantRejected('invalid_grant', 'JWT is expired');
  if (claims.jti !== undefined && check.usedJtis.has(check.replayKey(String(claims.jti)))) {
    throw new GrantRejected('invalid_grant', 'Invalid assertion. Grant is used before');
  }
  if (claims.consumer_org !== undefined && claims.iss_onbehalfof !== undefined) {
    throw new GrantRejected('invalid_request', 'consumer_org and iss_onbehalfof cannot be combined');
  }
  if (typeof claims.scope !== 'string' || claims.scope.trim() === '') {
    throw new GrantRejected('invalid_scope', 'Missing scope');
  }
  const requested = claims.scope.split(' ').filter((s) => s.length > 0);
  const denied = requested.filter((s) => !check.scopes.has(s));
  if (denied.length > 0) throw new GrantRejected('invalid_scope', `Invalid scope: ${denied.join(' ')}`);
  return requested.join(' ');
}
