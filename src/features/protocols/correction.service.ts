/**
 * Rättelse (förvaltningslagen 36 §): an obvious error in a final protocol (a misspelling, a wrong
 * figure) is corrected by a new document, sealed like the protocol and attached to it; the
 * protocol and its snapshot are never rewritten. A correction of a paragraph under secrecy is not
 * shown in the public version.
 */
import { z } from 'zod';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import * as corrections from './correction.repository.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { conflict, notFound } from '../../platform/errors.js';
import { msg, parseInput } from '../../platform/validation.js';
import { renderTextPdf } from '../../platform/pdf/text-pdf.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, requirePrincipal, type Principal } from '../../platform/auth/policy.js';
import { databaseFileStorage } from '../registry/file-storage.js';
import { createFrozenProtocols } from './protocol-snapshot.js';
import { SEAL_SIGNATURE_LENGTH } from './protocol-pdf.js';
import { createProtocolSealer, type ProtocolSealer } from './protocol-sealer.js';

const required = (max: number, sv: string, en: string) =>
  z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : ''), z.string().min(1, msg(sv, en)).max(max));

export const ZCorrectionInput = z.object({
  paragraphId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.uuid(msg('Välj en paragraf i listan.', 'Choose a paragraph from the list.')).nullable()),
  correction: required(5000, 'Skriv vad som rättas och hur det ska lyda.', 'Write what is corrected and how it should read.'),
  reason: required(2000, 'Ange varför rättelsen görs.', 'Give the reason for the correction.'),
});

export interface CorrectionView {
  number: number;
  paragraph: string | null;
  correction: string;
  reason: string;
  decidedBy: string;
  date: string;
  public: boolean;
  pdfSha256: string;
}

const PROTOCOL_NOT_FOUND = { sv: 'Protokollet finns inte.', en: 'The protocol does not exist.' };

export function createCorrectionService(deps: { database: Database; config: Config; clock: Clock; sealer?: ProtocolSealer }) {
  const db = deps.database.db;
  const frozen = createFrozenProtocols(deps);
  let sealer = deps.sealer;
  const sealerOf = () => (sealer ??= createProtocolSealer(deps.config));

  async function protocolOf(protocolId: string) {
    const row = await corrections.findProtocolWithOwner(db, protocolId);
    if (!row) throw notFound(PROTOCOL_NOT_FOUND);
    return row;
  }

  return {
    /** The corrections of a protocol in order; the public ones only for a reader without access to secrets. */
    async list(principal: Principal | null, protocolId: string): Promise<CorrectionView[]> {
      const { organisationId } = await protocolOf(protocolId);
      const all = can(principal, 'registry.readSecret', [organisationId]);
      const rows = await corrections.listCorrections(db, protocolId);
      const doc = rows.length > 0 ? (await frozen.frozen(protocolId)).document : null;
      return rows
        .filter((r) => all || r.public)
        .map((r) => {
          const p = doc?.paragraphs.find((x) => x.id === r.paragraphId);
          return { number: r.number, paragraph: p ? `§ ${p.number ?? '–'} ${p.heading}` : null, correction: r.correction, reason: r.reason, decidedBy: r.decidedBy, date: swedishDate(r.createdAt), public: r.public, pdfSha256: r.pdfSha256 };
        });
    },

    /** A new sealed rättelse of a final protocol; the protocol itself is not touched. */
    async add(principal: Principal | null, protocolId: string, raw: unknown): Promise<{ number: number; pdfSha256: string }> {
      requirePrincipal(principal, 'meeting.plan');
      const { protocol, organisationId } = await protocolOf(protocolId);
      assertCan(principal, 'meeting.plan', [organisationId]);
      const input = parseInput(ZCorrectionInput, raw);
      if (protocol.status !== 'final') {
        throw conflict({ sv: 'Bara ett justerat protokoll rättas; ett utkast ändras direkt.', en: 'Only an adjusted protocol is corrected; a draft is edited directly.' });
      }
      const doc = (await frozen.frozen(protocolId)).document;
      const paragraph = input.paragraphId ? doc.paragraphs.find((p) => p.id === input.paragraphId) : undefined;
      if (input.paragraphId && !paragraph) throw notFound({ sv: 'Paragrafen finns inte i protokollet.', en: 'The paragraph is not in the protocol.' });
      const now = deps.clock();
      const number = (await corrections.lastCorrectionNumber(db, protocolId)) + 1;
      const title = `Rättelse ${number} av protokoll ${doc.bodyName} ${doc.meetingDate}`;
      const text = [
        `Rättelse enligt 36 § förvaltningslagen (2017:900) av protokollet från ${doc.bodyName}s sammanträde ${doc.meetingDate}${paragraph ? `, § ${paragraph.number ?? '–'} ${paragraph.heading}` : ''}.`,
        `Rättelse\n\n${input.correction}`,
        `Skäl\n\n${input.reason}`,
        `Beslutad av ${principal.name} ${swedishDate(now)}.`,
        `Det justerade protokollet är oförändrat; denna rättelse hör till det.`,
      ].join('\n\n');
      const pdf = await renderTextPdf({
        title,
        subtitle: doc.organisationName,
        text,
        author: doc.organisationName,
        sealReserve: { name: doc.organisationName, reason: title, location: doc.organisationName, signatureLength: SEAL_SIGNATURE_LENGTH },
      });
      const sealed = await sealerOf().sealPdf(pdf);
      return db.transaction(async (tx) => {
        const { sha256 } = await databaseFileStorage.put(tx, sealed);
        await corrections.insertCorrection(tx, {
          protocolId,
          number,
          paragraphId: paragraph?.id ?? null,
          correction: input.correction,
          reason: input.reason,
          decidedBy: principal.name,
          decidedByUserId: principal.userId,
          public: !paragraph?.secrecyProvision,
          pdfSha256: sha256,
          createdAt: now,
        });
        await recordAudit(tx, actorOf(principal), { action: 'protocol.correction.add', entity: 'protocol', entityId: protocolId, after: { number, paragraphId: paragraph?.id ?? null, reason: input.reason, pdfSha256: sha256 }, organisationId, secret: Boolean(paragraph?.secrecyProvision) }, now);
        return { number, pdfSha256: sha256 };
      });
    },

    /** The sealed PDF of a correction, when the reader may see it. */
    async pdf(principal: Principal | null, protocolId: string, number: number): Promise<{ bytes: Buffer; sha256: string }> {
      const list = await this.list(principal, protocolId);
      const found = list.find((c) => c.number === number);
      const bytes = found ? await databaseFileStorage.get(db, found.pdfSha256) : undefined;
      if (!found || !bytes) throw notFound({ sv: 'Rättelsen finns inte.', en: 'The correction does not exist.' });
      return { bytes, sha256: found.pdfSha256 };
    },
  };
}

export type CorrectionService = ReturnType<typeof createCorrectionService>;
