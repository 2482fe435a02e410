import { AltinnNotificationsService, isFinalShipmentStatus } from 'nestjs-altinn-notifications';

export async function remindLater(altinn: AltinnNotificationsService, caseId: string, nin: string) {
  const { notification } = await altinn.sendOrder({
    idempotencyId: `case-${caseId}-received`, // a repeat after a crash gets Altinn's 200, not a second order
    requestedSendTime: new Date(Date.now() + 3_600_000),
    recipient: {
      recipientPerson: {
        nationalIdentityNumber: nin,
        channelSchema: 'Sms',
        smsSettings: { body: 'Mottatt.' },
      },
    },
    reminders: [
      {
        delayDays: 7,
        recipient: {
          recipientOrganization: {
            orgNumber: '974760673',
            channelSchema: 'Email',
            emailSettings: { subject: 'Påminnelse', body: 'Saken venter.' },
          },
        },
      },
    ],
  });
  const shipment = await altinn.getShipment(notification.shipmentId); // GET /future/shipment/{id}
  if (!isFinalShipmentStatus(shipment.status)) await altinn.cancelOrder(notification); // and its reminders' ids
  return shipment.recipients.map((r) => r.status); // 'SMS_New' → 'SMS_Accepted' → 'SMS_Delivered' | 'SMS_Failed_*'
}
