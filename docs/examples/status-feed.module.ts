import { Module } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AltinnNotificationsModule, RedisFeedCursorStore } from 'nestjs-altinn-notifications';
import { DeliveryReceipts } from './status-feed.consumer.js';

@Module({
  imports: [
    AltinnNotificationsModule.forRootAsync({
      useFactory: () => ({
        environment: 'production',
        maskinporten: {
          clientId: process.env.MASKINPORTEN_CLIENT_ID!,
          keyId: process.env.MASKINPORTEN_KEY_ID!,
          privateKey: process.env.MASKINPORTEN_PRIVATE_KEY!,
        },
        statusFeed: {
          // The cursor survives restarts, and one instance of the app polls at a time.
          cursorStore: new RedisFeedCursorStore(new Redis(process.env.REDIS_URL!)),
          startAt: 'latest', // a store without a cursor starts at the newest entry; 0 replays Altinn's 90 days
        },
      }),
    }),
  ],
  providers: [DeliveryReceipts],
})
export class ReceiptsModule {}
