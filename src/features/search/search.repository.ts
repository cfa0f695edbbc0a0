import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { queryRows } from '../../platform/db/database.js';
import { searchEntries } from './search.tables.js';

export type SearchEntry = Omit<typeof searchEntries.$inferInsert, 'tsv'>;

/**
 * Keep one searchable thing in the index. Call in the transaction that changes the thing, so
 * that the index never shows what was rolled back and never misses what was saved.
 */
export async function upsertSearchEntry(tx: Db, entry: SearchEntry): Promise<void> {
  const { kind: _kind, refId: _refId, ...rest } = entry;
  await tx
    .insert(searchEntries)
    .values(entry)
    .onConflictDoUpdate({ target: [searchEntries.kind, searchEntries.refId], set: rest });
}

export async function removeSearchEntries(tx: Db, kind: SearchEntry['kind'], refIds: string[]): Promise<void> {
  if (refIds.length === 0) return;
  await tx.delete(searchEntries).where(and(eq(searchEntries.kind, kind), inArray(searchEntries.refId, refIds)));
}

export async function setSearchVisibility(tx: Db, kind: SearchEntry['kind'], refIds: string[], visibility: SearchEntry['visibility']): Promise<void> {
  if (refIds.length === 0) return;
  await tx.update(searchEntries).set({ visibility }).where(and(eq(searchEntries.kind, kind), inArray(searchEntries.refId, refIds)));
}

export type SearchKind = 'case' | 'document' | 'file' | 'paragraph';

/** Who may find what: the open visibilities, and the organisations whose restricted entries count. */
export interface VisibilityScope {
  /** Organisations where the reader holds a role: internal entries of their cooperations (committee and members) count. */
  memberOf: string[];
  /** Organisations where the reader may read secret documents (their municipalities are added in SQL). */
  restrictedIn: string[];
}

export interface SearchFilter {
  scope: VisibilityScope;
  year?: number | undefined;
  classificationCode?: string | undefined;
  bodyId?: string | undefined;
  kind?: SearchKind | undefined;
}

export interface HitRow {
  kind: SearchKind;
  refId: string;
  reference: string;
  title: string;
  url: string;
  year: number;
  rank: number;
  headline: string;
}

export interface FacetRow {
  kind: SearchKind;
  year: number;
  n: number;
}

/**
 * What PostgreSQL makes of the words (quoted phrases, `or`, `-word`, Swedish stems), and the
 * planner's count of rows in the index (-1 or 0 before the first ANALYZE).
 */
export async function parseWebQuery(db: Db, q: string): Promise<{ tsquery: string; tableRows: number }> {
  const [row] = await queryRows<{ query: string; rows: number }>(
    db,
    sql`select websearch_to_tsquery('swedish', ${q})::text as query, (select reltuples::float8 from pg_class where oid = 'search_entries'::regclass) as rows`,
  );
  return { tsquery: row?.query ?? '', tableRows: row?.rows ?? 0 };
}

function whereClause(filter: SearchFilter, match: SQL): SQL {
  const { scope } = filter;
  const restricted = scope.restrictedIn.length
    ? sql` or (e.visibility = 'restricted' and (e.organisation_id = any(${sql.param(scope.restrictedIn)}::uuid[])
          or e.organisation_id in (select o.id from organisations o where o.committee_id = any(${sql.param(scope.restrictedIn)}::uuid[]))))`
    : sql``;
  const internal = scope.memberOf.length
    ? sql` or (e.visibility = 'internal' and e.organisation_id in (
          select o.id from organisations o
          where coalesce(case when o.kind = 'municipality' then o.committee_id end, o.id) in (
            select coalesce(case when g.kind = 'municipality' then g.committee_id end, g.id) from organisations g
            where g.id = any(${sql.param(scope.memberOf)}::uuid[]))))`
    : sql``;
  return sql`${match}
    and (e.visibility = 'public'${internal}${restricted})
    ${filter.year !== undefined ? sql`and e.year = ${filter.year}` : sql``}
    ${filter.classificationCode ? sql`and e.classification_code = ${filter.classificationCode}` : sql``}
    ${filter.bodyId ? sql`and e.body_id = ${filter.bodyId}` : sql``}
    ${filter.kind ? sql`and e.kind = ${filter.kind}` : sql``}`;
}

/**
 * The planner's estimate of the share of rows that match: the query plan choice below rests on
 * it. Zero when the table has no statistics yet (then the index is always the right choice).
 */
export async function estimateMatchShare(db: Db, options: { tsquery: string; filter: SearchFilter; tableRows: number }): Promise<number> {
  const { tsquery, filter, tableRows } = options;
  if (tableRows <= 0) return 0;
  const [plan] = await queryRows<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(
    db,
    sql`explain (format json) select 1 from search_entries e where ${whereClause(filter, sql`e.tsv @@ ${tsquery}::tsquery`)}`,
  );
  const rows = plan?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0;
  return rows / tableRows;
}

/**
 * One statement: the first `candidates` matching rows (in table order), ranked with ts_rank_cd;
 * a page of them with ts_headline snippets; and counts per kind and year of all candidates.
 *
 * `scan` reads the table in order and stops at the last candidate, instead of reading the GIN
 * index's whole list for every word (`ts_match_vq` is the function behind `@@`, which the
 * planner cannot send to the index). That is much faster when many rows match: the lists of
 * common words are long, and the candidates are found after a few thousand rows.
 */
export async function findEntries(db: Db, options: { tsquery: string; filter: SearchFilter; candidates: number; limit: number; offset: number; scan: boolean; headlineOptions: string }) {
  const { tsquery, filter } = options;
  const match = options.scan ? sql`ts_match_vq(e.tsv, ${tsquery}::tsquery)` : sql`e.tsv @@ ${tsquery}::tsquery`;
  const [row] = await queryRows<{ facets: FacetRow[] | null; hits: HitRow[] | null }>(
    db,
    sql`with matched as materialized (
          select e.kind, e.ref_id, e.year, ts_rank_cd(e.tsv, ${tsquery}::tsquery) as rank
          from search_entries e
          where ${whereClause(filter, match)}
          limit ${options.candidates}
        ),
        page as (
          select * from matched order by rank desc, year desc, kind, ref_id limit ${options.limit} offset ${options.offset}
        )
        select
          (select json_agg(f) from (select kind, year, count(*)::int as n from matched group by kind, year) f) as facets,
          (select json_agg(h order by h.rank desc, h.year desc, h.kind, h."refId") from (
             select p.kind, p.ref_id as "refId", s.reference, s.title, s.url, s.year, p.rank,
                    ts_headline('swedish', case when s.content = '' then s.title else left(s.content, 100000) end, ${tsquery}::tsquery, ${options.headlineOptions}) as headline
             from page p join search_entries s on s.kind = p.kind and s.ref_id = p.ref_id) h) as hits`,
  );
  return { facets: row?.facets ?? [], hits: row?.hits ?? [] };
}

/** The bodies a reader may filter by: all for the signed-in, the public ones otherwise. */
export async function listBodies(db: Db, includeClosed: boolean): Promise<{ id: string; name: string }[]> {
  return queryRows(db, sql`select id, name from bodies ${includeClosed ? sql`` : sql`where is_public`} order by name`);
}
