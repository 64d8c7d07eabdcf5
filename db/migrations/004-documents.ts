import { sqlMigration } from './sql-migration';

/** Documents made when a zitting closes; the PDF files live in `<data dir>/documents/`. */
export const migration004Documents = sqlMigration(4, 'documents', `
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
