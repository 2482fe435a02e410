import { AltinnValidationError, InstantSmsOrderDto } from '../../lib/index.js';
import { AltinnSimulator } from '../../lib/testing/index.js';
import {
  createTestClient,
  emailOrder,
  smsOrder,
  useTestClient,
  type TestClient,
} from '../support/altinn-client.js';

const sms = (recipient: Record<string, unknown>, settings: Record<string, unknown> = {}) =>
  smsOrder({
    recipientSms: {
      phoneNumber: '+4799999999',
      timeToLiveInSeconds: 300,
      ...recipient,
      smsSettings: { body: 'Koden er 123456', ...settings },
    },
  });
const email = (recipient: Record<string, unknown>, settings: Record<string, unknown> = {}) =>
  emailOrder({
    recipientEmail: {
      emailAddress: 'kari@example.no',
      ...recipient,
      emailSettings: { subject: 'Kode', body: 'Koden er 123456', ...settings },
    },
  });

describe('local validation with Altinn rules', () => {
  let sim: AltinnSimulator;
  let client: TestClient;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
    client = await createTestClient(sim);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });
  beforeEach(() => sim.reset());

  const rejectsSms: Array<[string, unknown, string]> = [
    ['null order', null, ''],
    ['missing recipientSms', { idempotencyId: 'x' }, 'recipientSms'],
    ['blank idempotencyId', smsOrder({ idempotencyId: '   ' }), 'idempotencyId'],
    ['the guide example number (invalid)', sms({ phoneNumber: '+4712345678' }), 'recipientSms.phoneNumber'],
    ['no + or 00', sms({ phoneNumber: '4799999999' }), 'recipientSms.phoneNumber'],
    ['double plus', sms({ phoneNumber: '++4799999999' }), 'recipientSms.phoneNumber'],
    ['number as a number', sms({ phoneNumber: 4799999999 }), 'recipientSms.phoneNumber'],
    ['TTL below 60', sms({ timeToLiveInSeconds: 59 }), 'recipientSms.timeToLiveInSeconds'],
    ['TTL above 172800', sms({ timeToLiveInSeconds: 172_801 }), 'recipientSms.timeToLiveInSeconds'],
    ['TTL not an integer', sms({ timeToLiveInSeconds: 300.5 }), 'recipientSms.timeToLiveInSeconds'],
    ['TTL as a string', sms({ timeToLiveInSeconds: '300' }), 'recipientSms.timeToLiveInSeconds'],
    ['blank body', sms({}, { body: ' \n ' }), 'recipientSms.smsSettings.body'],
    ['sender over 11 characters', sms({}, { sender: 'Skatteetaten' }), 'recipientSms.smsSettings.sender'],
    ['landline (mobile-only by default)', sms({ phoneNumber: '+4722225555' }), 'recipientSms.phoneNumber'],
    ['toll-free number', sms({ phoneNumber: '+4780012345' }), 'recipientSms.phoneNumber'],
  ];

  it.each(rejectsSms)('rejects SMS: %s, before any HTTP call', async (_name, order, path) => {
    const error = await client.service.sendInstantSms(order as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnValidationError);
    expect((error as AltinnValidationError).errors.map((e) => e.path)).toContain(path);
    expect(sim.requests).toHaveLength(0);
  });

  const rejectsEmail: Array<[string, unknown, string]> = [
    ['missing recipientEmail', { idempotencyId: 'x' }, 'recipientEmail'],
    ['a@b.c (TLD too short)', email({ emailAddress: 'a@b.c' }), 'recipientEmail.emailAddress'],
    ['user@localhost', email({ emailAddress: 'user@localhost' }), 'recipientEmail.emailAddress'],
    ['bracketed IP', email({ emailAddress: 'user@[1.2.3.4]' }), 'recipientEmail.emailAddress'],
    ['ü in local part', email({ emailAddress: 'ü@example.com' }), 'recipientEmail.emailAddress'],
    ['punycode TLD', email({ emailAddress: 'user@example.xn--p1ai' }), 'recipientEmail.emailAddress'],
    ['semicolon list', email({ emailAddress: 'a@example.com;b@example.com' }), 'recipientEmail.emailAddress'],
    ['10 labels', email({ emailAddress: 'u@a.b.c.d.e.f.g.h.i.j.com' }), 'recipientEmail.emailAddress'],
    ['blank subject', email({}, { subject: ' ' }), 'recipientEmail.emailSettings.subject'],
    ['blank body', email({}, { body: '' }), 'recipientEmail.emailSettings.body'],
    [
      'bad sender address',
      email({}, { senderEmailAddress: 'noreply' }),
      'recipientEmail.emailSettings.senderEmailAddress',
    ],
    [
      'unknown contentType',
      email({}, { contentType: 'Markdown' }),
      'recipientEmail.emailSettings.contentType',
    ],
  ];

  it.each(rejectsEmail)('rejects email: %s, before any HTTP call', async (_name, order, path) => {
    const error = await client.service.sendInstantEmail(order as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnValidationError);
    expect((error as AltinnValidationError).errors.map((e) => e.path)).toContain(path);
    expect(sim.requests).toHaveLength(0);
  });

  it('lists every failing field, and never echoes the values', async () => {
    const order = sms(
      { phoneNumber: '+4712345678', timeToLiveInSeconds: 5 },
      { body: '', sender: 'ABCDEFGHIJKLMNOP' },
    );
    const error = (await client.service
      .sendInstantSms(order as never)
      .catch((e: unknown) => e)) as AltinnValidationError;
    expect(error.errors.map((e) => e.path).sort()).toEqual([
      'recipientSms.phoneNumber',
      'recipientSms.smsSettings.body',
      'recipientSms.smsSettings.sender',
      'recipientSms.timeToLiveInSeconds',
    ]);
    expect(JSON.stringify(error) + error.message + error.stack).not.toMatch(/12345678|ABCDEFGHIJKLMNOP/);
  });

  it.each([
    ['+4799999999', '+4799999999'],
    ['+47 999 99 999', '+4799999999'],
    ['0047 99999999', '+4799999999'],
    ['+47-999-99-999', '+4799999999'],
  ])('accepts %s and sends it as E.164 %s', async (input, wire) => {
    await client.service.sendInstantSms(sms({ phoneNumber: input }));
    expect(sim.orders[0].request).toMatchObject({ recipientSms: { phoneNumber: wire } });
  });

  it.each([
    'user+tag@example.com',
    'æøå@example.no',
    'user@example.international',
    'user@1.2.3.4',
    ' pad@example.no ',
  ])('accepts the address %j, as Altinn does', async (address) => {
    await expect(client.service.sendInstantEmail(email({ emailAddress: address }))).resolves.toMatchObject({
      created: true,
    });
    expect(sim.orders[0].request).toMatchObject({ recipientEmail: { emailAddress: address.trim() } });
  });

  it('never sends senderEmailAddress "" (Altinn answers 400 to it) and defaults contentType to Plain', async () => {
    await client.service.sendInstantEmail(email({}, { senderEmailAddress: '  ' }));
    const settings = (sim.orders[0].request as { recipientEmail: { emailSettings: Record<string, unknown> } })
      .recipientEmail.emailSettings;
    expect(settings).not.toHaveProperty('senderEmailAddress');
    expect(settings.contentType).toBe('Plain');
  });

  it('accepts a DTO instance as well as a plain object', async () => {
    const dto = Object.assign(new InstantSmsOrderDto(), sms({}));
    await expect(client.service.sendInstantSms(dto)).resolves.toMatchObject({ created: true });
  });
});

describe('phone number policy options', () => {
  let sim: AltinnSimulator;
  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());

  it('mobileOnly: false lets a landline through, as Altinn itself would', async () => {
    const client = await createTestClient(sim, { phoneNumbers: { mobileOnly: false } });
    await expect(client.service.sendInstantSms(sms({ phoneNumber: '+4722225555' }))).resolves.toMatchObject({
      created: true,
    });
    await client.close();
  });

  it('allowedCountries rejects a valid Swedish mobile when only NO is expected', async () => {
    const client = await createTestClient(sim, { phoneNumbers: { allowedCountries: ['NO'] } });
    sim.reset();
    const error = await client.service
      .sendInstantSms(sms({ phoneNumber: '+46701234567' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnValidationError);
    expect((error as AltinnValidationError).errors).toEqual([
      { path: 'recipientSms.phoneNumber', message: 'must be a number from NO' },
    ]);
    expect(sim.requests).toHaveLength(0);
    await expect(client.service.sendInstantSms(sms({}))).resolves.toMatchObject({ created: true });
    await client.close();
  });

  it('applies defaults.smsSender when the order has no sender', async () => {
    const client = await createTestClient(sim, { defaults: { smsSender: 'Skatt' } });
    sim.reset();
    await client.service.sendInstantSms(sms({}));
    expect(sim.orders[0].request).toMatchObject({ recipientSms: { smsSettings: { sender: 'Skatt' } } });
    await client.close();
  });
});

describe('blank, as ASP.NET [Required] sees it', () => {
  const ctx = useTestClient({ retry: false });

  it.each(['\u0085', ' \u0085\t', '\u00a0', '\u2028'])(
    'a body of only %j is blank, and nothing is sent',
    async (body) => {
      const error = await ctx.client.service.sendInstantSms(sms({}, { body })).catch((e: unknown) => e);
      expect((error as AltinnValidationError).errors).toEqual([
        { path: 'recipientSms.smsSettings.body', message: 'must be a non-blank string' },
      ]);
      expect(ctx.sim.requests).toHaveLength(0);
    },
  );

  it('the simulator agrees: it answers 400 to a NEL-only body', async () => {
    const res = await fetch(`${ctx.sim.baseUrl}/future/orders/instant/sms`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ctx.client.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(sms({}, { body: '\u0085' })),
    });
    expect(res.status).toBe(400);
  });
});
