import { sign } from 'node:crypto';
import { inspect } from 'node:util';
import { AltinnAuthError, MaskinportenTokenProvider } from '../../lib/index.js';
import { exchangeFailure, maskinportenFailure } from '../../lib/auth/maskinporten-auth.errors.js';
import { HostileTokenServer, json, type Handler } from '../auth/support/hostile-token-server.js';
import { rsaKey } from '../auth/support/maskinporten-keys.js';

// Issue 12, item 3: the JWT redaction of token-service error bodies backtracked quadratically or worse
// (10 kB of token characters took 1.4 s, 40 kB 22 s), so a hostile exchange could stall the event loop.

const key = rsaKey();
const { privateKey } = rsaKey();

/** A real signed JWT, the kind of secret an echoing server might send back. */
function jwt(): string {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ scope: 'altinn:serviceowner', n: Math.random() })}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

const MB = 1_000_000; // under the 1 MiB response cap, JSON wrapping included
const TOKEN_SHAPED = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

/** 1 MB of text: tokens up front (one of them cut by the read window), then a run that never ends. */
function hostileText(tokens: string[]): string {
  const text = `Bearer ${tokens[0]} token=${tokens[1]} ${tokens[2]} `;
  return `${text}${'A'.repeat(MB - text.length)}`;
}

/** What is left of it: the words around the tokens, each token (or its cut head) redacted. */
const REDACTED = /^Bearer \[redacted\] token=\[redacted\]( \[redacted\])?$/;

async function failure(server: HostileTokenServer): Promise<AltinnAuthError> {
  const provider = new MaskinportenTokenProvider({
    clientId: 'client',
    privateKey: key.pkcs8Pem,
    keyId: 'kid',
    tokenUrl: server.tokenUrl,
    audience: 'http://127.0.0.1/',
    exchangeUrl: server.exchangeUrl,
    logger: false,
  });
  const error = await provider.getToken().then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(AltinnAuthError);
  return error as AltinnAuthError;
}

describe('a 1 MB error body from a token call', () => {
  const tokens = [jwt(), jwt(), jwt()];
  const text = hostileText(tokens);
  const cases: [string, { token?: Handler; exchange?: Handler }][] = [
    ['the exchange, as plain text', { exchange: json(400, text, 'text/plain') }],
    ['the exchange, as a problem title', { exchange: json(400, { title: text, status: 400 }) }],
    [
      'Maskinporten, as error_description',
      { token: json(400, { error: 'invalid_grant', error_description: text }) },
    ],
  ];

  it.each(cases)('from %s leaves no token-shaped text in the error', async (_name, handlers) => {
    expect(text.length).toBe(MB);
    const server = await HostileTokenServer.start(handlers);
    try {
      const error = await failure(server);
      expect(error.status).toBe(400);
      // Not the stack: its file names (maskinporten-token.provider.ts) are token-shaped too.
      const shown = [String(error), JSON.stringify(error), inspect({ ...error })].join('\n');
      for (const token of tokens)
        for (const part of token.split('.').slice(1)) expect(shown).not.toContain(part);
      expect(shown).not.toMatch(TOKEN_SHAPED);
      expect(error.errorDescription).toMatch(REDACTED);
    } finally {
      await server.close();
    }
  });

  // The handling itself, timed in CPU time of this process so a busy machine does not fail it.
  it.each([
    ['the exchange, plain text', exchangeFailure, text],
    ['the exchange, problem title', exchangeFailure, JSON.stringify({ title: text })],
    ['Maskinporten', maskinportenFailure, JSON.stringify({ error: 'x', error_description: text })],
  ])('from %s is handled in < 50 ms', (_name, handle, body) => {
    const before = process.cpuUsage();
    const error = handle(400, body);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(50);
    expect(error.errorDescription).toMatch(REDACTED);
  });
});
