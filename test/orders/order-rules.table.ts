/**
 * Every rule of `POST /future/orders`, one row each: an order broken in one place, the message Altinn's server gives
 * (altinn-notifications `src/Altinn.Notifications/Validators/…`, as the simulator reproduces it; `undefined` where
 * the model binder answers with a framework message), and where and what the library says instead.
 */

/** A reachable, valid NIN (control digits checked by hand) and two real organisation numbers (Digdir, Brreg). */
export const NIN = '01019010046';
export const ORG = '991825827';
export const ORG_2 = '974760673';

const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();

export const emailSettings = (extra: Record<string, unknown> = {}) => ({
  subject: 'Søknaden din er mottatt',
  body: 'Hei $recipientName$, vi har mottatt søknaden din.',
  ...extra,
});
export const smsSettings = (extra: Record<string, unknown> = {}) => ({
  body: 'Søknaden din er mottatt.',
  ...extra,
});

/** A valid order chain: a person now-ish, a reminder to an organisation a day later. */
export function baseOrder(): Record<string, any> {
  return {
    idempotencyId: `order-${Math.random().toString(36).slice(2)}`,
    sendersReference: 'case-4711',
    requestedSendTime: inOneHour(),
    recipient: {
      recipientPerson: {
        nationalIdentityNumber: NIN,
        channelSchema: 'EmailPreferred',
        emailSettings: emailSettings(),
        smsSettings: smsSettings(),
      },
    },
    reminders: [
      {
        delayDays: 1,
        sendersReference: 'case-4711-reminder',
        recipient: {
          recipientOrganization: { orgNumber: ORG, channelSchema: 'Email', emailSettings: emailSettings() },
        },
      },
    ],
  };
}

export interface RuleCase {
  name: string;
  /** Breaks the base order in one place. */
  change: (order: Record<string, any>) => void;
  /** Altinn's message, or undefined for a binder 400 without a rule message. */
  server: string | undefined;
  /** Our error's path and message. */
  path: string;
  message: string | RegExp;
}

const person = (o: Record<string, any>) => o.recipient.recipientPerson;
const reminder = (o: Record<string, any>) => o.reminders[0];
const asSms = (o: Record<string, any>, phoneNumber = '+4799999999') =>
  (o.recipient = { recipientSms: { phoneNumber, smsSettings: smsSettings() } });
const asEmail = (o: Record<string, any>, settings: Record<string, unknown> = {}) =>
  (o.recipient = {
    recipientEmail: { emailAddress: 'kari@example.no', emailSettings: emailSettings(settings) },
  });
const asExternal = (o: Record<string, any>, externalIdentity: string) =>
  (o.recipient = {
    recipientExternalIdentity: { externalIdentity, channelSchema: 'Email', emailSettings: emailSettings() },
  });
const PAST = '2020-01-01T00:00:00Z';

/** Altinn's rules: the server refuses each of these with 400, and so does the library, before any request. */
export const SERVER_RULES: RuleCase[] = [
  {
    name: 'blank idempotencyId',
    change: (o) => (o.idempotencyId = '  '),
    server: 'IdempotencyId cannot be null or empty.',
    path: 'idempotencyId',
    message: 'must be a non-blank string',
  },
  {
    name: 'send time without a zone',
    change: (o) => (o.requestedSendTime = '2030-01-01T10:00:00'),
    server: 'The requested send time value must have specified a time zone.',
    path: 'requestedSendTime',
    message: /with a time zone/,
  },
  {
    name: 'send time in the past',
    change: (o) => (o.requestedSendTime = PAST),
    server: 'RequestedSendTime must be greater than or equal to now.',
    path: 'requestedSendTime',
    message: 'must not be in the past',
  },
  {
    name: 'relative conditionEndpoint',
    change: (o) => (o.conditionEndpoint = '/condition'),
    server: 'ConditionEndpoint must be a valid absolute URI or null.',
    path: 'conditionEndpoint',
    message: 'must be an absolute http or https URL',
  },
  {
    name: 'ftp conditionEndpoint',
    change: (o) => (o.conditionEndpoint = 'ftp://example.no/condition'),
    server: 'ConditionEndpoint must use http or https scheme.',
    path: 'conditionEndpoint',
    message: 'must be an absolute http or https URL',
  },
  {
    name: 'two recipients',
    change: (o) => (o.recipient.recipientSms = { phoneNumber: '+4799999999', smsSettings: smsSettings() }),
    server: 'Must have exactly one recipient.',
    path: 'recipient',
    message: /must have exactly one of recipientEmail, recipientSms/,
  },
  {
    name: 'no recipient',
    change: (o) => (o.recipient = {}),
    server: 'Must have exactly one recipient.',
    path: 'recipient',
    message: /must have exactly one of/,
  },
  {
    name: 'invalid email address',
    change: (o) => (asEmail(o), (o.recipient.recipientEmail.emailAddress = 'a@b.c')),
    server: 'Invalid email address format.',
    path: 'recipient.recipientEmail.emailAddress',
    message: 'must be an email address Altinn accepts',
  },
  {
    name: 'blank email subject',
    change: (o) => asEmail(o, { subject: ' ' }),
    server: 'The email subject must not be empty.',
    path: 'recipient.recipientEmail.emailSettings.subject',
    message: 'must be a non-blank string',
  },
  {
    name: 'blank email body',
    change: (o) => asEmail(o, { body: '' }),
    server: 'The email body must not be empty.',
    path: 'recipient.recipientEmail.emailSettings.body',
    message: 'must be a non-blank string',
  },
  {
    name: 'invalid sender address',
    change: (o) => asEmail(o, { senderEmailAddress: 'noreply@' }),
    server: 'The sender email address is not valid.',
    path: 'recipient.recipientEmail.emailSettings.senderEmailAddress',
    message: 'must be an email address Altinn accepts',
  },
  {
    name: 'content type out of range',
    change: (o) => asEmail(o, { contentType: 5 }),
    server: 'Email content type must be either Plain or HTML.',
    path: 'recipient.recipientEmail.emailSettings.contentType',
    message: 'must be Plain or Html',
  },
  {
    name: 'email at Daytime',
    change: (o) => asEmail(o, { sendingTimePolicy: 'Daytime' }),
    server: 'Email only supports send time anytime',
    path: 'recipient.recipientEmail.emailSettings.sendingTimePolicy',
    message: /must be Anytime/,
  },
  {
    name: 'invalid phone number',
    change: (o) => asSms(o, '+4712345678'),
    server: 'Recipient phone number is not a valid mobile number.',
    path: 'recipient.recipientSms.phoneNumber',
    message: /must be a valid phone number/,
  },
  {
    name: 'blank SMS body',
    change: (o) => (asSms(o), (o.recipient.recipientSms.smsSettings.body = '\t')),
    server: 'SMS body cannot be null or empty.',
    path: 'recipient.recipientSms.smsSettings.body',
    message: 'must be a non-blank string',
  },
  {
    name: 'SMS policy 0',
    change: (o) => (asSms(o), (o.recipient.recipientSms.smsSettings.sendingTimePolicy = 0)),
    server: 'SMS only supports send time daytime and anytime',
    path: 'recipient.recipientSms.smsSettings.sendingTimePolicy',
    message: 'must be Anytime or Daytime',
  },
  {
    name: 'NIN of 10 digits',
    change: (o) => (person(o).nationalIdentityNumber = '0101901004'),
    server: 'National identity number must be 11 digits long.',
    path: 'recipient.recipientPerson.nationalIdentityNumber',
    message: 'must be 11 digits',
  },
  {
    name: 'NIN with a letter',
    change: (o) => (person(o).nationalIdentityNumber = '0101901004x'),
    server: 'National identity number must be 11 digits long.',
    path: 'recipient.recipientPerson.nationalIdentityNumber',
    message: 'must be 11 digits',
  },
  {
    name: 'no channelSchema',
    change: (o) => delete person(o).channelSchema,
    server: undefined,
    path: 'recipient.recipientPerson.channelSchema',
    message: /must be one of Email, Sms/,
  },
  {
    name: 'channelSchema out of range',
    change: (o) => (person(o).channelSchema = 7),
    server: 'Invalid channel scheme value.',
    path: 'recipient.recipientPerson.channelSchema',
    message: /must be one of/,
  },
  {
    name: 'Email without emailSettings',
    change: (o) => Object.assign(person(o), { channelSchema: 'Email', emailSettings: undefined }),
    server: 'EmailSettings must be set when ChannelSchema is Email',
    path: 'recipient.recipientPerson.emailSettings',
    message: 'must be set when channelSchema is Email',
  },
  {
    name: 'Sms without smsSettings',
    change: (o) => Object.assign(person(o), { channelSchema: 'Sms', smsSettings: undefined }),
    server: 'SmsSettings must be set when ChannelSchema is Sms',
    path: 'recipient.recipientPerson.smsSettings',
    message: 'must be set when channelSchema is Sms',
  },
  {
    name: 'EmailPreferred without smsSettings',
    change: (o) => delete person(o).smsSettings,
    server: 'SmsSettings must be set when ChannelSchema is SmsPreferred or EmailPreferred',
    path: 'recipient.recipientPerson.smsSettings',
    message: 'must be set when channelSchema is EmailPreferred',
  },
  {
    name: 'EmailAndSms without emailSettings',
    change: (o) => Object.assign(person(o), { channelSchema: 'EmailAndSms', emailSettings: null }),
    server: 'EmailSettings must be set when ChannelSchema is EmailAndSms',
    path: 'recipient.recipientPerson.emailSettings',
    message: 'must be set when channelSchema is EmailAndSms',
  },
  {
    name: 'extra settings are validated',
    change: (o) => Object.assign(person(o), { channelSchema: 'Email', smsSettings: { body: '' } }),
    server: 'SMS body cannot be null or empty.',
    path: 'recipient.recipientPerson.smsSettings.body',
    message: 'must be a non-blank string',
  },
  {
    name: 'resourceId prefix only',
    change: (o) => (person(o).resourceId = 'urn:altinn:resource:'),
    server: 'ResourceId must have a valid syntax.',
    path: 'recipient.recipientPerson.resourceId',
    message: /must be urn:altinn:resource:/,
  },
  {
    name: 'resourceId not a URN',
    change: (o) => (person(o).resourceId = 'app_ttd_skjema'),
    server: 'ResourceId must have a valid syntax.',
    path: 'recipient.recipientPerson.resourceId',
    message: /must be urn:altinn:resource:/,
  },
  {
    name: 'resourceAction without resourceId',
    change: (o) => (person(o).resourceAction = 'read'),
    server: 'ResourceAction cannot be specified without a ResourceId.',
    path: 'recipient.recipientPerson.resourceAction',
    message: 'must not be given without resourceId',
  },
  {
    name: 'blank resourceAction',
    change: (o) =>
      Object.assign(person(o), { resourceId: 'urn:altinn:resource:skjema', resourceAction: '  ' }),
    server: 'ResourceAction cannot be blank or whitespace.',
    path: 'recipient.recipientPerson.resourceAction',
    message: 'must not be blank',
  },
  {
    name: 'orgNumber of 8 digits',
    change: (o) => (reminder(o).recipient.recipientOrganization.orgNumber = '99182582'),
    server: 'Organization number must be 9 digits long.',
    path: 'reminders.0.recipient.recipientOrganization.orgNumber',
    message: 'must be 9 digits',
  },
  {
    name: 'empty orgNumber',
    change: (o) => (reminder(o).recipient.recipientOrganization.orgNumber = ''),
    server: 'OrgNumber cannot be null or empty.',
    path: 'reminders.0.recipient.recipientOrganization.orgNumber',
    message: 'must be 9 digits',
  },
  {
    name: 'unknown URN kind',
    change: (o) => asExternal(o, 'urn:altinn:person:identifier-no:01019010046'),
    server: 'Invalid external identity URN format.',
    path: 'recipient.recipientExternalIdentity.externalIdentity',
    message: /must be urn:altinn:person:idporten-email/,
  },
  {
    name: 'ID-porten URN with a bad address',
    change: (o) => asExternal(o, 'urn:altinn:person:idporten-email:kari@localhost'),
    server: 'Invalid external identity URN format.',
    path: 'recipient.recipientExternalIdentity.externalIdentity',
    message: /must be urn:altinn:person:idporten-email/,
  },
  {
    name: 'username URN without a name',
    change: (o) => asExternal(o, 'urn:altinn:party:username: '),
    server: 'Invalid external identity URN format.',
    path: 'recipient.recipientExternalIdentity.externalIdentity',
    message: /must be urn:altinn:person:idporten-email/,
  },
  {
    name: 'empty externalIdentity',
    change: (o) => asExternal(o, ''),
    server: 'ExternalIdentity cannot be null or empty.',
    path: 'recipient.recipientExternalIdentity.externalIdentity',
    message: /must be urn:altinn:person:idporten-email/,
  },
  {
    name: 'reminder with delayDays and a send time',
    change: (o) => (reminder(o).requestedSendTime = inOneHour()),
    server: 'Either DelayDays or RequestedSendTime must be defined, but not both.',
    path: 'reminders.0.delayDays',
    message: 'or requestedSendTime must be given, but not both',
  },
  {
    name: 'reminder with neither',
    change: (o) => delete reminder(o).delayDays,
    server: 'Either DelayDays or RequestedSendTime must be defined, but not both.',
    path: 'reminders.0.delayDays',
    message: 'or requestedSendTime must be given, but not both',
  },
  {
    name: 'reminder delayDays 0',
    change: (o) => (reminder(o).delayDays = 0),
    server: 'DelayDays must be greater than or equal to 1 day.',
    path: 'reminders.0.delayDays',
    message: /must be an integer from 1 to/,
  },
  {
    name: 'reminder time without a zone',
    change: (o) =>
      Object.assign(reminder(o), { delayDays: undefined, requestedSendTime: '2030-01-01T10:00:00.000' }),
    server: 'The RequestedSendTime must have specified a time zone.',
    path: 'reminders.0.requestedSendTime',
    message: /with a time zone/,
  },
  {
    name: 'reminder time in the past',
    change: (o) => Object.assign(reminder(o), { delayDays: undefined, requestedSendTime: PAST }),
    server: 'RequestedSendTime must be greater than or equal to the current UTC time.',
    path: 'reminders.0.requestedSendTime',
    message: 'must not be in the past',
  },
  {
    name: 'reminder without recipient',
    change: (o) => (reminder(o).recipient = { recipientEmail: null }),
    server: 'Must have exactly one recipient.',
    path: 'reminders.0.recipient',
    message: /must have exactly one of/,
  },
  {
    name: 'reminder conditionEndpoint',
    change: (o) => (reminder(o).conditionEndpoint = 'mailto:x@example.no'),
    server: 'ConditionEndpoint must use http or https scheme.',
    path: 'reminders.0.conditionEndpoint',
    message: 'must be an absolute http or https URL',
  },
];

/** What the library refuses although Altinn accepts it; each with the option that turns it off, if any. */
export const LOCAL_EXTRAS: Array<RuleCase & { server: undefined; off?: Record<string, unknown> }> = [
  {
    name: 'NIN with wrong control digits',
    change: (o) => (person(o).nationalIdentityNumber = '01019010047'),
    server: undefined,
    path: 'recipient.recipientPerson.nationalIdentityNumber',
    message: /must have valid mod-11 control digits/,
    off: { checkDigits: false },
  },
  {
    name: 'orgNumber with a wrong control digit',
    change: (o) => (reminder(o).recipient.recipientOrganization.orgNumber = '987654321'),
    server: undefined,
    path: 'reminders.0.recipient.recipientOrganization.orgNumber',
    message: /must have valid mod-11 control digits/,
    off: { checkDigits: false },
  },
  {
    name: 'send time a minute ahead',
    change: (o) => (o.requestedSendTime = new Date(Date.now() + 60_000).toISOString()),
    server: undefined,
    path: 'requestedSendTime',
    message: /must be at least 300 seconds ahead/,
    off: { sendTimeMarginSeconds: 30 },
  },
  {
    name: 'reminder time a minute ahead',
    change: (o) =>
      Object.assign(reminder(o), { delayDays: undefined, requestedSendTime: new Date(Date.now() + 60_000) }),
    server: undefined,
    path: 'reminders.0.requestedSendTime',
    message: /must be at least 300 seconds ahead/,
    off: { sendTimeMarginSeconds: 30 },
  },
  {
    name: 'SMS body past 16 segments',
    change: (o) => (person(o).smsSettings.body = 'a'.repeat(2200)),
    server: undefined,
    path: 'recipient.recipientPerson.smsSettings.body',
    message: /more than maxSmsSegments 16/,
  },
  {
    name: 'SMS sender over 11 characters',
    change: (o) => (person(o).smsSettings.sender = 'Skatteetaten'),
    server: undefined,
    path: 'recipient.recipientPerson.smsSettings.sender',
    message: 'must be at most 11 characters',
  },
  {
    name: 'landline as SMS recipient',
    change: (o) => asSms(o, '+4722225555'),
    server: undefined,
    path: 'recipient.recipientSms.phoneNumber',
    message: 'must be a mobile number',
  },
  {
    name: 'sendersReference with a line break (log forging)',
    change: (o) => (o.sendersReference = 'case-4711\naudit created'),
    server: undefined,
    path: 'sendersReference',
    message: 'must not contain control characters or line breaks',
  },
  {
    name: "a reminder's sendersReference with a control character",
    change: (o) => (reminder(o).sendersReference = 'r\u001b[31m'),
    server: undefined,
    path: 'reminders.0.sendersReference',
    message: 'must not contain control characters or line breaks',
  },
  {
    name: 'delayDays past a century',
    change: (o) => (reminder(o).delayDays = 40_000),
    server: undefined,
    path: 'reminders.0.delayDays',
    message: /must be an integer from 1 to 36500/,
  },
];
