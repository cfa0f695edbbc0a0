import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { emptyForm } from '../../platform/views/forms.js';
import { DomainError } from '../../platform/errors.js';
import { AccountPage } from './auth.pages.js';
import { accountViewOf } from './auth.routes.js';
import { sha256 } from './auth.service.js';
import { ForgotPasswordPage, NewPasswordPage } from './account.pages.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A page that carries a one-time token in its address: not kept in caches, not sent on as Referer. */
const private_ = (reply: FastifyReply) => reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');

/** Change the password; forgotten password by e-mail link (account.service.ts). */
export function registerAccountRoutes(app: FastifyInstance, services: Services): void {
  const { account, auth } = services;
  const self = { config: { action: 'account.self' as const } };
  const open = { config: { action: 'public' as const } };

  app.post('/konto/losenord', self, async (request, reply) => {
    const principal = request.principal;
    if (!principal) throw new DomainError('UNAUTHENTICATED', { userMessage: { sv: 'Logga in först.', en: 'Sign in first.' } });
    const values = formBody(request);
    const view = await accountViewOf(services, principal);
    const ok = await handleForm(
      reply,
      {},
      // This session stays; every other one ends.
      () => account.changePassword(principal, values, request.sessionToken ? sha256(request.sessionToken) : undefined),
      (state) => <AccountPage ctx={request.viewContext()} view={view} state={state} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('account.passwordChanged'));
    return reply.redirect('/konto');
  });

  app.get('/logga-in/glomt', open, async (request, reply) => reply.page(<ForgotPasswordPage ctx={request.viewContext()} state={emptyForm()} sent={false} />));

  app.post('/logga-in/glomt', open, async (request, reply) => {
    const values = formBody(request);
    const ok = await handleForm(
      reply,
      { email: values.email ?? '' },
      () => account.requestPasswordReset({ email: values.email ?? '', ip: request.ip }),
      (state) => <ForgotPasswordPage ctx={request.viewContext()} state={state} sent={false} />,
    );
    if (!ok) return reply;
    return reply.page(<ForgotPasswordPage ctx={request.viewContext()} state={emptyForm()} sent />);
  });

  app.get('/logga-in/nytt-losenord/:token', open, async (request, reply) => {
    const { token } = request.params as { token: string };
    const usable = TOKEN.test(token) && (await account.resetLinkUsable(token));
    return private_(reply.code(usable ? 200 : 410)).page(<NewPasswordPage ctx={request.viewContext()} state={emptyForm()} action={request.url} usable={usable} />);
  });

  app.post('/logga-in/nytt-losenord/:token', open, async (request, reply) => {
    const { token } = request.params as { token: string };
    const action = `/logga-in/nytt-losenord/${token}`;
    if (!TOKEN.test(token)) return private_(reply.code(410)).page(<NewPasswordPage ctx={request.viewContext()} state={emptyForm()} action={action} usable={false} />);
    private_(reply);
    const ok = await handleForm(reply, {}, () => account.resetPassword(token, formBody(request)), (state) => (
      <NewPasswordPage ctx={request.viewContext()} state={state} action={action} usable={!state.errors.some((e) => e.field === '_')} />
    ));
    if (!ok) return reply;
    // Any session this browser had ended with the reset.
    if (request.sessionToken) await auth.signOut(request.sessionToken, 'rotation');
    setFlash(reply, request, services, request.viewContext().t('reset.done'));
    return reply.redirect('/logga-in');
  });
}

