import { AltinnNotificationsService, type AltinnShipment } from 'nestjs-altinn-notifications';

export async function deliveryOf(altinn: AltinnNotificationsService, shipmentId: string): Promise<string[]> {
  const shipment: AltinnShipment = await altinn.getShipment(shipmentId); // GET /future/shipment/{id}
  // shipment.status: 'Order_Processing' …; each recipient: 'SMS_New' → 'SMS_Accepted' → 'SMS_Delivered' | 'SMS_Failed_*'
  return shipment.recipients.map((r) => `${r.destination}: ${r.status}`);
}
