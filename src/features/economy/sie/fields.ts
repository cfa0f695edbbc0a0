/**
 * The fields of one SIE line (SIE 4 standard, 5.7–5.8): separated by spaces or tabs; a field
 * in quotes may hold spaces and `\"` for a quote; `{ … }` is an object list.
 */

export type SieField = { readonly kind: 'text'; readonly value: string } | { readonly kind: 'list'; readonly items: readonly string[] };

/** A line that cannot be split into fields, with the reason in both languages. */
export class SieFieldError extends Error {
  constructor(readonly reason: { sv: string; en: string }) {
    super(reason.en);
  }
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\t';

/** Reads a quoted field starting after the opening quote; returns the value and the index after the closing quote. */
function readQuoted(line: string, start: number): [string, number] {
  let value = '';
  for (let i = start; i < line.length; i += 1) {
    const char = line[i];
    if (char === '\\' && line[i + 1] === '"') {
      value += '"';
      i += 1;
    } else if (char === '"') {
      return [value, i + 1];
    } else {
      value += char;
    }
  }
  throw new SieFieldError({ sv: 'ett citattecken stängs aldrig', en: 'a quotation mark is never closed' });
}

function readBare(line: string, start: number, stops: string): [string, number] {
  let i = start;
  while (i < line.length && !isSpace(line[i]) && !stops.includes(line[i] ?? '')) i += 1;
  return [line.slice(start, i), i];
}

function readList(line: string, start: number): [string[], number] {
  const items: string[] = [];
  let i = start;
  for (;;) {
    while (isSpace(line[i])) i += 1;
    if (i >= line.length) throw new SieFieldError({ sv: 'en objektlista { … } stängs aldrig', en: 'an object list { … } is never closed' });
    if (line[i] === '}') return [items, i + 1];
    let value: string;
    if (line[i] === '"') [value, i] = readQuoted(line, i + 1);
    else [value, i] = readBare(line, i, '}"');
    items.push(value);
  }
}

/** Splits one line into fields; the label (`#TRANS`) is the first. */
export function splitSieFields(line: string): SieField[] {
  const fields: SieField[] = [];
  let i = 0;
  for (;;) {
    while (isSpace(line[i])) i += 1;
    if (i >= line.length) return fields;
    if (line[i] === '"') {
      const [value, next] = readQuoted(line, i + 1);
      fields.push({ kind: 'text', value });
      i = next;
    } else if (line[i] === '{') {
      const [items, next] = readList(line, i + 1);
      fields.push({ kind: 'list', items });
      i = next;
    } else {
      const [value, next] = readBare(line, i, '');
      fields.push({ kind: 'text', value });
      i = next;
    }
  }
}
