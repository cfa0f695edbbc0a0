import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { cookieOptions, setFlash } from '../../platform/http/app.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { UUID_PATTERN, uuidParam } from '../../platform/http/params.js';
import { justeraPath } from '../protocols/justering.pages.js';
import { relyingPartyFor } from '../protocols/webauthn.js';
import { SESSION_COOKIE } from '../../platform/http/session-cookie.js';
import { baseUrlOf, safeNext } from './auth-urls.js';
import { OidcRefused } from './oidc-errors.js';
import { FrontChannelLoggedOut, OidcRefusedPage } from './oidc.pages.js';

/** Binds a started sign-in to this browser: the callback's state must equal it. */
export const OIDC_STATE_COOKIE = 'kansli_oidc_state';
const PROVIDER_ID = /^[a-z][a-z0-9-]{0,30}$/;

function providerParam(request: FastifyRequest): string {
  const { provider } = request.params as { provider?: string };
  if (!provider || !PROVIDER_ID.test(provider)) throw notFound();
  return provider;
}

export function registerOidcRoutes(app: FastifyInstance, services: Services): void {
  const { oidc } = services;
  const open = { config: { action: 'public' as const } };

  const redirectToProvider = (request: FastifyRequest, reply: FastifyReply, started: { url: string; state: string }) => {
    reply.setCookie(OIDC_STATE_COOKIE, started.state, cookieOptions(request, services, 15 * 60));
    return reply.header('cache-control', 'no-store').redirect(started.url);
  };

  app.get('/logga-in/oidc/:provider', open, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    const started = await oidc.beginSignIn({ providerId: providerParam(request), base: baseUrlOf(request, services), returnTo: next });
    return redirectToProvider(request, reply, started);
  });

  app.get('/protokoll/:id/justera/e-id', { config: { action: 'protocol.sign' as const } }, async (request, reply) => {
    const principal = request.principal;
    if (!principal) throw notFound();
    const protocolId = uuidParam(request);
    const raw = (request.query as Record<string, unknown>).paragraphId;
    const paragraphId = typeof raw === 'string' && UUID_PATTERN.test(raw) ? raw : null;
    // The overview checks that this user signs this protocol, and says the committee's level.
    const overview = await services.justering.overview(principal, protocolId);
    const started = await oidc.beginSigning({ userId: principal.userId, base: baseUrlOf(request, services), protocolId, paragraphId, acr: overview.eidRequired, returnTo: justeraPath(protocolId) });
    return redirectToProvider(request, reply, started);
  });

  app.get('/logga-in/oidc/:provider/callback', open, async (request, reply) => {
    const providerId = providerParam(request);
    reply.clearCookie(OIDC_STATE_COOKIE, { path: '/' });
    const currentUrl = new URL(request.url, `${baseUrlOf(request, services)}/`);
    try {
      const outcome = await oidc.complete({ providerId, currentUrl, stateCookie: request.cookies[OIDC_STATE_COOKIE] });
      if (outcome.kind === 'signed-in') {
        // Rotation: the old session (if any) ends; the new token is the only valid one.
        if (request.sessionToken) await services.auth.signOut(request.sessionToken);
        reply.setCookie(SESSION_COOKIE, outcome.token, cookieOptions(request, services, services.config.sessionDays * 86400));
        return reply.redirect(safeNext(outcome.returnTo));
      }
      if (!request.principal) throw new OidcRefused('wrong-person', { sv: 'Logga in i Kansli först och signera sedan.', en: 'Sign in to Kansli first, then sign.' });
      const result = await services.justering.sign(
        request.principal,
        outcome.protocolId,
        { method: 'e-id', assurance: outcome.assurance, paragraphId: outcome.paragraphId },
        relyingPartyFor(request, services.config),
      );
      const { t } = request.viewContext();
      setFlash(reply, request, services, result.final ? t('justering.signedFinal') : outcome.paragraphId ? t('justering.signedParagraph') : t('justering.signed'));
      return reply.redirect(justeraPath(outcome.protocolId));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'DATABASE_UNAVAILABLE') throw error;
      const message = error.userMessage[request.locale] ?? request.viewContext().t('oidc.refusedTitle');
      const status = error instanceof OidcRefused && error.code === 'FORBIDDEN' ? 403 : error.code === 'CONFLICT' ? 409 : error.code === 'FORBIDDEN' ? 403 : 400;
      return reply.code(status).header('cache-control', 'no-store').page(<OidcRefusedPage ctx={request.viewContext()} message={message} />);
    }
  });

  // Under /api/: the provider posts without cookies, so no CSRF token applies (OpenID Connect Back-Channel Logout 1.0).
  app.post('/api/oidc/:provider/backchannel-logout', open, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const token = typeof body.logout_token === 'string' ? body.logout_token : '';
    if (!token) throw new DomainError('INVALID_INPUT', { userMessage: { sv: 'logout_token saknas.', en: 'logout_token is missing.' } });
    await oidc.backChannelLogout(providerParam(request), token);
    return reply.header('cache-control', 'no-store').code(200).send({ ok: true });
  });

  // OpenID Connect Front-Channel Logout 1.0: the provider's logout page frames this address.
  app.get('/logga-in/oidc/:provider/frontchannel-logout', open, async (request, reply) => {
    const providerId = providerParam(request);
    const query = request.query as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    await oidc.frontChannelLogout(providerId, { iss: str(query.iss), sid: str(query.sid) });
    const issuerOrigin = new URL(services.config.oidc.providers.find((p) => p.id === providerId)?.issuer ?? 'http://invalid').origin;
    reply.header('content-security-policy', `default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors ${issuerOrigin}`);
    return reply.header('cache-control', 'no-store').page(<FrontChannelLoggedOut ctx={request.viewContext()} />);
  });
}
