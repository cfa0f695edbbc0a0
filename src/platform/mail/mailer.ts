import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../clock.js';
import { fileBlobs } from '../db/file-blobs.tables.js';
import { mailLog, type QueuedMailPayload } from './mail.tables.js';

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

/** The delays before the 2nd, 3rd, … attempt of a queued mail; after the last, the mail has failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000] as const;
/** A mail 'sending' for longer than this was cut off (a crash, a restart) and is taken again. */
const CLAIM_TIMEOUT_MS = 10 * 60_000;
const BATCH = 10;

/** The counts of a group of queued mails (a notice's sending), for a progress display. */
export interface MailProgress {
  total: number;
  waiting: number;
  sent: number;
  outbox: number;
  failed: number;
}

/**
 * Sends e-mail through the configured SMTP server, or, without one, writes each message as an
 * .eml file to the outbox folder. Every message is logged in `mail_log` with its state, so that
 * the UI can list what was sent, to whom, and what failed.
 *
 * Two ways in: `send` delivers one message now (a reply the user waits for, such as a password
 * reset link); `enqueue` stores messages in the queue (mail_log rows with their payload) and returns
 * at once, and a dispatcher delivers them in the background (`start`), retrying failures with
 * growing delays (RETRY_DELAYS_MS). `drain` delivers everything due now (the CLI and tests).
 */
export function createMailer(deps: { database: Database; config: Config; clock: Clock }) {
  const { database, config, clock } = deps;
  // nodemailer is loaded with the first mail, not at every start (docs/PERFORMANCE.md, "Start and memory").
  let transport: Promise<Transporter> | undefined;
  const transporter = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }),
    ));

  async function deliver(mail: OutgoingMail, logId: string): Promise<{ status: 'sent' | 'outbox'; outboxFile?: string }> {
    const info = await (await transporter()).sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, attachments: mail.attachments });
    if (config.smtpUrl) return { status: 'sent' };
    mkdirSync(config.outboxDir, { recursive: true });
    const file = path.join(config.outboxDir, `${clock().toISOString().replace(/[:.]/g, '-')}-${logId.slice(0, 8)}.eml`);
    writeFileSync(file, (info as unknown as { message: Buffer }).message);
    return { status: 'outbox', outboxFile: file };
  }

  async function putBlob(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await database.db.insert(fileBlobs).values({ sha256, size: bytes.length, content: bytes }).onConflictDoNothing();
    return sha256;
  }

  async function messageOf(payload: QueuedMailPayload): Promise<OutgoingMail> {
    const hashes = payload.attachments.map((a) => a.sha256);
    const blobs = hashes.length === 0 ? [] : await database.db.select({ sha256: fileBlobs.sha256, content: fileBlobs.content }).from(fileBlobs).where(inArray(fileBlobs.sha256, hashes));
    const bytes = new Map(blobs.map((b) => [b.sha256, b.content]));
    return {
      kind: 'queued',
      to: payload.to,
      subject: payload.subject,
      text: payload.text,
      ...(payload.html ? { html: payload.html } : {}),
      attachments: payload.attachments.map((a) => {
        const content = bytes.get(a.sha256);
        if (!content) throw new Error(`attachment ${a.filename} (${a.sha256}) is missing`);
        return { filename: a.filename, content, ...(a.contentType ? { contentType: a.contentType } : {}) };
      }),
    };
  }

  /** Take up to BATCH due mails: queued and due, or 'sending' for so long that their dispatcher is gone. */
  async function claim(): Promise<{ id: string; payload: QueuedMailPayload | null; attempts: number }[]> {
    const now = clock();
    return database.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: mailLog.id })
        .from(mailLog)
        .where(
          or(
            and(eq(mailLog.status, 'queued'), or(sql`${mailLog.nextAttemptAt} is null`, lte(mailLog.nextAttemptAt, now))),
            and(eq(mailLog.status, 'sending'), lte(mailLog.claimedAt, new Date(now.getTime() - CLAIM_TIMEOUT_MS))),
          ),
        )
        .orderBy(asc(mailLog.createdAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(mailLog)
        .set({ status: 'sending', claimedAt: now, attempts: sql`${mailLog.attempts} + 1` })
        .where(inArray(mailLog.id, due.map((d) => d.id)))
        .returning({ id: mailLog.id, payload: mailLog.payload, attempts: mailLog.attempts });
    });
  }

  async function deliverClaimed(row: { id: string; payload: QueuedMailPayload | null; attempts: number }): Promise<void> {
    try {
      if (!row.payload) throw new Error('the queued mail has no message');
      const result = await deliver(await messageOf(row.payload), row.id);
      // Delivered: the message is not kept (the log keeps recipient, subject and state).
      await database.db.update(mailLog).set({ status: result.status, sentAt: clock(), outboxFile: result.outboxFile ?? null, error: null, payload: null, claimedAt: null }).where(eq(mailLog.id, row.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const delay = RETRY_DELAYS_MS[row.attempts - 1];
      const retry = delay !== undefined ? { status: 'queued' as const, nextAttemptAt: new Date(clock().getTime() + delay) } : { status: 'failed' as const, payload: null };
      await database.db.update(mailLog).set({ ...retry, error: message, claimedAt: null }).where(eq(mailLog.id, row.id));
    }
  }

  /** Deliver what is due now, batch by batch; returns how many were attempted. */
  async function dispatchDue(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const batch = await claim();
      if (batch.length === 0) return attempted;
      for (const row of batch) await deliverClaimed(row);
      attempted += batch.length;
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;
  /** Run the dispatcher now, or once more right after the run in progress. */
  function kick(): void {
    if (!timer) return;
    if (running) {
      again = true;
      return;
    }
    running = dispatchDue()
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    /** Whether mail really leaves the machine (an SMTP server is configured). */
    usesSmtp: Boolean(config.smtpUrl),

    /**
     * Store the messages in the queue in one transaction and return at once; the dispatcher
     * delivers them. Attachments shared by the messages are stored once.
     */
    async enqueue(mails: OutgoingMail[]): Promise<string[]> {
      const hashes = new Map<Buffer, string>();
      for (const mail of mails) for (const a of mail.attachments ?? []) if (!hashes.has(a.content)) hashes.set(a.content, await putBlob(a.content));
      const now = clock();
      const rows = mails.length === 0 ? [] : await database.db
        .insert(mailLog)
        .values(
          mails.map((mail) => ({
            kind: mail.kind,
            meetingId: mail.meetingId ?? null,
            recipient: mail.to,
            subject: mail.subject,
            status: 'queued' as const,
            nextAttemptAt: now,
            payload: {
              to: mail.to,
              subject: mail.subject,
              text: mail.text,
              ...(mail.html ? { html: mail.html } : {}),
              attachments: (mail.attachments ?? []).map((a) => ({ filename: a.filename, sha256: hashes.get(a.content) ?? '', ...(a.contentType ? { contentType: a.contentType } : {}) })),
            },
          })),
        )
        .returning({ id: mailLog.id });
      kick();
      return rows.map((r) => r.id);
    },

    /** Deliver everything due now and wait for it (the CLI, tests). */
    async drain(): Promise<number> {
      if (running) await running;
      return dispatchDue();
    },

    /** Deliver queued mail in the background: at once after each enqueue, and every `intervalMs` for retries. */
    start(intervalMs = 5_000): void {
      if (timer) return;
      timer = setInterval(kick, intervalMs);
      timer.unref();
      kick();
    },

    /** Stop the background dispatcher and wait for the run in progress. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (running) await running;
    },

    /** Progress of the given queued mails: how many are waiting, delivered and failed. */
    async progress(ids: string[]): Promise<MailProgress> {
      const rows = ids.length === 0 ? [] : await database.db.select({ status: mailLog.status }).from(mailLog).where(inArray(mailLog.id, ids));
      const count = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).length;
      return { total: rows.length, waiting: count('queued', 'sending'), sent: count('sent'), outbox: count('outbox'), failed: count('failed') };
    },

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
      if (timer) clearInterval(timer);
      timer = undefined;
      void transport?.then((t) => t.close(), () => undefined);
    },
  };
}

export type Mailer = ReturnType<typeof createMailer>;
