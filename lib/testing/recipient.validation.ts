import type { Bound } from './simulator.binding.js';
import type { ValidationErrors } from './simulator.problems.js';
import { isValidEmail, isValidPhoneNumber } from './simulator.rules.js';
import type { ChannelSchema, EmailContent, RecipientSpec, SmsContent } from './order.types.js';

/**
 * The recipient rules of `POST /future/orders` with the server's messages (`API/Validators/Recipient/*`,
 * `API/Validators/Email/*`, `API/Validators/Sms/*`, `API/Validators/Rules/ExternalIdentityUrn.cs`).
 */
const CHANNELS: readonly ChannelSchema[] = ['Email', 'Sms', 'EmailPreferred', 'SmsPreferred', 'EmailAndSms'];
const POLICIES = ['\u0000', 'Anytime', 'Daytime'];
const ANYTIME = 1;
const DAYTIME = 2;

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
const add = (errors: ValidationErrors, key: string, message: string) => (errors[key] ??= []).push(message);

/** Enum as a number: names map to their value, JSON integers stay as they are. */
function enumValue(v: Bound[string], names: readonly string[], fallback: number): number {
  if (v === null || v === undefined) return fallback;
  return typeof v === 'string' ? names.indexOf(v) : (v as number);
}

function emailContent(s: Bound, key: string, errors: ValidationErrors): EmailContent {
  if (blank(s.subject)) add(errors, `${key}.Subject`, 'The email subject must not be empty.');
  if (blank(s.body)) add(errors, `${key}.Body`, 'The email body must not be empty.');
  const sender = s.senderEmailAddress as string | null;
  if (sender !== null && !isValidEmail(sender)) {
    add(errors, `${key}.SenderEmailAddress`, 'The sender email address is not valid.');
  }
  const contentType = enumValue(s.contentType, ['Plain', 'Html'], 0);
  if (contentType !== 0 && contentType !== 1) {
    add(errors, `${key}.ContentType`, 'Email content type must be either Plain or HTML.');
  }
  if (enumValue(s.sendingTimePolicy, POLICIES, ANYTIME) !== ANYTIME) {
    add(errors, `${key}.SendingTimePolicy`, 'Email only supports send time anytime');
  }
  return {
    // `NotificationOrderChainMapper` turns each CR, LF or CRLF of the subject into one space.
    subject: String(s.subject ?? '').replace(/\r\n|\r|\n/g, ' '),
    body: String(s.body ?? ''),
    senderEmailAddress: sender === null ? null : sender.trim(),
    contentType: contentType === 1 ? 'Html' : 'Plain',
  };
}

function smsContent(s: Bound, key: string, errors: ValidationErrors): SmsContent {
  if (blank(s.body)) add(errors, `${key}.Body`, 'SMS body cannot be null or empty.');
  const policy = enumValue(s.sendingTimePolicy, POLICIES, DAYTIME);
  if (policy !== ANYTIME && policy !== DAYTIME) {
    add(errors, `${key}.SendingTimePolicy`, 'SMS only supports send time daytime and anytime');
  }
  const sender = typeof s.sender === 'string' && s.sender.trim() !== '' ? s.sender.trim() : null;
  return { body: String(s.body ?? ''), sender, daytime: policy !== ANYTIME };
}

const URN_PREFIXES = [
  'urn:altinn:party:username:',
  'urn:altinn:username:',
  'urn:altinn:person:legacy-selfidentified:',
];
const IDPORTEN_EMAIL = 'urn:altinn:person:idporten-email:';

/** `ExternalIdentityUrn`: prefixes matched case-sensitively (stricter than the server may be, which is safe here). */
export function isValidExternalIdentity(urn: string): boolean {
  if (urn.startsWith(IDPORTEN_EMAIL)) return isValidEmail(urn.slice(IDPORTEN_EMAIL.length));
  const prefix = URN_PREFIXES.find((p) => urn.startsWith(p));
  return prefix !== undefined && urn.slice(prefix.length).trim() !== '';
}

function identity(
  kind: 'person' | 'organisation' | 'externalIdentity',
  id: unknown,
  key: string,
  errors: ValidationErrors,
) {
  const value = typeof id === 'string' ? id : '';
  if (kind === 'person' && !/^[0-9]{11}$/.test(value)) {
    add(errors, `${key}.NationalIdentityNumber`, 'National identity number must be 11 digits long.');
  } else if (kind === 'organisation') {
    if (blank(id)) add(errors, `${key}.OrgNumber`, 'OrgNumber cannot be null or empty.');
    else if (!/^[0-9]{9}$/.test(value))
      add(errors, `${key}.OrgNumber`, 'Organization number must be 9 digits long.');
  } else if (kind === 'externalIdentity') {
    if (blank(id)) add(errors, `${key}.ExternalIdentity`, 'ExternalIdentity cannot be null or empty.');
    else if (!isValidExternalIdentity(value)) {
      add(errors, `${key}.ExternalIdentity`, 'Invalid external identity URN format.');
    }
  }
  return value;
}

/** Which settings a channel schema needs (`RecipientBaseValidator`), with the exact wording per schema. */
const NEEDS: Record<ChannelSchema, { email: boolean; sms: boolean; phrase: string }> = {
  Email: { email: true, sms: false, phrase: 'Email' },
  Sms: { email: false, sms: true, phrase: 'Sms' },
  EmailPreferred: { email: true, sms: true, phrase: 'SmsPreferred or EmailPreferred' },
  SmsPreferred: { email: true, sms: true, phrase: 'SmsPreferred or EmailPreferred' },
  EmailAndSms: { email: true, sms: true, phrase: 'EmailAndSms' },
};

function lookedUp(
  kind: 'person' | 'organisation' | 'externalIdentity',
  r: Bound,
  idField: string,
  key: string,
  errors: ValidationErrors,
): RecipientSpec {
  const id = identity(kind, r[idField], key, errors);
  const schemaIndex = enumValue(r.channelSchema, CHANNELS, -1);
  const channelSchema = CHANNELS[schemaIndex];
  if (channelSchema === undefined) add(errors, `${key}.ChannelSchema`, 'Invalid channel scheme value.');
  const emailSettings = r.emailSettings as Bound | null;
  const smsSettings = r.smsSettings as Bound | null;
  const needs = channelSchema ? NEEDS[channelSchema] : undefined;
  if (needs?.email && emailSettings === null) {
    add(errors, `${key}.EmailSettings`, `EmailSettings must be set when ChannelSchema is ${needs.phrase}`);
  }
  if (needs?.sms && smsSettings === null) {
    add(errors, `${key}.SmsSettings`, `SmsSettings must be set when ChannelSchema is ${needs.phrase}`);
  }
  const resourceId = r.resourceId as string | null;
  if (resourceId !== null && !/^urn:altinn:resource:.+$/s.test(resourceId)) {
    add(errors, `${key}.ResourceId`, 'ResourceId must have a valid syntax.');
  }
  const action = r.resourceAction as string | null;
  if (action !== null && blank(resourceId)) {
    add(errors, `${key}.ResourceAction`, 'ResourceAction cannot be specified without a ResourceId.');
  } else if (action !== null && action.trim() === '') {
    add(errors, `${key}.ResourceAction`, 'ResourceAction cannot be blank or whitespace.');
  }
  return {
    kind,
    id,
    channelSchema: channelSchema ?? 'Email',
    ignoreReservation: r.ignoreReservation === true,
    ...(emailSettings ? { email: emailContent(emailSettings, `${key}.EmailSettings`, errors) } : {}),
    ...(smsSettings ? { sms: smsContent(smsSettings, `${key}.SmsSettings`, errors) } : {}),
  };
}

/** Settings sent as JSON `null` on an email/SMS recipient: rejected (the server's own handling is not documented). */
function settings(v: Bound[string], key: string, errors: ValidationErrors): Bound {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v;
  add(errors, key, `'Settings' must not be empty.`);
  return {};
}

/** `NotificationRecipientValidator`: exactly one variant, then that variant's rules. */
export function validateRecipient(
  r: Bound,
  key: string,
  errors: ValidationErrors,
): RecipientSpec | undefined {
  const variants = [
    'recipientEmail',
    'recipientSms',
    'recipientPerson',
    'recipientOrganization',
    'recipientExternalIdentity',
  ];
  const present = variants.filter((v) => r[v] !== null && r[v] !== undefined);
  if (present.length !== 1) {
    add(errors, key, 'Must have exactly one recipient.');
    return undefined;
  }
  const v = r[present[0]] as Bound;
  switch (present[0]) {
    case 'recipientEmail': {
      const address = String(v.emailAddress ?? '');
      if (!isValidEmail(address))
        add(errors, `${key}.RecipientEmail.EmailAddress`, 'Invalid email address format.');
      const email = emailContent(
        settings(v.emailSettings, `${key}.RecipientEmail.Settings`, errors),
        `${key}.RecipientEmail.Settings`,
        errors,
      );
      return { kind: 'email', address, email };
    }
    case 'recipientSms': {
      const phoneNumber = String(v.phoneNumber ?? '');
      const phoneKey = `${key}.RecipientSms.PhoneNumber`;
      if (blank(v.phoneNumber)) add(errors, phoneKey, 'Recipient phone number cannot be null or empty.');
      else if (!isValidPhoneNumber(phoneNumber))
        add(errors, phoneKey, 'Recipient phone number is not a valid mobile number.');
      const smsKey = `${key}.RecipientSms.Settings`;
      return {
        kind: 'sms',
        phoneNumber,
        sms: smsContent(settings(v.smsSettings, smsKey, errors), smsKey, errors),
      };
    }
    case 'recipientPerson':
      return lookedUp('person', v, 'nationalIdentityNumber', `${key}.RecipientPerson`, errors);
    case 'recipientOrganization':
      return lookedUp('organisation', v, 'orgNumber', `${key}.RecipientOrganization`, errors);
    default:
      return lookedUp('externalIdentity', v, 'externalIdentity', `${key}.RecipientExternalIdentity`, errors);
  }
}
