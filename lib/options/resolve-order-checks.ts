import { DEFAULT_SEND_TIME_MARGIN_SECONDS, type OrderChecks } from '../orders/order.validation.js';
import type { AltinnOrderCheckOptions } from './options.interfaces.js';

/** @internal The module's `orders` option: checked at start-up, with the per-call defaults. */
export function resolveOrderChecks(
  orders: AltinnOrderCheckOptions | undefined,
  fail: (option: string, problem: string) => never,
): OrderChecks {
  const checks = { checkDigits: true, sendTimeMarginSeconds: DEFAULT_SEND_TIME_MARGIN_SECONDS, ...orders };
  if (typeof checks.checkDigits !== 'boolean') fail('orders.checkDigits', 'must be a boolean');
  if (!Number.isFinite(checks.sendTimeMarginSeconds) || checks.sendTimeMarginSeconds < 0)
    fail('orders.sendTimeMarginSeconds', 'must be a number of seconds ≥ 0');
  return { checkDigits: checks.checkDigits, sendTimeMarginSeconds: checks.sendTimeMarginSeconds };
}
