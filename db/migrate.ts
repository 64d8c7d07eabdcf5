import type Database from 'better-sqlite3';
import { AppError } from '../main/errors';
import type { Logger } from '../main/log/logger';
import { migrations } from './migrations';

/** Runs each migration newer than `user_version`, each in its own transaction. */
export function migrate(db: Database.Database, log: Logger, dataDir: string): void {
  const known = migrations.at(-1)?.version ?? 0;
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > known) throw new AppError('db.newerVersion', { dataDir, found, known });

  for (const migration of migrations) {
    migration.run(db, log);
  }
}
