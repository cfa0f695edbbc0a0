/**
 * Routes of the publication feature: the public notice boards with their Atom feed, JSON list and
 * embeddable fragment; the committee's status page per protocol; the registrar's posting record.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, formList, handleForm } from '../../platform/http/forms.js';
import { DomainError, HTTP_STATUS } from '../../platform/errors.js';
import { UUID_PATTERN, uuidParam } from '../../platform/http/params.js';
import { emptyForm } from '../../platform/views/forms.js';
import { render } from 'preact-render-to-string';
import { BoardFragment, BoardIndexPage, BoardPage } from './board.pages.js';
import { boardAtom, openData, originOf } from './board.feeds.js';
import { registerPublicationApi } from './publication.api.js';
import { ProtocolNoticesPage, RegistrarPage, SettingsPage, settingsFormValues } from './notices.pages.js';
import type { BoardView } from './publication.service.js';
import { resolveNoticeLink } from './notice-link.service.js';

export { originOf };

const slugParam = (request: FastifyRequest) => String((request.params as Record<string, string | undefined>).slug ?? '');

const NEXT = /^\/(anslag|protokoll\/[0-9a-f-]{36}\/anslag)$/;
const SHOWN_IN_FORM = new Set(['INVALID_INPUT', 'CONFLICT']);

export function registerPublicationRoutes(app: FastifyInstance, services: Services): void {
  const { publication } = services;
  const open = { config: { action: 'public' as const } };
  const manage = { config: { action: 'publication.manage' as const } };
  const record = { config: { action: 'publication.recordPosting' as const } };

  app.get('/anslagstavla', open, async (request, reply) => reply.page(<BoardIndexPage ctx={request.viewContext()} boards={await publication.boards()} />));

  // The service hands back the same board object while nothing has changed, so the page an
  // anonymous visitor gets (no session, no one-time message) is rendered once per board, language and address.
  const renderedBoards = new WeakMap<BoardView, Map<string, string>>();
  app.get('/anslagstavla/:slug', open, async (request, reply) => {
    const board = await publication.board(slugParam(request));
    const ctx = request.viewContext();
    if (ctx.principal || ctx.flash) return reply.page(<BoardPage ctx={ctx} board={board} origin={originOf(request, services)} />);
    const pages = renderedBoards.get(board) ?? new Map<string, string>();
    renderedBoards.set(board, pages);
    const key = `${ctx.locale}|${originOf(request, services)}|${request.url}`;
    let html = pages.get(key);
    if (html === undefined) {
      html = `<!doctype html>${render(<BoardPage ctx={ctx} board={board} origin={originOf(request, services)} />)}`;
      if (pages.size < 50) pages.set(key, html);
    }
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get('/anslagstavla/:slug/atom.xml', open, async (request, reply) => {
    const board = await publication.board(slugParam(request));
    return openData(reply).type('application/atom+xml; charset=utf-8').send(boardAtom(board, originOf(request, services)));
  });

  // GET /api/v1/notice-boards/:slug, registered from its OpenAPI operation.
  registerPublicationApi(app, services);

  app.get('/anslagstavla/:slug/inbaddning', open, async (request, reply) => {
    const board = await publication.board(slugParam(request));
    // Made to be framed by the municipalities' own sites: its own policy replaces the default frame-ancestors 'none'.
    return openData(reply)
      .header('content-security-policy', "default-src 'none'; style-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *")
      .type('text/html; charset=utf-8')
      .send(render(<BoardFragment ctx={request.viewContext()} board={board} origin={originOf(request, services)} />));
  });

  app.get('/protokoll/:id/anslag', manage, async (request, reply) => {
    const status = await publication.protocolStatus(request.principal, uuidParam(request, 'id'));
    return reply.page(<ProtocolNoticesPage ctx={request.viewContext()} status={status} />);
  });

  app.get('/anslag', record, async (request, reply) => {
    // ?registrera=<notice id> (the e-mail's link): that notice's form opens with its date focused; anything else is ignored.
    const wanted = (request.query as Record<string, unknown>).registrera;
    const openNoticeId = typeof wanted === 'string' && UUID_PATTERN.test(wanted) ? wanted : undefined;
    return reply.page(<RegistrarPage ctx={request.viewContext()} queue={await publication.registrarQueue(request.principal)} openNoticeId={openNoticeId} />);
  });

  // The link in the registrar's e-mail: to the notice in their list, or a page saying whose notice it is.
  app.get('/anslag/:id', record, async (request, reply) => {
    return reply.redirect(await resolveNoticeLink(services.database.db, request.principal, uuidParam(request, 'id')));
  });

  app.post('/anslag/:id/anslagen', record, async (request, reply) => {
    const ctx = request.viewContext();
    const noticeId = uuidParam(request, 'id');
    const body = formBody(request);
    const values = { postedOn: body[`postedOn-${noticeId}`] ?? body.postedOn ?? '', externalUrl: body[`externalUrl-${noticeId}`] ?? body.externalUrl ?? '' };
    const next = NEXT.test(body.next ?? '') ? (body.next as string) : '/anslag';
    const fromProtocol = /^\/protokoll\/([0-9a-f-]{36})\/anslag$/.exec(next)?.[1];
    let protocolId: string;
    try {
      ({ protocolId } = await publication.recordPosting(request.principal, noticeId, values));
    } catch (error) {
      if (!(error instanceof DomainError) || !SHOWN_IN_FORM.has(error.code)) throw error;
      // The page the form came from again, with the values kept and the message at the form.
      const failed = { noticeId, state: { values, errors: error.fieldErrors.length > 0 ? error.fieldErrors : [{ field: '_', message: error.userMessage }] } };
      const page = fromProtocol ? (
        <ProtocolNoticesPage ctx={ctx} status={await publication.protocolStatus(request.principal, fromProtocol)} failed={failed} />
      ) : (
        <RegistrarPage ctx={ctx} queue={await publication.registrarQueue(request.principal)} failed={failed} />
      );
      return reply.code(HTTP_STATUS[error.code]).page(page);
    }
    const queue = await publication.registrarQueue(request.principal);
    const name = queue.find((n) => n.noticeId === noticeId)?.municipality.name ?? '';
    setFlash(reply, request, services, ctx.t('notices.recorded', { name }));
    return reply.redirect(fromProtocol ? `/protokoll/${protocolId}/anslag` : '/anslag');
  });

  // A recorded posting date changes only by a correction with a reason; the board shows it (KL 13:5).
  app.post('/anslag/:id/rattelse', record, async (request, reply) => {
    const ctx = request.viewContext();
    const noticeId = uuidParam(request, 'id');
    const body = formBody(request);
    const values = { postedOn: body[`correctedOn-${noticeId}`] ?? body.postedOn ?? '', reason: body[`reason-${noticeId}`] ?? body.reason ?? '' };
    try {
      await publication.correctPosting(request.principal, noticeId, values);
    } catch (error) {
      if (!(error instanceof DomainError) || !SHOWN_IN_FORM.has(error.code)) throw error;
      const failedCorrection = { noticeId, state: { values, errors: error.fieldErrors.length > 0 ? error.fieldErrors : [{ field: '_', message: error.userMessage }] } };
      return reply.code(HTTP_STATUS[error.code]).page(<RegistrarPage ctx={ctx} queue={await publication.registrarQueue(request.principal)} failedCorrection={failedCorrection} />);
    }
    setFlash(reply, request, services, ctx.t('notices.corrected'));
    return reply.redirect('/anslag');
  });

  app.get('/anslag/installningar/:slug', manage, async (request, reply) => {
    const view = await publication.settings(request.principal, slugParam(request));
    return reply.page(<SettingsPage ctx={request.viewContext()} view={view} state={emptyForm(settingsFormValues(view))} manual={view.settings.manualMunicipalities} />);
  });

  app.post('/anslag/installningar/:slug', manage, async (request, reply) => {
    const ctx = request.viewContext();
    const view = await publication.settings(request.principal, slugParam(request));
    const values = formBody(request);
    const manual = formList(request, 'manualMunicipalities');
    const ok = await handleForm(
      reply,
      values,
      () => publication.updateSettings(request.principal, view.committee.slug, { ...values, manualMunicipalities: manual }),
      (state) => <SettingsPage ctx={ctx} view={view} state={state} manual={manual} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('common.saved'));
    return reply.redirect(`/anslag/installningar/${view.committee.slug}`);
  });
}
