/**
 * Security headers on every kind of answer: pages, errors, the API and static files. The
 * Content-Security-Policy allows scripts only from our own origin (never inline) and forbids framing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClient, type TestContext } from '../support/app.js';

describe('security headers', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp({ config: { trustProxy: true } });
  });
  after(() => t.close());

  for (const url of ['/', '/logga-in', '/static/app.css', '/healthz', '/finns-inte', '/api/v1/openapi.json']) {
    test(`${url} carries the security headers`, async () => {
      const response = await new TestClient(t.app).get(url);
      const csp = String(response.headers['content-security-policy'] ?? '');
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp.split(';').find((part) => part.trim().startsWith('script-src')) ?? '', /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers['x-frame-options'], 'DENY');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
    });
  }

  test('HSTS is sent behind an HTTPS proxy', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    assert.match(String(response.headers['strict-transport-security']), /max-age=\d{7,}/);
  });

  test('no page carries an inline script', async () => {
    for (const url of ['/', '/logga-in', '/diarium', '/verifiera', '/tillganglighet']) {
      const response = await new TestClient(t.app).get(url);
      const inline = [...response.body.matchAll(/<script\b([^>]*)>/g)].filter((match) => !/\bsrc=/.test(match[1] ?? ''));
      assert.deepEqual(inline, [], `${url} has an inline script`);
    }
  });
});
