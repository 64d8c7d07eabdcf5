import { sqlMigration } from './sql-migration';

/** Scores entered on the spot by an assessor, derived from `result.recorded` events. */
export const migration003Results = sqlMigration(3, 'results', `
  CREATE TABLE result_state (
    association_id TEXT PRIMARY KEY,
    offering_id TEXT NOT NULL,
    score TEXT NOT NULL,
    hlc TEXT NOT NULL
  ) STRICT;

`);
