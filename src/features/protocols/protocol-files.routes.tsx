/**
 * The protocol as a PDF file (public version for everyone once final, the sealed original for
 * readers of secret documents, a marked draft for signed-in readers before that) and the
 * protokollsutdrag of a final protocol's paragraphs: create, send, retry and download.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, formList, handleForm } from '../../platform/http/forms.js';
import { emptyForm } from '../../platform/views/forms.js';
import { notFound } from '../../platform/errors.js';
import { attachmentHeader } from '../registry/registry.http.js';
import { uuidParam } from '../../platform/http/params.js';
import type { ProtocolFile } from './protocol-files.service.js';
import { ExtractPage } from './protocol-extract.pages.js';

function sendPdf(reply: FastifyReply, bytes: Buffer, filename: string, shared: boolean) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentHeader(filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', shared ? 'no-cache' : 'private, no-store')
    .send(bytes);
}

/**
 * A stored file that never changes: `ETag` is its SHA-256, and a request that already holds it
 * (If-None-Match) gets 304 without the bytes.
 */
export function sendStoredPdf(request: FastifyRequest, reply: FastifyReply, file: { bytes: Buffer; sha256: string; filename: string; shared: boolean }) {
  const etag = `"${file.sha256.toLowerCase()}"`;
  reply.header('etag', etag).header('cache-control', file.shared ? 'public, no-cache' : 'private, no-store');
  const held = request.headers['if-none-match'];
  if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentHeader(file.filename))
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}

/** A stored file with its ETag; one made for this request (a draft, an extract) without. */
function sendProtocolFile(request: FastifyRequest, reply: FastifyReply, file: ProtocolFile) {
  const { sha256 } = file;
  return sha256 ? sendStoredPdf(request, reply, { ...file, sha256 }) : sendPdf(reply, file.bytes, file.filename, file.shared);
}

/** The meeting and paragraph named in an extract's URL, and the URL of its page. */
function extractParams(request: FastifyRequest) {
  const meetingId = uuidParam(request, 'id');
  const paragraphId = uuidParam(request, 'paragraphId');
  return { meetingId, paragraphId, base: `/moten/${meetingId}/protokoll/paragraf/${paragraphId}/utdrag` };
}

export function registerProtocolFileRoutes(app: FastifyInstance, services: Services): void {
  const { protocolFiles } = services;
  const extract = { config: { action: 'protocol.extract' as const } };

  app.get('/moten/:id/protokoll.pdf', { config: { action: 'public' } }, async (request, reply) => {
    const full = (request.query as Record<string, unknown>).version === 'full';
    return sendProtocolFile(request, reply, await protocolFiles.protocolPdf(request.principal, uuidParam(request, 'id'), full));
  });

  app.post('/moten/:id/protokoll/rattelse', { config: { action: 'meeting.plan' as const } }, async (request, reply) => {
    const meetingId = uuidParam(request, 'id');
    await protocolFiles.addCorrection(request.principal, meetingId, formBody(request));
    setFlash(reply, request, services, request.viewContext().t('correction.added'));
    return reply.redirect(`/moten/${meetingId}/protokoll#rattelser`);
  });

  app.get('/moten/:id/protokoll/rattelse/:number', { config: { action: 'public' } }, async (request, reply) => {
    const meetingId = uuidParam(request, 'id');
    const match = /^(\d{1,6})\.pdf$/.exec(String((request.params as Record<string, unknown>).number));
    if (!match) throw notFound({ sv: 'Rättelsen finns inte.', en: 'The correction does not exist.' });
    return sendProtocolFile(request, reply, await protocolFiles.correctionPdf(request.principal, meetingId, Number(match[1])));
  });

  app.get('/moten/:id/protokoll/paragraf/:paragraphId/utdrag', extract, async (request, reply) => {
    const { meetingId, paragraphId } = extractParams(request);
    const view = await protocolFiles.extractView(request.principal, meetingId, paragraphId);
    return reply.page(<ExtractPage ctx={request.viewContext()} view={view} state={emptyForm({ recipients: '' })} />);
  });

  app.post('/moten/:id/protokoll/paragraf/:paragraphId/utdrag', extract, async (request, reply) => {
    const { meetingId, paragraphId, base } = extractParams(request);
    await protocolFiles.createExtract(request.principal, meetingId, paragraphId);
    setFlash(reply, request, services, request.viewContext().t('protocol.extract.created'));
    return reply.redirect(base);
  });

  app.post('/moten/:id/protokoll/paragraf/:paragraphId/utdrag/skicka', extract, async (request, reply) => {
    const ctx = request.viewContext();
    const { meetingId, paragraphId, base } = extractParams(request);
    const chosen = formList(request, 'to');
    const values: Record<string, string> = { ...formBody(request), to: chosen.join('\n') };
    const emails = [...chosen, ...(values.recipients ?? '').split(/[\n,;]+/)];
    let result: { sent: number; failed: number } = { sent: 0, failed: 0 };
    const view = await protocolFiles.extractView(request.principal, meetingId, paragraphId);
    const ok = await handleForm(
      reply,
      values,
      async () => (result = await protocolFiles.sendExtract(request.principal, meetingId, paragraphId, emails)),
      (state) => <ExtractPage ctx={ctx} view={view} state={state} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('protocol.extract.sent', { sent: result.sent, failed: result.failed }));
    return reply.redirect(base);
  });

  app.post('/moten/:id/protokoll/paragraf/:paragraphId/utdrag/forsok-igen', extract, async (request, reply) => {
    const ctx = request.viewContext();
    const { meetingId, paragraphId, base } = extractParams(request);
    const result = await protocolFiles.retryFailed(request.principal, meetingId, paragraphId);
    setFlash(reply, request, services, ctx.t('protocol.extract.sent', { sent: result.sent, failed: result.failed }));
    return reply.redirect(base);
  });

  app.get('/moten/:id/protokoll/paragraf/:paragraphId/utdrag.pdf', extract, async (request, reply) => {
    const { meetingId, paragraphId } = extractParams(request);
    return sendProtocolFile(request, reply, await protocolFiles.extractPdf(request.principal, meetingId, paragraphId));
  });
}
