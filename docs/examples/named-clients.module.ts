import { Injectable, Module } from '@nestjs/common';
import {
  AltinnNotificationsModule,
  AltinnNotificationsService,
  InjectAltinnNotifications,
  StaticTokenProvider,
} from 'nestjs-altinn-notifications';

@Injectable()
export class Notifier {
  constructor(
    @InjectAltinnNotifications('skatt') private readonly skatt: AltinnNotificationsService,
    @InjectAltinnNotifications('test') private readonly test: AltinnNotificationsService,
  ) {}
}

@Module({
  imports: [
    AltinnNotificationsModule.forRoot({
      name: 'skatt',
      environment: 'production',
      maskinporten: { clientId: process.env.SKATT_CLIENT_ID!, privateKey: process.env.SKATT_KEY! },
    }),
    AltinnNotificationsModule.forRoot({
      name: 'test',
      environment: 'tt02',
      tokenProvider: new StaticTokenProvider(process.env.ALTINN_TEST_TOKEN!),
    }),
  ],
  providers: [Notifier],
})
export class AppModule {}
