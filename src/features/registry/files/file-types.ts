import { unzipSync } from 'fflate';
import { DomainError } from '../../../platform/errors.js';

/** The kinds of file the registry accepts as attachments. */
export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'odt' | 'png' | 'jpeg' | 'text';

export interface DetectedType {
  readonly kind: FileKind;
  readonly mimeType: string;
}

export const MIME_TYPES: Readonly<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpeg: 'image/jpeg',
  text: 'text/plain; charset=utf-8',
};

const KIND_BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  odt: 'odt',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  txt: 'text',
};

/** For an `<input type="file" accept>` attribute. */
export const ACCEPTED_EXTENSIONS: readonly string[] = Object.keys(KIND_BY_EXTENSION).map((ext) => `.${ext}`);

const KIND_NAMES: Readonly<Record<FileKind, { sv: string; en: string }>> = {
  pdf: { sv: 'PDF', en: 'PDF' },
  docx: { sv: 'Word (DOCX)', en: 'Word (DOCX)' },
  xlsx: { sv: 'Excel (XLSX)', en: 'Excel (XLSX)' },
  odt: { sv: 'OpenDocument-text (ODT)', en: 'OpenDocument text (ODT)' },
  png: { sv: 'PNG', en: 'PNG' },
  jpeg: { sv: 'JPEG', en: 'JPEG' },
  text: { sv: 'vanlig text', en: 'plain text' },
};

const ALLOWED_SV = 'Tillåtna är PDF, Word (DOCX), Excel (XLSX), OpenDocument-text (ODT), PNG, JPEG och vanlig text (.txt).';
const ALLOWED_EN =
  'Allowed types are PDF, Word (DOCX), Excel (XLSX), OpenDocument text (ODT), PNG, JPEG and plain text (.txt).';

const ODT_MIMETYPE = MIME_TYPES.odt;
const encoder = new TextEncoder();

/**
 * Decides what an uploaded file is from both its name and its first bytes, and refuses
 * anything that is not an allowed type or whose content does not match its extension.
 * @throws DomainError INVALID_INPUT with a message naming the allowed types.
 */
export function detectFileType(options: { filename: string; bytes: Uint8Array }): DetectedType {
  const { filename, bytes } = options;
  const name = baseName(filename);
  if (bytes.length === 0) {
    throw invalid(`empty file "${name}"`, `Filen ”${name}” är tom. Välj en fil med innehåll.`, `The file "${name}" is empty. Choose a file with content.`);
  }
  const extension = extensionOf(name);
  const expected = KIND_BY_EXTENSION[extension];
  if (expected === undefined) {
    throw invalid(
      `unsupported extension "${extension}" in "${name}"`,
      `Filtypen för ”${name}” stöds inte. ${ALLOWED_SV}`,
      `The file type of "${name}" is not supported. ${ALLOWED_EN}`,
    );
  }
  const actual = sniffKind(bytes);
  if (expected === 'text' && actual === undefined) {
    assertPlainText(name, bytes);
    return { kind: 'text', mimeType: MIME_TYPES.text };
  }
  if (actual !== expected) {
    throw mismatch(name, extension, expected, actual);
  }
  return { kind: actual, mimeType: MIME_TYPES[actual] };
}



/** What the content says the file is, or undefined when it is none of the binary kinds. */
function sniffKind(bytes: Uint8Array): FileKind | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  return undefined;
}

/** An Office or OpenDocument file is a zip; which one depends on the parts inside. */
function sniffZip(bytes: Uint8Array): FileKind | undefined {
  if (hasOdtMimetypeFirst(bytes)) return 'odt';
  const names = listZipEntries(bytes);
  if (names === undefined || !names.includes('[Content_Types].xml')) return undefined;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return undefined;
}

/** ODF 1.2 part 3, 3.3: the first entry is `mimetype`, stored uncompressed. */
function hasOdtMimetypeFirst(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 30) return false;
  const method = view.getUint16(8, true);
  const storedSize = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const nameStart = 30;
  const dataStart = nameStart + nameLength + extraLength;
  if (method !== 0 || dataStart + storedSize > bytes.length) return false;
  const entryName = new TextDecoder().decode(bytes.subarray(nameStart, nameStart + nameLength));
  const content = bytes.subarray(dataStart, dataStart + storedSize);
  return entryName === 'mimetype' && equalBytes(content, encoder.encode(ODT_MIMETYPE));
}

/** Entry names from the central directory, without decompressing anything. */
function listZipEntries(bytes: Uint8Array): string[] | undefined {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return names;
}

function assertPlainText(name: string, bytes: Uint8Array): void {
  let valid = !bytes.includes(0);
  if (valid) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      valid = false;
    }
  }
  if (!valid) {
    throw invalid(
      `"${name}" is not UTF-8 text`,
      `Filen ”${name}” är inte vanlig text i UTF-8. Spara den som UTF-8-text och försök igen. ${ALLOWED_SV}`,
      `The file "${name}" is not plain UTF-8 text. Save it as UTF-8 text and try again. ${ALLOWED_EN}`,
    );
  }
}

function mismatch(name: string, extension: string, expected: FileKind, actual: FileKind | undefined): DomainError {
  const wanted = KIND_NAMES[expected];
  const found = actual === undefined ? undefined : KIND_NAMES[actual];
  const foundSv = found === undefined ? '' : ` (det ser ut att vara ${found.sv})`;
  const foundEn = found === undefined ? '' : ` (it looks like ${found.en})`;
  return invalid(
    `"${name}" has extension .${extension} but its content is ${actual ?? 'unrecognised'}`,
    `Filen ”${name}” har filändelsen .${extension} men innehållet är inte ${wanted.sv}${foundSv}. Kontrollera att filen inte är skadad eller felaktigt namngiven. ${ALLOWED_SV}`,
    `The file "${name}" has the extension .${extension} but its content is not ${wanted.en}${foundEn}. Check that the file is not damaged or misnamed. ${ALLOWED_EN}`,
  );
}

function invalid(message: string, sv: string, en: string): DomainError {
  return new DomainError('INVALID_INPUT', { message, userMessage: { sv, en } });
}

/** Browsers may send a full path ("C:\fakepath\x.pdf"); only the last part is the name. */
function baseName(filename: string): string {
  return filename.split(/[\\/]/).pop()?.trim() ?? '';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
