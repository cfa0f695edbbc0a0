import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.js';
import { withQuery } from './layout.js';
import { BodyCell } from './data-table.js';

const collator = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

/** A column of a searchable, sortable list. */
export interface Column<T> {
  key: string;
  label: string;
  /** The text the column sorts and searches by. */
  text: (row: T) => string | number;
  render?: (row: T) => ComponentChildren;
  /** Column is the row's header cell (for screen readers). */
  rowHeader?: boolean;
  /** Numbers: right-aligned so that digits line up. */
  numeric?: boolean;
}

export interface ListQuery {
  q: string;
  sort: string;
  dir: 'asc' | 'desc';
}

export function readListQuery(query: Record<string, string>, defaultSort: string): ListQuery {
  return { q: (query.q ?? '').trim(), sort: query.sort || defaultSort, dir: query.dir === 'desc' ? 'desc' : 'asc' };
}

/** Filter by the search words (every word must match some column) and sort in Swedish order. */
export function applyListQuery<T>(rows: readonly T[], columns: readonly Column<T>[], lq: ListQuery): T[] {
  const words = lq.q.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  const filtered = words.length
    ? rows.filter((row) => {
        const hay = columns.map((c) => String(c.text(row))).join(' ').toLocaleLowerCase('sv');
        return words.every((w) => hay.includes(w));
      })
    : [...rows];
  const column = columns.find((c) => c.key === lq.sort) ?? columns[0];
  if (!column) return filtered;
  const sign = lq.dir === 'desc' ? -1 : 1;
  return filtered.sort((a, b) => {
    const x = column.text(a);
    const y = column.text(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
  });
}

export function ListTable<T>(props: {
  ctx: ViewContext;
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  defaultSort: string;
  searchId?: string;
  /** The caption repeats the heading just above: keep it for screen readers only. */
  hideCaption?: boolean;
}) {
  const { ctx, columns } = props;
  const lq = readListQuery(ctx.query, props.defaultSort);
  const shown = applyListQuery(props.rows, columns, lq);
  const id = props.searchId ?? 'list';
  return (
    <section class="list" aria-labelledby={`${id}-caption`}>
      <form method="get" action={ctx.path} class="list-search" role="search">
        <label for={`${id}-q`}>{ctx.t('common.searchLabel')}</label>
        <input id={`${id}-q`} name="q" type="search" value={lq.q} />
        {lq.sort !== props.defaultSort && <input type="hidden" name="sort" value={lq.sort} />}
        {lq.dir === 'desc' && <input type="hidden" name="dir" value="desc" />}
        {/* Other filters on the page (body, year, …) stay when searching. */}
        {Object.entries(ctx.query)
          .filter(([k]) => !['q', 'sort', 'dir', 'lang'].includes(k))
          .map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}
        <button type="submit">{ctx.t('common.search')}</button>
        {lq.q && <a href={withQuery(ctx.path, ctx.query, { q: undefined })}>{ctx.t('common.clear')}</a>}
      </form>
      <p class="list-count" aria-live="polite">
        {ctx.t('common.showing', { shown: shown.length, total: props.rows.length })}
      </p>
      <div class="table-scroll">
        <table>
          <caption id={`${id}-caption`} class={props.hideCaption ? 'visually-hidden' : undefined}>
            {props.caption}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = c.key === lq.sort;
                const nextDir = active && lq.dir === 'asc' ? 'desc' : 'asc';
                return (
                  <th scope="col" class={c.numeric ? 'num' : undefined} aria-sort={active ? (lq.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    <a href={withQuery(ctx.path, ctx.query, { sort: c.key, dir: nextDir === 'asc' ? undefined : 'desc' })} aria-label={ctx.t('common.sortBy', { column: c.label })}>
                      {c.label}
                      <span aria-hidden="true">{active ? (lq.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </a>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr>
                {columns.map((c) => (
                  <BodyCell rowHeader={c.rowHeader} numeric={c.numeric}>
                    {c.render ? c.render(row) : String(c.text(row))}
                  </BodyCell>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p>{lq.q ? ctx.t('common.noMatches') : ctx.t('common.none')}</p>}
    </section>
  );
}
