/** Read models for the screens and `show --json`: zittingen with candidates, staff and captured state. */
import type { Db } from '../../db/connection';
import type { Attendance, CandidateView, CaptureStatus, OfferingView, StaffView } from '../contract/api';
import { AppError } from '../errors';
import type { AssignedNeed, ProgrammeEnrolment } from '../oke/read';
import { formatWithOffset, localDate } from '../time/zone';
import { derivePass, isGradable } from './score';
import { candidateTiming, type DurationRules } from './timing';

interface OfferingRow {
  offering_id: string;
  name: string;
  component_id: string | null;
  component_name: string | null;
  location_code: string | null;
  start_epoch_ms: number;
  end_epoch_ms: number;
  offering_state: string;
  duration_min: number | null;
  start_option: string | null;
  duration_from: string | null;
  duration_until: string | null;
  last_possible_start_epoch_ms: number | null;
  safety: string;
  result_value_type: string | null;
  pass_from: string | null;
  capture_status: CaptureStatus | null;
  irregularities: string | null;
}

interface AssociationRow {
  association_id: string;
  offering_id: string;
  person_id: string | null;
  role: string;
  state: string;
  additional_time_min: number | null;
  personal_needs: string;
  student_number: string | null;
  display_name: string | null;
  surname: string | null;
  preferred_name: string | null;
  id_check_name: string | null;
  programmes: string | null;
  assigned_needs: string | null;
  attendance: Attendance | null;
  note: string | null;
  score: string | null;
}

const offeringSelect = `
  SELECT o.offering_id, o.name, o.component_id, c.name AS component_name, o.location_code,
         o.start_epoch_ms, o.end_epoch_ms, o.offering_state,
         coalesce(o.duration_min, c.duration_min) AS duration_min, o.start_option, o.duration_from, o.duration_until,
         o.last_possible_start_epoch_ms, o.safety, c.result_value_type, c.pass_from,
         s.status AS capture_status, s.irregularities
  FROM offering o
  LEFT JOIN component c ON c.component_id = o.component_id
  LEFT JOIN offering_capture_state s ON s.offering_id = o.offering_id`;

const associationSelect = `
  SELECT a.association_id, a.offering_id, a.person_id, a.role, a.state, a.additional_time_min, a.personal_needs,
         p.student_number, p.display_name, p.surname, p.preferred_name, p.id_check_name, p.programmes, p.assigned_needs,
         st.attendance, st.note, r.score
  FROM association a
  LEFT JOIN person p ON p.person_id = a.person_id
  LEFT JOIN attendance_state st ON st.association_id = a.association_id
  LEFT JOIN result_state r ON r.association_id = a.association_id`;

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

/** Dutch lists sort by surname without its prefix: "van der Berg" files under B. */
function bySurname(a: AssociationRow, b: AssociationRow): number {
  const keyA = a.surname ?? a.display_name ?? a.association_id;
  const keyB = b.surname ?? b.display_name ?? b.association_id;
  return collator.compare(keyA, keyB) || collator.compare(a.display_name ?? '', b.display_name ?? '');
}

function durationRules(row: OfferingRow): DurationRules {
  return {
    startEpochMs: row.start_epoch_ms,
    endEpochMs: row.end_epoch_ms,
    durationMin: row.duration_min,
    startOption: row.start_option,
    durationFrom: row.duration_from,
    durationUntil: row.duration_until,
    lastPossibleStartEpochMs: row.last_possible_start_epoch_ms,
  };
}

/** Marks each assigned need valid when the date falls from its startDate through its endDate; a missing bound is open. */
function assignedNeedsOn(stored: string | null, date: string): CandidateView['assignedNeeds'] {
  const needs = JSON.parse(stored ?? '[]') as AssignedNeed[];
  return needs.map((need) => ({
    code: need.code,
    description: need.description,
    validOnDate: (need.startDate === null || need.startDate <= date) && (need.endDate === null || date <= need.endDate),
  }));
}

function toCandidate(row: AssociationRow, offering: OfferingRow, rules: DurationRules, timeZone: string): CandidateView {
  const timing = candidateTiming(rules, row.additional_time_min);
  return {
    associationId: row.association_id,
    personId: row.person_id,
    studentNumber: row.student_number,
    displayName: row.display_name ?? row.person_id ?? row.association_id,
    idCheckName: row.id_check_name,
    additionalTimeInMin: row.additional_time_min,
    personalNeeds: JSON.parse(row.personal_needs) as string[],
    state: row.state,
    attendance: row.attendance,
    note: row.note,
    preferredName: row.preferred_name,
    assignedNeeds: assignedNeedsOn(row.assigned_needs, localDate(offering.start_epoch_ms, timeZone)),
    programmes: (JSON.parse(row.programmes ?? '[]') as ProgrammeEnrolment[]).map(({ name, cohort, location }) => ({ name, cohort, location })),
    latestStartDateTime: timing.latestStartEpochMs === null ? null : formatWithOffset(timing.latestStartEpochMs, timeZone),
    personalEndDateTime: formatWithOffset(timing.endEpochMs, timeZone),
    score: row.score,
    pass: row.score === null || offering.result_value_type === null ? null : derivePass(offering.result_value_type, row.score, offering.pass_from),
  };
}

function toStaff(row: AssociationRow): StaffView {
  return { associationId: row.association_id, personId: row.person_id, role: row.role, displayName: row.display_name ?? row.person_id ?? row.association_id };
}

function buildViews(db: Db, rows: OfferingRow[], timeZone: string): OfferingView[] {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.offering_id);
  const associations = db
    .prepare(`${associationSelect} WHERE a.offering_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as AssociationRow[];

  const byOffering = new Map<string, AssociationRow[]>();
  for (const association of associations) {
    const list = byOffering.get(association.offering_id) ?? [];
    list.push(association);
    byOffering.set(association.offering_id, list);
  }

  return rows.map((row) => {
    const members = (byOffering.get(row.offering_id) ?? []).sort(bySurname);
    const rules = durationRules(row);
    return {
      offeringId: row.offering_id,
      name: row.name,
      componentId: row.component_id,
      componentName: row.component_name,
      locationCode: row.location_code,
      startDateTime: formatWithOffset(row.start_epoch_ms, timeZone),
      endDateTime: formatWithOffset(row.end_epoch_ms, timeZone),
      offeringState: row.offering_state,
      durationMin: row.duration_min,
      startOption: row.start_option,
      safety: JSON.parse(row.safety) as string[],
      resultValueType: row.result_value_type,
      passFrom: row.pass_from,
      gradable: isGradable(row.result_value_type) && members.some((member) => member.role === 'assessor'),
      captureStatus: row.capture_status ?? 'notStarted',
      irregularities: row.irregularities,
      candidates: members.filter((member) => member.role === 'student').map((member) => toCandidate(member, row, rules, timeZone)),
      staff: members.filter((member) => member.role !== 'student').map(toStaff),
    };
  });
}

export function listOfferingViews(db: Db, filter: { date?: string; location?: string }, timeZone: string): OfferingView[] {
  const conditions: string[] = [];
  const params: string[] = [];
  if (filter.date) {
    conditions.push('o.start_local_date = ?');
    params.push(filter.date);
  }
  if (filter.location) {
    conditions.push('o.location_code = ?');
    params.push(filter.location);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = db.prepare(`${offeringSelect} ${where} ORDER BY o.start_epoch_ms, o.location_code, o.offering_id`).all(...params) as OfferingRow[];
  return buildViews(db, rows, timeZone);
}

export function getOfferingView(db: Db, offeringId: string, timeZone: string): OfferingView {
  const row = db.prepare(`${offeringSelect} WHERE o.offering_id = ?`).get(offeringId) as OfferingRow | undefined;
  if (!row) throw new AppError('offering.notFound', { offeringId });
  return buildViews(db, [row], timeZone)[0]!;
}
