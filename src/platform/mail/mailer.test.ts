import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { buildConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { mailLog } from './mail.tables.js';
import { createTestDatabase } from '../../../test/support/db.js';
import { createMailer, RETRY_DELAYS_MS } from './mailer.js';
import { startSmtp } from '../../../test/support/smtp.js';

const FIXED = new Date('2026-03-01T09:00:00Z');

describe('mailer', () => {
  let database: Database;
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kansli-outbox-'));
    dirs.push(dir);
    return dir;
  };
  const logRow = async (id: string) => (await database.db.select().from(mailLog).where(eq(mailLog.id, id)))[0];

  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('with an SMTP server the message is delivered and logged as sent', async () => {
    const smtp = await startSmtp();
    const mailer = createMailer({ database, config: buildConfig({ smtpUrl: smtp.url, outboxDir: tempDir(), mailFrom: 'Kansli <kansli@example.se>' }), clock: () => FIXED });
    try {
      assert.equal(mailer.usesSmtp, true);
      const result = await mailer.send({ kind: 'test', to: 'ledamot@example.se', subject: 'Kallelse till nämnden', text: 'Hej på dig', attachments: [{ filename: 'a.txt', content: Buffer.from('bilaga') }] });
      assert.equal(result.status, 'sent');
      assert.equal(smtp.received.length, 1);
      assert.deepEqual(smtp.received[0]?.to, ['ledamot@example.se']);
      assert.match(smtp.received[0]?.raw ?? '', /From: Kansli <kansli@example\.se>/);
      const row = await logRow(result.id);
      assert.equal(row?.status, 'sent');
      assert.equal(row?.attempts, 1);
      assert.equal(row?.recipient, 'ledamot@example.se');
      assert.equal(row?.sentAt?.toISOString(), FIXED.toISOString());
      assert.equal(row?.outboxFile, null);
      assert.equal(row?.error, null);
    } finally {
      mailer.close();
      await smtp.close();
    }
  });

  test('a server that refuses the recipient: logged as failed with the error, and send does not throw', async () => {
    const smtp = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
    });
    const mailer = createMailer({ database, config: buildConfig({ smtpUrl: smtp.url, outboxDir: tempDir() }), clock: () => FIXED });
    try {
      const result = await mailer.send({ kind: 'test', to: 'finns-inte@example.se', subject: 'Ämne', text: 'Text', meetingId: null });
      assert.equal(result.status, 'failed');
      assert.match(result.error ?? '', /550|Mailbox unavailable/);
      const row = await logRow(result.id);
      assert.equal(row?.status, 'failed');
      assert.equal(row?.attempts, 1);
      assert.match(row?.error ?? '', /Mailbox unavailable/);
      assert.equal(row?.sentAt, null);
      assert.equal(smtp.received.length, 0);
    } finally {
      mailer.close();
      await smtp.close();
    }
  });

  test('a server that is not there: logged as failed', async () => {
    const smtp = await startSmtp();
    await smtp.close();
    const mailer = createMailer({ database, config: buildConfig({ smtpUrl: smtp.url, outboxDir: tempDir() }), clock: () => FIXED });
    try {
      const result = await mailer.send({ kind: 'test', to: 'x@example.se', subject: 'Ämne', text: 'Text' });
      assert.equal(result.status, 'failed');
      assert.match((await logRow(result.id))?.error ?? '', /ECONNREFUSED|connect/i);
    } finally {
      mailer.close();
    }
  });

  test('without an SMTP server each message is an .eml file in the outbox folder, logged as outbox', async () => {
    const dir = path.join(tempDir(), 'ny-mapp');
    const mailer = createMailer({ database, config: buildConfig({ smtpUrl: undefined, outboxDir: dir }), clock: () => FIXED });
    try {
      assert.equal(mailer.usesSmtp, false);
      const result = await mailer.send({ kind: 'test', to: 'ersattare@example.se', subject: 'Utkorg', text: 'Sparad i stället för skickad' });
      assert.equal(result.status, 'outbox');
      const row = await logRow(result.id);
      assert.equal(row?.status, 'outbox');
      assert.ok(row?.outboxFile?.startsWith(dir), row?.outboxFile ?? 'no file');
      assert.deepEqual(readdirSync(dir), [path.basename(row?.outboxFile ?? '')]);
      const eml = readFileSync(row?.outboxFile ?? '', 'utf8');
      assert.match(eml, /To: ersattare@example\.se/);
      assert.match(eml, /Subject: Utkorg/);
      assert.deepEqual((await mailer.list()).filter((m) => m.id === result.id).map((m) => m.status), ['outbox']);
    } finally {
      mailer.close();
    }
  });

  test('queued mail: the caller returns at once; a refused attempt is tried again after its delay, and after the last one it has failed', async () => {
    let refuse = 2;
    const smtp = await startSmtp({
      onRcptTo(_address, _session, callback) {
        if (refuse > 0) {
          refuse -= 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        } else callback();
      },
    });
    let now = FIXED;
    const mailer = createMailer({ database, config: buildConfig({ smtpUrl: smtp.url, outboxDir: tempDir() }), clock: () => now });
    try {
      const attachment = Buffer.from('samma bilaga till alla');
      const [id] = await mailer.enqueue([{ kind: 'test', to: 'ko@example.se', subject: 'Kö', text: 'Köad', attachments: [{ filename: 'b.txt', content: attachment }] }]);
      assert.ok(id);
      assert.equal(smtp.received.length, 0, 'enqueue does not deliver');
      assert.equal((await logRow(id))?.status, 'queued');

      assert.equal(await mailer.drain(), 1);
      let row = await logRow(id);
      assert.equal(row?.status, 'queued', 'refused: back in the queue');
      assert.match(row?.error ?? '', /Try again later/);
      assert.equal(row?.nextAttemptAt?.getTime(), FIXED.getTime() + RETRY_DELAYS_MS[0]);
      assert.equal(await mailer.drain(), 0, 'not before its delay');

      now = new Date(FIXED.getTime() + RETRY_DELAYS_MS[0]);
      await mailer.drain();
      now = new Date(now.getTime() + RETRY_DELAYS_MS[1]);
      await mailer.drain();
      row = await logRow(id);
      assert.equal(row?.status, 'sent');
      assert.equal(row?.attempts, 3);
      assert.equal(row?.payload, null, 'the message is not kept once delivered');
      assert.equal(smtp.received.length, 1);
      assert.match(smtp.received[0]?.raw ?? '', /samma bilaga till alla|c2FtbWEgYmlsYWdhIHRpbGwgYWxsYQ/);
      assert.deepEqual(await mailer.progress([id]), { total: 1, waiting: 0, sent: 1, outbox: 0, failed: 0 });

      refuse = Number.POSITIVE_INFINITY;
      const [doomed] = await mailer.enqueue([{ kind: 'test', to: 'aldrig@example.se', subject: 'Aldrig', text: 'x' }]);
      assert.ok(doomed);
      for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt += 1) {
        await mailer.drain();
        now = new Date(now.getTime() + 2 * 60 * 60_000);
      }
      row = await logRow(doomed);
      assert.equal(row?.status, 'failed');
      assert.equal(row?.attempts, RETRY_DELAYS_MS.length + 1);
      assert.deepEqual(await mailer.progress([doomed]), { total: 1, waiting: 0, sent: 0, outbox: 0, failed: 1 });
    } finally {
      mailer.close();
      await smtp.close();
    }
  });

  test('two dispatchers draining the same queue deliver each mail once', async () => {
    const smtp = await startSmtp();
    const config = buildConfig({ smtpUrl: smtp.url, outboxDir: tempDir() });
    const a = createMailer({ database, config, clock: () => FIXED });
    const b = createMailer({ database, config, clock: () => FIXED });
    try {
      const ids = await a.enqueue(Array.from({ length: 25 }, (_, i) => ({ kind: 'test', to: `m${i}@example.se`, subject: `Nr ${i}`, text: 'x' })));
      await Promise.all([a.drain(), b.drain()]);
      assert.equal(smtp.received.length, 25);
      assert.equal(new Set(smtp.received.map((m) => m.to[0])).size, 25);
      assert.deepEqual(await a.progress(ids), { total: 25, waiting: 0, sent: 25, outbox: 0, failed: 0 });
    } finally {
      a.close();
      b.close();
      await smtp.close();
    }
  });
});
