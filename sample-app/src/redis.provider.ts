import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { RedisOtpStore, type OtpStore } from '../../lib/index.js';

/** The OTP store: Redis when `REDIS_URL` is set (several instances), else undefined (the library's in-memory one). */
@Injectable()
export class OtpStoreProvider implements OnApplicationShutdown {
  readonly store?: OtpStore;
  private readonly client?: Redis;

  constructor(config: ConfigService) {
    const url = config.get<string>('REDIS_URL');
    if (!url) return;
    this.client = new Redis(url, { maxRetriesPerRequest: 2 });
    this.store = new RedisOtpStore(this.client, {
      keyPrefix: config.get<string>('OTP_REDIS_PREFIX') || undefined,
    });
    new Logger('Sample').log(`OTP store: Redis at ${new URL(url).host}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => this.client?.disconnect());
  }
}
