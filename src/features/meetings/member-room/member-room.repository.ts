/** SQL of the members' meeting room beyond the meetings repository. */
import { count, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { agendaItems } from '../meetings.tables.js';
import { organisations } from '../../organisation/organisation.tables.js';

/** The number of agenda items of each meeting. */
export async function itemCountsOf(db: Db, meetingIds: string[]): Promise<Map<string, number>> {
  if (meetingIds.length === 0) return new Map();
  const rows = await db.select({ meetingId: agendaItems.meetingId, n: count() }).from(agendaItems).where(inArray(agendaItems.meetingId, meetingIds)).groupBy(agendaItems.meetingId);
  return new Map(rows.map((r) => [r.meetingId, Number(r.n)]));
}

/** The names of the given organisations, by id. */
export async function municipalityNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
