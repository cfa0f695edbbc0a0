/**
 * The journeys a committee secretary and an administrator take, in a real browser: setup,
 * sign-in, the organisation register, lists without JavaScript, keyboard, small screens,
 * English — and axe (WCAG 2.1 AA) on every page on the way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  DEMO_LOGIN_EMAILS,
  DEMO_PASSWORD,
  PHONE,
  TABLET,
  expectAccessible,
  hasHorizontalOverflow,
  launchBrowser,
  screenshot,
  screenshotDesktopAndPhone,
  signIn,
  startApp,
  type RunningApp,
  runJourney,
} from './support.js';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const memberRows = (page: Page) => page.getByRole('table', { name: 'Medlemskommuner' }).locator('tbody tr');

describe('an empty installation', () => {
  let app: RunningApp;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('sends the first visitor to setup, which creates the committee and signs the administrator in', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await page.goto('/');
      assert.equal(new URL(page.url()).pathname, '/installera');
      await page.getByRole('heading', { level: 1, name: 'Installera Kansli' }).waitFor();
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'installera');

      await page.getByLabel('Nämndens namn').fill('Testnämnden i Norrbotten');
      await page.getByLabel('Kortnamn i webbadresser').fill('testnamnden');
      await page.getByLabel('Namn', { exact: false }).and(page.locator('#f-name')).fill('Ada Administratör');
      await page.getByLabel('E-postadress').fill('ada@exempel.se');
      await page.getByLabel('Lösenord').fill('ett långt lösenord 2026');
      await Promise.all([page.waitForURL('**/organisation'), page.getByRole('button', { name: 'Skapa och logga in' }).click()]);

      await page.getByRole('heading', { level: 2, name: 'Testnämnden i Norrbotten' }).waitFor();
      await page.getByRole('button', { name: 'Logga ut' }).waitFor();
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'organisation-after-setup');
    });
  });
});

describe('the demo committee', () => {
  let app: RunningApp;
  before(async () => {
    app = await startApp({ demo: true });
  });
  after(async () => {
    await app?.close();
  });

  it('signs in: the form is accessible, a wrong password is refused in Swedish and the e-mail kept', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await page.goto('/logga-in');
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'logga-in');

      await page.getByLabel('E-postadress').fill(DEMO_LOGIN_EMAILS.secretary);
      await page.getByLabel('Lösenord').fill('inte-rätt-lösenord');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('alert').getByText('Fel e-postadress eller lösenord.').waitFor();
      assert.equal(await page.getByLabel('E-postadress').inputValue(), DEMO_LOGIN_EMAILS.secretary);
      assert.equal(await page.getByLabel('Lösenord').inputValue(), '', 'the password is never sent back');
      await expectAccessible(page, '/logga-in (wrong password)');
      await screenshotDesktopAndPhone(page, 'logga-in-fel');

      await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
      await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: 'Logga in' }).click()]);
      await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    });
  });

  it('shows the secretary the committee, its 14 members with Luleå as host, and every page passes axe', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
      await page.goto('/organisation');
      await page.getByRole('heading', { level: 2, name: 'Norrbottens e-nämnd' }).waitFor();
      await page.getByText('14 medlemskommuner').waitFor();
      assert.equal(await memberRows(page).count(), 14);
      const hostRows = memberRows(page).filter({ has: page.locator('.badge', { hasText: 'Värd' }) });
      assert.equal(await hostRows.count(), 1, 'exactly one host municipality');
      assert.match((await hostRows.first().locator('th').innerText()).trim(), /^Luleå kommun$/);
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'organisation');

      await page.goto('/organisation/lulea');
      await page.getByRole('heading', { level: 1, name: 'Luleå kommun' }).waitFor();
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'organisation-lulea');

      await page.goto('/organisation');
      const bodies = page.locator('h3:has-text("Organ") + ul');
      await Promise.all([page.waitForURL('**/organ/*'), bodies.getByRole('link', { name: 'Norrbottens e-nämnd' }).click()]);
      await page.getByRole('heading', { level: 1, name: 'Norrbottens e-nämnd' }).waitFor();
      await expectAccessible(page, '/organ/<e-nämnden>');
      await screenshotDesktopAndPhone(page, 'organ-e-namnden');

      await page.goto('/personer');
      await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'personer');

      const firstPerson = page.getByRole('table', { name: 'Personer' }).locator('tbody tr th a').first();
      const name = (await firstPerson.innerText()).trim();
      await Promise.all([page.waitForURL('**/personer/*'), firstPerson.click()]);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await expectAccessible(page, `/personer/<${name}>`);
      await screenshotDesktopAndPhone(page, 'person');

      await page.goto('/konto');
      await page.getByRole('heading', { level: 1, name: 'Mitt konto' }).waitFor();
      await expectAccessible(page);
      await screenshotDesktopAndPhone(page, 'konto');
    });
  });

  it('lets the administrator manage users, read the audit log and correct a form with errors', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.admin, DEMO_PASSWORD);
      for (const [path, title, shot] of [
        ['/admin/anvandare', 'Användare', 'admin-anvandare'],
        ['/admin/granskningslogg', 'Granskningslogg', 'admin-granskningslogg'],
        ['/organisation/lulea/andra', 'Ändra Luleå kommun', 'organisation-lulea-andra'],
      ] as const) {
        await page.goto(path);
        assert.equal(new URL(page.url()).pathname, path);
        await page.getByRole('heading', { level: 1 }).filter({ hasText: title }).waitFor();
        await expectAccessible(page);
        await screenshotDesktopAndPhone(page, shot);
      }

      await page.locator('#f-name').fill('');
      await page.getByRole('button', { name: 'Spara' }).click();
      const summary = page.locator('.error-summary[role="alert"]');
      await summary.getByText('Uppgifterna behöver rättas:').waitFor();
      assert.ok((await summary.getByRole('link').count()) >= 1, 'the summary links to the field');
      assert.equal(await page.locator('#f-name').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#f-slug').inputValue(), 'lulea', 'the other values are kept');
      await expectAccessible(page, '/organisation/lulea/andra (with errors)');
      await screenshotDesktopAndPhone(page, 'organisation-lulea-andra-fel');
    });
  });

  it('searches and sorts lists without JavaScript', async () => {
    await runJourney(browser, app, { javaScript: false }, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
      await page.goto('/organisation');
      await page.getByRole('searchbox', { name: 'Sök i listan' }).fill('Luleå');
      await Promise.all([page.waitForURL('**/organisation?q=*'), page.getByRole('button', { name: 'Sök', exact: true }).click()]);
      assert.equal(await memberRows(page).count(), 1);
      assert.equal((await memberRows(page).first().locator('th').innerText()).trim(), 'Luleå kommun');
      await page.getByText('Visar 1 av 14').waitFor();

      await page.goto('/organisation');
      const sortByName = page.getByRole('link', { name: 'Sortera på Namn' });
      // Sorted by name ascending from the start, so the first click turns it round.
      assert.equal((await memberRows(page).first().locator('th').innerText()).trim(), 'Arjeplogs kommun');
      await Promise.all([page.waitForURL('**dir=desc*'), sortByName.click()]);
      assert.equal((await memberRows(page).first().locator('th').innerText()).trim(), 'Övertorneå kommun');
      assert.equal(await page.locator('th[aria-sort]').getAttribute('aria-sort'), 'descending');
      await Promise.all([page.waitForURL((url) => !url.search.includes('dir=desc')), sortByName.click()]);
      assert.equal((await memberRows(page).first().locator('th').innerText()).trim(), 'Arjeplogs kommun');
      assert.equal(await page.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending');
    });
  });

  it('takes keyboard users past the header: the first Tab reaches the skip link, Enter moves to the content', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
      await page.goto('/organisation');
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
      assert.ok(await skip.evaluate((el) => el === document.activeElement), 'the skip link has focus');
      assert.ok(await skip.isVisible(), 'the focused skip link is visible');
      await screenshot(page, 'skip-link-focused');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
    });
  });

  for (const [device, viewport] of [
    ['phone', PHONE],
    ['tablet', TABLET],
  ] as const) {
    it(`fits a ${device} (${viewport.width}×${viewport.height}) without sideways scrolling`, async () => {
      await runJourney(browser, app, { viewport }, async (page) => {
        await signIn(page, DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
        for (const [path, shot] of [
          ['/organisation', 'organisation'],
          ['/organisation/lulea', 'organisation-lulea'],
        ] as const) {
          await page.goto(path);
          const size = await hasHorizontalOverflow(page);
          assert.ok(!size.overflow, `${path} on a ${device} is ${size.scrollWidth}px wide in a ${size.innerWidth}px window`);
          await expectAccessible(page, `${path} (${device})`);
          await screenshot(page, `${device}-${shot}`);
        }
      });
    });
  }

  it('speaks English when asked', async () => {
    await runJourney(browser, app, {}, async (page) => {
      await page.goto('/logga-in?lang=en');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await expectAccessible(page, '/logga-in?lang=en');
      await screenshotDesktopAndPhone(page, 'logga-in-en');
    });
  });
});
