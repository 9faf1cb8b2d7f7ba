/*
 * Safe intake of an XML document before any signature processing: the size cap first, UTF-8 only, no
 * DOCTYPE (so no entity expansion and no external entities), a strict @xmldom/xmldom parse where any error or
 * warning refuses the document, a bounded depth, and the ID attribute values every XML signature verifier
 * resolves references by — refused when one repeats (ID-based signature wrapping).
 */

import type { LocalizedText } from '@lienthong/report';
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

/** Attribute local names xml-crypto resolves `#id` references by (in any namespace). */
export const ID_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(['Id', 'ID', 'id']);

export const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;

export interface IntakeLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
}

export interface ParsedXml {
  /** The document text (BOM removed) — the exact string handed to xml-crypto. */
  readonly text: string;
  readonly document: Document;
  readonly root: Element;
  /** Elements carrying each ID value (`Id`, `ID`, `id` in any namespace); every value is unique here. */
  readonly ids: ReadonlyMap<string, Element>;
}

export interface IntakeFailure {
  readonly id: string;
  readonly message: LocalizedText;
}

const ELEMENT_NODE = 1;
const TEXT_ENCODING_DECLARATION = /^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/;

const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function formatBytes(n: number): string {
  return n.toLocaleString('en-US');
}

/** Reads `input` within the limits, or says why not. Never throws for bad input. */
export function readXml(input: string | Uint8Array, limits: IntakeLimits): ParsedXml | IntakeFailure {
  // 1. Size before anything else (a UTF-16 length above the cap means at least as many UTF-8 bytes).
  const size =
    typeof input === 'string' ? (input.length > limits.maxBytes ? input.length : utf8Length(input)) : input.byteLength;
  if (size > limits.maxBytes)
    return {
      id: 'xml-size',
      message: {
        vi: `Tài liệu XML lớn ${formatBytes(size)} byte, vượt giới hạn ${formatBytes(limits.maxBytes)} byte; không xử lý.`,
        en: `The XML document is ${formatBytes(size)} bytes, over the limit of ${formatBytes(limits.maxBytes)} bytes; not processed.`,
      },
    };

  // 2. UTF-8 only.
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return {
        id: 'xml-encoding',
        message: {
          vi: 'Tài liệu XML không phải UTF-8 hợp lệ.',
          en: 'The XML document is not valid UTF-8.',
        },
      };
    }
  }
  const declared = TEXT_ENCODING_DECLARATION.exec(text)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared))
    return {
      id: 'xml-encoding',
      message: {
        vi: `Tài liệu XML khai báo mã hóa "${declared}"; chỉ chấp nhận UTF-8.`,
        en: `The XML document declares encoding "${declared}"; only UTF-8 is accepted.`,
      },
    };

  // 3. No DTD at all: no internal subset, no entities, no external fetches.
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text))
    return {
      id: 'xml-doctype',
      message: {
        vi: 'Tài liệu XML có khai báo DOCTYPE/ENTITY; bị từ chối để tránh tấn công thực thể (XXE, bom XML).',
        en: 'The XML document has a DOCTYPE/ENTITY declaration; refused to prevent entity attacks (XXE, XML bombs).',
      },
    };

  // 3b. Characters XML 1.0 forbids anywhere (C0 controls but tab, LF, CR; U+FFFE/U+FFFF): the DOM parser
  // tolerates some of them (a NUL between a tag name and an attribute), and the canonical form would not show them.
  const forbidden = FORBIDDEN_CHARACTER.exec(text);
  if (forbidden !== null) {
    const code = `U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return notWellFormed([`character ${code} at offset ${forbidden.index} is not allowed in XML`]);
  }

  // 4. A strict parse: any message of the parser refuses the document.
  const problems: string[] = [];
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        problems.push(`${level}: ${message}`);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    if (problems.length === 0) problems.push(error instanceof Error ? error.message : String(error));
    return notWellFormed(problems);
  }
  const root = document.documentElement;
  if (problems.length > 0 || root === null) return notWellFormed(problems);

  // 5. Depth and IDs, walked iteratively (the tree comes from untrusted input).
  const ids = new Map<string, Element>();
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Node; depth: number };
    if (depth > limits.maxDepth)
      return {
        id: 'xml-depth',
        message: {
          vi: `Tài liệu XML lồng sâu hơn ${limits.maxDepth} mức; không xử lý.`,
          en: `The XML document nests deeper than ${limits.maxDepth} levels; not processed.`,
        },
      };
    const element = node as Element;
    const attributes = element.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes.item(i);
      if (!attribute || !ID_ATTRIBUTE_NAMES.has(attribute.localName ?? attribute.name)) continue;
      const previous = ids.get(attribute.value);
      if (previous !== undefined)
        return {
          id: 'xml-duplicate-id',
          message: {
            vi: `Giá trị định danh "${attribute.value}" xuất hiện trên nhiều phần tử (<${previous.tagName}> và <${element.tagName}>): dấu hiệu tấn công bọc chữ ký (signature wrapping); tài liệu bị từ chối.`,
            en: `The ID value "${attribute.value}" appears on more than one element (<${previous.tagName}> and <${element.tagName}>): a signature-wrapping pattern; the document is refused.`,
          },
        };
      ids.set(attribute.value, element);
    }
    for (let child = node.lastChild; child !== null; child = child.previousSibling)
      if (child.nodeType === ELEMENT_NODE) stack.push({ node: child, depth: depth + 1 });
  }
  return { text, document, root, ids };
}

function notWellFormed(problems: readonly string[]): IntakeFailure {
  const detail = problems.slice(0, 3).join('; ') || 'no root element';
  return {
    id: 'xml-well-formed',
    message: {
      vi: `Tài liệu không phải XML hợp lệ (đúng cú pháp và không gian tên): ${detail}`,
      en: `The document is not well-formed, namespace-well-formed XML: ${detail}`,
    },
  };
}

export function isIntakeFailure(value: ParsedXml | IntakeFailure): value is IntakeFailure {
  return 'id' in value;
}

/** Element children of a node, in order. */
export function elementChildren(node: Node): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling)
    if (child.nodeType === ELEMENT_NODE) out.push(child as Element);
  return out;
}

/** Elements of the subtree (root included) matching a predicate, in document order, walked iteratively. */
export function findElements(root: Element, predicate: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (predicate(node as Element)) found.push(node as Element);
    for (let child = node.lastChild; child !== null; child = child.previousSibling)
      if (child.nodeType === ELEMENT_NODE) stack.push(child);
  }
  return found;
}
