/**
 * Final means frozen (issue 16): when a protocol becomes final its document, its signatures and
 * both sealed PDFs are stored in protocol_snapshots, in the transaction that makes it final, and
 * every later view of it reads them from there, never from the live tables.
 *
 * Protocols made final before the table existed get their snapshot on first read (backfill): the
 * document is built from the tables as they are then, the full PDF is the one sealed at justering,
 * and the public PDF is rendered and sealed once. `origin` says which.
 */
import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import type { ProtocolSnapshotRow } from './protocols.tables.js';
import { notFound } from '../../platform/errors.js';
import { recordAudit, SYSTEM_ACTOR } from '../../platform/audit/audit.js';
import { databaseFileStorage, type FileStorage } from '../registry/file-storage.js';
import { digestVersionOf, protocolDigest, publicVersion, type DigestVersion, type ProtocolDocument, type VoteCounts } from './protocol.model.js';
import { loadProtocol } from './protocol-build.js';
import { findProtocol } from './protocol.repository.js';
import * as snap from './snapshot.repository.js';
import { renderProtocolPdf } from './protocol-pdf.js';
import { signatureMethod, type SignatureMethod } from './signature-method.js';
import { createProtocolSealer, type ProtocolSealer, type SealedProtocolFiles, type SealLevel } from './protocol-sealer.js';
import { findBody, findMeeting } from '../meetings/meetings.repository.js';

/** A justering signature as the snapshot keeps it: the name it was given under at justering. */
export interface FrozenSignature {
  name: string;
  role: 'chair' | 'adjuster';
  method: SignatureMethod;
  signedAt: string;
  late: boolean;
  /** The paragraph's § for an immediate justering, else null. */
  paragraph: number | null;
  sha256: string;
  /** For an e-ID signature (issue 22): the provider, the level of assurance and when the person signed in; absent in older snapshots. */
  assuranceProvider?: string | null;
  assuranceLevel?: string | null;
  authenticatedAt?: string | null;
}

/** An open vote as the snapshot keeps it for OParl (kansli:votes), with the ballots' names at justering. */
export interface FrozenVote extends VoteCounts {
  id: string;
  itemId: string;
  kind: 'decision' | 'election' | 'tabling';
  createdAt: string;
  ballots: { personId: string; name: string; municipalityId: string | null; choice: 'yes' | 'no' | 'abstain' }[];
}

export interface FrozenProtocol {
  protocolId: string;
  document: ProtocolDocument;
  documentSha256: string;
  /** The canonical form documentSha256 was computed with (protocols.digest_version at justering). */
  digestVersion: DigestVersion;
  signatures: FrozenSignature[];
  votes: FrozenVote[];
  fullPdfSha256: string;
  publicPdfSha256: string;
  sealLevel: SealLevel;
  origin: 'justering' | 'backfill';
  createdAt: Date;
}

const PROTOCOL_NOT_FOUND = { sv: 'Protokollet finns inte.', en: 'The protocol does not exist.' };

function present(row: ProtocolSnapshotRow): FrozenProtocol {
  return {
    protocolId: row.protocolId,
    document: row.document as ProtocolDocument,
    documentSha256: row.documentSha256,
    digestVersion: digestVersionOf(row.digestVersion),
    signatures: row.signatures as FrozenSignature[],
    votes: row.votes as FrozenVote[],
    fullPdfSha256: row.fullPdfSha256,
    publicPdfSha256: row.publicPdfSha256,
    sealLevel: row.sealLevel as SealLevel,
    origin: row.origin,
    createdAt: row.createdAt,
  };
}

export async function findSnapshot(db: Db, protocolId: string): Promise<FrozenProtocol | undefined> {
  const row = await snap.findSnapshotRow(db, protocolId);
  return row ? present(row) : undefined;
}

/** The signatures of a protocol with the names of the people (or accounts) who signed, as they are now. */
export async function currentSignatures(tx: Db, protocolId: string, numbers: Map<string, number | null>): Promise<FrozenSignature[]> {
  const rows = await snap.listSignaturesWithNames(tx, protocolId);
  return rows.map((r) => ({
    name: r.person ?? r.user,
    role: r.role,
    method: signatureMethod(r.method),
    signedAt: r.signedAt.toISOString(),
    late: r.late,
    paragraph: r.paragraphId ? (numbers.get(r.paragraphId) ?? null) : null,
    sha256: r.sha256,
    assuranceProvider: r.assuranceProvider,
    assuranceLevel: r.assuranceLevel,
    authenticatedAt: r.authenticatedAt?.toISOString() ?? null,
  }));
}

/** The open votes of the protocol's paragraphs not under secrecy, with the ballots' names as they are now. */
export async function currentVotes(tx: Db, protocolId: string): Promise<FrozenVote[]> {
  const { voteRows, ballots } = await snap.listOpenVotesWithBallots(tx, protocolId);
  return voteRows.map(({ vote }) => ({
    id: vote.id,
    itemId: vote.itemId,
    kind: vote.kind,
    yesMeans: vote.yesMeans,
    noMeans: vote.noMeans,
    yes: vote.yes,
    no: vote.no,
    abstain: vote.abstain,
    outcome: vote.outcome,
    decidedByCastingVote: vote.decidedByCastingVote,
    lotteryResult: vote.lotteryResult,
    createdAt: vote.createdAt.toISOString(),
    ballots: ballots.filter((b) => b.voteId === vote.id).map(({ voteId: _voteId, ...b }) => b),
  }));
}

/** Store the snapshot (blobs first); inside the transaction that makes the protocol final. */
export async function storeSnapshot(
  tx: Db,
  options: { protocolId: string; document: ProtocolDocument; digestVersion: DigestVersion; files: { full: Buffer; public: Buffer; level: SealLevel }; origin: 'justering' | 'backfill'; at: Date; storage?: FileStorage },
): Promise<FrozenProtocol> {
  const storage = options.storage ?? databaseFileStorage;
  const full = await storage.put(tx, options.files.full);
  const pub = await storage.put(tx, options.files.public);
  const numbers = new Map(options.document.paragraphs.map((p) => [p.id, p.number]));
  const row = await snap.insertSnapshotIfNew(tx, {
      protocolId: options.protocolId,
      document: options.document,
      documentSha256: protocolDigest(options.document, options.digestVersion),
      digestVersion: options.digestVersion,
      signatures: await currentSignatures(tx, options.protocolId, numbers),
      votes: await currentVotes(tx, options.protocolId),
      fullPdfSha256: full.sha256,
      publicPdfSha256: pub.sha256,
      sealLevel: options.files.level,
      origin: options.origin,
      createdAt: options.at,
  });
  return row ? present(row) : ((await findSnapshot(tx, options.protocolId)) as FrozenProtocol);
}

/** Whether the protocol has whole-protocol signatures yet (an unsigned one is no final protocol). */
export async function hasProtocolSignatures(db: Db, protocolId: string): Promise<boolean> {
  return snap.hasStandingSignatures(db, protocolId);
}

/**
 * Reads final protocols from their snapshot, making it on first read for a protocol that became
 * final before snapshots existed. One per service; concurrent first reads share one rendering and
 * the primary key keeps one row.
 */
export function createFrozenProtocols(deps: { database: Database; config: Config; clock: Clock; sealer?: ProtocolSealer; storage?: FileStorage }) {
  const db = deps.database.db;
  const storage = deps.storage ?? databaseFileStorage;
  let sealer = deps.sealer;
  const sealerOf = () => (sealer ??= createProtocolSealer(deps.config));
  const inFlight = new Map<string, Promise<FrozenProtocol>>();

  async function backfill(protocolId: string): Promise<FrozenProtocol> {
    const protocol = await findProtocol(db, protocolId);
    const live = protocol?.status === 'final' ? await loadProtocol(db, protocolId) : undefined;
    if (!protocol || !live) throw notFound(PROTOCOL_NOT_FOUND);
    const document: ProtocolDocument = { ...live, status: 'final' };
    const digestVersion = digestVersionOf(protocol.digestVersion);
    // Printed on every page: what the signers signed, even if the tables have changed since.
    const digest = protocol.canonicalSha256 ?? protocolDigest(document, digestVersion);
    const signingTime = protocol.finalAt ?? deps.clock();
    const stored = protocol.sealedPdfSha256 ? await storage.get(db, protocol.sealedPdfSha256) : undefined;
    const s = sealerOf();
    const files: SealedProtocolFiles = stored
      ? {
          full: stored,
          public: await s.sealPdf(await renderProtocolPdf(publicVersion(document), { sealReserve: true, digest, signingTime, sealReason: `Fastställt protokoll ${document.bodyName} ${document.meetingDate}, offentlig version` })),
          level: 'adbe.pkcs7.detached',
        }
      : await s.sealProtocol(document, { digest, signingTime });
    return db.transaction(async (tx) => {
      const at = deps.clock();
      const snapshot = await storeSnapshot(tx, { protocolId, document, digestVersion, files, origin: 'backfill', at, storage });
      if (snapshot.createdAt.getTime() === at.getTime() && snapshot.origin === 'backfill') {
        const meeting = await findMeeting(tx, protocol.meetingId);
        const body = meeting ? await findBody(tx, meeting.bodyId) : undefined;
        // The body's owner; a protocol always has one, null only if its meeting were gone.
        await recordAudit(tx, SYSTEM_ACTOR, { action: 'protocol.snapshot.backfill', entity: 'protocol', entityId: protocolId, after: { documentSha256: snapshot.documentSha256, fullPdfSha256: snapshot.fullPdfSha256, publicPdfSha256: snapshot.publicPdfSha256 }, organisationId: body?.organisationId ?? null }, at);
      }
      return snapshot;
    });
  }

  const api = {
    /** The snapshot of a final protocol (made now if it has none yet). */
    async frozen(protocolId: string): Promise<FrozenProtocol> {
      const found = await findSnapshot(db, protocolId);
      if (found) return found;
      let pending = inFlight.get(protocolId);
      if (!pending) {
        pending = backfill(protocolId).finally(() => inFlight.delete(protocolId));
        inFlight.set(protocolId, pending);
      }
      return pending;
    },

    /** The protocol as one value: from its snapshot once final, else built from the tables. */
    async document(protocolId: string): Promise<ProtocolDocument | undefined> {
      const protocol = await findProtocol(db, protocolId);
      if (!protocol) return undefined;
      if (protocol.status === 'final') return (await api.frozen(protocolId)).document;
      return loadProtocol(db, protocolId);
    },

    /** The stored bytes of one of the two files. */
    async pdf(protocolId: string, version: 'full' | 'public'): Promise<{ bytes: Buffer; sha256: string; frozen: FrozenProtocol }> {
      const frozen = await api.frozen(protocolId);
      const sha256 = version === 'full' ? frozen.fullPdfSha256 : frozen.publicPdfSha256;
      const bytes = await storage.get(db, sha256);
      if (!bytes) throw new Error(`protocol ${protocolId}: the stored ${version} PDF ${sha256} is missing`);
      return { bytes, sha256, frozen };
    },
  };
  return api;
}

export type FrozenProtocols = ReturnType<typeof createFrozenProtocols>;
