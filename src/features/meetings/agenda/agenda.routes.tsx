import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../../services.js';
import { setFlash } from '../../../platform/http/app.js';
import { formBody, formList, handleForm } from '../../../platform/http/forms.js';
import { emptyForm, type FormState } from '../../../platform/views/forms.js';
import { agendaPath, AgendaPage, ItemFormPage, RemoveItemPage } from './agenda.pages.js';
import { uuidParam } from '../../../platform/http/params.js';

const SCRIPT = readFileSync(new URL('../../../platform/http/assets/agenda-reorder.js', import.meta.url));

/** `?arende=` on the item form: undefined when absent, '' for "no case". */
function caseQuery(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, unknown>).arende;
  return typeof value === 'string' ? value : undefined;
}

/** The form's values, with the checked documents kept as a list. */
function itemForm(request: FastifyRequest) {
  const values = formBody(request);
  const documentIds = formList(request, 'documentIds');
  const shown: Record<string, string> = { ...values, documentIds: documentIds.join(',') };
  return { values: shown, raw: { ...values, documentIds } };
}

export function registerAgendaRoutes(app: FastifyInstance, services: Services): void {
  const { agenda } = services;
  const read = { config: { action: 'meeting.read' as const } };
  const plan = { config: { action: 'meeting.plan' as const } };

  app.get('/static/agenda-reorder.js', { config: { action: 'public' } }, async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SCRIPT),
  );

  app.get('/moten/:id/dagordning', read, async (request, reply) => {
    const view = await agenda.getAgenda(request.principal, uuidParam(request));
    return reply.page(<AgendaPage ctx={request.viewContext()} agenda={view} />);
  });

  /** The item form for a chosen case (or none), ready to render with any values and errors. */
  async function itemFormPage(request: FastifyRequest, meetingId: string, itemId: string | undefined, caseId: string | undefined) {
    const ctx = request.viewContext();
    const options = await agenda.formOptions(request.principal, meetingId, caseId || undefined);
    const title = itemId ? ctx.t('agenda.editTitle') : ctx.t('agenda.addTitle');
    const action = itemId ? `${agendaPath(meetingId)}/${itemId}/andra` : `${agendaPath(meetingId)}/ny`;
    return { options, render: (state: FormState) => <ItemFormPage ctx={ctx} title={title} action={action} state={state} options={options} /> };
  }

  app.get('/moten/:id/dagordning/ny', plan, async (request, reply) => {
    const meetingId = uuidParam(request);
    const { options, render } = await itemFormPage(request, meetingId, undefined, caseQuery(request));
    const values = { kind: 'decision', caseId: options.chosenCase?.id ?? '', heading: options.chosenCase?.title ?? '' };
    return reply.page(render(emptyForm(values)));
  });

  app.post('/moten/:id/dagordning/ny', plan, async (request, reply) => {
    const meetingId = uuidParam(request);
    const { values, raw } = itemForm(request);
    const { render } = await itemFormPage(request, meetingId, undefined, values.caseId);
    let itemId = '';
    const ok = await handleForm(reply, values, async () => void (itemId = (await agenda.addItem(request.principal, meetingId, raw)).id), render);
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('agenda.added'));
    return reply.redirect(`${agendaPath(meetingId)}#punkt-${itemId}`);
  });

  app.get('/moten/:id/dagordning/:itemId/andra', plan, async (request, reply) => {
    const meetingId = uuidParam(request);
    const { item, documents } = await agenda.getItem(request.principal, meetingId, uuidParam(request, 'itemId'));
    const asked = caseQuery(request);
    const { options, render } = await itemFormPage(request, meetingId, item.id, asked ?? item.caseId ?? undefined);
    const inCase = new Set(options.caseDocuments.map((d) => d.id));
    const values = {
      kind: item.kind,
      caseId: options.chosenCase?.id ?? '',
      // A newly chosen case brings its title, as when adding.
      heading: asked !== undefined && asked !== (item.caseId ?? '') && options.chosenCase ? options.chosenCase.title : item.heading,
      proposal: item.proposal,
      summary: item.summary,
      recipients: item.recipients.join('\n'),
      isSecret: item.isSecret ? 'on' : '',
      publicHeading: item.publicHeading ?? '',
      secrecyProvision: item.secrecyProvision ?? '',
      documentIds: documents.filter((d) => inCase.has(d.id)).map((d) => d.id).join(','),
      otherHids: documents.filter((d) => !inCase.has(d.id)).map((d) => d.handlingId).join(', '),
    };
    return reply.page(render(emptyForm(values)));
  });

  app.post('/moten/:id/dagordning/:itemId/andra', plan, async (request, reply) => {
    const meetingId = uuidParam(request);
    const itemId = uuidParam(request, 'itemId');
    const { values, raw } = itemForm(request);
    const { render } = await itemFormPage(request, meetingId, itemId, values.caseId);
    const ok = await handleForm(reply, values, () => agenda.updateItem(request.principal, meetingId, itemId, raw), render);
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('common.saved'));
    return reply.redirect(`${agendaPath(meetingId)}#punkt-${itemId}`);
  });

  app.get('/moten/:id/dagordning/:itemId/ta-bort', plan, async (request, reply) => {
    const meetingId = uuidParam(request);
    const { item } = await agenda.getItem(request.principal, meetingId, uuidParam(request, 'itemId'));
    return reply.page(<RemoveItemPage ctx={request.viewContext()} meetingId={meetingId} item={item} />);
  });

  app.post('/moten/:id/dagordning/:itemId/ta-bort', plan, async (request, reply) => {
    const meetingId = uuidParam(request);
    await agenda.removeItem(request.principal, meetingId, uuidParam(request, 'itemId'));
    setFlash(reply, request, services, request.viewContext().t('agenda.removed'));
    return reply.redirect(agendaPath(meetingId));
  });

  app.post('/moten/:id/dagordning/:itemId/flytta', plan, async (request, reply) => {
    const meetingId = uuidParam(request);
    const itemId = uuidParam(request, 'itemId');
    await agenda.moveItem(request.principal, meetingId, itemId, formBody(request));
    return reply.redirect(`${agendaPath(meetingId)}#punkt-${itemId}`);
  });

  /** Drag and drop posts the whole order here; a script asks for JSON, a plain form gets the page. */
  app.post('/moten/:id/dagordning/ordning', plan, async (request, reply) => {
    const meetingId = uuidParam(request);
    const order = formList(request, 'order').flatMap((v) => v.split(',')).filter(Boolean);
    const positions = await agenda.setOrder(request.principal, meetingId, { order });
    if ((request.headers.accept ?? '').includes('application/json')) return reply.send({ data: positions });
    setFlash(reply, request, services, request.viewContext().t('agenda.orderSaved'));
    return reply.redirect(agendaPath(meetingId));
  });
}
