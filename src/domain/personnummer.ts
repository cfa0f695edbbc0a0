/**
 * Swedish personal identity numbers (personnummer, folkbokföringslagen 1991:481 18 §) and
 * co-ordination numbers (samordningsnummer, day + 60): YYMMDD-NNNC or YYYYMMDDNNNC, the last
 * digit a Luhn check digit over the ten digits YYMMDDNNN.
 */

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A candidate: six digits (eight with the century), a separator or none, four digits; standing
 * alone — no letter or digit next to it, and not the last group of a UUID (`…-1a2b-191212121212`).
 * Ids, links and checksums are no numbers a person reads: ten digits in a row turn up in about one
 * SHA-256 in three, and one in a hundred and thirty of those has a valid date and check digit.
 */
const STANDALONE = /(?<![0-9A-Za-z])(?<![0-9A-Fa-f]{4}-)((?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?)(\d{3})(\d)(?![0-9A-Za-z])/g;

/** Every personal identity or co-ordination number in a text (valid date part and check digit). */
export function findPersonalIdentityNumbers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(STANDALONE)) {
    const [whole, , yy = '', mm = '', dd = '', serial = '', check = ''] = m;
    const month = Number(mm);
    const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    if (luhnValid(`${yy}${mm}${dd}${serial}${check}`)) found.push(whole);
  }
  return found;
}

/** A cheap first look: without ten digits in a row (or six and four), there is nothing to mask. */
const PREFILTER = /\d{6}[-+ ]?\d{4}/;

/**
 * The text with the last four digits of every valid personal identity or co-ordination number
 * replaced by `XXXX` (GDPR art. 87, lag 2018:218 3:10: shown only when clearly justified). In JSON, a
 * bare number value (after `:`, `,` or `[`) is left alone, since masking it would break the JSON.
 */
export function maskPersonalIdentityNumbers(text: string, options: { json?: boolean } = {}): string {
  if (!PREFILTER.test(text)) return text;
  return text.replace(STANDALONE, (whole: string, datePart: string, yy: string, mm: string, dd: string, serial: string, check: string, offset: number) => {
    const month = Number(mm);
    const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
    if (month < 1 || month > 12 || day < 1 || day > 31) return whole;
    if (!luhnValid(`${yy}${mm}${dd}${serial}${check}`)) return whole;
    if (options.json && /[:,[]\s*$/.test(text.slice(Math.max(0, offset - 8), offset))) return whole;
    return `${datePart}XXXX`;
  });
}

/**
 * The 12-digit form (YYYYMMDDNNNC) of a personal identity or co-ordination number given with its
 * century, as Swedish e-ID asserts it; null when it is not one (wrong date part or check digit).
 */
export function normalisePersonalIdentityNumber(text: string): string | null {
  const m = /^\s*((?:19|20)\d{2})(\d{2})(\d{2})-?(\d{3})(\d)\s*$/.exec(text);
  if (!m) return null;
  const [, yyyy = '', mm = '', dd = '', serial = '', check = ''] = m;
  const digits = `${yyyy}${mm}${dd}${serial}${check}`;
  return findPersonalIdentityNumbers(digits).length === 1 ? digits : null;
}
