import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A loopback pass-through in front of the simulator's Maskinporten: keeps each grant the library posts, forwards the
 * request unchanged and relays the answer. Lets a test read the grant the simulator judged, without faking anything.
 */
export class GrantRecorder {
  readonly assertions: string[] = [];
  readonly contentTypes: string[] = [];
  readonly grantTypes: (string | null)[] = [];
  private readonly server: Server;
  private port = 0;

  private constructor(private readonly target: string) {
    this.server = createServer((req, res) => void this.relay(req, res));
  }

  static async start(target: string): Promise<GrantRecorder> {
    const recorder = new GrantRecorder(target);
    await new Promise<void>((resolve) => recorder.server.listen(0, '127.0.0.1', resolve));
    const address = recorder.server.address();
    recorder.port = typeof address === 'object' && address ? address.port : 0;
    return recorder;
  }

  get tokenUrl(): string {
    return `http://127.0.0.1:${this.port}/token`;
  }

  private async relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const form = new URLSearchParams(body);
    this.assertions.push(form.get('assertion') ?? '');
    this.grantTypes.push(form.get('grant_type'));
    this.contentTypes.push(req.headers['content-type'] ?? '');
    try {
      const upstream = await fetch(this.target, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body,
      });
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'text/plain',
      });
      res.end(await upstream.text());
    } catch {
      req.socket.destroy(); // relay a reset as a reset
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
