/**
 * Capture commands at the venue: open a zitting, register attendance, record
 * results and irregularities, close. Each command appends one event and
 * derives state in the same transaction. Closing also records the documents
 * and writes the flow 3 and flow 4 messages to the outbox in that
 * transaction, so a closed zitting always has its messages queued.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection';
import type { Attendance, OfferingView } from '../contract/api';
import { enqueue, type OutboxMessage } from '../delivery/outbox';
import { AppError } from '../errors';
import type { Logger } from '../log/logger';
import { buildAttendancePatch, buildSessionReportPatch } from '../oke/write';
import { localDate } from '../time/zone';
import { appendEvent, type CaptureEventPayload } from './events';
import type { HybridLogicalClock } from './hlc';
import { renderAttendanceReport, renderSessionReport } from '../documents/reports';
import { label } from '../documents/labels';
import { discardDocumentFiles, recordDocuments, safeFileName, writeDocumentFile, type PreparedDocument } from '../documents/store';
import type { Language } from '../contract/messages';
import { checkScore } from './score';
import { getOfferingView } from './view';

export interface CaptureContext {
  db: Db;
  dataDir: string;
  /** Language of the documents made at closing. */
  language: Language;
  clock: HybridLogicalClock;
  deviceId: string;
  actor: string;
  timezone: string;
  log: Logger;
  now?: () => number;
}

function nowMs(ctx: CaptureContext): number {
  return (ctx.now ?? Date.now)();
}

/** Loads the zitting and refuses changes once it is closed: a closed proces-verbaal is sealed. */
function requireOpenable(ctx: CaptureContext, offeringId: string): OfferingView {
  const view = getOfferingView(ctx.db, offeringId, ctx.timezone);
  if (view.captureStatus === 'closed') throw new AppError('offering.closed', { offeringId });
  return view;
}

function append(ctx: CaptureContext, offeringId: string, payload: CaptureEventPayload): void {
  const event = {
    ...payload,
    eventId: randomUUID(),
    hlc: ctx.clock.tick(),
    deviceId: ctx.deviceId,
    actor: ctx.actor,
    offeringId,
    recordedAt: new Date(nowMs(ctx)).toISOString(),
  };
  appendEvent(ctx.db, event);
  ctx.log.info({ eventId: event.eventId, type: event.type, offeringId, hlc: event.hlc }, 'capture event appended');
}

function openIfNeeded(ctx: CaptureContext, view: OfferingView): void {
  if (view.captureStatus === 'notStarted') append(ctx, view.offeringId, { type: 'offering.opened' });
}

export function openOffering(ctx: CaptureContext, offeringId: string): OfferingView {
  ctx.db.transaction(() => {
    const view = getOfferingView(ctx.db, offeringId, ctx.timezone);
    openIfNeeded(ctx, view);
  })();
  return getOfferingView(ctx.db, offeringId, ctx.timezone);
}

export function registerAttendance(
  ctx: CaptureContext,
  input: { offeringId: string; associationId: string; attendance: Attendance; note?: string | null },
): OfferingView {
  const { offeringId, associationId } = input;
  ctx.db.transaction(() => {
    const view = requireOpenable(ctx, offeringId);
    const candidate = view.candidates.find((c) => c.associationId === associationId);
    if (!candidate) throw new AppError('association.notFound', { offeringId, associationId });
    openIfNeeded(ctx, view);
    // Without a note in the request the stored note is kept, so a button press does not wipe it.
    const note = input.note === undefined ? candidate.note : input.note?.trim() || null;
    append(ctx, offeringId, { type: 'attendance.registered', associationId, attendance: input.attendance, note });
  })();
  return getOfferingView(ctx.db, offeringId, ctx.timezone);
}

/** Attendance values with which a candidate took the test, so a score can exist. */
const attendedValues = new Set<Attendance>(['present', 'notFinished']);

export function recordResult(ctx: CaptureContext, input: { offeringId: string; associationId: string; score: string }): OfferingView {
  const { offeringId, associationId } = input;
  ctx.db.transaction(() => {
    const view = requireOpenable(ctx, offeringId);
    const candidate = view.candidates.find((c) => c.associationId === associationId);
    if (!candidate) throw new AppError('association.notFound', { offeringId, associationId });
    if (!view.gradable || view.resultValueType === null) throw new AppError('result.notGradable', { offeringId });
    if (candidate.attendance !== null && !attendedValues.has(candidate.attendance)) {
      throw new AppError('result.notAttended', { offeringId, name: candidate.displayName });
    }
    const check = checkScore(view.resultValueType, input.score);
    if (!check.ok) {
      throw new AppError('result.invalid', { score: input.score, resultValueType: view.resultValueType, expectedNl: check.expected.nl, expectedEn: check.expected.en });
    }
    openIfNeeded(ctx, view);
    append(ctx, offeringId, { type: 'result.recorded', associationId, score: check.score });
  })();
  return getOfferingView(ctx.db, offeringId, ctx.timezone);
}

export function recordIrregularities(ctx: CaptureContext, input: { offeringId: string; text: string }): OfferingView {
  ctx.db.transaction(() => {
    const view = requireOpenable(ctx, input.offeringId);
    openIfNeeded(ctx, view);
    append(ctx, input.offeringId, { type: 'irregularities.recorded', text: input.text });
  })();
  return getOfferingView(ctx.db, input.offeringId, ctx.timezone);
}

/**
 * Builds the outbox messages from the closed state: one flow 3 PATCH per
 * candidate and one flow 4 PATCH for the zitting. A candidate cancelled
 * upstream is still reported when attendance was captured, because the
 * receiver must accept a PATCH on a cancelled association. Without captured
 * attendance a cancelled candidate is left out.
 */
function buildCloseMessages(view: OfferingView, documents: PreparedDocument[], closedAtMs: number, timeZone: string): OutboxMessage[] {
  const testDate = view.startDateTime;
  const resultDate = localDate(closedAtMs, timeZone);
  const assessorId = view.staff.find((member) => member.role === 'assessor')?.personId ?? null;
  const messages: OutboxMessage[] = [];
  for (const candidate of view.candidates) {
    if (candidate.state === 'canceled' && candidate.attendance === null) continue;
    messages.push({
      flow: 3,
      method: 'PATCH',
      path: `/associations/${encodeURIComponent(candidate.associationId)}`,
      body: buildAttendancePatch({
        attendance: candidate.attendance ?? 'notKnown',
        irregularities: candidate.note,
        testDate,
        resultDate,
        // A score counts only for a candidate who took the test; registering absence later withdraws it.
        graded:
          candidate.score !== null && candidate.attendance !== null && attendedValues.has(candidate.attendance)
            ? { score: candidate.score, pass: candidate.pass ?? 'unknown', assessorId }
            : undefined,
      }),
      offeringId: view.offeringId,
      associationId: candidate.associationId,
    });
  }
  messages.push({
    flow: 4,
    method: 'PATCH',
    path: `/offerings/${encodeURIComponent(view.offeringId)}`,
    body: buildSessionReportPatch({
      irregularities: view.irregularities,
      offeringState: view.offeringState,
      documents: documents.map(({ documentId, documentType, documentName }) => ({ documentId, documentType, documentName })),
    }),
    offeringId: view.offeringId,
    associationId: null,
  });
  return messages;
}

/** Highest clock value in the zitting's log, to notice capture that arrives while the documents render. */
function lastEventHlc(db: Db, offeringId: string): string | null {
  const row = db.prepare('SELECT max(hlc) AS hlc FROM capture_event WHERE offering_id = ?').get(offeringId) as { hlc: string | null };
  return row.hlc;
}

/**
 * Closes a zitting: renders the proces-verbaal and presentielijst from the
 * state being sealed, then in one transaction appends the close event,
 * records the documents and queues the flow 3 and flow 4 messages. When
 * capture for the zitting arrives while the documents render, they are
 * rendered again, so the documents always match what was sealed.
 */
export async function closeOffering(
  ctx: CaptureContext,
  input: { offeringId: string; irregularities?: string },
): Promise<{ view: OfferingView; queued: number }> {
  const { offeringId } = input;
  const maxRenders = 3;

  for (let render = 1; render <= maxRenders; render += 1) {
    const seenHlc = lastEventHlc(ctx.db, offeringId);
    const current = requireOpenable(ctx, offeringId);
    const irregularities = input.irregularities ?? current.irregularities;
    const sealing: OfferingView = { ...current, irregularities, captureStatus: 'closed' };
    const closedAt = nowMs(ctx);
    const facts = { closedAt: new Date(closedAt), actor: ctx.actor, deviceId: ctx.deviceId, timeZone: ctx.timezone, language: ctx.language };

    const date = current.startDateTime.slice(0, 10);
    const [sessionPdf, attendancePdf] = await Promise.all([renderSessionReport(sealing, facts), renderAttendanceReport(sealing, facts)]);
    const documents = [
      writeDocumentFile(ctx.dataDir, 'sessionReport', safeFileName(`${label(ctx.language, 'sessionReportFile')} ${current.name} ${date}.pdf`), sessionPdf),
      writeDocumentFile(ctx.dataDir, 'attendanceReport', safeFileName(`${label(ctx.language, 'attendanceReportFile')} ${current.name} ${date}.pdf`), attendancePdf),
    ];

    let queued = -1;
    try {
      ctx.db.transaction(() => {
        if (lastEventHlc(ctx.db, offeringId) !== seenHlc) return;
        const view = requireOpenable(ctx, offeringId);
        openIfNeeded(ctx, view);
        append(ctx, offeringId, { type: 'offering.closed', irregularities: input.irregularities ?? null });

        const closedAtIso = new Date(closedAt).toISOString();
        recordDocuments(ctx.db, offeringId, documents, closedAtIso);
        const closed = getOfferingView(ctx.db, offeringId, ctx.timezone);
        const messages = buildCloseMessages(closed, documents, closedAt, ctx.timezone);
        enqueue(ctx.db, messages, closedAtIso);
        queued = messages.length;
      })();
    } catch (error) {
      discardDocumentFiles(ctx.dataDir, documents);
      throw error;
    }

    if (queued >= 0) {
      ctx.log.info({ offeringId, queued, documents: documents.map((d) => d.documentId) }, 'zitting closed, messages queued');
      return { view: getOfferingView(ctx.db, offeringId, ctx.timezone), queued };
    }
    discardDocumentFiles(ctx.dataDir, documents);
    ctx.log.info({ offeringId, render }, 'capture arrived while closing, rendering the documents again');
  }
  throw new Error(`zitting ${offeringId} kept changing while it was being closed`);
}
