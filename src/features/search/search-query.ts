/**
 * Adjustments to the tsquery that PostgreSQL's `websearch_to_tsquery('swedish', …)` makes of what
 * the user typed, before it is matched. Works on the tsquery's text form; pure, no database.
 */

type Token = { kind: 'lexeme'; value: string; suffix: string } | { kind: 'op'; value: string };

const TOKEN = /'((?:[^']|'')*)'(:[*A-Da-d]+)?|<->|<\d+>|[&|!()]/g;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined) tokens.push({ kind: 'lexeme', value: m[1].replace(/''/g, "'"), suffix: m[2] ?? '' });
    else tokens.push({ kind: 'op', value: m[0] });
  }
  return tokens;
}

const quote = (lexeme: string) => `'${lexeme.replace(/'/g, "''")}'`;

function render(tokens: Token[]): string {
  return tokens.map((t) => (t.kind === 'lexeme' ? `${quote(t.value)}${t.suffix}` : t.value)).join(' ');
}

const distance = (op: string): number | undefined => (op === '<->' ? 1 : /^<(\d+)>$/.test(op) ? Number(op.slice(1, -1)) : undefined);

/**
 * A hyphenated word becomes the whole word followed by its parts as a phrase
 * (`'e-nämnd' <-> 'e' <-> 'nämnd'`); the whole word is only ever indexed together with its parts,
 * so the whole word alone finds the same rows, without reading the huge lists of the parts.
 */
function collapseCompounds(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    out.push(token);
    if (token.kind !== 'lexeme' || token.suffix || !token.value.includes('-')) continue;
    const pieces = token.value.split('-');
    const isPart = (j: number, piece: string) => {
      const op = tokens[i + 1 + 2 * j];
      const part = tokens[i + 2 + 2 * j];
      return op?.value === '<->' && part?.kind === 'lexeme' && !part.suffix && (part.value.startsWith(piece) || piece.startsWith(part.value)) && part.value !== '';
    };
    if (!pieces.every((piece, j) => isPart(j, piece))) continue;
    i += 2 * pieces.length;
    // A phrase going on after the parts now counts its distance from the whole word.
    const next = tokens[i + 1];
    const d = next?.kind === 'op' ? distance(next.value) : undefined;
    if (next && d !== undefined) tokens[i + 1] = { kind: 'op', value: `<${d + pieces.length}>` };
  }
  return out;
}

/**
 * Where the Swedish Snowball stemmer gives one word two stems, search for both:
 * - it keeps the noun suffix -ning/-ing: "redovisningen" becomes `redovisning` but "redovisar"
 *   becomes `redovis`, so a noun also finds its verb by prefix (`redovis:*`);
 * - it cuts -ad only from the bare form: "kostnad" becomes `kostn`, but "kostnaden",
 *   "kostnader" become `kostnad`;
 * - it cuts a final -s after most consonants and y from the bare form only: "Sårbarhetsanalys"
 *   becomes `sårbarhetsanaly`, but "sårbarhetsanalysen" becomes `sårbarhetsanalys`, so an
 *   inflected form also finds its base word by the stem without the -s (`sårbarhetsanaly:*`);
 * - it keeps the neuter definite -et: "beslutet" stays `beslutet`, "beslut" is `beslut`, so the
 *   definite form also finds its bare word (`beslut:*`).
 */
const VARIANTS: { pattern: RegExp; variant: (m: RegExpExecArray) => Token }[] = [
  // Snowball's s-ending letters (b c d f g h j k l m n o p r t v y); a stem of five letters or more.
  { pattern: /^(\p{L}{4,}[bcdfghjklmnoprtvy])s$/u, variant: (m) => ({ kind: 'lexeme', value: m[1] ?? '', suffix: ':*' }) },
  { pattern: /^(\p{L}{4,})et$/u, variant: (m) => ({ kind: 'lexeme', value: m[1] ?? '', suffix: ':*' }) },
  { pattern: /^(\p{L}{4,}?)n?ing$/u, variant: (m) => ({ kind: 'lexeme', value: m[1] ?? '', suffix: ':*' }) },
  { pattern: /^(\p{L}{3,}n)ad$/u, variant: (m) => ({ kind: 'lexeme', value: m[1] ?? '', suffix: '' }) },
  { pattern: /^\p{L}{2,}[^\P{L}aeiouyåäö]n$/u, variant: (m) => ({ kind: 'lexeme', value: `${m[0]}ad`, suffix: '' }) },
];

function addStemVariants(tokens: Token[]): Token[] {
  const negated = negations(tokens);
  return tokens.flatMap((t, i): Token[] => {
    // An excluded word stays whole: excluding it must not exclude its relatives.
    if (t.kind !== 'lexeme' || t.suffix || t.value.includes('-') || negated[i]) return [t];
    for (const rule of VARIANTS) {
      const m = rule.pattern.exec(t.value);
      if (!m) continue;
      const variant = rule.variant(m);
      // The word itself becomes a prefix too (addPrefixes): a prefix variant it begins with finds it already.
      if (variant.kind === 'lexeme' && variant.suffix === ':*' && t.value.startsWith(variant.value)) return [variant];
      return [{ kind: 'op', value: '(' }, t, { kind: 'op', value: '|' }, variant, { kind: 'op', value: ')' }];
    }
    return [t];
  });
}

/** For each token: whether it follows a `!`, or stands in a group that does. */
function negations(tokens: Token[]): boolean[] {
  const groups: boolean[] = [];
  return tokens.map((t, i) => {
    const before = tokens[i - 1];
    const negated = (before?.kind === 'op' && before.value === '!') || groups.at(-1) === true;
    if (t.kind === 'op' && t.value === '(') groups.push(negated);
    else if (t.kind === 'op' && t.value === ')') groups.pop();
    return negated;
  });
}

/** `'status' & 'status'`: the same term twice at the top of a plain AND is kept once. */
function dropRepeatedTerms(text: string): string {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === "'") i = skipQuoted(text, i);
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (depth === 0 && c === '|') return text;
    else if (depth === 0 && c === '&') {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return [...new Set(parts)].join(' & ');
}

function skipQuoted(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length) {
    if (text[i] === "'" && text[i + 1] === "'") i += 2;
    else if (text[i] === "'") return i;
    else i += 1;
  }
  return i;
}

/** Stems shorter than this stay whole words: a prefix of one or two letters matches nearly everything. */
export const MIN_PREFIX = 3;

/**
 * Every word also finds the words it begins ("sårbarhet" → `'sårbar':*` finds "Sårbarhetsanalys");
 * a word after `!` (`-word`) stays whole, so that excluding a word does not exclude its compounds.
 */
function addPrefixes(tokens: Token[]): Token[] {
  const negated = negations(tokens);
  return tokens.map((t, i) => (t.kind === 'op' || t.suffix || negated[i] || [...t.value].length < MIN_PREFIX ? t : { ...t, suffix: ':*' }));
}

/** The tsquery text to search with; empty when the words were all stop words. */
export function refineTsquery(tsqueryText: string): string {
  const tokens = tokenize(tsqueryText);
  if (tokens.length === 0) return '';
  return dropRepeatedTerms(render(addPrefixes(addStemVariants(collapseCompounds(tokens)))));
}
