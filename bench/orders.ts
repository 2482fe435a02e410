import { randomUUID } from 'node:crypto';

export const SMS_PATH = '/future/orders/instant/sms';

let sequence = 0;

/**
 * An OTP order as an app writes it: a fresh idempotencyId each time (or the simulator answers 200 replays), and a
 * different Norwegian mobile number each time, as real traffic has (nothing parsed once may pass for free).
 */
export function smsOrder(idempotencyId: string = randomUUID()) {
  sequence = (sequence + 1) % 10_000_000;
  return {
    idempotencyId,
    recipientSms: {
      phoneNumber: `+479${String(sequence).padStart(7, '0')}`,
      timeToLiveInSeconds: 300,
      smsSettings: { body: 'Din engangskode er: 482913. Koden utløper om 5 minutter.' },
    },
  };
}
