import { AltinnValidationError, type OtpLanguage } from '../../lib/index.js';
import { useOtpTestApp } from '../otp/otp-test-app.js';

const PHONE = '+4799999999';

/**
 * Attack: `language: 'toString'` (or any key an object inherits) passed the template check, which used `in`,
 * and failed with a TypeError after the send had been counted. Own keys only; a typed error before the store.
 */
describe('attack: an inherited key as the OTP language', () => {
  const ctx = useOtpTestApp();

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])(
    '%s is refused with AltinnValidationError, and spends nothing of the recipient’s limits',
    async (language) => {
      const refused = ctx.app.otp.send({
        channel: 'sms',
        recipient: PHONE,
        language: language as OtpLanguage,
      });
      await expect(refused).rejects.toBeInstanceOf(AltinnValidationError);
      await expect(refused).rejects.toMatchObject({ errors: [{ path: 'language' }] });
      // Inside the 60 s cooldown: a counted send would make this RESEND_COOLDOWN.
      expect(await ctx.app.otp.send({ channel: 'sms', recipient: PHONE })).toMatchObject({ success: true });
      expect(ctx.sim.deliveries).toHaveLength(1);
    },
  );
});
