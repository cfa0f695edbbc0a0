/**
 * Elections by closed ballot in the live meeting: the member casts a ballot from their page
 * (/mina-moten/:id/live/val), the chair starts and closes the election from the chair's view
 * (/moten/:id/ordforande/val, …/val/avsluta). Each is a POST form that redirects back; a refused
 * one shows the page again with the reason at the top.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, formList } from '../../platform/http/forms.js';
import { idParam } from '../../platform/http/params.js';
import { DomainError, HTTP_STATUS, type ErrorCode } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/i18n.js';
import { ChairLivePage, chairPath, MemberLivePage, memberPath } from './live.pages.js';
import { electionChairPath, electionMemberPath } from './live-election.pages.js';

const SHOWN_ON_PAGE = new Set<ErrorCode>(['INVALID_INPUT', 'CONFLICT', 'INVALID_VOTE', 'INVALID_ATTENDANCE', 'NOT_FOUND']);

export function registerLiveElectionRoutes(app: FastifyInstance, services: Services): void {
  const { liveRoom } = services;
  const room = { config: { action: 'meetingRoom.use' as const } };
  const run = { config: { action: 'meeting.run' as const } };

  const memberPage = (request: FastifyRequest) => async (message: string) => {
    const view = await liveRoom.memberView(request.principal, idParam(request));
    return <MemberLivePage ctx={request.viewContext()} view={view} error={message} />;
  };
  const chairPage = (request: FastifyRequest) => async (message: string) => {
    const view = await liveRoom.chairView(request.principal, idParam(request));
    return <ChairLivePage ctx={request.viewContext()} view={view} error={message} />;
  };

  app.post(electionMemberPath(':id'), room, async (request, reply) => {
    const id = idParam(request);
    const values = { liveElectionId: formBody(request).liveElectionId, choices: formList(request, 'candidate') };
    return act(request, reply, () => liveRoom.castElectionBallot(request.principal, id, values), 'le.flash.ballot', `${memberPath(id)}#val`, memberPage(request));
  });

  app.post(electionChairPath(':id'), run, async (request, reply) => {
    const id = idParam(request);
    return act(request, reply, () => liveRoom.openElection(request.principal, id, formBody(request)), 'le.flash.opened', `${chairPath(id)}#val`, chairPage(request));
  });

  app.post(`${electionChairPath(':id')}/avsluta`, run, async (request, reply) => {
    const id = idParam(request);
    return act(request, reply, () => liveRoom.closeElection(request.principal, id, formBody(request)), 'le.flash.closed', `${chairPath(id)}#val`, chairPage(request));
  });

  async function act(request: FastifyRequest, reply: FastifyReply, use: () => Promise<unknown>, done: MessageKey, to: string, page: (message: string) => Promise<VNode>) {
    try {
      await use();
    } catch (error) {
      if (!(error instanceof DomainError) || !SHOWN_ON_PAGE.has(error.code)) throw error;
      const ctx = request.viewContext();
      return reply.code(HTTP_STATUS[error.code]).page(await page(error.userMessage[ctx.locale]));
    }
    setFlash(reply, request, services, request.viewContext().t(done));
    return reply.redirect(to);
  }
}
