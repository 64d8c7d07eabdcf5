import { sqlMigration } from './sql-migration';

/**
 * Columns for the OKE fields the venue uses beyond the basics: the
 * catalogue's duration and result rules, the offering's duration rules and
 * safety, and the person's preferred name, assigned needs and codes. JSON
 * arrays are stored as TEXT holding JSON.
 */
export const migration002OkeFields = sqlMigration(2, 'OKE fields', `
  ALTER TABLE component ADD COLUMN duration_min REAL;
  ALTER TABLE component ADD COLUMN mode_of_delivery TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE component ADD COLUMN additional_testing_time_min REAL;
  ALTER TABLE component ADD COLUMN available_personal_needs TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE component ADD COLUMN safety TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE component ADD COLUMN exam INTEGER;
  ALTER TABLE component ADD COLUMN result_value_type TEXT;
  ALTER TABLE component ADD COLUMN pass_from TEXT;
  ALTER TABLE component ADD COLUMN status TEXT;
  ALTER TABLE component ADD COLUMN licensed INTEGER;

  ALTER TABLE offering ADD COLUMN duration_min REAL;
  ALTER TABLE offering ADD COLUMN start_option TEXT;
  ALTER TABLE offering ADD COLUMN duration_from TEXT;
  ALTER TABLE offering ADD COLUMN duration_until TEXT;
  ALTER TABLE offering ADD COLUMN last_possible_start_epoch_ms INTEGER;
  ALTER TABLE offering ADD COLUMN safety TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE offering ADD COLUMN other_consumers TEXT NOT NULL DEFAULT '[]';

  ALTER TABLE person ADD COLUMN preferred_name TEXT;
  ALTER TABLE person ADD COLUMN assigned_needs TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE person ADD COLUMN other_codes TEXT NOT NULL DEFAULT '[]';

  ALTER TABLE sync_run ADD COLUMN candidates INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sync_run ADD COLUMN normalisations INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sync_run ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';

  -- What each endpoint's GET / said about itself at the last sync.
  CREATE TABLE endpoint_service (
    endpoint TEXT PRIMARY KEY,
    supported_versions TEXT NOT NULL,
    consumer_version TEXT,
    checked_at TEXT NOT NULL,
    raw TEXT NOT NULL
  ) STRICT;

`);
