import { Module } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AltinnNotificationsModule } from 'nestjs-altinn-notifications';
import { AltinnNotificationsQueueModule } from 'nestjs-altinn-notifications/queue';

@Module({
  imports: [
    AltinnNotificationsModule.forRoot({
      isGlobal: true,
      environment: 'production',
      maskinporten: {
        clientId: process.env.MASKINPORTEN_CLIENT_ID!,
        keyId: process.env.MASKINPORTEN_KEY_ID!,
        privateKey: process.env.MASKINPORTEN_PRIVATE_KEY!,
      },
      retry: false, // the queue retries, for longer and without holding a worker slot
    }),
    AltinnNotificationsQueueModule.forRoot({
      // Your app's Redis; BullMQ's workers need maxRetriesPerRequest: null.
      connection: new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null }),
      worker: {
        concurrency: 16, // sends in flight on this instance
        limiter: { max: 50, duration: 1000 }, // at most 50 sends a second across all instances
      },
    }),
  ],
})
export class NotificationsQueueModule {}
