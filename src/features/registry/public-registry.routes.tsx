import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { idParam } from './registry.http.js';
import { PublicCasePage, PublicEntryPage, PublicRegistryPage } from './public-registry.pages.js';

/**
 * The public registry (diarium), open to anyone. It always asks the service as an anonymous
 * reader, also for a signed-in user, so staff see exactly what the public sees.
 */
export function registerPublicRegistryRoutes(app: FastifyInstance, services: Services): void {
  const { registry } = services;
  const open = { config: { action: 'public' as const } };
  const anonymous = null;

  app.get('/diarium', open, async (request, reply) => {
    const entries = await registry.listDocuments(anonymous);
    return reply.page(<PublicRegistryPage ctx={request.viewContext()} entries={entries} />);
  });

  app.get('/diarium/:id', open, async (request, reply) => {
    const detail = await registry.getDocument(anonymous, idParam(request));
    return reply.page(<PublicEntryPage ctx={request.viewContext()} detail={detail} />);
  });

  app.get('/diarium/arenden/:id', open, async (request, reply) => {
    const detail = await registry.getCase(anonymous, idParam(request));
    return reply.page(<PublicCasePage ctx={request.viewContext()} detail={detail} />);
  });
}
