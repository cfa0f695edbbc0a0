import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { pingDatabase } from '../../platform/db/database.js';
import { Layout } from '../../platform/views/layout.js';
import type { ViewContext } from '../../platform/views/context.js';

function HomePage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={ctx.principal ? t('home.welcome', { name: ctx.principal.name }) : t('app.name')}>
      <p>{t('app.tagline')}</p>
      {ctx.principal ? (
        <ul class="cards">
          {ctx.nav.map((item) => (
            <li>
              <a href={item.href}>{item.label}</a>
            </li>
          ))}
          <li>
            <a href="/konto">{t('layout.account')}</a>
          </li>
        </ul>
      ) : (
        <p>
          <a class="button" href="/logga-in">
            {t('layout.signIn')}
          </a>
          {' '}<a class="button secondary" href="/diarium">{t('nav.publicRegistry')}</a>
        </p>
      )}
    </Layout>
  );
}

function AccessibilityPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('a11y.title')} back={{ href: '/' }}>
      <p>{t('a11y.body')}</p>
      <p>{t('a11y.feedback')}</p>
    </Layout>
  );
}

export function registerHomeRoutes(app: FastifyInstance, services: Services): void {
  app.get('/', { config: { action: 'public' } }, async (request, reply) => {
    if (await services.auth.isSetupNeeded()) return reply.redirect('/installera');
    return reply.page(<HomePage ctx={request.viewContext()} />);
  });

  app.get('/tillganglighet', { config: { action: 'public' } }, async (request, reply) => reply.page(<AccessibilityPage ctx={request.viewContext()} />));

  app.get('/healthz', { config: { action: 'public' } }, async (_request, reply) => {
    try {
      await pingDatabase(services.database);
      return { status: 'ok', database: services.database.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: services.database.kind });
    }
  });
}
