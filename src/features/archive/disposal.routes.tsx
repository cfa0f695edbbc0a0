import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cloneElement } from 'preact';
import type { Services } from '../../services.js';
import type { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { idParam } from '../../platform/http/params.js';
import { emptyForm, type FormState } from '../../platform/views/forms.js';
import type { ScopedAction } from '../../platform/auth/policy.js';
import { committeeContext, inCommittee } from './committee-choice.js';
import { ConfirmDisposalPage, DisposalListPage, DisposalPage } from './disposal.pages.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

type RouteConfig<A extends ScopedAction> = { config: { action: A } };

/** Disposal (gallring) and legal holds, under /arkiv/gallring and /arkiv/sparrar. */
export function registerDisposalRoutes(
  app: FastifyInstance,
  services: Services,
  shared: {
    read: RouteConfig<'archive.read'>;
    manage: RouteConfig<'archive.manage'>;
    approve: RouteConfig<'archive.approveDisposal'>;
    committeeOf: (request: FastifyRequest, reply: FastifyReply, action: ScopedAction, listPath?: string) => Promise<OrganisationRow | undefined>;
    flash: (request: FastifyRequest, reply: Parameters<typeof setFlash>[0], text: string) => void;
  },
): void {
  const { disposal } = services.archive;
  const { read, manage, approve, committeeOf, flash } = shared;
  const DISPOSAL = '/arkiv/gallring';

  async function disposalPage(request: FastifyRequest, committee: OrganisationRow, holdState: FormState = emptyForm()) {
    const overview = await disposal.overview(request.principal, committee);
    const holds = await disposal.listHolds(request.principal, committee);
    return <DisposalPage ctx={committeeContext(request, committee)} committee={committee} candidates={overview.candidates} kept={overview.kept} lists={overview.lists} holds={holds} canManage={overview.canManage} holdState={holdState} />;
  }
  app.get(DISPOSAL, read, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'archive.read');
    if (!committee) return reply;
    return reply.page(await disposalPage(request, committee));
  });

  app.post(DISPOSAL, manage, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'archive.manage');
    if (!committee) return reply;
    const list = await disposal.propose(request.principal, committee);
    flash(request, reply, request.viewContext().t('archive.list.created'));
    return reply.redirect(inCommittee(`${DISPOSAL}/${list.id}`, committee));
  });

  // A list: the committee is the list's own.
  const listPage = async (request: FastifyRequest, id: string, state?: FormState) => {
    const { list, items, committee, canManage, canApprove } = await disposal.getList(request.principal, id);
    return <DisposalListPage ctx={request.viewContext()} committee={committee} list={list} items={items} canManage={canManage} canApprove={canApprove} state={state ?? emptyForm({ approvedByName: request.principal?.name ?? '' })} />;
  };
  const backToList = async (request: FastifyRequest, reply: FastifyReply, id: string, message: string) => {
    const { committee } = await disposal.getList(request.principal, id);
    flash(request, reply, message);
    return reply.redirect(inCommittee(`${DISPOSAL}/${id}`, committee));
  };
  app.get(`${DISPOSAL}/:id`, read, async (request, reply) => reply.page(await listPage(request, idParam(request))));

  app.post(`${DISPOSAL}/:id/godkann`, approve, async (request, reply) => {
    const id = idParam(request);
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => disposal.approve(request.principal, id, values), async (state) => cloneElement(await listPage(request, id), { state }));
    if (!ok) return reply;
    return backToList(request, reply, id, request.viewContext().t('archive.list.approved'));
  });

  app.get(`${DISPOSAL}/:id/verkstall`, approve, async (request, reply) => {
    const { list, items, committee } = await disposal.getList(request.principal, idParam(request));
    return reply.page(<ConfirmDisposalPage ctx={request.viewContext()} committee={committee} list={list} count={items.length} />);
  });

  app.post(`${DISPOSAL}/:id/verkstall`, approve, async (request, reply) => {
    const id = idParam(request);
    const count = await disposal.execute(request.principal, id);
    return backToList(request, reply, id, request.viewContext().t('archive.confirm.done', { count }));
  });

  app.post(`${DISPOSAL}/:id/avbryt`, manage, async (request, reply) => {
    const id = idParam(request);
    await disposal.cancel(request.principal, id);
    return backToList(request, reply, id, request.viewContext().t('archive.list.cancelled'));
  });

  app.post('/arkiv/sparrar', manage, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'archive.manage', DISPOSAL);
    if (!committee) return reply;
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => disposal.placeHold(request.principal, committee, values), async (state) => cloneElement(await disposalPage(request, committee), { holdState: state }));
    if (!ok) return reply;
    flash(request, reply, request.viewContext().t('archive.hold.placed'));
    return reply.redirect(inCommittee(DISPOSAL, committee));
  });

  // A hold: the committee is the one whose case or document it holds.
  app.post('/arkiv/sparrar/:id/hav', manage, async (request, reply) => {
    const committee = await disposal.releaseHold(request.principal, idParam(request));
    flash(request, reply, request.viewContext().t('archive.hold.released'));
    return reply.redirect(inCommittee(DISPOSAL, committee));
  });
}
