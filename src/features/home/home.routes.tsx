import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { pingDatabase } from '../../platform/db/database.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { uuidParam } from '../../platform/http/params.js';
import { emptyForm } from '../../platform/views/forms.js';
import { PortalHomePage } from '../portal/portal.pages.js';
import { AccessibilityPage, FeedbackListPage, HomePage } from './home.pages.js';

export function registerHomeRoutes(app: FastifyInstance, services: Services): void {
  /** Anonymous visitors get the public portal; signed-in users their own start page. */
  app.get('/', { config: { action: 'public' } }, async (request, reply) => {
    if (await services.auth.isSetupNeeded()) return reply.redirect('/installera');
    const ctx = request.viewContext();
    if (request.principal) return reply.page(<HomePage ctx={ctx} tasks={await services.tasks.forPrincipal(request.principal)} />);
    const [start, boards] = await Promise.all([services.portal.start(null), services.publication.boards()]);
    return reply.page(<PortalHomePage ctx={ctx} start={start} boards={boards} />);
  });

  app.get('/tillganglighet', { config: { action: 'public' } }, async (request, reply) => {
    const sent = (request.query as Record<string, unknown>).skickat === '1';
    return reply.page(<AccessibilityPage ctx={request.viewContext()} state={emptyForm({ pageUrl: '', message: '', contact: '' })} sent={sent} />);
  });

  app.post('/tillganglighet', { config: { action: 'public' } }, async (request, reply) => {
    const ctx = request.viewContext();
    const values = formBody(request);
    const ok = await handleForm(reply, values, () => services.accessibility.submitFeedback(request.principal, values, { ip: request.ip }), (state) => <AccessibilityPage ctx={ctx} state={state} sent={false} />);
    if (!ok) return reply;
    return reply.redirect('/tillganglighet?skickat=1#synpunkter');
  });

  app.get('/tillganglighet/synpunkter', { config: { action: 'accessibility.readFeedback' } }, async (request, reply) => {
    return reply.page(<FeedbackListPage ctx={request.viewContext()} rows={await services.accessibility.listFeedback(request.principal)} />);
  });

  app.post('/tillganglighet/synpunkter/:id/hanterad', { config: { action: 'accessibility.readFeedback' } }, async (request, reply) => {
    await services.accessibility.markHandled(request.principal, uuidParam(request, 'id'));
    setFlash(reply, request, services, request.viewContext().t('a11y.markedHandled'));
    return reply.redirect('/tillganglighet/synpunkter');
  });

  app.get('/healthz', { config: { action: 'public' } }, async (_request, reply) => {
    // The state of this server now: never from a cache.
    reply.header('cache-control', 'no-store');
    try {
      await pingDatabase(services.database);
      return { status: 'ok', database: services.database.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: services.database.kind });
    }
  });
}
