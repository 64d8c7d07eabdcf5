/**
 * Opens the venue store: one SQLite file per data directory, in WAL mode with
 * foreign keys on, migrated to the newest schema before first use.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../main/log/logger';
import { migrate } from './migrate';

export type Db = Database.Database;

export const databaseFileName = 'oke-lokaal.sqlite';

export function openDatabase(dataDir: string, log: Logger): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, databaseFileName));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // NORMAL is durable in WAL mode across application crashes; only a power cut
  // may lose the last commits, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db, log, dataDir);
  return db;
}
