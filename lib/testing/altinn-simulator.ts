import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { FakeMaskinporten } from './fake-maskinporten.js';
import { Timers, type SimulatorContext } from './simulator.context.js';
import { FaultQueue } from './simulator.faults.js';
import type {
  AltinnSimulatorOptions,
  FaultHandle,
  FaultMatch,
  IssueTokenOptions,
  MaskinportenClientRegistration,
  SimulatorCounters,
  SimulatorDelivery,
  SimulatorFault,
  SimulatorOrder,
  SimulatorRequestRecord,
} from './simulator.interfaces.js';
import { handleRequest } from './simulator.router.js';
import { SimulatorStore } from './simulator.store.js';
import { altinnClaims, CREATE_SCOPE, DEFAULT_ORG_NUMBER, SigningKey } from './simulator.tokens.js';

const MASKINPORTEN_TOKEN_PATH = '/maskinporten/token';
const EXCHANGE_PATH = /^\/authentication\/api\/v1\/exchange\//i;

/**
 * A loopback fake of Altinn Notifications (instant SMS/email, shipments), Maskinporten and the Altinn token
 * exchange, with the real server's validation, idempotency and duplicate traps, plus scriptable faults.
 */
export class AltinnSimulator {
  private readonly sockets = new Set<Socket>();
  private readonly inflight = new Set<Promise<void>>();
  private closed = false;

  private constructor(
    private readonly server: Server,
    private readonly ctx: SimulatorContext,
  ) {}

  static async start(options: AltinnSimulatorOptions = {}): Promise<AltinnSimulator> {
    const host = options.host ?? '127.0.0.1';
    const [altinnKey, maskinportenKey] = await Promise.all([
      SigningKey.create(`altinn-sim-${randomUUID()}`),
      SigningKey.create(`maskinporten-sim-${randomUUID()}`),
    ]);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const org = options.org ?? 'ttd';
    const maskinportenIssuer = `${url}/maskinporten/`;
    const ctx: SimulatorContext = {
      url,
      org,
      sendLatencyMs: options.sendLatencyMs ?? 0,
      deliveryStepMs: options.deliveryStepMs ?? 500,
      store: new SimulatorStore(),
      faults: new FaultQueue(),
      timers: new Timers(),
      altinnKey,
      maskinporten: new FakeMaskinporten(
        maskinportenIssuer,
        maskinportenKey,
        options.maskinportenTokenLifetimeSeconds ?? 120,
      ),
      exchange: {
        maskinportenIssuer,
        maskinportenKey,
        altinnIssuer: `${url}/authentication/api/v1/openid/`,
        altinnKey,
        org,
        lifetimeSeconds: options.tokenLifetimeSeconds ?? 1800,
      },
      log: options.log ?? (() => undefined),
    };
    const sim = new AltinnSimulator(server, ctx);
    sim.listen();
    return sim;
  }

  private listen(): void {
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('request', (req, res) => {
      const work = handleRequest(this.ctx, req, res).catch(() => {
        // A bug in the simulator should look like what an unhandled server exception looks like: 500, no body.
        if (!res.headersSent && !res.destroyed) res.writeHead(500, { 'content-length': '0' }).end();
      });
      this.inflight.add(work);
      void work.finally(() => this.inflight.delete(work));
    });
  }

  /** `http://127.0.0.1:PORT` */
  get url(): string {
    return this.ctx.url;
  }

  /** What the library's `baseUrl` option is set to. */
  get baseUrl(): string {
    return `${this.ctx.url}/notifications/api/v1`;
  }

  /** Root of the token exchange (`${platformUrl}/authentication/api/v1/exchange/maskinporten`). */
  get platformUrl(): string {
    return this.ctx.url;
  }

  /** The fake Maskinporten: token endpoint and the issuer a grant must name as `aud`. */
  get maskinporten(): { readonly tokenUrl: string; readonly issuer: string } {
    return { tokenUrl: `${this.ctx.url}${MASKINPORTEN_TOKEN_PATH}`, issuer: this.ctx.maskinporten.issuer };
  }

  get org(): string {
    return this.ctx.org;
  }

  get orders(): readonly SimulatorOrder[] {
    return this.ctx.store.orders;
  }

  get deliveries(): readonly SimulatorDelivery[] {
    return this.ctx.store.deliveries;
  }

  get requests(): readonly SimulatorRequestRecord[] {
    return this.ctx.store.requests;
  }

  /** A snapshot of the counters. */
  get counters(): SimulatorCounters {
    return { ...this.ctx.store.counters };
  }

  /** Messages handed over for this idempotency id; above 1 means a duplicate went out. */
  sentCount(idempotencyId: string): number {
    return this.ctx.store.sentCount(idempotencyId);
  }

  /** An Altinn token the notification endpoints accept, as the exchange would issue it. */
  issueToken(options: IssueTokenOptions = {}): Promise<string> {
    const claims = altinnClaims({
      issuer: this.ctx.exchange.altinnIssuer,
      scope: options.scope ?? CREATE_SCOPE,
      org: options.org === undefined ? this.ctx.org : options.org,
      orgNumber: DEFAULT_ORG_NUMBER,
      extra: { jti: randomUUID() },
    });
    return this.ctx.altinnKey.sign(claims, options.expiresInSeconds ?? this.ctx.exchange.lifetimeSeconds);
  }

  /** Registers (or replaces) a Maskinporten client whose grants the fake token endpoint accepts. */
  registerMaskinportenClient(registration: MaskinportenClientRegistration): void {
    this.ctx.maskinporten.register(registration);
  }

  /** Queues a fault for the next matching request(s); faults apply in the order they were injected. */
  inject(fault: SimulatorFault, match?: FaultMatch): FaultHandle {
    return this.ctx.faults.add(fault, match);
  }

  /** Maskinporten's token endpoint fails `times` times (503 unless another fault is given). */
  maskinportenDown(times = 1, fault: SimulatorFault = { kind: 'status', status: 503 }): FaultHandle {
    return this.inject(fault, { path: MASKINPORTEN_TOKEN_PATH, times });
  }

  /** The token exchange fails `times` times (503 unless another fault is given). */
  exchangeDown(times = 1, fault: SimulatorFault = { kind: 'status', status: 503 }): FaultHandle {
    return this.inject(fault, { path: EXCHANGE_PATH, times });
  }

  /** Clears orders, deliveries, requests, counters, faults and used grant ids; keeps registered clients. */
  reset(): void {
    this.ctx.store.reset();
    this.ctx.faults.clear();
    this.ctx.maskinporten.clearReplayCache();
  }

  /** Resolves once every request being processed has finished (hanging ones excepted). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0 && !this.closed) await Promise.race(this.inflight);
  }

  /** Stops the server, ends keep-alive sockets and hanging requests, and cancels pending timers. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.ctx.timers.stop();
    this.ctx.faults.clear();
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await closing;
  }
}
