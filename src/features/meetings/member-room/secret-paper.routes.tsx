import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../../services.js';
import { formBody, handleForm } from '../../../platform/http/forms.js';
import { emptyForm } from '../../../platform/views/forms.js';
import { notFound } from '../../../platform/errors.js';
import { uuidParam, UUID_PATTERN } from '../../../platform/http/params.js';
import { attachmentHeader } from '../../registry/registry.http.js';
import type { StepUpInput } from '../../auth/step-up.js';
import { relyingPartyFor } from '../../protocols/webauthn.js';
import { SecretPaperPage } from './secret-paper.pages.js';

/** The posted second factor; anything else is refused in the service's words. */
function stepUpOf(values: Record<string, string>): StepUpInput | null {
  if (values.method === 'passkey') return { method: 'passkey', assertion: values.assertion ?? '' };
  if (values.method === 'totp') return { method: 'totp', code: values.code ?? '' };
  return null;
}

/** Issue 18: a member entitled to a secret paper of the meeting reads it after a second factor; every read is audited. */
export function registerSecretPaperRoutes(app: FastifyInstance, services: Services): void {
  const { memberRoom } = services;
  const use = { config: { action: 'meetingRoom.use' as const } };
  const ids = (request: FastifyRequest) => ({ meetingId: uuidParam(request, 'id'), documentId: uuidParam(request, 'documentId') });

  app.get('/mina-moten/:id/handling/:documentId', use, async (request, reply) => {
    const { meetingId, documentId } = ids(request);
    const paper = await memberRoom.secretPaperPage(request.principal, meetingId, documentId);
    return reply.header('cache-control', 'private, no-store').page(<SecretPaperPage ctx={request.viewContext()} paper={paper} state={emptyForm()} />);
  });

  app.post('/mina-moten/:id/handling/:documentId/passkey', use, async (request, reply) => {
    const { meetingId, documentId } = ids(request);
    const options = await memberRoom.secretPaperPasskeyOptions(request.principal, meetingId, documentId, relyingPartyFor(request, services.config));
    return reply.header('cache-control', 'no-store').send(options);
  });

  app.post('/mina-moten/:id/handling/:documentId', use, async (request, reply) => {
    const { meetingId, documentId } = ids(request);
    const values = formBody(request);
    const fileId = values.fileId ?? '';
    if (!UUID_PATTERN.test(fileId)) throw notFound();
    const paper = await memberRoom.secretPaperPage(request.principal, meetingId, documentId);
    let read: Awaited<ReturnType<typeof memberRoom.readSecretPaper>> | undefined;
    const ok = await handleForm(
      reply,
      { fileId },
      async () => {
        read = await memberRoom.readSecretPaper(request.principal, meetingId, documentId, fileId, stepUpOf(values), relyingPartyFor(request, services.config));
      },
      (state) => <SecretPaperPage ctx={request.viewContext()} paper={paper} state={state} />,
    );
    if (!ok || !read) return reply;
    return reply
      .header('content-type', read.mimeType)
      .header('content-disposition', attachmentHeader(read.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(read.bytes);
  });
}
