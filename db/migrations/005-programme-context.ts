import type Database from 'better-sqlite3';
import type { Logger } from '../../main/log/logger';
import type { Migration } from './index';

const version = 5;

/** The programmes a person is enrolled in (flow 1), as JSON, to recognise a candidate at the door. */
export const migration005ProgrammeContext: Migration = {
  version,
  run(db: Database.Database, log: Logger): void {
    if ((db.pragma('user_version', { simple: true }) as number) >= version) return;

    db.transaction(() => {
      db.exec(`ALTER TABLE person ADD COLUMN programmes TEXT NOT NULL DEFAULT '[]';`);
      db.pragma(`user_version = ${version}`);
    })();

    log.info({ version }, 'migration applied: programme context');
  },
};
