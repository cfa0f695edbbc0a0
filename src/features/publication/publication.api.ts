/**
 * The notice boards as open data in the JSON API under /api/v1. The same operation list registers
 * the route and is merged into the OpenAPI document (see registry.api.ts); the response schema is
 * checked against real answers by publication.api.test.ts, so the description cannot drift from
 * what `boardJson` returns.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import type { ApiOperation } from '../../platform/http/openapi.js';
import { boardJson, openData, originOf } from './board.feeds.js';
import { ZApiNoticeBoard, type TApiNoticeBoard } from './board.schema.js';


const ZSlug = z.object({ slug: z.string().describe('The municipality’s short name, as in /anslagstavla/{slug}') });

type OperationId = 'getNoticeBoard';

export const PUBLICATION_API_OPERATIONS: readonly ApiOperation<OperationId>[] = [
  {
    operationId: 'getNoticeBoard',
    method: 'GET',
    path: '/api/v1/notice-boards/:slug',
    action: 'public',
    tag: 'Notice boards',
    summary: 'A member municipality’s notice board (anslagstavla): notices of adjusted protocols',
    description: 'Open data: no token needed, and a token shows nothing more. Any site may read it (`Access-Control-Allow-Origin: *`); it may be cached for five minutes. The same list as Atom: /anslagstavla/{slug}/atom.xml.',
    params: ZSlug,
    response: { status: 200, description: 'The board with its current and earlier notices', schema: ZApiNoticeBoard },
  },
];

export function registerPublicationApi(app: FastifyInstance, services: Services): void {
  const { publication } = services;
  const handlers: Record<OperationId, (request: FastifyRequest) => Promise<TApiNoticeBoard>> = {
    async getNoticeBoard(request) {
      const parsed = ZSlug.safeParse(request.params);
      const board = await publication.board(parsed.success ? parsed.data.slug : '');
      return boardJson(board, originOf(request, services));
    },
  };
  for (const op of PUBLICATION_API_OPERATIONS) {
    app.route({
      method: op.method,
      url: op.path,
      config: { action: op.action },
      handler: async (request, reply) => openData(reply).code(op.response.status).send(await handlers[op.operationId](request)),
    });
  }
}
