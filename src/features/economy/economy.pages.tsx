import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { formatKronor } from '../../domain/money-format.js';
import type { MessageKey } from '../../platform/i18n/i18n.js';
import { readAllocationKey } from './economy.schema.js';
import type { BudgetForecastReport } from './reports.js';
import { ListOrNone } from '../../platform/views/list-or-none.js';
import type { CostObjectRow, OutcomeImportRow } from './economy.tables.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

export const yearPath = (slug: string, year: number) => `/ekonomi/${encodeURIComponent(slug)}/${year}`;

export function importLabel(ctx: ViewContext, i: OutcomeImportRow): string {
  return ctx.t('economy.import.line', { date: i.periodTo, format: ctx.t(`economy.format.${i.format}` as MessageKey), created: i.createdAt.toISOString().slice(0, 10) });
}

/** The committees whose economy the user may read, with their years. */
export function CommitteesPage(props: { ctx: ViewContext; committees: { slug: string; name: string; years: number[] }[] }) {
  const { ctx } = props;
  const current = Number(ctx.today.slice(0, 4));
  return (
    <Layout ctx={ctx} title={ctx.t('economy.title')} back={{ href: '/' }}>
      <p>{ctx.t('economy.intro')}</p>
      {props.committees.length === 0 && <p>{ctx.t('economy.noCommittees')}</p>}
      {props.committees.map((c) => (
        <section aria-labelledby={`c-${c.slug}`}>
          <h2 id={`c-${c.slug}`}>{c.name}</h2>
          <ul>
            {[...new Set([current + 1, current, ...c.years])]
              .sort((a, b) => b - a)
              .map((year) => (
                <li>
                  <a href={yearPath(c.slug, year)}>{ctx.t('economy.yearTitle', { year })}</a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

const keyLabel = (ctx: ViewContext, row: CostObjectRow) => ctx.t(`economy.key.${readAllocationKey(row.allocationKey).kind}` as MessageKey);

/** The year's overview: cost objects, the budget in short, outcome loaded, and the year's pages. */
export function YearPage(props: {
  ctx: ViewContext;
  committee: OrganisationRow;
  year: number;
  years: number[];
  rows: CostObjectRow[];
  imports: OutcomeImportRow[];
  budget: BudgetForecastReport;
  canManage: boolean;
}) {
  const { ctx, committee, year } = props;
  const base = yearPath(committee.slug, year);
  const columns: Column<CostObjectRow>[] = [
    { key: 'code', label: ctx.t('economy.col.code'), text: (r) => r.code, render: (r) => <a href={`/ekonomi/kostnadsobjekt/${r.id}`}>{r.code}</a>, rowHeader: true },
    {
      key: 'name',
      label: ctx.t('economy.col.name'),
      text: (r) => r.name,
      render: (r) => (
        <>
          {r.name}
          <ExampleMark ctx={ctx} origin={r.origin} />
        </>
      ),
    },
    { key: 'kind', label: ctx.t('economy.col.kind'), text: (r) => ctx.t(`economy.kind.${r.kind}` as MessageKey) },
    { key: 'key', label: ctx.t('economy.col.key'), text: (r) => keyLabel(ctx, r) },
    { key: 'budgetIncome', label: ctx.t('economy.col.budgetIncome'), text: (r) => r.budgetIncome, render: (r) => formatKronor(r.budgetIncome), numeric: true },
    { key: 'budgetCost', label: ctx.t('economy.col.budgetCost'), text: (r) => r.budgetCost, render: (r) => formatKronor(r.budgetCost), numeric: true },
    { key: 'position', label: ctx.t('economy.field.position'), text: (r) => r.position, numeric: true },
  ];
  const links: [string, MessageKey][] = [
    [`${base}/utfall`, 'economy.link.outcome'],
    [`${base}/budget-prognos`, 'economy.link.budget'],
    [`${base}/fordelning`, 'economy.link.distribution'],
    [`${base}/fakturaunderlag`, 'economy.link.invoice'],
    [`${base}/pkv`, 'economy.link.pkv'],
  ];
  if (props.canManage) links.push([`${base}/utfall/manuellt`, 'economy.link.manual'], ['/ekonomi/utfall/importera', 'economy.link.import']);
  const { income, cost, result } = props.budget;
  return (
    <Layout ctx={ctx} title={`${ctx.t('economy.yearTitle', { year })} – ${committee.name}`} back={{ href: '/ekonomi', label: ctx.t('economy.backToEconomy') }}>
      <p>{ctx.t('economy.summary', { year, income: formatKronor(income.total.budget), cost: formatKronor(cost.total.budget), result: formatKronor(result.budget) })}</p>
      <nav aria-labelledby="year-pages">
        <h2 id="year-pages">{ctx.t('economy.pages')}</h2>
        <ul>
          {links.map(([href, label]) => (
            <li>
              <a href={href}>{ctx.t(label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{ctx.t('economy.costObjects')}</h2>
      {props.canManage && (
        <p class="actions">
          <a class="button" href={`${base}/kostnadsobjekt/nytt`}>
            {ctx.t('economy.costObject.new')}
          </a>
        </p>
      )}
      <ListTable ctx={ctx} caption={ctx.t('economy.costObjects')} hideCaption columns={columns} rows={props.rows} defaultSort="position" />
      <h2>{ctx.t('economy.imports')}</h2>
      <ListOrNone items={props.imports} none={ctx.t('economy.imports.none')} item={(i) => <a href={`${base}/utfall?datum=${i.periodTo}`}>{importLabel(ctx, i)}</a>} />
      <h2>{ctx.t('economy.otherYears')}</h2>
      <ul>
        {[...new Set([year + 1, year - 1, ...props.years])]
          .filter((y) => y !== year)
          .sort((a, b) => b - a)
          .map((y) => (
            <li>
              <a href={yearPath(committee.slug, y)}>{ctx.t('economy.yearTitle', { year: y })}</a>
            </li>
          ))}
      </ul>
    </Layout>
  );
}

/** Download links for a report in its other formats. */
export function Downloads(props: { ctx: ViewContext; path: string; query?: Record<string, string> }) {
  const { ctx } = props;
  const link = (format: string) => `${props.path}?${new URLSearchParams({ ...props.query, format }).toString()}`;
  return (
    <p class="actions">
      <span>{ctx.t('economy.download')}:</span>
      <a href={link('pdf')}>{ctx.t('economy.download.pdf')}</a>
      <a href={link('xlsx')}>{ctx.t('economy.download.xlsx')}</a>
      <a href={link('csv')}>{ctx.t('economy.download.csv')}</a>
    </p>
  );
}
