import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { deletedObjects } from './oparl.tables.js';
import { people } from '../organisation/organisation.tables.js';

/**
 * The OParl types whose deletion is kept as a tombstone (`deleted_objects.kind`, lower case).
 * OParl 1.1 "Gelöschte Objekte": a deleted object stays reachable with `deleted: true`, its
 * `created` and, as `modified`, the time of deletion.
 */
export type TombstoneKind = 'agendaitem' | 'membership' | 'meeting' | 'paper' | 'file' | 'person' | 'organization' | 'location' | 'consultation';

export interface Tombstone {
  kind: TombstoneKind;
  objectId: string;
  /**
   * What the object belonged to, so that the body's lists find it: the meeting of an agenda item,
   * the body (organ) of a membership, otherwise the committee (organisation).
   */
  parentId: string | null;
  createdAt: Date;
}

/** Keep a tombstone; call it in the same transaction as the delete. A second call is a no-op. */
export async function recordDeletion(tx: Db, tombstone: Tombstone, deletedAt: Date): Promise<void> {
  await tx.insert(deletedObjects).values({ ...tombstone, deletedAt }).onConflictDoNothing();
}

/**
 * A deleted mandate is a deleted OParl Membership. The person embeds its memberships, so the
 * person counts as changed too (OParl 1.1: deleting a sub-object updates the main object's `modified`).
 */
export async function recordMandateDeletion(tx: Db, mandate: { id: string; personId: string; bodyId: string; createdAt: Date }, deletedAt: Date): Promise<void> {
  await recordDeletion(tx, { kind: 'membership', objectId: mandate.id, parentId: mandate.bodyId, createdAt: mandate.createdAt }, deletedAt);
  await tx.update(people).set({ updatedAt: deletedAt }).where(eq(people.id, mandate.personId));
}
