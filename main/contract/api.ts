/**
 * The API contract: every operation the screens can request, with its input
 * schema and output type. The Electron IPC registration, the preload bridge,
 * the web host and the CLI all serve this one table, and inputs are validated
 * here at the boundary.
 *
 * This file imports neither Node nor the DOM, so the renderer may import it.
 */
import { z } from 'zod';
import type { ApiName } from './names';

export { apiNameList, isApiName, type ApiName } from './names';

/** `attendance` values of nl-test-admin-Result, in the order the screens show them. */
export const attendanceValues = ['present', 'notPresent', 'notStarted', 'notFinished', 'notKnown'] as const;
export type Attendance = (typeof attendanceValues)[number];

const id = z.string().min(1).max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const freeText = z.string().max(10_000);

export const apiInputs = {
  overview: z.object({}).strict(),
  listOfferings: z
    .object({ date: isoDate.optional(), location: z.string().min(1).max(100).optional() })
    .strict(),
  openOffering: z.object({ offeringId: id }).strict(),
  registerAttendance: z
    .object({
      offeringId: id,
      associationId: id,
      attendance: z.enum(attendanceValues),
      note: freeText.nullable().optional(),
    })
    .strict(),
  recordIrregularities: z.object({ offeringId: id, text: freeText }).strict(),
  recordResult: z.object({ offeringId: id, associationId: id, score: z.string().min(1).max(20) }).strict(),
  closeOffering: z.object({ offeringId: id, irregularities: freeText.optional() }).strict(),
  sync: z.object({}).strict(),
  deliver: z.object({}).strict(),
  listOutbox: z.object({}).strict(),
} as const satisfies Record<ApiName, z.ZodType>;
export type ApiInput<N extends ApiName> = z.input<(typeof apiInputs)[N]>;

/** Capture status of one zitting at this venue. */
export type CaptureStatus = 'notStarted' | 'open' | 'closed';

export interface CandidateView {
  associationId: string;
  personId: string | null;
  studentNumber: string | null;
  displayName: string;
  idCheckName: string | null;
  additionalTimeInMin: number | null;
  personalNeeds: string[];
  /** Association `state` as the planning system sent it (`associated`, `canceled`, ...). */
  state: string;
  attendance: Attendance | null;
  note: string | null;
  preferredName: string | null;
  /**
   * Needs the school assigned to the student (flow 1 `assignedNeeds`), with
   * whether each one is valid on the day of the zitting by its start and end
   * dates.
   */
  assignedNeeds: { code: string; description: string | null; validOnDate: boolean }[];
  /** Programmes the student is enrolled in (flow 1), to recognise the candidate at the door. */
  programmes: { name: string | null; cohort: string | null; location: string | null }[];
  /** Latest moment this candidate may start (ISO 8601 with offset), when the zitting has individual starts. */
  latestStartDateTime: string | null;
  /** Moment this candidate must be finished, extra time included (ISO 8601 with offset). */
  personalEndDateTime: string;
  /** Score entered by the assessor, on the component's result value scale. */
  score: string | null;
  /** `pass` derived from the score and the component's `passFrom`. */
  pass: 'passed' | 'failed' | 'unknown' | null;
}

export interface StaffView {
  associationId: string;
  personId: string | null;
  role: string;
  displayName: string;
}

export interface OfferingView {
  offeringId: string;
  name: string;
  componentId: string | null;
  componentName: string | null;
  locationCode: string | null;
  /** ISO 8601 with the venue's UTC offset. */
  startDateTime: string;
  endDateTime: string;
  offeringState: string;
  /** Test duration in minutes, from the zitting or else from the catalogue. */
  durationMin: number | null;
  /** `startOptions` as the planning system sent it (`individualStart`, `triggeredStart`, or an unknown value kept as is). */
  startOption: string | null;
  safety: string[];
  resultValueType: string | null;
  passFrom: string | null;
  /** True when an assessor is planned and the result value type is one the venue can take. */
  gradable: boolean;
  captureStatus: CaptureStatus;
  irregularities: string | null;
  candidates: CandidateView[];
  staff: StaffView[];
}

export interface SyncSummary {
  components: number;
  offerings: number;
  associations: number;
  /** Student associations among `associations`. */
  candidates: number;
  persons: number;
  finishedAt: string;
  /** Sentences for the coordinator, such as an endpoint speaking another OOAPI version. */
  warnings: string[];
  /** How many deviations from the OKE schema were accepted and logged. */
  normalisations: number;
}

export interface OutboxCounts {
  queued: number;
  delivered: number;
  rejected: number;
}

export interface OutboxItemView {
  itemId: number;
  flow: number;
  method: string;
  path: string;
  offeringId: string;
  associationId: string | null;
  status: 'queued' | 'delivered' | 'rejected';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface DeliverySummary {
  delivered: number;
  queued: number;
  rejected: number;
  failures: { itemId: number; message: string }[];
}

export interface Overview {
  /** Today's date in the venue's time zone, YYYY-MM-DD. */
  today: string;
  timezone: string;
  locations: string[];
  /** Local dates that have at least one zitting, ascending. */
  dates: string[];
  lastSync: SyncSummary | null;
  outbox: OutboxCounts;
}

export interface ApiOutputs {
  overview: Overview;
  listOfferings: { offerings: OfferingView[] };
  openOffering: OfferingView;
  registerAttendance: OfferingView;
  recordIrregularities: OfferingView;
  recordResult: OfferingView;
  closeOffering: OfferingView;
  sync: SyncSummary;
  deliver: DeliverySummary;
  listOutbox: { items: OutboxItemView[] };
}

export type ApiOutput<N extends ApiName> = ApiOutputs[N];

/** Error as it crosses the API boundary: a stable code for programs, a sentence for people. */
export interface ApiErrorBody {
  code: string;
  message: string;
}

export type ApiResponse<N extends ApiName> = { ok: true; result: ApiOutput<N> } | { ok: false; error: ApiErrorBody };
