import type { FeedCursorStore } from './status-feed.interfaces.js';

/** The default cursor store: one process, lost on restart. Its lease serves instances within one process. */
export class InMemoryFeedCursorStore implements FeedCursorStore {
  readonly #cursors = new Map<string, number>();
  readonly #leases = new Map<string, { owner: string; until: number }>();

  async get(key: string): Promise<number | undefined> {
    return this.#cursors.get(key);
  }

  async set(key: string, sequenceNumber: number, owner?: string): Promise<boolean> {
    if (owner !== undefined && !this.#holds(key, owner)) return false;
    this.#cursors.set(key, sequenceNumber);
    return true;
  }

  async lease(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const held = this.#leases.get(key);
    if (held && held.owner !== owner && held.until > Date.now()) return false;
    this.#leases.set(key, { owner, until: Date.now() + ttlMs });
    return true;
  }

  async release(key: string, owner: string): Promise<void> {
    if (this.#leases.get(key)?.owner === owner) this.#leases.delete(key);
  }

  #holds(key: string, owner: string): boolean {
    const held = this.#leases.get(key);
    return held !== undefined && held.owner === owner && held.until > Date.now();
  }
}
