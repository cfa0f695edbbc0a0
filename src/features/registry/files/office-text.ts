/**
 * Plain text from the XML parts of Office Open XML (DOCX, XLSX) and OpenDocument (ODT) files,
 * for search. A small tokenizer is enough: we read text and a few layout elements, nothing more.
 */

type XmlEvent =
  | { readonly type: 'open'; readonly name: string; readonly attrs: string; readonly selfClosing: boolean }
  | { readonly type: 'close'; readonly name: string }
  | { readonly type: 'text'; readonly text: string };

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;

/** Element names without their namespace prefix: Word writes `w:p`, OpenDocument `text:p`. */
function* readXml(xml: string): Generator<XmlEvent> {
  for (const match of xml.matchAll(TOKEN)) {
    const [, cdata, slash, name, attrs, selfClose, text] = match;
    if (cdata !== undefined) yield { type: 'text', text: cdata };
    else if (text !== undefined) yield { type: 'text', text: decodeXmlEntities(text) };
    else if (name !== undefined) {
      const local = name.slice(name.indexOf(':') + 1);
      if (slash === '/') yield { type: 'close', name: local };
      else yield { type: 'open', name: local, attrs: attrs ?? '', selfClosing: selfClose === '/' };
    }
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, entity: string) => {
    if (!entity.startsWith('#')) return NAMED_ENTITIES[entity] ?? whole;
    const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Collects paragraphs as lines; the caller says which element is a paragraph and which holds text. */
class LineCollector {
  private readonly lines: string[] = [];
  private line = '';

  add(text: string): void {
    this.line += text;
  }

  endLine(): void {
    this.lines.push(this.line);
    this.line = '';
  }

  toText(): string {
    if (this.line !== '') this.endLine();
    return this.lines.join('\n');
  }
}

/** word/document.xml: each `w:p` is a line, text lives in `w:t`, tabs and breaks in runs. */
export function textFromDocxXml(xml: string): string {
  const out = new LineCollector();
  let inText = false;
  let runDepth = 0; // `w:tab` outside a run is a tab stop definition, not a tab.
  for (const event of readXml(xml)) {
    if (event.type === 'text') {
      if (inText) out.add(event.text);
    } else if (event.type === 'open') {
      if (event.name === 't') inText = !event.selfClosing;
      else if (event.name === 'r' && !event.selfClosing) runDepth += 1;
      else if (event.name === 'tab' && runDepth > 0) out.add('\t');
      else if ((event.name === 'br' || event.name === 'cr') && runDepth > 0) out.endLine();
      else if (event.name === 'p' && event.selfClosing) out.endLine();
    } else if (event.name === 't') inText = false;
    else if (event.name === 'r') runDepth = Math.max(0, runDepth - 1);
    else if (event.name === 'p') out.endLine();
  }
  return out.toText();
}

/**
 * The strings of a spreadsheet part, one per line: each `si` of xl/sharedStrings.xml, or each
 * inline string `is` of a worksheet. Phonetic runs (`rPh`) repeat the text and are skipped.
 */
export function textFromXlsxStrings(xml: string): string {
  const out = new LineCollector();
  let inString = false;
  let inText = false;
  let phoneticDepth = 0;
  for (const event of readXml(xml)) {
    if (event.type === 'text') {
      if (inString && inText && phoneticDepth === 0) out.add(event.text);
    } else if (event.type === 'open' && !event.selfClosing) {
      if (event.name === 'si' || event.name === 'is') inString = true;
      else if (event.name === 't') inText = true;
      else if (event.name === 'rPh') phoneticDepth += 1;
    } else if (event.type === 'close') {
      if (event.name === 't') inText = false;
      else if (event.name === 'rPh') phoneticDepth = Math.max(0, phoneticDepth - 1);
      else if ((event.name === 'si' || event.name === 'is') && inString) {
        inString = false;
        out.endLine();
      }
    }
  }
  return out.toText();
}

/** content.xml: `text:p` and `text:h` are lines; ODF 1.2 §6.1.2 collapses white space. */
export function textFromOdtXml(xml: string): string {
  const out = new LineCollector();
  let paragraphDepth = 0;
  for (const event of readXml(xml)) {
    if (event.type === 'text') {
      if (paragraphDepth > 0) out.add(event.text.replace(/[ \t\r\n]+/g, ' '));
    } else if (event.type === 'open') {
      if (event.name === 'p' || event.name === 'h') {
        if (event.selfClosing) out.endLine();
        else paragraphDepth += 1;
      } else if (paragraphDepth === 0) continue;
      else if (event.name === 'tab') out.add('\t');
      else if (event.name === 'line-break') out.endLine();
      else if (event.name === 's') out.add(' '.repeat(spaceCount(event.attrs)));
    } else if ((event.name === 'p' || event.name === 'h') && paragraphDepth > 0) {
      paragraphDepth -= 1;
      out.endLine();
    }
  }
  return out.toText();
}

/** `<text:s text:c="3"/>` stands for three spaces. */
function spaceCount(attrs: string): number {
  const count = /\bc\s*=\s*["'](\d{1,4})["']/.exec(attrs)?.[1];
  return count === undefined ? 1 : Math.max(1, parseInt(count, 10));
}
