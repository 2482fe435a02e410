import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * axios turns on TCP keep-alive probes every 60 s on each request's socket; an agent with any other interval sets
 * its own back when the socket returns to the pool, and the two make Node call setsockopt twice per request.
 */
const AXIOS_TCP_KEEPALIVE_MS = 60_000;

/** @internal A registration's connection pools, as axios takes them. */
export interface ConnectionAgents {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
}

/**
 * @internal Keep-alive by default: real Altinn is HTTPS, and a TLS handshake per message is the largest avoidable
 * cost. The token exchange (platform.altinn.no/authentication/...) shares these pools with the notifications API
 * on the same host, so the connection the start-up token fetch opened is the one the first send uses.
 * `keepAlive: false` needs agents of its own too: Node's global agent keeps connections alive since Node 19.
 */
export function createConnectionAgents(agent: { keepAlive: boolean; maxSockets: number }): ConnectionAgents {
  const { keepAlive, maxSockets } = agent;
  const settings = keepAlive
    ? { keepAlive: true, keepAliveMsecs: AXIOS_TCP_KEEPALIVE_MS, maxSockets, scheduling: 'lifo' as const }
    : { keepAlive: false, maxSockets };
  return { httpAgent: new HttpAgent(settings), httpsAgent: new HttpsAgent(settings) };
}
