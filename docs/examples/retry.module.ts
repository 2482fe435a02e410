import { Module } from '@nestjs/common';
import { AltinnNotificationsModule } from 'nestjs-altinn-notifications';

@Module({
  imports: [
    AltinnNotificationsModule.forRoot({
      environment: 'production',
      maskinporten: {
        clientId: process.env.MASKINPORTEN_CLIENT_ID!,
        keyId: process.env.MASKINPORTEN_KEY_ID!,
        privateKey: process.env.MASKINPORTEN_PRIVATE_KEY!,
      },
      timeoutMs: 15_000, // per attempt; default 15 s, at least 5 s
      deadlineMs: 40_000, // optional: the whole call, retries and waits included
      retry: { retries: 1, delayMs: 2000, backoff: 'fixed', maxDelayMs: 30_000 }, // the defaults; false for none
    }),
  ],
})
export class AppModule {}
