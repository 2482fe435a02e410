import type { ContactPoints, ContactRegistry } from './contact-registry.js';
import type { ChannelSchema, RecipientSpec } from './order.types.js';

/** A notification to create at send time: a channel with an address, or a final failure without one. */
export interface PlannedNotification {
  channel: 'sms' | 'email';
  destination: string;
  failed?: string;
}

function pointsOf(registry: ContactRegistry, r: Extract<RecipientSpec, { id: string }>): ContactPoints {
  if (r.kind === 'person') return registry.person(r.id);
  if (r.kind === 'organisation') return registry.organisation(r.id);
  return registry.externalIdentity(r.id);
}

function available(points: ContactPoints, schema: ChannelSchema): boolean {
  const email = points.emails.length > 0;
  const sms = points.mobiles.length > 0;
  return schema === 'Email' ? email : schema === 'Sms' ? sms : email || sms;
}

/**
 * Order-time check (`OrderRequestService.GetRecipientLookupResult`): false means 422 NOT-00001. E-mail and SMS
 * recipients are never looked up; a KRR-reserved person is not "missing" (that fails later, at send time).
 */
export function hasContactPoint(registry: ContactRegistry, r: RecipientSpec): boolean {
  if (r.kind === 'email' || r.kind === 'sms') return true;
  const points = pointsOf(registry, r);
  return (r.kind === 'person' && points.reserved) || available(points, r.channelSchema);
}

const failed = (
  channel: 'sms' | 'email',
  why: 'RecipientReserved' | 'RecipientNotIdentified',
): PlannedNotification => ({
  channel,
  destination: '',
  failed: `${channel === 'sms' ? 'SMS' : 'Email'}_Failed_${why}`,
});

/** Send-time lookup, repeated like the server does (the registry may have changed since the order). */
export function planNotifications(registry: ContactRegistry, r: RecipientSpec): PlannedNotification[] {
  if (r.kind === 'email') return [{ channel: 'email', destination: r.address }];
  if (r.kind === 'sms') return [{ channel: 'sms', destination: r.phoneNumber }];
  const points = pointsOf(registry, r);
  const schema = r.channelSchema;
  const emailFirst = schema === 'Email' || schema === 'EmailPreferred';
  if (r.kind === 'person' && points.reserved && !r.ignoreReservation) {
    if (schema === 'EmailAndSms')
      return [failed('email', 'RecipientReserved'), failed('sms', 'RecipientReserved')];
    return [failed(emailFirst ? 'email' : 'sms', 'RecipientReserved')];
  }
  const emails = points.emails.map((destination): PlannedNotification => ({ channel: 'email', destination }));
  const mobiles = points.mobiles.map((destination): PlannedNotification => ({ channel: 'sms', destination }));
  let planned: PlannedNotification[];
  if (schema === 'Email') planned = emails;
  else if (schema === 'Sms') planned = mobiles;
  else if (schema === 'EmailAndSms') planned = [...emails, ...mobiles];
  else if (schema === 'EmailPreferred') planned = emails.length > 0 ? emails : mobiles;
  else planned = mobiles.length > 0 ? mobiles : emails;
  if (planned.length > 0) return planned;
  return [failed(emailFirst || schema === 'EmailAndSms' ? 'email' : 'sms', 'RecipientNotIdentified')];
}
