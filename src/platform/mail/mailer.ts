import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { eq } from 'drizzle-orm';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../clock.js';
import { mailLog } from '../db/schema.js';

export interface OutgoingMail {
  /** What the mail is, for the log: 'notice', 'absence', 'extract', … */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Buffer; contentType?: string }[];
  meetingId?: string | null;
}

export interface MailResult {
  id: string;
  status: 'sent' | 'outbox' | 'failed';
  error?: string;
}

/**
 * Sends e-mail through the configured SMTP server, or, without one, writes each message as an
 * .eml file to the outbox folder. Every message is logged in `mail_log` with its state, so that
 * the UI can list what was sent, to whom, and what failed.
 */
export function createMailer(deps: { database: Database; config: Config; clock: Clock }) {
  const { database, config, clock } = deps;
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  async function deliver(mail: OutgoingMail, logId: string): Promise<{ status: 'sent' | 'outbox'; outboxFile?: string }> {
    const info = await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, attachments: mail.attachments });
    if (config.smtpUrl) return { status: 'sent' };
    mkdirSync(config.outboxDir, { recursive: true });
    const file = path.join(config.outboxDir, `${clock().toISOString().replace(/[:.]/g, '-')}-${logId.slice(0, 8)}.eml`);
    writeFileSync(file, (info as unknown as { message: Buffer }).message);
    return { status: 'outbox', outboxFile: file };
  }

  return {
    /** Whether mail really leaves the machine (an SMTP server is configured). */
    usesSmtp: Boolean(config.smtpUrl),

    async send(mail: OutgoingMail): Promise<MailResult> {
      const [row] = await database.db
        .insert(mailLog)
        .values({ kind: mail.kind, meetingId: mail.meetingId ?? null, recipient: mail.to, subject: mail.subject, status: 'queued' })
        .returning({ id: mailLog.id });
      const id = row?.id ?? randomBytes(8).toString('hex');
      try {
        const result = await deliver(mail, id);
        await database.db
          .update(mailLog)
          .set({ status: result.status, attempts: 1, sentAt: clock(), outboxFile: result.outboxFile ?? null })
          .where(eq(mailLog.id, id));
        return { id, status: result.status };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await database.db.update(mailLog).set({ status: 'failed', attempts: 1, error: message }).where(eq(mailLog.id, id));
        return { id, status: 'failed', error: message };
      }
    },

    async list(filter: { meetingId?: string } = {}) {
      const q = database.db.select().from(mailLog);
      const rows = filter.meetingId ? await q.where(eq(mailLog.meetingId, filter.meetingId)) : await q;
      return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    },

    close(): void {
      transport.close();
    },
  };
}

export type Mailer = ReturnType<typeof createMailer>;
