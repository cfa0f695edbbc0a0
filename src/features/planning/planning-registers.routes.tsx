/** Routes of internal control, checklists and the portfolio. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, formList, handleForm } from '../../platform/http/forms.js';
import { uuidParam } from '../../platform/http/params.js';
import { emptyForm } from '../../platform/views/forms.js';
import { ActivityResultPage, AssessPage, ControlPage, ControlPlanPage, RiskFormPage } from './control.pages.js';
import { ChecklistListPage, ChecklistPage, ComparePage } from './checklist.pages.js';
import { PortfolioFormPage, PortfolioPage } from './portfolio.pages.js';
import { ConfirmPage, scoped } from './planning.views.js';
import { controlPlanPdf } from './planning-documents.js';

const read = { config: { action: 'planning.read' as const } };
const manage = { config: { action: 'planning.manage' as const } };

const yearQuery = (year: number) => ({ ar: String(year) });

export function registerPlanningRegisterRoutes(app: FastifyInstance, services: Services): void {
  const { control, checklists, portfolio } = services.planning;

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

  app.get('/planering/risker/:id/andra', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const risk = await control.findRisk(request.principal, uuidParam(request));
    const view = await control.view(request.principal, yearQuery(risk.year));
    const values = { title: risk.title, responsible: risk.responsible, method: risk.method, probability: String(risk.probability), consequence: String(risk.consequence), decision: risk.decision, analysis: risk.analysis };
    return reply.page(<RiskFormPage ctx={ctx} s={view} title={ctx.t('planning.editRisk')} action={`/planering/risker/${risk.id}/andra`} state={emptyForm(values)} />);
  });

  app.post('/planering/risker/:id/andra', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const risk = await control.findRisk(request.principal, uuidParam(request));
    const view = await control.view(request.principal, yearQuery(risk.year));
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => control.updateRisk(request.principal, risk.id, values), (state) => <RiskFormPage ctx={ctx} s={view} title={ctx.t('planning.editRisk')} action={`/planering/risker/${risk.id}/andra`} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('common.saved'));
    return reply.redirect(scoped('/planering/internkontroll', view));
  });

  app.get('/planering/risker/:id/ta-bort', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const risk = await control.findRisk(request.principal, uuidParam(request));
    return reply.page(<ConfirmPage ctx={ctx} title={ctx.t('planning.removeRisk')} question={ctx.t('planning.removeRiskConfirm', { title: risk.title })} action={`/planering/risker/${risk.id}/ta-bort`} back={`/planering/internkontroll?ar=${risk.year}`} confirmLabel={ctx.t('planning.removeRisk')} />);
  });

  app.post('/planering/risker/:id/ta-bort', manage, async (request, reply) => {
    const risk = await control.removeRisk(request.principal, uuidParam(request));
    setFlash(reply, request, services, request.viewContext().t('common.deleted'));
    return reply.redirect(`/planering/internkontroll?ar=${risk.year}`);
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

  app.get('/planering/kontrollmoment/:id', manage, async (request, reply) => {
    const point = await control.findControlPoint(request.principal, uuidParam(request));
    const view = await control.view(request.principal, yearQuery(point.year));
    return reply.page(<AssessPage ctx={request.viewContext()} view={view} point={point} state={emptyForm({ assessment: point.assessment, riskId: point.riskId ?? '' })} />);
  });

  app.post('/planering/kontrollmoment/:id', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const point = await control.findControlPoint(request.principal, uuidParam(request));
    const view = await control.view(request.principal, yearQuery(point.year));
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => control.assess(request.principal, point.id, values), (state) => <AssessPage ctx={ctx} view={view} point={point} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('common.saved'));
    return reply.redirect(scoped('/planering/internkontroll', view));
  });

  app.get('/planering/kontrollaktiviteter/:id', manage, async (request, reply) => {
    const activity = await control.findActivity(request.principal, uuidParam(request));
    const view = await control.view(request.principal, yearQuery(activity.year));
    return reply.page(<ActivityResultPage ctx={request.viewContext()} s={view} activity={activity} state={emptyForm({ result: activity.result, completedOn: activity.completedOn ?? request.viewContext().today })} />);
  });

  app.post('/planering/kontrollaktiviteter/:id', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const activity = await control.findActivity(request.principal, uuidParam(request));
    const view = await control.view(request.principal, yearQuery(activity.year));
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => control.recordResult(request.principal, activity.id, values), (state) => <ActivityResultPage ctx={ctx} s={view} activity={activity} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('common.saved'));
    return reply.redirect(scoped('/planering/internkontroll', view));
  });

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

  app.get('/planering/portfolj/:id/ta-bort', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const item = await portfolio.find(request.principal, uuidParam(request));
    return reply.page(<ConfirmPage ctx={ctx} title={ctx.t('planning.removePortfolioItem')} question={ctx.t('planning.removePortfolioConfirm', { name: item.name })} action={`/planering/portfolj/${item.id}/ta-bort`} back={`/planering/portfolj/${item.id}/andra`} confirmLabel={ctx.t('common.delete')} />);
  });

  app.post('/planering/portfolj/:id/ta-bort', manage, async (request, reply) => {
    await portfolio.remove(request.principal, uuidParam(request));
    setFlash(reply, request, services, request.viewContext().t('common.deleted'));
    return reply.redirect('/planering/portfolj');
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
