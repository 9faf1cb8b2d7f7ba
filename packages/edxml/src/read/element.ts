/**
 * The shape of an XML element the reader walks. The XML layer (`../xml`) produces it; tests can build it by hand.
 */
export interface ReadableAttribute {
  readonly name: string;
  readonly prefix: string;
  readonly localName: string;
  readonly namespace: string | null;
  readonly value: string;
}

export interface ReadableElement {
  readonly name: string;
  readonly prefix: string;
  readonly localName: string;
  readonly namespace: string | null;
  readonly attributes: readonly ReadableAttribute[];
  readonly children: readonly ReadableElement[];
  /** Direct text content, CDATA included, comments excluded. */
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Prefixes whose meaning is not in doubt. Real traffic uses `edXML:` and `xlink:` without declaring them (an SDK
 * sample declares `edXML` only on the envelope, then uses it on AttachmentEncoded); the XML layer reports the
 * missing declaration, and tolerant reading takes the prefix for what every SDK means by it.
 */
const WELL_KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  edXML: 'http://www.mic.gov.vn/TBT/QCVN_102_2016',
  xlink: 'http://www.w3.org/1999/xlink',
};

/** The namespace of an element or attribute, with an undeclared well-known prefix resolved. */
export function namespaceOf(node: { readonly namespace: string | null; readonly prefix: string }): string | null {
  return node.namespace ?? (node.prefix === '' ? null : (WELL_KNOWN_PREFIXES[node.prefix] ?? null));
}
