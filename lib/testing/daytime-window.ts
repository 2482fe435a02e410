/**
 * The `Daytime` SMS window: strictly between 09:00 and 17:00 Europe/Oslo, every day
 * (`CORE/Services/NotificationScheduleService.cs`, `SmsSendWindowStartHour`/`EndHour` in `CORE/Configuration/NotificationConfig.cs`).
 */
const START_HOUR = 9;
const END_HOUR = 17;

const OSLO = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function osloParts(ms: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = Object.fromEntries(OSLO.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** Oslo's UTC offset at `ms`, in ms. */
function offsetAt(ms: number): number {
  const p = osloParts(ms);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

export function isInsideDaytime(ms: number): boolean {
  const p = osloParts(ms);
  const seconds = (p.hour * 60 + p.minute) * 60 + p.second + (ms % 1000) / 1000;
  return seconds > START_HOUR * 3600 && seconds < END_HOUR * 3600;
}

/** `ms` itself when inside the window, otherwise the window's next opening (just after 09:00 Oslo). */
export function nextDaytime(ms: number): number {
  if (isInsideDaytime(ms)) return ms;
  const p = osloParts(ms);
  const dayOffset = p.hour >= END_HOUR ? 1 : 0;
  const localNine = Date.UTC(p.year, p.month - 1, p.day + dayOffset, START_HOUR);
  // The offset of the target moment itself, so a DST change overnight is honoured; +1 s to be strictly inside.
  return localNine - offsetAt(localNine - offsetAt(ms)) + 1000;
}
