import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { PostForm } from '../../platform/views/forms.js';
import { formatKronor } from '../../domain/money-format.js';
import type { ReportDoc, ReportTable } from './report-doc.js';
import type { CostObjectData, Distribution, InvoiceBasisRow, OutcomeReport } from './reports.js';
import { columnTotal, groupCostObjects, shareOf } from './reports.js';
import { GroupedBarChart, StackedBarChart } from './charts.js';
import { Downloads, yearPath } from './economy.pages.js';
import type { MessageKey } from '../../platform/i18n/i18n.js';
import { BodyCell, DataTable } from '../../platform/views/data-table.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';
import type { OutcomeImportRow } from './economy.tables.js';

/** A report table as HTML: the first cell of a row is its header; amounts right-aligned. */
export function ReportTableView({ table, id }: { table: ReportTable; id?: string }) {
  // Focusable, so that a table wider than the screen can be scrolled from the keyboard.
  return (
    <DataTable caption={table.caption} columns={table.columns} scroll="region" id={id}>
      {table.rows.map((row) => (
        <tr>
          {row.cells.map((cell, i) => {
            const text = typeof cell === 'number' ? formatKronor(cell) : (cell ?? '–');
            return (
              <BodyCell rowHeader={i === 0} numeric={table.columns[i]?.numeric}>
                {row.emphasis === 'total' ? <strong>{text}</strong> : text}
              </BodyCell>
            );
          })}
        </tr>
      ))}
    </DataTable>
  );
}

/** A chart with its table beside it (below it on a narrow screen). */
function ChartWithTable({ chart, table }: { chart: ComponentChildren; table: ComponentChildren }) {
  return (
    <div style="display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start">
      <div style="flex:1 1 24rem;min-width:0">{chart}</div>
      <div style="flex:1 1 20rem;min-width:0">{table}</div>
    </div>
  );
}

function Notes({ notes }: { notes: string[] }) {
  return (
    <>
      {notes.map((n) => (
        <p class="hint">{n}</p>
      ))}
    </>
  );
}

export function OutcomePage(props: {
  ctx: ViewContext;
  committee: OrganisationRow;
  year: number;
  date: string;
  snapshot: OutcomeImportRow | undefined;
  report: OutcomeReport;
  objects: CostObjectData[];
  doc: ReportDoc;
  canManage: boolean;
}) {
  const { ctx, committee, year, date, report, doc } = props;
  const base = yearPath(committee.slug, year);
  const budgetOf = new Map(groupCostObjects(props.objects).map((g) => [g.head.id, g.members.reduce((s, o) => s + o.budgetCost, 0)]));
  const chartRows = report.rows.map((r) => ({ label: r.name, values: [budgetOf.get(r.costObjectId) ?? 0, r.cost] }));
  const used = (budget: number, cost: number) => (budget > 0 ? `${Math.round((cost / budget) * 100)} %` : '–');
  return (
    <Layout ctx={ctx} title={ctx.t('economy.outcome.title', { date })} back={{ href: base, label: ctx.t('economy.backToYear', { year }) }}>
      <form method="get" action={`${base}/utfall`} class="list-search">
        <label for="datum">{ctx.t('economy.outcome.chooseDate')}</label>
        <input id="datum" name="datum" type="date" value={date} />
        <button type="submit">{ctx.t('economy.outcome.show')}</button>
      </form>
      {props.snapshot ? (
        <>
          <p>{ctx.t('economy.outcome.basis', { date: props.snapshot.periodTo, format: ctx.t(`economy.format.${props.snapshot.format}` as MessageKey), created: props.snapshot.createdAt.toISOString().slice(0, 10) })}</p>
          {/* The report's own comment on the result, e.g. why there is a deficit (seed § 19). */}
          {typeof props.snapshot.summary.note === 'string' && <p>{props.snapshot.summary.note}</p>}
        </>
      ) : (
        <p class="notice">{ctx.t('economy.outcome.none', { date })}</p>
      )}
      {report.rows.length > 0 && (
        <>
          <p>
            <strong>{ctx.t(report.totals.deviation < 0 ? 'economy.outcome.deficit' : 'economy.outcome.surplus')}:</strong> {formatKronor(report.totals.deviation)} kr
          </p>
          <Downloads ctx={ctx} path={`${base}/utfall`} query={{ datum: date }} />
          <ReportTableView table={doc.tables[0] ?? { caption: '', columns: [], rows: [] }} id="outcome-table" />
          <Notes notes={doc.notes} />
          <h2>{ctx.t('economy.chart.budgetOutcome', { date })}</h2>
          <ChartWithTable
            chart={
              <GroupedBarChart
                id="chart-budget-outcome"
                title={ctx.t('economy.chart.budgetOutcome', { date })}
                desc={ctx.t('economy.chart.budgetOutcomeDesc')}
                series={[ctx.t('economy.chart.budgetSeries'), ctx.t('economy.chart.outcomeSeries', { date })]}
                rows={chartRows}
              />
            }
            table={
              <ReportTableView
                table={{
                  caption: ctx.t('economy.chart.table'),
                  columns: [
                    { label: ctx.t('economy.col.name'), numeric: false },
                    { label: ctx.t('economy.chart.budgetShort'), numeric: true },
                    { label: ctx.t('economy.chart.outcomeShort'), numeric: true },
                    { label: ctx.t('economy.chart.used'), numeric: true },
                  ],
                  rows: chartRows.map((r) => ({ cells: [r.label, r.values[0] ?? 0, r.values[1] ?? 0, used(r.values[0] ?? 0, r.values[1] ?? 0)] })),
                }}
              />
            }
          />
          {props.canManage && props.snapshot && (
            <>
              <h2>{ctx.t('economy.outcome.comments')}</h2>
              {report.rows.map((r) => (
                <PostForm ctx={ctx} action={`/ekonomi/kostnadsobjekt/${r.costObjectId}/kommentar`} class="comment-form">
                  <input type="hidden" name="periodTo" value={props.snapshot?.periodTo ?? date} />
                  <div class="field">
                    <label for={`comment-${r.costObjectId}`}>{ctx.t('economy.outcome.commentFor', { name: `${r.name} (${formatKronor(r.deviation)} kr)` })}</label>
                    <textarea id={`comment-${r.costObjectId}`} name="comment" rows={2} style="width:100%;font:inherit;padding:.5rem;border:2px solid #4a4a4a;border-radius:4px">
                      {r.comment}
                    </textarea>
                  </div>
                  <p class="actions">
                    <button type="submit" class="secondary">
                      {ctx.t('economy.outcome.saveComment')}
                    </button>
                  </p>
                </PostForm>
              ))}
            </>
          )}
        </>
      )}
    </Layout>
  );
}

export function BudgetForecastPage(props: { ctx: ViewContext; committee: OrganisationRow; year: number; doc: ReportDoc }) {
  const { ctx, committee, year, doc } = props;
  const base = yearPath(committee.slug, year);
  return (
    <Layout ctx={ctx} title={doc.title} back={{ href: base, label: ctx.t('economy.backToYear', { year }) }}>
      <p>{committee.name}</p>
      <Downloads ctx={ctx} path={`${base}/budget-prognos`} />
      {doc.tables.map((table) => (
        <ReportTableView table={table} />
      ))}
      <Notes notes={doc.notes} />
    </Layout>
  );
}

export function DistributionPage(props: { ctx: ViewContext; committee: OrganisationRow; year: number; distribution: Distribution; doc: ReportDoc }) {
  const { ctx, committee, year, distribution: d, doc } = props;
  const base = yearPath(committee.slug, year);
  const columns = d.sections.flatMap((s) => s.columns).filter((c) => c.object.invoicing !== 'supplier' && columnTotal(c) !== null);
  const rows = d.municipalities.map((m) => ({ label: m.name.replace(/s? kommun$/, ''), values: columns.map((c) => shareOf(c, m.id) ?? 0) }));
  return (
    <Layout ctx={ctx} title={doc.title} back={{ href: base, label: ctx.t('economy.backToYear', { year }) }}>
      <p>{committee.name}</p>
      {doc.tables.length === 0 ? <p>{ctx.t('economy.distribution.none')}</p> : <Downloads ctx={ctx} path={`${base}/fordelning`} />}
      {doc.tables.map((table) => (
        <ReportTableView table={table} />
      ))}
      <Notes notes={doc.notes} />
      {columns.length > 0 && (
        <>
          <h2>{ctx.t('economy.chart.shares', { year })}</h2>
          <ChartWithTable
            chart={<StackedBarChart id="chart-shares" title={ctx.t('economy.chart.shares', { year })} desc={ctx.t('economy.chart.sharesDesc')} series={columns.map((c) => c.object.name)} rows={rows} />}
            table={
              <ReportTableView
                table={{
                  caption: ctx.t('economy.chart.sharesTable', { year }),
                  columns: [
                    { label: ctx.t('economy.col.municipality'), numeric: false },
                    { label: ctx.t('economy.col.total'), numeric: true },
                  ],
                  rows: d.municipalities.map((m) => ({ cells: [m.name, columns.reduce((s, c) => s + (shareOf(c, m.id) ?? 0), 0)] })),
                }}
              />
            }
          />
        </>
      )}
    </Layout>
  );
}

export function InvoiceBasisPage(props: { ctx: ViewContext; committee: OrganisationRow; year: number; rows: InvoiceBasisRow[]; doc: ReportDoc }) {
  const { ctx, committee, year, doc } = props;
  const base = yearPath(committee.slug, year);
  return (
    <Layout ctx={ctx} title={doc.title} back={{ href: base, label: ctx.t('economy.backToYear', { year }) }}>
      <p>{ctx.t('economy.invoice.intro')}</p>
      <Downloads ctx={ctx} path={`${base}/fakturaunderlag`} />
      {doc.tables[0] && <ReportTableView table={doc.tables[0]} />}
      {props.rows.map((r) => (
        <details>
          <summary>{ctx.t('economy.invoice.items', { name: r.municipality.name })}</summary>
          <ul>
            {(['advance', 'arrears', 'supplier'] as const).flatMap((kind) =>
              r[kind].map((l) => (
                <li>
                  {ctx.t(`economy.invoicing.${kind}`)}: {l.name} {formatKronor(l.amount)} kr
                </li>
              )),
            )}
          </ul>
        </details>
      ))}
    </Layout>
  );
}
