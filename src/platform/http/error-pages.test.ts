/**
 * Clear error pages (issue 18): every status the app answers with has its own heading in Swedish
 * and English that says what happened — never a bare "Något gick fel" — and a way back (the page
 * the user came from, and the start page).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCommittee, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { signedInAs } from '../../../test/support/factories.js';
import { translator } from '../i18n/i18n.js';
import { HTTP_STATUS } from '../errors.js';
import { errorTitle } from './error-handler.js';

describe('error pages say what happened and lead back', () => {
  test('each status has a specific heading in both languages, none of them "Något gick fel"', () => {
    const statuses = [...new Set([...Object.values(HTTP_STATUS), 413, 415, 500])];
    for (const locale of ['sv', 'en'] as const) {
      const ctx = { t: translator(locale) };
      const titles = new Map(statuses.map((s) => [s, errorTitle(ctx, s)]));
      for (const [status, title] of titles) {
        assert.ok(title.length > 0 && !/gick fel|went wrong/i.test(title), `${locale} ${status}: ${title}`);
        assert.ok(!title.startsWith('error.'), `${locale} ${status} is translated`);
      }
      // The kinds a user must tell apart get different headings.
      const distinct = new Set([400, 401, 403, 404, 409, 429, 500, 503].map((s) => titles.get(s)));
      assert.equal(distinct.size, 8, locale);
      assert.notEqual(errorTitle(ctx, 403, 'CSRF'), errorTitle(ctx, 403));
    }
  });

  describe('through the app', () => {
    let t: TestContext;
    let client: TestClient;
    before(async () => {
      t = await createTestApp();
      const { committee } = await buildCommittee(t.services);
      client = await signedInAs(t, committee.id, ['member']);
    });
    after(() => t.close());
    const cookie = () => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

    test('a form without its token: "Formuläret kunde inte skickas", with a link back to the page it came from', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/konto/logga-ut-overallt', headers: { cookie: cookie(), host: 'localhost:80', referer: 'http://localhost:80/konto' }, payload: '' });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /<h1[^>]*>Formuläret kunde inte skickas<\/h1>/);
      assert.ok(response.body.includes('href="/konto"'), 'a way back');
      assert.ok(response.body.includes('href="/"'));
      assert.doesNotMatch(response.body, /Något gick fel/);
    });

    test('a page that does not exist, in English too', async () => {
      const sv = await client.get('/finns-inte-alls');
      assert.equal(sv.statusCode, 404);
      assert.match(sv.body, /<h1[^>]*>Sidan finns inte<\/h1>/);
      const en = await client.get('/finns-inte-alls?lang=en');
      assert.match(en.body, /<h1[^>]*>Page not found<\/h1>/);
    });
  });
});
