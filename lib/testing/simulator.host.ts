import type { IncomingMessage } from 'node:http';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** Lower-cased host names without port; IPv6 literals keep their brackets as in a `Host` header. */
export function loopbackHosts(listenHost: string, extra: readonly string[]): ReadonlySet<string> {
  const own = listenHost.includes(':') ? `[${listenHost}]` : listenHost;
  return new Set([...LOOPBACK, own, ...extra].map((h) => h.toLowerCase()));
}

/** The `Host` header's name part: `localhost:3000` → `localhost`, `[::1]:3000` → `[::1]`. */
function hostName(header: string): string {
  const trimmed = header.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(0, trimmed.indexOf(']') + 1);
  return trimmed.replace(/:\d*$/, '').replace(/\.$/, '');
}

/**
 * DNS rebinding defence: a page on evil.example whose name later resolves to 127.0.0.1 sends `Host: evil.example`,
 * so answering only known host names keeps the outbox (with its one-time codes) away from it.
 */
export function hostAllowed(allowed: ReadonlySet<string> | 'any', req: IncomingMessage): boolean {
  if (allowed === 'any') return true;
  const header = req.headers.host;
  return header !== undefined && allowed.has(hostName(header));
}
