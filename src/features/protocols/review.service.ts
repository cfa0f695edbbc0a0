/**
 * Justering as a review (issue 18): the chair and the adjuster read the protocol as it was locked,
 * paragraph by paragraph, and may comment on a paragraph; the secretary answers each comment or
 * applies it. Applying unlocks the protocol for correction: the signatures already given stop
 * counting (marked void, never deleted), and once the secretary locks it again both sign the new
 * version. Every comment, answer and unlock is audited in the protocol's committee.
 */
import { z } from 'zod';
import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { msg, parseInput } from '../../platform/validation.js';
import { assertCan, can, scopeOf, type Principal } from '../../platform/auth/policy.js';
import { actorOf } from '../auth/auth.service.js';
import * as authRepo from '../auth/auth.repository.js';
import * as repo from './review.repository.js';
import { deleteTaskNotifications } from '../tasks/tasks.repository.js';
import { digestVersionOf, type ProtocolDocument } from './protocol.model.js';
import { loadProtocol } from './protocol-build.js';
import { createFrozenProtocols } from './protocol-snapshot.js';
import { findReviewCopy, isLockedDocument, storeReviewCopy } from './review-copy.js';
import { signerRolesOf } from './signers.js';
import type { TaskNotifier } from '../tasks/task-notifier.js';

const text = (max: number, sv: string, en: string) => z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : ''), z.string().min(1, msg(sv, en)).max(max, msg(`Högst ${max} tecken.`, `At most ${max} characters.`)));

export const ZReviewComment = z.object({
  paragraphId: z.uuid(msg('Välj en paragraf i protokollet.', 'Choose a paragraph of the protocol.')),
  body: text(4000, 'Skriv din synpunkt.', 'Write your comment.'),
});
export const ZReviewAnswer = z.object({ answer: text(4000, 'Skriv ditt svar på synpunkten.', 'Write your answer to the comment.') });
export const ZReviewApply = z.object({ answer: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(4000)) });

const PROTOCOL_NOT_FOUND = { sv: 'Protokollet finns inte.', en: 'The protocol does not exist.' };

const noSuchParagraph = () =>
  new DomainError('INVALID_INPUT', {
    message: 'review comment on a paragraph not in the locked protocol',
    userMessage: { sv: 'Paragrafen finns inte i det låsta protokollet. Välj en paragraf på sidan och skriv synpunkten under den.', en: 'The paragraph is not in the locked protocol. Choose a paragraph on the page and write the comment under it.' },
    fieldErrors: [{ field: 'paragraphId', message: { sv: 'Paragrafen finns inte i det låsta protokollet.', en: 'The paragraph is not in the locked protocol.' } }],
  });

const notSigner = () =>
  new DomainError('FORBIDDEN', {
    userMessage: { sv: 'Bara protokollets ordförande och justerare kan lämna synpunkter på det.', en: 'Only the protocol’s chair and adjuster can comment on it.' },
  });

const notLocked = () => conflict({ sv: 'Protokollet är inte låst för justering. Synpunkter lämnas medan det granskas.', en: 'The protocol is not locked for adjustment. Comments are made while it is being reviewed.' });
const resolved = () => conflict({ sv: 'Synpunkten är redan besvarad.', en: 'The comment has already been answered.' });

export type ReviewComment = Awaited<ReturnType<ReturnType<typeof createReviewService>['forSigner']>>['comments'][number];

export function createReviewService(deps: { database: Database; config: Config; clock: Clock; notifier?: Pick<TaskNotifier, 'reviewComment'> }) {
  const db = deps.database.db;
  const { clock } = deps;
  const frozen = createFrozenProtocols(deps);

  async function protocolRow(tx: Db, protocolId: string) {
    const row = await repo.findProtocolWithCommittee(tx, protocolId);
    if (!row) throw notFound(PROTOCOL_NOT_FOUND);
    return row;
  }

  /** The chair's and adjuster's roles of the signed-in person in this protocol. */
  async function rolesOf(principal: Principal, row: Awaited<ReturnType<typeof protocolRow>>) {
    const personId = (await authRepo.findUserById(db, principal.userId))?.personId;
    return personId ? signerRolesOf(personId, row.protocol, row.meeting) : [];
  }

  /**
   * What the signers read: the final protocol's snapshot, or the copy stored when it was locked.
   * A protocol locked before copies existed gets its copy now, only if the tables still give the
   * locked digest. A draft (being written or corrected) has nothing to review: null.
   */
  async function reviewDocument(row: Awaited<ReturnType<typeof protocolRow>>): Promise<ProtocolDocument | null> {
    const { protocol } = row;
    if (protocol.status === 'final') return (await frozen.frozen(protocol.id)).document;
    if (protocol.status !== 'locked' || !protocol.canonicalSha256) return null;
    const stored = await findReviewCopy(db, protocol.id, protocol.canonicalSha256);
    if (stored) return stored;
    const version = digestVersionOf(protocol.digestVersion);
    const built = await loadProtocol(db, protocol.id);
    if (!built || !isLockedDocument(built, protocol.canonicalSha256, version)) {
      throw conflict({ sv: 'Protokollet har ändrats sedan det låstes och kan inte granskas. Be sekreteraren låsa det på nytt.', en: 'The protocol has changed since it was locked and cannot be reviewed. Ask the secretary to lock it again.' });
    }
    await storeReviewCopy(db, { protocolId: protocol.id, sha256: protocol.canonicalSha256, digestVersion: version, document: built, at: clock() });
    return { ...built, status: 'locked' };
  }

  async function listComments(protocolId: string) {
    const rows = await repo.listComments(db, protocolId);
    const resolverIds = [...new Set(rows.flatMap((r) => (r.comment.resolvedByUserId ? [r.comment.resolvedByUserId] : [])))];
    const resolvers = new Map<string, string>();
    for (const id of resolverIds) resolvers.set(id, (await authRepo.findUserById(db, id))?.name ?? '');
    return rows.map(({ comment: c, author }) => ({
      id: c.id,
      paragraphId: c.paragraphId,
      paragraphNumber: c.paragraphNumber,
      paragraphHeading: c.paragraphHeading,
      author,
      role: c.authorRole,
      body: c.body,
      createdAt: c.createdAt,
      resolution: c.resolution,
      answer: c.answer,
      resolvedBy: c.resolvedByUserId ? (resolvers.get(c.resolvedByUserId) ?? '') : null,
      resolvedAt: c.resolvedAt,
    }));
  }

  /** Signatures that stopped counting when the protocol was unlocked for correction: kept, and shown as history. */
  async function voidedSignatures(protocolId: string) {
    return repo.listVoidedSignatures(db, protocolId);
  }

  /** An open comment of the protocol, locked for the rest of the transaction. */
  async function openComment(tx: Db, protocolId: string, commentId: string) {
    const comment = await repo.findCommentForUpdate(tx, protocolId, commentId);
    if (!comment) throw notFound({ sv: 'Synpunkten finns inte.', en: 'The comment does not exist.' });
    if (comment.resolution) throw resolved();
    return comment;
  }

  return {
    /** The review page's protocol and its comments, for the chair and the adjuster. */
    async forSigner(principal: Principal, protocolId: string) {
      const row = await protocolRow(db, protocolId);
      assertCan(principal, 'protocol.sign', scopeOf([row.committeeId]));
      const roles = await rolesOf(principal, row);
      if (roles.length === 0) throw notSigner();
      return { document: await reviewDocument(row), comments: await listComments(protocolId), mayComment: row.protocol.status === 'locked', voided: await voidedSignatures(protocolId) };
    },

    /**
     * The comments as the secretary sees them on the protocol page (none for others), with the
     * whole-protocol signatures that unlocking would make void.
     */
    async forSecretary(principal: Principal | null, protocolId: string) {
      const row = await protocolRow(db, protocolId);
      if (!can(principal, 'meeting.plan', scopeOf([row.committeeId]))) return { comments: [], signatures: [] };
      const signatures = await repo.listStandingSignatures(db, protocolId);
      return { comments: await listComments(protocolId), signatures };
    },

    /** A comment by the chair or the adjuster on one paragraph of the locked protocol; the secretary is e-mailed. */
    async comment(principal: Principal, protocolId: string, raw: unknown): Promise<{ id: string; paragraphId: string }> {
      const row = await protocolRow(db, protocolId);
      assertCan(principal, 'protocol.sign', scopeOf([row.committeeId]));
      const roles = await rolesOf(principal, row);
      if (roles.length === 0) throw notSigner();
      const input = parseInput(ZReviewComment, raw);
      const document = await reviewDocument(row);
      if (row.protocol.status !== 'locked' || !document || !row.protocol.canonicalSha256) throw notLocked();
      const paragraph = document.paragraphs.find((p) => p.id === input.paragraphId);
      if (!paragraph) throw noSuchParagraph();
      const sha256 = row.protocol.canonicalSha256;
      const id = await db.transaction(async (tx) => {
        const current = await repo.findProtocolForUpdate(tx, protocolId);
        if (current?.status !== 'locked' || current.canonicalSha256 !== sha256) throw notLocked();
        const now = clock();
        const inserted = await repo.insertComment(tx, { protocolId, paragraphId: paragraph.id, paragraphNumber: paragraph.number, paragraphHeading: paragraph.heading, protocolSha256: sha256, authorUserId: principal.userId, authorRole: roles[0] ?? 'adjuster', body: input.body, createdAt: now });
        await recordAudit(tx, actorOf(principal), { action: 'protocol.review.comment', entity: 'protocol', entityId: protocolId, after: { commentId: inserted.id, paragraphId: paragraph.id, paragraph: paragraph.number, role: roles[0], body: input.body }, organisationId: row.committeeId, secret: Boolean(paragraph.secrecyProvision) }, now);
        return inserted.id;
      });
      // After the commit: the secretary is told, once; a mail problem never undoes the comment.
      await deps.notifier?.reviewComment(id);
      return { id, paragraphId: paragraph.id };
    },

    /** The meeting of a protocol, for the secretary's way back to its page. */
    async meetingOf(principal: Principal | null, protocolId: string): Promise<string> {
      const row = await protocolRow(db, protocolId);
      assertCan(principal, 'meeting.plan', scopeOf([row.committeeId]));
      return row.meeting.id;
    },

    /** The secretary answers a comment without changing the protocol; the signers read the answer on the review page. */
    async answer(principal: Principal | null, protocolId: string, commentId: string, raw: unknown): Promise<void> {
      const row = await protocolRow(db, protocolId);
      assertCan(principal, 'meeting.plan', scopeOf([row.committeeId]));
      const input = parseInput(ZReviewAnswer, raw);
      await db.transaction(async (tx) => {
        const comment = await openComment(tx, protocolId, commentId);
        const now = clock();
        await repo.updateComment(tx, comment.id, { resolution: 'answered', answer: input.answer, resolvedByUserId: principal.userId, resolvedAt: now });
        await recordAudit(tx, actorOf(principal), { action: 'protocol.review.answer', entity: 'protocol', entityId: protocolId, after: { commentId, paragraph: comment.paragraphNumber, answer: input.answer }, organisationId: row.committeeId }, now);
      });
    },

    /**
     * The secretary applies a comment: the protocol is unlocked for correction (back to a draft
     * that keeps its § numbers), the whole-protocol signatures given so far are marked void, and
     * the chair and the adjuster are e-mailed again when it is locked anew.
     */
    async apply(principal: Principal | null, protocolId: string, commentId: string, raw: unknown): Promise<{ voided: number }> {
      const row = await protocolRow(db, protocolId);
      assertCan(principal, 'meeting.plan', scopeOf([row.committeeId]));
      const input = parseInput(ZReviewApply, raw);
      return db.transaction(async (tx) => {
        const current = await repo.findProtocolForUpdate(tx, protocolId);
        if (current?.status !== 'locked') {
          throw conflict({ sv: 'Protokollet är inte låst för justering och kan inte låsas upp. Svara på synpunkten i stället.', en: 'The protocol is not locked for adjustment and cannot be unlocked. Answer the comment instead.' });
        }
        const comment = await openComment(tx, protocolId, commentId);
        const now = clock();
        const reason = `Protokollet låstes upp för rättelse efter synpunkt på § ${comment.paragraphNumber ?? '–'}`;
        const voided = await repo.voidSignatures(tx, protocolId, now, reason);
        await repo.updateProtocol(tx, protocolId, { status: 'draft', lockedAt: null, canonicalSha256: null, updatedAt: now });
        await repo.updateComment(tx, comment.id, { resolution: 'applied', answer: input.answer || null, resolvedByUserId: principal.userId, resolvedAt: now });
        // The lock e-mail to the chair and the adjuster goes out again when the corrected protocol is locked.
        await deleteTaskNotifications(tx, 'justering.locked', protocolId);
        await recordAudit(
          tx,
          actorOf(principal),
          { action: 'protocol.unlock', entity: 'protocol', entityId: protocolId, before: { status: 'locked', sha256: current.canonicalSha256 }, after: { status: 'draft', commentId, paragraph: comment.paragraphNumber, answer: input.answer || null, voidedSignatures: voided.map((s) => ({ role: s.role, signedAt: s.signedAt.toISOString() })) }, organisationId: row.committeeId },
          now,
        );
        return { voided: voided.length };
      });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
