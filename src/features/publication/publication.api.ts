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

const ZDay = z.iso.date().describe('YYYY-MM-DD');

export const ZApiPublicNotice = z.strictObject({
  id: z.uuid(),
  current: z.boolean().describe('`true` while the notice is up on the board; `false` for an earlier notice, taken down after the appeal period'),
  committee: z.string().describe('The joint committee (gemensam nämnd)'),
  body: z.string().describe('The body whose protocol was adjusted'),
  meetingDate: ZDay.describe('The day of the meeting (YYYY-MM-DD)'),
  justeredOn: ZDay.describe('The day the protocol was adjusted, justerat (YYYY-MM-DD)'),
  postedOn: ZDay.describe('The day the notice went up on this board (YYYY-MM-DD)'),
  appealStartsOn: ZDay.nullable().describe('First day of the appeal period (KL 13:5); `null` until every member municipality has posted the notice'),
  lastDayToAppeal: ZDay.nullable().describe('Last day to appeal (laglighetsprövning, KL 13:5); `null` until the period is known'),
  takeDownOn: ZDay.nullable().describe('First day the notice may come down (KL 8:12); `null` until the appeal period is known'),
  keptAt: z.string().describe('Where the protocol is kept (KL 8:12)'),
  protocolUrl: z.url().describe('The public protocol as a web page'),
  pdfUrl: z.url().describe('The protocol as PDF'),
});

export const ZApiNoticeBoard = z.strictObject({
  municipality: z.strictObject({ slug: z.string(), name: z.string() }),
  board: z.url().describe('The notice board as a web page'),
  notices: z.array(ZApiPublicNotice).describe('The notices up now, then the earlier ones'),
});

export type TApiNoticeBoard = z.infer<typeof ZApiNoticeBoard>;

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
