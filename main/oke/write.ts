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
  /** Date of the zitting, YYYY-MM-DD in the venue's zone. */
  testDate: string;
  /** Date the result was determined, YYYY-MM-DD. */
  resultDate: string;
}

/**
 * Flow 3 (PATCH /associations/{id}): attendance first, result later. The
 * venue does not grade, so the result state is "in progress" as flow 3.2
 * describes for sending attendance ahead of the score.
 */
export function buildAttendancePatch(input: AttendanceResultInput): Record<string, unknown> {
  const consumer: Record<string, unknown> = { consumerKey, attendance: input.attendance, testDate: input.testDate };
  if (input.irregularities) consumer.irregularities = input.irregularities;
  return {
    associationType: 'componentOfferingAssociation',
    result: { state: 'in progress', resultDate: input.resultDate, consumers: [consumer] },
  };
}

/** Flow 4 (PATCH /offerings/{id}): the zittingsverslag with the zitting's irregularities. */
export function buildSessionReportPatch(input: { irregularities: string | null }): Record<string, unknown> {
  const consumer: Record<string, unknown> = { consumerKey };
  if (input.irregularities) consumer.irregularities = input.irregularities;
  return { offeringType: 'component', consumers: [consumer] };
}
