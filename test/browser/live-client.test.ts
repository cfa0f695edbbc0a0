/**
 * The live pages' script (features/live/live-client.ts) on its own, in a real browser: a part of
 * the page that the event stream changes while a person is typing keeps what they typed and chose
 * and have not sent, in the same form; a field of another form (the next vote) starts empty. The
 * page, the script and the stream are served by the browser context's routes, so that the event
 * arrives exactly when the test says.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { LIVE_CLIENT_JS } from '../../src/features/live/live-client.js';
import { DESKTOP, launchBrowser } from './support.js';

const ORIGIN = 'http://kansli.test';

/** The part as the server would render it: one form for an item, and a line that shows its version. */
function part(options: { item: string; version: string }): string {
  return [
    `<form method="post" action="/mina-moten/m/live/yrkande">`,
    `<input type="hidden" name="_csrf" value="t"><input type="hidden" name="itemId" value="${options.item}">`,
    `<label for="text">Yrkande</label><textarea id="text" name="text"></textarea>`,
    `<label for="choice">Val</label><select id="choice" name="choice"><option value="ja" selected>Ja</option><option value="nej">Nej</option></select>`,
    `<button type="submit">Skicka</button></form><p class="version">${options.version}</p>`,
  ].join('');
}

function page(): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Live</title></head><body>
<main data-live-stream="/handelser" data-live-mode="member" data-live-phase="a"><div data-live-part="item">${part({ item: '1', version: 'v1' })}</div></main>
<script src="/live-room.js"></script></body></html>`;
}

const event = (parts: Record<string, string>) => `event: state\ndata: ${JSON.stringify({ phase: 'a', parts })}\n\n`;

describe('the live pages’ script keeps what a person has not sent', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const [label, next, kept] of [
    ['the same form, changed around it: the text and the choice stay', { item: '1', version: 'v2' }, true],
    ['another item’s form: it starts empty', { item: '2', version: 'v2' }, false],
  ] as const) {
    it(label, async () => {
      const context = await browser.newContext({ viewport: DESKTOP, locale: 'sv-SE' });
      try {
        context.setDefaultTimeout(10_000);
        let release: () => void = () => {};
        const typed = new Promise<void>((resolve) => (release = resolve));
        let streams = 0;
        await context.route(`${ORIGIN}/**`, async (route) => {
          const url = new URL(route.request().url());
          if (url.pathname === '/live') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: page() });
          if (url.pathname === '/live-room.js') return route.fulfill({ contentType: 'text/javascript', body: LIVE_CLIENT_JS });
          if (url.pathname === '/handelser') {
            streams += 1;
            // The first connection answers once the person has typed; a reconnection gets the same state.
            if (streams === 1) await typed;
            return route.fulfill({ contentType: 'text/event-stream', headers: { 'cache-control': 'no-store' }, body: event({ item: part(next) }) });
          }
          return route.abort();
        });
        const tab = await context.newPage();
        await tab.goto(`${ORIGIN}/live`);
        await tab.getByLabel('Yrkande').fill('Jag yrkar bifall');
        await tab.getByLabel('Val').selectOption('nej');
        release();
        await tab.locator('.version', { hasText: 'v2' }).waitFor();
        assert.equal(await tab.getByLabel('Yrkande').inputValue(), kept ? 'Jag yrkar bifall' : '');
        assert.equal(await tab.getByLabel('Val').inputValue(), kept ? 'nej' : 'ja');
      } finally {
        await context.close();
      }
    });
  }
});
