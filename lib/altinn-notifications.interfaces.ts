// Types of the service's calls. The module's option types live in options/options.interfaces.ts, the audit
// record in audit/audit.interfaces.ts and the per-call options in http/http.interfaces.ts (lower layers read
// them); they are re-exported here.
export type { AltinnChannel, AltinnEnvironment } from './altinn-notifications.constants.js';
export type { AltinnAuditRecord } from './audit/audit.interfaces.js';
export type { AltinnSendOptions } from './http/http.interfaces.js';
export type {
  AltinnLoggingOptions,
  AltinnNotificationsModuleAsyncOptions,
  AltinnNotificationsModuleExtras,
  AltinnNotificationsModuleOptions,
  AltinnNotificationsOptionsFactory,
  AltinnOrderCheckOptions,
  AltinnOrderDefaults,
  AltinnRetryOptions,
} from './options/options.interfaces.js';

/** Altinn's receipt, plus what the library knows of the call. */
export interface InstantOrderResult {
  notificationOrderId: string;
  notification: { shipmentId: string; sendersReference?: string };
  idempotencyId: string;
  /** true on 201 (new order), false on 200 (Altinn already had this idempotencyId: nothing was sent again). */
  created: boolean;
}
