import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { findBlobContent, insertBlob } from '../../platform/db/file-blobs.repository.js';

/**
 * Where file contents live. The default keeps them in the database, so that a backup and
 * several app servers need nothing else; another store (a disk, S3) implements the same two calls.
 */
export interface FileStorage {
  /** Store the bytes (inside the caller's transaction when the store is the database); returns their SHA-256. */
  put(tx: Db, bytes: Buffer): Promise<{ sha256: string; size: number }>;
  get(db: Db, sha256: string): Promise<Buffer | undefined>;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const databaseFileStorage: FileStorage = {
  async put(tx, bytes) {
    const sha256 = sha256Hex(bytes);
    await insertBlob(tx, { sha256, content: bytes });
    return { sha256, size: bytes.length };
  },
  get: findBlobContent,
};
