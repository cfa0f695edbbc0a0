/**
 * The character sets SIE files come in. The SIE 4 standard says `#FORMAT PC8` (IBM code page
 * 437), but real exports also write ISO-8859-15 or UTF-8 under the same label, so the bytes decide.
 */

/** CP437 (PC8) characters for the bytes 0x80–0xFF; 0x00–0x7F are ASCII. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

export type SieEncoding = 'ascii' | 'utf-8' | 'cp437' | 'iso-8859-15';

/** Decodes CP437 bytes. */
export function decodeCp437(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : (CP437_HIGH[byte - 0x80] ?? '\ufffd');
  return text;
}

/** Encodes text as CP437 (for tests and sample files); characters outside CP437 become '?'. */
export function encodeCp437(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    const high = CP437_HIGH.indexOf(char);
    bytes.push(code < 0x80 ? code : high >= 0 ? 0x80 + high : 0x3f);
  }
  return Uint8Array.from(bytes);
}

// Swedish letters (and é, ü) at their byte positions in each character set.
const CP437_LETTERS = new Set([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82, 0x81, 0x9a, 0x90]);
const LATIN9_LETTERS = new Set([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xfc, 0xdc, 0xc9]);

/**
 * Which character set the bytes are in: valid UTF-8 with non-ASCII characters is UTF-8;
 * otherwise CP437 or ISO-8859-15, whichever turns more bytes into Swedish letters (CP437,
 * the declared PC8, when even). C1 control bytes (0x80–0x9F) count against ISO-8859-15.
 */
export function detectSieEncoding(bytes: Uint8Array): SieEncoding {
  if (bytes.every((byte) => byte < 0x80)) return 'ascii';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // not UTF-8: one of the single-byte sets
  }
  let cp437 = 0;
  let latin9 = 0;
  for (const byte of bytes) {
    if (CP437_LETTERS.has(byte)) cp437 += 1;
    if (LATIN9_LETTERS.has(byte)) latin9 += 1;
    if (byte >= 0x80 && byte <= 0x9f) latin9 -= 1;
  }
  return latin9 > cp437 ? 'iso-8859-15' : 'cp437';
}

/** The file's text in the detected character set, without a byte-order mark. */
export function decodeSie(bytes: Uint8Array): { encoding: SieEncoding; text: string } {
  const encoding = detectSieEncoding(bytes);
  const text =
    encoding === 'cp437' ? decodeCp437(bytes) : new TextDecoder(encoding === 'iso-8859-15' ? 'iso-8859-15' : 'utf-8').decode(bytes);
  return { encoding, text: text.replace(/^\ufeff/, '') };
}
