/**
 * Writers for the venue's outbound OKE messages. They emit exactly what
 * ooapiv5_MBO.yaml prescribes: `associationType` and `offeringType` are always
 * present, also in PATCH, and each PATCH carries the full captured state so
 * sending it again is harmless.
 */
import type { Attendance } from '../contract/api';
import { consumerKey } from './read';

export interface AttendanceResultInput {
  attendance: Attendance;
  /** Per-candidate irregularities (the surveillant's note), if any. */
  irregularities: string | null;
  /** Start of the zitting, RFC 3339 date-time with offset (the schema types testDate as date-time). */
  testDate: string;
  /** Date the result was determined, YYYY-MM-DD. */
  resultDate: string;
  /** A score entered at the venue by an assessor; without it the result is attendance only. */
  graded?: { score: string; pass: 'passed' | 'failed' | 'unknown'; assessorId: string | null };
}

/**
 * Flow 3 (PATCH /associations/{id}). Without a score this is flow 3.2's
 * "attendance first, result later": state "in progress". With a score from
 * an assessor at the venue it is flow 3.1: state "completed", the score and
 * its pass value. `final` stays false because only the exam committee
 * finalises a result.
 */
export function buildAttendancePatch(input: AttendanceResultInput): Record<string, unknown> {
  const consumer: Record<string, unknown> = { consumerKey, attendance: input.attendance, testDate: input.testDate };
  if (input.irregularities) consumer.irregularities = input.irregularities;

  // The schema requires weight on a component result; OKE ignores it and fixes it at 100.
  const result: Record<string, unknown> = { state: 'in progress', resultDate: input.resultDate, weight: 100 };
  if (input.graded) {
    result.state = 'completed';
    result.pass = input.graded.pass;
    result.score = input.graded.score;
    consumer.final = false;
    if (input.graded.assessorId) consumer.assessorId = input.graded.assessorId;
  }
  result.consumers = [consumer];

  return { associationType: 'componentOfferingAssociation', result };
}

/**
 * Flow 4 (PATCH /offerings/{id}): the zittingsverslag with the zitting's
 * irregularities and its documents (proces-verbaal and presentielijst). The nl-test-admin offering consumer requires
 * `offeringState`, so the state from the last sync is repeated.
 */
export function buildSessionReportPatch(input: {
  irregularities: string | null;
  offeringState: string;
  documents: { documentId: string; documentType: 'sessionReport' | 'attendanceReport'; documentName: string }[];
}): Record<string, unknown> {
  const consumer: Record<string, unknown> = { consumerKey, offeringState: input.offeringState };
  if (input.irregularities) consumer.irregularities = input.irregularities;
  // NOTE: the planning system fetches these with GET /documents/{id} from the
  // test delivery system; the venue cannot serve that request, so the PDFs stay
  // in the data directory for export.
  if (input.documents.length > 0) consumer.documents = input.documents;
  return { offeringType: 'component', consumers: [consumer] };
}
