import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../../services.js';
import { setFlash } from '../../../platform/http/app.js';
import { formBody, handleForm } from '../../../platform/http/forms.js';
import { emptyForm } from '../../../platform/views/forms.js';
import { meetingFormValues } from './schedule.service.js';
import { AnnualCycleIndexPage, AnnualCyclePage, CancelMeetingPage, MeetingFormPage, MeetingListPage, MeetingPage } from './schedule.pages.js';
import { uuidParam } from '../../../platform/http/params.js';


const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export function registerScheduleRoutes(app: FastifyInstance, services: Services): void {
  const { schedule } = services;
  const read = { config: { action: 'meeting.read' as const } };
  const plan = { config: { action: 'meeting.plan' as const } };
  const open = { config: { action: 'public' as const } };

  app.get('/moten', read, async (request, reply) => {
    const list = await schedule.list(request.principal, request.query);
    return reply.page(<MeetingListPage ctx={request.viewContext()} list={list} />);
  });

  app.get('/moten/nytt', plan, async (request, reply) => {
    const ctx = request.viewContext();
    const bodies = await schedule.plannableBodies(request.principal);
    const asked = String((request.query as Record<string, unknown>).organ ?? '');
    const bodyId = bodies.some((b) => b.id === asked) ? asked : (bodies[0]?.id ?? '');
    const state = emptyForm({ bodyId, kind: 'meeting' });
    return reply.page(<MeetingFormPage ctx={ctx} title={ctx.t('schedule.new')} action="/moten/nytt" back="/moten" state={state} bodies={bodies} />);
  });

  app.post('/moten/nytt', plan, async (request, reply) => {
    const ctx = request.viewContext();
    const values = formBody(request);
    const bodies = await schedule.plannableBodies(request.principal);
    let id = '';
    const ok = await handleForm(
      reply,
      values,
      async () => {
        id = await schedule.create(request.principal, values);
      },
      (state) => <MeetingFormPage ctx={ctx} title={ctx.t('schedule.new')} action="/moten/nytt" back="/moten" state={state} bodies={bodies} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('schedule.created'));
    return reply.redirect(`/moten/${id}`);
  });

  app.get('/moten/:id', read, async (request, reply) => {
    const overview = await schedule.overview(request.principal, uuidParam(request, 'id'));
    return reply.page(<MeetingPage ctx={request.viewContext()} overview={overview} />);
  });

  app.get('/moten/:id/andra', plan, async (request, reply) => {
    const ctx = request.viewContext();
    const meeting = await schedule.findForPlanning(request.principal, uuidParam(request, 'id'));
    const bodies = await schedule.plannableBodies(request.principal);
    const title = ctx.t('schedule.editTitle', { date: meeting.date });
    return reply.page(<MeetingFormPage ctx={ctx} title={title} action={`/moten/${meeting.id}/andra`} back={`/moten/${meeting.id}`} state={emptyForm(meetingFormValues(meeting))} bodies={bodies} />);
  });

  app.post('/moten/:id/andra', plan, async (request, reply) => {
    const ctx = request.viewContext();
    const meeting = await schedule.findForPlanning(request.principal, uuidParam(request, 'id'));
    const bodies = await schedule.plannableBodies(request.principal);
    const values = formBody(request);
    const title = ctx.t('schedule.editTitle', { date: meeting.date });
    let noticeAlreadySent = false;
    const ok = await handleForm(
      reply,
      values,
      async () => {
        ({ noticeAlreadySent } = await schedule.update(request.principal, meeting.id, values));
      },
      (state) => <MeetingFormPage ctx={ctx} title={title} action={`/moten/${meeting.id}/andra`} back={`/moten/${meeting.id}`} state={state} bodies={bodies} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t(noticeAlreadySent ? 'schedule.savedNoticeSent' : 'common.saved'));
    return reply.redirect(`/moten/${meeting.id}`);
  });

  app.get('/moten/:id/stall-in', plan, async (request, reply) => {
    const meeting = await schedule.findForPlanning(request.principal, uuidParam(request, 'id'));
    if (meeting.status !== 'planned') return reply.redirect(`/moten/${meeting.id}`);
    return reply.page(<CancelMeetingPage ctx={request.viewContext()} meeting={meeting} />);
  });

  app.post('/moten/:id/stall-in', plan, async (request, reply) => {
    const id = uuidParam(request, 'id');
    await schedule.cancel(request.principal, id);
    setFlash(reply, request, services, request.viewContext().t('schedule.cancelled'));
    return reply.redirect(`/moten/${id}`);
  });

  app.get('/moten/arshjul', read, async (request, reply) => {
    const bodies = await schedule.listBodies(request.principal);
    return reply.page(<AnnualCycleIndexPage ctx={request.viewContext()} bodies={bodies} />);
  });

  app.get('/moten/arshjul/:bodyId', read, async (request, reply) => {
    const cycle = await schedule.annualCycle(request.principal, uuidParam(request, 'bodyId'));
    return reply.page(<AnnualCyclePage ctx={request.viewContext()} {...cycle} state={emptyForm()} />);
  });

  app.post('/moten/arshjul/:bodyId', plan, async (request, reply) => {
    const ctx = request.viewContext();
    const bodyId = uuidParam(request, 'bodyId');
    const cycle = await schedule.annualCycle(request.principal, bodyId);
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => schedule.addCycleItem(request.principal, bodyId, values), (state) => <AnnualCyclePage ctx={ctx} {...cycle} state={state} />);
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('schedule.cycleAdded'));
    return reply.redirect(`/moten/arshjul/${bodyId}`);
  });

  app.post('/moten/arshjul/:bodyId/:itemId/ta-bort', plan, async (request, reply) => {
    const bodyId = uuidParam(request, 'bodyId');
    await schedule.removeCycleItem(request.principal, bodyId, uuidParam(request, 'itemId'));
    setFlash(reply, request, services, request.viewContext().t('schedule.cycleRemoved'));
    return reply.redirect(`/moten/arshjul/${bodyId}`);
  });

  app.get('/kalender/:bodyId.ics', open, async (request, reply) => {
    const ics = await schedule.calendarFeed(request.principal, uuidParam(request, 'bodyId'), origin(request));
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="kalender.ics"').header('cache-control', 'no-cache').send(ics);
  });
}
