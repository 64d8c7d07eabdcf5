import { sqlMigration } from './sql-migration';

/** The programmes a person is enrolled in (flow 1), as JSON, to recognise a candidate at the door. */
export const migration005ProgrammeContext = sqlMigration(5, 'programme context', `
  ALTER TABLE person ADD COLUMN programmes TEXT NOT NULL DEFAULT '[]';
`);
