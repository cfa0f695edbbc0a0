/** Routes of the public portal; the start page itself is served by the home feature. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { uuidParam } from '../../platform/http/params.js';
import { UUID_PATTERN } from '../../platform/http/params.js';
import { DecisionsPage, MeetingsPage, PublicMeetingPage, PublicProtocolPage } from './portal.pages.js';

export function registerPortalRoutes(app: FastifyInstance, services: Services): void {
  const { portal } = services;
  const open = { config: { action: 'public' as const } };

  app.get('/sammantraden', open, async (request, reply) => {
    const organ = String((request.query as Record<string, unknown>).organ ?? '');
    const view = await portal.meetings(request.principal, UUID_PATTERN.test(organ) ? organ : undefined);
    return reply.page(<MeetingsPage ctx={request.viewContext()} view={view} />);
  });

  app.get('/sammantraden/:id', open, async (request, reply) => {
    const view = await portal.meeting(request.principal, uuidParam(request, 'id'));
    return reply.page(<PublicMeetingPage ctx={request.viewContext()} view={view} />);
  });

  app.get('/sammantraden/:id/protokoll', open, async (request, reply) => {
    const meetingId = uuidParam(request, 'id');
    const { doc, digest } = await portal.protocol(request.principal, meetingId);
    // The public corrections only: the portal shows the public version whoever reads it.
    const corrections = (await services.corrections.list(null, doc.protocolId)).filter((c) => c.public);
    return reply.page(<PublicProtocolPage ctx={request.viewContext()} meetingId={meetingId} doc={doc} digest={digest} corrections={corrections} />);
  });

  app.get('/beslut', open, async (request, reply) => {
    return reply.page(<DecisionsPage ctx={request.viewContext()} decisions={await portal.decisions(request.principal)} />);
  });
}
