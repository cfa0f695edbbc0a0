import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { emptyForm } from '../../platform/views/forms.js';
import { notFound } from '../../platform/errors.js';
import { localPath } from '../../platform/http/local-path.js';
import { UUID_PATTERN, uuidParam } from '../../platform/http/params.js';
import { JusteringPage, PasskeyPage, justeraPath } from './justering.pages.js';
import { secondFactorRequired, type SignInput } from './justering.service.js';
import { relyingPartyFor } from './webauthn.js';

const SCRIPT = readFileSync(new URL('../../platform/http/assets/webauthn-sign.js', import.meta.url));

function optionalUuid(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !UUID_PATTERN.test(value)) throw notFound();
  return value;
}

/** Only a local path may be the way back after registering a passkey. */
function safeNext(value: unknown): string {
  return localPath(value) ?? '';
}

/** The posted way of signing; anything else (a password, as before issue 15) is refused in the service's words. */
function signInputOf(values: Record<string, string>): SignInput | null {
  if (values.method === 'passkey') return { method: 'passkey', assertion: values.assertion ?? '' };
  if (values.method === 'totp') return { method: 'totp', code: values.code ?? '', sha256: values.sha256 ?? '' };
  return null;
}

export function registerJusteringRoutes(app: FastifyInstance, services: Services): void {
  const { justering } = services;
  const sign = { config: { action: 'protocol.sign' as const } };
  const self = { config: { action: 'account.self' as const } };
  const principal = (request: FastifyRequest) => {
    if (!request.principal) throw notFound();
    return request.principal;
  };

  app.get('/static/webauthn-sign.js', { config: { action: 'public' } }, async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SCRIPT),
  );

  app.get('/protokoll/:id/justera', sign, async (request, reply) => {
    const protocolId = uuidParam(request);
    const overview = await justering.overview(principal(request), protocolId);
    const review = await services.review.forSigner(principal(request), protocolId);
    return reply.page(<JusteringPage ctx={request.viewContext()} overview={overview} review={review} state={emptyForm()} />);
  });

  /** A comment on one paragraph of the locked protocol (issue 18); the secretary answers it. */
  app.post('/protokoll/:id/justera/synpunkt', sign, async (request, reply) => {
    const protocolId = uuidParam(request);
    const values = formBody(request);
    const paragraphId = values.paragraphId ?? '';
    const input = { paragraphId, body: values[`body-${paragraphId}`] ?? values.body ?? '' };
    const overview = await justering.overview(principal(request), protocolId);
    const review = await services.review.forSigner(principal(request), protocolId);
    const ok = await handleForm(
      reply,
      input,
      () => services.review.comment(principal(request), protocolId, input),
      (state) => <JusteringPage ctx={request.viewContext()} overview={overview} review={review} state={emptyForm()} commentState={state} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('review.sent'));
    return reply.redirect(`${justeraPath(protocolId)}#synpunkter-${paragraphId}`);
  });

  app.post('/protokoll/:id/justera', sign, async (request, reply) => {
    const protocolId = uuidParam(request);
    const values = formBody(request);
    const input = signInputOf(values);
    const paragraphId = optionalUuid(values.paragraphId);
    const overview = await justering.overview(principal(request), protocolId);
    const review = await services.review.forSigner(principal(request), protocolId);
    let result: Awaited<ReturnType<typeof justering.sign>> | undefined;
    const ok = await handleForm(
      reply,
      { paragraphId: values.paragraphId ?? '' },
      async () => {
        if (!input) throw secondFactorRequired();
        result = await justering.sign(principal(request), protocolId, { ...input, paragraphId }, relyingPartyFor(request, services.config));
      },
      (state) => <JusteringPage ctx={request.viewContext()} overview={overview} review={review} state={state} />,
    );
    if (!ok || !result) return reply;
    const { t } = request.viewContext();
    setFlash(reply, request, services, result.final ? t('justering.signedFinal') : paragraphId ? t('justering.signedParagraph') : t('justering.signed'));
    return reply.redirect(justeraPath(protocolId));
  });

  /** Signing options (JSON) for the passkey script. */
  app.post('/protokoll/:id/justera/passkey', sign, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const options = await justering.passkeyOptions(principal(request), uuidParam(request), optionalUuid(body.paragraphId), relyingPartyFor(request, services.config));
    return reply.header('cache-control', 'no-store').send(options);
  });

  app.get('/konto/passkey', self, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    return reply.page(<PasskeyPage ctx={request.viewContext()} passkeys={await justering.passkeys(principal(request))} next={next} state={emptyForm()} />);
  });

  app.post('/konto/passkey/registrera/alternativ', self, async (request, reply) => {
    const options = await justering.registrationOptions(principal(request), relyingPartyFor(request, services.config));
    return reply.header('cache-control', 'no-store').send(options);
  });

  app.post('/konto/passkey/registrera', self, async (request, reply) => {
    const values = formBody(request);
    const next = safeNext(values.next);
    const passkeys = await justering.passkeys(principal(request));
    const ok = await handleForm(
      reply,
      { label: values.label ?? '' },
      () => justering.registerPasskey(principal(request), { credential: values.credential, label: values.label ?? '', password: values.password ?? '' }, relyingPartyFor(request, services.config)),
      (state) => <PasskeyPage ctx={request.viewContext()} passkeys={passkeys} next={next} state={state} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('passkey.done'));
    return reply.redirect(next || '/konto/passkey');
  });

  app.post('/konto/passkey/:id/ta-bort', self, async (request, reply) => {
    const id = uuidParam(request);
    const passkeys = await justering.passkeys(principal(request));
    const ok = await handleForm(reply, {}, () => justering.removePasskey(principal(request), id, formBody(request).password ?? ''), (state) => (
      <PasskeyPage ctx={request.viewContext()} passkeys={passkeys} next="" state={state} />
    ));
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('passkey.removed'));
    return reply.redirect('/konto/passkey');
  });
}
