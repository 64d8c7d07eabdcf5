/** The durable outbox: messages for the planning system, written in the transaction that closes a zitting. */
import type { Db } from '../../db/connection';
import type { OutboxCounts, OutboxItemView } from '../contract/api';

export interface OutboxMessage {
  flow: 3 | 4;
  method: 'PATCH';
  path: string;
  body: unknown;
  offeringId: string;
  associationId: string | null;
}

export function enqueue(db: Db, messages: OutboxMessage[], nowIso: string): void {
  const insert = db.prepare(
    `INSERT INTO outbox (endpoint, flow, method, path, body, offering_id, association_id, status, next_attempt_at, created_at)
     VALUES ('planning', ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`,
  );
  for (const message of messages) {
    insert.run(message.flow, message.method, message.path, JSON.stringify(message.body), message.offeringId, message.associationId, nowIso, nowIso);
  }
}

interface OutboxRow {
  item_id: number;
  flow: number;
  method: string;
  path: string;
  body: string;
  offering_id: string;
  association_id: string | null;
  status: OutboxItemView['status'];
  attempts: number;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface OutboxItem extends OutboxItemView {
  body: unknown;
}

function toItem(row: OutboxRow): OutboxItem {
  return {
    itemId: row.item_id,
    flow: row.flow,
    method: row.method,
    path: row.path,
    body: JSON.parse(row.body) as unknown,
    offeringId: row.offering_id,
    associationId: row.association_id,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

/** Queued items whose next attempt is due, oldest first. */
export function dueItems(db: Db, nowIso: string): OutboxItem[] {
  const rows = db
    .prepare(`SELECT * FROM outbox WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY item_id`)
    .all(nowIso) as OutboxRow[];
  return rows.map(toItem);
}

export function listItems(db: Db): OutboxItemView[] {
  const rows = db.prepare('SELECT * FROM outbox ORDER BY item_id').all() as OutboxRow[];
  return rows.map((row) => {
    const { body: _body, ...view } = toItem(row);
    return view;
  });
}

export function countItems(db: Db): OutboxCounts {
  const counts: OutboxCounts = { queued: 0, delivered: 0, rejected: 0 };
  const rows = db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as { status: keyof OutboxCounts; n: number }[];
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export function markDelivered(db: Db, itemId: number, status: number, nowIso: string): void {
  db.prepare(
    `UPDATE outbox SET status = 'delivered', attempts = attempts + 1, last_status = ?, last_error = NULL, delivered_at = ? WHERE item_id = ?`,
  ).run(status, nowIso, itemId);
}

/** Records a failed attempt; the item stays queued until `nextAttemptAt`. */
export function markRetry(db: Db, itemId: number, status: number | null, error: string, nextAttemptAt: string): void {
  db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, last_status = ?, last_error = ?, next_attempt_at = ? WHERE item_id = ?`,
  ).run(status, error, nextAttemptAt, itemId);
}

/** Stops an item that needs a person: the receiver rejected it and resending the same body cannot help. */
export function markRejected(db: Db, itemId: number, status: number | null, error: string): void {
  db.prepare(`UPDATE outbox SET status = 'rejected', attempts = attempts + 1, last_status = ?, last_error = ? WHERE item_id = ?`).run(
    status,
    error,
    itemId,
  );
}
