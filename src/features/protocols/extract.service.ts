import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import * as corrections from './correction.repository.js';
import { findLatestExtract } from './protocol.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import type { MailResult, Mailer } from '../../platform/mail/mailer.js';
import { renderTextPdf } from '../../platform/pdf/text-pdf.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, requirePrincipal, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { databaseFileStorage, type FileStorage } from '../registry/file-storage.js';
import { decisionHeading, letterheadOf } from './protocol-wording.js';
import { createFrozenProtocols } from './protocol-snapshot.js';
import { hasRecord, meetingRecordLines, recordLinesText } from './protocol-record-lines.js';
import type { MeetingRecord } from './protocol.model.js';
import { publicHeadingOf } from '../../domain/index.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMPTY_RECORD: MeetingRecord = { motions: [], propositions: [], votes: [], reservations: [], jav: [], notes: '' };

/**
 * Protokollsutdrag: a certified PDF/A extract of one paragraph of a final protocol
 * ("Utdragsbestyrkande" by the secretary), e-mailed to the recipients of the decision. The mail
 * log (kind 'extract', the extract's subject) is the delivery log; failed deliveries can be retried.
 */
export function createExtractService(deps: { database: Database; config: Config; clock: Clock; mailer: Mailer; storage?: FileStorage }) {
  const { database, clock, mailer } = deps;
  const db = database.db;
  const storage = deps.storage ?? databaseFileStorage;
  const frozen = createFrozenProtocols(deps);

  async function paragraphOf(paragraphId: string) {
    const row = await corrections.findParagraphForExtract(db, paragraphId);
    if (!row) throw notFound({ sv: 'Paragrafen finns inte.', en: 'The paragraph does not exist.' });
    if (row.protocol.status !== 'final' && !row.paragraph.adjustedAt) {
      throw conflict({ sv: 'Utdrag kan bara göras ur ett justerat protokoll.', en: 'Extracts can only be made from an adjusted protocol.' });
    }
    // The paragraph's meeting record (KL 5:67) as the protocol holds it; a final protocol's extract
    // is taken from the protocol as adjusted (its snapshot), never rebuilt from the live tables.
    const doc = await frozen.document(row.protocol.id);
    const p = doc?.paragraphs.find((x) => x.id === paragraphId);
    if (!doc || !p) return { ...row, record: EMPTY_RECORD, shortName: null, tabled: false };
    const shortName = doc.letterhead.shortName;
    const tabled = p.tabled === true;
    if (row.protocol.status !== 'final') return { ...row, record: p.record, shortName, tabled };
    return {
      ...row,
      bodyName: doc.bodyName,
      record: p.record,
      shortName,
      tabled,
      paragraph: { ...row.paragraph, number: p.number, heading: p.heading, caseNumber: p.caseNumber, summary: p.summary, handling: p.handling, decision: p.decision, recipients: p.recipients, secrecyProvision: p.secrecyProvision, decisionBasis: p.decisionBasis.map((b) => ({ documentId: null, text: b.text })) },
    };
  }

  /**
   * Extracts are made by the secretary of the body's own organisation; a secret paragraph's extract
   * also needs the right to read secrets there (a municipality's secretary never makes one).
   */
  async function authorisedParagraph(principal: Principal | null, paragraphId: string) {
    requirePrincipal(principal, 'protocol.extract');
    const row = await paragraphOf(paragraphId);
    const scope = scopeOf([row.ownerId]);
    assertCan(principal, 'protocol.extract', scope);
    if (row.paragraph.secrecyProvision) assertCan(principal, 'registry.readSecret', scope);
    return row;
  }

  type Row = Awaited<ReturnType<typeof paragraphOf>>;
  const label = (row: Row) => `§ ${row.paragraph.number ?? '–'}`;
  /** A paragraph under secrecy is named by its public heading: the real one may reveal the secret (OSL 5:2). */
  const headingOf = (row: Row) => (row.paragraph.secrecyProvision ? publicHeadingOf({ publicHeading: row.paragraph.publicHeading, caseNumber: row.paragraph.caseNumber }) : row.paragraph.heading);
  const subjectOf = (row: Row) => `Protokollsutdrag ${label(row)} ${headingOf(row)} – ${row.bodyName} ${swedishDate(row.meeting.startsAt)}`;
  const filenameOf = (row: Row) => `protokollsutdrag-${swedishDate(row.meeting.startsAt)}-paragraf-${row.paragraph.number ?? 'x'}.pdf`;

  function extractText(row: Row, certifiedBy: string, date: string): string {
    const p = row.paragraph;
    const shortName = row.shortName ?? letterheadOf({ settings: row.settings, hostName: null, bodyName: row.bodyName, isCommitteeBody: row.bodyKind === 'committee' }).shortName;
    const handling = p.handling.trim();
    // The same lines the protocol prints: motions, votes with each member's vote, reservations.
    const record = recordLinesText(meetingRecordLines(row.record, { shortName, afterHandling: handling !== '' }));
    const parts = [
      p.caseNumber ? `Ärendenummer: ${p.caseNumber}` : '',
      p.summary ? `Sammanfattning\n\n${p.summary}` : '',
      handling || hasRecord(row.record) ? `Sammanträdet\n\n${[handling, record].filter(Boolean).join('\n\n')}` : '',
      `${decisionHeading(shortName, row)}\n\n${p.decision}`,
      p.decisionBasis.length ? `Beslutsunderlag\n\n${p.decisionBasis.map((b) => b.text).join('\n')}` : '',
      p.recipients.length ? `Beslutet skickas till\n\n${p.recipients.join('\n')}` : '',
      `Justerat ${row.protocol.finalAt ? swedishDate(row.protocol.finalAt) : p.adjustedAt ? swedishDate(p.adjustedAt) : ''}`,
      `Utdragsbestyrkande\n\nUtdraget överensstämmer med protokollet.\n${certifiedBy}, nämndsekreterare, ${date}`,
    ];
    return parts.filter(Boolean).join('\n\n');
  }

  async function latestExtract(paragraphId: string) {
    return findLatestExtract(db, paragraphId);
  }

  const service = {
    /** Make and store the certified extract; returns its id and the PDF's SHA-256. */
    async createExtract(principal: Principal, paragraphId: string): Promise<{ id: string; pdfSha256: string; bytes: Buffer; filename: string }> {
      const row = await authorisedParagraph(principal, paragraphId);
      const now = clock();
      const date = swedishDate(now);
      const bytes = await renderTextPdf({
        title: `Protokollsutdrag ${label(row)} ${headingOf(row)}`,
        subtitle: `${row.bodyName}, sammanträde ${swedishDate(row.meeting.startsAt)}`,
        text: extractText(row, principal.name, date),
        author: principal.name,
      });
      const created = await db.transaction(async (tx) => {
        const { sha256 } = await storage.put(tx, bytes);
        const extract = await corrections.insertExtract(tx, { paragraphId, pdfSha256: sha256, certifiedBy: principal.name, createdAt: now });
        await recordAudit(tx, actorOf(principal), { action: 'protocol.extract.create', entity: 'protocol_paragraph', entityId: paragraphId, after: { extractId: extract.id, pdfSha256: sha256 }, organisationId: row.ownerId }, now);
        return { id: extract.id, pdfSha256: sha256 };
      });
      return { ...created, bytes, filename: filenameOf(row) };
    },

    /** E-mail the latest extract (made now if there is none) to each recipient; one mail each. */
    async sendExtract(principal: Principal, paragraphId: string, recipientEmails: readonly string[]) {
      const row = await authorisedParagraph(principal, paragraphId);
      if (row.paragraph.secrecyProvision) {
        throw conflict({
          sv: `Paragrafen omfattas av sekretess (${row.paragraph.secrecyProvision}) och skickas inte med e-post.`,
          en: `The paragraph is covered by secrecy (${row.paragraph.secrecyProvision}) and is not sent by e-mail.`,
        });
      }
      const emails = [...new Set(recipientEmails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
      const bad = emails.filter((e) => !EMAIL.test(e));
      if (emails.length === 0 || bad.length > 0) {
        throw new DomainError('INVALID_INPUT', {
          userMessage: { sv: `Ange giltiga e-postadresser${bad.length ? `: ${bad.join(', ')}` : ''}.`, en: `Enter valid e-mail addresses${bad.length ? `: ${bad.join(', ')}` : ''}.` },
          fieldErrors: [{ field: 'recipients', message: { sv: 'Ange giltiga e-postadresser.', en: 'Enter valid e-mail addresses.' } }],
        });
      }
      const existing = await latestExtract(paragraphId);
      let bytes: Buffer;
      let extractId: string;
      if (existing) {
        const stored = await storage.get(db, existing.pdfSha256);
        if (!stored) throw new Error(`extract blob ${existing.pdfSha256} missing`);
        bytes = stored;
        extractId = existing.id;
      } else {
        const created = await service.createExtract(principal, paragraphId);
        bytes = created.bytes;
        extractId = created.id;
      }
      const subject = subjectOf(row);
      const results: ({ to: string } & MailResult)[] = [];
      for (const to of emails) {
        const result = await mailer.send({
          kind: 'extract',
          to,
          subject,
          meetingId: row.meeting.id,
          text: `Hej,\n\nBifogat finns ett bestyrkt utdrag ur protokollet från ${row.bodyName}s sammanträde ${swedishDate(row.meeting.startsAt)}, ${label(row)} ${headingOf(row)}.\n\nMed vänliga hälsningar\n${principal.name}\nNämndsekreterare`,
          attachments: [{ filename: filenameOf(row), content: bytes, contentType: 'application/pdf' }],
        });
        results.push({ to, ...result });
      }
      await db.transaction((tx) =>
        recordAudit(tx, actorOf(principal), { action: 'protocol.extract.send', entity: 'protocol_paragraph', entityId: paragraphId, after: { extractId, results: results.map((r) => ({ to: r.to, status: r.status })) }, organisationId: row.ownerId }, clock()),
      );
      return { extractId, sent: results.filter((r) => r.status !== 'failed').length, failed: results.filter((r) => r.status === 'failed').length, results };
    },

    /** The delivery log: every mail of this paragraph's extract, newest first. */
    async deliveryLog(principal: Principal, paragraphId: string) {
      const row = await authorisedParagraph(principal, paragraphId);
      const rows = await corrections.listExtractMails(db, row.meeting.id, subjectOf(row));
      return rows.map((r) => ({ id: r.id, recipient: r.recipient, status: r.status, error: r.error, at: r.sentAt ?? r.createdAt }));
    },

    /** Send again to every recipient whose latest delivery failed. */
    async retryFailed(principal: Principal, paragraphId: string) {
      const log = await service.deliveryLog(principal, paragraphId);
      const latest = new Map<string, string>();
      for (const entry of log) if (!latest.has(entry.recipient)) latest.set(entry.recipient, entry.status);
      const failed = [...latest].filter(([, status]) => status === 'failed').map(([recipient]) => recipient);
      if (failed.length === 0) return { extractId: null, sent: 0, failed: 0, results: [] };
      return service.sendExtract(principal, paragraphId, failed);
    },
  };
  return service;
}

export type ExtractService = ReturnType<typeof createExtractService>;
