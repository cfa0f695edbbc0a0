/**
 * The demo against the seed protocol itself (../shared/seed): every paragraph of §§ 19–25 appears
 * word for word, in order and under the seed's section headings, in the demo's final protocol as
 * printed (its sealed PDF), with the seed's page heading; each risk's value in the register is the
 * one in the adopted document, the 2022 meetings reach the business plan's four, and the demo always
 * has a coming meeting. The expected texts are read from the seed file here, never written out.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, gt } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/support/app.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies, organisations } from '../organisation/organisation.tables.js';
import { risks } from '../planning/planning.tables.js';
import { protocols } from '../protocols/protocols.tables.js';
import { riskValue } from '../../domain/index.js';
import { measure } from '../planning/measure.js';
import { createFrozenProtocols } from '../protocols/protocol-snapshot.js';
import { DEMO_COMMITTEE_SLUG } from './demo-data.js';
import { DEMO_DOCUMENTS } from './registry-demo-data.js';
import { DEMO_PLAN_RECIPIENT, comingMeetingDate } from './demo-meetings-data.js';

const SEED = path.resolve(import.meta.dirname, '../../../../shared/seed/protokoll-e-namnden-2022-12-14.txt');
const noSeed = existsSync(SEED) ? false : `the seed protocol is not at ${SEED}`;

/** The seed PDF's page furniture: heading, signature boxes, footer, page number. */
const FURNITURE = [/^\s*LULEÅ KOMMUN\s+SAMMANTRÄDESPROTOKOLL/, /^\s*E-nämnden 2022-12-14\s*$/, /^Justerandes signatur/, /^2014-01-27 /, /^\d+Protokoll sammanträde/, /^\(Signerat, SHA-256/, /^Sida \d+ av \d+/];
/** The paragraph's section headings: layout words, checked by the PDF's own test. */
const HEADINGS = new Set(['E-nämndens beslut', 'E-nämndens förslag till beslut', 'Sammanfattning av ärendet', 'Sammanträdet', 'Beslutsgång', 'Beslutsunderlag', 'Beslutet skickas till']);
const LIST_MARK = /^\s*(•|o|–|-)\s+/;

/** Whitespace as one space, list marks at the start of a line dropped. */
function normalise(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(LIST_MARK, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lines joined; a line ending in "-" continues the word ("e-" + "nämndens", "2021-" + "12-16"). */
function joinLines(lines: string[]): string {
  return lines.reduce((out, line) => {
    const l = line.replace(LIST_MARK, '').trim();
    if (!out) return l;
    return out.endsWith('-') ? out + l : `${out} ${l}`;
  }, '');
}

/** The seed's own slips, read as meant: the repeated year of a Hid, a lost space, a lost comma. */
function correctSlips(text: string): string {
  return text
    .replace('Hid: 2022.2022.9', 'Hid: 2022.9')
    .replace(/(\d{4}-\d{2}-\d{2})(?=[A-ZÅÄÖ])/g, '$1 ')
    .replace(/E-NAMND Hid:/g, 'E-NAMND, Hid:');
}

/** A §'s text in the seed: its blocks in order (a section heading is a block of its own) and its section headings. */
interface SeedParagraph {
  blocks: string[];
  headings: string[];
}

/**
 * §§ 19–25 of the seed as blocks of text (blank lines and section headings end a block), without
 * the page furniture and without § 24's picture ("Beslutsstruktur"), which is an image in the seed.
 * The one real person named (§ 22's recipient) is replaced by the demo's fictional one.
 */
function seedParagraphs(): Map<number, SeedParagraph> {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  const end = lines.findIndex((l, i) => /^KLASSS/.test(lines[i + 1] ?? '') && /Norrbottens e-nämnd/.test(l));
  const out = new Map<number, SeedParagraph>();
  let paragraph = 0;
  let block: string[] = [];
  let inPicture = false;
  let recipientNext = false;
  const flush = () => {
    if (block.length > 0 && paragraph > 0) out.get(paragraph)?.blocks.push(normalise(correctSlips(joinLines(block))));
    block = [];
  };
  for (const line of lines.slice(0, end)) {
    const number = /^\s*§ (\d+)\s*$/.exec(line);
    if (number) {
      flush();
      paragraph = Number(number[1]);
      out.set(paragraph, { blocks: [], headings: [] });
      continue;
    }
    if (/^Norrbottens e-nämnd 11$/.test(line.trim())) inPicture = true;
    if (FURNITURE.some((f) => f.test(line))) {
      inPicture = false;
      continue;
    }
    if (inPicture) continue;
    const text = line.trim();
    if (text === '' || HEADINGS.has(text)) {
      flush();
      if (HEADINGS.has(text)) {
        out.get(paragraph)?.blocks.push(text);
        out.get(paragraph)?.headings.push(text);
      }
      if (text === 'Beslutet skickas till') recipientNext = true;
      continue;
    }
    if (recipientNext) {
      block.push(DEMO_PLAN_RECIPIENT);
      flush();
      recipientNext = false;
      continue;
    }
    block.push(line);
  }
  flush();
  return out;
}

/** The seed's page heading and signature line, as on each of its pages. */
function seedFurniture(): string[] {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  return [FURNITURE[0], FURNITURE[1], FURNITURE[2]].map((pattern) => normalise(lines.find((l) => pattern?.test(l)) ?? ''));
}

/**
 * A PDF's text, page by page, in the order it was written (poppler's pdftotext -raw, which keeps
 * a hyphen at the end of a line), without the page numbers ("… Sida 2 av 11").
 */
function pdfPages(pdf: Buffer): string[][] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-demo-'));
  try {
    writeFileSync(path.join(dir, 'p.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-raw', path.join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
    return text
      .split('\f')
      .filter((page) => page.trim())
      .map((page) =>
        page
          .split('\n')
          .map((l) => l.replace(/\s*Sida \d+ av \d+$/, '').trim())
          .filter(Boolean),
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The printed protocol paragraph by paragraph: the lines of each § without the page furniture
 * (the lines every page has: page heading, signature boxes, footer).
 */
function printedParagraphs(pages: string[][]): { furniture: string[]; paragraphs: Map<number, string[]> } {
  const furniture = (pages[1] ?? []).filter((line) => pages.every((page) => page.includes(line)));
  const paragraphs = new Map<number, string[]>();
  let current: string[] = [];
  for (const line of pages.flat()) {
    if (furniture.includes(line)) continue;
    const number = /^§ (\d+)$/.exec(line);
    if (number) paragraphs.set(Number(number[1]), (current = []));
    else current.push(line);
  }
  return { furniture, paragraphs };
}

/** Compared without whitespace: the PDF breaks lines (and hyphenated words) where the seed does not. */
const compact = (text: string) => text.replace(/\s+/g, '');

describe('the demo is the seed', { skip: noSeed }, () => {
  let t: TestContext;
  let committeeId: string;
  before(async () => {
    t = await createTestApp({ demo: true });
    const [committee] = await t.services.database.db.select().from(organisations).where(eq(organisations.slug, DEMO_COMMITTEE_SLUG));
    committeeId = committee?.id ?? '';
  });
  after(() => t.close());

  test('every text of §§ 19–25 in the seed is in the printed final protocol, in its paragraph, in order, under the seed’s headings', async () => {
    const [row] = await t.services.database.db.select().from(protocols).where(eq(protocols.status, 'final'));
    const { bytes } = await createFrozenProtocols(t.services).pdf(row?.id ?? '', 'full');
    const printed = printedParagraphs(pdfPages(bytes));
    const furniture = compact(printed.furniture.join(' '));
    for (const line of seedFurniture()) assert.ok(line && furniture.includes(compact(line)), `every page lacks the seed's "${line}"`);
    const seed = seedParagraphs();
    assert.deepEqual([...seed.keys()], [19, 20, 21, 22, 23, 24, 25]);
    assert.deepEqual([...printed.paragraphs.keys()], [...seed.keys()]);
    let checked = 0;
    for (const [number, { blocks, headings }] of seed) {
      const lines = printed.paragraphs.get(number) ?? [];
      // The layout words: the same section headings in the same order ("E-nämndens förslag till beslut" in § 22).
      assert.deepEqual(lines.filter((l) => HEADINGS.has(l)), headings, `§ ${number}: section headings`);
      const text = compact(lines.map((l) => l.replace(LIST_MARK, '')).join(' '));
      let from = 0;
      for (const block of blocks) {
        const at = text.indexOf(compact(block), from);
        assert.ok(at >= 0, `§ ${number} lacks, or has out of order: ${block}`);
        from = at + compact(block).length;
        checked += 1;
      }
    }
    assert.ok(checked > 90, `${checked} blocks checked`);
  });

  test('the public protocol page heads each decision as the seed does', async () => {
    const [row] = await t.services.database.db.select().from(protocols).where(eq(protocols.status, 'final'));
    const page = await t.app.inject({ method: 'GET', url: `/sammantraden/${row?.meetingId ?? ''}/protokoll` });
    assert.equal(page.statusCode, 200);
    const seedHeadings = [...seedParagraphs().values()].flatMap((p) => p.headings.filter((h) => h.startsWith('E-nämndens')));
    const printed = [...page.body.matchAll(/<h3>(E-nämndens [^<]*)<\/h3>/g)].map((m) => m[1]);
    assert.deepEqual(printed, seedHeadings);
  });

  test('each risk’s value in the register is the one in the adopted document', async () => {
    const db = t.services.database.db;
    // The registered documents' text: "Planera - Intern kontroll" (§ 20) and "Verksamhetsplan 2023" (§ 22).
    const texts = DEMO_DOCUMENTS.filter((d) => d.organisation === DEMO_COMMITTEE_SLUG && d.year === 2022 && (d.number === 11 || d.number === 14)).map((d) => normalise(d.text));
    assert.equal(texts.length, 2);
    const register = await db.select().from(risks).where(and(eq(risks.committeeId, committeeId), eq(risks.year, 2023)));
    assert.equal(register.length, 7);
    for (const r of register) {
      const title = normalise(r.title).toLowerCase();
      const text = texts.find((x) => x.toLowerCase().includes(title));
      assert.ok(text, `no adopted document names "${r.title}"`);
      const after = text.slice(text.toLowerCase().indexOf(title) + title.length);
      const row = /^(.*?)(Risk accepteras|Följs upp)/s.exec(after)?.[1] ?? '';
      const documented = Number([...row.matchAll(/\b(\d+)\b/g)].at(-1)?.[1]);
      assert.equal(riskValue(r), documented, r.title);
    }
  });

  test('the 2022 meetings reach the business plan’s four (§§ 1–18 before the seed’s December meeting)', async () => {
    const held = await measure(t.services.database.db, { committeeId, year: 2022, until: '2022-12-31', measure: 'committee_meetings' });
    assert.ok((held.value ?? 0) >= 4, `held ${held.value}`);
    assert.ok(held.meetings.some((m) => m.date === '2022-06-22'), 'the seed names the meeting of 2022-06-22');
  });

  test('the demo has a coming meeting of the committee, counted from the day it is loaded', async () => {
    const db = t.services.database.db;
    const [body] = await db.select().from(bodies).where(and(eq(bodies.organisationId, committeeId), eq(bodies.kind, 'committee')));
    const coming = await db.select().from(meetings).where(and(eq(meetings.bodyId, body?.id ?? ''), gt(meetings.startsAt, t.services.clock())));
    assert.ok(coming.some((m) => m.status === 'planned' && m.kind === 'meeting'), 'no coming meeting');
  });
});

describe('the coming meeting’s day', () => {
  test('a Wednesday at least three weeks after the day the demo is loaded', () => {
    const cases: [string, string][] = [
      ['2026-11-25', '2026-12-16'],
      ['2026-11-26', '2026-12-23'],
      ['2027-12-20', '2028-01-12'],
      ['2030-06-01', '2030-06-26'],
    ];
    for (const [today, expected] of cases) {
      assert.equal(comingMeetingDate(today), expected, today);
    }
  });
});
