import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../services.js';
import { setFlash } from '../../../platform/http/app.js';
import { formBody, handleForm } from '../../../platform/http/forms.js';
import { ErrorPage } from '../../../platform/http/error-pages.js';
import { DomainError } from '../../../platform/errors.js';
import type { Translate } from '../../../platform/i18n/i18n.js';
import { MyMeetingsPage, RoomPage, ROOM_CSS, ROOM_CSS_PATH } from './member-room.pages.js';
import { uuidParam } from '../../../platform/http/params.js';


type AbsenceOutcome = { created: boolean; isMember: boolean; municipalityName: string; queued: string[]; noEmail: string[] };

/** One sentence for the flash after an absence report: the calls of the substitutes are on their way. */
function absenceFlash(t: Translate, o: AbsenceOutcome): string {
  if (!o.created) return t('room.absence.already');
  const parts = [t('room.absence.recorded')];
  if (o.isMember) {
    parts.push(...o.queued.map((name) => t('room.sub.queuedFlash', { name })));
    parts.push(...o.noEmail.map((name) => t('room.sub.noEmail', { name })));
    if (o.queued.length + o.noEmail.length === 0) parts.push(t('room.sub.none', { municipality: o.municipalityName }));
  }
  return parts.join(' ');
}

export function registerMemberRoomRoutes(app: FastifyInstance, services: Services): void {
  const { memberRoom } = services;
  const use = { config: { action: 'meetingRoom.use' as const } };

  app.get(ROOM_CSS_PATH, { config: { action: 'public' } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(ROOM_CSS),
  );

  app.get('/mina-moten', use, async (request, reply) => {
    const meetings = await memberRoom.listMyMeetings(request.principal);
    return reply.page(<MyMeetingsPage ctx={request.viewContext()} meetings={meetings} />);
  });

  app.get('/mina-moten/:id', use, async (request, reply) => {
    const ctx = request.viewContext();
    try {
      const room = await memberRoom.getRoom(request.principal, uuidParam(request, 'id'));
      return reply.page(<RoomPage ctx={ctx} room={room} />);
    } catch (error) {
      // Not called to this meeting (or no such meeting): the way back leads to the member's own list.
      if (!(error instanceof DomainError) || error.code !== 'NOT_FOUND') throw error;
      return reply.code(404).page(<ErrorPage ctx={ctx} title={ctx.t('error.notFound')} message={error.userMessage[ctx.locale]} back="/mina-moten" />);
    }
  });

  /**
   * Run one form of the room; when refused (bad input, or the meeting has begun) show the room
   * again with the message and what was typed, else flash the outcome and go back to the place.
   */
  async function roomForm<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { form: string; run: (values: Record<string, string>) => Promise<T>; flash: (t: Translate, result: T) => string; anchor: (result: T) => string },
  ) {
    const meetingId = uuidParam(request, 'id');
    const values = formBody(request);
    const ctx = request.viewContext();
    // Read first (this also refuses anyone not called to the meeting); a refusal changes nothing, so it is still current.
    const room = await memberRoom.getRoom(request.principal, meetingId);
    const done: { result?: T } = {};
    const ok = await handleForm(
      reply,
      values,
      async () => {
        done.result = await options.run(values);
      },
      (state) => <RoomPage ctx={ctx} room={room} form={{ id: options.form, state }} />,
    );
    if (!ok || done.result === undefined) return reply;
    setFlash(reply, request, services, options.flash(ctx.t, done.result));
    return reply.redirect(`/mina-moten/${meetingId}${options.anchor(done.result)}`);
  }

  app.post('/mina-moten/:id/franvaro', use, (request, reply) =>
    roomForm(request, reply, {
      form: 'absence',
      anchor: () => '#absence-h',
      run: (values: Record<string, string>) => memberRoom.reportAbsence(request.principal, uuidParam(request, 'id'), values),
      flash: absenceFlash,
    }),
  );

  app.post('/mina-moten/:id/franvaro/skicka-igen', use, (request, reply) =>
    roomForm(request, reply, {
      form: 'absence',
      anchor: () => '#absence-h',
      run: () => memberRoom.recallSubstitutes(request.principal, uuidParam(request, 'id')),
      flash: (t, r) => (r.queued.length > 0 ? r.queued.map((name) => t('room.sub.resent', { name })).join(' ') : t('room.sub.nothingToResend')),
    }),
  );

  app.post('/mina-moten/:id/franvaro/aterkalla', use, (request, reply) =>
    roomForm(request, reply, {
      form: 'absence',
      anchor: () => '#absence-h',
      run: () => memberRoom.withdrawAbsence(request.principal, uuidParam(request, 'id')),
      flash: (t, r) => (r.withdrawn ? [t('room.absence.withdrawn'), ...r.told.map((name) => t('room.sub.tellWithdrawn', { name }))].join(' ') : t('room.absence.notWithdrawn')),
    }),
  );

  app.post('/mina-moten/:id/punkter/:itemId/jav', use, async (request, reply) => {
    const itemId = uuidParam(request, 'itemId');
    return roomForm(request, reply, {
      form: `jav-${itemId}`,
      anchor: (r) => `#punkt-${r.position}`,
      run: (values: Record<string, string>) => memberRoom.reportJav(request.principal, uuidParam(request, 'id'), itemId, values),
      flash: (t, r) => t(r.created ? 'room.jav.recorded' : 'room.jav.already', { n: r.position }),
    });
  });

  app.post('/mina-moten/:id/punkter/:itemId/jav/aterkalla', use, async (request, reply) => {
    const itemId = uuidParam(request, 'itemId');
    return roomForm(request, reply, {
      form: `jav-${itemId}`,
      anchor: (r) => `#punkt-${r.position}`,
      run: () => memberRoom.withdrawJav(request.principal, uuidParam(request, 'id'), itemId),
      flash: (t, r) => t(r.withdrawn ? 'room.jav.withdrawn' : 'room.jav.notWithdrawn', { n: r.position }),
    });
  });

  app.post('/mina-moten/:id/punkter/:itemId/anteckning', use, async (request, reply) => {
    const itemId = uuidParam(request, 'itemId');
    return roomForm(request, reply, {
      form: `note-${itemId}`,
      anchor: (r) => `#punkt-${r.position}`,
      run: (values: Record<string, string>) => memberRoom.saveNote(request.principal, uuidParam(request, 'id'), itemId, values),
      flash: (t, r) => t(r.cleared ? 'room.note.cleared' : 'room.note.saved', { n: r.position }),
    });
  });
}
