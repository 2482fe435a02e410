import {
  AltinnNotificationsService,
  AltinnOrderNotCancellableError,
  isFinalShipmentStatus,
} from 'nestjs-altinn-notifications';

export async function applicationReceived(altinn: AltinnNotificationsService, caseId: string, nin: string) {
  const result = await altinn.sendOrder({
    idempotencyId: `case-${caseId}-received`, // yours: a repeat after a crash gets Altinn's 200, not a second order
    requestedSendTime: new Date(Date.now() + 3_600_000),
    recipient: {
      recipientPerson: {
        nationalIdentityNumber: nin,
        channelSchema: 'EmailPreferred', // required: Altinn applies no default
        emailSettings: {
          subject: 'Søknaden er mottatt',
          body: 'Hei $recipientName$, vi har mottatt søknaden.',
        },
        smsSettings: { body: 'Søknaden din er mottatt.' }, // SMS goes out 09–17 Oslo time (Daytime) by default
      },
    },
    reminders: [
      {
        delayDays: 7, // unless the case answers {"sendNotification": false} by then
        conditionEndpoint: `https://saker.example.no/api/cases/${caseId}/reminder-due`,
        recipient: {
          recipientPerson: {
            nationalIdentityNumber: nin,
            channelSchema: 'Sms',
            smsSettings: { body: 'Påminnelse.' },
          },
        },
      },
    ],
  });
  return result.notification; // { shipmentId, reminders: [{ shipmentId }] }
}

export async function withdraw(altinn: AltinnNotificationsService, notification: { shipmentId: string }) {
  const shipment = await altinn.getShipment(notification.shipmentId); // type 'Notification' | 'Reminder' | 'Instant'
  if (isFinalShipmentStatus(shipment.status)) return; // Order_Completed, _SendConditionNotMet or _Cancelled
  try {
    const cancelled = await altinn.cancelOrder(notification); // PUT /orders/{id}/cancel
    for (const reminder of cancelled.reminders ?? []) await altinn.cancelOrder(reminder.shipmentId);
  } catch (err) {
    if (!(err instanceof AltinnOrderNotCancellableError)) throw err; // 409: processing began, or ≤ 5 min to go
  }
}
