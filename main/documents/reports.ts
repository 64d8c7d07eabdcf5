/**
 * The two documents of a closed zitting: the proces-verbaal (OKE document
 * type `sessionReport`) and the presentielijst (`attendanceReport`). Both are
 * rendered from the zitting as it is at closing, so they contain exactly
 * what the flow 3 and flow 4 messages contain.
 */
import type { Attendance, OfferingView } from '../contract/api';
import type { Language } from '../contract/messages';
import { attendanceLabel, label, roleLabel } from './labels';
import { PdfWriter } from './pdf';

export interface ClosingFacts {
  closedAt: Date;
  actor: string;
  deviceId: string;
  timeZone: string;
  language: Language;
}

function localTime(iso: string): string {
  return iso.slice(11, 16);
}

function localMoment(date: Date, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);
}

function headerFields(view: OfferingView, language: Language): [string, string][] {
  const staff = view.staff.map((member) => `${member.displayName} (${roleLabel(language, member.role)})`).join(', ');
  return [
    [label(language, 'zitting'), view.name],
    [label(language, 'exam'), view.componentName ?? view.componentId ?? '-'],
    [label(language, 'date'), view.startDateTime.slice(0, 10)],
    [label(language, 'time'), `${localTime(view.startDateTime)}–${localTime(view.endDateTime)}`],
    [label(language, 'location'), view.locationCode ?? '-'],
    [label(language, 'staff'), staff || label(language, 'none')],
  ];
}

function attendanceCounts(view: OfferingView): Record<Attendance, number> {
  const counts: Record<Attendance, number> = { present: 0, notPresent: 0, notStarted: 0, notFinished: 0, notKnown: 0 };
  for (const candidate of view.candidates) counts[candidate.attendance ?? 'notKnown'] += 1;
  return counts;
}

function candidateName(candidate: OfferingView['candidates'][number], language: Language): string {
  return candidate.state === 'canceled' ? `${candidate.displayName} ${label(language, 'canceledCandidate')}` : candidate.displayName;
}

export function renderSessionReport(view: OfferingView, facts: ClosingFacts): Promise<Buffer> {
  const { language } = facts;
  const pdf = new PdfWriter(`${label(language, 'sessionReportTitle')} ${view.name}`, facts.closedAt);
  pdf.heading(label(language, 'sessionReportTitle')).fields(headerFields(view, language));

  pdf.subheading(label(language, 'summary')).paragraph(label(language, 'count', { count: view.candidates.length, ...attendanceCounts(view) }));

  const withScore = view.candidates.some((candidate) => candidate.score !== null);
  const columns = [
    { header: label(language, 'studentNumber'), width: 0.15 },
    { header: label(language, 'name'), width: withScore ? 0.25 : 0.3 },
    { header: label(language, 'attendance'), width: 0.2 },
    ...(withScore ? [{ header: label(language, 'score'), width: 0.1 }] : []),
    { header: label(language, 'note'), width: withScore ? 0.3 : 0.35 },
  ];
  const rows = view.candidates.map((candidate) => [
    candidate.studentNumber ?? '-',
    candidateName(candidate, language),
    attendanceLabel(language, candidate.attendance),
    ...(withScore ? [candidate.score ?? '-'] : []),
    candidate.note ?? '',
  ]);
  pdf.subheading(label(language, 'candidates')).table(columns, rows);

  pdf.subheading(label(language, 'irregularities')).paragraph(view.irregularities?.trim() || label(language, 'noIrregularities'));
  pdf.signatureLines([label(language, 'signedBy'), label(language, 'signedByCoordinator')]);
  pdf.footer(label(language, 'closedAt', { moment: localMoment(facts.closedAt, facts.timeZone, language), actor: facts.actor, deviceId: facts.deviceId }));
  return pdf.finish();
}

export function renderAttendanceReport(view: OfferingView, facts: ClosingFacts): Promise<Buffer> {
  const { language } = facts;
  const pdf = new PdfWriter(`${label(language, 'attendanceReportTitle')} ${view.name}`, facts.closedAt);
  pdf.heading(label(language, 'attendanceReportTitle')).fields(headerFields(view, language));

  const columns = [
    { header: label(language, 'studentNumber'), width: 0.14 },
    { header: label(language, 'name'), width: 0.22 },
    { header: label(language, 'idCheckName'), width: 0.22 },
    { header: label(language, 'extraTime'), width: 0.1 },
    { header: label(language, 'attendance'), width: 0.14 },
    { header: label(language, 'signature'), width: 0.18 },
  ];
  const rows = view.candidates.map((candidate) => [
    candidate.studentNumber ?? '-',
    candidateName(candidate, language),
    candidate.idCheckName ?? '-',
    candidate.additionalTimeInMin ? `+${candidate.additionalTimeInMin} min` : '-',
    attendanceLabel(language, candidate.attendance),
    '',
  ]);
  // Rows are tall enough to sign in by hand on a printout.
  pdf.table(columns, rows, 22);
  pdf.signatureLines([label(language, 'signedBy')]);
  pdf.footer(label(language, 'closedAt', { moment: localMoment(facts.closedAt, facts.timeZone, language), actor: facts.actor, deviceId: facts.deviceId }));
  return pdf.finish();
}
