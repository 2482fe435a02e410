import { randomUUID } from 'node:crypto';
import { check, type OrderDefaults } from '../dto/order.validation.js';
import { phonePolicyViolation, type PhoneNumberPolicy } from '../dto/validators/altinn-phone-number.js';
import { validatedPhoneNumber } from '../dto/validators/altinn.decorators.js';
import { AltinnValidationError, type AltinnFieldError } from '../errors/altinn-notifications.error.js';
import { smsSegmentLimitViolation } from '../sms/sms-segments.js';
import { hasValidNationalIdentityCheckDigits, hasValidOrgNumberCheckDigit } from './check-digits.js';
import { NotificationOrderDto } from './notification-order.dto.js';
import type {
  NotificationOrder,
  NotificationRecipient,
  OrderSendTime,
  OrderSmsSettings,
  SendOrderOptions,
} from './order.interfaces.js';
import { isAbsent, parseSendTime } from './order.validators.js';
import { toWireBody, type WireOrder } from './order.wire.js';

/** @default of `SendOrderOptions.sendTimeMarginSeconds`: also Altinn's cut-off for cancelling (5 min). */
export const DEFAULT_SEND_TIME_MARGIN_SECONDS = 300;

/** @internal Checks beyond Altinn's own rules: the module's defaults, or one call's. */
export interface OrderChecks {
  checkDigits: boolean;
  sendTimeMarginSeconds: number;
}

/** @internal The module's settings an order is checked and completed with. */
export interface OrderSettings {
  phonePolicy: PhoneNumberPolicy;
  defaults: OrderDefaults;
  maxSmsSegments: number;
  orderChecks: OrderChecks;
}

/** @internal The module's settings and the call's options that go beyond Altinn's own rules. */
export interface OrderPolicy extends OrderSettings, OrderChecks {}

/** @internal What is wrong with order checks, option by option: the module's (at start-up) or one call's. */
export function orderCheckProblems(
  checks: OrderChecks,
): Array<{ option: keyof OrderChecks; problem: string }> {
  const problems: Array<{ option: keyof OrderChecks; problem: string }> = [];
  if (typeof checks.checkDigits !== 'boolean')
    problems.push({ option: 'checkDigits', problem: 'must be a boolean' });
  if (!Number.isFinite(checks.sendTimeMarginSeconds) || checks.sendTimeMarginSeconds < 0)
    problems.push({ option: 'sendTimeMarginSeconds', problem: 'must be a number of seconds ≥ 0' });
  return problems;
}

/** @internal The policy of one `sendOrder` call; a bad option is a validation error like a bad field. */
export function orderPolicy(settings: OrderSettings, options: SendOrderOptions = {}): OrderPolicy {
  const {
    checkDigits = settings.orderChecks.checkDigits,
    sendTimeMarginSeconds = settings.orderChecks.sendTimeMarginSeconds,
  } = options;
  const problems = orderCheckProblems({ checkDigits, sendTimeMarginSeconds });
  if (problems.length > 0) {
    throw new AltinnValidationError(
      problems.map(({ option, problem }) => ({ path: `options.${option}`, message: problem })),
    );
  }
  return { ...settings, checkDigits, sendTimeMarginSeconds };
}

/** @internal A validated order: the body to send and the main recipient, for the keyed hash of the audit line. */
export interface CheckedOrder {
  body: WireOrder;
  recipient: string;
}

/** Altinn's rules (the DTO), then the local extras; throws one `AltinnValidationError` naming every failing field. */
export function toWireOrder(input: NotificationOrder, policy: OrderPolicy): CheckedOrder {
  const dto = check(NotificationOrderDto, input);
  const errors = [
    ...recipientExtras(dto.recipient, 'recipient', policy),
    ...marginViolation(dto.requestedSendTime, 'requestedSendTime', policy),
    ...(dto.reminders ?? []).flatMap((r, i) => [
      ...marginViolation(r.requestedSendTime, `reminders.${i}.requestedSendTime`, policy),
      ...recipientExtras(r.recipient, `reminders.${i}.recipient`, policy),
    ]),
  ];
  if (errors.length > 0) throw new AltinnValidationError(errors);
  // Generated once per call, so every retry of this call carries the same id.
  const body = toWireBody(dto, dto.idempotencyId ?? randomUUID(), policy.defaults);
  return { body, recipient: recipientKey(body.recipient) };
}

function recipientExtras(r: NotificationRecipient, path: string, policy: OrderPolicy): AltinnFieldError[] {
  const errors: AltinnFieldError[] = [];
  const add = (at: string, message: string | undefined) =>
    message && errors.push({ path: `${path}.${at}`, message });
  const segments = (at: string, s: OrderSmsSettings | undefined) =>
    s && add(at, smsSegmentLimitViolation(s.body, policy.maxSmsSegments));
  if (r.recipientSms) {
    const phone = validatedPhoneNumber(r.recipientSms);
    add('recipientSms.phoneNumber', phonePolicyViolation(phone, policy.phonePolicy));
    segments('recipientSms.smsSettings.body', r.recipientSms.smsSettings);
  }
  for (const kind of ['recipientPerson', 'recipientOrganization', 'recipientExternalIdentity'] as const) {
    segments(`${kind}.smsSettings.body`, r[kind]?.smsSettings);
  }
  if (policy.checkDigits) {
    const person = r.recipientPerson?.nationalIdentityNumber;
    if (person !== undefined && !hasValidNationalIdentityCheckDigits(person))
      add('recipientPerson.nationalIdentityNumber', CHECK_DIGITS);
    const org = r.recipientOrganization?.orgNumber;
    if (org !== undefined && !hasValidOrgNumberCheckDigit(org))
      add('recipientOrganization.orgNumber', CHECK_DIGITS);
  }
  return errors;
}

const CHECK_DIGITS =
  "must have valid mod-11 control digits (checkDigits: false, per call or in the module's orders option, skips this check)";

/** Altinn validates the send time before the idempotency lookup: a retry after it would get 400, not 200. */
function marginViolation(
  time: OrderSendTime | undefined,
  path: string,
  policy: OrderPolicy,
): AltinnFieldError[] {
  if (isAbsent(time)) return [];
  const margin = policy.sendTimeMarginSeconds;
  if (parseSendTime(time)!.getTime() >= Date.now() + margin * 1000) return [];
  return [
    {
      path,
      message: `must be at least ${margin} seconds ahead (option sendTimeMarginSeconds), so that a retry cannot arrive after it`,
    },
  ];
}

/** The main recipient as the audit hash keys it: the address or number that identifies it. */
function recipientKey(r: NotificationRecipient): string {
  return (
    r.recipientEmail?.emailAddress ??
    r.recipientSms?.phoneNumber ??
    r.recipientPerson?.nationalIdentityNumber ??
    r.recipientOrganization?.orgNumber ??
    r.recipientExternalIdentity!.externalIdentity
  );
}
