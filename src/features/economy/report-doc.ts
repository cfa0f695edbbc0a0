/**
 * The reports as plain tables (title, tables, notes): one value rendered alike to HTML, PDF/A,
 * XLSX and CSV (the files in Swedish, as the committee files them). Amounts are whole kronor.
 */
import { formatKronor } from '../../domain/money-format.js';
import type { Locale, MessageKey, Translate } from '../../platform/i18n/i18n.js';
import type { BudgetForecastReport, Distribution, InvoiceBasisRow, OutcomeReport } from './reports.js';
import { columnTotal, shareOf } from './reports.js';
import { writeCsv } from '../../platform/csv-writer.js';
import { withExampleMark } from '../../platform/views/example-data.js';

export type Cell = string | number | null;

export interface ReportTable {
  caption: string;
  columns: { label: string; numeric: boolean }[];
  rows: { cells: Cell[]; emphasis?: 'total'; /** The cost object a row stands for. */ key?: string }[];
}

export interface ReportDoc {
  /** File name without extension, ASCII. */
  fileName: string;
  title: string;
  subtitle: string;
  tables: ReportTable[];
  notes: string[];
}

type T = Translate;

export function outcomeDoc(t: T, options: { committee: string; year: number; date: string; report: OutcomeReport; basis: string | null }): ReportDoc {
  const { report } = options;
  return {
    fileName: `utfall-${options.date}`,
    title: t('economy.outcome.title', { date: options.date }),
    subtitle: [options.committee, options.basis].filter(Boolean).join(' · '),
    tables: [
      {
        caption: t('economy.outcome.caption'),
        columns: [
          { label: t('economy.col.name'), numeric: false },
          { label: t('economy.col.income'), numeric: true },
          { label: t('economy.col.cost'), numeric: true },
          { label: t('economy.col.deviation'), numeric: true },
          { label: t('economy.col.comment'), numeric: false },
        ],
        rows: [
          ...report.rows.map((r) => ({ key: r.costObjectId, cells: [r.name, r.income, r.cost, r.deviation, r.comment] as Cell[] })),
          { cells: [t('economy.col.total'), report.totals.income, report.totals.cost, report.totals.deviation, ''], emphasis: 'total' as const },
        ],
      },
    ],
    notes: [t('economy.outcome.deviationNote')],
  };
}

/** The operating result under the cost total, as the seed sets it. */
function withResult(table: ReportTable, cells: Cell[]): ReportTable {
  return { ...table, rows: [...table.rows, { cells, emphasis: 'total' }] };
}

export function budgetForecastDoc(t: T, options: { committee: string; year: number; report: BudgetForecastReport }): ReportDoc {
  const { report, year } = options;
  const amounts = [
    { label: t('economy.col.budget', { year }), numeric: true },
    { label: t('economy.col.forecast', { year }), numeric: true },
    { label: t('economy.col.deviation'), numeric: true },
  ];
  const side = (caption: string, totalLabel: string, s: BudgetForecastReport['income']): ReportTable => ({
    caption,
    columns: [{ label: caption, numeric: false }, ...amounts],
    rows: [...s.rows.map((r) => ({ cells: [r.name, r.budget, r.forecast, r.deviation] as Cell[] })), { cells: [totalLabel, s.total.budget, s.total.forecast, s.total.deviation], emphasis: 'total' as const }],
  });
  const notes = [t('economy.budget.deviationNote')];
  if (report.excluded.length) notes.push(t('economy.budget.excluded', { names: report.excluded.map((e) => e.name).join(', ') }));
  if (report.carriedOver) notes.push(t('economy.budget.carried', { amount: formatKronor(report.carriedOver) }));
  return {
    fileName: `budget-prognos-${year}`,
    title: t('economy.budget.title', { year }),
    subtitle: options.committee,
    tables: [
      side(t('economy.budget.income'), t('economy.budget.totalIncome'), report.income),
      withResult(side(t('economy.budget.cost'), t('economy.budget.totalCost'), report.cost), [t('economy.budget.result'), report.result.budget, report.result.forecast, report.result.deviation]),
    ],
    notes,
  };
}

export function distributionDoc(t: T, options: { committee: string; year: number; distribution: Distribution; locale: Locale }): ReportDoc {
  const { distribution: d, year } = options;
  const tables: ReportTable[] = d.sections.map((s) => ({
    caption: t(`economy.section.${s.section}` as MessageKey, { year }),
    columns: [{ label: t('economy.col.municipality'), numeric: false }, ...s.columns.map((c) => ({ label: withExampleMark(c.object.name, c.object.origin, options.locale), numeric: true }))],
    rows: [
      ...d.municipalities.map((m) => ({ cells: [m.name, ...s.columns.map((c) => shareOf(c, m.id))] as Cell[] })),
      { cells: [t('economy.col.total'), ...s.columns.map(columnTotal)], emphasis: 'total' as const },
    ],
  }));
  const notes: string[] = [];
  for (const s of d.sections) for (const c of s.columns) if (c.allocation.kind === 'error') notes.push(t('economy.distribution.error', { name: c.object.name, reason: c.allocation.message[options.locale] }));
  if (d.separate.length) notes.push(t('economy.distribution.separate', { names: d.separate.map((o) => o.name).join(', ') }));
  return { fileName: `fordelning-${year}`, title: t('economy.distribution.title', { year }), subtitle: options.committee, tables, notes };
}

export function invoiceBasisDoc(t: T, options: { committee: string; year: number; rows: InvoiceBasisRow[] }): ReportDoc {
  const { rows, year } = options;
  const sum = (pick: (r: InvoiceBasisRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    fileName: `fakturaunderlag-${year}`,
    title: t('economy.invoice.title', { year }),
    subtitle: options.committee,
    tables: [
      {
        caption: t('economy.invoice.caption', { year }),
        columns: [
          { label: t('economy.col.municipality'), numeric: false },
          { label: t('economy.invoice.advance'), numeric: true },
          { label: t('economy.invoice.arrears'), numeric: true },
          { label: t('economy.invoice.total'), numeric: true },
          { label: t('economy.invoice.supplier'), numeric: true },
        ],
        rows: [
          ...rows.map((r) => ({ cells: [r.municipality.name, r.advanceTotal, r.arrearsTotal, r.advanceTotal + r.arrearsTotal, r.supplierTotal] as Cell[] })),
          { cells: [t('economy.col.total'), sum((r) => r.advanceTotal), sum((r) => r.arrearsTotal), sum((r) => r.advanceTotal + r.arrearsTotal), sum((r) => r.supplierTotal)], emphasis: 'total' as const },
        ],
      },
      {
        caption: t('economy.invoice.itemsCaption'),
        columns: [
          { label: t('economy.col.municipality'), numeric: false },
          { label: t('economy.field.invoicing'), numeric: false },
          { label: t('economy.col.name'), numeric: false },
          { label: t('economy.invoice.amount'), numeric: true },
        ],
        rows: rows.flatMap((r) =>
          (['advance', 'arrears', 'supplier'] as const).flatMap((kind) => r[kind].map((l) => ({ cells: [r.municipality.name, t(`economy.invoicing.${kind}`), l.name, l.amount] as Cell[] }))),
        ),
      },
    ],
    notes: [t('economy.invoice.intro')],
  };
}

/** CSV for Excel: semicolon-separated, UTF-8 with BOM, CRLF; amounts as plain integers. */
export function renderCsv(doc: ReportDoc): Buffer {
  const rows: Cell[][] = [];
  for (const [i, table] of doc.tables.entries()) {
    if (i > 0) rows.push([]);
    if (doc.tables.length > 1) rows.push([table.caption]);
    rows.push(table.columns.map((c) => c.label));
    for (const row of table.rows) rows.push(row.cells);
  }
  return writeCsv(rows);
}
