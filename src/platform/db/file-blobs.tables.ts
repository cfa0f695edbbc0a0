/**
 * Stored files, by their SHA-256 (documents, sealed PDFs, attachments): Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { bytea } from './columns.js';

/** File contents, addressed by SHA-256 (the database is the default file storage). */
export const fileBlobs = pgTable('file_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
});

/** A column holding the SHA-256 of a stored file (a foreign key to file_blobs), nullable until `.notNull()`. */
export const blobRef = <N extends string>(name: N) => text(name).references(() => fileBlobs.sha256);

/** What a select of each table above returns. */
export type FileBlobRow = typeof fileBlobs.$inferSelect;
