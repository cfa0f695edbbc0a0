import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { idParam } from '../../platform/http/params.js';
import { emptyForm, type FormState } from '../../platform/views/forms.js';
import { forbidden } from '../../platform/errors.js';
import { allocationKeyOf } from './cooperation.model.js';
import { kr } from './cooperation.views.js';
import { ClosePhasePage, InitiativeFormPage, InitiativeListPage, StopPage } from './initiative.pages.js';
import { InitiativePage } from './initiative-detail.pages.js';
import { CellPage, cellFormValues, MatrixPage } from './matrix.pages.js';
import { ChooseMunicipalityPage, ToDecidePage } from './to-decide.pages.js';
import { matrixCsv, matrixXlsx } from './matrix-export.js';
import { attachmentHeader } from '../registry/registry.http.js';
import { registerCooperationApi } from './cooperation.api.js';
import type { Action } from '../../platform/auth/policy.js';

const slugParam = (request: FastifyRequest) => (request.params as { slug: string }).slug;

export function registerCooperationRoutes(app: FastifyInstance, services: Services): void {
  const { cooperation } = services;
  const read = { config: { action: 'cooperation.read' as const } };
  const manage = { config: { action: 'cooperation.manage' as const } };

  async function listPage(request: FastifyRequest) {
    const rows = await cooperation.listInitiatives(request.principal);
    const options = await cooperation.formOptions(request.principal);
    return (state: FormState) => <InitiativeListPage ctx={request.viewContext()} rows={rows} canManage={options.canManage} meetings={options.meetings} state={state} />;
  }

  app.get('/samverkan', read, async (request, reply) => reply.page((await listPage(request))(emptyForm())));

  app.post('/samverkan/statuslista', manage, async (request, reply) => {
    const values = formBody(request);
    const render = await listPage(request);
    const ok = await handleForm(reply, values, () => cooperation.addStatusListToMeeting(request.principal, values), render);
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('coop.statusListAdded'));
    return reply.redirect(`/moten/${values.meetingId ?? ''}`);
  });

  const newForm = (request: FastifyRequest, state: FormState, municipalities: Awaited<ReturnType<typeof cooperation.formOptions>>['municipalities']) => (
    <InitiativeFormPage ctx={request.viewContext()} state={state} municipalities={municipalities} action="/samverkan/nytt" title={request.viewContext().t('coop.new')} back="/samverkan" />
  );

  app.get('/samverkan/nytt', manage, async (request, reply) => {
    const { municipalities } = await cooperation.formOptions(request.principal);
    if (municipalities.length === 0) throw forbidden();
    return reply.page(newForm(request, emptyForm({ allocationKind: 'population' }), municipalities));
  });

  app.post('/samverkan/nytt', manage, async (request, reply) => {
    const values = formBody(request);
    const { municipalities } = await cooperation.formOptions(request.principal);
    const created: { id?: string } = {};
    const ok = await handleForm(reply, values, async () => {
      created.id = (await cooperation.createInitiative(request.principal, values)).id;
    }, (state) => newForm(request, state, municipalities));
    if (!ok || !created.id) return reply;
    setFlash(reply, request, services, request.viewContext().t('coop.created'));
    return reply.redirect(`/samverkan/${created.id}`);
  });

  app.get('/samverkan/att-besluta', read, async (request, reply) => {
    const { mine, all } = await cooperation.municipalitiesOf(request.principal);
    if (mine.length === 1 && mine[0]) return reply.redirect(`/samverkan/kommun/${mine[0].slug}`);
    return reply.page(<ChooseMunicipalityPage ctx={request.viewContext()} municipalities={mine.length > 1 ? mine : all} />);
  });

  app.get('/samverkan/kommun/:slug', read, async (request, reply) => {
    const pending = await cooperation.pendingFor(request.principal, slugParam(request));
    return reply.page(<ToDecidePage ctx={request.viewContext()} pending={pending} />);
  });

  async function detailPage(request: FastifyRequest, id: string) {
    const detail = await cooperation.getInitiative(request.principal, id);
    const open = detail.phases.find((p) => p.isOpen);
    const defaults = { budget: kr(open?.row.budget ?? 0), decisionDeadline: open?.row.decisionDeadline ?? '' };
    return (state: FormState = emptyForm(defaults)) => <InitiativePage ctx={request.viewContext()} detail={detail} planState={state} />;
  }

  app.get('/samverkan/:id', read, async (request, reply) => reply.page((await detailPage(request, idParam(request)))()));

  app.post('/samverkan/:id/budget', manage, async (request, reply) => {
    const id = idParam(request);
    const values = formBody(request);
    const render = await detailPage(request, id);
    const ok = await handleForm(reply, values, () => cooperation.planPhase(request.principal, id, values), render);
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('coop.planned'));
    return reply.redirect(`/samverkan/${id}`);
  });

  app.get('/samverkan/:id/andra', manage, async (request, reply) => {
    const detail = await cooperation.getInitiative(request.principal, idParam(request));
    if (!detail.canManage) throw forbidden();
    const { initiative } = detail.model;
    const key = allocationKeyOf(initiative);
    const values = { name: initiative.name, description: initiative.description, procuringOrganisationId: initiative.procuringOrganisationId ?? '', allocationKind: key.kind === 'fixed' ? 'population' : key.kind, flatSharePercent: key.kind === 'mixed' ? String(key.flatSharePercent) : '' };
    return reply.page(<InitiativeFormPage ctx={request.viewContext()} state={emptyForm(values)} municipalities={detail.model.municipalities} action={`/samverkan/${initiative.id}/andra`} title={request.viewContext().t('coop.edit')} back={`/samverkan/${initiative.id}`} />);
  });

  app.post('/samverkan/:id/andra', manage, async (request, reply) => {
    const id = idParam(request);
    const values = formBody(request);
    const detail = await cooperation.getInitiative(request.principal, id);
    const ok = await handleForm(reply, values, () => cooperation.updateInitiative(request.principal, id, values), (state) => (
      <InitiativeFormPage ctx={request.viewContext()} state={state} municipalities={detail.model.municipalities} action={`/samverkan/${id}/andra`} title={request.viewContext().t('coop.edit')} back={`/samverkan/${id}`} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('coop.saved'));
    return reply.redirect(`/samverkan/${id}`);
  });

  // Two steps of an initiative, each on a page of its own for those who manage it: closing the
  // current phase, and stopping the initiative (with a reason).
  const steps = [
    { path: 'stang-fas', Page: ClosePhasePage, run: cooperation.closePhase, done: 'coop.closed' },
    { path: 'stoppa', Page: StopPage, run: cooperation.stopInitiative, done: 'coop.stopped' },
  ] as const;
  for (const { path, Page, run, done } of steps) {
    app.get(`/samverkan/:id/${path}`, manage, async (request, reply) => {
      const detail = await cooperation.getInitiative(request.principal, idParam(request));
      if (!detail.canManage) throw forbidden();
      return reply.page(<Page ctx={request.viewContext()} detail={detail} state={emptyForm()} />);
    });

    app.post(`/samverkan/:id/${path}`, manage, async (request, reply) => {
      const id = idParam(request);
      const values = formBody(request);
      const detail = await cooperation.getInitiative(request.principal, id);
      const ok = await handleForm(reply, values, () => run(request.principal, id, values), (state) => <Page ctx={request.viewContext()} detail={detail} state={state} />);
      if (!ok) return reply;
      setFlash(reply, request, services, request.viewContext().t(done));
      return reply.redirect(`/samverkan/${id}`);
    });
  }

  app.get('/samverkan/:id/matris', read, async (request, reply) => {
    const { model } = await cooperation.getInitiative(request.principal, idParam(request));
    return reply.page(<MatrixPage ctx={request.viewContext()} model={model} />);
  });

  app.get('/samverkan/:id/matris.csv', read, async (request, reply) => {
    const { model } = await cooperation.getInitiative(request.principal, idParam(request));
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachmentHeader(`beslutsmatris-${model.initiative.name}.csv`)).send(matrixCsv(model, request.locale));
  });

  app.get('/samverkan/:id/matris.xlsx', read, async (request, reply) => {
    const { model } = await cooperation.getInitiative(request.principal, idParam(request));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachmentHeader(`beslutsmatris-${model.initiative.name}.xlsx`))
      .send(await matrixXlsx(model, request.locale));
  });

  app.get('/samverkan/beslut/:id', read, async (request, reply) => {
    const detail = await cooperation.getCell(request.principal, idParam(request));
    return reply.page(<CellPage ctx={request.viewContext()} detail={detail} state={emptyForm(cellFormValues(detail))} />);
  });

  // Two doors to one use case, so that each names its policy action: a municipality's own
  // decision, or the committee's (the service checks which the cell is and who may record it).
  for (const [path, action] of [['kommun', 'cooperation.recordDecision'], ['namnd', 'cooperation.manage']] as const) {
    app.post(`/samverkan/beslut/:id/${path}`, { config: { action } as { action: Action } }, async (request, reply) => {
      const id = idParam(request);
      const values = formBody(request);
      const detail = await cooperation.getCell(request.principal, id);
      const ok = await handleForm(reply, values, () => cooperation.recordDecision(request.principal, id, values), (state) => <CellPage ctx={request.viewContext()} detail={detail} state={state} />);
      if (!ok) return reply;
      setFlash(reply, request, services, request.viewContext().t('coop.recorded'));
      return reply.redirect(`/samverkan/beslut/${id}`);
    });
  }

  registerCooperationApi(app, services);
}
