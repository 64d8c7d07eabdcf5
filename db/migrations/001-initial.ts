import { sqlMigration } from './sql-migration';

export const migration001Initial = sqlMigration(1, 'initial schema', `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  -- Reference data: replaced by every sync, never the source of capture.
  -- raw keeps the upstream JSON so fields this version does not map are not lost.
  CREATE TABLE component (
    component_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    abbreviation TEXT,
    raw TEXT NOT NULL,
    synced_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE person (
    person_id TEXT PRIMARY KEY,
    student_number TEXT,
    given_name TEXT,
    surname_prefix TEXT,
    surname TEXT,
    display_name TEXT NOT NULL,
    id_check_name TEXT,
    raw TEXT NOT NULL,
    synced_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE offering (
    offering_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    component_id TEXT,
    location_code TEXT,
    start_date_time TEXT NOT NULL,
    end_date_time TEXT NOT NULL,
    -- epoch milliseconds and the venue-local date, for day queries
    start_epoch_ms INTEGER NOT NULL,
    end_epoch_ms INTEGER NOT NULL,
    start_local_date TEXT NOT NULL,
    offering_state TEXT NOT NULL,
    raw TEXT NOT NULL,
    synced_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX offering_by_day ON offering (start_local_date, location_code, start_epoch_ms);

  CREATE TABLE association (
    association_id TEXT PRIMARY KEY,
    offering_id TEXT NOT NULL REFERENCES offering (offering_id),
    person_id TEXT,
    role TEXT NOT NULL,
    state TEXT NOT NULL,
    additional_time_min INTEGER,
    personal_needs TEXT NOT NULL DEFAULT '[]',
    raw TEXT NOT NULL,
    synced_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX association_by_offering ON association (offering_id, role);

  -- Capture: an append-only log. State tables below are derived from it
  -- in the same transaction that appends.
  CREATE TABLE capture_event (
    event_id TEXT PRIMARY KEY,
    hlc TEXT NOT NULL UNIQUE,
    device_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    type TEXT NOT NULL,
    offering_id TEXT NOT NULL,
    association_id TEXT,
    payload TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX capture_event_by_offering ON capture_event (offering_id, hlc);

  CREATE TRIGGER capture_event_no_update BEFORE UPDATE ON capture_event
  BEGIN SELECT RAISE(ABORT, 'capture_event is append-only'); END;
  CREATE TRIGGER capture_event_no_delete BEFORE DELETE ON capture_event
  BEGIN SELECT RAISE(ABORT, 'capture_event is append-only'); END;

  CREATE TABLE attendance_state (
    association_id TEXT PRIMARY KEY,
    offering_id TEXT NOT NULL,
    attendance TEXT NOT NULL,
    note TEXT,
    hlc TEXT NOT NULL
  ) STRICT;

  CREATE TABLE offering_capture_state (
    offering_id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    irregularities TEXT,
    irregularities_hlc TEXT,
    opened_hlc TEXT,
    closed_hlc TEXT
  ) STRICT;

  -- Delivery: messages written when a zitting closes, drained by the sender.
  CREATE TABLE outbox (
    item_id INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint TEXT NOT NULL,
    flow INTEGER NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    body TEXT NOT NULL,
    offering_id TEXT NOT NULL,
    association_id TEXT,
    status TEXT NOT NULL CHECK (status IN ('queued', 'delivered', 'rejected')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_status INTEGER,
    next_attempt_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    delivered_at TEXT
  ) STRICT;
  CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

  CREATE TABLE sync_run (
    run_id INTEGER PRIMARY KEY AUTOINCREMENT,
    finished_at TEXT NOT NULL,
    components INTEGER NOT NULL,
    offerings INTEGER NOT NULL,
    associations INTEGER NOT NULL,
    persons INTEGER NOT NULL
  ) STRICT;

`);
