// Types of the service's calls. The module's option types live in options/options.interfaces.ts and the audit
// record in audit/audit.interfaces.ts (lower layers read them); they are re-exported here for existing imports.
export type { AltinnChannel, AltinnEnvironment } from './altinn-notifications.constants.js';
export type { AltinnAuditRecord } from './audit/audit.interfaces.js';
export type {
  AltinnLoggingOptions,
  AltinnNotificationsModuleAsyncOptions,
  AltinnNotificationsModuleExtras,
  AltinnNotificationsModuleOptions,
  AltinnNotificationsOptionsFactory,
  AltinnOrderDefaults,
  AltinnRetryOptions,
} from './options/options.interfaces.js';

/** Per-call options of `sendInstantSms` / `sendInstantEmail` (and the service's other calls). */
export interface AltinnSendOptions {
  /** Cancels the call, retries included. */
  signal?: AbortSignal;
  /**
   * Values that must never appear in an error or a log line, e.g. a one-time code inside the body; they are cut
   * from any server text, also escaped or in part.
   */
  secrets?: readonly string[];
}

/** Altinn's receipt, plus what the library knows of the call. */
export interface InstantOrderResult {
  notificationOrderId: string;
  notification: { shipmentId: string; sendersReference?: string };
  idempotencyId: string;
  /** true on 201 (new order), false on 200 (Altinn already had this idempotencyId: nothing was sent again). */
  created: boolean;
}
