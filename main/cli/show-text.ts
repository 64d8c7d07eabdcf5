import type { OfferingView } from '../contract/api';
import { formatMessage, type Language } from '../contract/messages';

/** Plain-text rendering of `show` for a person at a terminal; scripts use --json. */
export function formatShowText(offerings: OfferingView[], language: Language): string {
  if (offerings.length === 0) return formatMessage('show.none', {}, language);
  const lines: string[] = [];
  for (const offering of offerings) {
    const status = offering.offeringState === 'canceled' ? 'show.status.canceled' : (`show.status.${offering.captureStatus}` as const);
    lines.push(
      formatMessage(
        'show.offering',
        {
          start: offering.startDateTime.slice(11, 16),
          end: offering.endDateTime.slice(11, 16),
          location: offering.locationCode ?? '-',
          name: offering.name,
          candidates: offering.candidates.length,
          status: formatMessage(status, {}, language),
        },
        language,
      ),
    );
    lines.push(`  ${offering.offeringId}`);
    for (const candidate of offering.candidates) {
      const attendance = candidate.attendance ?? formatMessage('show.noAttendance', {}, language);
      const extra = candidate.additionalTimeInMin ? `  +${candidate.additionalTimeInMin} min` : '';
      lines.push(`    ${(candidate.studentNumber ?? '-').padEnd(10)} ${candidate.displayName.padEnd(32)} ${attendance}${extra}`);
    }
  }
  return lines.join('\n');
}
