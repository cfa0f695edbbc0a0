/** The accessibility feedback form: anonymous, so limited per client address (DB-backed, shared by all servers). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, like, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { loginAttempts } from '../auth/auth.tables.js';
import { accessibilityFeedback } from './home.tables.js';
import { FEEDBACK_LIMIT } from './accessibility.service.js';
import { DIGG_REPORT_URL, STATEMENT_UPDATED } from './home.pages.js';
import { translator } from '../../platform/i18n/i18n.js';
import { formatCalendarDay } from '../../platform/time-format.js';

let now = new Date('2026-11-27T09:00:00Z');

/** A visitor at a given address: fetches a CSRF cookie, then posts the form as a browser would. */
async function visitor(app: FastifyInstance, ip: string, headers: Record<string, string> = {}) {
  const first = await app.inject({ method: 'GET', url: '/tillganglighet', remoteAddress: ip, headers });
  const csrf = first.cookies.find((c) => c.name === 'kansli_csrf')?.value ?? '';
  assert.ok(csrf, 'a CSRF cookie');
  return (form: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/tillganglighet',
      remoteAddress: ip,
      headers: { ...headers, cookie: `kansli_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
    });
}

describe('accessibility feedback: rate limit per client address', () => {
  const t = useTestApp({ clock: () => now });

  const storedFrom = async (marker: string) =>
    (await t.database.db.select().from(accessibilityFeedback).where(like(accessibilityFeedback.message, `${marker}%`))).length;

  test(`at most ${FEEDBACK_LIMIT.max} messages per ${FEEDBACK_LIMIT.windowMinutes} minutes from one address; over it the form comes back with 429 and the text kept`, async () => {
    assert.deepEqual(FEEDBACK_LIMIT, { max: 5, windowMinutes: 10 });
    const post = await visitor(t.app, '203.0.113.7');
    for (let i = 1; i <= FEEDBACK_LIMIT.max; i++) {
      now = new Date(Date.parse('2026-11-27T09:00:00Z') + i * 60_000);
      const sent = await post({ message: `Adress A meddelande ${i}`, pageUrl: '/anslagstavla', contact: '' });
      assert.equal(sent.statusCode, 302, `message ${i}`);
    }
    assert.equal(await storedFrom('Adress A'), FEEDBACK_LIMIT.max);

    // An invalid form is still answered with its field errors, and does not use up the limit of others.
    const empty = await post({ message: ' ', pageUrl: '', contact: '' });
    assert.equal(empty.statusCode, 400);

    const over = await post({ message: 'Adress A: knappen "Skicka" går inte att nå med tangentbordet', pageUrl: '/tillganglighet', contact: 'a@example.se' });
    assert.equal(over.statusCode, 429);
    assert.match(over.body, /Du har skickat många synpunkter på kort tid\. Vänta upp till 10 minuter/);
    assert.match(over.body, /role="alert"/);
    // What was typed is in the form again (escaped).
    assert.match(over.body, /<textarea[^>]*name="message"[^>]*>Adress A: knappen &quot;Skicka&quot; går inte att nå med tangentbordet<\/textarea>/);
    assert.match(over.body, /name="pageUrl"[^>]*value="\/tillganglighet"|value="\/tillganglighet"[^>]*name="pageUrl"/);
    assert.match(over.body, /value="a@example\.se"/);
    assert.equal(await storedFrom('Adress A'), FEEDBACK_LIMIT.max, 'nothing stored over the limit');

    // Another address is not affected.
    const other = await visitor(t.app, '198.51.100.2');
    assert.equal((await other({ message: 'Adress B meddelande', pageUrl: '', contact: '' })).statusCode, 302);

    // The window slides: the first message (09:01) leaves it after 09:11; then one more may be sent.
    now = new Date('2026-11-27T09:10:30Z');
    assert.equal((await post({ message: 'Adress A för tidigt', pageUrl: '', contact: '' })).statusCode, 429);
    now = new Date('2026-11-27T09:11:01Z');
    assert.equal((await post({ message: 'Adress A efter fönstret', pageUrl: '', contact: '' })).statusCode, 302);
    assert.equal((await post({ message: 'Adress A igen', pageUrl: '', contact: '' })).statusCode, 429);
    assert.equal(await storedFrom('Adress A'), FEEDBACK_LIMIT.max + 1);

    // Counted in the sign-in attempts table under its own key, never as a sign-in attempt of the address.
    const keys = await t.database.db.select({ key: loginAttempts.key }).from(loginAttempts).where(eq(loginAttempts.key, 'feedback:203.0.113.7'));
    assert.equal(keys.length, FEEDBACK_LIMIT.max + 1);
    const signIn = await t.database.query<{ n: string }>(sql`select count(*)::text as n from login_attempts where key = 'ip:203.0.113.7'`);
    assert.equal(Number(signIn[0]?.n), 0);
  });

  test('the message over the limit is in English for an English reader', async () => {
    now = new Date('2026-11-28T12:00:00Z');
    const post = await visitor(t.app, '192.0.2.44', { 'accept-language': 'en' });
    for (let i = 0; i < FEEDBACK_LIMIT.max; i++) assert.equal((await post({ message: `Adress C ${i}`, pageUrl: '', contact: '' })).statusCode, 302);
    const over = await post({ message: 'Adress C over', pageUrl: '', contact: '' });
    assert.equal(over.statusCode, 429);
    assert.match(over.body, /You have sent many messages in a short time\. Wait up to 10 minutes/);
    assert.match(over.body, />Adress C over<\/textarea>/);
  });

  test('parallel posts from one address cannot slip past the limit', async () => {
    now = new Date('2026-11-29T12:00:00Z');
    const post = await visitor(t.app, '192.0.2.99');
    const answers = await Promise.all(Array.from({ length: FEEDBACK_LIMIT.max + 3 }, (_, i) => post({ message: `Adress D ${i}`, pageUrl: '', contact: '' })));
    assert.equal(answers.filter((a) => a.statusCode === 302).length, FEEDBACK_LIMIT.max);
    assert.equal(answers.filter((a) => a.statusCode === 429).length, 3);
    assert.equal(await storedFrom('Adress D'), FEEDBACK_LIMIT.max);
  });
});

describe('the accessibility statement follows DIGG’s model', () => {
  const t = useTestApp();

  test('scope, compliance status, known shortcomings, feedback, enforcement with DIGG’s form and the date it was last updated', async () => {
    const tr = translator('sv');
    const page = await t.app.inject({ url: '/tillganglighet' });
    assert.equal(page.statusCode, 200);
    const html = page.body;
    const headings = [...html.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, (['a11y.status', 'a11y.shortcomings', 'a11y.formTitle', 'a11y.enforcement', 'a11y.tested'] as const).map((k) => escapeText(tr(k))));
    assert.ok(html.includes(`href="${DIGG_REPORT_URL}"`));
    assert.ok(html.includes(escapeText(tr('a11y.testedText', { date: formatCalendarDay(STATEMENT_UPDATED, 'sv') }))));
    assert.ok(html.includes(escapeText(tr('a11y.shortcoming.uploads'))) && html.includes(escapeText(tr('a11y.shortcoming.liveVote'))));
    assert.match(html, /<form[^>]*action="\/tillganglighet"/);
  });
});

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
