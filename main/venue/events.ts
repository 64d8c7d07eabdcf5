/**
 * Capture events and how they derive the current state. Every event is
 * immutable. `applyEvent` updates the state tables so that applying the same
 * set of events in any order gives the same state: the last writer by hybrid
 * logical clock wins, and a closed zitting stays closed. That makes a merge
 * of another laptop's log a plain union of events.
 */
import type { Db } from '../../db/connection';
import type { Attendance } from '../contract/api';

export type CaptureEventPayload =
  | { type: 'offering.opened' }
  | { type: 'attendance.registered'; associationId: string; attendance: Attendance; note: string | null }
  | { type: 'irregularities.recorded'; text: string }
  | { type: 'result.recorded'; associationId: string; score: string }
  | { type: 'offering.closed'; irregularities: string | null };

export type CaptureEvent = CaptureEventPayload & {
  eventId: string;
  hlc: string;
  deviceId: string;
  actor: string;
  offeringId: string;
  recordedAt: string;
};

interface EventRow {
  event_id: string;
  hlc: string;
  device_id: string;
  actor: string;
  type: string;
  offering_id: string;
  association_id: string | null;
  payload: string;
  recorded_at: string;
}

function toRow(event: CaptureEvent): EventRow {
  const { eventId, hlc, deviceId, actor, offeringId, recordedAt, ...payload } = event;
  return {
    event_id: eventId,
    hlc,
    device_id: deviceId,
    actor,
    type: payload.type,
    offering_id: offeringId,
    association_id: 'associationId' in payload ? payload.associationId : null,
    payload: JSON.stringify(payload),
    recorded_at: recordedAt,
  };
}

function fromRow(row: EventRow): CaptureEvent {
  const payload = JSON.parse(row.payload) as CaptureEventPayload;
  return {
    ...payload,
    eventId: row.event_id,
    hlc: row.hlc,
    deviceId: row.device_id,
    actor: row.actor,
    offeringId: row.offering_id,
    recordedAt: row.recorded_at,
  };
}

/** Derives state from one event. Call inside the transaction that stores it. */
export function applyEvent(db: Db, event: CaptureEvent): void {
  switch (event.type) {
    case 'offering.opened':
      db.prepare(
        `INSERT INTO offering_capture_state (offering_id, status, opened_hlc) VALUES (?, 'open', ?)
         ON CONFLICT (offering_id) DO UPDATE SET
           opened_hlc = CASE WHEN opened_hlc IS NULL OR excluded.opened_hlc < opened_hlc THEN excluded.opened_hlc ELSE opened_hlc END`,
      ).run(event.offeringId, event.hlc);
      return;

    case 'attendance.registered':
      db.prepare(
        `INSERT INTO attendance_state (association_id, offering_id, attendance, note, hlc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (association_id) DO UPDATE SET
           attendance = excluded.attendance, note = excluded.note, hlc = excluded.hlc
         WHERE excluded.hlc > attendance_state.hlc`,
      ).run(event.associationId, event.offeringId, event.attendance, event.note, event.hlc);
      return;

    case 'irregularities.recorded':
      setIrregularities(db, event.offeringId, event.text, event.hlc);
      return;

    case 'result.recorded':
      db.prepare(
        `INSERT INTO result_state (association_id, offering_id, score, hlc) VALUES (?, ?, ?, ?)
         ON CONFLICT (association_id) DO UPDATE SET score = excluded.score, hlc = excluded.hlc
         WHERE excluded.hlc > result_state.hlc`,
      ).run(event.associationId, event.offeringId, event.score, event.hlc);
      return;

    case 'offering.closed':
      db.prepare(
        `INSERT INTO offering_capture_state (offering_id, status, closed_hlc) VALUES (?, 'closed', ?)
         ON CONFLICT (offering_id) DO UPDATE SET
           status = 'closed',
           closed_hlc = CASE WHEN closed_hlc IS NULL OR excluded.closed_hlc < closed_hlc THEN excluded.closed_hlc ELSE closed_hlc END`,
      ).run(event.offeringId, event.hlc);
      if (event.irregularities !== null) setIrregularities(db, event.offeringId, event.irregularities, event.hlc);
      return;
  }
}

function setIrregularities(db: Db, offeringId: string, text: string, hlc: string): void {
  db.prepare(
    `INSERT INTO offering_capture_state (offering_id, status, irregularities, irregularities_hlc) VALUES (?, 'open', ?, ?)
     ON CONFLICT (offering_id) DO UPDATE SET irregularities = excluded.irregularities, irregularities_hlc = excluded.irregularities_hlc
     WHERE irregularities_hlc IS NULL OR excluded.irregularities_hlc > irregularities_hlc`,
  ).run(offeringId, text, hlc);
}

/**
 * Stores an event and derives its state. Returns false when the event id is
 * already stored, so appending the same event twice changes nothing.
 */
export function appendEvent(db: Db, event: CaptureEvent): boolean {
  const inserted = db
    .prepare(
      `INSERT INTO capture_event (event_id, hlc, device_id, actor, type, offering_id, association_id, payload, recorded_at)
       VALUES (@event_id, @hlc, @device_id, @actor, @type, @offering_id, @association_id, @payload, @recorded_at)
       ON CONFLICT (event_id) DO NOTHING`,
    )
    .run(toRow(event));
  if (inserted.changes === 0) return false;
  applyEvent(db, event);
  return true;
}

export function readEvents(db: Db, offeringId?: string): CaptureEvent[] {
  const rows = offeringId
    ? (db.prepare('SELECT * FROM capture_event WHERE offering_id = ? ORDER BY hlc').all(offeringId) as EventRow[])
    : (db.prepare('SELECT * FROM capture_event ORDER BY hlc').all() as EventRow[]);
  return rows.map(fromRow);
}

/** Rebuilds every state table from the log, in one transaction. */
export function rebuildState(db: Db): void {
  db.transaction(() => {
    db.exec('DELETE FROM attendance_state; DELETE FROM offering_capture_state; DELETE FROM result_state;');
    for (const event of readEvents(db)) applyEvent(db, event);
  })();
}
