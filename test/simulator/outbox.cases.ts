import { AltinnSimulator, type OutboxEntry } from '../../lib/testing/index.js';
import { call, emailBody, postOrder, smsBody } from './simulator.helpers.js';

describe('AltinnSimulator outbox page', () => {
  let sim: AltinnSimulator;

  beforeAll(async () => {
    sim = await AltinnSimulator.start({ deliveryStepMs: 60_000 });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('lists delivered messages newest first as JSON with their status', async () => {
    await postOrder(sim, 'sms', smsBody({}, { smsSettings: { body: 'first 111111' } }));
    await postOrder(sim, 'email', emailBody({}, { subject: 'Second', body: 'second 222222' }));
    const res = await call(`${sim.url}/outbox.json`);
    expect(res.status).toBe(200);
    const entries = res.json as OutboxEntry[];
    expect(entries.map((e) => e.body)).toEqual(['second 222222', 'first 111111']);
    expect(entries[0]).toMatchObject({
      channel: 'email',
      to: 'user@example.com',
      subject: 'Second',
      status: 'Email_New',
      persisted: true,
      shipmentId: sim.orders[1].shipmentId,
    });
    expect(entries[1]).toMatchObject({ channel: 'sms', to: '+4799999999', status: 'SMS_New' });
    expect(entries[1]).not.toHaveProperty('subject');
  });

  it('serves an HTML page at / and /outbox that escapes all user content', async () => {
    const evil = `<script>alert("x")</script> & 'q'`;
    await postOrder(sim, 'sms', smsBody({}, { smsSettings: { sender: '<b>S</b>', body: evil } }));
    await postOrder(
      sim,
      'email',
      emailBody({
        recipientEmail: {
          emailAddress: 'a&b@example.com',
          emailSettings: { subject: '<img src=x onerror=alert(1)>', body: 'ok' },
        },
      }),
    );
    for (const path of ['/', '/outbox']) {
      const res = await call(`${sim.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
      expect(res.text).toContain('&lt;b&gt;S&lt;/b&gt;');
      expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(res.text).toContain('a&amp;b@example.com');
      expect(res.text).not.toMatch(/<script|<img|<b>/i);
      expect(res.text).not.toMatch(/(src|href)="https?:/);
      expect(res.text.indexOf('a&amp;b@example.com')).toBeLessThan(res.text.indexOf('&lt;b&gt;S&lt;/b&gt;'));
    }
  });

  it('marks a message that went out but was never stored', async () => {
    const slow = await AltinnSimulator.start({ sendLatencyMs: 100 });
    try {
      const body = smsBody();
      const token = await slow.issueToken();
      await Promise.all([postOrder(slow, 'sms', body, { token }), postOrder(slow, 'sms', body, { token })]);
      const entries = (await call(`${slow.url}/outbox.json`)).json as OutboxEntry[];
      expect(entries.map((e) => e.persisted).sort()).toEqual([false, true]);
      expect((await call(`${slow.url}/`)).text).toContain('not stored');
    } finally {
      await slow.close();
    }
  });

  it('says so when there are no messages', async () => {
    expect((await call(`${sim.url}/`)).text).toContain('No messages yet.');
    expect((await call(`${sim.url}/outbox.json`)).json).toEqual([]);
  });
});
