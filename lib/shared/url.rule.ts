/** @internal Hosts where plain http is allowed: nothing leaves the machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * @internal The one rule for every URL the library calls (Altinn, Maskinporten, the token exchange): absolute,
 * https, or http to a loopback host (a simulator). Returns the problem, or undefined.
 * Callers trim a trailing slash with `withoutTrailingSlash`.
 */
export function urlRuleViolation(value: unknown): string | undefined {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return 'must use https (plain http is allowed only for loopback hosts)';
  // Credentials in a URL end up in logs and proxies.
  if (url.username || url.password) return 'must not carry credentials';
  return undefined;
}

/** @internal The URL as the library stores it: normalised, no trailing slash. */
export function withoutTrailingSlash(value: string): string {
  return new URL(value).toString().replace(/\/+$/, '');
}
