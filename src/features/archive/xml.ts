/** A small XML writer for the e-archive packages: escaped text and attributes, two-space indentation. */

export type XmlAttributes = Record<string, string | number | undefined | null>;

/** An element: its name, attributes, and children (elements or text). */
export interface XmlElement {
  name: string;
  attributes: XmlAttributes;
  children: (XmlElement | string)[];
}

export function el(name: string, attributes: XmlAttributes = {}, ...children: (XmlElement | string | null | undefined | false | (XmlElement | string)[])[]): XmlElement {
  const flat: (XmlElement | string)[] = [];
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) flat.push(...c);
    else flat.push(c);
  }
  return { name, attributes, children: flat };
}

/** XML 1.0 cannot carry most control characters, even escaped: drop them. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

export function escapeText(text: string): string {
  return clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function write(node: XmlElement, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attributes)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
  if (node.children.length === 0) {
    out.push(`${pad}<${node.name}${attrs}/>`);
    return;
  }
  if (node.children.every((c) => typeof c === 'string')) {
    out.push(`${pad}<${node.name}${attrs}>${node.children.map((c) => escapeText(c as string)).join('')}</${node.name}>`);
    return;
  }
  out.push(`${pad}<${node.name}${attrs}>`);
  for (const child of node.children) {
    if (typeof child === 'string') out.push(`${pad}  ${escapeText(child)}`);
    else write(child, depth + 1, out);
  }
  out.push(`${pad}</${node.name}>`);
}

/** The document as UTF-8 bytes with its XML declaration. */
export function xmlDocument(root: XmlElement): Buffer {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return Buffer.from(`${out.join('\n')}\n`, 'utf8');
}
