import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route answers; one writer puts it on the wire so faults like `slowBody` apply everywhere. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** ASP.NET Core's default request body limit (30 000 000 bytes). */
const MAX_BODY_BYTES = 30_000_000;

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function emptyReply(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers };
}

export function textReply(status: number, text: string, contentType = 'text/plain; charset=utf-8'): Reply {
  return { status, headers: { 'content-type': contentType }, body: text };
}

/** W3C trace-context id, the format `Activity.Current.Id` has on the real server. */
export function traceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/** Reads the whole body; `null` when it is larger than the server accepts. */
export function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (req.destroyed) return resolve(Buffer.alloc(0));
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
    // An aborted upload never ends; resolve so the handler can notice the disconnect.
    req.on('close', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
  });
}

/**
 * Writes a reply. With `bodyDelayMs` the status line and headers go out at once and the body
 * follows later, so a client sees a response that has started but not finished.
 */
export function writeReply(
  res: ServerResponse,
  reply: Reply,
  bodyDelayMs: number,
  schedule: (ms: number, fn: () => void) => void,
): void {
  if (res.destroyed || res.writableEnded) return;
  const body = reply.body ?? '';
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(reply.status, headers);
  if (bodyDelayMs <= 0) {
    res.end(body);
    return;
  }
  res.flushHeaders();
  schedule(bodyDelayMs, () => {
    if (!res.destroyed) res.end(body);
  });
}

/** Splits `Bearer xyz` (scheme case-insensitive); undefined when absent or another scheme. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** The `AltinnStudioRuntime` cookie, the server's second place to look for a token. */
export function cookieToken(req: IncomingMessage): string | undefined {
  const cookies = req.headers.cookie?.split(';') ?? [];
  for (const cookie of cookies) {
    const [name, ...rest] = cookie.trim().split('=');
    if (name === 'AltinnStudioRuntime' && rest.length > 0) return rest.join('=');
  }
  return undefined;
}
