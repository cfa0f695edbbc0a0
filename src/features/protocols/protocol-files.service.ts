/**
 * The protocol as a PDF file (public version for everyone once final, the sealed original for
 * readers of secret documents, a marked draft for signed-in readers before that), its rättelser,
 * and the protokollsutdrag of a final protocol's paragraphs: the use cases behind
 * protocol-files.routes.tsx, each found through the meeting named in the URL.
 */
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { notFound } from '../../platform/errors.js';
import { assertCan, can, requirePrincipal, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { cooperationScope } from '../organisation/scope.js';
import { databaseFileStorage } from '../registry/file-storage.js';
import * as meetingsRepo from '../meetings/meetings.repository.js';
import * as repo from './protocol.repository.js';
import { publicVersion } from './protocol.model.js';
import { renderProtocolPdf } from './protocol-pdf.js';
import { listRecipientChoices, type RecipientChoice } from './extract-recipients.repository.js';
import { createProtocolService } from './protocol.service.js';
import { createExtractService } from './extract.service.js';
import { createCorrectionService } from './correction.service.js';

const PROTOCOL_NOT_FOUND = { sv: 'Mötet har inget protokoll ännu.', en: 'The meeting has no protocol yet.' };

/** A PDF to send: a stored one (final protocol, rättelse) carries its SHA-256 for the ETag. */
export type ProtocolFile = { bytes: Buffer; filename: string; shared: boolean; sha256?: string };

export interface ExtractView {
  meetingId: string;
  paragraphId: string;
  label: string;
  heading: string;
  hasExtract: boolean;
  log: Awaited<ReturnType<ReturnType<typeof createExtractService>['deliveryLog']>>;
  choices: RecipientChoice[];
}

export function createProtocolFileService(deps: { database: Database; config: Config; clock: Clock; mailer: Mailer }) {
  const db = deps.database.db;
  const protocols = createProtocolService(deps);
  const extracts = createExtractService(deps);
  const corrections = createCorrectionService(deps);

  async function meetingOf(meetingId: string) {
    const meeting = await meetingsRepo.findMeeting(db, meetingId);
    const body = meeting ? await meetingsRepo.findBody(db, meeting.bodyId) : undefined;
    const protocol = meeting ? await repo.findProtocolByMeeting(db, meetingId) : undefined;
    if (!meeting || !body || !protocol) throw notFound(PROTOCOL_NOT_FOUND);
    return { meeting, body, protocol };
  }

  /** The paragraph of the meeting's protocol, for a signed-in principal allowed to make extracts. */
  async function paragraphOf(principal: Principal | null, meetingId: string, paragraphId: string) {
    requirePrincipal(principal, 'protocol.extract');
    const { meeting, protocol, body } = await meetingOf(meetingId);
    const paragraph = await repo.findParagraph(db, paragraphId);
    if (!paragraph || paragraph.protocolId !== protocol.id) throw notFound({ sv: 'Paragrafen finns inte i protokollet.', en: 'The paragraph is not in the protocol.' });
    return { principal, meeting, body, paragraph };
  }

  return {
    /** The protocol's PDF: the full (sealed) or public version once final, else a draft. */
    async protocolPdf(principal: Principal | null, meetingId: string, full: boolean): Promise<ProtocolFile> {
      const { body, protocol } = await meetingOf(meetingId);
      const scope = scopeOf([body.organisationId]);
      // A body that is not public (the preparation group) keeps its protocols from the public.
      if (!body.isPublic) assertCan(principal, 'meeting.read', await cooperationScope(db, body.organisationId));
      if (protocol.status === 'final') {
        // The stored, sealed bytes: the same file on every download (issue 16).
        if (full) assertCan(principal, 'registry.readSecret', scope);
        const { bytes, sha256, frozen } = await protocols.frozenPdf(protocol.id, full ? 'full' : 'public');
        const name = `protokoll-${body.slug}-${frozen.document.meetingDate}`;
        return { bytes, sha256, filename: full ? `${name}-forseglat.pdf` : `${name}.pdf`, shared: !full };
      }
      assertCan(principal, 'meeting.read', await cooperationScope(db, body.organisationId));
      const doc = await protocols.load(protocol.id);
      // Before justering the PDF is a draft (marked so by renderProtocolPdf from the status), without digest.
      const bytes = await renderProtocolPdf(can(principal, 'registry.readSecret', scope) ? doc : publicVersion(doc), { digest: null });
      return { bytes, filename: `protokoll-${body.slug}-${doc.meetingDate}-utkast.pdf`, shared: false };
    },

    async addCorrection(principal: Principal | null, meetingId: string, raw: unknown) {
      const { protocol } = await meetingOf(meetingId);
      return corrections.add(principal, protocol.id, raw);
    },

    async correctionPdf(principal: Principal | null, meetingId: string, number: number): Promise<ProtocolFile> {
      const { body, protocol } = await meetingOf(meetingId);
      const { bytes, sha256 } = await corrections.pdf(principal, protocol.id, number);
      return { bytes, sha256, filename: `protokoll-${body.slug}-rattelse-${number}.pdf`, shared: true };
    },

    /** A paragraph's extract: whether one is made, where it was sent, and whom it may be sent to. */
    async extractView(principal: Principal | null, meetingId: string, paragraphId: string): Promise<ExtractView> {
      const { meeting, body, paragraph, principal: extractor } = await paragraphOf(principal, meetingId, paragraphId);
      const latest = await repo.findLatestExtract(db, paragraph.id);
      return {
        meetingId: meeting.id,
        paragraphId: paragraph.id,
        label: `§ ${paragraph.number ?? '–'}`,
        heading: paragraph.heading,
        hasExtract: Boolean(latest),
        log: await extracts.deliveryLog(extractor, paragraph.id),
        choices: await listRecipientChoices(db, body.organisationId),
      };
    },

    async createExtract(principal: Principal | null, meetingId: string, paragraphId: string) {
      const { paragraph, principal: extractor } = await paragraphOf(principal, meetingId, paragraphId);
      return extracts.createExtract(extractor, paragraph.id);
    },

    async sendExtract(principal: Principal | null, meetingId: string, paragraphId: string, emails: readonly string[]) {
      const { paragraph, principal: extractor } = await paragraphOf(principal, meetingId, paragraphId);
      return extracts.sendExtract(extractor, paragraph.id, emails);
    },

    async retryFailed(principal: Principal | null, meetingId: string, paragraphId: string) {
      const { paragraph, principal: extractor } = await paragraphOf(principal, meetingId, paragraphId);
      return extracts.retryFailed(extractor, paragraph.id);
    },

    /** The latest extract's PDF of the paragraph. */
    async extractPdf(principal: Principal | null, meetingId: string, paragraphId: string): Promise<ProtocolFile> {
      const { meeting, paragraph } = await paragraphOf(principal, meetingId, paragraphId);
      const latest = await repo.findLatestExtract(db, paragraph.id);
      const bytes = latest ? await databaseFileStorage.get(db, latest.pdfSha256) : undefined;
      if (!bytes) throw notFound({ sv: 'Inget utdrag har skapats ännu.', en: 'No extract has been made yet.' });
      return { bytes, filename: `protokollsutdrag-${swedishDate(meeting.startsAt)}-paragraf-${paragraph.number ?? 'x'}.pdf`, shared: false };
    },
  };
}
