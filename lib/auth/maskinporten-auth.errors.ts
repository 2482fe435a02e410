import { AltinnAuthError } from '../errors/altinn-notifications.error.js';
import { MAX_SERVER_TEXT } from '../errors/server-text.js';

/** One cap for server text everywhere (lib/errors/server-text.ts). */
const MAX_TEXT = MAX_SERVER_TEXT;
/**
 * Only this much of a server text is read: enough for the characters kept. A token cut at the end is still
 * redacted once 8 characters of its payload remain; less than that, without a signature, is no secret.
 */
const MAX_READ = 4 * MAX_TEXT;
/** Runs of the characters a JWT is made of; each is judged whole, so the scan stays linear. */
const TOKEN_RUN = /[A-Za-z0-9_.-]+/g;
const MIN_PART = 8;

/** JWT-shaped: two neighbouring dot-separated parts of at least 8 characters (header.payload[.signature]). */
function looksLikeJwt(run: string): boolean {
  const parts = run.split('.');
  return parts.some((part, i) => i > 0 && part.length >= MIN_PART && parts[i - 1].length >= MIN_PART);
}

/** @internal Server text made safe to carry: no tokens, no control characters, short. */
export function safeText(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const clean = text
    .slice(0, MAX_READ)
    .replace(TOKEN_RUN, (run) => (looksLikeJwt(run) ? '[redacted]' : run))
    .replace(/\p{Cc}+/gu, ' ')
    .trim();
  if (clean === '') return undefined;
  return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT)}…` : clean;
}

/** @internal No HTTP answer from a token call. */
export function transportFailure(step: string, reason: string): AltinnAuthError {
  return new AltinnAuthError(`${step} request failed: ${reason}`, { retryable: true });
}

/** @internal An answer past `maxResponseBytes`: broken or hostile, and a retry would only read it again. */
export function oversizeFailure(step: string, maxBytes: number): AltinnAuthError {
  return new AltinnAuthError(`${step} answered more than ${maxBytes} bytes; stopped reading`, {
    retryable: false,
  });
}

/** @internal Maskinporten's OAuth error (`invalid_grant`, `invalid_scope`, …) as an `AltinnAuthError`. */
export function maskinportenFailure(status: number, body: unknown): AltinnAuthError {
  let parsed: { error?: unknown; error_description?: unknown } = {};
  try {
    parsed = JSON.parse(String(body)) ?? {};
  } catch {
    // Not JSON (a proxy page, say): the status is all there is.
  }
  const error = safeText(parsed.error);
  const errorDescription = safeText(parsed.error_description);
  const what = [error, errorDescription].filter(Boolean).join(': ');
  return new AltinnAuthError(`Maskinporten rejected the token request (${status}${what ? ` ${what}` : ''})`, {
    status,
    error,
    errorDescription,
  });
}

const EXCHANGE_HINTS: Record<number, string> = {
  401: 'the Maskinporten token was not accepted: check that Maskinporten and Altinn are the same environment',
  403: 'the client may not use the token exchange',
  410: 'the enterprise-user login was discontinued',
};

/** @internal A refused token exchange. Altinn's 401 has an empty body, so the status and a hint carry the news. */
export function exchangeFailure(status: number, body: unknown): AltinnAuthError {
  let text = typeof body === 'string' ? body : undefined;
  try {
    const problem = JSON.parse(String(body)) as { title?: unknown; detail?: unknown };
    if (problem && typeof problem === 'object') text = String(problem.title ?? problem.detail ?? '');
  } catch {
    // Plain text (400 "unknown provider") or empty (401).
  }
  const errorDescription = safeText(text);
  const hint = EXCHANGE_HINTS[status] ?? errorDescription;
  return new AltinnAuthError(`Altinn token exchange answered ${status}${hint ? `: ${hint}` : ''}`, {
    status,
    errorDescription,
  });
}
