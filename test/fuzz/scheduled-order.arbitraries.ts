import fc from 'fast-check';
import {
  blank,
  contentType,
  email,
  field,
  messageBody,
  phone,
  smsSender,
  text,
  wrongType,
} from './order.arbitraries.js';

/** Leaves out the keys `field` marked absent, in nested objects and arrays; Dates stay Dates. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => typeof v !== 'symbol')
      .map(([k, v]) => [k, strip(v)]),
  );
}

/** A required field: present nearly always. */
const required = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 60, arbitrary: arb }, { weight: 1, arbitrary: field(arb, 1000) });
/** Mostly the valid arbitrary, now and then the other one. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<U>, weight = 30) =>
  fc.oneof({ weight, arbitrary: valid }, { weight: 1, arbitrary: other });

/** Send times around "now" (computed when generated), in the forms Altinn reads and those it refuses. */
const sendTime = fc.oneof(
  {
    weight: 60,
    arbitrary: fc
      .integer({ min: 301, max: 40 * 86_400 })
      .map((s) => new Date(Date.now() + s * 1000).toISOString()),
  },
  { weight: 2, arbitrary: fc.integer({ min: 301, max: 86_400 }).map((s) => new Date(Date.now() + s * 1000)) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 3600, max: 86_400 })
      .map((s) => new Date(Date.now() + s * 1000).toISOString().replace('Z', '+00:00').replace(/\.\d+/, '')),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: -86_400, max: 300 })
      .map((s) => new Date(Date.now() + s * 1000).toISOString()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2031-06-01T10:00:00',
      '2031-06-01',
      '2031-02-30T10:00:00Z',
      '2031-06-01T10:00:00+15:00',
      '2031-06-01 10:00:00Z',
      'tomorrow',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.oneof(wrongType, fc.constant(new Date('invalid'))) },
);

// Control digits checked by hand / real organisations; the rest break one rule each.
const NINS_VALID = ['01019010046', '01019010712', '01889020004'];
const NINS_INVALID = [
  '01019010047',
  '0101901004',
  '010190100466',
  '0101901004x',
  '',
  ' 01019010046',
  '٠١٠١٩٠١٠٠٤٦',
];
const nin = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...NINS_VALID) },
  { weight: 2, arbitrary: fc.constantFrom(...NINS_INVALID) },
  { weight: 2, arbitrary: fc.stringMatching(/^\d{11}$/) },
  { weight: 1, arbitrary: wrongType },
);
const ORGS_VALID = ['991825827', '974760673'];
const orgNumber = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...ORGS_VALID) },
  { weight: 2, arbitrary: fc.constantFrom('987654321', '99182582', '9918258270', '', '99182582a') },
  { weight: 2, arbitrary: fc.stringMatching(/^\d{9}$/) },
  { weight: 1, arbitrary: wrongType },
);
const externalIdentity = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.constantFrom(
      'urn:altinn:person:idporten-email:kari@example.no',
      'urn:altinn:party:username:kari',
      'urn:altinn:username:ola',
      'urn:altinn:person:legacy-selfidentified:per',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'urn:altinn:person:idporten-email:kari@localhost',
      'urn:altinn:person:idporten-email: kari@example.no',
      'urn:altinn:party:username:',
      'urn:altinn:party:username:  ',
      'URN:ALTINN:USERNAME:ola',
      'urn:altinn:person:identifier-no:01019010046',
      '',
    ),
  },
  { weight: 2, arbitrary: fc.string().map((s) => `urn:altinn:username:${s}`) },
  { weight: 1, arbitrary: wrongType },
);
const idempotencyId = fc.oneof(
  { weight: 60, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: wrongType },
);
/**
 * Web URLs: scheme, domain, port, path and query in the characters they may hold. Not `fc.webUrl()`: building its
 * percent-encoding arbitraries costs ~0.9 s of CPU per spec file before the first run.
 */
const webUrl = fc
  .tuple(
    fc.constantFrom('https', 'http'),
    fc.domain(),
    fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }),
    fc.array(fc.stringMatching(/^[A-Za-z0-9._~%-]{1,12}$/), { maxLength: 3 }),
    fc.option(fc.stringMatching(/^[A-Za-z0-9=&%._-]{0,16}$/), { nil: undefined }),
  )
  .map(
    ([scheme, host, port, path, query]) =>
      `${scheme}://${host}${port ? `:${port}` : ''}/${path.join('/')}${query === undefined ? '' : `?${query}`}`,
  );
/** Message bodies: mostly fine, a few blank, too long for 16 SMS segments, or not strings. */
const body = fc.oneof(
  { weight: 20, arbitrary: messageBody },
  { weight: 20, arbitrary: fc.constantFrom('Søknaden din er mottatt.', 'Hei $recipientName$!') },
);
const subject = fc.oneof(
  { weight: 30, arbitrary: text },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: wrongType },
);
const sendersReference = fc.oneof(
  { weight: 40, arbitrary: text },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer() },
);
const channelSchema = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom('Email', 'Sms', 'EmailPreferred', 'SmsPreferred', 'EmailAndSms') },
  { weight: 1, arbitrary: fc.constantFrom('email', 'Push', 0, 4, 7, null, '') },
);
const emailTimePolicy = fc.oneof(
  { weight: 30, arbitrary: fc.constant('Anytime') },
  { weight: 1, arbitrary: fc.constantFrom('Daytime', 'anytime', 0, 2, null) },
);
const sendingTimePolicy = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('Anytime', 'Daytime') },
  { weight: 1, arbitrary: fc.constantFrom('anytime', 0, 1, 2, 3, 'Nighttime', null) },
);
const resourceId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('urn:altinn:resource:app_ttd_skjema', 'urn:altinn:resource:x') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('urn:altinn:resource:', 'urn:altinn:resource: ', 'app_ttd_skjema', ''),
  },
  { weight: 1, arbitrary: wrongType },
);
const resourceAction = fc.oneof(fc.constantFrom('read', 'sign', ' ', ''), wrongType);
const conditionEndpoint = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.constantFrom('https://case.example.no/condition?id=4711', 'http://127.0.0.1:9/c'),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '/condition',
      'ftp://example.no/c',
      'https://exa mple.no/c',
      'https://',
      'mailto:a@b.no',
      '',
    ),
  },
  { weight: 1, arbitrary: webUrl },
  { weight: 1, arbitrary: wrongType },
);

const emailSettings = fc.oneof(
  {
    weight: 60,
    arbitrary: fc.record({
      subject: required(subject),
      body: required(body),
      senderEmailAddress: field(fc.oneof(email, blank), 60),
      contentType: field(mostly(fc.constantFrom('Plain', 'Html'), contentType, 20), 3),
      sendingTimePolicy: field(emailTimePolicy, 10),
    }),
  },
  { weight: 1, arbitrary: wrongType },
);
const smsSettings = fc.oneof(
  {
    weight: 60,
    arbitrary: fc.record({
      body: required(body),
      sender: field(smsSender, 30),
      sendingTimePolicy: field(sendingTimePolicy, 3),
    }),
  },
  { weight: 1, arbitrary: wrongType },
);
/** Settings as the channel schema wants them, mostly; now and then one missing or one extra. */
const lookupFields = fc.record({
  channelSchema: required(channelSchema),
  emailSettings: required(emailSettings),
  smsSettings: required(smsSettings),
  resourceId: field(resourceId, 60),
  resourceAction: field(resourceAction, 200),
});
const bool = fc.oneof({ weight: 30, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrongType });

const recipientKinds = {
  recipientEmail: fc.record({
    emailAddress: required(mostly(fc.constantFrom('kari@example.no', ' ola@example.com '), email, 4)),
    emailSettings: required(emailSettings),
  }),
  recipientSms: fc.record({
    phoneNumber: required(mostly(fc.constantFrom('+4799999999', '0047 41234567'), phone, 4)),
    smsSettings: required(smsSettings),
  }),
  recipientPerson: fc
    .tuple(
      lookupFields,
      fc.record({
        nationalIdentityNumber: required(nin),
        ignoreReservation: field(bool, 4),
        useStaleContactInformation: field(bool, 8),
      }),
    )
    .map(([a, b]) => ({ ...a, ...b })),
  recipientOrganization: fc
    .tuple(lookupFields, fc.record({ orgNumber: required(orgNumber) }))
    .map(([a, b]) => ({ ...a, ...b })),
  recipientExternalIdentity: fc
    .tuple(lookupFields, fc.record({ externalIdentity: required(externalIdentity) }))
    .map(([a, b]) => ({ ...a, ...b })),
};
type Kind = keyof typeof recipientKinds;
const kinds = Object.keys(recipientKinds) as Kind[];

/** Usually exactly one recipient; sometimes none, two, or not an object. */
const recipient = fc.oneof(
  { weight: 120, arbitrary: fc.oneof(...kinds.map((k) => recipientKinds[k].map((r) => ({ [k]: r })))) },
  { weight: 1, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...kinds), fc.constantFrom(...kinds))
      .chain(([a, b]) => fc.record({ [a]: recipientKinds[a], [b]: recipientKinds[b] })),
  },
  { weight: 1, arbitrary: wrongType },
);

const delayDays = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 1, max: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 36_500, 36_501, '2', null) },
);
/** Mostly one of delayDays / requestedSendTime; sometimes both or neither. */
const reminder = fc
  .record({
    timing: fc.oneof(
      { weight: 18, arbitrary: fc.constant('delay') },
      { weight: 10, arbitrary: fc.constant('time') },
      { weight: 1, arbitrary: fc.constantFrom('both', 'neither') },
    ),
    delayDays,
    requestedSendTime: sendTime,
    conditionEndpoint: field(conditionEndpoint, 60),
    sendersReference: field(sendersReference, 6),
    recipient: required(recipient),
  })
  .map(({ timing, delayDays: d, requestedSendTime: t, ...rest }) => ({
    ...rest,
    ...((timing === 'delay' || timing === 'both') && { delayDays: d }),
    ...((timing === 'time' || timing === 'both') && { requestedSendTime: t }),
  }));

const scheduledOrder = fc.record({
  idempotencyId: field(idempotencyId, 4),
  sendersReference: field(sendersReference, 4),
  requestedSendTime: field(sendTime, 6),
  conditionEndpoint: field(conditionEndpoint, 60),
  dialogportenAssociation: field(
    fc.oneof(
      fc.record({
        dialogId: field(fc.uuid(), 2),
        transmissionId: field(fc.oneof(fc.uuid(), fc.integer()), 3),
      }),
      wrongType,
    ),
    100,
  ),
  recipient: required(recipient),
  reminders: field(
    fc.oneof(
      { weight: 20, arbitrary: fc.array(reminder, { maxLength: 2 }) },
      { weight: 1, arbitrary: wrongType },
    ),
    3,
  ),
});

/** A mix of valid and invalid scheduled orders, with now and then a value that is no order at all. */
export const anyScheduledOrder: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 30, arbitrary: scheduledOrder.map(strip) },
  {
    weight: 1,
    arbitrary: fc.anything({
      withDate: true,
      withMap: true,
      withSet: true,
      withBoxedValues: true,
      withNullPrototype: true,
    }),
  },
);
