/**
 * The tasks feature's tables: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from '../../platform/db/columns.js';
import { mailLog } from '../../platform/mail/mail.tables.js';
import { users } from '../auth/auth.tables.js';
import { people } from '../organisation/organisation.tables.js';

/**
 * Issue 18: an e-mail telling someone that a task has become theirs (a protocol to adjust, a notice
 * to post). The key (kind, ref, recipient) is claimed before the mail is queued, so that each goes out once;
 * `no_account` records a signer without a user account, who could not be told.
 */
export const taskNotifications = pgTable(
  'task_notifications',
  {
    id: id(),
    /** 'justering.locked' (ref: protocol), 'posting.manual' (ref: notice). */
    kind: text('kind').notNull(),
    refId: uuid('ref_id').notNull(),
    /** 'person:<id>' for a signer, 'user:<id>' for a registrar. */
    recipientKey: text('recipient_key').notNull(),
    personId: ref('person_id', () => people.id),
    userId: ref('user_id', () => users.id, { onDelete: 'set null' }),
    /** 'queued': the mail is in the queue (its state in mail_log); 'no_account': nobody to send to. */
    status: text('status', { enum: ['queued', 'no_account'] }).notNull(),
    mailLogId: ref('mail_log_id', () => mailLog.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('task_notifications_key').on(t.kind, t.refId, t.recipientKey)],
);

// ---------------------------------------------------------------------------------------------
// Protocols: paragraphs numbered through the year, justering with signatures, final and sealed.

/** What a select of each table above returns. */
export type TaskNotificationRow = typeof taskNotifications.$inferSelect;
