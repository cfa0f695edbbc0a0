/** Routes of internal control, checklists and the portfolio. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, formList, handleForm } from '../../platform/http/forms.js';
import { uuidParam } from '../../platform/http/params.js';
import { emptyForm, type FormState } from '../../platform/views/forms.js';
import type { ViewContext } from '../../platform/views/context.js';
import type { Principal } from '../../platform/auth/policy.js';
import { ActivityResultPage, AssessPage, ControlPage, ControlPlanPage, RiskFormPage } from './control.pages.js';
import { ChecklistListPage, ChecklistPage, ComparePage } from './checklist.pages.js';
import { PortfolioFormPage, PortfolioPage } from './portfolio.pages.js';
import { scoped } from './planning.views.js';
import { registerRemoval } from './planning-removal.routes.js';
import { controlPlanPdf } from './planning-documents.js';

const read = { config: { action: 'planning.read' as const } };
const manage = { config: { action: 'planning.manage' as const } };

const yearQuery = (year: number) => ({ ar: String(year) });

export function registerPlanningRegisterRoutes(app: FastifyInstance, services: Services): void {
  const { control, checklists, portfolio } = services.planning;

  type ControlView = Awaited<ReturnType<typeof control.view>>;
  /**
   * The page that edits one thing of a year's internal control (a risk, a control point, an
   * activity), shown with that year's register; once saved, back to that year's internal control.
   */
  function controlItemForm<T extends { id: string; year: number }>(
    path: string,
    find: (principal: Principal | null, id: string) => Promise<T>,
    save: (principal: Principal | null, id: string, values: Record<string, string>) => Promise<unknown>,
    initial: (item: T, ctx: ViewContext) => Record<string, string>,
    page: (ctx: ViewContext, view: ControlView, item: T, state: FormState) => VNode,
  ): void {
    async function load(request: FastifyRequest) {
      const item = await find(request.principal, uuidParam(request));
      return { item, view: await control.view(request.principal, yearQuery(item.year)) };
    }
    app.get(path, manage, async (request, reply) => {
      const ctx = request.viewContext();
      const { item, view } = await load(request);
      return reply.page(page(ctx, view, item, emptyForm(initial(item, ctx))));
    });
    app.post(path, manage, async (request, reply) => {
      const ctx = request.viewContext();
      const { item, view } = await load(request);
      const values = formBody(request);
      const ok = await handleForm(reply, values, () => save(request.principal, item.id, values), (state) => page(ctx, view, item, state));
      if (!ok) return reply;
      setFlash(reply, request, services, ctx.t('common.saved'));
      return reply.redirect(scoped('/planering/internkontroll', view));
    });
  }

  // Internal control ----------------------------------------------------------------------------
  app.get('/planering/internkontroll', read, async (request, reply) => {
    return reply.page(<ControlPage ctx={request.viewContext()} view={await control.view(request.principal, request.query)} />);
  });

  app.get('/planering/internkontroll/plan', read, async (request, reply) => {
    return reply.page(<ControlPlanPage ctx={request.viewContext()} view={await control.view(request.principal, request.query)} />);
  });

  app.get('/planering/internkontroll/plan.pdf', read, async (request, reply) => {
    const view = await control.view(request.principal, request.query);
    const bytes = await controlPlanPdf(view);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="internkontrollplan-${view.year}.pdf"`).send(bytes);
  });

  app.get('/planering/risker/ny', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const view = await control.view(request.principal, request.query);
    return reply.page(<RiskFormPage ctx={ctx} s={view} title={ctx.t('planning.addRiskTitle', { year: view.year })} action={scoped('/planering/risker/ny', view)} state={emptyForm()} />);
  });

  app.post('/planering/risker/ny', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const view = await control.view(request.principal, request.query);
    const values = formBody(request);
    const title = ctx.t('planning.addRiskTitle', { year: view.year });
    const ok = await handleForm(reply, values, () => control.addRisk(request.principal, request.query, values), (state) => <RiskFormPage ctx={ctx} s={view} title={title} action={scoped('/planering/risker/ny', view)} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('planning.riskAdded'));
    return reply.redirect(scoped('/planering/internkontroll', view));
  });

  controlItemForm(
    '/planering/risker/:id/andra',
    control.findRisk,
    control.updateRisk,
    (risk) => ({ title: risk.title, responsible: risk.responsible, method: risk.method, probability: String(risk.probability), consequence: String(risk.consequence), decision: risk.decision, analysis: risk.analysis }),
    (ctx, view, risk, state) => <RiskFormPage ctx={ctx} s={view} title={ctx.t('planning.editRisk')} action={`/planering/risker/${risk.id}/andra`} state={state} />,
  );

  registerRemoval(app, services, {
    path: '/planering/risker/:id/ta-bort',
    find: control.findRisk,
    confirm: ({ t }, risk) => ({ title: t('planning.removeRisk'), question: t('planning.removeRiskConfirm', { title: risk.title }), confirmLabel: t('planning.removeRisk'), back: `/planering/internkontroll?ar=${risk.year}` }),
    remove: control.removeRisk,
    done: (risk) => `/planering/internkontroll?ar=${risk.year}`,
  });

  /** A form on the internal control page: on bad input the page again, with that form open. */
  const controlForm = (path: string, form: string, run: typeof control.addControlPoint) => {
    app.post(path, manage, async (request, reply) => {
      const ctx = request.viewContext();
      const view = await control.view(request.principal, request.query);
      const values = formBody(request);
      const ok = await handleForm(reply, values, () => run(request.principal, request.query, values), (state) => <ControlPage ctx={ctx} view={view} page={{ form, state }} />);
      if (!ok) return reply;
      setFlash(reply, request, services, ctx.t('common.saved'));
      return reply.redirect(scoped('/planering/internkontroll', view));
    });
  };
  controlForm('/planering/kontrollmoment', 'point', control.addControlPoint);
  controlForm('/planering/kontrollaktiviteter', 'activity', control.addActivity);

  controlItemForm(
    '/planering/kontrollmoment/:id',
    control.findControlPoint,
    control.assess,
    (point) => ({ assessment: point.assessment, riskId: point.riskId ?? '' }),
    (ctx, view, point, state) => <AssessPage ctx={ctx} view={view} point={point} state={state} />,
  );
  controlItemForm(
    '/planering/kontrollaktiviteter/:id',
    control.findActivity,
    control.recordResult,
    (activity, ctx) => ({ result: activity.result, completedOn: activity.completedOn ?? ctx.today }),
    (ctx, view, activity, state) => <ActivityResultPage ctx={ctx} s={view} activity={activity} state={state} />,
  );

  // Checklists ------------------------------------------------------------------------------------
  app.get('/planering/checklistor', read, async (request, reply) => {
    return reply.page(<ChecklistListPage ctx={request.viewContext()} view={await checklists.list(request.principal, request.query)} />);
  });

  app.post('/planering/checklistor', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const view = await checklists.list(request.principal, request.query);
    const values = formBody(request);
    let id = '';
    const ok = await handleForm(reply, values, async () => {
      id = await checklists.start(request.principal, request.query, values);
    }, (state) => <ChecklistListPage ctx={ctx} view={view} page={{ form: 'start', state }} />);
    if (!ok) return reply;
    return reply.redirect(`/planering/checklistor/${id}`);
  });

  app.post('/planering/checklistmallar', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const view = await checklists.list(request.principal, request.query);
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => checklists.addTemplate(request.principal, request.query, values), (state) => <ChecklistListPage ctx={ctx} view={view} page={{ form: 'template', state }} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('planning.templateAdded'));
    return reply.redirect(scoped('/planering/checklistor', view));
  });

  app.get('/planering/checklistor/:id', read, async (request, reply) => {
    return reply.page(<ChecklistPage ctx={request.viewContext()} loaded={await checklists.load(request.principal, uuidParam(request))} />);
  });

  app.post('/planering/checklistor/:id', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const loaded = await checklists.load(request.principal, uuidParam(request));
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => checklists.answer(request.principal, loaded.checklist.id, values), (state) => <ChecklistPage ctx={ctx} loaded={loaded} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('planning.answersSaved'));
    return reply.redirect(`/planering/checklistor/${loaded.checklist.id}`);
  });

  app.get('/planering/checklistor/:id/jamforelse', read, async (request, reply) => {
    return reply.page(<ComparePage ctx={request.viewContext()} view={await checklists.compare(request.principal, uuidParam(request))} />);
  });

  // Portfolio --------------------------------------------------------------------------------------
  app.get('/planering/portfolj', read, async (request, reply) => {
    return reply.page(<PortfolioPage ctx={request.viewContext()} view={await portfolio.view(request.principal, request.query)} />);
  });

  const portfolioValues = (values: Record<string, string>, participants: string[]) => ({ ...values, participants });

  app.get('/planering/portfolj/ny', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const view = await portfolio.view(request.principal, request.query);
    return reply.page(<PortfolioFormPage ctx={ctx} view={view} title={ctx.t('planning.addPortfolioItem')} action={scoped('/planering/portfolj/ny', view)} state={emptyForm({ kind: 'project', status: 'on_track' })} participants={[]} />);
  });

  app.post('/planering/portfolj/ny', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const view = await portfolio.view(request.principal, request.query);
    const values = formBody(request);
    const participants = formList(request, 'participants');
    const ok = await handleForm(reply, values, () => portfolio.add(request.principal, request.query, portfolioValues(values, participants)), (state) => (
      <PortfolioFormPage ctx={ctx} view={view} title={ctx.t('planning.addPortfolioItem')} action={scoped('/planering/portfolj/ny', view)} state={state} participants={participants} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('common.saved'));
    return reply.redirect(scoped('/planering/portfolj', view));
  });

  app.get('/planering/portfolj/:id/andra', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const item = await portfolio.find(request.principal, uuidParam(request));
    const view = await portfolio.view(request.principal, {});
    const values = { kind: item.kind, name: item.name, phase: item.phase, status: item.status, timePlan: item.timePlan, comment: item.comment, initiativeId: item.initiativeId ?? '' };
    return reply.page(<PortfolioFormPage ctx={ctx} view={view} title={ctx.t('planning.editNamed', { name: item.name })} action={`/planering/portfolj/${item.id}/andra`} state={emptyForm(values)} participants={item.participants} removeHref={`/planering/portfolj/${item.id}/ta-bort`} />);
  });

  app.post('/planering/portfolj/:id/andra', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const item = await portfolio.find(request.principal, uuidParam(request));
    const view = await portfolio.view(request.principal, {});
    const values = formBody(request);
    const participants = formList(request, 'participants');
    const ok = await handleForm(reply, values, () => portfolio.update(request.principal, item.id, portfolioValues(values, participants)), (state) => (
      <PortfolioFormPage ctx={ctx} view={view} title={ctx.t('planning.editNamed', { name: item.name })} action={`/planering/portfolj/${item.id}/andra`} state={state} participants={participants} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('common.saved'));
    return reply.redirect('/planering/portfolj');
  });

  registerRemoval(app, services, {
    path: '/planering/portfolj/:id/ta-bort',
    find: portfolio.find,
    confirm: ({ t }, item) => ({ title: t('planning.removePortfolioItem'), question: t('planning.removePortfolioConfirm', { name: item.name }), confirmLabel: t('common.delete'), back: `/planering/portfolj/${item.id}/andra` }),
    remove: portfolio.remove,
    done: () => '/planering/portfolj',
  });

  app.post('/planering/portfolj/statuslista', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const view = await portfolio.view(request.principal, request.query);
    const values = formBody(request);
    let meetingId = '';
    const ok = await handleForm(reply, values, async () => {
      ({ meetingId } = await portfolio.addStatusListToAgenda(request.principal, request.query, values));
    }, (state) => <PortfolioPage ctx={ctx} view={view} page={{ form: 'statuslist', state }} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('planning.statusListAdded'));
    return reply.redirect(`/moten/${meetingId}/dagordning`);
  });
}
