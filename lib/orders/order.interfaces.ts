import type { AltinnSendOptions } from '../http/http.interfaces.js';
import type { EmailContentType } from '../dto/instant-email-order.dto.js';

/**
 * How Altinn reaches a person, organisation or external identity (`NotificationChannelExt`). Required: the server
 * applies no default although its Swagger shows one.
 */
export type OrderChannelSchema = 'Email' | 'Sms' | 'EmailPreferred' | 'SmsPreferred' | 'EmailAndSms';

/** `Daytime`: only between 09:00 and 17:00 Europe/Oslo (SMS only). */
export type OrderSendingTimePolicy = 'Anytime' | 'Daytime';

export interface OrderEmailSettings {
  subject: string;
  body: string;
  /** Must be registered with Digdir; Altinn's default when omitted. */
  senderEmailAddress?: string;
  /** @default 'Plain' */
  contentType?: EmailContentType;
  /** Email is only sent `Anytime`. */
  sendingTimePolicy?: 'Anytime';
}

export interface OrderSmsSettings {
  body: string;
  /** At most 11 characters; Altinn's default when omitted. */
  sender?: string;
  /** @default 'Daytime' (Altinn's default for SMS: a message scheduled at night waits until 09:00 Oslo time) */
  sendingTimePolicy?: OrderSendingTimePolicy;
}

export interface OrderEmailRecipient {
  emailAddress: string;
  emailSettings: OrderEmailSettings;
}

export interface OrderSmsRecipient {
  /** International format, `+47…` or `0047…`; sent normalised to E.164. */
  phoneNumber: string;
  smsSettings: OrderSmsSettings;
}

/** What Altinn looks up in a contact register (KRR, Enhetsregisteret, Altinn profiles) before sending. */
export interface OrderLookupRecipient {
  channelSchema: OrderChannelSchema;
  /** Required by `Email` and every schema but `Sms`. */
  emailSettings?: OrderEmailSettings;
  /** Required by `Sms` and every schema but `Email`. */
  smsSettings?: OrderSmsSettings;
  /** `urn:altinn:resource:…`: Altinn adds the addresses users registered for this resource. */
  resourceId?: string;
  /** Only with `resourceId`. @default Altinn's 'read' */
  resourceAction?: string;
}

export interface OrderPersonRecipient extends OrderLookupRecipient {
  /** Fødselsnummer or D-number, 11 digits. Personal data: never logged. */
  nationalIdentityNumber: string;
  /** Send even if the person reserved against digital contact in KRR. @default false */
  ignoreReservation?: boolean;
  /** Accept KRR contact data older than 18 months. @default false */
  useStaleContactInformation?: boolean;
}

export interface OrderOrganizationRecipient extends OrderLookupRecipient {
  /** Organisasjonsnummer, 9 digits. */
  orgNumber: string;
}

export interface OrderExternalIdentityRecipient extends OrderLookupRecipient {
  /**
   * `urn:altinn:person:idporten-email:{email}`, `urn:altinn:party:username:{name}`, `urn:altinn:username:{name}` or
   * `urn:altinn:person:legacy-selfidentified:{name}`.
   */
  externalIdentity: string;
}

/** Exactly one of the five. */
export interface NotificationRecipient {
  recipientEmail?: OrderEmailRecipient;
  recipientSms?: OrderSmsRecipient;
  recipientPerson?: OrderPersonRecipient;
  recipientOrganization?: OrderOrganizationRecipient;
  recipientExternalIdentity?: OrderExternalIdentityRecipient;
}

/** A send time: a `Date`, or an ISO 8601 string with `Z` or an offset (Altinn refuses one without a zone). */
export type OrderSendTime = string | Date;

/** A later shipment of the same chain; its own recipient, its own contact lookup, its own `shipmentId`. */
export interface NotificationReminder {
  /** Days after the main send time. Give this or `requestedSendTime`, not both. */
  delayDays?: number;
  requestedSendTime?: OrderSendTime;
  /** Asked at send time; `{"sendNotification": false}` skips the reminder. */
  conditionEndpoint?: string;
  /** The reminder's own; the main order's is not inherited. */
  sendersReference?: string;
  recipient: NotificationRecipient;
}

/** Body of `POST /future/orders`: one main shipment and 0..n reminders. */
export interface NotificationOrder {
  /**
   * One per logical order; a UUID is generated when omitted and reused for every retry of the call. Give your own
   * when you may repeat the call later (after a crash, from a queue): Altinn then answers 200 with the first ids.
   */
  idempotencyId?: string;
  sendersReference?: string;
  /** @default now (Altinn's clock) */
  requestedSendTime?: OrderSendTime;
  /** Absolute http(s) URL Altinn calls at send time; `{"sendNotification": false}` cancels the shipment. */
  conditionEndpoint?: string;
  dialogportenAssociation?: { dialogId?: string; transmissionId?: string };
  recipient: NotificationRecipient;
  reminders?: NotificationReminder[];
}

/** Per-call options of `sendOrder`. */
export interface SendOrderOptions extends AltinnSendOptions {
  /**
   * Checks the mod-11 control digits of national identity and organisation numbers (Altinn only counts digits,
   * and a typo then fails later as `…_Failed_RecipientNotIdentified`). Turn off for synthetic numbers. @default true
   */
  checkDigits?: boolean;
  /**
   * Refuses a `requestedSendTime` (main or reminder) less than this many seconds ahead. Altinn validates the send
   * time before it looks up the idempotencyId, so a retry that arrives after the send time gets 400 although the
   * order was created; 300 s also keeps the order cancellable (cancel needs more than 5 min). @default 300
   */
  sendTimeMarginSeconds?: number;
}

/** One shipment of a chain, as `POST /future/orders` names it. */
export interface OrderShipmentReceipt {
  /** For `getShipment` and `cancelOrder`. */
  shipmentId: string;
  sendersReference?: string;
}

/** Altinn's receipt for an order chain, plus what the library knows of the call. */
export interface NotificationOrderResult {
  /** The chain's id; no endpoint reads it. */
  notificationOrderId: string;
  /** The main shipment, and each reminder in request order (`[]` when there are none). */
  notification: OrderShipmentReceipt & { reminders: OrderShipmentReceipt[] };
  idempotencyId: string;
  /** true on 201 (new chain), false on 200 (Altinn already had this idempotencyId; the new content was dropped). */
  created: boolean;
}

/** `cancelOrder`'s target: a shipment id, or the `notification` of a `sendOrder` result (then reminders are named). */
export type CancelOrderTarget = string | { shipmentId: string; reminders?: readonly OrderShipmentReceipt[] };

/** A cancelled shipment (Altinn's 200 to `PUT /orders/{id}/cancel`; also when it was cancelled before). */
export interface CancelOrderResult {
  shipmentId: string;
  status: 'Cancelled';
  sendersReference?: string;
  /** ISO 8601, as Altinn stored it. */
  requestedSendTime?: string;
  /** ISO 8601: when the cancel took effect. */
  lastUpdate?: string;
  /**
   * Reminders of the chain, still scheduled: cancelling one shipment never cancels another, so cancel each of these
   * too. Known only when the target was a `sendOrder` result's `notification`; undefined for a bare id.
   */
  reminders?: OrderShipmentReceipt[];
}
