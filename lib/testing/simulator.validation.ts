import { bindBody, checkRequired, type Bound, type ObjectSchema } from './simulator.binding.js';
import type { Reply } from './simulator.http.js';
import { validationProblem, type ValidationErrors } from './simulator.problems.js';
import { isValidEmail, isValidPhoneNumber } from './simulator.rules.js';

export type OrderEndpoint = 'sms' | 'email' | 'legacy';

export interface SmsInput {
  channel: 'sms';
  idempotencyId: string;
  sendersReference: string | null;
  phoneNumber: string;
  timeToLiveInSeconds: number;
  sender: string | null;
  body: string;
}

export interface EmailInput {
  channel: 'email';
  idempotencyId: string;
  sendersReference: string | null;
  emailAddress: string;
  subject: string;
  body: string;
  senderEmailAddress: string | null;
  contentType: 'Plain' | 'Html';
}

export type OrderInput = SmsInput | EmailInput;

const NS = 'Altinn.Notifications.Models';

function smsDetails(json: string, cs: string): ObjectSchema {
  return {
    kind: 'object',
    json,
    cs,
    type: `${NS}.Sms.ShortMessageDeliveryDetailsExt`,
    required: true,
    fields: [
      { kind: 'string', json: 'phoneNumber', cs: 'PhoneNumber', required: true },
      { kind: 'int32', json: 'timeToLiveInSeconds', cs: 'TimeToLiveInSeconds', required: true },
      {
        kind: 'object',
        json: 'smsSettings',
        cs: 'ShortMessageContent',
        type: `${NS}.Sms.ShortMessageContentExt`,
        required: true,
        fields: [
          { kind: 'string', json: 'sender', cs: 'Sender' },
          { kind: 'string', json: 'body', cs: 'Body', required: true },
        ],
      },
    ],
  };
}

const ORDER_FIELDS = [
  { kind: 'string', json: 'idempotencyId', cs: 'IdempotencyId', required: true },
  { kind: 'string', json: 'sendersReference', cs: 'SendersReference' },
] as const;

const SCHEMAS: Record<OrderEndpoint, ObjectSchema> = {
  sms: {
    kind: 'object',
    json: '',
    cs: '',
    type: `${NS}.Orders.InstantSmsNotificationOrderRequestExt`,
    fields: [...ORDER_FIELDS, smsDetails('recipientSms', 'RecipientSms')],
  },
  legacy: {
    kind: 'object',
    json: '',
    cs: '',
    type: `${NS}.Orders.InstantNotificationOrderRequestExt`,
    fields: [
      ...ORDER_FIELDS,
      {
        kind: 'object',
        json: 'recipient',
        cs: 'InstantNotificationRecipient',
        type: `${NS}.Recipient.InstantNotificationRecipientExt`,
        required: true,
        fields: [smsDetails('recipientSms', 'ShortMessageDeliveryDetails')],
      },
    ],
  },
  email: {
    kind: 'object',
    json: '',
    cs: '',
    type: `${NS}.Orders.InstantEmailNotificationOrderRequestExt`,
    fields: [
      ...ORDER_FIELDS,
      {
        kind: 'object',
        json: 'recipientEmail',
        cs: 'InstantEmailDetails',
        type: `${NS}.Email.InstantEmailDetailsExt`,
        required: true,
        fields: [
          { kind: 'string', json: 'emailAddress', cs: 'EmailAddress', required: true },
          {
            kind: 'object',
            json: 'emailSettings',
            cs: 'EmailSettings',
            type: `${NS}.Email.InstantEmailContentExt`,
            required: true,
            fields: [
              { kind: 'string', json: 'subject', cs: 'Subject', required: true },
              { kind: 'string', json: 'body', cs: 'Body', required: true },
              { kind: 'string', json: 'senderEmailAddress', cs: 'SenderEmailAddress' },
              { kind: 'enum', json: 'contentType', cs: 'EmailContentTypeExt', values: ['Plain', 'Html'] },
            ],
          },
        ],
      },
    ],
  },
};

const str = (v: Bound[string]): string => v as string;
const obj = (v: Bound[string]): Bound => v as Bound;

/** FluentValidation step for an SMS; keys carry the .NET property path prefix. */
function smsInput(order: Bound, details: Bound, prefix: string, errors: ValidationErrors): SmsInput {
  const settings = obj(details.smsSettings);
  const input: SmsInput = {
    channel: 'sms',
    idempotencyId: str(order.idempotencyId),
    sendersReference: order.sendersReference as string | null,
    phoneNumber: str(details.phoneNumber),
    timeToLiveInSeconds: details.timeToLiveInSeconds as number,
    sender: settings.sender as string | null,
    body: str(settings.body),
  };
  if (!isValidPhoneNumber(input.phoneNumber)) {
    errors[`${prefix}PhoneNumber`] = ['Recipient phone number is not a valid mobile number.'];
  }
  if (input.timeToLiveInSeconds < 60 || input.timeToLiveInSeconds > 172800) {
    errors[`${prefix}TimeToLiveInSeconds`] = [
      'Time-to-live must be between 60 and 172800 seconds (48 hours).',
    ];
  }
  return input;
}

function emailInput(order: Bound, errors: ValidationErrors): EmailInput {
  const details = obj(order.recipientEmail);
  const settings = obj(details.emailSettings);
  const rawType = settings.contentType ?? 'Plain';
  const contentType =
    rawType === 0 || rawType === 'Plain' ? 'Plain' : rawType === 1 || rawType === 'Html' ? 'Html' : null;
  const input: EmailInput = {
    channel: 'email',
    idempotencyId: str(order.idempotencyId),
    sendersReference: order.sendersReference as string | null,
    emailAddress: str(details.emailAddress),
    subject: str(settings.subject),
    body: str(settings.body),
    senderEmailAddress: settings.senderEmailAddress as string | null,
    contentType: contentType ?? 'Plain',
  };
  const prefix = 'InstantEmailDetails.';
  if (!isValidEmail(input.emailAddress)) errors[`${prefix}EmailAddress`] = ['Invalid email address format.'];
  if (input.senderEmailAddress !== null && !isValidEmail(input.senderEmailAddress)) {
    errors[`${prefix}EmailSettings.SenderEmailAddress`] = ['Invalid email address format.'];
  }
  if (contentType === null) {
    errors[`${prefix}EmailSettings.ContentType`] = ['Email content type must be either Plain or HTML.'];
  }
  return input;
}

/** Binding, `[Required]`, then FluentValidation, in the server's order; any failure is a 400. */
export function validateOrder(
  endpoint: OrderEndpoint,
  text: string,
): { ok: true; input: OrderInput; json: unknown } | { ok: false; reply: Reply } {
  const schema = SCHEMAS[endpoint];
  const bound = bindBody(schema, text);
  if (!bound.ok) return { ok: false, reply: validationProblem(bound.errors) };
  const required = checkRequired(schema, bound.value);
  if (Object.keys(required).length > 0) return { ok: false, reply: validationProblem(required) };

  const errors: ValidationErrors = {};
  const order = bound.value;
  const input =
    endpoint === 'email'
      ? emailInput(order, errors)
      : endpoint === 'sms'
        ? smsInput(order, obj(order.recipientSms), 'RecipientSms.', errors)
        : smsInput(
            order,
            obj(obj(order.recipient).recipientSms),
            'InstantNotificationRecipient.ShortMessageDeliveryDetails.',
            errors,
          );
  if (Object.keys(errors).length > 0) return { ok: false, reply: validationProblem(errors) };
  return { ok: true, input, json: bound.json };
}
