/** Order-level statuses of a shipment (`src/Altinn.Notifications/Models/Status/ProcessingLifecycleExt.cs`). */
export type AltinnOrderStatus =
  | 'Order_Registered'
  | 'Order_Processing'
  | 'Order_Completed'
  | 'Order_SendConditionNotMet'
  | 'Order_Cancelled'
  | 'Order_Processed';

/** SMS recipient statuses. `SMS_Failed_TTL` is Altinn's own expiry; `SMS_Failed_Expired` comes from the operator. */
export type AltinnSmsStatus =
  | 'SMS_New'
  | 'SMS_Sending'
  | 'SMS_Accepted'
  | 'SMS_Delivered'
  | 'SMS_Failed'
  | 'SMS_Failed_InvalidRecipient'
  | 'SMS_Failed_RecipientReserved'
  | 'SMS_Failed_BarredReceiver'
  | 'SMS_Failed_Deleted'
  | 'SMS_Failed_Expired'
  | 'SMS_Failed_Undelivered'
  | 'SMS_Failed_RecipientNotIdentified'
  | 'SMS_Failed_Rejected'
  | 'SMS_Failed_TTL';

/** Email recipient statuses. */
export type AltinnEmailStatus =
  | 'Email_New'
  | 'Email_Sending'
  | 'Email_Succeeded'
  | 'Email_Delivered'
  | 'Email_Failed'
  | 'Email_Failed_RecipientReserved'
  | 'Email_Failed_RecipientNotIdentified'
  | 'Email_Failed_InvalidFormat'
  | 'Email_Failed_SuppressedRecipient'
  | 'Email_Failed_TransientError'
  | 'Email_Failed_Bounced'
  | 'Email_Failed_FilteredSpam'
  | 'Email_Failed_Quarantined'
  | 'Email_Failed_TTL'
  | 'Email_Failed_InvalidSasUrl'
  | 'Email_Failed_PayloadTooLarge';

export type AltinnRecipientStatus = AltinnSmsStatus | AltinnEmailStatus;

/** Altinn uses one status enum for shipments and recipients. */
export type AltinnShipmentStatus = AltinnOrderStatus | AltinnRecipientStatus;

/** What kind of shipment: the main shipment of a scheduled order, one of its reminders, an instant order, … */
export type AltinnShipmentType = 'Notification' | 'Reminder' | 'Instant' | 'Composed';

/** One recipient of a shipment: one per address and channel (an organisation can have many). */
export interface AltinnShipmentRecipient {
  /** The channel, Altinn's discriminator (taken from the status prefix if a server leaves it out). */
  type: 'SMS' | 'Email';
  /**
   * Phone number or email address as Altinn used it; `""` when the recipient was reserved or not identified.
   * Personal data: do not log it.
   */
  destination: string;
  status: AltinnShipmentStatus;
  /** ISO 8601. */
  lastUpdate: string;
}

/**
 * `GET /future/shipment/{id}`: the delivery manifest of one shipment (`NotificationDeliveryManifestExt`). A scheduled
 * order's main shipment and each reminder are separate shipments. Unknown type and status strings are passed through.
 */
export interface AltinnShipment {
  shipmentId: string;
  sendersReference?: string;
  type: AltinnShipmentType;
  /** `Order_*`; final ones per `isFinalShipmentStatus`. */
  status: AltinnShipmentStatus;
  /** ISO 8601, UTC: the later of created and processed. */
  lastUpdate: string;
  /** `[]` until the shipment is processed, and for `Order_Cancelled` and `Order_SendConditionNotMet`. */
  recipients: AltinnShipmentRecipient[];
}
