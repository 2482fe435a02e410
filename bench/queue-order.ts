import { randomUUID } from 'node:crypto';
import type { NotificationOrder } from '../lib/index.js';

let sequence = 0;

/** A scheduled email order, sent at once (no send time), with its own idempotencyId and address. */
export function scheduledOrder(): NotificationOrder {
  sequence += 1;
  return {
    idempotencyId: randomUUID(),
    recipient: {
      recipientEmail: {
        emailAddress: `person${sequence}@example.no`,
        emailSettings: { subject: 'Melding fra kommunen', body: 'Du har fått et nytt brev i innboksen.' },
      },
    },
  };
}
