/** Calendar helpers for Europe/Amsterdam, so generated zittingen carry the right UTC offset. */
import { TIME_ZONE } from './config';

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/** Returns the local calendar date (YYYY-MM-DD) of an instant. */
export function localDateOf(instant: Date): string {
  return dateFormat.format(instant);
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Returns the UTC offset in minutes at an instant, e.g. 120 in summer. */
function offsetMinutesAt(utcMs: number): number {
  const name = offsetFormat.formatToParts(new Date(utcMs)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** Returns an RFC 3339 date-time for a local wall-clock time, e.g. `2026-06-04T09:00:00+02:00`. */
export function zonedDateTime(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guessed instant can differ from the offset at the real
  // one on a DST switch day, so look it up a second time.
  let offset = offsetMinutesAt(wallClockAsUtc - offsetMinutesAt(wallClockAsUtc) * 60_000);
  offset = offsetMinutesAt(wallClockAsUtc - offset * 60_000);
  return `${date}T${time}:00${formatOffset(offset)}`;
}
