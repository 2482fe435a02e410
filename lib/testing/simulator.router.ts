import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleCancel } from './cancel.handler.js';
import { handleInstantOrder } from './instant-orders.handler.js';
import { outboxEntries } from './outbox.entries.js';
import { outboxHtml } from './outbox.page.js';
import { handleScheduledOrder } from './scheduled-orders.handler.js';
import { handleFeed } from './shipment-feed.handler.js';
import { handleShipment, parseGuid } from './shipment.handler.js';
import type { SimulatorContext } from './simulator.context.js';
import { faultReply } from './simulator.faults.js';
import { hostAllowed } from './simulator.host.js';
import { emptyReply, jsonReply, readBody, textReply, writeReply, type Reply } from './simulator.http.js';
import type { SimulatorFault, SimulatorRequestRecord } from './simulator.interfaces.js';
import type { OrderEndpoint } from './simulator.validation.js';
import { exchangeToken } from './token-exchange.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Route = (body: Buffer, signal: AbortSignal) => Promise<Reply | null> | Reply;

const API = '/notifications/api/v1';
const ORDER_ROUTES: Record<string, OrderEndpoint> = {
  [`${API}/future/orders/instant/sms`]: 'sms',
  [`${API}/future/orders/instant/email`]: 'email',
  [`${API}/future/orders/instant`]: 'legacy',
};

/** Picks the route; ASP.NET matches paths case-insensitively and ignores one trailing slash. */
function resolve(ctx: SimulatorContext, req: IncomingMessage, rawPath: string): Route {
  const path = (rawPath.length > 1 ? rawPath.replace(/\/$/, '') : rawPath).toLowerCase();
  const method = req.method ?? 'GET';
  const only = (allowed: string, route: Route): Route =>
    method === allowed ? route : () => emptyReply(405, { allow: allowed });

  if (path === '/' || path === '/outbox') {
    return only('GET', () => textReply(200, outboxHtml(outboxEntries(ctx)), 'text/html; charset=utf-8'));
  }
  if (path === '/outbox.json') return only('GET', () => jsonReply(200, outboxEntries(ctx)));
  if (path === '/maskinporten/token') {
    return only('POST', async (body) => {
      const { reply, granted } = await ctx.maskinporten.token(
        req.headers['content-type'],
        body.toString('utf8'),
      );
      if (granted) ctx.store.counters.grants += 1;
      return reply;
    });
  }
  const exchange = /^\/authentication\/api\/v1\/exchange\/([^/]+)$/.exec(path);
  if (exchange) {
    return only('GET', async () => {
      const { reply, exchanged } = await exchangeToken(ctx.exchange, req, exchange[1]);
      if (exchanged) ctx.store.counters.exchanges += 1;
      return reply;
    });
  }
  const endpoint = ORDER_ROUTES[path];
  if (endpoint) return only('POST', (body, signal) => handleInstantOrder(ctx, req, endpoint, body, signal));
  if (path === `${API}/future/orders`) {
    return only('POST', (body, signal) => handleScheduledOrder(ctx, req, body, signal));
  }
  if (path === `${API}/future/shipment/feed`) {
    return only('GET', () => handleFeed(ctx, req, new URL(req.url ?? '/', 'http://simulator')));
  }
  const cancel = new RegExp(`^${API}/orders/([^/]+)/cancel$`).exec(path);
  if (cancel) return only('PUT', () => handleCancel(ctx, req, parseGuid(cancel[1])));
  const shipment = new RegExp(`^${API}/future/shipment/([^/]+)$`).exec(path);
  const shipmentId = shipment && shipment[1] !== 'feed' ? parseGuid(shipment[1]) : undefined;
  if (shipmentId) return only('GET', () => handleShipment(ctx, req, shipmentId));
  return () => emptyReply(404);
}

function idempotencyIdOf(body: Buffer): string | undefined {
  try {
    const json: unknown = JSON.parse(body.toString('utf8'));
    const id =
      typeof json === 'object' && json !== null ? (json as Record<string, unknown>).idempotencyId : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Handles one request: log it, apply the first matching fault, route, write the reply. */
export async function handleRequest(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://simulator').pathname;
  const record: Mutable<SimulatorRequestRecord> = {
    method: req.method ?? 'GET',
    path,
    status: 0,
    ...(req.headers.authorization === undefined ? {} : { authorization: req.headers.authorization }),
    ...(req.headers['content-type'] === undefined ? {} : { contentType: req.headers['content-type'] }),
    headers: headersOf(req),
    at: new Date(),
  };
  ctx.store.requests.push(record);
  if (!hostAllowed(ctx.allowedHosts, req)) {
    record.status = 403;
    writeReply(res, textReply(403, 'Host not allowed'), 0, () => undefined);
    return;
  }
  const api = path.toLowerCase().startsWith(`${API}/`);
  if (api) ctx.store.counters.notificationRequests += 1;

  const disconnect = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) disconnect.abort();
  });

  const fault: SimulatorFault | undefined = ctx.faults.take(path);
  if (fault) record.fault = fault.kind;
  if (fault?.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  const noteId = (body: Buffer | null) => {
    const id = body ? idempotencyIdOf(body) : undefined;
    if (id !== undefined) record.idempotencyId = id;
  };
  if (fault?.kind === 'hang') {
    // Read (so the log shows the id) but never answer; the socket lives until the client or close() ends it.
    void readBody(req).then(noteId);
    return;
  }
  if (fault?.kind === 'delay') await ctx.timers.sleep(fault.ms);

  const body = await readBody(req);
  noteId(body);
  // Work that fell due since the last look (sends, status steps, feed rows) happens before the answer.
  if (!/^\/(authentication|maskinporten)\//i.test(path)) await ctx.scheduler.runDue();
  let reply: Reply | null;
  if (fault?.kind === 'status' || fault?.kind === 'retryAfter') reply = faultReply(fault);
  else if (body === null) reply = emptyReply(413);
  else if (disconnect.signal.aborted) reply = null;
  else reply = await resolve(ctx, req, path)(body, disconnect.signal);

  if (reply === null || disconnect.signal.aborted) {
    record.status = 499;
    return;
  }
  record.status = reply.status;
  if (fault?.kind === 'lostAnswer') {
    req.socket.destroy();
    return;
  }
  const bodyDelayMs = fault?.kind === 'slowBody' ? fault.delayMs : 0;
  writeReply(res, reply, bodyDelayMs, (ms, fn) => ctx.timers.schedule(ms, fn));
}

/** The request's headers, a repeated one joined as Node joins it (`, `). */
function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
