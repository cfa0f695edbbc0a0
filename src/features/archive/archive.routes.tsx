import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cloneElement } from 'preact';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm, handleUploadForm, uploadedOrPastedCsv } from '../../platform/http/forms.js';
import { idParam } from '../../platform/http/params.js';
import { emptyForm, type FormState } from '../../platform/views/forms.js';
import { can, type ScopedAction } from '../../platform/auth/policy.js';
import { archiveScope } from './archive-scope.js';
import { committeeContext, committeeFor, inCommittee } from './committee-choice.js';
import { attachmentHeader, readForm } from '../registry/registry.http.js';
import { archiveMessages } from './archive.messages.js';
import { ArchiveHomePage, PlanPage, RuleEditPage, ruleValues } from './plan.pages.js';
import { DeliveriesPage, DeliveryPage } from './delivery.pages.js';
import { registerDisposalRoutes } from './disposal.routes.js';
import { ArchivedListPage, ArchivedPackagePage } from './archived.pages.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

/** How long the web waits for a small delivery before answering with the progress page. */

const csvMessages = { notUtf8: archiveMessages['archive.plan.notUtf8'], noInput: archiveMessages['archive.plan.noInput'] };

export function registerArchiveRoutes(app: FastifyInstance, services: Services): void {
  const { archive } = services;
  const db = services.database.db;
  const read = { config: { action: 'archive.read' as const } };
  const manage = { config: { action: 'archive.manage' as const } };
  const approve = { config: { action: 'archive.approveDisposal' as const } };
  const flash = (request: FastifyRequest, reply: Parameters<typeof setFlash>[0], text: string) => setFlash(reply, request, services, text);
  /** The committee of a page or form without an object id (`?namnd=`, or the user's only one); undefined once the choice page is sent. */
  const committeeOf = (request: FastifyRequest, reply: FastifyReply, action: ScopedAction, listPath?: string) => committeeFor(request, reply, db, action, listPath);

  app.get('/arkiv', read, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'archive.read');
    if (!committee) return reply;
    const { canManagePersonalData } = archive.home(request.principal, committee);
    return reply.page(<ArchiveHomePage ctx={committeeContext(request, committee)} committee={committee} canManagePersonalData={canManagePersonalData} />);
  });

  // Document management plan
  const PLAN = '/arkiv/dokumenthanteringsplan';
  async function planPage(request: FastifyRequest, committee: OrganisationRow, states: { importState?: FormState; ruleState?: FormState } = {}) {
    const { rules, canManage } = await archive.plan.listRules(request.principal, committee);
    return <PlanPage ctx={committeeContext(request, committee)} committee={committee} rules={rules} canManage={canManage} importState={states.importState ?? emptyForm()} ruleState={states.ruleState ?? emptyForm({ action: 'dispose' })} />;
  }
  app.get(PLAN, read, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'archive.read');
    if (!committee) return reply;
    return reply.page(await planPage(request, committee));
  });

  app.post(`${PLAN}/import`, manage, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'archive.manage', PLAN);
    if (!committee) return reply;
    const imported = { count: 0 };
    const ok = await handleUploadForm(
      reply,
      {},
      () => readForm(request, services.config.maxFileBytes),
      async (form) => {
        imported.count = await archive.plan.importPlan(request.principal, committee, uploadedOrPastedCsv(form, csvMessages));
      },
      async (importState) => cloneElement(await planPage(request, committee), { importState }),
    );
    if (!ok) return reply;
    flash(request, reply, request.viewContext().t('archive.plan.imported', { count: imported.count }));
    return reply.redirect(inCommittee(PLAN, committee));
  });

  app.post(`${PLAN}/ny`, manage, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'archive.manage', PLAN);
    if (!committee) return reply;
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => archive.plan.createRule(request.principal, committee, values), async (state) => cloneElement(await planPage(request, committee), { ruleState: state }));
    if (!ok) return reply;
    flash(request, reply, request.viewContext().t('archive.rule.created'));
    return reply.redirect(inCommittee(PLAN, committee));
  });

  // A rule, a delivery, a list, a hold, a package: the committee is the object's own.
  app.get(`${PLAN}/:id`, manage, async (request, reply) => {
    const { rule, committee } = await archive.plan.getRule(request.principal, idParam(request));
    return reply.page(<RuleEditPage ctx={request.viewContext()} committee={committee} rule={rule} state={emptyForm(ruleValues(rule))} />);
  });

  app.post(`${PLAN}/:id`, manage, async (request, reply) => {
    const { rule, committee } = await archive.plan.getRule(request.principal, idParam(request));
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => archive.plan.updateRule(request.principal, rule.id, values), (state) => <RuleEditPage ctx={request.viewContext()} committee={committee} rule={rule} state={state} />);
    if (!ok) return reply;
    flash(request, reply, request.viewContext().t('archive.rule.saved'));
    return reply.redirect(inCommittee(PLAN, committee));
  });

  // Deliveries to the e-archive
  const deliveriesPage = async (request: FastifyRequest, committee: OrganisationRow, state: FormState) => (
    <DeliveriesPage
      ctx={committeeContext(request, committee)}
      committee={committee}
      deliveries={await archive.deliveries.listDeliveries(request.principal, committee)}
      canManage={can(request.principal, 'archive.manage', archiveScope(committee.id))}
      state={state}
    />
  );
  app.get('/arkiv/leveranser', read, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'archive.read');
    if (!committee) return reply;
    return reply.page(await deliveriesPage(request, committee, emptyForm({ year: String(Number(request.viewContext().today.slice(0, 4)) - 1) })));
  });

  app.post('/arkiv/leveranser', manage, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'archive.manage');
    if (!committee) return reply;
    const values = formBody(request);
    let deliveryId = '';
    const ok = await handleForm(
      reply,
      values,
      async () => {
        // The package is written after the answer: the delivery's page shows its progress and
        // reloads itself until it is done; a failure is recorded on the delivery and shown there.
        const { delivery, finished } = await archive.deliveries.startYearExport(request.principal, committee, values);
        deliveryId = delivery.id;
        finished.catch(() => undefined);
      },
      (state) => deliveriesPage(request, committee, state),
    );
    if (!ok) return reply;
    flash(request, reply, request.viewContext().t('archive.delivery.started'));
    return reply.redirect(inCommittee(`/arkiv/leveranser/${deliveryId}`, committee));
  });

  app.get('/arkiv/leveranser/:id', read, async (request, reply) => {
    const { delivery, items, committee, canDownload } = await archive.deliveries.getDelivery(request.principal, idParam(request));
    // The HTTP Refresh header asks the browser to reload the page while the package is written (no script needed).
    if (delivery.status === 'running') reply.header('refresh', '2');
    return reply.page(<DeliveryPage ctx={request.viewContext()} committee={committee} delivery={delivery} items={items} canDownload={canDownload} />);
  });

  app.get('/arkiv/leveranser/:id/paket.zip', manage, async (request, reply) => {
    const { filename, bytes } = await archive.deliveries.deliveryZip(request.principal, idParam(request));
    return reply.header('content-type', 'application/zip').header('content-disposition', attachmentHeader(filename)).header('cache-control', 'private, no-store').send(bytes);
  });

  registerDisposalRoutes(app, services, { read, manage, approve, committeeOf, flash });

  // Archived (re-imported) material: read-only
  app.get('/arkiv/arkiverat', read, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'archive.read');
    if (!committee) return reply;
    return reply.page(<ArchivedListPage ctx={committeeContext(request, committee)} committee={committee} packages={await archive.archived.listPackages(request.principal, committee)} />);
  });

  app.get('/arkiv/arkiverat/:id', read, async (request, reply) => {
    const { package: pkg, objects, canReadSecret, committee } = await archive.archived.getPackage(request.principal, idParam(request));
    return reply.page(<ArchivedPackagePage ctx={request.viewContext()} committee={committee} pkg={pkg} objects={objects} canReadSecret={canReadSecret} />);
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
