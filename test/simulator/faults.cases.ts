import { request } from 'node:http';
import { AltinnSimulator } from '../../lib/testing/index.js';
import { call, postOrder, smsBody } from './simulator.helpers.js';

const SMS_PATH = '/notifications/api/v1/future/orders/instant/sms';

/** Raw node:http POST that reports when the headers and when the body arrived. */
function timedPost(url: string, token: string, body: string) {
  return new Promise<{ status: number; headersAt: number; bodyAt: number; text: string }>(
    (resolve, reject) => {
      const started = Date.now();
      const req = request(
        url,
        { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
        (res) => {
          const headersAt = Date.now() - started;
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headersAt, bodyAt: Date.now() - started, text }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

describe('AltinnSimulator fault injection', () => {
  let sim: AltinnSimulator;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('reset destroys the socket without an answer and sends nothing', async () => {
    sim.inject({ kind: 'reset' });
    await expect(postOrder(sim, 'sms', smsBody())).rejects.toThrow();
    expect(sim.deliveries).toHaveLength(0);
    expect(sim.requests[0]).toMatchObject({ path: SMS_PATH, status: 0, fault: 'reset' });
    expect((await postOrder(sim, 'sms', smsBody())).status).toBe(201); // consumed after one use
  });

  it('hang never answers and sends nothing', async () => {
    sim.inject({ kind: 'hang' });
    const body = smsBody();
    await expect(postOrder(sim, 'sms', body, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(sim.deliveries).toHaveLength(0);
    expect(sim.orders).toHaveLength(0);
    expect(sim.requests[0]).toMatchObject({ status: 0, fault: 'hang', idempotencyId: body.idempotencyId });
  });

  it.each([
    [
      {
        kind: 'status',
        status: 503,
        body: { code: 'NOT-00004', title: 'A temporary network failure occurred' },
      },
      503,
      /^application\/json/,
      '"NOT-00004"',
    ],
    [{ kind: 'status', status: 500 }, 500, null, ''],
    [
      {
        kind: 'status',
        status: 502,
        body: '<html><body>Bad gateway</body></html>',
        contentType: 'text/html',
      },
      502,
      /^text\/html/,
      '<html>',
    ],
    [
      { kind: 'status', status: 400, body: '{"errors": ', contentType: 'application/json' },
      400,
      /^application\/json/,
      '{"errors": ',
    ],
  ] as const)(
    'status fault %j answers as scripted without sending',
    async (fault, status, contentType, text) => {
      sim.inject(fault);
      const res = await postOrder(sim, 'sms', smsBody());
      expect(res.status).toBe(status);
      if (contentType === null) expect(res.headers.get('content-type')).toBeNull();
      else expect(res.headers.get('content-type')).toMatch(contentType);
      expect(res.text).toContain(text);
      expect(sim.deliveries).toHaveLength(0);
      expect(sim.requests[0]).toMatchObject({ status, fault: 'status' });
    },
  );

  it('status fault sets extra headers', async () => {
    sim.inject({ kind: 'status', status: 418, headers: { 'X-Trace': 'abc' } });
    expect((await postOrder(sim, 'sms', smsBody())).headers.get('x-trace')).toBe('abc');
  });

  it.each([429, 503] as const)('retryAfter %d sends Retry-After and nothing else happens', async (status) => {
    sim.inject({ kind: 'retryAfter', status, seconds: 7 });
    const res = await postOrder(sim, 'sms', smsBody());
    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(sim.deliveries).toHaveLength(0);
  });

  it('slowBody sends and stores the message, sends headers at once and the body after delayMs', async () => {
    sim.inject({ kind: 'slowBody', delayMs: 400 });
    const body = smsBody();
    const res = await timedPost(`${sim.url}${SMS_PATH}`, await sim.issueToken(), JSON.stringify(body));
    expect(res.status).toBe(201);
    expect(res.headersAt).toBeLessThan(300);
    expect(res.bodyAt).toBeGreaterThanOrEqual(390);
    expect(JSON.parse(res.text).notification.shipmentId).toBe(sim.orders[0].shipmentId);
    expect(sim.sentCount(body.idempotencyId)).toBe(1);
  });

  it('delay waits, then processes normally', async () => {
    sim.inject({ kind: 'delay', ms: 250 });
    const started = Date.now();
    const res = await postOrder(sim, 'sms', smsBody());
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(sim.requests[0].fault).toBe('delay');
  });

  it('applies faults FIFO, per matching path, `times` times, and reports hits', async () => {
    const first = sim.inject(
      { kind: 'status', status: 503 },
      { path: '/future/orders/instant/sms', times: 2 },
    );
    const second = sim.inject({ kind: 'status', status: 502 }, { path: /instant\/(sms|email)$/ });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await postOrder(sim, 'sms', smsBody())).status);
    expect(statuses).toEqual([503, 503, 502, 201]);
    expect([first.hits, first.remaining, second.hits, second.remaining]).toEqual([2, 0, 1, 0]);
  });

  it('does not apply a fault to other paths, and cancel() removes it', async () => {
    const handle = sim.inject(
      { kind: 'status', status: 500 },
      { path: '/future/orders/instant/email', times: Infinity },
    );
    expect((await postOrder(sim, 'sms', smsBody())).status).toBe(201);
    handle.cancel();
    expect(handle.remaining).toBe(0);
    expect(sim.requests).toHaveLength(1);
  });

  it('a path-less fault leaves the outbox pages alone', async () => {
    sim.inject({ kind: 'status', status: 500 });
    expect((await call(`${sim.url}/outbox.json`)).status).toBe(200);
    expect((await postOrder(sim, 'sms', smsBody())).status).toBe(500);
  });

  it('maskinportenDown and exchangeDown fail those endpoints the given number of times', async () => {
    sim.maskinportenDown(2);
    sim.exchangeDown(1, { kind: 'reset' });
    const token = () => call(sim.maskinporten.tokenUrl, { method: 'POST' });
    expect((await token()).status).toBe(503);
    expect((await token()).status).toBe(503);
    expect((await token()).status).toBe(400); // up again: an empty form is invalid_request
    const exchangeUrl = `${sim.platformUrl}/authentication/api/v1/exchange/maskinporten`;
    await expect(call(exchangeUrl)).rejects.toThrow();
    expect((await call(exchangeUrl)).status).toBe(401);
  });

  it('reset() clears queued faults', async () => {
    sim.inject({ kind: 'status', status: 500 }, { times: Infinity });
    sim.reset();
    expect((await postOrder(sim, 'sms', smsBody())).status).toBe(201);
  });
});
