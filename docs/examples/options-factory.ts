import { Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import {
  AltinnNotificationsModule,
  type AltinnNotificationsModuleOptions,
  type AltinnNotificationsOptionsFactory,
} from 'nestjs-altinn-notifications';

@Injectable()
export class AltinnConfig implements AltinnNotificationsOptionsFactory {
  constructor(private readonly config: ConfigService) {}

  createAltinnNotificationsOptions(): AltinnNotificationsModuleOptions {
    return {
      environment: this.config.getOrThrow('ALTINN_ENV'),
      maskinporten: {
        clientId: this.config.getOrThrow('MASKINPORTEN_CLIENT_ID'),
        privateKey: this.config.getOrThrow('MASKINPORTEN_PRIVATE_KEY'), // a JWK with its own kid needs no keyId
      },
      defaults: { smsSender: 'Kommunen' },
    };
  }
}

@Module({
  imports: [
    ConfigModule.forRoot(),
    AltinnNotificationsModule.forRootAsync({
      imports: [ConfigModule],
      useClass: AltinnConfig,
      isGlobal: true,
    }),
  ],
})
export class AppModule {}
