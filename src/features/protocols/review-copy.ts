/**
 * The protocol as it was locked for justering (issue 18): stored once per lock, in the lock's
 * transaction, and read back on the review page, so that the chair and the adjuster read exactly
 * what they sign (its digest is the locked one), never a rebuild from the live tables. A final
 * protocol is read from its snapshot instead (protocol-snapshot.ts).
 */
import type { Db } from '../../platform/db/database.js';
import { findReviewCopyRow, insertReviewCopy } from './review.repository.js';
import { protocolDigest, type DigestVersion, type ProtocolDocument } from './protocol.model.js';

export async function storeReviewCopy(tx: Db, copy: { protocolId: string; sha256: string; digestVersion: DigestVersion; document: ProtocolDocument; at: Date }): Promise<void> {
  await insertReviewCopy(tx, { protocolId: copy.protocolId, sha256: copy.sha256, digestVersion: copy.digestVersion, document: { ...copy.document, status: 'locked' }, createdAt: copy.at });
}

export async function findReviewCopy(db: Db, protocolId: string, sha256: string): Promise<ProtocolDocument | undefined> {
  const row = await findReviewCopyRow(db, protocolId, sha256);
  return row ? (row.document as ProtocolDocument) : undefined;
}

/** Whether a document built now is the one locked: only then may it stand in for a missing copy. */
export const isLockedDocument = (document: ProtocolDocument, sha256: string, version: DigestVersion) => protocolDigest(document, version) === sha256;
