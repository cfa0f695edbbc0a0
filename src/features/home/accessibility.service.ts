/**
 * The accessibility statement's feedback function (lag 2018:1937 om tillgänglighet till digital
 * offentlig service, 10 §): anyone may report a barrier; the administrator and the secretary
 * read the reports and mark them handled. The feedback stays with the installation's own committee
 * (the first created), unlike the archive, which is each committee's: the portal and its
 * accessibility statement are the installation's, one for all its committees.
 */
import { z } from 'zod';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import * as repo from './home.repository.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import { ADVISORY_LOCK, lockForTransaction } from '../../platform/db/advisory-locks.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { msg, parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { countRecentAttempts, recordAttempt } from '../auth/auth.repository.js';
import { assertCan, type Principal } from '../../platform/auth/policy.js';
import { installationCommitteeId, installationCommitteeScope } from '../organisation/scope.js';

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : (v ?? '')), z.string().max(max));

export const ZFeedback = z.object({
  message: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : (v ?? '')),
    z.string().min(1, msg('Beskriv vad som inte fungerade.', 'Describe what did not work.')).max(5000),
  ),
  contact: text(300),
  /** The page the reader had trouble with: a path on this site or a full address. */
  pageUrl: text(500).refine((v) => v === '' || v.startsWith('/') || /^https?:\/\//i.test(v), msg('Ange sidans adress, till exempel /anslagstavla/lulea.', 'Give the page address, for example /anslagstavla/lulea.')),
});
export type TFeedback = z.infer<typeof ZFeedback>;

/** The public sending feedback is not a user; the audit names it so, without the message. */
const PUBLIC_ACTOR: Actor = { userId: null, label: 'allmänheten' };

/**
 * At most `max` messages per `windowMinutes` from one client address. Counted in the sign-in
 * attempts table (key `feedback:<ip>`, through the auth repository) so that every app server
 * shares the limit.
 */
export const FEEDBACK_LIMIT = { max: 5, windowMinutes: 10 } as const;

const feedbackKey = (ip: string) => `feedback:${ip}`;

const TOO_MANY = new DomainError('RATE_LIMITED', {
  userMessage: {
    sv: `Du har skickat många synpunkter på kort tid. Vänta upp till ${FEEDBACK_LIMIT.windowMinutes} minuter och skicka sedan igen – texten du skrev finns kvar i formuläret.`,
    en: `You have sent many messages in a short time. Wait up to ${FEEDBACK_LIMIT.windowMinutes} minutes and then send again – what you wrote is still in the form.`,
  },
});

export function createAccessibilityService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;
  return {
    /** Store one message; refused (RATE_LIMITED) when this client address has sent its share of late. */
    async submitFeedback(principal: Principal | null, raw: unknown, client: { ip: string }): Promise<void> {
      assertCan(principal, 'public');
      const input = parseInput(ZFeedback, raw);
      const now = clock();
      const key = feedbackKey(client.ip);
      await db.transaction(async (tx) => {
        // The audit entry below takes this lock anyway; taking it first makes count-then-insert
        // one step across app servers, so parallel posts cannot slip past the limit.
        await lockForTransaction(tx, ADVISORY_LOCK.auditChain);
        const since = new Date(now.getTime() - FEEDBACK_LIMIT.windowMinutes * 60_000);
        if ((await countRecentAttempts(tx, key, since)) >= FEEDBACK_LIMIT.max) throw TOO_MANY;
        await recordAttempt(tx, key, now);
        const feedbackId = await repo.insertFeedback(tx, { ...input, createdAt: now });
        await recordAudit(tx, principal ? actorOf(principal) : PUBLIC_ACTOR, { action: 'accessibility.feedback', entity: 'accessibility_feedback', entityId: feedbackId, after: { pageUrl: input.pageUrl }, organisationId: await installationCommitteeId(tx) }, now);
      });
    },

    async listFeedback(principal: Principal | null) {
      assertCan(principal, 'accessibility.readFeedback', await installationCommitteeScope(db));
      return repo.listFeedback(db);
    },

    async markHandled(principal: Principal | null, id: string): Promise<void> {
      assertCan(principal, 'accessibility.readFeedback', await installationCommitteeScope(db));
      const now = clock();
      await db.transaction(async (tx) => {
        const row = await repo.findFeedbackForUpdate(tx, id);
        if (!row) throw notFound({ sv: 'Synpunkten finns inte.', en: 'The feedback does not exist.' });
        if (row.handledAt) return;
        await repo.setFeedbackHandled(tx, id, now);
        await recordAudit(tx, actorOf(principal), { action: 'accessibility.markHandled', entity: 'accessibility_feedback', entityId: id, after: { handledAt: now.toISOString() }, organisationId: (await installationCommitteeScope(tx))[0] }, now);
      });
    },
  };
}

export type AccessibilityService = ReturnType<typeof createAccessibilityService>;
