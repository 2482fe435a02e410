import type { FieldSchema, ObjectSchema } from './simulator.binding.js';

/**
 * The request model of `POST /future/orders` as System.Text.Json binds it (`API/Models/NotificationOrderChainRequestExt.cs`,
 * `NotificationReminderExt.cs`, `NotificationRecipientExt.cs`, `Recipient/*`, `Email/*`, `Sms/*`). `required` marks C#
 * `required` members: absent from the JSON → 400 from the binder. Values are checked later, in order.validation.ts.
 */
const NS = 'Altinn.Notifications.Models';

const CHANNEL_SCHEMA = ['Email', 'Sms', 'EmailPreferred', 'SmsPreferred', 'EmailAndSms'] as const;
// `SendingTimePolicyExt` starts at 1; index 0 is a placeholder no name matches.
const SENDING_TIME_POLICY = ['\u0000', 'Anytime', 'Daytime'] as const;

const emailSettings = (json: string): ObjectSchema => ({
  kind: 'object',
  json,
  cs: 'EmailSettings',
  type: `${NS}.Email.EmailSendingOptionsExt`,
  fields: [
    { kind: 'string', json: 'subject', cs: 'Subject', required: true },
    { kind: 'string', json: 'body', cs: 'Body', required: true },
    { kind: 'string', json: 'senderEmailAddress', cs: 'SenderEmailAddress' },
    { kind: 'enum', json: 'contentType', cs: 'EmailContentTypeExt', values: ['Plain', 'Html'] },
    { kind: 'enum', json: 'sendingTimePolicy', cs: 'SendingTimePolicyExt', values: SENDING_TIME_POLICY },
  ],
});

const smsSettings = (json: string): ObjectSchema => ({
  kind: 'object',
  json,
  cs: 'SmsSettings',
  type: `${NS}.Sms.SmsSendingOptionsExt`,
  fields: [
    { kind: 'string', json: 'body', cs: 'Body', required: true },
    { kind: 'string', json: 'sender', cs: 'Sender' },
    { kind: 'enum', json: 'sendingTimePolicy', cs: 'SendingTimePolicyExt', values: SENDING_TIME_POLICY },
  ],
});

/** Person, organisation and external identity share the channel-schema part (`RecipientBaseExt`). */
const lookedUp = (
  json: string,
  type: string,
  idField: FieldSchema,
  extra: FieldSchema[] = [],
): ObjectSchema => ({
  kind: 'object',
  json,
  cs: json.charAt(0).toUpperCase() + json.slice(1),
  type: `${NS}.Recipient.${type}`,
  fields: [
    idField,
    ...extra,
    {
      kind: 'enum',
      json: 'channelSchema',
      cs: 'NotificationChannelExt',
      values: CHANNEL_SCHEMA,
      required: true,
    },
    { kind: 'string', json: 'resourceId', cs: 'ResourceId' },
    { kind: 'string', json: 'resourceAction', cs: 'ResourceAction' },
    emailSettings('emailSettings'),
    smsSettings('smsSettings'),
  ],
});

const recipient: ObjectSchema = {
  kind: 'object',
  json: 'recipient',
  cs: 'Recipient',
  type: `${NS}.NotificationRecipientExt`,
  required: true,
  fields: [
    {
      kind: 'object',
      json: 'recipientEmail',
      cs: 'RecipientEmail',
      type: `${NS}.Recipient.RecipientEmailExt`,
      fields: [
        { kind: 'string', json: 'emailAddress', cs: 'EmailAddress', required: true },
        { ...emailSettings('emailSettings'), required: true },
      ],
    },
    {
      kind: 'object',
      json: 'recipientSms',
      cs: 'RecipientSms',
      type: `${NS}.Recipient.RecipientSmsExt`,
      fields: [
        { kind: 'string', json: 'phoneNumber', cs: 'PhoneNumber', required: true },
        { ...smsSettings('smsSettings'), required: true },
      ],
    },
    lookedUp(
      'recipientPerson',
      'RecipientPersonExt',
      { kind: 'string', json: 'nationalIdentityNumber', cs: 'NationalIdentityNumber', required: true },
      [
        { kind: 'bool', json: 'ignoreReservation', cs: 'IgnoreReservation' },
        { kind: 'bool', json: 'useStaleContactInformation', cs: 'UseStaleContactInformation' },
      ],
    ),
    lookedUp('recipientOrganization', 'RecipientOrganizationExt', {
      kind: 'string',
      json: 'orgNumber',
      cs: 'OrgNumber',
      required: true,
    }),
    lookedUp('recipientExternalIdentity', 'RecipientExternalIdentityExt', {
      kind: 'string',
      json: 'externalIdentity',
      cs: 'ExternalIdentity',
      required: true,
    }),
  ],
};

const reminder: ObjectSchema = {
  kind: 'object',
  json: 'reminders',
  cs: 'Reminders',
  type: `${NS}.NotificationReminderExt`,
  fields: [
    { kind: 'int32', json: 'delayDays', cs: 'DelayDays', nullable: true },
    { kind: 'datetime', json: 'requestedSendTime', cs: 'RequestedSendTime', nullable: true },
    { kind: 'string', json: 'conditionEndpoint', cs: 'ConditionEndpoint' },
    { kind: 'string', json: 'sendersReference', cs: 'SendersReference' },
    recipient,
  ],
};

export const ORDER_CHAIN_SCHEMA: ObjectSchema = {
  kind: 'object',
  json: '',
  cs: '',
  type: `${NS}.NotificationOrderChainRequestExt`,
  fields: [
    { kind: 'string', json: 'idempotencyId', cs: 'IdempotencyId', required: true },
    { kind: 'string', json: 'sendersReference', cs: 'SendersReference' },
    { kind: 'datetime', json: 'requestedSendTime', cs: 'RequestedSendTime' },
    { kind: 'string', json: 'conditionEndpoint', cs: 'ConditionEndpoint' },
    {
      kind: 'object',
      json: 'dialogportenAssociation',
      cs: 'DialogportenAssociation',
      type: `${NS}.DialogportenIdentifiersExt`,
      fields: [
        { kind: 'string', json: 'dialogId', cs: 'DialogId' },
        { kind: 'string', json: 'transmissionId', cs: 'TransmissionId' },
      ],
    },
    recipient,
    { kind: 'array', json: 'reminders', cs: 'Reminders', items: reminder },
  ],
};
