import type { LoggerService } from '@nestjs/common';
import type { JsonWebKey } from 'node:crypto';

/** Which Maskinporten and Altinn platform to talk to. TT02 pairs with test.maskinporten.no. */
export type MaskinportenEnvironment = 'tt02' | 'production';

/** A private RSA JWK as Samarbeidsportalen's key generator or `keyObject.export({ format: 'jwk' })` gives it. */
export type MaskinportenPrivateJwk = JsonWebKey;

/**
 * Options of `MaskinportenTokenProvider`, and of the module's `maskinporten` shorthand.
 * Give `keyId` (a key registered on the client) or `certificateChain` (a business certificate), not both.
 */
export interface MaskinportenOptions {
  /** The Maskinporten client's `client_id` (a UUID); the grant's `iss`. */
  clientId: string;
  /**
   * The client's RSA private key (≥ 2048 bits): a PEM (PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1 `BEGIN RSA PRIVATE KEY`,
   * literal `\n` allowed), a JWK object, or a JWK as a JSON string. Read once at start-up; never logged.
   */
  privateKey: string | MaskinportenPrivateJwk;
  /** `kid` of the key registered on the client. @default the JWK's own `kid`, when the key is a JWK that has one */
  keyId?: string;
  /**
   * Business certificate chain for the `x5c` header, leaf first: PEM text (one or more certificates) or an array of
   * base64 DER strings. Use instead of `keyId` for certificate-based clients.
   */
  certificateChain?: string | string[];
  /** Scopes to ask for (space-separated string or array). @default 'altinn:serviceowner/notifications.create' */
  scope?: string | string[];
  /** Picks Maskinporten and the Altinn platform. @default the module's `environment` (shorthand only) */
  environment?: MaskinportenEnvironment;
  /** Maskinporten token endpoint. @default from `environment`, e.g. 'https://test.maskinporten.no/token' */
  tokenUrl?: string;
  /** The grant's `aud`: Maskinporten's issuer, with trailing slash. @default from `environment` */
  audience?: string;
  /** Altinn platform root; the exchange is `{platformUrl}/authentication/api/v1/exchange/maskinporten`. */
  platformUrl?: string;
  /** Full exchange URL; overrides `platformUrl`. */
  exchangeUrl?: string;
  /** Grant signing algorithm. @default 'RS256' */
  algorithm?: 'RS256' | 'RS384' | 'RS512';
  /** Timeout of each token call (Maskinporten, exchange). @default 10000 */
  timeoutMs?: number;
  /**
   * Largest answer read from Maskinporten or the exchange; a longer one fails with `AltinnAuthError` instead of
   * filling memory. At least 16384. @default 1048576 (1 MiB)
   */
  maxResponseBytes?: number;
  /**
   * Refresh this long before the Altinn token's `exp` (the Notifications API allows no clock skew). For tokens that
   * live less than twice the margin, half their lifetime is used instead. @default 60
   */
  refreshMarginSeconds?: number;
  /**
   * One line per token call (URL path, status, duration; never a token). `false` for none.
   * @default Nest's `Logger` with context `AltinnMaskinporten`; the module shorthand uses the module's logger
   */
  logger?: LoggerService | false;
}
