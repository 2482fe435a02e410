import { Injectable } from '@nestjs/common';
import { AltinnNotificationsService } from 'nestjs-altinn-notifications';

@Injectable()
export class LoginCodeService {
  constructor(private readonly altinn: AltinnNotificationsService) {}

  async sendSms(challengeId: string, phoneNumber: string, code: string): Promise<string> {
    const result = await this.altinn.sendInstantSms({
      idempotencyId: `login-${challengeId}`, // optional; a retry with the same id sends nothing twice
      recipientSms: {
        phoneNumber, // '+4799999999' or '0047 999 99 999'; sent as E.164
        timeToLiveInSeconds: 300,
        smsSettings: { sender: 'Kommunen', body: `Din engangskode er: ${code}` },
      },
    });
    // created: false means Altinn already had this idempotencyId and sent nothing again.
    return result.notification.shipmentId;
  }
}
