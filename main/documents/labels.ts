import type { Attendance } from '../contract/api';
import type { Language } from '../contract/messages';

/** Texts printed on the proces-verbaal and the presentielijst, Dutch first. */
const nl = {
  sessionReportTitle: 'Proces-verbaal',
  attendanceReportTitle: 'Presentielijst',
  sessionReportFile: 'Proces-verbaal',
  attendanceReportFile: 'Presentielijst',
  zitting: 'Zitting',
  exam: 'Toets',
  date: 'Datum',
  time: 'Tijd',
  location: 'Lokaal',
  staff: 'Surveillanten en afnameleiders',
  none: 'geen',
  summary: 'Aanwezigheid',
  candidates: 'Kandidaten',
  studentNumber: 'Studentnr.',
  name: 'Naam',
  idCheckName: 'Naam voor legitimatiecontrole',
  extraTime: 'Extra tijd',
  attendance: 'Aanwezigheid',
  score: 'Resultaat',
  note: 'Bijzonderheden',
  signature: 'Handtekening',
  irregularities: 'Bijzonderheden en onregelmatigheden tijdens de zitting',
  noIrregularities: 'Geen bijzonderheden gemeld.',
  signedBy: 'Handtekening surveillant',
  signedByCoordinator: 'Handtekening afnameleider',
  closedAt: 'Afgesloten op {moment} door {actor}, apparaat {deviceId}.',
  canceledCandidate: '(afgemeld)',
  count: '{count} kandidaten: {present} aanwezig, {notPresent} afwezig, {notStarted} niet gestart, {notFinished} niet afgerond, {notKnown} onbekend.',
  'attendance.present': 'aanwezig',
  'attendance.notPresent': 'afwezig',
  'attendance.notStarted': 'aanwezig, niet gestart',
  'attendance.notFinished': 'aanwezig, niet afgerond',
  'attendance.notKnown': 'onbekend',
  'role.invigilator': 'surveillant',
  'role.coordinator': 'afnameleider',
  'role.assessor': 'beoordelaar',
} as const;

export type DocumentLabel = keyof typeof nl;

const en: Record<DocumentLabel, string> = {
  sessionReportTitle: 'Session report (proces-verbaal)',
  attendanceReportTitle: 'Attendance list (presentielijst)',
  sessionReportFile: 'Session report',
  attendanceReportFile: 'Attendance list',
  zitting: 'Zitting',
  exam: 'Exam',
  date: 'Date',
  time: 'Time',
  location: 'Room',
  staff: 'Invigilators and coordinators',
  none: 'none',
  summary: 'Attendance',
  candidates: 'Candidates',
  studentNumber: 'Student no.',
  name: 'Name',
  idCheckName: 'Name for the ID check',
  extraTime: 'Extra time',
  attendance: 'Attendance',
  score: 'Result',
  note: 'Irregularities',
  signature: 'Signature',
  irregularities: 'Irregularities during the zitting',
  noIrregularities: 'No irregularities reported.',
  signedBy: 'Signature of the invigilator',
  signedByCoordinator: 'Signature of the coordinator',
  closedAt: 'Closed on {moment} by {actor}, device {deviceId}.',
  canceledCandidate: '(cancelled)',
  count: '{count} candidates: {present} present, {notPresent} absent, {notStarted} not started, {notFinished} not finished, {notKnown} unknown.',
  'attendance.present': 'present',
  'attendance.notPresent': 'absent',
  'attendance.notStarted': 'present, not started',
  'attendance.notFinished': 'present, not finished',
  'attendance.notKnown': 'unknown',
  'role.invigilator': 'invigilator',
  'role.coordinator': 'coordinator',
  'role.assessor': 'assessor',
};

export function label(language: Language, key: DocumentLabel, params: Record<string, string | number> = {}): string {
  const template = language === 'en' ? en[key] : nl[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function attendanceLabel(language: Language, attendance: Attendance | null): string {
  return label(language, `attendance.${attendance ?? 'notKnown'}`);
}

export function roleLabel(language: Language, role: string): string {
  const key = `role.${role}`;
  return key in nl ? label(language, key as DocumentLabel) : role;
}
