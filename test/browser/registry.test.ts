/**
 * The registry in a real browser: the secretary opens a case and registers a document with a
 * file; the public reads the registry without signing in (and without JavaScript), and a secret
 * entry shows its provision but nothing secret. axe (WCAG 2.1 AA) on every page on the way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_SECRET_MARKER } from '../../src/features/demo/registry-demo-data.js';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD, expectAccessible, hasHorizontalOverflow, launchBrowser, PHONE, screenshotDesktopAndPhone, signIn, startApp, runJourney, type RunningApp } from './support.js';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

describe('the registry', () => {
  let app: RunningApp;
  before(async () => {
    // The demo carries the seed protocol's registry: its cases, documents and one secret entry.
    app = await startApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  it('lets the secretary open a case and register a document with a file; every page passes axe', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Diariet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ärenden' }).waitFor();
      await page.getByRole('link', { name: '2022/28-2.5.1.3' }).waitFor();
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'registry-arenden');

      await page.getByRole('link', { name: 'Nytt ärende' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nytt ärende' }).waitFor();
      await page.getByLabel('Ärendemening').fill('Uppföljning av e-arkivet');
      await page.getByLabel('Klassificering').selectOption('2.4.0.2');
      await expectAccessible(page, '/arenden/nytt');
      await screenshotDesktopAndPhone(page, 'registry-nytt-arende');
      await Promise.all([page.waitForURL('**/arenden/*'), page.getByRole('button', { name: 'Registrera ärende' }).click()]);
      await page.getByRole('status').getByText(/Ärende \d{4}\/1-2\.4\.0\.2 är registrerat/).waitFor();
      await page.getByRole('heading', { level: 1, name: 'Uppföljning av e-arkivet' }).waitFor();
      await expectAccessible(page, '/arenden/<new case>');

      await page.getByRole('link', { name: 'Registrera handling' }).click();
      await page.getByRole('heading', { level: 1, name: /Registrera handling i/ }).waitFor();
      await expectAccessible(page, '/arenden/<id>/ny-handling');
      await screenshotDesktopAndPhone(page, 'registry-ny-handling');

      // Incoming without a sender: refused, the typed description kept, the summary focusable.
      await page.getByRole('radio', { name: 'Inkommen' }).check();
      await page.getByLabel(/^Beskrivning/).fill('Leverantörens rapport om e-arkivet');
      await page.getByRole('button', { name: 'Registrera', exact: true }).click();
      await page.getByRole('alert').getByText(/Ange avsändare eller mottagare/).waitFor();
      assert.equal(await page.getByLabel(/^Beskrivning/).inputValue(), 'Leverantörens rapport om e-arkivet');
      await expectAccessible(page, '/arenden/<id>/ny-handling (errors)');
      await screenshotDesktopAndPhone(page, 'registry-ny-handling-fel');

      await page.getByLabel('Avsändare eller mottagare').fill('Arkivleverantören AB');
      await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'rapport.txt', mimeType: 'text/plain', buffer: Buffer.from('Rapport om e-arkivet') });
      await Promise.all([page.waitForURL(/\/arenden\/[0-9a-f-]+$/), page.getByRole('button', { name: 'Registrera', exact: true }).click()]);
      await page.getByRole('status').getByText(/Handling \d{4}\.\d+ är registrerad/).waitFor();
      await page.getByRole('link', { name: 'rapport.txt' }).waitFor();
      await expectAccessible(page, '/arenden/<id> (with document)');
      await screenshotDesktopAndPhone(page, 'registry-arende');

      await page.getByRole('link', { name: /^\d{4}\.\d+$/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Handling \d{4}\.\d+$/ }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Ny version' }).waitFor();
      await expectAccessible(page, '/handlingar/<id>');
      await screenshotDesktopAndPhone(page, 'registry-handling');

      await page.goto('/arenden');
      await page.getByRole('link', { name: 'Klassificeringsstruktur: Norrbottens e-nämnd' }).click();
      await page.getByRole('rowheader', { name: '2.5.1.3' }).waitFor();
      await expectAccessible(page, '/klassificering/<committee>');
      await screenshotDesktopAndPhone(page, 'registry-klassificering');

      // The secret case as the secretary sees it: everything, with the marking in words.
      await page.goto('/arenden');
      await page.getByRole('link', { name: '2022/28-2.5.1.3' }).click();
      await page.getByRole('heading', { level: 1, name: 'Säkerhetsgranskning av datacenter' }).waitFor();
      await page.getByRole('cell', { name: 'Sekretess', exact: true }).waitFor();
      await expectAccessible(page, '/arenden/<secret case>');
      await screenshotDesktopAndPhone(page, 'registry-arende-sekretess');
      await page.setViewportSize(PHONE);
      assert.equal((await hasHorizontalOverflow(page)).overflow, false, 'the page itself does not scroll sideways');
    });
  });

  it('shows the public registry without signing in, and a secret entry reveals nothing', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Diariet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Diariet' }).waitFor();
      assert.doesNotMatch(await page.content(), /Arbetsutkast/, 'internal drafts are not public records');
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'registry-diarium');

      await page.getByRole('link', { name: '2022.22' }).click();
      await page.getByText(/omfattas av sekretess enligt 18 kap\. 8 § offentlighets- och sekretesslagen \(2009:400\)/).waitFor();
      const html = await page.content();
      assert.doesNotMatch(html, new RegExp(DEMO_SECRET_MARKER));
      assert.doesNotMatch(html, /Extern säkerhetsgranskare/, 'the sender of a secret document stays hidden');
      assert.doesNotMatch(html, /\/filer\//);
      await expectAccessible(page, '/diarium/<secret>');
      await screenshotDesktopAndPhone(page, 'registry-diarium-sekretess');

      await page.getByRole('link', { name: /2022\/28-2\.5\.1\.3/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Säkerhetsgranskning av datacenter' }).waitFor();
      await expectAccessible(page, '/diarium/arenden/<secret case>');
      await screenshotDesktopAndPhone(page, 'registry-diarium-arende');
    });
  });

  it('searches the public registry without JavaScript', async () => {
    await runJourney(browser, app, { javaScript: false }, async (page) => {
      await page.goto('/diarium');
      await page.getByRole('searchbox', { name: 'Sök i listan' }).fill('säkerhetsåtgärder');
      await Promise.all([page.waitForURL('**/diarium?q=*'), page.getByRole('button', { name: 'Sök', exact: true }).click()]);
      await page.getByText(/^Visar 1 av \d+$/).waitFor();
      await Promise.all([page.waitForURL('**/diarium/*'), page.getByRole('link', { name: '2022.22' }).click()]);
      await page.getByRole('heading', { level: 1, name: 'Handling 2022.22' }).waitFor();
    });
  });
});
