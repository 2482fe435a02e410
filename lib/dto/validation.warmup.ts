import { toWireEmailOrder, toWireSmsOrder } from './order.validation.js';

/**
 * @internal Validates a built-in SMS and e-mail order, locally (nothing is sent), while the app boots: loading
 * class-validator's and class-transformer's metadata and libphonenumber's is then not part of the first send.
 */
export function warmUpValidation(): void {
  toWireSmsOrder(
    {
      idempotencyId: '00000000-0000-4000-8000-000000000000',
      recipientSms: { phoneNumber: '+4799999999', timeToLiveInSeconds: 60, smsSettings: { body: 'warm-up' } },
    },
    { mobileOnly: true },
  );
  toWireEmailOrder({
    idempotencyId: '00000000-0000-4000-8000-000000000000',
    recipientEmail: {
      emailAddress: 'warm-up@example.com',
      emailSettings: { subject: 'warm-up', body: 'warm-up' },
    },
  });
}
