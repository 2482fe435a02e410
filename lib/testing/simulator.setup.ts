import { createServer, type Server } from 'node:http';
import { ContactRegistry } from './contact-registry.js';
import { FakeMaskinporten } from './fake-maskinporten.js';
import { OrderChainStore } from './order-chain.store.js';
import { FeedStore } from './shipment-feed.store.js';
import { SimulatorClock } from './simulator.clock.js';
import type { SimulatorContext } from './simulator.context.js';
import { Timers } from './simulator.timers.js';
import { FaultQueue } from './simulator.faults.js';
import { loopbackHosts } from './simulator.host.js';
import type { AltinnSimulatorOptions } from './simulator.interfaces.js';
import { Scheduler } from './simulator.scheduler.js';
import { SimulatorStore } from './simulator.store.js';
import type { SigningKey } from './simulator.tokens.js';

/** Builds the shared state every route works on, from the options and the listening address. */
export function buildContext(
  options: AltinnSimulatorOptions,
  url: string,
  host: string,
  keys: { altinnKey: SigningKey; maskinportenKey: SigningKey },
): SimulatorContext {
  const org = options.org ?? 'ttd';
  const maskinportenIssuer = `${url}/maskinporten/`;
  const clock = new SimulatorClock(options.startTime);
  const timers = new Timers();
  const allowed = options.allowedHosts ?? [];
  return {
    url,
    org,
    sendLatencyMs: options.sendLatencyMs ?? 0,
    deliveryStepMs: options.deliveryStepMs ?? 500,
    store: new SimulatorStore(),
    faults: new FaultQueue(),
    timers,
    clock,
    scheduler: new Scheduler(clock, timers),
    contacts: new ContactRegistry(),
    chains: new OrderChainStore(),
    feed: new FeedStore(),
    conditionChecks: [],
    deliveryOutcomes: new Map(),
    allowedHosts: allowed === 'any' ? 'any' : loopbackHosts(host, allowed),
    altinnKey: keys.altinnKey,
    maskinporten: new FakeMaskinporten(
      maskinportenIssuer,
      keys.maskinportenKey,
      options.maskinportenTokenLifetimeSeconds ?? 120,
    ),
    exchange: {
      maskinportenIssuer,
      maskinportenKey: keys.maskinportenKey,
      altinnIssuer: `${url}/authentication/api/v1/openid/`,
      altinnKey: keys.altinnKey,
      org,
      lifetimeSeconds: options.tokenLifetimeSeconds ?? 1800,
    },
    log: options.log ?? (() => undefined),
  };
}

/** A listening HTTP server and the URL it answers on (IPv6 hosts in brackets). */
export async function listenOn(host: string, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}` };
}

/** Forgets everything a test produced or set up, except registered Maskinporten clients and the clock. */
export function resetContext(ctx: SimulatorContext): void {
  ctx.store.reset();
  ctx.scheduler.clear();
  ctx.chains.clear();
  ctx.feed.clear();
  ctx.contacts.clear();
  ctx.deliveryOutcomes.clear();
  ctx.conditionChecks.length = 0;
  ctx.faults.clear();
  ctx.maskinporten.clearReplayCache();
}
