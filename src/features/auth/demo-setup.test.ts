import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { TestClient } from '../../../test/support/app.js';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD } from '../demo/demo-data.js';

describe('setup of an empty installation: "Starta med demonämnden"', () => {
  const t = useTestApp();

  test('the setup page offers the demo beside one’s own committee; loading shows progress, then the sign-ins', async () => {
    const client = new TestClient(t.app);
    const setup = await client.get('/installera');
    assert.equal(setup.statusCode, 200);
    assert.match(setup.body, /Starta med demonämnden/);
    assert.match(setup.body, /name="committeeName"/);

    const started = await client.post('/installera/demo');
    assert.equal(started.statusCode, 302);
    assert.equal(started.headers.location, '/installera/demo');
    const first = await client.get('/installera/demo');
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers.refresh, '2', 'the page reloads itself while the demo loads');
    assert.match(first.body, /<progress/);

    let page = first;
    for (let i = 0; i < 600 && page.headers.refresh; i += 1) {
      await sleep(1000);
      page = await client.get('/installera/demo');
    }
    assert.equal(page.headers.refresh, undefined);
    for (const email of Object.values(DEMO_LOGIN_EMAILS)) assert.ok(page.body.includes(email), email);
    assert.ok(page.body.includes(DEMO_PASSWORD));
    await new TestClient(t.app).signIn(DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
    // Set up now: the setup page and a second load are no longer offered.
    assert.equal((await new TestClient(t.app).get('/installera')).statusCode, 302);
  });
});
