/**
 * /moten/:id/sammantrade — the live screen. Every action is a small POST form that redirects
 * back to the same page at the item it changed (#punkt-N); a refused action shows the page again
 * with the reason next to the form and what was typed kept. Works without JavaScript.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../services.js';
import { setFlash } from '../../../platform/http/app.js';
import { formBody } from '../../../platform/http/forms.js';
import { DomainError, HTTP_STATUS, type ErrorCode } from '../../../platform/errors.js';
import type { MessageKey } from '../../../platform/i18n/i18n.js';
import type { Principal } from '../../../platform/auth/policy.js';
import type { Anchor, LiveMeetingService } from './live-meeting.service.js';
import type { LiveMeetingView } from './live-meeting.view.js';
import { CloseMeetingPage, LiveMeetingPage } from './live-meeting.pages.js';
import { liveBase, type LiveFailure } from './live-meeting-forms.pages.js';
import { idParam } from '../../../platform/http/params.js';


/** The client script: forms sent with fetch, changed regions swapped (progressive enhancement). */
const SCRIPT = readFileSync(new URL('../../../platform/http/assets/live-meeting.js', import.meta.url));

/** The query the page keeps after a form: the item the attendance table shows, and the focused view. */
function keptQuery(values: Record<string, string>): string {
  const query = new URLSearchParams();
  if (/^\d{1,3}$/.test(values.punkt ?? '')) query.set('punkt', values.punkt ?? '');
  if (values.vy === 'punkt') query.set('vy', 'punkt');
  const text = query.toString();
  return text ? `?${text}` : '';
}

type Use = (principal: Principal | null, meetingId: string, values: Record<string, string>) => Promise<Anchor>;

/** Each action: its path under /sammantrade, the use case, and the message shown after it. */
function actions(live: LiveMeetingService): [string, Use, MessageKey][] {
  return [
    ['oppna', (p, id, v) => live.open(p, id, v), 'live.flash.opened'],
    ['avsluta', (p, id) => live.close(p, id), 'live.flash.closed'],
    ['narvaro', (p, id, v) => live.recordAttendance(p, id, v), 'live.flash.attendance'],
    ['narvaro/ta-bort', (p, id, v) => live.removeAttendanceEvent(p, id, v), 'live.flash.removed'],
    ['narvaro/alla', (p, id) => live.markAllPresent(p, id), 'live.flash.allPresent'],
    ['jav', (p, id, v) => live.declareJav(p, id, v), 'live.flash.jav'],
    ['ordforande', (p, id, v) => live.setTemporaryChair(p, id, v), 'live.flash.temporaryChair'],
    ['yrkande', (p, id, v) => live.addMotion(p, id, v), 'live.flash.motion'],
    ['yrkande/aterta', (p, id, v) => live.withdrawMotion(p, id, v), 'live.flash.withdrawn'],
    ['yrkande/ta-bort', (p, id, v) => live.removeMotion(p, id, v), 'live.flash.motionRemoved'],
    ['proposition', (p, id, v) => live.addProposition(p, id, v), 'live.flash.proposition'],
    ['bifall', (p, id, v) => live.acclaim(p, id, v), 'live.flash.decided'],
    ['votering', (p, id, v) => live.vote(p, id, v), 'live.flash.voted'],
    ['val', (p, id, v) => live.elect(p, id, v), 'live.flash.elected'],
    ['notera', (p, id, v) => live.noteInformation(p, id, v), 'live.flash.noted'],
    ['beslutstext', (p, id, v) => live.editDecisionText(p, id, v), 'live.flash.saved'],
    ['ateruppta', (p, id, v) => live.reopenItem(p, id, v), 'live.flash.reopened'],
    ['reservation', (p, id, v) => live.reserve(p, id, v), 'live.flash.reserved'],
    ['reservation/motivering', (p, id, v) => live.reservationReason(p, id, v), 'live.flash.saved'],
    ['anteckning', (p, id, v) => live.setProtocolNotes(p, id, v), 'live.flash.saved'],
    ['omedelbar-justering', (p, id, v) => live.setImmediateJustering(p, id, v), 'live.flash.saved'],
    ['bordlagg', (p, id, v) => live.table(p, id, v), 'live.flash.tabled'],
  ];
}

/** Refusals the secretary can act on are shown on the live page; the rest go to the error page. */
const SHOWN_ON_PAGE = new Set<ErrorCode>(['INVALID_INPUT', 'CONFLICT', 'INVALID_VOTE', 'INVALID_ATTENDANCE', 'INVALID_DATE']);

/** The part of the page a refused form belongs to, so the reason shows next to it. */
function anchorOf(view: LiveMeetingView, path: string, values: Record<string, string>): string {
  const byItem = (found: LiveMeetingView['items'][number] | undefined) => (found ? `punkt-${found.number}` : undefined);
  const item =
    byItem(view.items.find((i) => i.item.id === values.itemId)) ??
    byItem(view.items.find((i) => i.motions.some((m) => m.id === values.motionId))) ??
    byItem(view.items.find((i) => i.reservations.some((r) => r.id === values.reservationId))) ??
    byItem(view.items.find((i) => i.jav.some((j) => j.eventId === values.eventId)));
  if (path.startsWith('narvaro') && !item) return 'narvaro';
  return item ?? (path === 'narvaro' ? 'narvaro' : 'sammantradet');
}

export function registerLiveMeetingRoutes(app: FastifyInstance, services: Services): void {
  const { liveMeeting: live } = services;
  const run = { config: { action: 'meeting.run' as const } };

  async function showRefusal(request: FastifyRequest, reply: FastifyReply, path: string, values: Record<string, string>, error: DomainError) {
    const ctx = request.viewContext();
    const punkt = Number(values.punkt);
    const view = await live.view(request.principal, idParam(request), Number.isInteger(punkt) && punkt > 0 ? punkt : undefined);
    const failure: LiveFailure = {
      form: path.split('/').at(-1) ?? path,
      values,
      message: error.userMessage[ctx.locale],
      fields: error.fieldErrors.map((f) => ({ field: f.field, message: f.message[ctx.locale] })),
      anchor: anchorOf(view, path, values),
    };
    return reply.code(HTTP_STATUS[error.code]).page(<LiveMeetingPage ctx={ctx} view={view} failure={failure} focus={values.vy === 'punkt'} />);
  }

  app.get('/moten/:id/sammantrade', run, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const punkt = Number(query.punkt);
    const view = await live.view(request.principal, idParam(request), Number.isInteger(punkt) ? punkt : undefined);
    return reply.page(<LiveMeetingPage ctx={request.viewContext()} view={view} focus={query.vy === 'punkt'} />);
  });

  app.get('/static/live-meeting.js', { config: { action: 'public' } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SCRIPT),
  );

  app.get('/moten/:id/sammantrade/avsluta', run, async (request, reply) => {
    const view = await live.view(request.principal, idParam(request));
    if (view.meeting.status !== 'open') return reply.redirect(liveBase(view.meeting.id));
    return reply.page(<CloseMeetingPage ctx={request.viewContext()} view={view} />);
  });

  for (const [path, use, done] of actions(live)) {
    app.post(`/moten/:id/sammantrade/${path}`, run, async (request, reply) => {
      const id = idParam(request);
      const values = formBody(request);
      let anchor: Anchor;
      try {
        anchor = await use(request.principal, id, values);
      } catch (error) {
        if (error instanceof DomainError && SHOWN_ON_PAGE.has(error.code)) return showRefusal(request, reply, path, values, error);
        throw error;
      }
      setFlash(reply, request, services, request.viewContext().t(done));
      // The attendance table keeps showing the item it showed (?punkt=N), the focused view stays (?vy=punkt).
      return reply.redirect(`${liveBase(id)}${keptQuery(values)}#${anchor}`);
    });
  }
}
