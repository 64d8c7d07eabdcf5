import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { databaseFileName, openDatabase } from '../../db/connection';
import { migrations } from '../../db/migrations';
import { createQuietLogger } from '../../main/log/logger';
import { makeTempDir } from '../support/processes';

const log = createQuietLogger();

test('migrations reach the newest version', () => {
  const db = openDatabase(makeTempDir(), log);
  assert.equal(db.pragma('user_version', { simple: true }), migrations.at(-1)!.version);
  db.close();
});

test('migrations set WAL and foreign keys', () => {
  const db = openDatabase(makeTempDir(), log);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  db.close();
});

test('migrations rerun without changes', () => {
  const dir = makeTempDir();
  openDatabase(dir, log).close();
  const db = openDatabase(dir, log);
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  assert.ok(tables.n >= 9);
  db.close();
});

test('migrations create strict tables', () => {
  const db = openDatabase(makeTempDir(), log);
  assert.throws(() => db.prepare("INSERT INTO meta (key, value) VALUES ('k', x'00')").run(), /cannot store BLOB/);
  db.close();
});

test('migrations refuse a newer database', () => {
  const dir = makeTempDir();
  openDatabase(dir, log).close();
  const raw = new Database(join(dir, databaseFileName));
  raw.pragma('user_version = 999');
  raw.close();
  assert.throws(() => openDatabase(dir, log), (error: Error & { code?: string }) => error.code === 'db.newerVersion');
});

test('capture log rejects update and delete', () => {
  const db = openDatabase(makeTempDir(), log);
  db.prepare(
    `INSERT INTO capture_event (event_id, hlc, device_id, actor, type, offering_id, association_id, payload, recorded_at)
     VALUES ('e1', 'h1', 'd', 'a', 'offering.opened', 'o1', NULL, '{}', 'now')`,
  ).run();
  assert.throws(() => db.prepare("UPDATE capture_event SET actor = 'b'").run(), /append-only/);
  assert.throws(() => db.prepare('DELETE FROM capture_event').run(), /append-only/);
  db.close();
});
