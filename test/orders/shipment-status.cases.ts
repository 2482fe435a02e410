import { isFinalShipmentStatus } from '../../lib/shipment/shipment.status.js';

// Altinn's own split (trymarkorderascompleted.sql; docs.altinn.studio notifications/reference/notification-status).
const IN_FLIGHT = ['Email_New', 'Email_Sending', 'Email_Succeeded', 'SMS_New', 'SMS_Sending', 'SMS_Accepted'];
const ORDER_FINAL = ['Order_Completed', 'Order_SendConditionNotMet', 'Order_Cancelled'];
const ORDER_OPEN = ['Order_Registered', 'Order_Processing', 'Order_Processed'];

describe('isFinalShipmentStatus', () => {
  it.each(ORDER_FINAL)('%s is final', (s) => expect(isFinalShipmentStatus(s)).toBe(true));
  it.each([...ORDER_OPEN, ...IN_FLIGHT])('%s is not final', (s) =>
    expect(isFinalShipmentStatus(s)).toBe(false),
  );
  it.each([
    'SMS_Delivered',
    'SMS_Failed_TTL',
    'SMS_Failed_RecipientReserved',
    'Email_Failed_TransientError',
    'Email_Delivered',
  ])('%s is final', (s) => expect(isFinalShipmentStatus(s)).toBe(true));
  it.each(['Push_Delivered', 'SMS_Queued', '', 'toString', '__proto__'])('unknown %p is not final', (s) =>
    expect(isFinalShipmentStatus(s)).toBe(false),
  );
});
