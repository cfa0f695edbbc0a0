/**
 * Characters that XML 1.0 (§2.2 Char) does not allow, and that iCalendar (RFC 5545 §3.3.11, CONTROL)
 * and careful JSON readers refuse: C0 controls other than tab, line feed and carriage return,
 * U+FFFE/U+FFFF, and UTF-16 surrogates that are not part of a pair. A text typed into a form can
 * hold them (pasted from a PDF, or sent on purpose); one such character makes a whole Atom feed
 * unreadable, so open-data output passes through here.
 */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what is matched
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML 1.0 does not allow. */
export function stripXmlControlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Does the text hold a character that XML 1.0 does not allow? */
export function hasXmlControlChars(text: string): boolean {
  return stripXmlControlChars(text) !== text;
}

/** A `JSON.stringify` replacer that strips those characters from every string value. */
export function stripControlCharsInJson(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? stripXmlControlChars(value) : value;
}
