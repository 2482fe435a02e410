/**
 * One entry of Altinn's status feed (`GET /future/shipment/feed`): a shipment that reached a final status, written
 * once. Field names as the server writes them (`shipmentType`, recipients without `type`), which differ from the
 * page https://docs.altinn.studio/notifications/reference/status-feed/ shows; see
 * `src/Altinn.Notifications/Models/Status/StatusFeedExt.cs` in Altinn/altinn-notifications.
 */
export interface AltinnStatusFeedEntry {
  /** Global across all service owners, so gaps are normal. */
  sequenceNumber: number;
  shipmentId: string;
  sendersReference?: string;
  /** `Notification`, `Reminder`, `Instant` or `Composed`. */
  shipmentType: string;
  /** `Order_Completed` or `Order_SendConditionNotMet`; cancelled shipments never appear. */
  status: string;
  lastUpdate: string;
  recipients: AltinnStatusFeedRecipient[];
}

export interface AltinnStatusFeedRecipient {
  /** The phone number or address used: personal data, keep it out of logs. `""` for reserved/unidentified. */
  destination: string;
  status: string;
  lastUpdate: string;
}

/**
 * Handles one entry. The cursor moves past an entry only after its handler resolved, so after a crash or a
 * rejection the entry comes again (at least once): make it idempotent by `shipmentId`.
 */
export type AltinnStatusFeedHandler = (entry: AltinnStatusFeedEntry) => void | Promise<void>;

/**
 * Where the feed's cursor (the last handled `sequenceNumber`) is kept, and, for stores shared by several
 * instances, a lease so that one instance polls at a time.
 */
export interface FeedCursorStore {
  get(key: string): Promise<number | undefined>;
  /** Stores the cursor; with `owner`, only while that owner holds the lease (false otherwise). */
  set(key: string, sequenceNumber: number, owner?: string): Promise<boolean>;
  /** Takes or extends the lease for `ttlMs`; false while another owner holds it. */
  lease(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up (only if `owner` holds it), so another instance takes over at once. */
  release(key: string, owner: string): Promise<void>;
}

/** Options of the status feed, `statusFeed` in the module options. */
export interface AltinnStatusFeedOptions {
  /** @default an `InMemoryFeedCursorStore` (the cursor is lost on restart: use `RedisFeedCursorStore` in production) */
  cursorStore?: FeedCursorStore;
  /** Key of the cursor and lease in the store. @default the registration's name, or 'default' */
  cursorKey?: string;
  /**
   * Where a cursor store without a cursor starts: `'latest'` (only entries written from now on, as Altinn's
   * guide suggests for a first start) or a sequence number (`0` replays the 90 days Altinn keeps). @default 'latest'
   */
  startAt?: 'latest' | number;
  /** Entries per request, 1–500 (Altinn clamps to 500). @default 500 */
  pageSize?: number;
  /** Wait between polls once caught up (`start()`). @default 30000 */
  pollIntervalMs?: number;
  /** Upper bound of the wait after consecutive failures, which doubles from `pollIntervalMs`. @default 300000 */
  maxBackoffMs?: number;
  /** How long a lease lasts without renewal: another instance takes over this long after the holder died. @default 30000 */
  leaseMs?: number;
}

/** What one `poll()` did. */
export interface AltinnStatusFeedPollResult {
  /** Entries handled (the cursor moved past each). */
  handled: number;
  /** The cursor after this poll. */
  cursor: number;
  /** A full page of new entries came back and every one was handled: more are probably waiting. */
  more: boolean;
  /** Another instance holds the lease: nothing was read. */
  skipped: boolean;
}
