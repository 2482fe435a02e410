import { AltinnApiError } from '../errors/altinn-notifications.error.js';
import type { AltinnResponse } from '../http/request-context.js';
import type { AltinnStatusFeedEntry, AltinnStatusFeedRecipient } from './status-feed.interfaces.js';

/** @internal A 200 feed page as entries; anything else in the body is Altinn answering something unexpected. */
export function toFeedEntries(response: AltinnResponse, path: string): AltinnStatusFeedEntry[] {
  const data = response.data;
  const entries = Array.isArray(data) ? data.map(toEntry) : undefined;
  if (!entries || entries.includes(undefined)) {
    throw new AltinnApiError({
      status: response.status,
      method: 'GET',
      path,
      attempts: response.attempts,
      detail: 'Altinn answered without a status feed page',
    });
  }
  return entries as AltinnStatusFeedEntry[];
}

function toEntry(raw: unknown): AltinnStatusFeedEntry | undefined {
  const e = raw as Record<string, unknown> | null;
  if (!e || !Number.isSafeInteger(e.sequenceNumber) || (e.sequenceNumber as number) < 0) return undefined;
  const recipients = Array.isArray(e.recipients) ? e.recipients.map(toRecipient) : undefined;
  if (!isText(e.shipmentId) || !isText(e.shipmentType) || !isText(e.status) || !isText(e.lastUpdate)) return;
  if (!recipients || recipients.includes(undefined)) return undefined;
  return {
    sequenceNumber: e.sequenceNumber as number,
    shipmentId: e.shipmentId,
    ...(isText(e.sendersReference) && { sendersReference: e.sendersReference }),
    shipmentType: e.shipmentType,
    status: e.status,
    lastUpdate: e.lastUpdate,
    recipients: recipients as AltinnStatusFeedRecipient[],
  };
}

function toRecipient(raw: unknown): AltinnStatusFeedRecipient | undefined {
  const r = raw as Record<string, unknown> | null;
  if (!r || typeof r.destination !== 'string' || !isText(r.status) || !isText(r.lastUpdate)) return undefined;
  return { destination: r.destination, status: r.status, lastUpdate: r.lastUpdate };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
