import { ORDER_CHAIN_SCHEMA } from './future-orders.schema.js';
import type { ChainSpec, ShipmentSpec } from './order.types.js';
import { validateRecipient } from './recipient.validation.js';
import { bindBody, type Bound } from './simulator.binding.js';
import type { Reply } from './simulator.http.js';
import { validationProblem, type ValidationErrors } from './simulator.problems.js';

/**
 * FluentValidation of `POST /future/orders` (`API/Validators/NotificationOrderChainRequestValidator.cs`,
 * `NotificationOrderBaseValidator.cs`, `NotificationReminderValidator.cs`). `now` is the simulator clock when the
 * request arrived: the server fixes it before binding, so there is no grace and a retry can land in the past.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

const add = (errors: ValidationErrors, key: string, message: string) => (errors[key] ??= []).push(message);

/** A `DateTime` has a kind other than Unspecified only with `Z` or an offset. */
const hasZone = (value: string): boolean => /(Z|[+-]\d{2}(:\d{2})?)$/.test(value);

/** `Uri.IsWellFormedUriString(value, Absolute)` closely enough: parseable, absolute, nothing left unescaped. */
function checkConditionEndpoint(
  value: Bound[string],
  key: string,
  errors: ValidationErrors,
): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value);
  let url: URL | undefined;
  try {
    url = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/[\s<>"{}|\\^`]/.test(text) ? new URL(text) : undefined;
  } catch {
    url = undefined;
  }
  if (!url) add(errors, key, 'ConditionEndpoint must be a valid absolute URI or null.');
  else if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    add(errors, key, 'ConditionEndpoint must use http or https scheme.');
  }
  return text;
}

function mainShipment(order: Bound, now: number, errors: ValidationErrors): ShipmentSpec | undefined {
  let requestedSendTime = now;
  if (typeof order.requestedSendTime === 'string') {
    requestedSendTime = Date.parse(order.requestedSendTime);
    if (!hasZone(order.requestedSendTime)) {
      add(errors, 'RequestedSendTime', 'The requested send time value must have specified a time zone.');
    } else if (requestedSendTime < now) {
      add(errors, 'RequestedSendTime', 'RequestedSendTime must be greater than or equal to now.');
    }
  }
  const conditionEndpoint = checkConditionEndpoint(order.conditionEndpoint, 'ConditionEndpoint', errors);
  const recipient = validateRecipient(order.recipient as Bound, 'Recipient', errors);
  if (!recipient) return undefined;
  return {
    ...(typeof order.sendersReference === 'string' ? { sendersReference: order.sendersReference } : {}),
    requestedSendTime,
    ...(conditionEndpoint === undefined ? {} : { conditionEndpoint }),
    recipient,
  };
}

function reminder(r: Bound, key: string, main: number, now: number, errors: ValidationErrors) {
  const delayDays = r.delayDays as number | null;
  const at = r.requestedSendTime as string | null;
  let requestedSendTime = main;
  if ((delayDays === null) === (at === null)) {
    add(errors, key, 'Either DelayDays or RequestedSendTime must be defined, but not both.');
  } else if (delayDays !== null) {
    if (delayDays < 1) add(errors, `${key}.DelayDays`, 'DelayDays must be greater than or equal to 1 day.');
    requestedSendTime = main + delayDays * DAY_MS;
  } else if (at !== null) {
    requestedSendTime = Date.parse(at);
    if (!hasZone(at))
      add(errors, `${key}.RequestedSendTime`, 'The RequestedSendTime must have specified a time zone.');
    else if (requestedSendTime < now) {
      add(
        errors,
        `${key}.RequestedSendTime`,
        'RequestedSendTime must be greater than or equal to the current UTC time.',
      );
    }
  }
  const conditionEndpoint = checkConditionEndpoint(r.conditionEndpoint, `${key}.ConditionEndpoint`, errors);
  const recipient = validateRecipient(r.recipient as Bound, `${key}.Recipient`, errors);
  if (!recipient) return undefined;
  return {
    ...(typeof r.sendersReference === 'string' ? { sendersReference: r.sendersReference } : {}),
    requestedSendTime,
    ...(conditionEndpoint === undefined ? {} : { conditionEndpoint }),
    recipient,
  };
}

/** Binding, then every FluentValidation rule; any failure is a 400 `ValidationProblemDetails`. */
export function validateOrderChain(
  text: string,
  now: number,
): { ok: true; spec: ChainSpec; json: unknown } | { ok: false; reply: Reply } {
  const bound = bindBody(ORDER_CHAIN_SCHEMA, text);
  if (!bound.ok) return { ok: false, reply: validationProblem(bound.errors) };
  const order = bound.value;
  const errors: ValidationErrors = {};
  if (typeof order.idempotencyId !== 'string' || order.idempotencyId.trim() === '') {
    add(errors, 'IdempotencyId', 'IdempotencyId cannot be null or empty.');
  }
  const main = mainShipment(order, now, errors);
  const mainTime = main?.requestedSendTime ?? now;
  const reminders = ((order.reminders as Bound[] | null) ?? []).map((r, i) =>
    reminder(r, `Reminders[${i}]`, mainTime, now, errors),
  );
  if (Object.keys(errors).length > 0 || !main) return { ok: false, reply: validationProblem(errors) };
  const spec: ChainSpec = {
    idempotencyId: order.idempotencyId as string,
    main,
    reminders: reminders.filter((r): r is ShipmentSpec => r !== undefined),
  };
  return { ok: true, spec, json: bound.json };
}
