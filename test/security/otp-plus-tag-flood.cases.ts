import { codeIn, useOtpTestApp } from '../otp/otp-test-app.js';

/**
 * Attack: the send caps keyed each spelling of an address on its own, so `kari+1@…`, `kari+2@…` … put 20 emails
 * into one mailbox in 1.5 s. Plus-tag variants (and case) of an address now share one recipient's limits.
 */
describe('attack: plus-tag variants of one mailbox to dodge the send caps', () => {
  const ctx = useOtpTestApp({ startEach: false });

  it('the cooldown holds across kari+1, kari+2 and KARI+3@EXAMPLE.NO; the message goes to the address given', async () => {
    await ctx.start();
    expect(await ctx.app.otp.send({ channel: 'email', recipient: 'kari+1@example.no' })).toMatchObject({
      success: true,
    });
    for (const variant of ['kari+2@example.no', 'KARI+3@EXAMPLE.NO', 'Kari@Example.no']) {
      expect(await ctx.app.otp.send({ channel: 'email', recipient: variant })).toMatchObject({
        success: false,
        error: 'RESEND_COOLDOWN',
      });
    }
    expect(ctx.sim.deliveries.map((d) => d.to)).toEqual(['kari+1@example.no']);
  });

  it('the window cap counts every variant: 5 sends per hour to the mailbox, not per spelling', async () => {
    await ctx.start({ resendCooldownSeconds: 0, maxSendsPerWindow: 5 });
    const results = [];
    for (let i = 0; i < 20; i++) {
      results.push(await ctx.app.otp.send({ channel: 'email', recipient: `kari+${i}@example.no` }));
    }
    expect(results.filter((r) => r.success)).toHaveLength(5);
    expect(results.slice(5).every((r) => !r.success && r.error === 'TOO_MANY_SENDS')).toBe(true);
    expect(ctx.sim.deliveries).toHaveLength(5);
    // Other mailboxes keep their own budget.
    expect(await ctx.app.otp.send({ channel: 'email', recipient: 'ola+1@example.no' })).toMatchObject({
      success: true,
    });
  });

  it('verify still tells the variants apart: a code sent to kari+a does not verify kari+b', async () => {
    await ctx.start();
    await ctx.app.otp.send({ channel: 'email', recipient: 'kari+a@example.no' });
    const code = codeIn(ctx.sim.deliveries[0]);
    expect(await ctx.app.otp.verify({ channel: 'email', recipient: 'kari+b@example.no' }, code)).toEqual({
      success: false,
      error: 'NO_OTP_FOUND',
    });
    expect(
      await ctx.app.otp.verify({ channel: 'email', recipient: 'KARI+A@example.no' }, code),
    ).toMatchObject({
      success: true,
    });
  });
});
