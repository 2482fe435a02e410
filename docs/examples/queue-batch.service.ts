import { Injectable, Logger } from '@nestjs/common';
import { AltinnNotificationsQueue } from 'nestjs-altinn-notifications/queue';

interface Citizen {
  id: string;
  nationalIdentityNumber: string;
}

@Injectable()
export class LetterNotifier {
  private readonly logger = new Logger(LetterNotifier.name);

  constructor(private readonly queue: AltinnNotificationsQueue) {
    // #region events
    // Outcomes of the jobs this instance's worker ran: ids, Altinn's receipt, or the typed error's name.
    this.queue.events.subscribe((event) => {
      if (event.type === 'failed') {
        this.logger.warn(`${event.idempotencyId}: ${event.error.name} ${event.error.status ?? ''}`);
      }
    });
    // #endregion events
  }

  // #region enqueue
  async notifyAll(batchId: string, citizens: Citizen[]): Promise<void> {
    await this.queue.enqueue(
      citizens.map((c) => ({
        kind: 'order' as const,
        order: {
          // Your own stable id: enqueueing the batch again after a crash adds nothing twice.
          idempotencyId: `${batchId}-${c.id}`,
          recipient: {
            recipientPerson: {
              nationalIdentityNumber: c.nationalIdentityNumber,
              channelSchema: 'EmailPreferred' as const,
              emailSettings: { subject: 'Nytt brev', body: 'Du har fått et nytt brev i innboksen.' },
              smsSettings: { body: 'Du har fått et nytt brev i innboksen.' },
            },
          },
        },
      })),
    );
    const counts = await this.queue.getCounts(); // { waiting, active, delayed, completed, failed }
    this.logger.log(`queued; ${counts.waiting} waiting`);
  }
  // #endregion enqueue
}
