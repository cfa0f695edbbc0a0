/** SQL of the file contents kept in the database (file_blobs), stored once per SHA-256. */
import { eq } from 'drizzle-orm';
import type { Db } from './database.js';
import { fileBlobs } from './file-blobs.tables.js';

export async function insertBlob(tx: Db, blob: { sha256: string; content: Buffer }): Promise<void> {
  await tx.insert(fileBlobs).values({ sha256: blob.sha256, size: blob.content.length, content: blob.content }).onConflictDoNothing();
}

export async function findBlobContent(db: Db, sha256: string): Promise<Buffer | undefined> {
  const [row] = await db.select({ content: fileBlobs.content }).from(fileBlobs).where(eq(fileBlobs.sha256, sha256));
  return row?.content;
}
