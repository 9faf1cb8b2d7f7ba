import type { XmlPosition, XmlProblem } from './problems';

/** The namespace the `xml:` prefix is always bound to. */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
/** The namespace of `xmlns` and `xmlns:*` attributes themselves. */
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export interface XmlAttribute {
  /** Qualified name as written, e.g. `xlink:href`. */
  readonly name: string;
  /** The prefix, or `''` when the name has none. */
  readonly prefix: string;
  readonly localName: string;
  /**
   * The namespace URI. `null` for unprefixed attributes (the default namespace does not apply to
   * attributes) and for an unbound prefix (reported as `UNBOUND_PREFIX`). `xmlns` and `xmlns:*`
   * attributes are in {@link XMLNS_NAMESPACE}.
   */
  readonly namespace: string | null;
  /** The value with references replaced and whitespace normalized as XML requires. */
  readonly value: string;
}

/** A start tag as the scanner reports it; its position is that of the `<`. */
export interface XmlStartTag extends XmlPosition {
  /** Qualified name as written, e.g. `edXML:From`. */
  readonly name: string;
  /** The prefix, or `''` when the name has none. */
  readonly prefix: string;
  readonly localName: string;
  /** The namespace URI, or `null` for no namespace or an unbound prefix (reported as `UNBOUND_PREFIX`). */
  readonly namespace: string | null;
  /** Attributes in document order, namespace declarations included. */
  readonly attributes: readonly XmlAttribute[];
  /** `<x/>`: the end-element event follows at once. */
  readonly selfClosing: boolean;
}

export interface XmlDeclaration extends XmlPosition {
  readonly version: string;
  readonly encoding?: string;
  readonly standalone?: boolean;
}

/**
 * Receives what the scanner finds, in document order. Every callback is optional.
 * After a fatal problem no callback other than `onProblem` (once, for that problem) is called.
 */
export interface XmlScanHandler {
  /** The input started with U+FEFF; it is skipped and does not count in columns. */
  onByteOrderMark?(): void;
  onDeclaration?(declaration: XmlDeclaration): void;
  onStartElement?(tag: XmlStartTag): void;
  /** `endOffset` is the offset just past the `>` that closes the element. */
  onEndElement?(tag: XmlStartTag, endOffset: number): void;
  /**
   * A piece of character data of the innermost open element, references decoded, line breaks
   * normalized to LF, CDATA content included. One text node may arrive in several pieces (at chunk
   * boundaries, around comments, CDATA sections and processing instructions); all pieces between a
   * start tag and the next start or end tag belong to the same element. Text outside the root element
   * (whitespace only) is not reported.
   */
  onText?(piece: string): void;
  onComment?(text: string): void;
  onProcessingInstruction?(target: string, data: string): void;
  onProblem?(problem: XmlProblem): void;
}

export interface XmlScanOptions {
  /** Most elements open at once. Default 64. */
  readonly maxDepth?: number;
  /** Most attributes on one element, namespace declarations included. Default 256. */
  readonly maxAttributesPerElement?: number;
  /** Longest element, attribute, entity or processing-instruction name, in UTF-16 code units. Default 1,000. */
  readonly maxNameLength?: number;
  /** Longest attribute value, in UTF-16 code units of the source. Default 1 MiB (1,048,576). */
  readonly maxAttributeValueLength?: number;
  /** Longest comment, processing instruction or XML declaration, in UTF-16 code units. Default 1 MiB. */
  readonly maxMarkupLength?: number;
  /**
   * Most input accepted, counted when it is written. The byte front end counts bytes; the string
   * scanner counts UTF-16 code units. Default 512 MiB.
   */
  readonly maxInputBytes?: number;
  /**
   * Tolerate stray characters before the XML declaration or the first `<` (seen in the wild as
   * `1212<?xml ...`): report `JUNK_BEFORE_ROOT` as recoverable and skip them. Default false (fatal).
   */
  readonly allowLeadingJunk?: boolean;
  /**
   * Check that character data, CDATA sections and comments contain only characters XML allows.
   * Costs about 0.5 ns per character; a caller that validates a large text itself (for example a
   * strict base64 decoder of an attachment) may turn it off. Names and attribute values are always
   * checked. Default true.
   */
  readonly checkCharacters?: boolean;
  /**
   * Namespaces to assume for prefixes used without a declaration, e.g. `{ xlink: 'http://www.w3.org/1999/xlink' }`
   * for the SDK samples that write `xlink:href` undeclared. Each such use is still reported as
   * `UNBOUND_PREFIX` (recoverable); only the resolved namespace changes from null. Default none.
   */
  readonly fallbackNamespaces?: Readonly<Record<string, string>>;
}

export interface ResolvedXmlScanOptions {
  readonly maxDepth: number;
  readonly maxAttributesPerElement: number;
  readonly maxNameLength: number;
  readonly maxAttributeValueLength: number;
  readonly maxMarkupLength: number;
  readonly maxInputBytes: number;
  readonly allowLeadingJunk: boolean;
  readonly checkCharacters: boolean;
  readonly fallbackNamespaces: Readonly<Record<string, string>>;
}

export const DEFAULT_XML_SCAN_OPTIONS: ResolvedXmlScanOptions = Object.freeze({
  maxDepth: 64,
  maxAttributesPerElement: 256,
  maxNameLength: 1_000,
  maxAttributeValueLength: 1024 * 1024,
  maxMarkupLength: 1024 * 1024,
  maxInputBytes: 512 * 1024 * 1024,
  allowLeadingJunk: false,
  checkCharacters: true,
  fallbackNamespaces: Object.freeze(Object.create(null) as Record<string, string>),
});

export function resolveXmlScanOptions(options: XmlScanOptions = {}): ResolvedXmlScanOptions {
  return {
    maxDepth: options.maxDepth ?? DEFAULT_XML_SCAN_OPTIONS.maxDepth,
    maxAttributesPerElement: options.maxAttributesPerElement ?? DEFAULT_XML_SCAN_OPTIONS.maxAttributesPerElement,
    maxNameLength: options.maxNameLength ?? DEFAULT_XML_SCAN_OPTIONS.maxNameLength,
    maxAttributeValueLength: options.maxAttributeValueLength ?? DEFAULT_XML_SCAN_OPTIONS.maxAttributeValueLength,
    maxMarkupLength: options.maxMarkupLength ?? DEFAULT_XML_SCAN_OPTIONS.maxMarkupLength,
    maxInputBytes: options.maxInputBytes ?? DEFAULT_XML_SCAN_OPTIONS.maxInputBytes,
    allowLeadingJunk: options.allowLeadingJunk ?? DEFAULT_XML_SCAN_OPTIONS.allowLeadingJunk,
    checkCharacters: options.checkCharacters ?? DEFAULT_XML_SCAN_OPTIONS.checkCharacters,
    // A null-prototype copy, so a prefix such as `constructor` or `__proto__` finds nothing inherited.
    fallbackNamespaces: Object.assign(Object.create(null) as Record<string, string>, options.fallbackNamespaces),
  };
}
