import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AltinnStatusFeed } from '../../lib/index.js';

/** Logs each status-feed entry (a shipment that reached its final status) as it arrives; never the destination. */
@Injectable()
export class FeedLogger implements OnApplicationBootstrap {
  private readonly logger = new Logger('StatusFeed');

  constructor(private readonly feed: AltinnStatusFeed) {}

  onApplicationBootstrap(): void {
    this.feed.start((entry) => {
      const statuses = entry.recipients.map((r) => r.status).join(', ') || 'no recipients';
      this.logger.log(
        `#${entry.sequenceNumber} ${entry.shipmentType} ${entry.shipmentId}: ${entry.status} (${statuses})`,
      );
    });
  }
}
