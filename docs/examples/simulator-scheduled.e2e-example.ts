import { Test } from '@nestjs/testing';
import {
  AltinnNotificationsModule,
  AltinnNotificationsService,
  StaticTokenProvider,
} from 'nestjs-altinn-notifications';
import { AltinnSimulator } from 'nestjs-altinn-notifications/testing';

it('sends the reminder a week later, unless the case is closed', async () => {
  const sim = await AltinnSimulator.start(); // its clock is the wall clock plus every advance()
  sim.contacts.setPerson('01017010170', {
    email: 'kari@example.com',
    mobile: '+4799999999',
    reserved: false,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      AltinnNotificationsModule.forRoot({
        baseUrl: sim.baseUrl,
        tokenProvider: new StaticTokenProvider(await sim.issueToken()),
      }),
    ],
  }).compile();
  const altinn = moduleRef.get(AltinnNotificationsService);
  const sms = { channelSchema: 'Sms' as const, smsSettings: { body: 'Husk søknaden.' } };

  await altinn.sendOrder({
    requestedSendTime: new Date(sim.now().getTime() + 3_600_000), // from the simulator's "now"
    recipient: { recipientPerson: { nationalIdentityNumber: '01017010170', ...sms } },
    reminders: [
      { delayDays: 7, recipient: { recipientPerson: { nationalIdentityNumber: '01017010170', ...sms } } },
    ],
  });
  await sim.advance(8 * 24 * 3_600_000); // runs everything due: sends, condition calls, feed rows

  expect(sim.deliveries.map((d) => d.to)).toEqual(['+4799999999', '+4799999999']);
  await moduleRef.close();
  await sim.close();
});
