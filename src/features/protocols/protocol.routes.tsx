import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { emptyForm } from '../../platform/views/forms.js';
import { notFound } from '../../platform/errors.js';
import { HeaderFormPage, ParagraphFormPage, ProtocolPage, headerFormValues, paragraphFormValues } from './protocol.pages.js';
import { uuidParam } from '../../platform/http/params.js';
import { SecretaryComments } from './review.pages.js';


export function registerProtocolRoutes(app: FastifyInstance, services: Services): void {
  const { protocols } = services;
  const read = { config: { action: 'meeting.read' as const } };
  const plan = { config: { action: 'meeting.plan' as const } };

  async function draftOf(request: FastifyRequest) {
    const view = await protocols.view(request.principal, uuidParam(request, 'id'));
    if (!view.protocol) throw notFound({ sv: 'Mötet har inget protokoll ännu.', en: 'The meeting has no protocol yet.' });
    return { view, protocol: view.protocol };
  }

  app.get('/moten/:id/protokoll', read, async (request, reply) => {
    const view = await protocols.view(request.principal, uuidParam(request, 'id'));
    const corrections = view.protocol?.row.status === 'final' ? await services.corrections.list(request.principal, view.protocol.row.id) : [];
    const ctx = request.viewContext();
    const row = view.protocol?.row;
    const review = row ? <SecretaryComments ctx={ctx} protocolId={row.id} status={row.status} review={await services.review.forSecretary(request.principal, row.id)} /> : null;
    return reply.page(<ProtocolPage ctx={ctx} view={view} corrections={corrections} review={review} />);
  });

  app.get('/moten/:id/protokoll.json', read, async (request, reply) => {
    return reply.send(await protocols.documentForMeeting(request.principal, uuidParam(request, 'id')));
  });

  app.get('/api/v1/protocols/:id', read, async (request, reply) => {
    return reply.send(await protocols.document(request.principal, uuidParam(request, 'id')));
  });

  app.post('/moten/:id/protokoll', plan, async (request, reply) => {
    const id = uuidParam(request, 'id');
    await protocols.createDraft(request.principal, id);
    setFlash(reply, request, services, request.viewContext().t('protocol.created'));
    return reply.redirect(`/moten/${id}/protokoll`);
  });

  // Omedelbar justering at the meeting: the paragraph is written and its § reserved, then signed on the justering page.
  app.post('/moten/:id/protokoll/omedelbar', plan, async (request, reply) => {
    const id = uuidParam(request, 'id');
    const itemId = formBody(request).itemId ?? '';
    if (!/^[0-9a-f-]{36}$/i.test(itemId)) throw notFound({ sv: 'Punkten finns inte på dagordningen.', en: 'The item is not on the agenda.' });
    const { protocolId, number } = await protocols.reserveImmediateParagraph(request.principal, id, itemId);
    setFlash(reply, request, services, request.viewContext().t('protocol.immediateReserved', { number }));
    return reply.redirect(`/protokoll/${protocolId}/justera`);
  });

  app.get('/moten/:id/protokoll/andra', plan, async (request, reply) => {
    const { view } = await draftOf(request);
    return reply.page(<HeaderFormPage ctx={request.viewContext()} view={view} state={emptyForm(headerFormValues(view))} />);
  });

  app.post('/moten/:id/protokoll/andra', plan, async (request, reply) => {
    const ctx = request.viewContext();
    const { view, protocol } = await draftOf(request);
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => protocols.updateHeader(request.principal, protocol.row.id, values), (state) => <HeaderFormPage ctx={ctx} view={view} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('common.saved'));
    return reply.redirect(`/moten/${view.meeting.id}/protokoll`);
  });

  app.get('/moten/:id/protokoll/paragraf/:paragraphId', plan, async (request, reply) => {
    const meetingId = uuidParam(request, 'id');
    const { paragraph } = await protocols.findParagraph(request.principal, meetingId, uuidParam(request, 'paragraphId'));
    return reply.page(<ParagraphFormPage ctx={request.viewContext()} meetingId={meetingId} paragraph={paragraph} state={emptyForm(paragraphFormValues(paragraph))} />);
  });

  app.post('/moten/:id/protokoll/paragraf/:paragraphId', plan, async (request, reply) => {
    const ctx = request.viewContext();
    const meetingId = uuidParam(request, 'id');
    const { paragraph } = await protocols.findParagraph(request.principal, meetingId, uuidParam(request, 'paragraphId'));
    const values = formBody(request);
    const ok = await handleForm(
      reply,
      values,
      () => protocols.updateParagraph(request.principal, paragraph.id, values),
      (state) => <ParagraphFormPage ctx={ctx} meetingId={meetingId} paragraph={paragraph} state={state} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('common.saved'));
    return reply.redirect(`/moten/${meetingId}/protokoll#paragraf-${paragraph.id}`);
  });

  app.post('/moten/:id/protokoll/paragrafnummer', plan, async (request, reply) => {
    const ctx = request.viewContext();
    const { view, protocol } = await draftOf(request);
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => protocols.setCounterBefore(request.principal, protocol.row.id, values), (state) => <ProtocolPage ctx={ctx} view={view} counterState={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('protocol.counterSaved', { number: values.lastNumber ?? '' }));
    return reply.redirect(`/moten/${view.meeting.id}/protokoll`);
  });

  app.post('/moten/:id/protokoll/las', plan, async (request, reply) => {
    const ctx = request.viewContext();
    const { view, protocol } = await draftOf(request);
    const { numbers } = await protocols.lock(request.principal, protocol.row.id);
    const first = numbers[0];
    const last = numbers.at(-1);
    setFlash(reply, request, services, first === undefined || last === undefined ? ctx.t('protocol.lockedEmpty') : ctx.t('protocol.locked', { first, last }));
    return reply.redirect(`/moten/${view.meeting.id}/protokoll`);
  });
}
