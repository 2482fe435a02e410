import type { AltinnSendKind } from '../altinn-notifications.constants.js';

/** The record of one send: what was asked, of whom (hashed), and what came of it. */
export interface AltinnAuditRecord {
  timestamp: string;
  /** `order` for a scheduled order chain; recipientHash then names its main recipient. */
  channel: AltinnSendKind;
  /** HMAC-SHA256 of the normalised recipient under the hash key, hex, first 16 characters. */
  recipientHash: string;
  idempotencyId: string;
  sendersReference?: string;
  result: 'created' | 'replayed' | 'failed';
  /** HTTP status of the last attempt, when there was one. */
  status?: number;
  /** Error class and Altinn code on failure, e.g. `AltinnApiError NOT-00004`. */
  error?: string;
  attempts: number;
  durationMs: number;
  notificationOrderId?: string;
  shipmentId?: string;
}
