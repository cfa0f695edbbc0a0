import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { idParam } from '../../platform/http/params.js';
import { emptyForm } from '../../platform/views/forms.js';
import type { ScopedAction } from '../../platform/auth/policy.js';
import { attachmentHeader } from '../registry/registry.http.js';
import { committeeContext, committeeFor, inCommittee } from '../archive/committee-choice.js';
import { ConfirmPseudonymisePage, ControllerFormPage, PeoplePage, PersonPage, ProcessingFormPage, RegisterPage } from './privacy.pages.js';

export function registerPrivacyRoutes(app: FastifyInstance, services: Services): void {
  const { privacy } = services;
  const read = { config: { action: 'archive.read' as const } };
  const manage = { config: { action: 'personalData.manage' as const } };
  /** The committee of a page or form without an object id (`?namnd=`, or the user's only one); undefined once the choice page is sent. */
  const committeeOf = (request: FastifyRequest, reply: FastifyReply, action: ScopedAction, listPath?: string) => committeeFor(request, reply, services.database.db, action, listPath);

  app.get('/dataskydd', read, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'archive.read');
    if (!committee) return reply;
    const { rows, controller, canManage } = await privacy.listProcessing(request.principal, committee);
    return reply.page(<RegisterPage ctx={committeeContext(request, committee)} committee={committee} rows={rows} controller={controller} canManage={canManage} />);
  });

  app.get('/dataskydd/ansvarig', manage, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'personalData.manage');
    if (!committee) return reply;
    const controller = await privacy.getController(request.principal, committee);
    const values: Record<string, string> = controller ? { controllerName: controller.controllerName, controllerContact: controller.controllerContact, dpoName: controller.dpoName, dpoContact: controller.dpoContact } : {};
    return reply.page(<ControllerFormPage ctx={committeeContext(request, committee)} committee={committee} state={emptyForm(values)} />);
  });

  app.post('/dataskydd/ansvarig', manage, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'personalData.manage', '/dataskydd');
    if (!committee) return reply;
    const ctx = committeeContext(request, committee);
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => privacy.saveController(request.principal, committee, values), (state) => <ControllerFormPage ctx={ctx} committee={committee} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('privacy.controller.saved'));
    return reply.redirect(inCommittee('/dataskydd', committee));
  });

  const NEW = '/dataskydd/behandlingar/ny';
  app.get(NEW, manage, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'personalData.manage');
    if (!committee) return reply;
    const ctx = committeeContext(request, committee);
    return reply.page(<ProcessingFormPage ctx={ctx} committee={committee} state={emptyForm()} action={NEW} title={ctx.t('privacy.processing.new')} />);
  });

  app.post(NEW, manage, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'personalData.manage', '/dataskydd');
    if (!committee) return reply;
    const ctx = committeeContext(request, committee);
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => privacy.createProcessing(request.principal, committee, values), (state) => <ProcessingFormPage ctx={ctx} committee={committee} state={state} action={NEW} title={ctx.t('privacy.processing.new')} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('privacy.processing.created'));
    return reply.redirect(inCommittee('/dataskydd', committee));
  });

  // A processing or a person: the committee is the object's own.
  app.get('/dataskydd/behandlingar/:id', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const { row, committee } = await privacy.getProcessing(request.principal, idParam(request));
    const { id: _id, committeeId: _c, createdAt: _a, updatedAt: _u, ...values } = row;
    return reply.page(<ProcessingFormPage ctx={ctx} committee={committee} state={emptyForm(values)} action={`/dataskydd/behandlingar/${row.id}`} title={ctx.t('privacy.processing.edit')} />);
  });

  app.post('/dataskydd/behandlingar/:id', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const { row, committee } = await privacy.getProcessing(request.principal, idParam(request));
    const { id } = row;
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => privacy.updateProcessing(request.principal, id, values), (state) => <ProcessingFormPage ctx={ctx} committee={committee} state={state} action={`/dataskydd/behandlingar/${id}`} title={ctx.t('privacy.processing.edit')} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('privacy.processing.saved'));
    return reply.redirect(inCommittee('/dataskydd', committee));
  });

  app.get('/dataskydd/personer', manage, async (request, reply) => {
    const committee = await committeeOf(request, reply, 'personalData.manage');
    if (!committee) return reply;
    return reply.page(<PeoplePage ctx={committeeContext(request, committee)} committee={committee} people={await privacy.listPeople(request.principal, committee)} />);
  });

  app.get('/dataskydd/personer/:id', manage, async (request, reply) => {
    const summary = await privacy.personSummary(request.principal, idParam(request));
    return reply.page(<PersonPage ctx={request.viewContext()} committee={summary.committee} person={summary.person} tables={summary.tables} finalProtocols={summary.finalProtocols} hasActiveMandate={summary.hasActiveMandate} />);
  });

  app.get('/dataskydd/personer/:id/utdrag.json', manage, async (request, reply) => {
    const data = await privacy.exportPerson(request.principal, idParam(request));
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', attachmentHeader(`registerutdrag-${data.personId}.json`))
      .header('cache-control', 'private, no-store')
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/dataskydd/personer/:id/utdrag.pdf', manage, async (request, reply) => {
    const id = idParam(request);
    const pdf = await privacy.exportPersonPdf(request.principal, id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachmentHeader(`registerutdrag-${id}.pdf`)).header('cache-control', 'private, no-store').send(pdf);
  });

  app.get('/dataskydd/personer/:id/pseudonymisera', manage, async (request, reply) => {
    const summary = await privacy.personSummary(request.principal, idParam(request));
    return reply.page(<ConfirmPseudonymisePage ctx={request.viewContext()} committee={summary.committee} person={summary.person} finalProtocols={summary.finalProtocols} />);
  });

  app.post('/dataskydd/personer/:id/pseudonymisera', manage, async (request, reply) => {
    const id = idParam(request);
    const { committee } = await privacy.pseudonymise(request.principal, id);
    setFlash(reply, request, services, request.viewContext().t('privacy.pseudo.done'));
    return reply.redirect(inCommittee(`/dataskydd/personer/${id}`, committee));
  });
}
