/**
 * The accessibility statement's feedback function (lag 2018:1937 om tillgänglighet till digital
 * offentlig service, 10 §): anyone may report a barrier; the administrator and the secretary
 * read the reports and mark them handled.
 */
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { accessibilityFeedback } from '../../platform/db/schema.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { msg, parseInput } from '../../platform/validation.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, type Principal } from '../auth/policy.js';

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

export function createAccessibilityService(deps: { database: Database; config: Config; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;
  return {
    async submitFeedback(principal: Principal | null, raw: unknown): Promise<void> {
      assertCan(principal, 'public');
      const input = parseInput(ZFeedback, raw);
      const now = clock();
      await db.transaction(async (tx) => {
        const [row] = await tx.insert(accessibilityFeedback).values({ ...input, createdAt: now }).returning({ id: accessibilityFeedback.id });
        await recordAudit(tx, principal ? actorOf(principal) : PUBLIC_ACTOR, { action: 'accessibility.feedback', entity: 'accessibility_feedback', entityId: row?.id ?? null, after: { pageUrl: input.pageUrl } }, now);
      });
    },

    async listFeedback(principal: Principal | null) {
      assertCan(principal, 'accessibility.readFeedback');
      return db.select().from(accessibilityFeedback).orderBy(desc(accessibilityFeedback.createdAt)).limit(500);
    },

    async markHandled(principal: Principal | null, id: string): Promise<void> {
      assertCan(principal, 'accessibility.readFeedback');
      const now = clock();
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.id, id)).for('update');
        if (!row) throw notFound({ sv: 'Synpunkten finns inte.', en: 'The feedback does not exist.' });
        if (row.handledAt) return;
        await tx.update(accessibilityFeedback).set({ handledAt: now }).where(eq(accessibilityFeedback.id, id));
        await recordAudit(tx, actorOf(principal), { action: 'accessibility.markHandled', entity: 'accessibility_feedback', entityId: id, after: { handledAt: now.toISOString() } }, now);
      });
    },
  };
}

export type AccessibilityService = ReturnType<typeof createAccessibilityService>;
