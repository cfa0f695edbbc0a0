/**
 * The demo against the seed protocol itself (../shared/seed): every paragraph of §§ 19–25 appears
 * word for word in the demo's final protocol, each risk's value in the register is the one in the
 * adopted document, the 2022 meetings reach the business plan's four, and the demo always has a
 * coming meeting. The expected texts are read from the seed file here, never written out.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, gt } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/support/app.js';
import { bodies, meetings, organisations, protocols, risks } from '../../platform/db/schema.js';
import { riskValue } from '../../domain/index.js';
import { measure } from '../planning/measure.js';
import { basisLine, propositionSentence } from '../protocols/protocol-wording.js';
import type { ProtocolDocument } from '../protocols/protocol.model.js';
import { loadDemo } from './demo.js';
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

/**
 * §§ 19–25 of the seed as blocks of text (blank lines and section headings end a block), without
 * the page furniture and without § 24's picture ("Beslutsstruktur"), which is an image in the seed.
 * The one real person named (§ 22's recipient) is replaced by the demo's fictional one.
 */
function seedBlocks(): Map<number, string[]> {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  const end = lines.findIndex((l, i) => /^KLASSS/.test(lines[i + 1] ?? '') && /Norrbottens e-nämnd/.test(l));
  const out = new Map<number, string[]>();
  let paragraph = 0;
  let block: string[] = [];
  let inPicture = false;
  let recipientNext = false;
  const flush = () => {
    if (block.length > 0 && paragraph > 0) out.get(paragraph)?.push(normalise(correctSlips(joinLines(block))));
    block = [];
  };
  for (const line of lines.slice(0, end)) {
    const number = /^\s*§ (\d+)\s*$/.exec(line);
    if (number) {
      flush();
      paragraph = Number(number[1]);
      out.set(paragraph, []);
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

/** The final protocol as the text it prints, paragraph by paragraph. */
function protocolText(doc: ProtocolDocument): Map<number, string> {
  const out = new Map<number, string>();
  for (const p of doc.paragraphs) {
    const parts = [
      p.heading,
      p.caseNumber ? `Ärendenr ${p.caseNumber}` : '',
      p.decision,
      p.summary,
      p.handling,
      ...p.record.propositions.map((x) => propositionSentence(x, doc.letterhead.shortName)),
      ...p.decisionBasis.map((b) => basisLine(b, doc.letterhead.registryCode)),
      ...p.recipients,
    ];
    out.set(p.number ?? 0, normalise(parts.join('\n')));
  }
  return out;
}

describe('the demo is the seed', { skip: noSeed }, () => {
  let t: TestContext;
  let committeeId: string;
  before(async () => {
    t = await createTestApp();
    await loadDemo(t.services);
    const [committee] = await t.services.database.db.select().from(organisations).where(eq(organisations.slug, DEMO_COMMITTEE_SLUG));
    committeeId = committee?.id ?? '';
  });
  after(() => t.close());

  test('every text of §§ 19–25 in the seed is in the final protocol, in its paragraph', async () => {
    const [row] = await t.services.database.db.select().from(protocols).where(eq(protocols.status, 'final'));
    const doc = await t.services.protocols.load(row?.id ?? '');
    assert.equal(doc.letterhead.hostName, 'Luleå kommun');
    assert.equal(doc.letterhead.shortName, 'E-nämnden');
    const printed = protocolText(doc);
    const seed = seedBlocks();
    assert.deepEqual([...seed.keys()], [19, 20, 21, 22, 23, 24, 25]);
    let checked = 0;
    for (const [number, blocks] of seed) {
      const text = printed.get(number) ?? '';
      for (const block of blocks) {
        assert.ok(text.includes(block), `§ ${number} lacks: ${block}`);
        checked += 1;
      }
    }
    assert.ok(checked > 60, `${checked} blocks checked`);
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
