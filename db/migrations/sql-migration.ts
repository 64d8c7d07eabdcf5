import type Database from 'better-sqlite3';
import type { Logger } from '../../main/log/logger';
import type { Migration } from './index';

/**
 * Builds a migration that runs one SQL script. It returns early when the
 * database is already at or past `version`, runs the script and sets
 * `user_version` in one transaction, and logs one line.
 */
export function sqlMigration(version: number, description: string, sql: string): Migration {
  return {
    version,
    run(db: Database.Database, log: Logger): void {
      if ((db.pragma('user_version', { simple: true }) as number) >= version) return;

      db.transaction(() => {
        db.exec(sql);
        db.pragma(`user_version = ${version}`);
      })();

      log.info({ version }, `migration applied: ${description}`);
    },
  };
}
