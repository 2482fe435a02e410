import {
  AltinnValidationError,
  InMemoryOtpStore,
  type AltinnNotificationsModuleOptions,
  type AltinnOtpModuleOptions,
} from '../../lib/index.js';
import { useOtpTestApp } from '../otp/otp-test-app.js';

const MOBILE = '+4799999999';
const MAX_RECIPIENTS = 5;

/**
 * Attack: sends the module refuses anyway (landlines under `mobileOnly`, foreign numbers, an SMS over the segment
 * cap) used to be counted by the store first. 100,049 of them sent no SMS and filled the in-memory store, which
 * then refused a real mobile with TOO_MANY_SENDS for an hour. Every refusal now comes before the store.
 */
describe('attack: a flood of sends that are refused anyway', () => {
  const ctx = useOtpTestApp({ startEach: false });

  /** The test's app, on a store that tracks few recipients. */
  const start = (
    otp: Partial<AltinnOtpModuleOptions> = {},
    altinn: Partial<AltinnNotificationsModuleOptions> = {},
  ) => ctx.start({ store: new InMemoryOtpStore({ maxRecipients: MAX_RECIPIENTS }), ...otp }, altinn);

  async function expectRefused(send: Promise<unknown>, path: string): Promise<void> {
    await expect(send).rejects.toBeInstanceOf(AltinnValidationError);
    await expect(send).rejects.toMatchObject({ errors: [expect.objectContaining({ path })] });
  }

  it('landlines (mobileOnly), more of them than the store tracks, never block a mobile', async () => {
    const { otp } = await start();
    for (let i = 0; i < MAX_RECIPIENTS * 3; i++) {
      const landline = `+47222255${String(i).padStart(2, '0')}`;
      await expectRefused(otp.send({ channel: 'sms', recipient: landline }), 'recipientSms.phoneNumber');
    }
    expect(await otp.send({ channel: 'sms', recipient: MOBILE })).toMatchObject({ success: true });
    expect(ctx.sim.deliveries.map((d) => d.to)).toEqual([MOBILE]);
  });

  it('numbers outside allowedCountries, again and again to one number, never block it or a mobile', async () => {
    const { otp } = await start({}, { phoneNumbers: { allowedCountries: ['NO'] } });
    for (let i = 0; i < MAX_RECIPIENTS * 3; i++) {
      const swedish = `+467012345${String(i).padStart(2, '0')}`;
      await expectRefused(otp.send({ channel: 'sms', recipient: swedish }), 'recipientSms.phoneNumber');
      await expectRefused(
        otp.send({ channel: 'sms', recipient: '+46701234500' }),
        'recipientSms.phoneNumber',
      );
    }
    expect(await otp.send({ channel: 'sms', recipient: MOBILE })).toMatchObject({ success: true });
  });

  it('an SMS over the segment cap is refused before the recipient’s cooldown starts', async () => {
    const long = `Your code: {code}. ${'This text is far too long for one segment. '.repeat(4)}`;
    const { otp } = await start({ templates: { en: { sms: long } } }, { maxSmsSegments: 1 });
    await expectRefused(
      otp.send({ channel: 'sms', recipient: MOBILE, language: 'en' }),
      'recipientSms.smsSettings.body',
    );
    // Within the 60 s cooldown of that refused send, had it been counted.
    expect(await otp.send({ channel: 'sms', recipient: MOBILE, language: 'nb' })).toMatchObject({
      success: true,
    });
  });

  it('a refused sendersReference neither counts nor leaves a challenge behind', async () => {
    const { otp } = await start();
    for (let i = 0; i < MAX_RECIPIENTS * 2; i++) {
      await expectRefused(
        otp.send({
          channel: 'email',
          recipient: `kari${i}@example.no`,
          sendersReference: 42 as unknown as string,
        }),
        'sendersReference',
      );
    }
    expect(await otp.send({ channel: 'email', recipient: 'ola@example.no' })).toMatchObject({
      success: true,
    });
  });
});
