import { AltinnAuthError, type MaskinportenOptions } from '../../lib/index.js';
import { AltinnSimulator, type SimulatorFault } from '../../lib/testing/index.js';
import { smsOrder } from '../support/altinn-client.js';
import { createMaskinportenClient, registerClient } from './support/maskinporten-client.js';
import { rsaKey } from './support/maskinporten-keys.js';

const key = rsaKey();
const otherKey = rsaKey();

type Setup = (sim: AltinnSimulator) => Partial<MaskinportenOptions> | void;
interface Expected {
  status?: number;
  error?: string;
  errorDescription?: string | RegExp;
  message: RegExp;
}

const html = {
  kind: 'status',
  status: 502,
  body: '<html>Bad gateway</html>',
  contentType: 'text/html',
} as const;
const hang: SimulatorFault = { kind: 'hang' };

const cases: [string, Setup, Expected][] = [
  [
    'Maskinporten: unknown kid',
    () => ({ keyId: 'not-registered' }),
    {
      status: 400,
      error: 'invalid_client',
      message: /^Maskinporten rejected the token request \(400 invalid_client: .*Unknown kid\)$/,
    },
  ],
  [
    'Maskinporten: grant signed with another key',
    () => ({ privateKey: otherKey.pkcs8Pem }),
    { status: 400, error: 'invalid_grant', errorDescription: /Invalid signature/, message: /invalid_grant/ },
  ],
  [
    'Maskinporten: scope not granted to the client',
    () => ({ scope: 'altinn:serviceowner/notifications.admin' }),
    { status: 400, error: 'invalid_scope', message: /400 invalid_scope: Invalid scope/ },
  ],
  [
    'Maskinporten: wrong audience',
    () => ({ audience: 'https://maskinporten.no/' }),
    { status: 400, error: 'invalid_grant', errorDescription: /aud/, message: /invalid_grant/ },
  ],
  [
    'Maskinporten: unknown client',
    () => ({ clientId: 'nobody' }),
    {
      status: 400,
      error: 'invalid_client',
      errorDescription: 'Client not found',
      message: /Client not found/,
    },
  ],
  [
    'Maskinporten: 503',
    (sim) => void sim.maskinportenDown(1),
    { status: 503, message: /^Maskinporten rejected the token request \(503\)$/ },
  ],
  [
    'Maskinporten: 502 HTML page',
    (sim) => void sim.maskinportenDown(1, html),
    { status: 502, message: /\(502\)$/ },
  ],
  [
    'Maskinporten: 200 without access_token',
    (sim) => void sim.maskinportenDown(1, { kind: 'status', status: 200, body: { token_type: 'Bearer' } }),
    { status: 200, message: /without an access_token/ },
  ],
  [
    'Maskinporten: timeout',
    (sim) => (sim.maskinportenDown(1, hang), { timeoutMs: 300 }),
    { message: /^Maskinporten request failed: no answer within 300 ms$/ },
  ],
  [
    'Maskinporten: connection reset',
    (sim) => void sim.maskinportenDown(1, { kind: 'reset' }),
    { message: /^Maskinporten request failed: network error/ },
  ],
  [
    'exchange: 401 (token refused)',
    (sim) => void sim.exchangeDown(1, { kind: 'status', status: 401 }),
    { status: 401, message: /^Altinn token exchange answered 401: the Maskinporten token was not accepted/ },
  ],
  [
    'exchange: 400 text',
    (sim) =>
      void sim.exchangeDown(1, {
        kind: 'status',
        status: 400,
        body: 'Invalid token provider',
        contentType: 'text/plain',
      }),
    {
      status: 400,
      errorDescription: 'Invalid token provider',
      message: /answered 400: Invalid token provider$/,
    },
  ],
  [
    'exchange: 410 problem',
    (sim) => void sim.exchangeDown(1, { kind: 'status', status: 410, body: { title: 'Gone', status: 410 } }),
    { status: 410, errorDescription: 'Gone', message: /answered 410/ },
  ],
  [
    'exchange: 503',
    (sim) => void sim.exchangeDown(1),
    { status: 503, message: /^Altinn token exchange answered 503$/ },
  ],
  [
    'exchange: 200 that is not a JWT',
    (sim) =>
      void sim.exchangeDown(1, { kind: 'status', status: 200, body: 'hello', contentType: 'text/plain' }),
    { status: 200, message: /not a JWT/ },
  ],
  [
    'exchange: timeout',
    (sim) => (sim.exchangeDown(1, hang), { timeoutMs: 300 }),
    { message: /^Altinn token exchange request failed: no answer within 300 ms$/ },
  ],
];

describe('token flow failures', () => {
  let sim: AltinnSimulator;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it.each(cases)('%s → a clear AltinnAuthError, nothing sent', async (_name, setup, expected) => {
    const options = registerClient(sim, key);
    // The send's retry policy has its own suite (test/resilience); here each failure must surface as it is,
    // on a send that fetches its token itself (prefetch failures: token-prefetch.cases.ts).
    const client = await createMaskinportenClient(
      sim,
      { ...options, ...(setup(sim) ?? {}) },
      { retry: false, tokenPrefetch: false },
    );
    try {
      const started = Date.now();
      const error = await client.service.sendInstantSms(smsOrder()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AltinnAuthError);
      const auth = error as AltinnAuthError;
      expect(auth.message).toMatch(expected.message);
      expect(auth.status).toBe(expected.status);
      expect(auth.error).toBe(expected.error);
      if (expected.errorDescription)
        expect(auth.errorDescription).toEqual(expect.stringMatching(expected.errorDescription));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(sim.counters.notificationRequests).toBe(0);
      expect(client.logger.lines.filter((l) => l.startsWith('warn Altinn token refresh failed: '))).toEqual([
        `warn Altinn token refresh failed: ${auth.message}`,
      ]);
    } finally {
      await client.close();
    }
  });

  it('accepts the Altinn token as a JSON-quoted string (Accept: application/json answers)', async () => {
    const token = await sim.issueToken();
    sim.exchangeDown(1, {
      kind: 'status',
      status: 200,
      body: JSON.stringify(token),
      contentType: 'application/json',
    });
    const client = await createMaskinportenClient(sim, registerClient(sim, key));
    try {
      const result = await client.service.sendInstantSms(smsOrder());
      expect(result.created).toBe(true);
      expect(sim.requests.find((r) => r.path.endsWith('/instant/sms'))?.authorization).toBe(
        `Bearer ${token}`,
      );
    } finally {
      await client.close();
    }
  });
});
