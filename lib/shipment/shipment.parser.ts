import { AltinnApiError, AltinnValidationError } from '../errors/altinn-notifications.error.js';
import type { AltinnResponse } from '../http/request-context.js';
import type {
  AltinnShipment,
  AltinnShipmentRecipient,
  AltinnShipmentStatus,
  AltinnShipmentType,
} from './shipment.interfaces.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * @internal The id must be a GUID: Altinn's route constraint answers anything else with a bare 404 that looks like
 * "not found". Checked locally so a typo is a validation error, not a missing shipment.
 */
export function checkShipmentId(shipmentId: unknown): string {
  if (typeof shipmentId !== 'string' || !GUID.test(shipmentId.trim())) {
    throw new AltinnValidationError([
      { path: 'shipmentId', message: 'must be a GUID (the notification.shipmentId of a send result)' },
    ]);
  }
  return shipmentId.trim().toLowerCase();
}

/** @internal A 200 body as `AltinnShipment`; unknown status strings are passed through unchanged. */
export function toShipment(response: AltinnResponse, path: string): AltinnShipment {
  const data = response.data as Record<string, unknown> | undefined;
  const recipients = Array.isArray(data?.recipients) ? data.recipients.map(toRecipient) : undefined;
  if (
    !data ||
    !isText(data.shipmentId) ||
    !isText(data.type) ||
    !isText(data.status) ||
    !isText(data.lastUpdate) ||
    !recipients ||
    recipients.includes(undefined)
  ) {
    throw new AltinnApiError({
      status: response.status,
      method: 'GET',
      path,
      attempts: response.attempts,
      detail: 'Altinn answered without a delivery manifest',
    });
  }
  return {
    shipmentId: data.shipmentId,
    ...(isText(data.sendersReference) && { sendersReference: data.sendersReference }),
    type: data.type as AltinnShipmentType,
    status: data.status as AltinnShipmentStatus,
    lastUpdate: data.lastUpdate,
    recipients: recipients as AltinnShipmentRecipient[],
  };
}

function toRecipient(value: unknown): AltinnShipmentRecipient | undefined {
  const r = value as Record<string, unknown> | null;
  if (!r || !isText(r.destination) || !isText(r.status) || !isText(r.lastUpdate)) return undefined;
  const type = r.type === 'SMS' || r.type === 'Email' ? r.type : channelOf(r.status);
  if (!type) return undefined;
  return {
    type,
    destination: r.destination,
    status: r.status as AltinnShipmentStatus,
    lastUpdate: r.lastUpdate,
  };
}

/** The discriminator Altinn writes first (`"SMS"`/`"Email"`) agrees with the status prefix; a fallback for servers without it. */
function channelOf(status: string): AltinnShipmentRecipient['type'] | undefined {
  return status.startsWith('SMS_') ? 'SMS' : status.startsWith('Email_') ? 'Email' : undefined;
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}
