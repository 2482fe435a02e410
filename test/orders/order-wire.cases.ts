import { AltinnValidationError } from '../../lib/index.js';
import { toWireOrder, type OrderPolicy } from '../../lib/orders/order.validation.js';
import {
  LOCAL_EXTRAS,
  SERVER_RULES,
  baseOrder,
  emailSettings,
  smsSettings,
  NIN,
} from './order-rules.table.js';

const POLICY: OrderPolicy = {
  phonePolicy: { mobileOnly: true },
  defaults: {},
  maxSmsSegments: 16,
  orderChecks: { checkDigits: true, sendTimeMarginSeconds: 300 },
  checkDigits: true,
  sendTimeMarginSeconds: 300,
};

function errorsOf(order: unknown, policy: Partial<OrderPolicy> = {}) {
  try {
    toWireOrder(order as never, { ...POLICY, ...policy });
  } catch (err) {
    if (err instanceof AltinnValidationError) return err.errors;
    throw err;
  }
  return [];
}

describe('scheduled order validation (pure: Altinn rules and local extras)', () => {
  it('the base order of the rule table passes', () => {
    expect(errorsOf(baseOrder())).toEqual([]);
  });

  it.each([...SERVER_RULES, ...LOCAL_EXTRAS].map((c) => [c.name, c] as const))('%s', (_, c) => {
    const order = baseOrder();
    c.change(order);
    const errors = errorsOf(order);
    expect(errors).toEqual([{ path: c.path, message: expect.stringMatching(c.message) }]);
  });

  it.each(LOCAL_EXTRAS.filter((c) => c.off).map((c) => [c.name, c] as const))(
    '%s: passes with its option off',
    (_, c) => {
      const order = baseOrder();
      c.change(order);
      expect(errorsOf(order, c.off as Partial<OrderPolicy>)).toEqual([]);
    },
  );

  it('the wire body: UTC send times, E.164, trimmed addresses, defaults, only known fields', () => {
    const order = {
      requestedSendTime: '2031-06-01T09:30:00+02:00',
      junk: 'dropped',
      recipient: {
        recipientSms: { phoneNumber: '0047 999 99 999', smsSettings: smsSettings({ sender: ' ', extra: 1 }) },
      },
      reminders: [
        {
          requestedSendTime: new Date('2031-06-02T07:30:00Z'),
          recipient: {
            recipientEmail: { emailAddress: ' kari@example.no ', emailSettings: emailSettings() },
          },
        },
        {
          delayDays: 3,
          conditionEndpoint: 'https://saksbehandling.example.no/condition?case=4711',
          recipient: {
            recipientPerson: {
              nationalIdentityNumber: NIN,
              channelSchema: 'Sms',
              smsSettings: smsSettings(),
              emailSettings: null,
            },
          },
        },
      ],
    };
    const { body, recipient } = toWireOrder(order as never, { ...POLICY, defaults: { smsSender: 'Etat' } });
    expect(body).toEqual({
      idempotencyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      requestedSendTime: '2031-06-01T07:30:00.000Z',
      recipient: {
        recipientSms: {
          phoneNumber: '+4799999999',
          smsSettings: { body: smsSettings().body, sender: 'Etat' },
        },
      },
      reminders: [
        {
          requestedSendTime: '2031-06-02T07:30:00.000Z',
          recipient: {
            recipientEmail: {
              emailAddress: 'kari@example.no',
              emailSettings: { ...emailSettings(), contentType: 'Plain' },
            },
          },
        },
        {
          delayDays: 3,
          conditionEndpoint: 'https://saksbehandling.example.no/condition?case=4711',
          recipient: {
            recipientPerson: {
              nationalIdentityNumber: NIN,
              channelSchema: 'Sms',
              smsSettings: { ...smsSettings(), sender: 'Etat' },
            },
          },
        },
      ],
    });
    expect(recipient).toBe('+4799999999');
  });

  it('names every failing field at once, main and reminders', () => {
    const order = baseOrder();
    order.idempotencyId = '';
    order.reminders[0].delayDays = 0;
    order.reminders.push({
      delayDays: 2,
      recipient: { recipientOrganization: { orgNumber: '987654321', channelSchema: 'Sms' } },
    });
    expect(
      errorsOf(order)
        .map((e) => e.path)
        .sort(),
    ).toEqual([
      'idempotencyId',
      'reminders.0.delayDays',
      'reminders.1.recipient.recipientOrganization.smsSettings',
    ]);
  });

  it.each([
    ['not an object', 'order'],
    ['reminders not an array', { ...baseOrder(), reminders: {} }],
    ['a reminder that is a string', { ...baseOrder(), reminders: ['x'] }],
    ['recipient member that is a string', { ...baseOrder(), recipient: { recipientPerson: 'x' } }],
    ['a send time that is a number', { ...baseOrder(), requestedSendTime: Date.now() + 3_600_000 }],
    ['an invalid Date', { ...baseOrder(), requestedSendTime: new Date('x') }],
    ['31 February', { ...baseOrder(), requestedSendTime: '2031-02-31T10:00:00Z' }],
    ['an offset beyond 14 h', { ...baseOrder(), requestedSendTime: '2031-02-01T10:00:00+15:00' }],
  ])('%s: a validation error, nothing else', (_, order) => {
    expect(errorsOf(order).length).toBeGreaterThan(0);
  });
});
