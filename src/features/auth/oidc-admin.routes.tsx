import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { UUID_PATTERN } from '../../platform/http/params.js';
import { notFound } from '../../platform/errors.js';
import { emptyForm } from '../../platform/views/forms.js';
import { OIDC_ADMIN_PATH, OidcAdminPage, PersonNumberPage } from './oidc-admin.pages.js';

function idParam(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, string | undefined>)[name];
  if (!value || !UUID_PATTERN.test(value)) throw notFound();
  return value;
}

export function registerOidcAdminRoutes(app: FastifyInstance, services: Services): void {
  const admin = { config: { action: 'user.manage' as const } };
  const principal = (request: FastifyRequest) => {
    if (!request.principal) throw notFound();
    return request.principal;
  };

  app.get(OIDC_ADMIN_PATH, admin, async (request, reply) => {
    const overview = await services.oidcAdmin.overview(principal(request));
    return reply.header('cache-control', 'no-store').page(<OidcAdminPage ctx={request.viewContext()} overview={overview} />);
  });

  app.post(`${OIDC_ADMIN_PATH}/justering/:committeeId`, admin, async (request, reply) => {
    await services.oidcAdmin.setJusteringEid(principal(request), idParam(request, 'committeeId'), formBody(request).required === 'on');
    setFlash(reply, request, services, request.viewContext().t('oidc.saved'));
    return reply.redirect(OIDC_ADMIN_PATH);
  });

  app.get(`${OIDC_ADMIN_PATH}/personer/:personId`, admin, async (request, reply) => {
    const person = await services.oidcAdmin.person(principal(request), idParam(request, 'personId'));
    return reply.header('cache-control', 'no-store').page(<PersonNumberPage ctx={request.viewContext()} person={person} state={emptyForm()} />);
  });

  app.post(`${OIDC_ADMIN_PATH}/personer/:personId`, admin, async (request, reply) => {
    const personId = idParam(request, 'personId');
    const person = await services.oidcAdmin.person(principal(request), personId);
    const value = formBody(request).personnummer ?? '';
    // The number typed is never shown back, not even on an error.
    const ok = await handleForm(reply, {}, () => services.oidcAdmin.setPersonalIdentityNumber(principal(request), personId, value), (state) => (
      <PersonNumberPage ctx={request.viewContext()} person={person} state={state} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('oidc.saved'));
    return reply.redirect(OIDC_ADMIN_PATH);
  });
}
