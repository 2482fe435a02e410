import type { AltinnShipmentStatus } from './shipment.interfaces.js';

/**
 * Which statuses are final, for every status Altinn has (a `Record`, so a status added to the type must be
 * classified here). Orders: completed, condition not met, cancelled. Notifications: all but the six in flight
 * (altinn-notifications
 * `src/Altinn.Notifications.Persistence/Migration/FunctionsAndProcedures/trymarkorderascompleted.sql`; docs.altinn.studio
 * "notifications/reference/notification-status" agrees). `Email_Failed_TransientError` is final: Altinn does not retry.
 */
const FINAL: Record<AltinnShipmentStatus, boolean> = {
  Order_Registered: false,
  Order_Processing: false,
  Order_Processed: false,
  Order_Completed: true,
  Order_SendConditionNotMet: true,
  Order_Cancelled: true,
  SMS_New: false,
  SMS_Sending: false,
  SMS_Accepted: false,
  SMS_Delivered: true,
  SMS_Failed: true,
  SMS_Failed_InvalidRecipient: true,
  SMS_Failed_RecipientReserved: true,
  SMS_Failed_BarredReceiver: true,
  SMS_Failed_Deleted: true,
  SMS_Failed_Expired: true,
  SMS_Failed_Undelivered: true,
  SMS_Failed_RecipientNotIdentified: true,
  SMS_Failed_Rejected: true,
  SMS_Failed_TTL: true,
  Email_New: false,
  Email_Sending: false,
  Email_Succeeded: false,
  Email_Delivered: true,
  Email_Failed: true,
  Email_Failed_RecipientReserved: true,
  Email_Failed_RecipientNotIdentified: true,
  Email_Failed_InvalidFormat: true,
  Email_Failed_SuppressedRecipient: true,
  Email_Failed_TransientError: true,
  Email_Failed_Bounced: true,
  Email_Failed_FilteredSpam: true,
  Email_Failed_Quarantined: true,
  Email_Failed_TTL: true,
  Email_Failed_InvalidSasUrl: true,
  Email_Failed_PayloadTooLarge: true,
};

/**
 * Whether a shipment or recipient status will not change any more. A status this library does not know counts as
 * not final, so a poller keeps asking rather than stopping early.
 */
export function isFinalShipmentStatus(status: string): boolean {
  return Object.hasOwn(FINAL, status) && FINAL[status as AltinnShipmentStatus];
}
