import type Database from 'better-sqlite3';
import type { Logger } from '../../main/log/logger';
import type { Migration } from './index';

const version = 3;

/** Scores entered on the spot by an assessor, derived from `result.recorded` events. */
export const migration003Results: Migration = {
  version,
  run(db: Database.Database, log: Logger): void {
    if ((db.pragma('user_version', { simple: true }) as number) >= version) return;

    db.transaction(() => {
      db.exec(`
        CREATE TABLE result_state (
          association_id TEXT PRIMARY KEY,
          offering_id TEXT NOT NULL,
          score TEXT NOT NULL,
          hlc TEXT NOT NULL
        ) STRICT;
      `);
      db.pragma(`user_version = ${version}`);
    })();

    log.info({ version }, 'migration applied: results');
  },
};
