import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AltinnStatusFeed, type AltinnStatusFeedEntry } from 'nestjs-altinn-notifications';

@Injectable()
export class DeliveryReceipts implements OnApplicationBootstrap {
  constructor(private readonly feed: AltinnStatusFeed) {}

  onApplicationBootstrap(): void {
    // Polls in the background; stopped (and the lease given up) when the app shuts down.
    this.feed.start((entry) => this.record(entry));
  }

  /** Called at least once per entry: the cursor moves on only after this resolves. Idempotent by shipmentId. */
  private async record(entry: AltinnStatusFeedEntry): Promise<void> {
    const failed = entry.recipients.filter((r) => !r.status.endsWith('_Delivered'));
    await saveReceipt(entry.shipmentId, entry.status, failed.length);
  }
}

declare function saveReceipt(shipmentId: string, status: string, failed: number): Promise<void>;
