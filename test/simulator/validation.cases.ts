import { AltinnSimulator } from '../../lib/testing/index.js';
import { emailBody, postOrder, smsBody, type HttpResult } from './simulator.helpers.js';

const TRACE_ID = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;

function expectValidationProblem(res: HttpResult, key: string, message?: string): void {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(res.json).toMatchObject({
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
    title: 'One or more validation errors occurred.',
    status: 400,
    traceId: expect.stringMatching(TRACE_ID),
  });
  expect(Object.keys(res.json.errors)).toContain(key);
  if (message !== undefined) expect(res.json.errors[key]).toEqual([message]);
}

describe('AltinnSimulator request validation (400)', () => {
  let sim: AltinnSimulator;

  beforeAll(async () => {
    sim = await AltinnSimulator.start();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());
  afterEach(async () => {
    // A rejected request must never reach the "send" step.
    const rejected = sim.requests.filter((r) => r.status === 400).length;
    expect(sim.deliveries.length + rejected).toBe(sim.requests.length);
  });

  describe('binding and [Required]', () => {
    it.each([
      [
        'empty idempotencyId',
        smsBody({ idempotencyId: '' }),
        'IdempotencyId',
        'The IdempotencyId field is required.',
      ],
      ['whitespace idempotencyId', smsBody({ idempotencyId: '   ' }), 'IdempotencyId', undefined],
      ['null idempotencyId', smsBody({ idempotencyId: null }), 'IdempotencyId', undefined],
      ['empty phoneNumber', smsBody({}, { phoneNumber: '' }), 'RecipientSms.PhoneNumber', undefined],
      ['null recipientSms', smsBody({ recipientSms: null }), 'RecipientSms', undefined],
      [
        'whitespace SMS body',
        smsBody({}, { smsSettings: { body: ' \t' } }),
        'RecipientSms.ShortMessageContent.Body',
        undefined,
      ],
    ])('%s', async (_name, body, key, message) => {
      expectValidationProblem(await postOrder(sim, 'sms', body), key, message);
    });

    it.each([
      ['whitespace subject', emailBody({}, { subject: ' ' }), 'InstantEmailDetails.EmailSettings.Subject'],
      ['empty body', emailBody({}, { body: '' }), 'InstantEmailDetails.EmailSettings.Body'],
      [
        'empty emailAddress',
        emailBody({ recipientEmail: { emailAddress: '', emailSettings: { subject: 's', body: 'b' } } }),
        'InstantEmailDetails.EmailAddress',
      ],
    ])('email: %s', async (_name, body, key) => {
      expectValidationProblem(await postOrder(sim, 'email', body), key);
    });

    it('a missing required property is a JSON binding error ($ key plus request)', async () => {
      const { idempotencyId: _omit, ...body } = smsBody();
      const res = await postOrder(sim, 'sms', body);
      expectValidationProblem(res, '$');
      expect(res.json.errors.request).toEqual(['The request field is required.']);
      expect(res.json.errors.$[0]).toContain('idempotencyId');
    });

    it('a missing TTL is a binding error at its object', async () => {
      const body = smsBody();
      delete (body.recipientSms as Record<string, unknown>).timeToLiveInSeconds;
      expectValidationProblem(await postOrder(sim, 'sms', body), '$.recipientSms');
    });

    it('unparseable JSON → 400 with $ and request keys', async () => {
      const res = await postOrder(sim, 'sms', '{"idempotencyId": ');
      expectValidationProblem(res, '$');
      expect(res.json.errors.request).toBeDefined();
    });

    it('an empty body → 400', async () => {
      expectValidationProblem(await postOrder(sim, 'sms', ''), 'request');
    });

    it('a wrong JSON type is a binding error at its JSON path', async () => {
      expectValidationProblem(
        await postOrder(sim, 'sms', smsBody({}, { timeToLiveInSeconds: 'soon' })),
        '$.recipientSms.timeToLiveInSeconds',
      );
      expectValidationProblem(await postOrder(sim, 'sms', smsBody({ idempotencyId: 42 })), '$.idempotencyId');
      expectValidationProblem(
        await postOrder(sim, 'sms', smsBody({}, { timeToLiveInSeconds: 300.5 })),
        '$.recipientSms.timeToLiveInSeconds',
      );
    });

    it('reads property names case-insensitively, numbers from strings, and ignores unknown properties', async () => {
      const res = await postOrder(sim, 'sms', {
        IdempotencyID: 'case-1',
        extra: true,
        RECIPIENTSMS: { PhoneNumber: '+4799999999', timeToLiveInSeconds: '300', smsSettings: { body: 'hi' } },
      });
      expect(res.status).toBe(201);
      expect(sim.deliveries[0]).toMatchObject({
        idempotencyId: 'case-1',
        timeToLiveInSeconds: 300,
        from: 'Altinn',
      });
    });
  });

  describe('SMS rules', () => {
    it.each([
      [59, 400],
      [60, 201],
      [172800, 201],
      [172801, 400],
    ])('timeToLiveInSeconds %d → %d', async (ttl, status) => {
      const res = await postOrder(sim, 'sms', smsBody({}, { timeToLiveInSeconds: ttl }));
      expect(res.status).toBe(status);
      if (status === 400) {
        expectValidationProblem(
          res,
          'RecipientSms.TimeToLiveInSeconds',
          'Time-to-live must be between 60 and 172800 seconds (48 hours).',
        );
      }
    });

    it.each([
      ['+4799999999', true],
      ['+4712345678', false],
      ['+4722225555', true],
      ['+4780012345', true],
      ['+47 999 99 999', true],
      ['+47-999-99-999', true],
      ['0047 99999999', true],
      ['004799999999', true],
      ['++4799999999', false],
      ['4799999999', false],
      ['99999999', false],
      ['+4759999999', false],
      ['+47999999999', false],
      ['+46701234567', true],
    ])('phone %s valid=%s', async (phoneNumber, valid) => {
      const res = await postOrder(sim, 'sms', smsBody({}, { phoneNumber }));
      if (valid) {
        expect(res.status).toBe(201);
        expect(sim.deliveries[0].to).toBe(phoneNumber);
      } else {
        expectValidationProblem(
          res,
          'RecipientSms.PhoneNumber',
          'Recipient phone number is not a valid mobile number.',
        );
      }
    });

    it('the deprecated endpoint prefixes keys with InstantNotificationRecipient.ShortMessageDeliveryDetails', async () => {
      const sms = smsBody({}, { phoneNumber: '+4712345678', timeToLiveInSeconds: 10 });
      const res = await postOrder(sim, 'legacy', {
        idempotencyId: 'x',
        recipient: { recipientSms: sms.recipientSms },
      });
      expectValidationProblem(res, 'InstantNotificationRecipient.ShortMessageDeliveryDetails.PhoneNumber');
      expectValidationProblem(
        res,
        'InstantNotificationRecipient.ShortMessageDeliveryDetails.TimeToLiveInSeconds',
      );
    });

    it('reports every FluentValidation failure at once', async () => {
      const res = await postOrder(
        sim,
        'sms',
        smsBody({}, { phoneNumber: '+4712345678', timeToLiveInSeconds: 1 }),
      );
      expect(Object.keys(res.json.errors).sort()).toEqual([
        'RecipientSms.PhoneNumber',
        'RecipientSms.TimeToLiveInSeconds',
      ]);
    });
  });

  describe('email rules', () => {
    it.each([
      ['user+tag@example.com', true],
      ['æøå@example.no', true],
      ['user@example.international', true],
      ['user@1.2.3.4', true],
      ['  user@example.com  ', true],
      ["o'hara.{x}@sub.example.co", true],
      ['&quot;x&quot;@example.com', true],
      ['a@b.c', false],
      ['user@localhost', false],
      ['user@[1.2.3.4]', false],
      ['ü@example.com', false],
      ['user@exämple.com', false],
      ['user@example.xn--p1ai', false],
      ['user@a.b.c.d.e.f.g.h.i.j.com', false],
      ['user@a.b.c.d.e.f.g.h.i.com', true],
      ['user@example.abcdefghijklmno', false],
      ['"x"@example.com', false],
      ['a@b.com;c@d.com', false],
      ['.user@example.com', false],
      ['us..er@example.com', false],
      ['user@-example.com', false],
    ])('emailAddress %s valid=%s', async (emailAddress, valid) => {
      const body = emailBody({
        recipientEmail: { emailAddress, emailSettings: { subject: 's', body: 'b' } },
      });
      const res = await postOrder(sim, 'email', body);
      if (valid) {
        expect(res.status).toBe(201);
        expect(sim.deliveries[0].to).toBe(emailAddress); // sent untrimmed, as received
      } else {
        expectValidationProblem(res, 'InstantEmailDetails.EmailAddress', 'Invalid email address format.');
      }
    });

    it.each([
      ['', false],
      ['  ', false],
      ['not-an-address', false],
      ['noreply@etat.no', true],
      [null, true],
    ])('senderEmailAddress %j valid=%s', async (senderEmailAddress, valid) => {
      const res = await postOrder(sim, 'email', emailBody({}, { senderEmailAddress }));
      if (valid) {
        expect(res.status).toBe(201);
        expect(sim.deliveries[0].from).toBe(senderEmailAddress ?? 'noreply@altinn.cloud');
      } else {
        expectValidationProblem(res, 'InstantEmailDetails.EmailSettings.SenderEmailAddress');
      }
    });

    it.each([
      ['Plain', 'Plain'],
      ['HTML', 'Html'],
      ['plain', 'Plain'],
      [0, 'Plain'],
      [1, 'Html'],
      [undefined, 'Plain'],
    ])('contentType %j is read as %s', async (contentType, expected) => {
      const res = await postOrder(sim, 'email', emailBody({}, { contentType }));
      expect(res.status).toBe(201);
      expect(sim.deliveries[0].contentType).toBe(expected);
    });

    it('an out-of-range integer contentType fails FluentValidation; an unknown name fails binding', async () => {
      expectValidationProblem(
        await postOrder(sim, 'email', emailBody({}, { contentType: 2 })),
        'InstantEmailDetails.EmailSettings.ContentType',
        'Email content type must be either Plain or HTML.',
      );
      expectValidationProblem(
        await postOrder(sim, 'email', emailBody({}, { contentType: 'Markdown' })),
        '$.recipientEmail.emailSettings.contentType',
      );
    });
  });
});
