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

/**
 * Removes the bytes unless another record still refers to them: tried in a savepoint, so that a
 * foreign key that holds them only undoes the removal, not the caller's transaction.
 */
export async function deleteBlobIfUnreferenced(tx: Db, sha256: string): Promise<void> {
  await tx.transaction(async (sp) => sp.delete(fileBlobs).where(eq(fileBlobs.sha256, sha256))).catch(() => undefined);
}
