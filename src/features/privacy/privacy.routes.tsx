import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { idParam } from '../../platform/http/params.js';
import { emptyForm } from '../../platform/views/forms.js';
import { attachmentHeader } from '../registry/registry.http.js';
import { ConfirmPseudonymisePage, ControllerFormPage, PeoplePage, PersonPage, ProcessingFormPage, RegisterPage } from './privacy.pages.js';

export function registerPrivacyRoutes(app: FastifyInstance, services: Services): void {
  const { privacy } = services;
  const read = { config: { action: 'archive.read' as const } };
  const manage = { config: { action: 'personalData.manage' as const } };

  app.get('/dataskydd', read, async (request, reply) => {
    const { rows, controller, canManage } = await privacy.listProcessing(request.principal);
    return reply.page(<RegisterPage ctx={request.viewContext()} rows={rows} controller={controller} canManage={canManage} />);
  });

  app.get('/dataskydd/ansvarig', manage, async (request, reply) => {
    const controller = await privacy.getController(request.principal);
    const values: Record<string, string> = controller ? { controllerName: controller.controllerName, controllerContact: controller.controllerContact, dpoName: controller.dpoName, dpoContact: controller.dpoContact } : {};
    return reply.page(<ControllerFormPage ctx={request.viewContext()} state={emptyForm(values)} />);
  });

  app.post('/dataskydd/ansvarig', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => privacy.saveController(request.principal, values), (state) => <ControllerFormPage ctx={ctx} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('privacy.controller.saved'));
    return reply.redirect('/dataskydd');
  });

  app.get('/dataskydd/behandlingar/ny', manage, async (request, reply) => {
    const ctx = request.viewContext();
    return reply.page(<ProcessingFormPage ctx={ctx} state={emptyForm()} action="/dataskydd/behandlingar/ny" title={ctx.t('privacy.processing.new')} />);
  });

  app.post('/dataskydd/behandlingar/ny', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => privacy.createProcessing(request.principal, values), (state) => <ProcessingFormPage ctx={ctx} state={state} action="/dataskydd/behandlingar/ny" title={ctx.t('privacy.processing.new')} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('privacy.processing.created'));
    return reply.redirect('/dataskydd');
  });

  app.get('/dataskydd/behandlingar/:id', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const row = await privacy.getProcessing(request.principal, idParam(request));
    const { id: _id, committeeId: _c, createdAt: _a, updatedAt: _u, ...values } = row;
    return reply.page(<ProcessingFormPage ctx={ctx} state={emptyForm(values)} action={`/dataskydd/behandlingar/${row.id}`} title={ctx.t('privacy.processing.edit')} />);
  });

  app.post('/dataskydd/behandlingar/:id', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const id = (await privacy.getProcessing(request.principal, idParam(request))).id;
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => privacy.updateProcessing(request.principal, id, values), (state) => <ProcessingFormPage ctx={ctx} state={state} action={`/dataskydd/behandlingar/${id}`} title={ctx.t('privacy.processing.edit')} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('privacy.processing.saved'));
    return reply.redirect('/dataskydd');
  });

  app.get('/dataskydd/personer', manage, async (request, reply) => reply.page(<PeoplePage ctx={request.viewContext()} people={await privacy.listPeople(request.principal)} />));

  app.get('/dataskydd/personer/:id', manage, async (request, reply) => {
    const summary = await privacy.personSummary(request.principal, idParam(request));
    return reply.page(<PersonPage ctx={request.viewContext()} person={summary.person} tables={summary.tables} finalProtocols={summary.finalProtocols} hasActiveMandate={summary.hasActiveMandate} />);
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
    return reply.page(<ConfirmPseudonymisePage ctx={request.viewContext()} person={summary.person} finalProtocols={summary.finalProtocols} />);
  });

  app.post('/dataskydd/personer/:id/pseudonymisera', manage, async (request, reply) => {
    const id = idParam(request);
    await privacy.pseudonymise(request.principal, id);
    setFlash(reply, request, services, request.viewContext().t('privacy.pseudo.done'));
    return reply.redirect(`/dataskydd/personer/${id}`);
  });
}
