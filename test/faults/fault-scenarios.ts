import type { AltinnSimulator, SimulatorFault } from '../../lib/testing/index.js';
import type { FaultScenario, ScenarioOrder } from './fault-runner.js';

type Arrange = (sim: AltinnSimulator, order: ScenarioOrder) => void;
type StatusFault = Extract<SimulatorFault, { kind: 'status' }>;

const ORDERS = /\/future\/orders\/instant\/(sms|email)$/;
const EVERY = Infinity;

/** The fault on the order endpoints, for the next `times` requests. */
const on =
  (fault: SimulatorFault, times = 1): Arrange =>
  (sim) =>
    void sim.inject(fault, { path: ORDERS, times });

const status = (code: number, extra: Partial<StatusFault> = {}): StatusFault => ({
  kind: 'status',
  status: code,
  ...extra,
});
const html = (code: number) =>
  status(code, { body: '<html><body><h1>Bad Gateway</h1></body></html>', contentType: 'text/html' });
const malformed = (code: number) =>
  status(code, { body: '{"code": "NOT-0000', contentType: 'application/json' });

const NOT_00004 = status(503, {
  body: {
    type: 'urn:altinn:error:NOT-00004',
    title: 'A temporary network failure occurred',
    status: 503,
    code: 'NOT-00004',
    statusDescription: 'Service Unavailable',
    traceId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  },
});
const VALIDATION_PROBLEM = status(400, {
  body: {
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
    title: 'One or more validation errors occurred.',
    status: 400,
    errors: { 'RecipientSms.PhoneNumber': ['Recipient phone number is not a valid mobile number.'] },
  },
});
const NOT_00001 = status(422, {
  body: { code: 'NOT-00001', title: 'Missing contact information for recipient(s)' },
});
const INVALID_GRANT = status(400, {
  body: { error: 'invalid_grant', error_description: 'Invalid assertion. Client authentication failed.' },
});

/** A hostile proxy that quotes the request back: the whole order, the recipient and the body. */
const echoOrder: Arrange = (sim, o) => {
  const quoted = o.secrets.filter((s) => s.kind !== 'OTP').map((s) => s.value);
  sim.inject(
    status(400, {
      body: {
        title: `Rejected: ${JSON.stringify(o.order)}`,
        detail: quoted.join(' '),
        errors: { 'InstantEmailDetails.EmailAddress': quoted.map((q) => `not valid: ${q}`) },
      },
    }),
    { path: ORDERS, times: EVERY },
  );
};

function row(
  fault: string,
  expected: string,
  attempts: number,
  sent: number,
  arrange?: Arrange,
  extra: Partial<FaultScenario> = {},
): FaultScenario {
  return { fault, expected, attempts, sent, arrange, ...extra };
}

const email = { channel: 'email' } as const;
const slow = { slow: true } as const;

/** Every fault of the issue, the outcome the retry policy promises, and the attempts and messages it costs. */
export const FAULT_SCENARIOS: FaultScenario[] = [
  row('none', 'created', 1, 1),
  row('none (email)', 'created', 1, 1, undefined, email),
  // The network and slowness
  row('connection reset, once', 'created', 2, 1, on({ kind: 'reset' })),
  row('connection reset, every attempt', 'AltinnRequestError network', 2, 0, on({ kind: 'reset' }, EVERY)),
  row('no answer (timeout), once', 'created', 2, 1, on({ kind: 'hang' }), slow),
  row(
    'no answer (timeout), every attempt',
    'AltinnRequestError timeout',
    2,
    0,
    on({ kind: 'hang' }, EVERY),
    // A 7 s deadline: the retry gets what is left of it (after the token, ~2 s), not another full 5 s timeout.
    { ...slow, options: { deadlineMs: 7000 } },
  ),
  row('slow body (1 s, within the timeout)', 'created', 1, 1, on({ kind: 'slowBody', delayMs: 1000 })),
  row('slow body (6 s, beyond the timeout)', 'replayed', 2, 1, on({ kind: 'slowBody', delayMs: 6000 }), slow),
  row('slow answer (300 ms)', 'created', 1, 1, on({ kind: 'delay', ms: 300 })),
  row('answer lost after the order was stored, once', 'replayed', 2, 1, on({ kind: 'lostAnswer' })),
  // Retried
  row('500 empty body, once', 'created', 2, 1, on(status(500))),
  row('500 HTML, every attempt', 'AltinnApiError 500', 2, 0, on(html(500), EVERY)),
  row('502 HTML, once', 'created', 2, 1, on(html(502))),
  row('503 NOT-00004, once (email)', 'created', 2, 1, on(NOT_00004), email),
  row('503 NOT-00004, every attempt', 'AltinnApiError 503 NOT-00004', 2, 0, on(NOT_00004, EVERY)),
  row('503 malformed JSON, once', 'created', 2, 1, on(malformed(503))),
  row('504 empty body, once', 'created', 2, 1, on(status(504))),
  row('429 Retry-After: 1, once', 'created', 2, 1, on({ kind: 'retryAfter', status: 429, seconds: 1 })),
  row(
    '429 Retry-After: 120 (capped), once',
    'created',
    2,
    1,
    on({ kind: 'retryAfter', status: 429, seconds: 120 }),
  ),
  row(
    '503 Retry-After: 1, every attempt',
    'AltinnApiError 503',
    2,
    0,
    on({ kind: 'retryAfter', status: 503, seconds: 1 }, EVERY),
  ),
  // Not retried
  row('400 ValidationProblemDetails', 'AltinnApiError 400', 1, 0, on(VALIDATION_PROBLEM, EVERY)),
  row('400 malformed JSON', 'AltinnApiError 400', 1, 0, on(malformed(400), EVERY)),
  row('400 body quoting the order (email)', 'AltinnApiError 400', 1, 0, echoOrder, email),
  row('401 once (stale token: one refresh)', 'created', 2, 1, on(status(401))),
  row('401 every attempt', 'AltinnApiError 401', 2, 0, on(status(401), EVERY)),
  row('403 empty body', 'AltinnApiError 403', 1, 0, on(status(403), EVERY)),
  row('404 empty body', 'AltinnApiError 404', 1, 0, on(status(404), EVERY)),
  row('415 empty body', 'AltinnApiError 415', 1, 0, on(status(415), EVERY)),
  row('422 NOT-00001', 'AltinnApiError 422 NOT-00001', 1, 0, on(NOT_00001, EVERY)),
  row('201 with a body that is not JSON', 'AltinnApiError 201', 1, 0, on(malformed(201), EVERY)),
  // The caller
  row('caller aborts during the retry wait', 'AltinnRequestError aborted', 1, 0, on(NOT_00004, EVERY), {
    options: { retry: { delayMs: 10_000 } },
    act: (send) => send(AbortSignal.timeout(300)),
  }),
  row('3 concurrent calls, same idempotencyId', 'created', 1, 1, on({ kind: 'delay', ms: 200 }), {
    act: async (send) => (await Promise.all([send(), send(), send()]))[0],
  }),
  // Tokens
  row('Maskinporten 503, once', 'created', 1, 1, (sim) => void sim.maskinportenDown(1)),
  row('Maskinporten 503, every attempt', 'AltinnAuthError', 0, 0, (sim) => void sim.maskinportenDown(EVERY)),
  row(
    'Maskinporten connection reset, once',
    'created',
    1,
    1,
    (sim) => void sim.maskinportenDown(1, { kind: 'reset' }),
  ),
  row(
    'Maskinporten no answer, once',
    'created',
    1,
    1,
    (sim) => void sim.maskinportenDown(1, { kind: 'hang' }),
  ),
  row(
    'Maskinporten 400 invalid_grant',
    'AltinnAuthError',
    0,
    0,
    (sim) => void sim.maskinportenDown(1, INVALID_GRANT),
  ),
  row('token exchange 503, once', 'created', 1, 1, (sim) => void sim.exchangeDown(1)),
  row('token exchange 503, every attempt', 'AltinnAuthError', 0, 0, (sim) => void sim.exchangeDown(EVERY)),
  row('token exchange 401', 'AltinnAuthError', 0, 0, (sim) => void sim.exchangeDown(1, status(401))),
];
