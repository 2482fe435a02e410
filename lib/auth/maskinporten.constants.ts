/**
 * @internal Maskinporten and the Altinn platform per environment: the issuers Maskinporten publishes at
 * `https://maskinporten.no/.well-known/oauth-authorization-server` (and `test.maskinporten.no` for TT02).
 */
export const MASKINPORTEN_ENVIRONMENTS = {
  tt02: {
    tokenUrl: 'https://test.maskinporten.no/token',
    audience: 'https://test.maskinporten.no/',
    platformUrl: 'https://platform.tt02.altinn.no',
  },
  production: {
    tokenUrl: 'https://maskinporten.no/token',
    audience: 'https://maskinporten.no/',
    platformUrl: 'https://platform.altinn.no',
  },
} as const;

/** @internal Appended to the platform URL. */
export const EXCHANGE_PATH = '/authentication/api/v1/exchange/maskinporten';

/** @internal */
export const JWT_BEARER_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** @internal Maskinporten accepts RS256/384/512; RS256 is what its own tokens use. */
export const GRANT_ALGORITHMS = ['RS256', 'RS384', 'RS512'] as const;

/** @internal Maskinporten allows at most 120 s; short keeps a leaked grant useless (it is single-use anyway). */
export const GRANT_LIFETIME_SECONDS = 60;

/** @internal */
export const DEFAULT_TOKEN_TIMEOUT_MS = 10_000;
/** @internal */
export const MIN_TOKEN_TIMEOUT_MS = 100;

/** @internal A token answer is a few kB; a server streaming more is broken or hostile. */
export const DEFAULT_MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;
/** @internal */
export const MIN_MAX_TOKEN_RESPONSE_BYTES = 16 * 1024;

/** @internal The Notifications API allows zero clock skew, so refresh well before `exp`. */
export const DEFAULT_REFRESH_MARGIN_SECONDS = 60;

/** @internal Used when the Altinn token carries no readable `exp`. */
export const FALLBACK_TOKEN_LIFETIME_SECONDS = 120;

/** @internal Maskinporten requires RSA keys of at least 2048 bits. */
export const MIN_RSA_MODULUS_BITS = 2048;
