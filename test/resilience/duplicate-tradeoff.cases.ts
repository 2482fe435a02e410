import { smsOrder } from '../support/altinn-client.js';
import { failure, withOwnSimulator } from './resilience.helpers.js';

// Altinn hands the message over first and records the order afterwards, and cancels the recording when the
// client goes away (`src/Altinn.Notifications.Core/Services/InstantOrderRequestService.cs` and
// `src/Altinn.Notifications.Persistence/Repository/OrderRepository.cs`, Altinn/altinn-notifications). A client that gives up during the hand-over leaves no record behind.
describe('the documented trade-off: a timeout shorter than Altinn’s hand-over', () => {
  const slowAltinn = { sendLatencyMs: 5600 };

  it.concurrent('with a retry, the message can go out twice', async () => {
    // A deadline 1.2 s past the first timeout leaves time for the retry (it times out at the deadline too),
    // instead of waiting out a second 5 s timeout.
    await withOwnSimulator(
      { deadlineMs: 6200 },
      async (sim, client) => {
        const order = smsOrder();
        const error = await failure(client.service.sendInstantSms(order));
        expect(error).toMatchObject({ name: 'AltinnRequestError', reason: 'timeout', attempts: 2 });
        expect(sim.sentCount(order.idempotencyId)).toBe(2);
        expect(sim.orders).toHaveLength(0);
      },
      slowAltinn,
    );
  });

  it.concurrent('without a retry, once (and the caller cannot tell whether it went)', async () => {
    await withOwnSimulator(
      { retry: false },
      async (sim, client) => {
        const order = smsOrder();
        await expect(client.service.sendInstantSms(order)).rejects.toMatchObject({ reason: 'timeout' });
        expect(sim.sentCount(order.idempotencyId)).toBe(1);
      },
      slowAltinn,
    );
  });

  it.concurrent('a timeout longer than the hand-over: once, and created', async () => {
    await withOwnSimulator(
      { timeoutMs: 8000 },
      async (sim, client) => {
        const order = smsOrder();
        await expect(client.service.sendInstantSms(order)).resolves.toMatchObject({ created: true });
        expect(sim.sentCount(order.idempotencyId)).toBe(1);
      },
      slowAltinn,
    );
  });
});
