import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { parseInput } from '../../platform/validation.js';
import { holdsRoleAnywhere, organisationsWhere, type Principal } from '../../platform/auth/policy.js';
import * as repo from './search.repository.js';
import { refineTsquery } from './search-query.js';
import { MAX_CANDIDATES, SEARCH_KINDS, ZSearchQuery, type TSearchHit, type TSearchResult, type TSnippetPart } from './search.schema.js';

/** Sentinels for ts_headline's highlights: private-use characters, replaced before anything is shown. */
const START = '\uE000';
const STOP = '\uE001';
const HEADLINE_OPTIONS = `StartSel="${START}", StopSel="${STOP}", MaxFragments=2, MaxWords=30, MinWords=10`;

/**
 * Above this share of matching rows, reading the table in order finds the candidates sooner than
 * the GIN index (a scan reads about MAX_CANDIDATES / share rows; see findEntries). Measured on
 * the 1,000,000-row benchmark: the two cross at about 1.3 % (docs/PERFORMANCE.md).
 */
export const SCAN_SHARE = 0.0125;

/**
 * Who may find what. The public finds public entries; signed-in users also internal ones;
 * restricted (secret) entries only where the reader may read secret documents — in that
 * organisation or, for a grant in the committee, in its municipalities (as registry.service does).
 */
export function visibilityScope(principal: Principal | null): repo.VisibilityScope {
  return { memberOf: organisationsWhere(principal, 'registry.read'), restrictedIn: organisationsWhere(principal, 'registry.readSecret') };
}

/** Split ts_headline's output at the sentinels; the text stays text (escaped when rendered). */
export function snippetParts(headline: string): TSnippetPart[] {
  const parts: TSnippetPart[] = [];
  const push = (text: string, mark: boolean) => {
    const clean = text.replace(/[\uE000\uE001]/g, '').replace(/\s+/g, ' ');
    if (clean) parts.push({ text: clean, mark });
  };
  let last = 0;
  for (const m of headline.matchAll(/\uE000([^\uE000\uE001]*)\uE001/g)) {
    push(headline.slice(last, m.index), false);
    push(m[1] ?? '', true);
    last = m.index + m[0].length;
  }
  push(headline.slice(last), false);
  return parts;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The snippet as HTML for API clients: every text escaped first, then the marks added. */
export function snippetHtml(parts: readonly TSnippetPart[]): string {
  return parts.map((p) => (p.mark ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}

/** The public may not open the signed-in registry pages; its hits lead to the public registry. */
function publicUrl(url: string): string {
  return url.replace(/^\/arenden\//, '/diarium/arenden/').replace(/^\/handlingar\//, '/diarium/');
}

function presentFacets(rows: repo.FacetRow[]): TSearchResult['facets'] {
  const years = new Map<number, number>();
  const kinds = new Map<repo.SearchKind, number>();
  for (const r of rows) {
    years.set(r.year, (years.get(r.year) ?? 0) + r.n);
    kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + r.n);
  }
  return {
    years: [...years].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ year, count })),
    kinds: SEARCH_KINDS.filter((k) => kinds.has(k)).map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
  };
}

const STOP_WORDS_ONLY: TSearchResult = { total: 0, capped: false, stopWordsOnly: true, hits: [], facets: { years: [], kinds: [] } };

export function createSearchService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;

  return {
    /** Full-text search over the search index, showing only what this reader may see. */
    async search(principal: Principal | null, raw: unknown): Promise<TSearchResult> {
      const scope = visibilityScope(principal);
      const input = parseInput(ZSearchQuery, raw);
      const parsed = await repo.parseWebQuery(db, input.q);
      const tsquery = refineTsquery(parsed.tsquery);
      if (!tsquery) return STOP_WORDS_ONLY;
      const filter: repo.SearchFilter = { scope, year: input.year, classificationCode: input.classificationCode, bodyId: input.bodyId, kind: input.kind };
      const scan = (await repo.estimateMatchShare(db, { tsquery, filter, tableRows: parsed.tableRows })) >= SCAN_SHARE;
      const found = await repo.findEntries(db, {
        tsquery,
        filter,
        candidates: MAX_CANDIDATES + 1,
        limit: input.limit ?? 20,
        offset: Math.min(input.offset ?? 0, MAX_CANDIDATES),
        scan,
        headlineOptions: HEADLINE_OPTIONS,
      });
      const counted = found.facets.reduce((sum, f) => sum + f.n, 0);
      const hits = found.hits.map(
        (h): TSearchHit => ({ kind: h.kind, reference: h.reference, title: h.title, snippet: snippetParts(h.headline), url: principal ? h.url : publicUrl(h.url), year: h.year, rank: h.rank }),
      );
      return { total: Math.min(counted, MAX_CANDIDATES), capped: counted > MAX_CANDIDATES, stopWordsOnly: false, hits, facets: presentFacets(found.facets) };
    },

    /** The bodies to filter by. */
    async filterOptions(principal: Principal | null) {
      return { bodies: await repo.listBodies(db, holdsRoleAnywhere(principal, 'registry.read')) };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
