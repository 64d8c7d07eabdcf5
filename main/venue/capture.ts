/**
 * Capture commands at the venue: open a zitting, register attendance, record
 * irregularities, close. Each command appends one event and derives state in
 * the same transaction. Closing also writes the flow 3 and flow 4 messages to
 * the outbox in that transaction, so a closed zitting always has its
 * messages queued.
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
import { checkScore } from './score';
import { getOfferingView } from './view';

export interface CaptureContext {
  db: Db;
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

export function recordResult(ctx: CaptureContext, input: { offeringId: string; associationId: string; score: string }): OfferingView {
  const { offeringId, associationId } = input;
  ctx.db.transaction(() => {
    const view = requireOpenable(ctx, offeringId);
    if (!view.candidates.some((c) => c.associationId === associationId)) throw new AppError('association.notFound', { offeringId, associationId });
    if (!view.gradable || view.resultValueType === null) throw new AppError('result.notGradable', { offeringId });
    const check = checkScore(view.resultValueType, input.score);
    if (!check.ok) throw new AppError('result.invalid', { score: input.score, resultValueType: view.resultValueType, problem: check.problem });
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
 * receiver must accept a PATCH on a cancelled association; without captured
 * attendance a cancelled candidate is left out.
 */
function buildCloseMessages(view: OfferingView, closedAtMs: number, timeZone: string): OutboxMessage[] {
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
        graded: candidate.score === null ? undefined : { score: candidate.score, pass: candidate.pass ?? 'unknown', assessorId },
      }),
      offeringId: view.offeringId,
      associationId: candidate.associationId,
    });
  }
  messages.push({
    flow: 4,
    method: 'PATCH',
    path: `/offerings/${encodeURIComponent(view.offeringId)}`,
    body: buildSessionReportPatch({ irregularities: view.irregularities, offeringState: view.offeringState }),
    offeringId: view.offeringId,
    associationId: null,
  });
  return messages;
}

export function closeOffering(ctx: CaptureContext, input: { offeringId: string; irregularities?: string }): { view: OfferingView; queued: number } {
  let queued = 0;
  ctx.db.transaction(() => {
    const view = requireOpenable(ctx, input.offeringId);
    openIfNeeded(ctx, view);
    const irregularities = input.irregularities === undefined ? null : input.irregularities;
    append(ctx, input.offeringId, { type: 'offering.closed', irregularities });

    const closed = getOfferingView(ctx.db, input.offeringId, ctx.timezone);
    const closedAt = nowMs(ctx);
    const messages = buildCloseMessages(closed, closedAt, ctx.timezone);
    enqueue(ctx.db, messages, new Date(closedAt).toISOString());
    queued = messages.length;
  })();
  ctx.log.info({ offeringId: input.offeringId, queued }, 'zitting closed, messages queued');
  return { view: getOfferingView(ctx.db, input.offeringId, ctx.timezone), queued };
}
