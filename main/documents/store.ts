/** Stores a zitting's documents: the PDF in `<data dir>/documents/`, a row in the `document` table. */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connection';

export type DocumentType = 'sessionReport' | 'attendanceReport';

export interface PreparedDocument {
  documentId: string;
  documentType: DocumentType;
  documentName: string;
  fileName: string;
  sha256: string;
}

export function documentsDir(dataDir: string): string {
  return join(dataDir, 'documents');
}

/** Replaces separators, control and reserved characters so that every file system accepts the name. */
export function safeFileName(text: string): string {
  const withoutControl = [...text].map((char) => (char.charCodeAt(0) < 0x20 ? '-' : char)).join('');
  return withoutControl
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

/** Writes the file before the transaction that records it, so a stored row always has its file. */
export function writeDocumentFile(dataDir: string, documentType: DocumentType, documentName: string, content: Buffer): PreparedDocument {
  const documentId = randomUUID();
  const fileName = `${documentId}.pdf`;
  mkdirSync(documentsDir(dataDir), { recursive: true });
  writeFileSync(join(documentsDir(dataDir), fileName), content);
  return { documentId, documentType, documentName, fileName, sha256: createHash('sha256').update(content).digest('hex') };
}

export function discardDocumentFiles(dataDir: string, documents: PreparedDocument[]): void {
  for (const document of documents) rmSync(join(documentsDir(dataDir), document.fileName), { force: true });
}

export function recordDocuments(db: Db, offeringId: string, documents: PreparedDocument[], createdAt: string): void {
  const insert = db.prepare(
    `INSERT INTO document (document_id, offering_id, document_type, document_name, file_name, sha256, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const d of documents) insert.run(d.documentId, offeringId, d.documentType, d.documentName, d.fileName, d.sha256, createdAt);
}
