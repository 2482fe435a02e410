import { AltinnSimulator } from '../../lib/testing/index.js';
import { emailSettings, NIN, ORG_NO, personOrder, postChain, smsSettings } from './scheduled.helpers.js';

type Body = ReturnType<typeof personOrder> & Record<string, unknown>;
const person = (extra: Record<string, unknown>) => ({
  recipientPerson: { nationalIdentityNumber: NIN, channelSchema: 'Email', emailSettings, ...extra },
});

/** [case, change to a valid order, the server's 400 key, the server's message] (API/Validators/**). */
const RULES: [string, (b: Body) => unknown, string, string][] = [
  [
    'blank idempotencyId',
    (b) => ({ ...b, idempotencyId: ' ' }),
    'IdempotencyId',
    'IdempotencyId cannot be null or empty.',
  ],
  [
    'send time without zone',
    (b) => ({ ...b, requestedSendTime: '2026-03-02T12:00:00' }),
    'RequestedSendTime',
    'The requested send time value must have specified a time zone.',
  ],
  [
    'send time in the past',
    (b) => ({ ...b, requestedSendTime: '2026-03-02T09:59:59Z' }),
    'RequestedSendTime',
    'RequestedSendTime must be greater than or equal to now.',
  ],
  [
    'relative condition endpoint',
    (b) => ({ ...b, conditionEndpoint: '/check' }),
    'ConditionEndpoint',
    'ConditionEndpoint must be a valid absolute URI or null.',
  ],
  [
    'ftp condition endpoint',
    (b) => ({ ...b, conditionEndpoint: 'ftp://example.com/x' }),
    'ConditionEndpoint',
    'ConditionEndpoint must use http or https scheme.',
  ],
  ['no recipient', (b) => ({ ...b, recipient: {} }), 'Recipient', 'Must have exactly one recipient.'],
  [
    'two recipients',
    (b) => ({
      ...b,
      recipient: { ...b.recipient, recipientSms: { phoneNumber: '+4799999999', smsSettings } },
    }),
    'Recipient',
    'Must have exactly one recipient.',
  ],
  [
    'bad email',
    (b) => ({ ...b, recipient: { recipientEmail: { emailAddress: 'a@b.c', emailSettings } } }),
    'Recipient.RecipientEmail.EmailAddress',
    'Invalid email address format.',
  ],
  [
    'empty subject',
    (b) => ({
      ...b,
      recipient: {
        recipientEmail: { emailAddress: 'a@example.com', emailSettings: { ...emailSettings, subject: '' } },
      },
    }),
    'Recipient.RecipientEmail.Settings.Subject',
    'The email subject must not be empty.',
  ],
  [
    'empty email body',
    (b) => ({
      ...b,
      recipient: {
        recipientEmail: { emailAddress: 'a@example.com', emailSettings: { ...emailSettings, body: ' ' } },
      },
    }),
    'Recipient.RecipientEmail.Settings.Body',
    'The email body must not be empty.',
  ],
  [
    'empty sender address',
    (b) => ({
      ...b,
      recipient: {
        recipientEmail: {
          emailAddress: 'a@example.com',
          emailSettings: { ...emailSettings, senderEmailAddress: '' },
        },
      },
    }),
    'Recipient.RecipientEmail.Settings.SenderEmailAddress',
    'The sender email address is not valid.',
  ],
  [
    'content type 2',
    (b) => ({
      ...b,
      recipient: {
        recipientEmail: {
          emailAddress: 'a@example.com',
          emailSettings: { ...emailSettings, contentType: 2 },
        },
      },
    }),
    'Recipient.RecipientEmail.Settings.ContentType',
    'Email content type must be either Plain or HTML.',
  ],
  [
    'Daytime email',
    (b) => ({
      ...b,
      recipient: {
        recipientEmail: {
          emailAddress: 'a@example.com',
          emailSettings: { ...emailSettings, sendingTimePolicy: 'Daytime' },
        },
      },
    }),
    'Recipient.RecipientEmail.Settings.SendingTimePolicy',
    'Email only supports send time anytime',
  ],
  [
    'empty phone',
    (b) => ({ ...b, recipient: { recipientSms: { phoneNumber: '', smsSettings } } }),
    'Recipient.RecipientSms.PhoneNumber',
    'Recipient phone number cannot be null or empty.',
  ],
  [
    'invalid phone',
    (b) => ({ ...b, recipient: { recipientSms: { phoneNumber: '+4712345678', smsSettings } } }),
    'Recipient.RecipientSms.PhoneNumber',
    'Recipient phone number is not a valid mobile number.',
  ],
  [
    'empty SMS body',
    (b) => ({ ...b, recipient: { recipientSms: { phoneNumber: '+4799999999', smsSettings: { body: '' } } } }),
    'Recipient.RecipientSms.Settings.Body',
    'SMS body cannot be null or empty.',
  ],
  [
    'SMS time policy 0',
    (b) => ({
      ...b,
      recipient: {
        recipientSms: { phoneNumber: '+4799999999', smsSettings: { ...smsSettings, sendingTimePolicy: 0 } },
      },
    }),
    'Recipient.RecipientSms.Settings.SendingTimePolicy',
    'SMS only supports send time daytime and anytime',
  ],
  [
    '10-digit NIN',
    (b) => ({ ...b, recipient: person({ nationalIdentityNumber: '0101701234' }) }),
    'Recipient.RecipientPerson.NationalIdentityNumber',
    'National identity number must be 11 digits long.',
  ],
  [
    'channel schema 9',
    (b) => ({ ...b, recipient: person({ channelSchema: 9 }) }),
    'Recipient.RecipientPerson.ChannelSchema',
    'Invalid channel scheme value.',
  ],
  [
    'Email without emailSettings',
    (b) => ({ ...b, recipient: person({ emailSettings: null }) }),
    'Recipient.RecipientPerson.EmailSettings',
    'EmailSettings must be set when ChannelSchema is Email',
  ],
  [
    'Sms without smsSettings',
    (b) => ({ ...b, recipient: person({ channelSchema: 'Sms' }) }),
    'Recipient.RecipientPerson.SmsSettings',
    'SmsSettings must be set when ChannelSchema is Sms',
  ],
  [
    'EmailPreferred without SMS',
    (b) => ({ ...b, recipient: person({ channelSchema: 'EmailPreferred' }) }),
    'Recipient.RecipientPerson.SmsSettings',
    'SmsSettings must be set when ChannelSchema is SmsPreferred or EmailPreferred',
  ],
  [
    'EmailAndSms without SMS',
    (b) => ({ ...b, recipient: person({ channelSchema: 'EmailAndSms' }) }),
    'Recipient.RecipientPerson.SmsSettings',
    'SmsSettings must be set when ChannelSchema is EmailAndSms',
  ],
  [
    'empty resourceId',
    (b) => ({ ...b, recipient: person({ resourceId: '' }) }),
    'Recipient.RecipientPerson.ResourceId',
    'ResourceId must have a valid syntax.',
  ],
  [
    'action without resource',
    (b) => ({ ...b, recipient: person({ resourceAction: 'read' }) }),
    'Recipient.RecipientPerson.ResourceAction',
    'ResourceAction cannot be specified without a ResourceId.',
  ],
  [
    'blank action',
    (b) => ({ ...b, recipient: person({ resourceId: 'urn:altinn:resource:x', resourceAction: ' ' }) }),
    'Recipient.RecipientPerson.ResourceAction',
    'ResourceAction cannot be blank or whitespace.',
  ],
  [
    'empty orgNumber',
    (b) => ({
      ...b,
      recipient: { recipientOrganization: { orgNumber: '', channelSchema: 'Email', emailSettings } },
    }),
    'Recipient.RecipientOrganization.OrgNumber',
    'OrgNumber cannot be null or empty.',
  ],
  [
    '8-digit orgNumber',
    (b) => ({
      ...b,
      recipient: {
        recipientOrganization: { orgNumber: ORG_NO.slice(1), channelSchema: 'Email', emailSettings },
      },
    }),
    'Recipient.RecipientOrganization.OrgNumber',
    'Organization number must be 9 digits long.',
  ],
  [
    'empty identity',
    (b) => ({
      ...b,
      recipient: {
        recipientExternalIdentity: { externalIdentity: ' ', channelSchema: 'Email', emailSettings },
      },
    }),
    'Recipient.RecipientExternalIdentity.ExternalIdentity',
    'ExternalIdentity cannot be null or empty.',
  ],
  [
    'unknown URN',
    (b) => ({
      ...b,
      recipient: {
        recipientExternalIdentity: {
          externalIdentity: 'urn:altinn:person:identifier-no:1',
          channelSchema: 'Email',
          emailSettings,
        },
      },
    }),
    'Recipient.RecipientExternalIdentity.ExternalIdentity',
    'Invalid external identity URN format.',
  ],
  [
    'both delayDays and time',
    (b) => ({
      ...b,
      reminders: [{ delayDays: 1, requestedSendTime: '2026-04-01T10:00:00Z', recipient: b.recipient }],
    }),
    'Reminders[0]',
    'Either DelayDays or RequestedSendTime must be defined, but not both.',
  ],
  [
    'neither delayDays nor time',
    (b) => ({ ...b, reminders: [{ recipient: b.recipient }] }),
    'Reminders[0]',
    'Either DelayDays or RequestedSendTime must be defined, but not both.',
  ],
  [
    'delayDays 0',
    (b) => ({ ...b, reminders: [{ delayDays: 0, recipient: b.recipient }] }),
    'Reminders[0].DelayDays',
    'DelayDays must be greater than or equal to 1 day.',
  ],
  [
    'reminder without zone',
    (b) => ({ ...b, reminders: [{ requestedSendTime: '2026-04-01T10:00:00', recipient: b.recipient }] }),
    'Reminders[0].RequestedSendTime',
    'The RequestedSendTime must have specified a time zone.',
  ],
  [
    'reminder in the past',
    (b) => ({ ...b, reminders: [{ requestedSendTime: '2026-03-01T10:00:00Z', recipient: b.recipient }] }),
    'Reminders[0].RequestedSendTime',
    'RequestedSendTime must be greater than or equal to the current UTC time.',
  ],
  [
    'reminder recipient',
    (b) => ({ ...b, reminders: [{ delayDays: 1, recipient: {} }] }),
    'Reminders[0].Recipient',
    'Must have exactly one recipient.',
  ],
];

describe('AltinnSimulator POST /future/orders validation (the server rules, message by message)', () => {
  let sim: AltinnSimulator;

  beforeAll(async () => {
    sim = await AltinnSimulator.start({ startTime: '2026-03-02T10:00:00Z' });
    sim.contacts
      .setPerson(NIN, { email: 'kari@example.com' })
      .setOrganisation(ORG_NO, { emails: ['o@example.com'] });
  });
  afterAll(() => sim.close());

  it.each(RULES)('%s → 400', async (_case, change, key, message) => {
    const res = await postChain(sim, change(personOrder(sim) as Body));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ title: 'One or more validation errors occurred.', status: 400 });
    expect(res.json.errors).toEqual({ [key]: [message] });
  });

  it.each([
    [
      'absent channelSchema',
      { recipient: { recipientPerson: { nationalIdentityNumber: NIN, emailSettings } } },
    ],
    ['null requestedSendTime', { requestedSendTime: null }],
    ['string ignoreReservation', { recipient: person({ ignoreReservation: 'true' }) }],
    ['unknown enum name', { recipient: person({ channelSchema: 'Fax' }) }],
    ['absent idempotencyId', { idempotencyId: undefined }],
  ])('rejects %s in the binder (400 with a JSON path)', async (_case, change) => {
    const res = await postChain(sim, { ...personOrder(sim), ...change });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.errors)).toContain('request');
  });

  it.each([
    [
      'names in any case and enum integers',
      { recipient: person({ CHANNELSCHEMA: 2, smsSettings: { body: 'x', sendingTimePolicy: 'anytime' } }) },
    ],
    ['an offset instead of Z', { requestedSendTime: '2026-03-02T12:30:00.1234567+01:00' }],
    [
      'every external identity form',
      {
        recipient: {
          recipientExternalIdentity: {
            externalIdentity: 'urn:altinn:person:idporten-email:a@example.com',
            channelSchema: 'Email',
            emailSettings,
          },
        },
      },
    ],
    [
      'a reminder before the main send time',
      { reminders: [{ requestedSendTime: '2026-03-02T10:30:00Z', recipient: person({}) }] },
    ],
    ['unknown properties', { extra: 1, recipient: person({ note: 'x' }) }],
  ])('accepts %s', async (_case, change) => {
    expect((await postChain(sim, { ...personOrder(sim), ...change })).status).toBe(201);
  });
});
