import { connect, createServer, type Server, type Socket } from 'node:net';
import { AltinnSimulator } from '../../lib/testing/index.js';

/**
 * A loopback TCP pass-through in front of the simulator that counts the connections clients open to it. Bytes
 * go through untouched, so what the client does with its sockets is what the count shows.
 */
export class ConnectionCounter {
  connections = 0;
  private readonly sockets = new Set<Socket>();
  private readonly accepted = new Set<Socket>();
  private readonly server: Server;
  private port = 0;

  private constructor(targetPort: number) {
    this.server = createServer((client) => {
      this.connections += 1;
      this.accepted.add(client);
      client.on('close', () => this.accepted.delete(client));
      const upstream = connect(targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
  }

  static async start(targetUrl: string): Promise<ConnectionCounter> {
    const counter = new ConnectionCounter(Number(new URL(targetUrl).port));
    await new Promise<void>((resolve) => counter.server.listen(0, '127.0.0.1', resolve));
    const address = counter.server.address();
    counter.port = typeof address === 'object' && address ? address.port : 0;
    return counter;
  }

  /** Resolves once no client connection is open, or after `ms`: the test then asserts on `open`. */
  async allClosed(ms = 2000): Promise<void> {
    const until = Date.now() + ms;
    while (this.open > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  /** `targetUrl` with this proxy's port instead: what a client is pointed at. */
  via(targetUrl: string): string {
    const url = new URL(targetUrl);
    url.port = String(this.port);
    return url.toString().replace(/\/$/, '');
  }

  /** Connections open right now. */
  get open(): number {
    return this.accepted.size;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A simulator behind a `ConnectionCounter` for the enclosing `describe`: started once, both reset before each test. */
export function useCountedSimulator(): {
  readonly sim: AltinnSimulator;
  readonly counter: ConnectionCounter;
} {
  const ctx = {} as { sim: AltinnSimulator; counter: ConnectionCounter };
  beforeAll(async () => {
    ctx.sim = await AltinnSimulator.start();
    ctx.counter = await ConnectionCounter.start(ctx.sim.url);
  });
  afterAll(async () => {
    await ctx.counter?.close();
    await ctx.sim?.close();
  });
  beforeEach(() => {
    ctx.sim.reset();
    ctx.counter.connections = 0;
  });
  return ctx;
}
