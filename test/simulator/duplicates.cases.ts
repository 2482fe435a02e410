import { AltinnSimulator } from '../../lib/testing/index.js';
import { postOrder, sleep, smsBody } from './simulator.helpers.js';

describe('AltinnSimulator duplicate traps (persist after send)', () => {
  let sim: AltinnSimulator;

  beforeAll(async () => {
    sim = await AltinnSimulator.start({ sendLatencyMs: 200 });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('two concurrent first requests both send; the second to persist gets 500 with an empty body', async () => {
    const body = smsBody();
    const token = await sim.issueToken();
    const [a, b] = await Promise.all([
      postOrder(sim, 'sms', body, { token }),
      postOrder(sim, 'sms', body, { token }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 500]);
    const failed = a.status === 500 ? a : b;
    expect(failed.text).toBe('');
    expect(sim.sentCount(body.idempotencyId)).toBe(2);
    expect(sim.orders).toHaveLength(1);

    const replay = await postOrder(sim, 'sms', body, { token });
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual((a.status === 201 ? a : b).json);
    expect(sim.sentCount(body.idempotencyId)).toBe(2);
  });

  it('sequential requests never trip the trap', async () => {
    const body = smsBody();
    expect((await postOrder(sim, 'sms', body)).status).toBe(201);
    expect((await postOrder(sim, 'sms', body)).status).toBe(200);
    expect(sim.sentCount(body.idempotencyId)).toBe(1);
  });

  it('a client that disconnects during the send gets its message sent but not stored; a retry sends again', async () => {
    const body = smsBody();
    const controller = new AbortController();
    const pending = postOrder(sim, 'sms', body, { signal: controller.signal });
    await sleep(80);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await sim.idle();

    expect(sim.sentCount(body.idempotencyId)).toBe(1);
    expect(sim.orders).toHaveLength(0);
    expect(sim.requests[0]).toMatchObject({ status: 499, idempotencyId: body.idempotencyId });

    const retry = await postOrder(sim, 'sms', body);
    expect(retry.status).toBe(201);
    expect(sim.sentCount(body.idempotencyId)).toBe(2);
    expect(sim.orders).toHaveLength(1);
  });

  it('waits sendLatencyMs before answering', async () => {
    const started = Date.now();
    expect((await postOrder(sim, 'sms', smsBody())).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
