import { AltinnApiError } from '../errors/altinn-notifications.error.js';

/**
 * Altinn answered 409 to a cancel: the shipment is no longer `Registered` (processing has begun, it was sent, or
 * its condition said no), or its send time is 5 minutes away or less (altinn-notifications `src/Altinn.Notifications.Core/Services/CancelOrderService.cs`,
 * `cancelorder_v2`). Nothing was changed; retrying does not help.
 */
export class AltinnOrderNotCancellableError extends AltinnApiError {
  override name = 'AltinnOrderNotCancellableError';

  constructor(
    cause: AltinnApiError,
    readonly shipmentId: string,
  ) {
    super({ ...cause, errors: [...cause.errors] });
    this.message =
      `Altinn answered 409 to ${cause.method} ${cause.path}: the shipment can no longer be cancelled ` +
      '(processing has begun, or its send time is 5 minutes away or less)';
  }
}
