/**
 * The live meeting for members (/mina-moten/:id/live), the chair's view (/moten/:id/ordforande),
 * the big screen (/moten/:id/storbild, and on the portal /sammantraden/:id/storbild while the
 * meeting is open and public) and their event stream. Every action is a POST form that redirects
 * back to its page; a refused one shows the page again with the reason at the top.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { render } from 'preact-render-to-string';
import type { VNode } from 'preact';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody } from '../../platform/http/forms.js';
import { idParam } from '../../platform/http/params.js';
import { DomainError, HTTP_STATUS, type ErrorCode } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/i18n.js';
import type { Action, Principal } from '../../platform/auth/policy.js';
import type { ViewContext } from '../../platform/views/context.js';
import { LIVE_CLIENT_JS } from './live-client.js';
import { ChairLivePage, chairParts, chairPath, LIVE_CSS, LIVE_CSS_PATH, LIVE_JS_PATH, MemberLivePage, memberParts, memberPath, ScreenPage, streamData } from './live.pages.js';

/** Refusals the user can act on are shown on the page; the rest go to the error page. */
const SHOWN_ON_PAGE = new Set<ErrorCode>(['INVALID_INPUT', 'CONFLICT', 'INVALID_VOTE', 'INVALID_ATTENDANCE']);

type Use = (principal: Principal | null, meetingId: string, values: Record<string, string>) => Promise<unknown>;

export function registerLiveRoomRoutes(app: FastifyInstance, services: Services): void {
  const { liveRoom, eventStreams, clock } = services;
  const room = { config: { action: 'meetingRoom.use' as const } };
  const run = { config: { action: 'meeting.run' as const } };
  const read = { config: { action: 'meeting.read' as const } };
  const open = { config: { action: 'public' as const } };

  // Open streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => eventStreams.closeAll());

  app.get(LIVE_CSS_PATH, open, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(LIVE_CSS));
  app.get(LIVE_JS_PATH, open, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(LIVE_CLIENT_JS));

  const partsJson = (reply: FastifyReply, parts: Record<string, VNode>) =>
    reply
      .type('application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send({ parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, render(v)])) });

  // --- the member -----------------------------------------------------------------------------

  /**
   * One side of the live room (the member's, the chair's): its page, the page's parts for the
   * client to swap in, and its actions, each a form that returns to the page at its anchor.
   */
  function roomSide<V>(side: {
    pathOf: (meetingId: string) => string;
    access: { config: { action: Action } };
    view: (principal: Principal | null, meetingId: string) => Promise<V>;
    Page: (props: { ctx: ViewContext; view: V; error?: string }) => VNode;
    parts: (ctx: ViewContext, view: V) => Record<string, VNode>;
    actions: [string, Use, MessageKey, string][];
  }): void {
    const path = side.pathOf(':id');
    const viewOf = (request: FastifyRequest) => side.view(request.principal, idParam(request));
    app.get(path, side.access, async (request, reply) => reply.page(<side.Page ctx={request.viewContext()} view={await viewOf(request)} />));
    app.get(`${path}/delar`, side.access, async (request, reply) => partsJson(reply, side.parts(request.viewContext(), await viewOf(request))));
    for (const [action, use, done, anchor] of side.actions) {
      app.post(`${path}/${action}`, side.access, async (request, reply) =>
        act(request, reply, use, done, `${side.pathOf(idParam(request))}#${anchor}`, async (message) => <side.Page ctx={request.viewContext()} view={await viewOf(request)} error={message} />),
      );
    }
  }

  const memberActions: [string, Use, MessageKey, string][] = [
    ['narvaro', (p, id, v) => liveRoom.checkIn(p, id, v), 'lr.flash.checkin', 'narvaro'],
    ['talare', (p, id, v) => liveRoom.requestToSpeak(p, id, v), 'lr.flash.speak', 'talarlista'],
    ['talare/aterta', (p, id) => liveRoom.withdrawRequest(p, id), 'lr.flash.withdrawn', 'talarlista'],
    ['rosta', (p, id, v) => liveRoom.castBallot(p, id, v), 'lr.flash.ballot', 'omrostning'],
    ['jav', (p, id, v) => liveRoom.declareJav(p, id, v), 'lr.flash.jav', 'jav'],
    ['yrkande', (p, id, v) => liveRoom.moveMotion(p, id, v), 'lr.flash.motion', 'yrkanden'],
    ['reservation', (p, id, v) => liveRoom.reserve(p, id, v), 'lr.flash.reserved', 'reservation'],
  ];
  roomSide({ pathOf: memberPath, access: room, view: liveRoom.memberView, Page: MemberLivePage, parts: memberParts, actions: memberActions });

  // --- the chair and the secretary ------------------------------------------------------------

  const chairActions: [string, Use, MessageKey, string][] = [
    ['bekrafta', (p, id, v) => liveRoom.confirmCheckin(p, id, v), 'lr.flash.confirmed', 'anmald-narvaro'],
    ['talare/nasta', (p, id) => liveRoom.nextSpeaker(p, id), 'lr.flash.speakers', 'talarlista'],
    ['talare/ge-ordet', (p, id, v) => liveRoom.giveFloor(p, id, v), 'lr.flash.speakers', 'talarlista'],
    ['talare/klar', (p, id, v) => liveRoom.finishSpeaker(p, id, v), 'lr.flash.speakers', 'talarlista'],
    ['talare/stryk', (p, id, v) => liveRoom.removeSpeaker(p, id, v), 'lr.flash.speakers', 'talarlista'],
    ['omrostning', (p, id, v) => liveRoom.openVote(p, id, v), 'lr.flash.voteOpened', 'omrostning'],
    ['omrostning/avsluta', (p, id, v) => liveRoom.closeVote(p, id, v), 'lr.flash.voteClosed', 'omrostning'],
    ['publik', (p, id, v) => liveRoom.setPublic(p, id, v), 'lr.flash.public', 'main'],
    ['talartid', (p, id, v) => liveRoom.setSpeakerTime(p, id, v), 'lr.flash.speakerTime', 'talarlista'],
  ];
  roomSide({ pathOf: chairPath, access: run, view: liveRoom.chairView, Page: ChairLivePage, parts: chairParts, actions: chairActions });

  // --- the big screen and the stream ----------------------------------------------------------

  app.get('/moten/:id/storbild', read, async (request, reply) => {
    const state = await liveRoom.screenView(request.principal, idParam(request));
    return reply.page(<ScreenPage ctx={request.viewContext()} state={state} now={clock()} publicView={false} />);
  });

  app.get('/moten/:id/live/handelser', read, async (request, reply) => {
    const id = idParam(request);
    await liveRoom.screenView(request.principal, id);
    // Only an open meeting streams; 204 tells the browser not to reconnect.
    if (!(await liveRoom.isOpen(id))) return reply.code(204).send();
    const locale = request.viewContext().locale;
    return eventStreams.serve(request, reply, {
      topic: liveRoom.topicOf(id),
      key: `${id}:internal:${locale}`,
      read: async () => ({ event: 'state', data: streamData(await liveRoom.readState(id, 'internal'), locale, clock()) }),
    });
  });

  app.get('/sammantraden/:id/storbild', open, async (request, reply) => {
    const state = await liveRoom.publicScreen(idParam(request));
    return reply.page(<ScreenPage ctx={request.viewContext()} state={state} now={clock()} publicView />);
  });

  app.get('/sammantraden/:id/storbild/handelser', open, async (request, reply) => {
    const id = idParam(request);
    await liveRoom.publicScreen(id);
    const locale = request.viewContext().locale;
    return eventStreams.serve(request, reply, {
      topic: liveRoom.topicOf(id),
      key: `${id}:public:${locale}`,
      // Read through publicScreen: once the meeting closes or stops being public the stream ends.
      read: async () => ({ event: 'state', data: streamData(await liveRoom.publicScreen(id), locale, clock()) }),
    });
  });

  async function act(request: FastifyRequest, reply: FastifyReply, use: Use, done: MessageKey, to: string, page: (message: string) => Promise<VNode>) {
    const id = idParam(request);
    try {
      await use(request.principal, id, formBody(request));
    } catch (error) {
      if (!(error instanceof DomainError) || !SHOWN_ON_PAGE.has(error.code)) throw error;
      const ctx = request.viewContext();
      // What to correct, not only that something must be: the field messages after the summary.
      const message = [error.userMessage[ctx.locale], ...error.fieldErrors.map((f) => f.message[ctx.locale])].join(' ');
      return reply.code(HTTP_STATUS[error.code]).page(await page(message));
    }
    setFlash(reply, request, services, request.viewContext().t(done));
    return reply.redirect(to);
  }
}
