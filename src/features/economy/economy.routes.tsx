import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { idParam } from '../../platform/http/params.js';
import { emptyForm } from '../../platform/views/forms.js';
import { notFound } from '../../platform/errors.js';
import { translator } from '../../platform/i18n/i18n.js';
import { attachmentHeader } from '../registry/registry.http.js';
import { CommitteesPage, YearPage, importLabel, yearPath } from './economy.pages.js';
import { CostObjectPage, DeleteCostObjectPage, NewCostObjectPage, costObjectValues } from './economy-forms.pages.js';
import { ManualOutcomePage, PkvPage } from './economy-pkv.pages.js';
import { BudgetForecastPage, DistributionPage, InvoiceBasisPage, OutcomePage } from './economy-report.pages.js';
import { budgetForecastDoc, distributionDoc, invoiceBasisDoc, outcomeDoc, renderCsv, type ReportDoc } from './report-doc.js';
import { renderReportPdf } from './report-pdf.js';
import { renderReportXlsx } from './report-xlsx.js';

const slugYear = (request: FastifyRequest) => {
  const { slug, year } = request.params as { slug: string; year: string };
  if (!/^\d{4}$/.test(year)) throw notFound();
  return { slug, year: Number(year) };
};
const query = (request: FastifyRequest) => request.query as Record<string, string | undefined>;

/** `?format=pdf|xlsx|csv` sends the report as a file (in Swedish); otherwise the page is shown. */
async function sendExport(reply: FastifyReply, format: string | undefined, build: () => ReportDoc): Promise<boolean> {
  if (format !== 'pdf' && format !== 'xlsx' && format !== 'csv') return false;
  const doc = build();
  const [bytes, type] =
    format === 'pdf'
      ? [await renderReportPdf(doc), 'application/pdf']
      : format === 'xlsx'
        ? [await renderReportXlsx(doc), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
        : [renderCsv(doc), 'text/csv; charset=utf-8'];
  await reply.header('content-type', type).header('content-disposition', attachmentHeader(`${doc.fileName}.${format}`)).header('cache-control', 'private, no-store').send(bytes);
  return true;
}

export function registerEconomyRoutes(app: FastifyInstance, services: Services): void {
  const { economy } = services;
  const read = { config: { action: 'economy.read' as const } };
  const manage = { config: { action: 'economy.manage' as const } };
  const sv = translator('sv');

  app.get('/ekonomi', read, async (request, reply) => {
    return reply.page(<CommitteesPage ctx={request.viewContext()} committees={await economy.listCommittees(request.principal)} />);
  });

  app.get('/ekonomi/:slug/:year', read, async (request, reply) => {
    const { slug, year } = slugYear(request);
    const o = await economy.overview(request.principal, slug, year);
    return reply.page(<YearPage ctx={request.viewContext()} committee={o.committee} year={year} years={o.years} rows={o.rows} imports={o.imports} budget={o.budget} canManage={o.canManage} />);
  });

  app.get('/ekonomi/:slug/:year/kostnadsobjekt/nytt', manage, async (request, reply) => {
    const { slug, year } = slugYear(request);
    const options = await economy.costObjectContext(request.principal, slug, year);
    const state = emptyForm({ kind: 'shared_service', invoicing: 'advance', keyKind: 'equal', keyRoundTo: '100', keyYear: String(year - 1), position: '100', budgetIncome: '0', budgetCost: '0' });
    return reply.page(<NewCostObjectPage ctx={request.viewContext()} state={state} options={options} />);
  });

  app.post('/ekonomi/:slug/:year/kostnadsobjekt/nytt', manage, async (request, reply) => {
    const { slug, year } = slugYear(request);
    const options = await economy.costObjectContext(request.principal, slug, year);
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => economy.createCostObject(request.principal, slug, year, values), (state) => <NewCostObjectPage ctx={request.viewContext()} state={state} options={options} />);
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('economy.costObject.created', { code: values.code ?? '' }));
    return reply.redirect(yearPath(slug, year));
  });

  app.get('/ekonomi/kostnadsobjekt/:id', read, async (request, reply) => {
    const d = await economy.costObject(request.principal, idParam(request));
    const options = { committee: d.committee, year: d.row.year, municipalities: d.municipalities, initiatives: d.initiatives };
    return reply.page(<CostObjectPage ctx={request.viewContext()} row={d.row} state={emptyForm(costObjectValues(d.row))} options={options} canManage={d.canManage} inUse={d.inUse} />);
  });

  app.post('/ekonomi/kostnadsobjekt/:id', manage, async (request, reply) => {
    const id = idParam(request);
    const d = await economy.costObject(request.principal, id);
    const options = { committee: d.committee, year: d.row.year, municipalities: d.municipalities, initiatives: d.initiatives };
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => economy.updateCostObject(request.principal, id, values), (state) => (
      <CostObjectPage ctx={request.viewContext()} row={d.row} state={state} options={options} canManage={d.canManage} inUse={d.inUse} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('economy.costObject.saved'));
    return reply.redirect(`/ekonomi/kostnadsobjekt/${id}`);
  });

  app.get('/ekonomi/kostnadsobjekt/:id/ta-bort', manage, async (request, reply) => {
    const d = await economy.costObject(request.principal, idParam(request));
    return reply.page(<DeleteCostObjectPage ctx={request.viewContext()} row={d.row} />);
  });

  app.post('/ekonomi/kostnadsobjekt/:id/ta-bort', manage, async (request, reply) => {
    const { committee, year } = await economy.deleteCostObject(request.principal, idParam(request));
    setFlash(reply, request, services, request.viewContext().t('economy.costObject.deleted'));
    return reply.redirect(yearPath(committee.slug, year));
  });

  app.post('/ekonomi/kostnadsobjekt/:id/kommentar', manage, async (request, reply) => {
    const { committee, year, periodTo } = await economy.setComment(request.principal, idParam(request), formBody(request));
    setFlash(reply, request, services, request.viewContext().t('economy.outcome.commentSaved'));
    return reply.redirect(`${yearPath(committee.slug, year)}/utfall?datum=${periodTo}`);
  });

  app.get('/ekonomi/:slug/:year/pkv', read, async (request, reply) => {
    const { slug, year } = slugYear(request);
    const p = await economy.pkv(request.principal, slug, year);
    const state = emptyForm({ readOn: `${year}-10-31`, roundTo: '100', pkvPercent: p.reading ? String(Number(p.reading.pkvPercent)).replace('.', ',') : '', source: p.reading?.source ?? '' });
    return reply.page(<PkvPage ctx={request.viewContext()} committee={p.committee} year={year} reading={p.reading} plans={p.plans} next={p.next} canManage={p.canManage} state={state} />);
  });

  app.post('/ekonomi/:slug/:year/pkv', manage, async (request, reply) => {
    const { slug, year } = slugYear(request);
    const values = formBody(request);
    const p = await economy.pkv(request.principal, slug, year);
    const ok = await handleForm(reply, values, () => economy.recordPkv(request.principal, slug, year, values), (state) => (
      <PkvPage ctx={request.viewContext()} committee={p.committee} year={year} reading={p.reading} plans={p.plans} next={p.next} canManage={p.canManage} state={state} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('economy.pkv.saved', { next: year + 1 }));
    return reply.redirect(`${yearPath(slug, year)}/pkv`);
  });

  app.get('/ekonomi/:slug/:year/utfall', read, async (request, reply) => {
    const { slug, year } = slugYear(request);
    const o = await economy.outcome(request.principal, slug, year, query(request).datum);
    const ctx = request.viewContext();
    const build = (t: typeof sv) => outcomeDoc(t, { committee: o.committee.name, year, date: o.date, report: o.report, basis: o.snapshot ? importLabel({ ...ctx, t }, o.snapshot) : null });
    if (await sendExport(reply, query(request).format, () => build(sv))) return reply;
    return reply.page(<OutcomePage ctx={ctx} committee={o.committee} year={year} date={o.date} snapshot={o.snapshot} report={o.report} objects={o.objects} doc={build(ctx.t)} canManage={o.canManage} />);
  });

  app.get('/ekonomi/:slug/:year/budget-prognos', read, async (request, reply) => {
    const { slug, year } = slugYear(request);
    const b = await economy.budgetForecast(request.principal, slug, year);
    const ctx = request.viewContext();
    const build = (t: typeof sv) => budgetForecastDoc(t, { committee: b.committee.name, year, report: { ...b.report, income: relabel(b.report.income, t), cost: relabel(b.report.cost, t) } });
    if (await sendExport(reply, query(request).format, () => build(sv))) return reply;
    return reply.page(<BudgetForecastPage ctx={ctx} committee={b.committee} year={year} doc={build(ctx.t)} />);
  });

  app.get('/ekonomi/:slug/:year/fordelning', read, async (request, reply) => {
    const { slug, year } = slugYear(request);
    const d = await economy.distribution(request.principal, slug, year);
    const ctx = request.viewContext();
    const build = (t: typeof sv, locale: 'sv' | 'en') => distributionDoc(t, { committee: d.committee.name, year, distribution: d.distribution, locale });
    if (await sendExport(reply, query(request).format, () => build(sv, 'sv'))) return reply;
    return reply.page(<DistributionPage ctx={ctx} committee={d.committee} year={year} distribution={d.distribution} doc={build(ctx.t, ctx.locale)} />);
  });

  app.get('/ekonomi/:slug/:year/fakturaunderlag', read, async (request, reply) => {
    const { slug, year } = slugYear(request);
    const d = await economy.distribution(request.principal, slug, year);
    const ctx = request.viewContext();
    const build = (t: typeof sv) => invoiceBasisDoc(t, { committee: d.committee.name, year, rows: d.invoiceBasis });
    if (await sendExport(reply, query(request).format, () => build(sv))) return reply;
    return reply.page(<InvoiceBasisPage ctx={ctx} committee={d.committee} year={year} rows={d.invoiceBasis} doc={build(ctx.t)} />);
  });

  app.get('/ekonomi/:slug/:year/utfall/manuellt', manage, async (request, reply) => {
    const { slug, year } = slugYear(request);
    const ctx = request.viewContext();
    const date = query(request).datum ?? (ctx.today.startsWith(`${year}-`) ? ctx.today : `${year}-12-31`);
    const m = await economy.manualOutcomeForm(request.principal, slug, year, date);
    const values: Record<string, string> = { periodTo: date };
    for (const [id, p] of m.prefill) {
      values[`income_${id}`] = p.income ? (p.income / 100).toFixed(2).replace('.', ',') : '';
      values[`cost_${id}`] = p.cost ? (p.cost / 100).toFixed(2).replace('.', ',') : '';
    }
    return reply.page(<ManualOutcomePage ctx={ctx} committee={m.committee} year={year} objects={m.objects} snapshot={m.snapshot} state={emptyForm(values)} />);
  });

  app.post('/ekonomi/:slug/:year/utfall/manuellt', manage, async (request, reply) => {
    const { slug, year } = slugYear(request);
    const values = formBody(request);
    const m = await economy.manualOutcomeForm(request.principal, slug, year, `${year}-12-31`);
    const saved: { periodTo?: string } = {};
    const ok = await handleForm(
      reply,
      values,
      async () => {
        saved.periodTo = (await economy.recordManualOutcome(request.principal, slug, year, values)).periodTo;
      },
      (state) => <ManualOutcomePage ctx={request.viewContext()} committee={m.committee} year={year} objects={m.objects} snapshot={undefined} state={state} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('economy.manual.saved', { date: saved.periodTo ?? '' }));
    return reply.redirect(`${yearPath(slug, year)}/utfall?datum=${saved.periodTo ?? ''}`);
  });
}

/** The projects row is named in the reader's language. */
function relabel<S extends { rows: { key: string; name: string }[] }>(side: S, t: ReturnType<typeof translator>): S {
  return { ...side, rows: side.rows.map((r) => (r.key === 'projects' ? { ...r, name: t('economy.projectsRow') } : r)) };
}
