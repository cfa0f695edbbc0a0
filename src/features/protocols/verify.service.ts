import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import type { ProtocolDocument } from './protocol.model.js';
import type { FrozenSignature } from './protocol-snapshot.js';
import type { SealLevel } from './protocol-sealer.js';
import { sha256Hex } from '../registry/file-storage.js';
import { findFinalProtocolByHash, listStandingSignaturesWithNames, paragraphRange } from './verify.repository.js';
import { signatureMethod, type SignatureMethod } from './signature-method.js';

/** How the value matched: the sealed PDF, the public version's PDF, or the digest the signers signed. */
export type VerifyMatch = 'sealed_pdf' | 'public_pdf' | 'canonical';

export interface VerifiedProtocol {
  protocolId: string;
  organisationName: string;
  bodyName: string;
  /** YYYY-MM-DD in Swedish time. */
  meetingDate: string;
  firstParagraph: number | null;
  lastParagraph: number | null;
  finalAt: Date | null;
  canonicalSha256: string | null;
  /** The seal's PAdES level, when the protocol has its snapshot. */
  sealLevel: SealLevel | null;
  signatures: { name: string; role: 'chair' | 'adjuster'; method: SignatureMethod; signedAt: Date; paragraph: number | null; late: boolean; assuranceProvider: string | null; assuranceLevel: string | null; authenticatedAt: Date | null }[];
}

export type VerifyResult =
  | { found: false; sha256: string; source: 'file' | 'value' }
  | { found: true; sha256: string; source: 'file' | 'value'; match: VerifyMatch; protocol: VerifiedProtocol };

export class InvalidDigestError extends Error {}


/** A pasted SHA-256: 64 hex digits, spaces, colons and a "SHA-256" prefix allowed; upper or lower case. */
export function normaliseSha256(input: string): string | null {
  const hex = input
    .replace(/^\s*\(?\s*(signerat,?\s*)?(sha-?256[:\s]*)?/i, '')
    .replace(/[\s:)]/g, '')
    .toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/**
 * `/verifiera`: is this file, or this value, a final protocol? Reads protocols, their signatures,
 * meetings and bodies directly; only final protocols count (a draft or a locked protocol is no
 * fastställd handling).
 */
export function createVerifyService(deps: { database: Database; config: Config; clock: Clock }) {
  const { db } = deps.database;

  async function lookup(sha256: string, source: 'file' | 'value'): Promise<VerifyResult> {
    const lower = sha256.toLowerCase();
    const row = await findFinalProtocolByHash(db, lower, source === 'value');
    if (!row) return { found: false, sha256: lower, source };
    const is = (value: string | null) => value?.toLowerCase() === lower;
    const match: VerifyMatch = is(row.sealed) || is(row.frozenFull) ? 'sealed_pdf' : is(row.public) || is(row.frozenPublic) ? 'public_pdf' : 'canonical';
    // A frozen protocol is described as it was adjusted: its names and signatures from the snapshot.
    const frozen = row.document as ProtocolDocument | null;

    const range = await paragraphRange(db, row.id);
    const signatures = await listStandingSignaturesWithNames(db, row.id);

    return {
      found: true,
      sha256: lower,
      source,
      match,
      protocol: {
        protocolId: row.id,
        organisationName: frozen?.organisationName ?? row.organisationName,
        bodyName: frozen?.bodyName ?? row.bodyName,
        sealLevel: (row.sealLevel as SealLevel | null) ?? null,
        meetingDate: swedishDate(row.startsAt),
        firstParagraph: range?.first ?? null,
        lastParagraph: range?.last ?? null,
        finalAt: row.finalAt,
        canonicalSha256: row.canonical,
        signatures: row.frozenSignatures
          ? (row.frozenSignatures as FrozenSignature[]).map((s) => ({
              name: s.name,
              role: s.role,
              method: signatureMethod(s.method),
              signedAt: new Date(s.signedAt),
              paragraph: s.paragraph,
              late: s.late,
              assuranceProvider: s.assuranceProvider ?? null,
              assuranceLevel: s.assuranceLevel ?? null,
              authenticatedAt: s.authenticatedAt ? new Date(s.authenticatedAt) : null,
            }))
          : signatures.map((s) => ({ name: s.personName ?? s.userName, role: s.role, method: signatureMethod(s.method), signedAt: s.signedAt, paragraph: s.paragraph, late: s.late, assuranceProvider: s.assuranceProvider, assuranceLevel: s.assuranceLevel, authenticatedAt: s.authenticatedAt })),
      },
    };
  }

  return {
    /** An uploaded file: unchanged if its SHA-256 is that of a final protocol's sealed or public PDF. */
    verifyFile(bytes: Buffer): Promise<VerifyResult> {
      return lookup(sha256Hex(bytes), 'file');
    },
    /** A pasted value: the digest printed on the protocol, or the SHA-256 of its PDF file. */
    verifyValue(input: string): Promise<VerifyResult> {
      const sha256 = normaliseSha256(input);
      if (!sha256) throw new InvalidDigestError(input);
      return lookup(sha256, 'value');
    },
  };
}

export type VerifyService = ReturnType<typeof createVerifyService>;
