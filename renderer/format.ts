/** Dates and times for the screens, in the venue's time zone. */
import type { Language } from './i18n';

const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

function formatter(language: Language, options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locales[language], { ...options, timeZone });
  } catch {
    // An unknown zone name from the overview falls back to the machine's zone.
    return new Intl.DateTimeFormat(locales[language], options);
  }
}

/** Formats an ISO 8601 date-time as "09:00" in the given zone. */
export function formatTime(isoDateTime: string, timeZone: string | undefined, language: Language): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return formatter(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, timeZone).format(date);
}

/** Formats a start and end as "09:00–10:30". */
export function formatTimeRange(start: string, end: string, timeZone: string | undefined, language: Language): string {
  return `${formatTime(start, timeZone, language)}–${formatTime(end, timeZone, language)}`;
}

/** Formats a calendar date (YYYY-MM-DD) as "di 21 juni 2022". */
export function formatDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return formatter(language, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }, 'UTC').format(date);
}

/** Formats the calendar day of an ISO 8601 date-time as "di 21 juni 2022" in the given zone. */
export function formatDayOf(isoDateTime: string, timeZone: string | undefined, language: Language): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return formatter(language, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }, timeZone).format(date);
}

/** Formats an ISO 8601 date-time as date and time, for "last synchronised". */
export function formatDateTime(isoDateTime: string, timeZone: string | undefined, language: Language): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return formatter(language, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, timeZone).format(date);
}
