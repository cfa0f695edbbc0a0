import type { ViewContext } from '../../platform/views/context.js';
import { Layout, withQuery } from '../../platform/views/layout.js';
import { ErrorSummary, SelectField, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import type { MessageKey } from '../../platform/i18n/i18n.js';
import { MAX_CANDIDATES, SEARCH_KINDS, type TSearchHit, type TSearchResult, type TSnippetPart } from './search.schema.js';
import { countText } from '../../platform/i18n/plural.js';

export const PAGE_SIZE = 20;

const kindsLabel = (kind: TSearchHit['kind']): MessageKey => `search.kind.${kind}`;
const kindLabel = (kind: TSearchHit['kind']): MessageKey => `search.kindOne.${kind}`;

/** Highlighted words as <mark>; the text is rendered as text, so Preact escapes it. */
function Snippet({ parts }: { parts: readonly TSnippetPart[] }) {
  return <p class="search-snippet">{parts.map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}</p>;
}

function SearchForm({ ctx, state, bodies }: { ctx: ViewContext; state: FormState; bodies: { id: string; name: string }[] }) {
  const { t } = ctx;
  const labels = { q: t('search.words'), year: t('search.year'), kind: t('search.kind'), classificationCode: t('search.code'), bodyId: t('search.body') };
  return (
    <form method="get" action="/sok" role="search" novalidate>
      <ErrorSummary ctx={ctx} state={state} labels={labels} />
      <TextField ctx={ctx} state={state} name="q" label={labels.q} type="search" hint={t('search.wordsHint')} />
      <details open={Boolean(state.values.year || state.values.kind || state.values.classificationCode || state.values.bodyId)}>
        <summary>{t('search.filters')}</summary>
        <TextField ctx={ctx} state={state} name="year" label={labels.year} inputMode="numeric" />
        <SelectField ctx={ctx} state={state} name="kind" label={labels.kind} empty={t('search.anyKind')} options={SEARCH_KINDS.map((k) => ({ value: k, label: t(kindsLabel(k)) }))} />
        <TextField ctx={ctx} state={state} name="classificationCode" label={labels.classificationCode} hint={t('search.codeHint')} />
        {bodies.length > 0 && <SelectField ctx={ctx} state={state} name="bodyId" label={labels.bodyId} empty={t('search.anyBody')} options={bodies.map((b) => ({ value: b.id, label: b.name }))} />}
      </details>
      <FormActions ctx={ctx} submit={t('search.submit')} />
    </form>
  );
}

function hitsText(ctx: ViewContext, q: string, result: TSearchResult): string {
  if (result.stopWordsOnly) return ctx.t('search.onlyStopWords');
  if (result.total === 0) return ctx.t('search.noHits', { q });
  if (result.capped) return ctx.t('search.count.capped', { q, count: MAX_CANDIDATES });
  return countText(ctx, 'search.count', result.total, { q });
}

function Pagination({ ctx, page, pages }: { ctx: ViewContext; page: number; pages: number }) {
  if (pages <= 1) return null;
  const { t } = ctx;
  const href = (n: number) => withQuery('/sok', ctx.query, { page: n === 1 ? undefined : String(n), lang: undefined });
  return (
    <nav aria-label={t('search.pages')} class="actions">
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          ← {t('search.previous')}
        </a>
      )}
      {Array.from({ length: pages }, (_, i) => i + 1).map((n) =>
        n === page ? (
          <strong aria-current="page">{t('search.pageN', { n })}</strong>
        ) : (
          <a href={href(n)} aria-label={t('search.pageN', { n })}>
            {n}
          </a>
        ),
      )}
      {page < pages && (
        <a href={href(page + 1)} rel="next">
          {t('search.next')} →
        </a>
      )}
    </nav>
  );
}

function Facets({ ctx, result }: { ctx: ViewContext; result: TSearchResult }) {
  const { t } = ctx;
  const link = (change: Record<string, string | undefined>) => withQuery('/sok', ctx.query, { ...change, page: undefined, lang: undefined });
  if (result.facets.years.length + result.facets.kinds.length === 0) return null;
  return (
    <section aria-labelledby="facets-h">
      <h2 id="facets-h">{t('search.facets')}</h2>
      {result.capped && <p class="hint">{t('search.facetsCapped', { count: MAX_CANDIDATES })}</p>}
      <ul>
        {result.facets.kinds.map((f) => (
          <li>
            <a href={link({ kind: f.kind })}>{t(kindsLabel(f.kind))}</a> ({f.count})
          </li>
        ))}
      </ul>
      <ul>
        {result.facets.years.map((f) => (
          <li>
            <a href={link({ year: String(f.year) })}>{f.year}</a> ({f.count})
          </li>
        ))}
      </ul>
    </section>
  );
}

function Hits({ ctx, hits, first }: { ctx: ViewContext; hits: TSearchHit[]; first: number }) {
  return (
    <ol class="search-hits" start={first}>
      {hits.map((hit) => (
        <li>
          <h3>
            <a href={hit.url}>
              {hit.reference} {hit.title}
            </a>
          </h3>
          <p class="hint">
            <span class="badge">{ctx.t(kindLabel(hit.kind))}</span> {hit.year}
          </p>
          <Snippet parts={hit.snippet} />
        </li>
      ))}
    </ol>
  );
}

export function SearchPage(props: { ctx: ViewContext; state: FormState; bodies: { id: string; name: string }[]; result?: TSearchResult | undefined; page?: number }) {
  const { ctx, result, state } = props;
  const { t } = ctx;
  const page = props.page ?? 1;
  const q = state.values.q ?? '';
  const filtered = Boolean(state.values.year || state.values.kind || state.values.classificationCode || state.values.bodyId);
  return (
    <Layout ctx={ctx} title={t('search.title')}>
      <p>{ctx.principal ? t('search.intro.signedIn') : t('search.intro.public')}</p>
      <SearchForm ctx={ctx} state={state} bodies={props.bodies} />
      {result && (
        <section aria-labelledby="results-h">
          <h2 id="results-h">{t('search.results')}</h2>
          <p class="list-count" role="status">
            {hitsText(ctx, q, result)}
          </p>
          {result.total === 0 && filtered && (
            <p>
              <a href={withQuery('/sok', {}, { q })}>{t('search.removeFilters')}</a>
            </p>
          )}
          <Hits ctx={ctx} hits={result.hits} first={(page - 1) * PAGE_SIZE + 1} />
          <Pagination ctx={ctx} page={page} pages={Math.ceil(result.total / PAGE_SIZE)} />
          <Facets ctx={ctx} result={result} />
        </section>
      )}
    </Layout>
  );
}
