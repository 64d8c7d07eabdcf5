import type Database from 'better-sqlite3';
import type { Logger } from '../../main/log/logger';
import { migration001Initial } from './001-initial';
import { migration002OkeFields } from './002-oke-fields';
import { migration003Results } from './003-results';
import { migration004Documents } from './004-documents';
import { migration005ProgrammeContext } from './005-programme-context';

export interface Migration {
  version: number;
  run(db: Database.Database, log: Logger): void;
}

/** All migrations, in version order. */
export const migrations: Migration[] = [
  migration001Initial,
  migration002OkeFields,
  migration003Results,
  migration004Documents,
  migration005ProgrammeContext,
];
