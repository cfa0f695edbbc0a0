/** SQL of the data-protection work: the register of processings, its controller, and what names a person. */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../../platform/db/database.js';
import { insertOne } from '../../platform/db/insert-one.js';
import { organisations, people } from '../organisation/organisation.tables.js';
import { personalDataControllers, personalDataProcessing, type PersonalDataControllerRow, type PersonalDataProcessingRow } from './privacy.tables.js';
import { firstRow } from '../../platform/db/first-row.js';

/** The final protocols a person appears in: signed, chaired or adjusted, or took part in the meeting's record. */
export async function countFinalProtocolsNaming(db: Db, personId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`
    select count(distinct p.id)::int as n from protocols p
    where p.status = 'final' and (
      p.chair_person_id = ${personId} or p.adjuster_person_id = ${personId}
      or exists (select 1 from protocol_signatures s where s.protocol_id = p.id and s.person_id = ${personId})
      or exists (select 1 from attendance_events a where a.meeting_id = p.meeting_id and a.person_id = ${personId})
      or exists (select 1 from agenda_items i join motions m on m.item_id = i.id where i.meeting_id = p.meeting_id and m.person_id = ${personId})
      or exists (select 1 from agenda_items i join reservations r on r.item_id = i.id where i.meeting_id = p.meeting_id and r.person_id = ${personId})
      or exists (select 1 from agenda_items i join votes v on v.item_id = i.id join vote_ballots b on b.vote_id = v.id where i.meeting_id = p.meeting_id and b.person_id = ${personId})
    )`);
  return row?.n ?? 0;
}

/** Every person with the name of their organisation, by name. */
export async function listPeopleWithOrganisation(db: Db) {
  return db
    .select({ id: people.id, name: people.name, organisationId: people.organisationId, organisation: organisations.name, pseudonymisedAt: people.pseudonymisedAt })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .orderBy(asc(people.name));
}

/** The rows of any table that match `where` (the person export walks every table naming a person). */
export async function selectRowsWhere(db: Db, table: PgTable, where: SQL | undefined): Promise<Record<string, unknown>[]> {
  return (await db.select().from(table).where(where)) as Record<string, unknown>[];
}

export async function findProcessing(db: Db, id: string): Promise<PersonalDataProcessingRow | undefined> {
  return firstRow(db.select().from(personalDataProcessing).where(eq(personalDataProcessing.id, id)));
}

export async function listProcessings(db: Db, committeeId: string): Promise<PersonalDataProcessingRow[]> {
  return db.select().from(personalDataProcessing).where(eq(personalDataProcessing.committeeId, committeeId)).orderBy(asc(personalDataProcessing.name));
}

export async function insertProcessing(tx: Db, values: typeof personalDataProcessing.$inferInsert): Promise<PersonalDataProcessingRow> {
  return insertOne(tx.insert(personalDataProcessing).values(values).returning());
}

export async function updateProcessing(tx: Db, id: string, values: Partial<typeof personalDataProcessing.$inferInsert>): Promise<PersonalDataProcessingRow | undefined> {
  const [row] = await tx.update(personalDataProcessing).set(values).where(eq(personalDataProcessing.id, id)).returning();
  return row;
}

export async function findController(db: Db, committeeId: string): Promise<PersonalDataControllerRow | undefined> {
  return firstRow(db.select().from(personalDataControllers).where(eq(personalDataControllers.committeeId, committeeId)));
}

export async function upsertController(tx: Db, committeeId: string, values: Omit<typeof personalDataControllers.$inferInsert, 'committeeId'>): Promise<PersonalDataControllerRow | undefined> {
  const [row] = await tx
    .insert(personalDataControllers)
    .values({ committeeId, ...values })
    .onConflictDoUpdate({ target: personalDataControllers.committeeId, set: values })
    .returning();
  return row;
}
