/**
 * The mail log and queue: Drizzle definitions, one migration folder for both databases (drizzle/).
 * Use nothing newer than PostgreSQL 15 here.
 */
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../db/columns.js';

/** Every e-mail Kansli sends, with its delivery state; the outbox when no SMTP server is set. */
/** A queued mail's message, stored with its log row until it is delivered. */
export interface QueuedMailPayload {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments: { filename: string; contentType?: string; sha256: string }[];
}
export const mailLog = pgTable(
  'mail_log',
  {
    id: id(),
    kind: text('kind').notNull(),
    /** The meeting the mail is about (foreign key to meetings in the migration). */
    meetingId: uuid('meeting_id'),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    /** 'queued' until delivered; 'sending' while a dispatcher holds it; then 'sent', 'outbox' or, after the last attempt, 'failed'. */
    status: text('status', { enum: ['queued', 'sending', 'sent', 'outbox', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    /** The file in the outbox folder when no SMTP server is configured. */
    outboxFile: text('outbox_file'),
    /** The message of a queued mail (attachments by their file_blobs SHA-256), kept until it is delivered. */
    payload: jsonb('payload').$type<QueuedMailPayload>(),
    /** A queued mail is not tried before this time (the delay after a failed attempt). */
    nextAttemptAt: instant('next_attempt_at'),
    /** When a dispatcher took it; a mail 'sending' for long was cut off and is taken again. */
    claimedAt: instant('claimed_at'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [index('mail_log_meeting_idx').on(t.meetingId), index('mail_log_due_idx').on(t.status, t.nextAttemptAt)],
);

/** What a select of each table above returns. */
export type MailLogRow = typeof mailLog.$inferSelect;
