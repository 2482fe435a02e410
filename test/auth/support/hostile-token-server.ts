import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A loopback stand-in for Maskinporten (`/token`) and the Altinn exchange (`/exchange`) that answers however a test
 * scripts it: hostile bodies, endless streams. `/token` answers a plain access token unless scripted.
 */
export class HostileTokenServer {
  private readonly server: Server;
  private port = 0;

  private constructor(handlers: { token?: Handler; exchange?: Handler }) {
    const token = handlers.token ?? json(200, { access_token: 'maskinporten-access-token', expires_in: 120 });
    const exchange = handlers.exchange ?? ((_req, res) => res.writeHead(500).end());
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => (req.url === '/token' ? token : exchange)(req, res));
    });
  }

  static async start(handlers: { token?: Handler; exchange?: Handler }): Promise<HostileTokenServer> {
    const server = new HostileTokenServer(handlers);
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    const address = server.server.address();
    server.port = typeof address === 'object' && address ? address.port : 0;
    return server;
  }

  get tokenUrl(): string {
    return `http://127.0.0.1:${this.port}/token`;
  }

  get exchangeUrl(): string {
    return `http://127.0.0.1:${this.port}/exchange`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A handler answering `status` with `body` (JSON-encoded unless a string). */
export function json(status: number, body: unknown, contentType = 'application/json'): Handler {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return (_req, res) => res.writeHead(status, { 'content-type': contentType }).end(text);
}
