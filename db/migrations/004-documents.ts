import type Database from 'better-sqlite3';
import type { Logger } from '../../main/log/logger';
import type { Migration } from './index';

const version = 4;

/** Documents made when a zitting closes; the PDF files live in `<data dir>/documents/`. */
export const migration004Documents: Migration = {
  version,
  run(db: Database.Database, log: Logger): void {
    if ((db.pragma('user_version', { simple: true }) as number) >= version) return;

    db.transaction(() => {
      db.exec(`
        CREATE TABLE document (
          document_id TEXT PRIMARY KEY,
          offering_id TEXT NOT NULL,
          document_type TEXT NOT NULL,
          document_name TEXT NOT NULL,
          file_name TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX document_by_offering ON document (offering_id);
      `);
      db.pragma(`user_version = ${version}`);
    })();

    log.info({ version }, 'migration applied: documents');
  },
};
