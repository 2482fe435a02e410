import fc from 'fast-check';

/** Marks a key to leave out of the generated object. */
const ABSENT = Symbol('absent');
type Maybe<T> = T | typeof ABSENT;

/** Usually the field, sometimes missing altogether. */
export const field = <T>(arb: fc.Arbitrary<T>, missing = 1): fc.Arbitrary<Maybe<T>> =>
  fc.oneof({ weight: 20, arbitrary: arb }, { weight: missing, arbitrary: fc.constant(ABSENT) });

export function strip(value: unknown): unknown {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== ABSENT)
      .map(([k, v]) => [k, strip(v)]),
  );
}

/** Values of the wrong type for any field. */
export const wrongType = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string(), { maxLength: 2 }),
);
export const blank = fc.constantFrom(
  '',
  ' ',
  '   ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  ' \t ',
);

/** Valid and invalid by Altinn's rule (`MobileNumberHelper.cs` in Altinn/altinn-notifications), plus what the module's policy adds (mobile only). */
const PHONES_VALID = [
  '+4799999999',
  '+4741234567',
  '0047 99999999',
  '+47 999 99 999',
  '+47-999-99-999',
  ' +4790012345 ',
  '+46701234567',
  '+358401234567',
];
const PHONES_INVALID = [
  '+4712345678',
  '++4799999999',
  '4799999999',
  '99999999',
  '+47',
  '+',
  '00',
  '+4759999999',
  '+47999999999',
  '+4722225555',
  '+4780012345',
  '+47 999 99 99a',
  '0 047 99999999',
];
export const phone = fc.oneof(
  { weight: 24, arbitrary: fc.constantFrom(...PHONES_VALID) },
  { weight: 3, arbitrary: fc.constantFrom(...PHONES_INVALID) },
  { weight: 3, arbitrary: fc.stringMatching(/^(\+|00)[1-9]\d{5,14}$/) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: wrongType },
);

/** Valid and invalid by the "Altinn 2" email rule (`RecipientRules.IsValidEmail`). */
const EMAILS_VALID = [
  'ola.nordmann@example.no',
  'user+tag@example.com',
  'æøå@example.no',
  'user@example.international',
  'user@1.2.3.4',
  ' padded@example.no ',
  "o'hara@sub.example.co.uk",
];
const EMAILS_INVALID = [
  'a@b.c',
  'user@localhost',
  'user@[1.2.3.4]',
  'ü@example.com',
  'user@exämple.com',
  'user@example.xn--p1ai',
  '"x"@example.com',
  'a..b@example.com',
  '.a@example.com',
  'user@-example.com',
  'x;y@example.com',
  '&quot;x&quot;@example.com',
  'a@b@example.com',
  'user@example.toolongtldforaltinn',
  'a@b.c.d.e.f.g.h.i.j.k.com',
  'a;b@example.com',
];
export const email = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...EMAILS_VALID) },
  { weight: 4, arbitrary: fc.constantFrom(...EMAILS_INVALID) },
  { weight: 4, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: wrongType },
);

/** TTLs around both bounds, anywhere in int range, and what is not an integer at all. */
const ttl = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(60, 61, 300, 172_799, 172_800) },
  { weight: 2, arbitrary: fc.constantFrom(59, 172_801) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 200_000 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom('300', 300.5, 1e21, -0, Number.NaN, Infinity, null) },
);

export const text = fc.string({ minLength: 1, maxLength: 200 });
const OTP_BODIES = [
  'Din engangskode er 482913.',
  'Koden din: 771204 – gjelder i 5 min.',
  'Code 123456 🙂',
  'ÆØÅ æøå {}[]~\\^€|',
];
export const messageBody = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom(...OTP_BODIES) },
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: blank },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(2200), '🙂'.repeat(200)) }, // past 16 SMS segments
  { weight: 1, arbitrary: wrongType },
);
export const idempotencyId = fc.oneof(
  { weight: 6, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: wrongType },
);
export const sendersReference = fc.oneof(text, fc.constant(null), fc.integer());
export const smsSender = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Altinn', 'Etat', 'ABCDEFGHIJK', '', '  ', 'Etat Ø 12') },
  { weight: 2, arbitrary: fc.string({ maxLength: 14 }) },
  { weight: 1, arbitrary: fc.constantFrom('ABCDEFGHIJKL') },
  { weight: 1, arbitrary: wrongType },
);
export const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Plain', 'Html') },
  { weight: 1, arbitrary: fc.constantFrom('plain', 'HTML', 0, 1, 'Markdown', null, '') },
);

const smsOrder = fc.record({
  idempotencyId: field(idempotencyId, 4),
  sendersReference: field(sendersReference, 10),
  recipientSms: fc.oneof(
    {
      weight: 20,
      arbitrary: fc.record({
        phoneNumber: field(phone),
        timeToLiveInSeconds: field(ttl),
        smsSettings: fc.oneof(
          { weight: 20, arbitrary: fc.record({ sender: field(smsSender, 6), body: field(messageBody) }) },
          { weight: 1, arbitrary: wrongType },
        ),
      }),
    },
    { weight: 1, arbitrary: wrongType },
  ),
});

const emailOrder = fc.record({
  idempotencyId: field(idempotencyId, 4),
  sendersReference: field(sendersReference, 10),
  recipientEmail: fc.oneof(
    {
      weight: 20,
      arbitrary: fc.record({
        emailAddress: field(email),
        emailSettings: fc.oneof(
          {
            weight: 20,
            arbitrary: fc.record({
              subject: field(fc.oneof({ weight: 12, arbitrary: text }, blank, wrongType)),
              body: field(messageBody),
              senderEmailAddress: field(fc.oneof(email, blank), 3),
              contentType: field(contentType, 3),
            }),
          },
          { weight: 1, arbitrary: wrongType },
        ),
      }),
    },
    { weight: 1, arbitrary: wrongType },
  ),
});

export type GeneratedOrder = { channel: 'sms' | 'email'; order: unknown };

/** A mix of valid and invalid orders for both channels, with now and then a top-level value that is no order. */
export const anyOrder: fc.Arbitrary<GeneratedOrder> = fc.oneof(
  { weight: 10, arbitrary: smsOrder.map((o) => ({ channel: 'sms' as const, order: strip(o) })) },
  { weight: 10, arbitrary: emailOrder.map((o) => ({ channel: 'email' as const, order: strip(o) })) },
  {
    weight: 1,
    arbitrary: fc.record({
      channel: fc.constantFrom('sms' as const, 'email' as const),
      order: fc.anything({
        withNullPrototype: true,
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withBoxedValues: true,
        withSparseArray: true,
      }),
    }),
  },
);
