import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AltinnNotificationsModule } from 'nestjs-altinn-notifications';
import { LoginCodeService } from './login-code.service.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true }),
    AltinnNotificationsModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        environment: config.getOrThrow('ALTINN_ENV'), // 'tt02' or 'production'
        maskinporten: {
          clientId: config.getOrThrow('MASKINPORTEN_CLIENT_ID'),
          keyId: config.getOrThrow('MASKINPORTEN_KEY_ID'),
          privateKey: config.getOrThrow('MASKINPORTEN_PRIVATE_KEY'),
        },
      }),
    }),
  ],
  providers: [LoginCodeService],
})
export class AppModule {}
