import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a hostile proxy saw of one request: the body as sent, and the Authorization header. */
export interface EchoedRequest {
  raw: string;
  authorization: string;
}

/**
 * A loopback server standing in for a proxy or WAF in front of Altinn that quotes the request in its error body.
 * `answer` builds the status and JSON body from what was sent; nothing is forwarded anywhere.
 */
export async function startEchoProxy(
  answer: (req: EchoedRequest) => { status: number; body: unknown },
): Promise<{ baseUrl: string; hits: number; close(): Promise<void> }> {
  const state = { hits: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.hits++;
      const { status, body } = answer({
        raw: Buffer.concat(chunks).toString('utf8'),
        authorization: req.headers.authorization ?? '',
      });
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    get hits() {
      return state.hits;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** JSON text with every non-ASCII character as `\uXXXX`, as .NET's System.Text.Json writes it by default. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The first excerpt of `length` characters of `secret` found in `text`, if any. */
export function excerptIn(text: string, secret: string, length: number): string | undefined {
  for (let i = 0; i + length <= secret.length; i++) {
    const part = secret.slice(i, i + length);
    if (text.includes(part)) return part;
  }
  return undefined;
}
