import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCaseNumber, formatHandlingId, parseCaseNumber, parseHandlingId } from '../../domain/case-number.js';
import { DEMO_COMMITTEE_SLUG, DEMO_MUNICIPALITIES } from './demo-data.js';
import {
  DEMO_CASES,
  DEMO_CLASSIFICATION_CODES,
  DEMO_DOCUMENTS,
  DEMO_INTERNAL_MARKER,
  DEMO_SECRET_MARKER,
  type DemoCase,
  type DemoDocument,
} from './registry-demo-data.js';
import { DEMO_SEED_ITEMS } from './demo-meetings-data.js';

/**
 * Every personal name in the seed protocol: the § 22 recipient, the business plan's two
 * approvers and the name in the financing appendix's letterhead e-mail address. (The seed text
 * holds §§ 19–25 and attachments, not the attendance page.) Full names and surnames are checked.
 */
const SEED_PERSON_NAMES = ['Sanna Lohilahti Bladfält', 'Carina Sammeli', 'Adam Kjellgren', 'Daniel Ahlqvist'];
const SEED_SURNAMES = ['Lohilahti', 'Bladfält', 'Sammeli', 'Kjellgren', 'Ahlqvist'];

function caseKey(c: { organisation: string; year: number; number: number }): string {
  return `${c.organisation}:${c.year}/${c.number}`;
}

function caseNumberOf(c: DemoCase): string {
  return formatCaseNumber({ year: c.year, runningNumber: c.number, classificationCode: c.code });
}

function committeeCase(paragraph: string): DemoCase | undefined {
  return DEMO_CASES.find((c) => c.organisation === DEMO_COMMITTEE_SLUG && c.paragraph === paragraph);
}

function publicFields(d: DemoDocument): string[] {
  return [d.publicDescription ?? '', d.counterpart, d.secrecyProvision ?? '', d.secrecyMarkedBy ?? ''];
}

describe('registry demo data', () => {
  test('the seed’s paragraphs carry their real case numbers, § 25 being 2022/27', () => {
    const expected: [string, string][] = [
      ['§ 19', '2022/20-2.4.0.2'],
      ['§ 20', '2022/21-1.3.2.2'],
      ['§ 21', '2022/22-2.2.0.2'],
      ['§ 22', '2022/23-1.2.1.3'],
      ['§ 23', '2022/24-2.3.4.1'],
      ['§ 24', '2022/25-1.3.1.2'],
      ['§ 25', '2022/27-2.2.0.2'],
    ];
    for (const [paragraph, number] of expected) {
      const found = committeeCase(paragraph);
      assert.ok(found, `${paragraph} has a case`);
      assert.equal(caseNumberOf(found), number, paragraph);
    }
    const host = DEMO_CASES.find((c) => c.organisation === 'lulea' && c.paragraph === '§ 227');
    assert.ok(host);
    assert.equal(caseNumberOf(host), '2022/1003-1.3.2.2');
  });

  test('the tabled business plan 2023 stays open', () => {
    assert.equal(committeeCase('§ 22')?.status, 'open');
    assert.equal(committeeCase('§ 19')?.status, 'closed');
  });

  test('every case number re-parses to the same parts', () => {
    for (const c of DEMO_CASES) {
      const parsed = parseCaseNumber(caseNumberOf(c));
      assert.deepEqual(parsed, { year: c.year, runningNumber: c.number, classificationCode: c.code });
    }
  });

  test('every case’s code is in the classification list, and codes are unique', () => {
    const codes = new Set(DEMO_CLASSIFICATION_CODES.map((c) => c.code));
    assert.equal(codes.size, DEMO_CLASSIFICATION_CODES.length);
    for (const c of DEMO_CASES) assert.ok(codes.has(c.code), `${caseNumberOf(c)} uses a listed code`);
    for (const c of DEMO_CLASSIFICATION_CODES) {
      assert.ok(c.title.length > 0 && c.retention.length > 0, c.code);
    }
  });

  test('cases and documents belong to demo organisations', () => {
    const slugs = new Set([DEMO_COMMITTEE_SLUG, ...DEMO_MUNICIPALITIES.map((m) => m.slug)]);
    for (const c of DEMO_CASES) assert.ok(slugs.has(c.organisation), c.organisation);
    for (const d of DEMO_DOCUMENTS) assert.ok(slugs.has(d.organisation), d.organisation);
  });

  test('case numbers and document ids are unique per organisation and year', () => {
    const cases = DEMO_CASES.map(caseKey);
    assert.equal(new Set(cases).size, cases.length);
    const documents = DEMO_DOCUMENTS.map(caseKey);
    assert.equal(new Set(documents).size, documents.length);
  });

  test('every document’s case exists, in the same registry', () => {
    const cases = new Set(DEMO_CASES.map(caseKey));
    for (const d of DEMO_DOCUMENTS) {
      assert.ok(cases.has(caseKey(d.case)), `${d.year}.${d.number} points at an existing case`);
      assert.equal(d.case.organisation, d.organisation);
    }
  });

  test('document ids re-parse, including the seed’s "2022.2022.9"', () => {
    for (const d of DEMO_DOCUMENTS) {
      assert.deepEqual(parseHandlingId(formatHandlingId({ year: d.year, number: d.number })), { year: d.year, number: d.number });
    }
    const economy = parseHandlingId('2022.2022.9');
    assert.ok(DEMO_DOCUMENTS.some((d) => d.organisation === DEMO_COMMITTEE_SLUG && d.year === economy.year && d.number === economy.number));
  });

  test('the seed’s beslutsunderlag are all registered', () => {
    const ids = new Set(DEMO_DOCUMENTS.map((d) => `${d.organisation}:${d.year}.${d.number}`));
    for (const id of ['2022.9', '2022.11', '2022.12', '2022.14', '2022.15', '2022.18', '2022.19', '2022.20', '2021.83']) {
      assert.ok(ids.has(`${DEMO_COMMITTEE_SLUG}:${id}`), id);
    }
    for (const id of ['2022.5128', '2022.5198']) assert.ok(ids.has(`lulea:${id}`), id);
  });

  test('documents have dates, descriptions and texts within bounds', () => {
    for (const d of DEMO_DOCUMENTS) {
      const label = `${d.year}.${d.number}`;
      assert.match(d.date, /^\d{4}-\d{2}-\d{2}$/, label);
      assert.ok(d.description.length > 0 && d.counterpart.length > 0, label);
      // The seed's attachments in full: the business plan is the longest, about 30 000 characters.
      assert.ok(d.text.length > 0 && d.text.length <= 60000, `${label} text length ${d.text.length}`);
    }
  });

  test('the economy slides carry the seed’s class "Internt konfidentiellt"', () => {
    const economy = DEMO_DOCUMENTS.find((d) => d.year === 2022 && d.number === 9);
    assert.equal(economy?.securityClass, 'Internt konfidentiellt');
  });

  test('the secret document is fully marked and its public description hides the content', () => {
    const secret = DEMO_DOCUMENTS.filter((d) => d.secrecy === 'secret');
    assert.equal(secret.length, 1);
    const [doc] = secret;
    assert.ok(doc);
    assert.equal(doc.secrecyProvision, 'OSL 18 kap. 8 §');
    assert.match(doc.secrecyMarkedAt ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok((doc.secrecyMarkedBy ?? '').length > 0);
    assert.ok((doc.publicDescription ?? '').length > 0);
    assert.ok(doc.text.includes(DEMO_SECRET_MARKER));
    for (const field of publicFields(doc)) assert.ok(!field.includes(DEMO_SECRET_MARKER), field);
  });

  test('the secret marker and the internal marker appear only in their own document’s text', () => {
    const internal = DEMO_DOCUMENTS.filter((d) => d.secrecy === 'internal');
    assert.equal(internal.length, 1);
    assert.ok(internal[0]?.text.includes(DEMO_INTERNAL_MARKER));
    for (const d of DEMO_DOCUMENTS) {
      const { text, ...rest } = d;
      const metadata = JSON.stringify(rest);
      assert.ok(!metadata.includes(DEMO_SECRET_MARKER) && !metadata.includes(DEMO_INTERNAL_MARKER), `${d.year}.${d.number}`);
      if (d.secrecy !== 'secret') assert.ok(!text.includes(DEMO_SECRET_MARKER), `${d.year}.${d.number}`);
      if (d.secrecy !== 'internal') assert.ok(!text.includes(DEMO_INTERNAL_MARKER), `${d.year}.${d.number}`);
    }
    assert.ok(!JSON.stringify(DEMO_CASES).includes(DEMO_SECRET_MARKER));
  });

  test('no real person named in the seed appears in the data', () => {
    const all = JSON.stringify([DEMO_CLASSIFICATION_CODES, DEMO_CASES, DEMO_DOCUMENTS, DEMO_SEED_ITEMS]).toLowerCase();
    for (const name of [...SEED_PERSON_NAMES, ...SEED_SURNAMES]) {
      assert.ok(!all.includes(name.toLowerCase()), `"${name}" must not appear`);
    }
  });
});
