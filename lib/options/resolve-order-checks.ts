import {
  DEFAULT_SEND_TIME_MARGIN_SECONDS,
  orderCheckProblems,
  type OrderChecks,
} from '../orders/order.validation.js';
import type { AltinnOrderCheckOptions } from './options.interfaces.js';

/**
 * @internal The module's `orders` option: checked at start-up by the rules a call's options are checked by, and,
 * as there, a field set to `undefined` means its default.
 */
export function resolveOrderChecks(
  orders: AltinnOrderCheckOptions | undefined,
  fail: (option: string, problem: string) => never,
): OrderChecks {
  const { checkDigits = true, sendTimeMarginSeconds = DEFAULT_SEND_TIME_MARGIN_SECONDS } = orders ?? {};
  const [first] = orderCheckProblems({ checkDigits, sendTimeMarginSeconds });
  if (first) fail(`orders.${first.option}`, first.problem);
  return { checkDigits, sendTimeMarginSeconds };
}
