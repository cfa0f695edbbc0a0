/**
 * A deterministic corpus of Swedish protocol paragraphs for the search benchmark. The words come
 * from the seed protocol (read at runtime); sentences are runs of consecutive words from it, so
 * that word frequencies and local phrasing look like a real protocol. Same seed, same corpus.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SEED_PROTOCOL = path.resolve(import.meta.dirname, '../../shared/seed/protokoll-e-namnden-2022-12-14.txt');

/** Bumped whenever the generated text changes, so that a kept database is filled again. */
export const CORPUS_VERSION = 'kansli-bench-corpus v1';

/** Raw SQL on either database: `$1`-style parameters, rows back. */
export interface RawDb {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

/** mulberry32: a small seeded PRNG, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The words of the seed protocol in reading order (line-break hyphens joined). */
export function readSeedWords(file = SEED_PROTOCOL): string[] {
  const text = readFileSync(file, 'utf8').replace(/-\s*\n\s*/g, '');
  return text.match(/[A-Za-zÅÄÖåäöÉé]+(?:-[A-Za-zÅÄÖåäö]+)*/g) ?? [];
}

const CODES = ['2.4.0.2', '1.3.2.2', '2.2.0.2', '1.2.1.3', '1.3.1.2', '2.3.4.1'];
const ORGANISATION_ID = '00000000-0000-4000-8000-00000000b001';
const BODY_IDS = ['00000000-0000-4000-8000-00000000b101', '00000000-0000-4000-8000-00000000b102'];

export interface CorpusRow {
  refId: string;
  year: number;
  classificationCode: string;
  bodyId: string;
  reference: string;
  title: string;
  content: string;
}

const int = (rng: () => number, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

function run(rng: () => number, words: readonly string[], length: number): string[] {
  const start = int(rng, 0, Math.max(0, words.length - length));
  return words.slice(start, start + length);
}

function sentence(rng: () => number, words: readonly string[]): string {
  const parts = [...run(rng, words, int(rng, 3, 10)), ...(rng() < 0.5 ? run(rng, words, int(rng, 2, 8)) : [])];
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Paragraph number `index` of the corpus: a title and 40–120 words of decisions and summary. */
export function generateParagraph(index: number, words: readonly string[], seed = 20221214): CorpusRow {
  const rng = seededRandom(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const year = int(rng, 2015, 2026);
  const sentences: string[] = [];
  let count = 0;
  const target = int(rng, 40, 120);
  while (count < target) {
    const s = sentence(rng, words);
    sentences.push(s);
    count += s.split(' ').length;
  }
  const title = run(rng, words, int(rng, 3, 7)).join(' ');
  return {
    refId: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
    year,
    classificationCode: CODES[index % CODES.length] ?? '2.4.0.2',
    bodyId: BODY_IDS[index % BODY_IDS.length] ?? '',
    reference: `${year} § ${(index % 240) + 1}`,
    title: `${title.charAt(0).toUpperCase()}${title.slice(1)}`,
    content: sentences.join(' '),
  };
}

const INSERT = `
  insert into search_entries (kind, ref_id, organisation_id, year, classification_code, body_id, visibility, reference, title, content, url)
  select 'paragraph', r, '${ORGANISATION_ID}', y, c, b, 'public', f, t, x, '/protokoll/paragraf/' || r
  from unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[]) as u(r, y, c, b, f, t, x)`;

/** Insert rows [from, to) in batches; the caller decides how many loaders run at once. */
export async function insertParagraphs(db: RawDb, options: { from: number; to: number; batchSize: number; words: readonly string[]; onBatch?: (done: number) => void }): Promise<void> {
  for (let start = options.from; start < options.to; start += options.batchSize) {
    const rows = Array.from({ length: Math.min(options.batchSize, options.to - start) }, (_, i) => generateParagraph(start + i, options.words));
    await db.query(INSERT, [
      rows.map((r) => r.refId),
      rows.map((r) => r.year),
      rows.map((r) => r.classificationCode),
      rows.map((r) => r.bodyId),
      rows.map((r) => r.reference),
      rows.map((r) => r.title),
      rows.map((r) => r.content),
    ]);
    options.onBatch?.(rows.length);
  }
}

/** The most frequent seed words that the Swedish configuration does not drop as stop words. */
export async function commonWords(db: RawDb, words: readonly string[], count: number): Promise<string[]> {
  const frequency = new Map<string, number>();
  for (const w of words) if (w.length > 2) frequency.set(w.toLowerCase(), (frequency.get(w.toLowerCase()) ?? 0) + 1);
  const candidates = [...frequency].sort((a, b) => b[1] - a[1]).slice(0, count * 3).map(([w]) => w);
  const kept = await db.query<{ w: string }>(`select w from unnest($1::text[]) with ordinality as u(w, n) where to_tsvector('swedish', w) <> ''::tsvector order by n`, [candidates]);
  return kept.map((r) => r.w).slice(0, count);
}

/** `count` queries of one to three common words, the same every run. */
export function benchQueries(common: readonly string[], count: number, seed = 42): string[] {
  const rng = seededRandom(seed);
  return Array.from({ length: count }, () => Array.from({ length: int(rng, 1, 3) }, () => common[Math.floor(rng() * common.length)] ?? 'budget').join(' '));
}
