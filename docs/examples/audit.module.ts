import { Logger, Module } from '@nestjs/common';
import { AltinnNotificationsModule, type AltinnAuditRecord } from 'nestjs-altinn-notifications';

const auditLog = new Logger('NotificationAudit');

@Module({
  imports: [
    AltinnNotificationsModule.forRoot({
      environment: 'production',
      maskinporten: {
        clientId: process.env.MASKINPORTEN_CLIENT_ID!,
        keyId: process.env.MASKINPORTEN_KEY_ID!,
        privateKey: process.env.MASKINPORTEN_PRIVATE_KEY!,
      },
      logging: {
        recipientHashKey: process.env.RECIPIENT_HASH_KEY, // hashes that correlate across restarts and instances
      },
      // Awaited after every send, success or failure; if it throws, the send still succeeds and a warning is logged.
      onAudit: (record: AltinnAuditRecord) => {
        auditLog.log(`${record.result} ${record.channel} ${record.recipientHash} ${record.idempotencyId}`);
      },
    }),
  ],
})
export class AppModule {}
