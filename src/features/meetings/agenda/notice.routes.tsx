import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services.js';
import { setFlash } from '../../../platform/http/app.js';
import { formBody, handleForm } from '../../../platform/http/forms.js';
import { emptyForm } from '../../../platform/views/forms.js';
import { attachmentHeader } from '../../registry/registry.http.js';
import { uuidParam } from '../../../platform/http/params.js';
import { NoticePage } from './notice.pages.js';

export function registerNoticeRoutes(app: FastifyInstance, services: Services): void {
  const { notice } = services;
  const read = { config: { action: 'meeting.read' as const } };
  const plan = { config: { action: 'meeting.plan' as const } };

  app.get('/moten/:id/kallelse', plan, async (request, reply) => {
    const overview = await notice.overview(request.principal, uuidParam(request));
    return reply.page(<NoticePage ctx={request.viewContext()} overview={overview} state={emptyForm()} />);
  });

  app.post('/moten/:id/kallelse', plan, async (request, reply) => {
    const meetingId = uuidParam(request);
    const values = formBody(request);
    const overview = await notice.overview(request.principal, meetingId);
    let summary: Awaited<ReturnType<typeof notice.send>> | undefined;
    const ok = await handleForm(
      reply,
      values,
      async () => {
        summary = await notice.send(request.principal, meetingId, values);
      },
      (state) => <NoticePage ctx={request.viewContext()} overview={overview} state={state} />,
    );
    if (!ok || !summary) return reply;
    setFlash(reply, request, services, request.viewContext().t('notice.queued', { n: summary.queued }));
    return reply.redirect(`/moten/${meetingId}/kallelse`);
  });

  app.get('/moten/:id/kallelse.pdf', read, async (request, reply) => {
    const { filename, bytes } = await notice.pdf(request.principal, uuidParam(request));
    return reply.type('application/pdf').header('content-disposition', attachmentHeader(filename).replace(/^attachment/, 'inline')).send(bytes);
  });
}
