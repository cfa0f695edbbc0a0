import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { cookieOptions, setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { emptyForm } from '../../platform/views/forms.js';
import { translator } from '../../platform/i18n/i18n.js';
import { DomainError } from '../../platform/errors.js';
import { SESSION_COOKIE } from '../../platform/http/session-cookie.js';
import { baseUrlOf, safeNext } from './auth-urls.js';
import { AccountPage, LoginPage, SetupPage, TotpPage, type AccountView } from './auth.pages.js';
import { DemoLoadPage, type DemoLoadState } from './demo-setup.pages.js';
import { DEMO_STEPS } from '../demo/demo-steps.js';
import type { Principal } from '../../platform/auth/policy.js';

function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('UNAUTHENTICATED', { userMessage: { sv: 'Logga in först.', en: 'Sign in first.' } });
  return request.principal;
}

export function registerAuthRoutes(app: FastifyInstance, services: Services): void {
  const { auth } = services;
  const setSession = (request: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, services, services.config.sessionDays * 86400));

  app.get('/installera', { config: { action: 'public' } }, async (request, reply) => {
    if (!(await auth.isSetupNeeded())) return reply.redirect('/');
    return reply.page(<SetupPage ctx={request.viewContext()} state={emptyForm()} />);
  });

  app.post('/installera', { config: { action: 'public' } }, async (request, reply) => {
    const values = formBody(request);
    let token = '';
    const ok = await handleForm(reply, values, async () => ({ token } = await auth.setup(values)), (state) => <SetupPage ctx={request.viewContext()} state={state} />);
    if (!ok) return reply;
    setSession(request, reply, token);
    return reply.redirect('/organisation');
  });

  // "Starta med demonämnden": loads the demo in the background on an empty installation; the page
  // reports its progress by the HTTP Refresh header and then lists the demo's sign-ins.
  let demo: DemoLoadState | null = null;
  app.post('/installera/demo', { config: { action: 'public' } }, async (request, reply) => {
    if (!demo && !(await auth.isSetupNeeded())) return reply.redirect('/');
    if (!demo) {
      const state: DemoLoadState = { step: 0, total: DEMO_STEPS.length, stepName: '', done: false, error: null, password: '', logins: [] };
      demo = state;
      // The demo's code (its texts and tables) is loaded only here, not at every start.
      import('../demo/demo.js')
        .then(({ loadDemo }) =>
          loadDemo(services, (step) => {
            state.step = DEMO_STEPS.indexOf(step) + 1;
            state.stepName = step;
          }),
        )
        .then(
          (result) => Object.assign(state, { done: true, password: result.password, logins: result.logins }),
          (error: unknown) => {
            request.log.error({ err: error }, 'demo load failed');
            state.error = error instanceof Error ? error.message : String(error);
          },
        );
    }
    return reply.redirect('/installera/demo');
  });

  app.get('/installera/demo', { config: { action: 'public' } }, async (request, reply) => {
    if (!demo) return reply.redirect('/installera');
    if (!demo.done && !demo.error) reply.header('refresh', '2');
    return reply.page(<DemoLoadPage ctx={request.viewContext()} state={demo} />);
  });

  app.get('/logga-in', { config: { action: 'public' } }, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (request.principal) return reply.redirect(next);
    return reply.page(<LoginPage ctx={request.viewContext()} state={emptyForm()} next={next} providers={services.oidc.providers()} />);
  });

  app.post('/logga-in', { config: { action: 'public' } }, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    const values = formBody(request);
    let result = { token: '', needsSecondFactor: false };
    const ok = await handleForm(
      reply,
      { email: values.email ?? '' },
      async () => {
        result = await auth.signIn({ email: values.email ?? '', password: values.password ?? '', ip: request.ip });
      },
      (state) => <LoginPage ctx={request.viewContext()} state={state} next={next} providers={services.oidc.providers()} />,
    );
    if (!ok) return reply;
    // Rotation: the old session (if any) ends; the new token is the only valid one.
    if (request.sessionToken) await auth.signOut(request.sessionToken, 'rotation');
    setSession(request, reply, result.token);
    return reply.redirect(result.needsSecondFactor ? `/logga-in/tvastegs?next=${encodeURIComponent(next)}` : next);
  });

  app.get('/logga-in/tvastegs', { config: { action: 'public' } }, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (!request.sessionToken) return reply.redirect('/logga-in');
    return reply.page(<TotpPage ctx={request.viewContext()} state={emptyForm()} next={next} />);
  });

  app.post('/logga-in/tvastegs', { config: { action: 'public' } }, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    const values = formBody(request);
    let token = '';
    const ok = await handleForm(
      reply,
      {},
      async () => {
        token = await auth.verifySecondFactor({ token: request.sessionToken ?? '', code: values.code ?? '', ip: request.ip });
      },
      (state) => <TotpPage ctx={request.viewContext()} state={state} next={next} />,
    );
    if (!ok) return reply;
    setSession(request, reply, token);
    return reply.redirect(next);
  });

  app.post('/logga-ut', { config: { action: 'public' } }, async (request, reply) => {
    // Signed in through a provider: its session ends too (RP-initiated logout).
    const providerLogout = request.sessionToken ? await services.oidc.endSessionUrl(request.sessionToken, baseUrlOf(request, services)) : null;
    if (request.sessionToken) await auth.signOut(request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(providerLogout ?? '/');
  });

  const accountView = (principal: Principal, extra: Partial<AccountView> = {}) => accountViewOf(services, principal, extra);

  app.get('/konto', { config: { action: 'account.self' } }, async (request, reply) => {
    const view = await accountView(principalOf(request));
    return reply.page(<AccountPage ctx={request.viewContext()} view={view} state={emptyForm()} />);
  });

  app.post('/konto/sprak', { config: { action: 'account.self' } }, async (request, reply) => {
    const locale = formBody(request).locale === 'en' ? 'en' : 'sv';
    await auth.setLocale(principalOf(request), locale);
    reply.setCookie('kansli_lang', locale, cookieOptions(request, services, 365 * 86400));
    setFlash(reply, request, services, translator(locale)('common.saved'));
    return reply.redirect('/konto');
  });

  app.post('/konto/tvastegs/starta', { config: { action: 'account.self' } }, async (request, reply) => {
    const principal = principalOf(request);
    const view = await accountView(principal);
    let enrolment: AccountView['totpEnrolment'];
    const ok = await handleForm(reply, {}, async () => (enrolment = await services.account.beginTotp(principal, formBody(request).password ?? '')), (state) => (
      <AccountPage ctx={request.viewContext()} view={view} state={state} />
    ));
    if (!ok) return reply;
    // The secret is shown on this response only.
    return reply.header('cache-control', 'no-store').page(<AccountPage ctx={request.viewContext()} view={{ ...view, totpEnrolment: enrolment }} state={emptyForm()} />);
  });

  /** A change made on the account page: done, a flash and back to the page; refused, the page with the problem. */
  const accountChange = (change: (principal: Principal, form: Record<string, string>) => Promise<unknown>, done: 'account.totpEnabled' | 'account.totpDisabled') =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = principalOf(request);
      const view = await accountView(principal);
      const ok = await handleForm(reply, {}, () => change(principal, formBody(request)), (state) => <AccountPage ctx={request.viewContext()} view={view} state={state} />);
      if (!ok) return reply;
      setFlash(reply, request, services, request.viewContext().t(done));
      return reply.redirect('/konto');
    };

  app.post('/konto/tvastegs/bekrafta', { config: { action: 'account.self' } }, accountChange((principal, form) => services.account.confirmTotp(principal, form.code ?? ''), 'account.totpEnabled'));
  app.post('/konto/tvastegs/stang', { config: { action: 'account.self' } }, accountChange((principal, form) => services.account.disableTotp(principal, form.password ?? ''), 'account.totpDisabled'));

  app.post('/konto/nycklar', { config: { action: 'account.self' } }, async (request, reply) => {
    const principal = principalOf(request);
    const label = (formBody(request).label ?? '').trim();
    if (!label || label.length > 100) {
      const message = { sv: 'Skriv vad nyckeln ska användas till (högst 100 tecken).', en: 'Say what the token is for (at most 100 characters).' };
      return reply.code(400).page(<AccountPage ctx={request.viewContext()} view={await accountView(principal)} state={{ values: {}, errors: [{ field: 'label', message }] }} />);
    }
    const token = await auth.createApiToken(principal, label);
    // Shown once, on this response only; never stored in clear.
    return reply.header('cache-control', 'no-store').page(<AccountPage ctx={request.viewContext()} view={await accountView(principal, { newToken: token })} state={emptyForm()} />);
  });

  app.post('/konto/nycklar/:id/aterkalla', { config: { action: 'account.self' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!/^[0-9a-f-]{36}$/.test(id)) return reply.callNotFound();
    await auth.revokeApiToken(principalOf(request), id);
    setFlash(reply, request, services, request.viewContext().t('account.tokenRevoked'));
    return reply.redirect('/konto');
  });

  app.post('/konto/logga-ut-overallt', { config: { action: 'account.self' } }, async (request, reply) => {
    await auth.signOutEverywhere(principalOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    setFlash(reply, request, services, request.viewContext().t('account.signedOutEverywhere'));
    return reply.redirect('/logga-in');
  });

  app.get('/api/v1/me', { config: { action: 'account.self' } }, async (request) => {
    const p = principalOf(request);
    return { id: p.userId, email: p.email, name: p.name, roles: p.grants };
  });

}

/** What the account page shows of the signed-in user. */
export async function accountViewOf(services: Services, principal: Principal, extra: Partial<AccountView> = {}): Promise<AccountView> {
  const names = await services.organisation.namesById(principal.grants.map((g) => g.organisationId));
  return {
    roles: principal.grants.map((g) => ({ role: g.role, organisationName: names.get(g.organisationId) ?? '' })),
    ...(await services.auth.userStatus(principal)),
    tokens: await services.auth.listApiTokens(principal),
    ...extra,
  };
}
