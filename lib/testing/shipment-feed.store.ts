/** One status-feed row (`StatusFeedExt`): written once per shipment, at its final status. */
export interface FeedEntry {
  sequenceNumber: number;
  shipmentId: string;
  sendersReference?: string;
  shipmentType: string;
  status: string;
  lastUpdate: string;
  recipients: { destination: string; status: string; lastUpdate: string }[];
}

interface StoredEntry {
  org: string;
  /** Simulated time the row was inserted; the feed hides rows younger than 2 s. */
  written: number;
  entry: FeedEntry;
}

/**
 * The status-feed table: a global identity column across orgs (`MIG/v0.44/01-new-table.sql`) and a unique index
 * on the order, so a shipment is written at most once (`MIG/v0.73/01-alter-table.sql`).
 */
export class FeedStore {
  private rows: StoredEntry[] = [];
  private readonly written = new Set<string>();
  private sequence = 0;

  append(org: string, written: number, entry: Omit<FeedEntry, 'sequenceNumber'>): void {
    if (this.written.has(entry.shipmentId)) return;
    this.written.add(entry.shipmentId);
    this.sequence += 1;
    this.rows.push({ org, written, entry: { sequenceNumber: this.sequence, ...entry } });
  }

  /** `getstatusfeed_v2`: the org's rows older than 2 s, after (`asc`) or before (`desc`, 0 = newest) `seq`. */
  page(org: string, now: number, seq: number, pageSize: number, order: 'asc' | 'desc'): FeedEntry[] {
    const visible = this.rows.filter((r) => r.org === org && r.written <= now - 2000).map((r) => r.entry);
    const selected =
      order === 'asc'
        ? visible.filter((e) => e.sequenceNumber > seq)
        : visible.filter((e) => seq === 0 || e.sequenceNumber < seq).reverse();
    return selected.slice(0, pageSize);
  }

  /** Every row, oldest first, for assertions. */
  all(): FeedEntry[] {
    return this.rows.map((r) => r.entry);
  }

  clear(): void {
    this.rows = [];
    this.written.clear();
  }
}
