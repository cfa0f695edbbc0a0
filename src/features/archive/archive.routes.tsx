import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cloneElement } from 'preact';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { idParam } from '../../platform/http/params.js';
import { emptyForm, type FormState } from '../../platform/views/forms.js';
import { DomainError } from '../../platform/errors.js';
import { MultipartFormError, type MultipartForm } from '../../platform/http/multipart.js';
import { can } from '../../platform/auth/policy.js';
import { archiveScope } from './archive-scope.js';
import { attachmentHeader, fileError, readForm } from '../registry/registry.http.js';
import { archiveMessages } from './archive.messages.js';
import { ArchiveHomePage, PlanPage, RuleEditPage, ruleValues } from './plan.pages.js';
import { DeliveriesPage, DeliveryPage } from './delivery.pages.js';
import { ConfirmDisposalPage, DisposalListPage, DisposalPage } from './disposal.pages.js';
import { ArchivedListPage, ArchivedPackagePage } from './archived.pages.js';

/** How long the web waits for a small delivery before answering with the progress page. */
const WAIT_FOR_SMALL_DELIVERY_MS = 1500;

function csvText(form: MultipartForm): string {
  if (form.file) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(form.file.bytes);
    } catch {
      throw fileError(archiveMessages['archive.plan.notUtf8']);
    }
  }
  const pasted = form.fields.csv?.trim() ?? '';
  if (!pasted) throw new DomainError('INVALID_INPUT', { userMessage: archiveMessages['archive.plan.noInput'] });
  return pasted;
}

export function registerArchiveRoutes(app: FastifyInstance, services: Services): void {
  const { archive } = services;
  const read = { config: { action: 'archive.read' as const } };
  const manage = { config: { action: 'archive.manage' as const } };
  const approve = { config: { action: 'archive.approveDisposal' as const } };
  const flash = (request: FastifyRequest, reply: Parameters<typeof setFlash>[0], text: string) => setFlash(reply, request, services, text);

  app.get('/arkiv', read, async (request, reply) => reply.page(<ArchiveHomePage ctx={request.viewContext()} canManagePersonalData={can(request.principal, 'personalData.manage', await archiveScope(services.database.db))} />));

  // Document management plan
  async function planPage(request: FastifyRequest, states: { importState?: FormState; ruleState?: FormState } = {}) {
    const { rules, canManage } = await archive.plan.listRules(request.principal);
    return <PlanPage ctx={request.viewContext()} rules={rules} canManage={canManage} importState={states.importState ?? emptyForm()} ruleState={states.ruleState ?? emptyForm({ action: 'dispose' })} />;
  }
  app.get('/arkiv/dokumenthanteringsplan', read, async (request, reply) => reply.page(await planPage(request)));

  app.post('/arkiv/dokumenthanteringsplan/import', manage, async (request, reply) => {
    const page = await planPage(request);
    let values: Record<string, string> = {};
    const imported = { count: 0 };
    const ok = await handleForm(
      reply,
      values,
      async () => {
        const form = await readForm(request, services.config.maxFileBytes).catch((error: unknown) => {
          if (error instanceof MultipartFormError) values = error.fields;
          throw error;
        });
        values = form.fields;
        imported.count = await archive.plan.importPlan(request.principal, csvText(form));
      },
      (state) => cloneElement(page, { importState: { ...state, values } }),
    );
    if (!ok) return reply;
    flash(request, reply, request.viewContext().t('archive.plan.imported', { count: imported.count }));
    return reply.redirect('/arkiv/dokumenthanteringsplan');
  });

  app.post('/arkiv/dokumenthanteringsplan/ny', manage, async (request, reply) => {
    const values = formBody(request);
    const page = await planPage(request);
    const ok = await handleForm(reply, values, () => archive.plan.createRule(request.principal, values), (state) => cloneElement(page, { ruleState: state }));
    if (!ok) return reply;
    flash(request, reply, request.viewContext().t('archive.rule.created'));
    return reply.redirect('/arkiv/dokumenthanteringsplan');
  });

  app.get('/arkiv/dokumenthanteringsplan/:id', manage, async (request, reply) => {
    const rule = await archive.plan.getRule(request.principal, idParam(request));
    return reply.page(<RuleEditPage ctx={request.viewContext()} rule={rule} state={emptyForm(ruleValues(rule))} />);
  });

  app.post('/arkiv/dokumenthanteringsplan/:id', manage, async (request, reply) => {
    const rule = await archive.plan.getRule(request.principal, idParam(request));
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => archive.plan.updateRule(request.principal, rule.id, values), (state) => <RuleEditPage ctx={request.viewContext()} rule={rule} state={state} />);
    if (!ok) return reply;
    flash(request, reply, request.viewContext().t('archive.rule.saved'));
    return reply.redirect('/arkiv/dokumenthanteringsplan');
  });

  // Deliveries to the e-archive
  const deliveriesPage = async (request: FastifyRequest, state: FormState) =>
    <DeliveriesPage ctx={request.viewContext()} deliveries={await archive.deliveries.listDeliveries(request.principal)} canManage={can(request.principal, 'archive.manage', await archiveScope(services.database.db))} state={state} />;
  app.get('/arkiv/leveranser', read, async (request, reply) => reply.page(await deliveriesPage(request, emptyForm({ year: String(Number(request.viewContext().today.slice(0, 4)) - 1) }))));

  app.post('/arkiv/leveranser', manage, async (request, reply) => {
    const values = formBody(request);
    const page = await deliveriesPage(request, emptyForm(values));
    const started: { id?: string } = {};
    const ok = await handleForm(
      reply,
      values,
      async () => {
        const { delivery, finished } = await archive.deliveries.startYearExport(request.principal, values);
        started.id = delivery.id;
        // A small delivery is done before the answer; a larger one goes on after it, and its page shows the progress.
        // A failure is recorded on the delivery (status, error) and shown there.
        const settled = finished.then(
          () => undefined,
          () => undefined,
        );
        await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, WAIT_FOR_SMALL_DELIVERY_MS).unref())]);
      },
      (state) => cloneElement(page, { state }),
    );
    if (!ok) return reply;
    const { delivery } = await archive.deliveries.getDelivery(request.principal, started.id ?? '');
    flash(request, reply, request.viewContext().t(delivery.status === 'running' ? 'archive.delivery.started' : delivery.status === 'done' ? 'archive.delivery.finished' : 'archive.delivery.status.failed'));
    return reply.redirect(`/arkiv/leveranser/${started.id ?? ''}`);
  });

  app.get('/arkiv/leveranser/:id', read, async (request, reply) => {
    const { delivery, items } = await archive.deliveries.getDelivery(request.principal, idParam(request));
    // The HTTP Refresh header asks the browser to reload the page while the package is written (no script needed).
    if (delivery.status === 'running') reply.header('refresh', '2');
    return reply.page(<DeliveryPage ctx={request.viewContext()} delivery={delivery} items={items} canDownload={can(request.principal, 'archive.manage', await archiveScope(services.database.db))} />);
  });

  app.get('/arkiv/leveranser/:id/paket.zip', manage, async (request, reply) => {
    const { filename, bytes } = await archive.deliveries.deliveryZip(request.principal, idParam(request));
    return reply.header('content-type', 'application/zip').header('content-disposition', attachmentHeader(filename)).header('cache-control', 'private, no-store').send(bytes);
  });

  // Disposal and legal holds
  async function disposalPage(request: FastifyRequest, holdState: FormState = emptyForm()) {
    const overview = await archive.disposal.overview(request.principal);
    const holds = await archive.disposal.listHolds(request.principal);
    return <DisposalPage ctx={request.viewContext()} candidates={overview.candidates} kept={overview.kept} lists={overview.lists} holds={holds} canManage={overview.canManage} holdState={holdState} />;
  }
  app.get('/arkiv/gallring', read, async (request, reply) => reply.page(await disposalPage(request)));

  app.post('/arkiv/gallring', manage, async (request, reply) => {
    const list = await archive.disposal.propose(request.principal);
    flash(request, reply, request.viewContext().t('archive.list.created'));
    return reply.redirect(`/arkiv/gallring/${list.id}`);
  });

  const listPage = async (request: FastifyRequest, id: string, state?: FormState) => {
    const { list, items, canManage, canApprove } = await archive.disposal.getList(request.principal, id);
    return <DisposalListPage ctx={request.viewContext()} list={list} items={items} canManage={canManage} canApprove={canApprove} state={state ?? emptyForm({ approvedByName: request.principal?.name ?? '' })} />;
  };
  app.get('/arkiv/gallring/:id', read, async (request, reply) => reply.page(await listPage(request, idParam(request))));

  app.post('/arkiv/gallring/:id/godkann', approve, async (request, reply) => {
    const id = idParam(request);
    const values = formBody(request);
    const page = await listPage(request, id);
    const ok = await handleForm(reply, values, () => archive.disposal.approve(request.principal, id, values), (state) => cloneElement(page, { state }));
    if (!ok) return reply;
    flash(request, reply, request.viewContext().t('archive.list.approved'));
    return reply.redirect(`/arkiv/gallring/${id}`);
  });

  app.get('/arkiv/gallring/:id/verkstall', approve, async (request, reply) => {
    const { list, items } = await archive.disposal.getList(request.principal, idParam(request));
    return reply.page(<ConfirmDisposalPage ctx={request.viewContext()} list={list} count={items.length} />);
  });

  app.post('/arkiv/gallring/:id/verkstall', approve, async (request, reply) => {
    const id = idParam(request);
    const count = await archive.disposal.execute(request.principal, id);
    flash(request, reply, request.viewContext().t('archive.confirm.done', { count }));
    return reply.redirect(`/arkiv/gallring/${id}`);
  });

  app.post('/arkiv/gallring/:id/avbryt', manage, async (request, reply) => {
    const id = idParam(request);
    await archive.disposal.cancel(request.principal, id);
    flash(request, reply, request.viewContext().t('archive.list.cancelled'));
    return reply.redirect(`/arkiv/gallring/${id}`);
  });

  app.post('/arkiv/sparrar', manage, async (request, reply) => {
    const values = formBody(request);
    const page = await disposalPage(request);
    const ok = await handleForm(reply, values, () => archive.disposal.placeHold(request.principal, values), (state) => cloneElement(page, { holdState: state }));
    if (!ok) return reply;
    flash(request, reply, request.viewContext().t('archive.hold.placed'));
    return reply.redirect('/arkiv/gallring');
  });

  app.post('/arkiv/sparrar/:id/hav', manage, async (request, reply) => {
    await archive.disposal.releaseHold(request.principal, idParam(request));
    flash(request, reply, request.viewContext().t('archive.hold.released'));
    return reply.redirect('/arkiv/gallring');
  });

  // Archived (re-imported) material: read-only
  app.get('/arkiv/arkiverat', read, async (request, reply) => reply.page(<ArchivedListPage ctx={request.viewContext()} packages={await archive.archived.listPackages(request.principal)} />));

  app.get('/arkiv/arkiverat/:id', read, async (request, reply) => {
    const { package: pkg, objects, canReadSecret } = await archive.archived.getPackage(request.principal, idParam(request));
    return reply.page(<ArchivedPackagePage ctx={request.viewContext()} pkg={pkg} objects={objects} canReadSecret={canReadSecret} />);
  });

  app.get('/arkiv/arkiverat/filer/:id', read, async (request, reply) => {
    const { object, bytes } = await archive.archived.getArchivedFile(request.principal, idParam(request));
    const name = object.path.split('/').pop() ?? 'fil';
    return reply
      .header('content-type', object.path.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream')
      .header('content-disposition', attachmentHeader(object.kind === 'file' ? object.title || name : name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(bytes);
  });
}
