import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ContactRegistry } from './contact-registry.js';
import type { FeedEntry } from './shipment-feed.store.js';
import type { SimulatorContext } from './simulator.context.js';
import type {
  AltinnSimulatorOptions,
  ConditionCheck,
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
import { buildContext, listenOn, resetContext } from './simulator.setup.js';
import { altinnClaims, CREATE_SCOPE, DEFAULT_ORG_NUMBER, SigningKey } from './simulator.tokens.js';

const MASKINPORTEN_TOKEN_PATH = '/maskinporten/token';
const EXCHANGE_PATH = /^\/authentication\/api\/v1\/exchange\//i;

/**
 * A loopback fake of Altinn Notifications (instant and scheduled orders, shipments, status feed, cancel), Maskinporten
 * and the Altinn token exchange, with the real server's validation, idempotency and traps, plus scriptable faults.
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
    const { server, url } = await listenOn(host, options.port);
    const sim = new AltinnSimulator(server, buildContext(options, url, host, { altinnKey, maskinportenKey }));
    sim.listen();
    sim.ctx.scheduler.start();
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

  /** The contact registry (KRR, organisation addresses, profiles) that person/organisation recipients resolve in. */
  get contacts(): ContactRegistry {
    return this.ctx.contacts;
  }

  /** The simulated time: the wall clock plus every `advance`, or the manual clock of `startTime`. */
  now(): Date {
    return new Date(this.ctx.clock.now());
  }

  /** Moves the simulated time forward and resolves once everything due by then ran (sends, condition calls, feed). */
  async advance(ms: number): Promise<void> {
    this.ctx.clock.advance(ms);
    await this.ctx.scheduler.runDue();
  }

  /** Calls made to `conditionEndpoint`s, oldest first. */
  get conditionChecks(): readonly ConditionCheck[] {
    return this.ctx.conditionChecks;
  }

  /** Every status-feed row written so far (also those the feed still hides for 2 s), oldest first. */
  get feed(): readonly FeedEntry[] {
    return this.ctx.feed.all();
  }

  /** Scheduled notifications to this address end in `status` (e.g. `SMS_Failed_InvalidRecipient`), not `*_Delivered`. */
  setDeliveryOutcome(destination: string, status: string): void {
    this.ctx.deliveryOutcomes.set(destination, status);
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

  /** Clears all a test produced or set (orders, chains, feed, contacts, faults …); keeps Maskinporten clients, clock. */
  reset(): void {
    resetContext(this.ctx);
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
