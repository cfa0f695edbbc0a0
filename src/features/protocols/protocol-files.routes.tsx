/**
 * The protocol as a PDF file (public version for everyone once final, the sealed original for
 * readers of secret documents, a marked draft for signed-in readers before that) and the
 * protokollsutdrag of a final protocol's paragraphs: create, send, retry and download.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, formList, handleForm } from '../../platform/http/forms.js';
import { emptyForm, ErrorSummary, PostForm, type FormState, TextAreaField } from '../../platform/views/forms.js';
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { notFound } from '../../platform/errors.js';
import { swedishDate } from '../../platform/clock.js';
import { assertCan, can, requirePrincipal, scopeOf } from '../../platform/auth/policy.js';
import { cooperationScope } from '../organisation/scope.js';
import { databaseFileStorage } from '../registry/file-storage.js';
import { attachmentHeader } from '../registry/registry.http.js';
import * as meetingsRepo from '../meetings/meetings.repository.js';
import * as repo from './protocol.repository.js';
import { publicVersion } from './protocol.model.js';
import { renderProtocolPdf } from './protocol-pdf.js';
import { listRecipientChoices, type RecipientChoice } from './extract-recipients.repository.js';
import { RecipientChoices } from './extract-recipients.pages.js';
import { uuidParam } from '../../platform/http/params.js';

const PROTOCOL_NOT_FOUND = { sv: 'Mötet har inget protokoll ännu.', en: 'The meeting has no protocol yet.' };

/** The signed-in principal allowed to make extracts (the route's action checks it first). */
function extractor(request: FastifyRequest) {
  const principal = request.principal;
  requirePrincipal(principal, 'protocol.extract');
  return principal;
}

function sendPdf(reply: FastifyReply, bytes: Buffer, filename: string, shared: boolean) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentHeader(filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', shared ? 'no-cache' : 'private, no-store')
    .send(bytes);
}

/**
 * A stored file that never changes: `ETag` is its SHA-256, and a request that already holds it
 * (If-None-Match) gets 304 without the bytes.
 */
export function sendStoredPdf(request: FastifyRequest, reply: FastifyReply, file: { bytes: Buffer; sha256: string; filename: string; shared: boolean }) {
  const etag = `"${file.sha256.toLowerCase()}"`;
  reply.header('etag', etag).header('cache-control', file.shared ? 'public, no-cache' : 'private, no-store');
  const held = request.headers['if-none-match'];
  if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentHeader(file.filename))
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}

type DeliveryLog = Awaited<ReturnType<Services['extracts']['deliveryLog']>>;

interface ExtractView {
  meetingId: string;
  paragraphId: string;
  label: string;
  heading: string;
  hasExtract: boolean;
  log: DeliveryLog;
  choices: RecipientChoice[];
}

function ExtractPage({ ctx, view, state }: { ctx: ViewContext; view: ExtractView; state: FormState }) {
  const { t } = ctx;
  const protocolHref = `/moten/${view.meetingId}/protokoll`;
  const base = `${protocolHref}/paragraf/${view.paragraphId}/utdrag`;
  const latest = new Map<string, string>();
  for (const entry of view.log) if (!latest.has(entry.recipient)) latest.set(entry.recipient, entry.status);
  const anyFailed = [...latest.values()].includes('failed');
  return (
    <Layout ctx={ctx} title={t('protocol.extract.page', { number: view.label, heading: view.heading })} back={{ href: `${protocolHref}#paragraf-${view.paragraphId}`, label: t('protocol.backToProtocol') }}>
      <ErrorSummary ctx={ctx} state={state} />
      {view.hasExtract ? (
        <p>
          <a href={`${base}.pdf`}>{t('protocol.extract.download')}</a>
        </p>
      ) : (
        <p>{t('protocol.extract.none')}</p>
      )}
      <PostForm ctx={ctx} action={base} class="actions">
        <button type="submit" class="secondary">
          {t('protocol.extract.create')}
        </button>
      </PostForm>
      <h2>{t('protocol.extract.send')}</h2>
      <PostForm ctx={ctx} action={`${base}/skicka`}>
        <RecipientChoices ctx={ctx} choices={view.choices} chosen={new Set((state.values.to ?? '').split('\n'))} />
        <TextAreaField ctx={ctx} state={state} name="recipients" label={t('protocol.extract.otherRecipients')} hint={t('protocol.extract.recipientsHint')} rows={2} />
        <button type="submit">{t('protocol.extract.send')}</button>
      </PostForm>
      <h2>{t('protocol.extract.log')}</h2>
      {view.log.length === 0 ? (
        <p>{t('protocol.extract.noLog')}</p>
      ) : (
        <table>
          <caption>{t('protocol.extract.log')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('protocol.extract.recipient')}</th>
              <th scope="col">{t('protocol.extract.status')}</th>
              <th scope="col">{t('protocol.extract.error')}</th>
            </tr>
          </thead>
          <tbody>
            {view.log.map((entry) => (
              <tr>
                <td>{entry.recipient}</td>
                <td>{entry.status}</td>
                <td>{entry.error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {anyFailed && (
        <PostForm ctx={ctx} action={`${base}/forsok-igen`} class="actions">
          <button type="submit" class="secondary">
            {t('protocol.extract.retry')}
          </button>
        </PostForm>
      )}
    </Layout>
  );
}

export function registerProtocolFileRoutes(app: FastifyInstance, services: Services): void {
  const { protocols, extracts } = services;
  const db = services.database.db;
  const extract = { config: { action: 'protocol.extract' as const } };

  async function meetingOf(meetingId: string) {
    const meeting = await meetingsRepo.findMeeting(db, meetingId);
    const body = meeting ? await meetingsRepo.findBody(db, meeting.bodyId) : undefined;
    const protocol = meeting ? await repo.findProtocolByMeeting(db, meetingId) : undefined;
    if (!meeting || !body || !protocol) throw notFound(PROTOCOL_NOT_FOUND);
    return { meeting, body, protocol };
  }

  /** The paragraph of the meeting's protocol named in the URL. */
  async function paragraphOf(request: FastifyRequest) {
    const meetingId = uuidParam(request, 'id');
    const { meeting, protocol, body } = await meetingOf(meetingId);
    const paragraph = await repo.findParagraph(db, uuidParam(request, 'paragraphId'));
    if (!paragraph || paragraph.protocolId !== protocol.id) throw notFound({ sv: 'Paragrafen finns inte i protokollet.', en: 'The paragraph is not in the protocol.' });
    return { meeting, body, protocol, paragraph, base: `/moten/${meetingId}/protokoll/paragraf/${paragraph.id}/utdrag` };
  }

  async function extractView(request: FastifyRequest): Promise<ExtractView> {
    const { meeting, body, paragraph } = await paragraphOf(request);
    const latest = await repo.findLatestExtract(db, paragraph.id);
    return {
      meetingId: meeting.id,
      paragraphId: paragraph.id,
      label: `§ ${paragraph.number ?? '–'}`,
      heading: paragraph.heading,
      hasExtract: Boolean(latest),
      log: await extracts.deliveryLog(extractor(request), paragraph.id),
      choices: await listRecipientChoices(db, body.organisationId),
    };
  }

  app.get('/moten/:id/protokoll.pdf', { config: { action: 'public' } }, async (request, reply) => {
    const { body, protocol } = await meetingOf(uuidParam(request, 'id'));
    const scope = scopeOf([body.organisationId]);
    // A body that is not public (the preparation group) keeps its protocols from the public.
    if (!body.isPublic) assertCan(request.principal, 'meeting.read', await cooperationScope(db, body.organisationId));
    const full = (request.query as Record<string, unknown>).version === 'full';
    if (protocol.status === 'final') {
      // The stored, sealed bytes: the same file on every download (issue 16).
      if (full) assertCan(request.principal, 'registry.readSecret', scope);
      const { bytes, sha256, frozen } = await protocols.frozenPdf(protocol.id, full ? 'full' : 'public');
      const name = `protokoll-${body.slug}-${frozen.document.meetingDate}`;
      return sendStoredPdf(request, reply, { bytes, sha256, filename: full ? `${name}-forseglat.pdf` : `${name}.pdf`, shared: !full });
    }
    assertCan(request.principal, 'meeting.read', await cooperationScope(db, body.organisationId));
    const doc = await protocols.load(protocol.id);
    // Before justering the PDF is a draft (marked so by renderProtocolPdf from the status), without digest.
    const pdf = await renderProtocolPdf(can(request.principal, 'registry.readSecret', scope) ? doc : publicVersion(doc), { digest: null });
    return sendPdf(reply, pdf, `protokoll-${body.slug}-${doc.meetingDate}-utkast.pdf`, false);
  });

  app.post('/moten/:id/protokoll/rattelse', { config: { action: 'meeting.plan' as const } }, async (request, reply) => {
    const meetingId = uuidParam(request, 'id');
    const { protocol } = await meetingOf(meetingId);
    await services.corrections.add(request.principal, protocol.id, formBody(request));
    setFlash(reply, request, services, request.viewContext().t('correction.added'));
    return reply.redirect(`/moten/${meetingId}/protokoll#rattelser`);
  });

  app.get('/moten/:id/protokoll/rattelse/:number', { config: { action: 'public' } }, async (request, reply) => {
    const meetingId = uuidParam(request, 'id');
    const match = /^(\d{1,6})\.pdf$/.exec(String((request.params as Record<string, unknown>).number));
    if (!match) throw notFound({ sv: 'Rättelsen finns inte.', en: 'The correction does not exist.' });
    const { body, protocol } = await meetingOf(meetingId);
    const number = Number(match[1]);
    const { bytes, sha256 } = await services.corrections.pdf(request.principal, protocol.id, number);
    return sendStoredPdf(request, reply, { bytes, sha256, filename: `protokoll-${body.slug}-rattelse-${number}.pdf`, shared: true });
  });

  app.get('/moten/:id/protokoll/paragraf/:paragraphId/utdrag', extract, async (request, reply) => {
    return reply.page(<ExtractPage ctx={request.viewContext()} view={await extractView(request)} state={emptyForm({ recipients: '' })} />);
  });

  app.post('/moten/:id/protokoll/paragraf/:paragraphId/utdrag', extract, async (request, reply) => {
    const { paragraph, base } = await paragraphOf(request);
    await extracts.createExtract(extractor(request), paragraph.id);
    setFlash(reply, request, services, request.viewContext().t('protocol.extract.created'));
    return reply.redirect(base);
  });

  app.post('/moten/:id/protokoll/paragraf/:paragraphId/utdrag/skicka', extract, async (request, reply) => {
    const ctx = request.viewContext();
    const { paragraph, base } = await paragraphOf(request);
    const chosen = formList(request, 'to');
    const values: Record<string, string> = { ...formBody(request), to: chosen.join('\n') };
    const emails = [...chosen, ...(values.recipients ?? '').split(/[\n,;]+/)];
    let result: { sent: number; failed: number } = { sent: 0, failed: 0 };
    const view = await extractView(request);
    const ok = await handleForm(
      reply,
      values,
      async () => (result = await extracts.sendExtract(extractor(request), paragraph.id, emails)),
      (state) => <ExtractPage ctx={ctx} view={view} state={state} />,
    );
    if (!ok) return reply;
    setFlash(reply, request, services, ctx.t('protocol.extract.sent', { sent: result.sent, failed: result.failed }));
    return reply.redirect(base);
  });

  app.post('/moten/:id/protokoll/paragraf/:paragraphId/utdrag/forsok-igen', extract, async (request, reply) => {
    const ctx = request.viewContext();
    const { paragraph, base } = await paragraphOf(request);
    const result = await extracts.retryFailed(extractor(request), paragraph.id);
    setFlash(reply, request, services, ctx.t('protocol.extract.sent', { sent: result.sent, failed: result.failed }));
    return reply.redirect(base);
  });

  app.get('/moten/:id/protokoll/paragraf/:paragraphId/utdrag.pdf', extract, async (request, reply) => {
    const { meeting, paragraph } = await paragraphOf(request);
    const latest = await repo.findLatestExtract(db, paragraph.id);
    const bytes = latest ? await databaseFileStorage.get(db, latest.pdfSha256) : undefined;
    if (!bytes) throw notFound({ sv: 'Inget utdrag har skapats ännu.', en: 'No extract has been made yet.' });
    return sendPdf(reply, bytes, `protokollsutdrag-${swedishDate(meeting.startsAt)}-paragraf-${paragraph.number ?? 'x'}.pdf`, false);
  });
}
