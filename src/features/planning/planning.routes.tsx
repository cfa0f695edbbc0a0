import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { uuidParam } from '../../platform/http/params.js';
import { emptyForm } from '../../platform/views/forms.js';
import { notFound } from '../../platform/errors.js';
import { SECTION_KEYS } from './planning.schema.js';
import { OverviewPage } from './planning.pages.js';
import { PlanEditPage, PlanPage } from './plan.pages.js';
import { CreatePlanPage } from './plan-create.pages.js';
import { DialoguesPage, EvidencePage, FollowupPage } from './followup.pages.js';
import { scoped } from './planning.views.js';
import { businessPlanPdf } from './planning-documents.js';
import { registerPlanningRegisterRoutes } from './planning-registers.routes.js';
import { registerRemoval } from './planning-removal.routes.js';

export const read = { config: { action: 'planning.read' as const } };
export const manage = { config: { action: 'planning.manage' as const } };

export const pdfReply = (reply: FastifyReply, filename: string, bytes: Buffer) =>
  reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(bytes);

const planOf = (year: number) => `/planering/verksamhetsplan?ar=${year}`;

export function registerPlanningRoutes(app: FastifyInstance, services: Services): void {
  const { plans, followup, control, checklists, portfolio } = services.planning;

  app.get('/planering', read, async (request, reply) => {
    const f = await followup.view(request.principal, request.query);
    const c = await control.view(request.principal, request.query);
    const l = await checklists.list(request.principal, request.query);
    const p = await portfolio.view(request.principal, request.query);
    return reply.page(<OverviewPage ctx={request.viewContext()} overview={{ followup: f, control: c, checklists: l, portfolio: p }} />);
  });

  app.get('/planering/verksamhetsplan', read, async (request, reply) => {
    return reply.page(<PlanPage ctx={request.viewContext()} view={await plans.get(request.principal, request.query)} />);
  });

  app.get('/planering/verksamhetsplan.pdf', read, async (request, reply) => {
    const view = await plans.get(request.principal, request.query);
    if (!view.loaded) throw notFound({ sv: `Det finns ingen verksamhetsplan för ${view.year}.`, en: `There is no business plan for ${view.year}.` });
    return pdfReply(reply, `verksamhetsplan-${view.year}.pdf`, await businessPlanPdf(view.committee, view.loaded));
  });

  app.get('/planering/verksamhetsplan/ny', manage, async (request, reply) => {
    return reply.page(<CreatePlanPage ctx={request.viewContext()} options={await plans.createOptions(request.principal, request.query)} />);
  });

  /** Creates the plan; a plan of the year already there answers with the confirmation page instead (never overwritten silently). */
  app.post('/planering/verksamhetsplan/ny', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const result = await plans.create(request.principal, request.query, formBody(request));
    const options = await plans.createOptions(request.principal, request.query);
    if (result.outcome === 'exists') return reply.code(409).page(<CreatePlanPage ctx={ctx} options={options} />);
    setFlash(reply, request, services, result.copiedFromYear !== null ? ctx.t('planning.planCopied', { year: result.copiedFromYear }) : ctx.t('planning.planCreated'));
    return reply.redirect(scoped('/planering/verksamhetsplan', options));
  });

  app.get('/planering/verksamhetsplan/:id/andra', manage, async (request, reply) => {
    const { plan, view } = await plans.forEdit(request.principal, uuidParam(request));
    const values: Record<string, string> = { title: plan.title, status: plan.status, paragraphId: plan.paragraphId ?? '' };
    for (const k of SECTION_KEYS) values[k] = plan.sections[k] ?? '';
    return reply.page(<PlanEditPage ctx={request.viewContext()} view={view} planId={plan.id} state={emptyForm(values)} />);
  });

  app.post('/planering/verksamhetsplan/:id/andra', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const { plan, view } = await plans.forEdit(request.principal, uuidParam(request));
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => plans.update(request.principal, plan.id, values), (state) => <PlanEditPage ctx={ctx} view={view} planId={plan.id} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('common.saved'));
    return reply.redirect(scoped('/planering/verksamhetsplan', view));
  });

  /** The small forms on the plan page: on bad input the page again, with that form's values and errors. */
  const planForm = (path: string, form: (id: string) => string, run: (principal: Parameters<typeof plans.addGoal>[0], id: string, values: Record<string, string>) => Promise<{ year: number }>, planIdOf: (id: string) => Promise<string>) => {
    app.post(path, manage, async (request, reply) => {
      const ctx = request.viewContext();
      const id = uuidParam(request);
      const { view } = await plans.forEdit(request.principal, await planIdOf(id));
      const values = formBody(request);
      const ok = await handleForm(reply, values, () => run(request.principal, id, values), (state) => <PlanPage ctx={ctx} view={view} page={{ form: form(id), state }} />);
      if (!ok) return reply;
      setFlash(reply, request, services, ctx.t('common.saved'));
      return reply.redirect(scoped('/planering/verksamhetsplan', view));
    });
  };
  const samePlan = (id: string) => Promise.resolve(id);
  planForm('/planering/verksamhetsplan/:id/utgava', () => 'edition', (p, id, v) => plans.addEdition(p, id, v), samePlan);
  planForm('/planering/verksamhetsplan/:id/mal', () => 'goal', (p, id, v) => plans.addGoal(p, id, v), samePlan);
  app.post('/planering/mal/:id/indikator', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const id = uuidParam(request);
    const { plan } = await plans.findGoal(request.principal, id);
    const { view } = await plans.forEdit(request.principal, plan.id);
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => plans.addIndicator(request.principal, id, values), (state) => <PlanPage ctx={ctx} view={view} page={{ form: `indicator-${id}`, state }} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('common.saved'));
    return reply.redirect(scoped('/planering/verksamhetsplan', view));
  });

  registerRemoval(app, services, {
    path: '/planering/mal/:id/ta-bort',
    find: plans.findGoal,
    confirm: ({ t }, { goal, plan }) => ({ title: t('planning.removeGoal'), question: t('planning.removeGoalConfirm', { title: goal.title }), confirmLabel: t('planning.removeGoal'), back: planOf(plan.year) }),
    remove: plans.removeGoal,
    done: (plan) => planOf(plan.year),
  });

  registerRemoval(app, services, {
    path: '/planering/indikator/:id/ta-bort',
    find: plans.findIndicator,
    confirm: ({ t }, { indicator, plan }) => ({ title: t('planning.removeIndicator'), question: t('planning.removeIndicatorConfirm', { name: indicator.name }), confirmLabel: t('planning.removeIndicator'), back: planOf(plan.year) }),
    remove: plans.removeIndicator,
    done: (plan) => planOf(plan.year),
  });

  app.get('/planering/uppfoljning', read, async (request, reply) => {
    return reply.page(<FollowupPage ctx={request.viewContext()} view={await followup.view(request.principal, request.query)} />);
  });

  app.post('/planering/uppfoljning', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const view = await followup.view(request.principal, request.query);
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => followup.record(request.principal, request.query, values), (state) => <FollowupPage ctx={ctx} view={view} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('planning.followupRecorded', { tertial: view.tertial }));
    return reply.redirect(scoped('/planering/uppfoljning', view, { tertial: String(view.tertial) }));
  });

  app.get('/planering/underlag', read, async (request, reply) => {
    return reply.page(<EvidencePage ctx={request.viewContext()} view={await followup.evidence(request.principal, request.query)} />);
  });

  app.get('/planering/dialoger', read, async (request, reply) => {
    return reply.page(<DialoguesPage ctx={request.viewContext()} view={await followup.dialogues(request.principal, request.query)} />);
  });

  app.post('/planering/dialoger', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const view = await followup.dialogues(request.principal, request.query);
    const values = formBody(request);
    let year = view.year;
    const ok = await handleForm(reply, values, async () => {
      year = (await followup.addDialogue(request.principal, request.query, values)).year;
    }, (state) => <DialoguesPage ctx={ctx} view={view} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('planning.dialogueAdded'));
    return reply.redirect(scoped('/planering/dialoger', { ...view, year }));
  });

  registerPlanningRegisterRoutes(app, services);
}
