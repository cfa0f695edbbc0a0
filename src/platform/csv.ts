/**
 * CSV as Excel and LibreOffice save it (comma or semicolon): the one line splitter used by every
 * import (classification scheme, document management plan, outcome).
 */

/**
 * Splits one CSV line on the separator. A field that starts with a double quote may hold the
 * separator, and "" inside it stands for one quote (RFC 4180); a quote later in a field is just a
 * character. Fields are trimmed.
 */
export function splitCsvLine(line: string, separator: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] ?? '';
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === separator) {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}
