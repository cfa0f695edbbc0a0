import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { annualCycleItems, meetings, type AnnualCycleItemRow, type MeetingRow, type AgendaItemRow } from '../meetings.tables.js';
import { bodies, organisations, type BodyRow } from '../../organisation/organisation.tables.js';
import { insertOne } from '../../../platform/db/insert-one.js';
import { firstRow } from '../../../platform/db/first-row.js';

export async function listBodies(db: Db): Promise<BodyRow[]> {
  return db.select().from(bodies).orderBy(asc(bodies.name));
}

/** An agenda item as the meeting page shows it, with its case number's parts when it has a case. */
export interface MeetingPageItem {
  id: string;
  position: number;
  kind: AgendaItemRow['kind'];
  heading: string;
  isSecret: boolean;
  caseId: string | null;
  caseYear: number | null;
  caseNumber: number | null;
  classificationCode: string | null;
  /** 'demo': an item the demo invented, shown as Exempeldata. */
  origin: AgendaItemRow['origin'];
}

export interface MeetingPageRow {
  meeting: MeetingRow;
  body: BodyRow;
  /**
   * Who may read the meeting: the committee of the body's organisation and those of its member
   * municipalities that are among the reader's organisations (the policy check needs no others;
   * a national committee has hundreds).
   */
  cooperationIds: string[];
  /** In agenda order. */
  items: MeetingPageItem[];
  cycleItems: Pick<AnnualCycleItemRow, 'month' | 'title' | 'matchWords'>[];
}

/** The body's organisation's committee (itself when it is one), as `committeeIdOf` finds it. */
const committeeOfBody = sql`(case when ${organisations.kind} = 'municipality' and ${organisations.committeeId} is not null then ${organisations.committeeId} else ${organisations.id} end)`;

function prepareMeetingPage(db: Db) {
  return db
    .select({
      meeting: meetings,
      body: bodies,
      // The reader's organisations come as one comma-separated parameter, so that the statement is always the same.
      cooperationIds: sql<string[]>`array[${committeeOfBody}::text] || array(
        select o.id::text from organisations o
        where o.committee_id = ${committeeOfBody} and o.id = any(string_to_array(${sql.placeholder('readers')}, ',')::uuid[]))`,
      items: sql<MeetingPageItem[]>`coalesce((
        select json_agg(json_build_object(
          'id', i.id, 'position', i.position, 'kind', i.kind, 'heading', i.heading, 'isSecret', i.is_secret, 'caseId', i.case_id,
          'caseYear', c.year, 'caseNumber', c.number, 'classificationCode', c.classification_code, 'origin', i.origin) order by i.position)
        from agenda_items i left join cases c on c.id = i.case_id
        where i.meeting_id = ${meetings.id}), '[]'::json)`,
      cycleItems: sql<MeetingPageRow['cycleItems']>`coalesce((
        select json_agg(json_build_object('month', a.month, 'title', a.title, 'matchWords', a.match_words))
        from annual_cycle_items a where a.body_id = ${bodies.id}), '[]'::json)`,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(organisations, eq(organisations.id, bodies.organisationId))
    .where(eq(meetings.id, sql.placeholder('meetingId')))
    .prepare('kansli_meeting_page');
}

/** Built once per database: building a statement of this size costs more CPU than running it. */
const meetingPageQueries = new WeakMap<Db, ReturnType<typeof prepareMeetingPage>>();

/**
 * Everything the members' meeting page reads, in one prepared statement (one round trip instead
 * of seven): the meeting, its body, the cooperation that may read it (as far as
 * `readerOrganisationIds` reach), the agenda with case numbers and the body's annual cycle.
 * Undefined when the meeting does not exist.
 */
export async function findMeetingPage(db: Db, meetingId: string, readerOrganisationIds: readonly string[]): Promise<MeetingPageRow | undefined> {
  let query = meetingPageQueries.get(db);
  if (!query) meetingPageQueries.set(db, (query = prepareMeetingPage(db)));
  const [row] = await query.execute({ meetingId, readers: readerOrganisationIds.join(',') });
  return row ? { ...row, cycleItems: sortCycleItems(row.cycleItems) } : undefined;
}

const collator = new Intl.Collator('sv');

/** By month, then title in Swedish order (the same on PGlite and PostgreSQL, whatever their collation). */
export async function listCycleItems(db: Db, bodyId: string): Promise<AnnualCycleItemRow[]> {
  return sortCycleItems(await db.select().from(annualCycleItems).where(eq(annualCycleItems.bodyId, bodyId)));
}

function sortCycleItems<T extends { month: number; title: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.month - b.month || collator.compare(a.title, b.title));
}

export async function findCycleItem(db: Db, id: string): Promise<AnnualCycleItemRow | undefined> {
  return firstRow(db.select().from(annualCycleItems).where(eq(annualCycleItems.id, id)));
}

export async function insertMeeting(tx: Db, values: Omit<typeof meetings.$inferInsert, 'id'>): Promise<MeetingRow> {
  return insertOne(tx.insert(meetings).values(values).returning());
}

/** Changes the schedule of a meeting (or cancels it). */
export async function updateMeeting(tx: Db, id: string, change: Partial<typeof meetings.$inferInsert>): Promise<void> {
  await tx.update(meetings).set(change).where(eq(meetings.id, id));
}

export async function insertCycleItem(tx: Db, values: Omit<typeof annualCycleItems.$inferInsert, 'id'>): Promise<{ id: string }> {
  return insertOne(tx.insert(annualCycleItems).values(values).returning({ id: annualCycleItems.id }));
}

export async function deleteCycleItem(tx: Db, id: string): Promise<void> {
  await tx.delete(annualCycleItems).where(eq(annualCycleItems.id, id));
}
