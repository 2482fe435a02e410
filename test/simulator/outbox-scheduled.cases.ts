import { AltinnSimulator, type OutboxEntry } from '../../lib/testing/index.js';
import { call } from './simulator.helpers.js';
import { NIN, personOrder, postChain } from './scheduled.helpers.js';

describe('AltinnSimulator outbox with scheduled orders', () => {
  let sim: AltinnSimulator;

  beforeAll(async () => {
    sim = await AltinnSimulator.start({ startTime: '2026-03-02T10:00:00Z', deliveryStepMs: 1000 });
    sim.contacts.setPerson(NIN, { email: 'kari@example.com' });
  });
  afterAll(() => sim.close());

  it('shows a scheduled shipment before it is sent, then as a sent message with its status', async () => {
    const body = personOrder(
      sim,
      { reminders: [{ delayDays: 1, recipient: personOrder(sim).recipient }] },
      30,
    );
    await postChain(sim, body);
    let entries = (await call(`${sim.url}/outbox.json`)).json as OutboxEntry[];
    expect(entries.map((e) => [e.state, e.type, e.to, e.at, e.status])).toEqual([
      ['scheduled', 'Notification', `person ${NIN}`, '2026-03-02T10:30:00.000Z', 'Order_Registered'],
      ['scheduled', 'Reminder', `person ${NIN}`, '2026-03-03T10:30:00.000Z', 'Order_Registered'],
    ]);
    const html = (await call(`${sim.url}/outbox`)).text;
    expect(html).toContain('Reminder');
    expect(html).toContain('scheduled');

    await sim.advance(30 * 60_000);
    entries = (await call(`${sim.url}/outbox.json`)).json as OutboxEntry[];
    expect(entries.map((e) => [e.state, e.type, e.to, e.status])).toEqual([
      ['scheduled', 'Reminder', `person ${NIN}`, 'Order_Registered'],
      ['sent', 'Notification', 'kari@example.com', 'Email_Delivered'],
    ]);
    expect(entries[1]).toMatchObject({
      subject: 'Application received',
      persisted: true,
      idempotencyId: body.idempotencyId,
    });
  });
});
