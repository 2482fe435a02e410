import { AltinnRequestError } from '../../lib/index.js';
import { smsOrder, useTestClient } from '../support/altinn-client.js';

// Issue 12 ("also fix"): a caller that joined an in-flight send (same idempotencyId) without a signal failed when
// the first caller aborted, because the shared request ran on the first caller's signal. Now it runs on a signal
// of its own, aborted only when every caller has left.

const SMS_PATH = '/future/orders/instant/sms';

describe('joining an in-flight send', () => {
  const ctx = useTestClient({ retry: false });

  it('the first caller aborting does not fail a caller that joined without a signal', async () => {
    ctx.sim.inject({ kind: 'delay', ms: 500 }, { path: SMS_PATH });
    const order = smsOrder();
    const first = new AbortController();
    const started = ctx.client.service.sendInstantSms(order, { signal: first.signal });
    const joined = ctx.client.service.sendInstantSms(order);
    setTimeout(() => first.abort(), 100);

    await expect(started).rejects.toBeInstanceOf(AltinnRequestError);
    await expect(started).rejects.toMatchObject({ reason: 'aborted' });
    await expect(joined).resolves.toMatchObject({ created: true, idempotencyId: order.idempotencyId });
    expect(ctx.sim.requests.filter((r) => r.path.endsWith(SMS_PATH))).toHaveLength(1);
    expect(ctx.sim.sentCount(order.idempotencyId)).toBe(1);
  });

  it('when every caller aborted, the shared request is aborted too', async () => {
    ctx.sim.inject({ kind: 'hang' }, { path: SMS_PATH });
    const order = smsOrder();
    const a = new AbortController();
    const b = new AbortController();
    const first = ctx.client.service.sendInstantSms(order, { signal: a.signal });
    const second = ctx.client.service.sendInstantSms(order, { signal: b.signal });
    setTimeout(() => a.abort(), 50);
    setTimeout(() => b.abort(), 100);
    await expect(first).rejects.toMatchObject({ reason: 'aborted' });
    // The last one to leave gets the request's own error, with the attempt it made.
    await expect(second).rejects.toMatchObject({ reason: 'aborted', attempts: 1 });
  });
});
