import type { JsonWebKey, KeyObject, webcrypto } from 'node:crypto';

export type SimulatorChannel = 'sms' | 'email';

export interface AltinnSimulatorOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Service-owner short name put into `urn:altinn:org` by the token exchange and `issueToken`. @default 'ttd' */
  org?: string;
  /** How long the fake hand-over to the SMS/email service takes; the duplicate traps live in this window. @default 0 */
  sendLatencyMs?: number;
  /** Time between shipment status steps (`SMS_New` → `SMS_Accepted` → `SMS_Delivered`). @default 500 */
  deliveryStepMs?: number;
  /** Lifetime of the Altinn token returned by the exchange. @default 1800 */
  tokenLifetimeSeconds?: number;
  /** Lifetime of the fake Maskinporten access token. @default 120 */
  maskinportenTokenLifetimeSeconds?: number;
  /**
   * Starts a manual clock at this time: simulated time then moves only through `advance(ms)`. Without it the clock
   * follows the wall clock (plus whatever `advance` added) and due orders are sent within a second.
   */
  startTime?: Date | string | number;
  /**
   * Extra `Host` names the simulator answers besides localhost, 127.0.0.1, [::1] and its own `host`; `'any'`
   * turns the check off. Other hosts get 403, so a DNS-rebinding page cannot read the outbox. @default []
   */
  allowedHosts?: readonly string[] | 'any';
  /** Called once per delivered message with a human-readable line (channel, recipient, sender, subject, body). */
  log?: (line: string) => void;
}

export interface IssueTokenOptions {
  /** @default 'altinn:serviceowner/notifications.create' */
  scope?: string;
  /** `null` issues a token without the `urn:altinn:org` claim. @default the simulator's org */
  org?: string | null;
  /** Negative values issue an already expired token. @default the simulator's `tokenLifetimeSeconds` (1800) */
  expiresInSeconds?: number;
}

/** A public key as a Node KeyObject, a WebCrypto CryptoKey, a JWK, or a PEM string (SPKI or X.509 certificate). */
export type SimulatorPublicKey = KeyObject | webcrypto.CryptoKey | JsonWebKey | string;

export interface MaskinportenClientRegistration {
  clientId: string;
  publicKey: SimulatorPublicKey;
  /** The `kid` the client's grants name. Without it the client can only authenticate with `x5c`. */
  keyId?: string;
  /** When true, grants must carry the certificate chain in `x5c`; a bare `kid` is rejected. @default false */
  certificateChainRequired?: boolean;
  /** Scopes the client may request. @default ['altinn:serviceowner/notifications.create'] */
  scopes?: string[];
  /** Organisation number put into the access token's `consumer` claim. @default '991825827' */
  orgNumber?: string;
}

export interface SimulatorOrder {
  readonly channel: SimulatorChannel;
  readonly org: string;
  readonly idempotencyId: string;
  readonly sendersReference?: string;
  readonly notificationOrderId: string;
  readonly shipmentId: string;
  /** The JSON body exactly as received. */
  readonly request: unknown;
  readonly createdAt: Date;
}

export interface SimulatorDelivery {
  readonly channel: SimulatorChannel;
  readonly idempotencyId: string;
  /** Raw `phoneNumber` / `emailAddress` as received (the server forwards it unchanged). */
  readonly to: string;
  /** SMS sender or email sender address, after defaults. */
  readonly from: string;
  readonly subject?: string;
  readonly body: string;
  readonly contentType?: 'Plain' | 'Html';
  readonly timeToLiveInSeconds?: number;
  readonly at: Date;
  readonly shipmentId: string;
}

export interface SimulatorRequestRecord {
  readonly method: string;
  readonly path: string;
  /**
   * 0 while unanswered, and for `reset`/`hang` faults; 499 when the client went away first; for `lostAnswer`, the
   * status of the answer that was never sent.
   */
  readonly status: number;
  readonly idempotencyId?: string;
  readonly authorization?: string;
  readonly contentType?: string;
  /** Every request header as received (names in lower case): `traceparent`, `user-agent`, … */
  readonly headers: Readonly<Record<string, string>>;
  /** The injected fault that shaped this answer, if any. */
  readonly fault?: SimulatorFault['kind'];
  readonly at: Date;
}

export interface SimulatorCounters {
  /** Successful Maskinporten grants. */
  readonly grants: number;
  /** Successful token exchanges. */
  readonly exchanges: number;
  /** Every request that reached `/notifications/api/v1/…`, faulted ones included. */
  readonly notificationRequests: number;
}

export type SimulatorFault =
  | { kind: 'reset' }
  | { kind: 'hang' }
  | {
      kind: 'status';
      status: number;
      body?: string | object;
      contentType?: string;
      headers?: Record<string, string>;
    }
  | { kind: 'retryAfter'; status: 429 | 503; seconds: number }
  | { kind: 'slowBody'; delayMs: number }
  | { kind: 'delay'; ms: number }
  /** Handled in full (an order is stored), then the connection is cut before the answer: a lost answer. */
  | { kind: 'lostAnswer' };

export interface FaultMatch {
  /**
   * A string matches the request path exactly or as its tail (so `'/future/orders/instant/sms'` works);
   * a RegExp is tested against the path. Without a path, every path except the outbox pages matches.
   */
  path?: string | RegExp;
  /** How many matching requests the fault applies to. @default 1 */
  times?: number;
}

export interface FaultHandle {
  /** Matching requests this fault will still shape. */
  readonly remaining: number;
  /** Requests this fault has shaped so far. */
  readonly hits: number;
  /** Removes the fault before it is used up. */
  cancel(): void;
}

export interface OutboxEntry {
  /** When it was sent, or for a scheduled entry when it is due. */
  readonly at: string;
  /** `scheduled` until it goes out (a future send time, or an SMS held for the Daytime window). */
  readonly state: 'sent' | 'scheduled';
  /** The shipment type: `Instant`, or `Notification` / `Reminder` for `/future/orders`. */
  readonly type: 'Instant' | 'Notification' | 'Reminder';
  readonly channel: SimulatorChannel;
  /** The address, or before the lookup the recipient itself (`person 01017012345`, `organisation 987654321`). */
  readonly to: string;
  readonly from: string;
  readonly subject?: string;
  readonly body: string;
  readonly idempotencyId: string;
  readonly shipmentId: string;
  /** Current status: the notification's (`SMS_Delivered`), or the order's (`Order_Registered`) before processing. */
  readonly status: string;
  /** False when the send happened but the order was never stored (a duplicate trap fired). */
  readonly persisted: boolean;
}

/** One call the simulator made to an order's `conditionEndpoint`. */
export interface ConditionCheck {
  readonly shipmentId: string;
  readonly url: string;
  /** `send`/`skip` from `{"sendNotification": true|false}`; `error` for anything else (status, body, timeout). */
  readonly outcome: 'send' | 'skip' | 'error';
  /** HTTP status, 0 when there was no answer. */
  readonly status: number;
  /** Simulated time of the call. */
  readonly at: Date;
}
