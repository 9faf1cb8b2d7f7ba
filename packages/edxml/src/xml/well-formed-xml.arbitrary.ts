/**
 * Test support (not exported by the package): a fast-check arbitrary of well-formed, namespace-
 * well-formed documents, each with the tree a correct parser must produce and the position of every
 * start tag. The documents mix what makes scanning hard: Vietnamese and astral characters, references,
 * CDATA sections, comments, processing instructions, CR LF and lone CR line ends, prefix rebinding and
 * default-namespace undeclaring.
 */
import fc from 'fast-check';
import { XMLNS_NAMESPACE } from './types';

/** What the parser must report for one element (a projection of `XmlElement`). */
export interface ExpectedElement {
  readonly name: string;
  readonly namespace: string | null;
  readonly attributes: readonly { readonly name: string; readonly namespace: string | null; readonly value: string }[];
  readonly text: string;
  readonly children: readonly ExpectedElement[];
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface GeneratedDocument {
  readonly xml: string;
  readonly root: ExpectedElement;
}

const PREFIXES = ['edXML', 'ds', 'p'] as const;
const NAMESPACES = [
  'http://www.mic.gov.vn/TBT/QCVN_102_2016',
  'http://www.w3.org/2000/09/xmldsig#',
  'urn:lienthong:thử-nghiệm',
] as const;
const LOCAL_NAMES = ['a', 'edXML', 'OrganId', 'Tên', 'đơn-vị', 'x.y', '_z', 'A1', 'ContentTransferEncoded'] as const;
const ATTRIBUTE_NAMES = ['id', 'href', 'Algorithm', 'kiểu', 'v.1'] as const;

/** Characters for text and attribute values; each is a whole code point. */
const CHARACTERS = [
  'a',
  'Z',
  '0',
  ' ',
  'ă',
  'ư',
  'Đ',
  'ệ',
  '\u0301',
  '😀',
  '𝔘',
  '&',
  '<',
  '>',
  '"',
  "'",
  ']',
  '-',
  '?',
  '\t',
  '\u00a0',
  '€',
  '\ufffd',
  '=',
  '/',
  ';',
  '#',
] as const;

type Segment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'characterReference'; readonly text: string; readonly hexadecimal: boolean }
  | { readonly kind: 'lineBreak'; readonly raw: '\n' | '\r\n' | '\r' }
  | { readonly kind: 'cdata'; readonly text: string }
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'processingInstruction'; readonly data: string };

interface GeneratedAttribute {
  readonly prefixIndex: number | null;
  readonly localName: string;
  readonly value: readonly Segment[];
  readonly doubleQuoted: boolean;
}

interface GeneratedElement {
  readonly prefixIndex: number | null;
  readonly localName: string;
  /** Indexes into PREFIXES to (re)declare here, with the namespace variant to bind. */
  readonly declarations: readonly { readonly prefixIndex: number; readonly variant: number }[];
  /** Declare (a variant of) the default namespace here, or undeclare it with `xmlns=""` (-1). */
  readonly defaultNamespace: number | null;
  readonly attributes: readonly GeneratedAttribute[];
  readonly content: readonly (Segment | GeneratedElement)[];
  readonly selfClosing: boolean;
}

const text = fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 6 }).map((chars) => chars.join(''));

const segment: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 6, arbitrary: text.map((value) => ({ kind: 'literal' as const, text: value })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ text: fc.constantFrom(...CHARACTERS, '\r', '\n'), hexadecimal: fc.boolean() })
      .map((reference) => ({ kind: 'characterReference' as const, ...reference })),
  },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\r').map((raw) => ({ kind: 'lineBreak' as const, raw })) },
  {
    weight: 1,
    arbitrary: text
      // Without '>' the content cannot contain ']]>'.
      .map((value) => value.replaceAll('>', '}'))
      .map((value) => ({ kind: 'cdata' as const, text: value })),
  },
  {
    weight: 1,
    arbitrary: text
      .map((value) => value.replaceAll('-', '_'))
      .map((value) => ({ kind: 'comment' as const, text: value })),
  },
  {
    weight: 1,
    arbitrary: text
      .map((value) => value.replaceAll('?', '_'))
      .map((data) => ({ kind: 'processingInstruction' as const, data })),
  },
);

const attributeValue = fc.array(
  segment.filter(
    (piece) => piece.kind === 'literal' || piece.kind === 'characterReference' || piece.kind === 'lineBreak',
  ),
  { maxLength: 4 },
);

const attribute: fc.Arbitrary<GeneratedAttribute> = fc.record({
  prefixIndex: fc.option(fc.integer({ min: 0, max: PREFIXES.length - 1 }), { nil: null }),
  localName: fc.constantFrom(...ATTRIBUTE_NAMES),
  value: attributeValue,
  doubleQuoted: fc.boolean(),
});

const { element } = fc.letrec<{ element: GeneratedElement }>((tie) => ({
  element: fc.record({
    prefixIndex: fc.option(fc.integer({ min: 0, max: PREFIXES.length - 1 }), { nil: null }),
    localName: fc.constantFrom(...LOCAL_NAMES),
    declarations: fc.array(
      fc.record({
        prefixIndex: fc.integer({ min: 0, max: PREFIXES.length - 1 }),
        variant: fc.integer({ min: 0, max: 1 }),
      }),
      { maxLength: 2 },
    ),
    defaultNamespace: fc.option(fc.integer({ min: -1, max: 1 }), { nil: null }),
    attributes: fc.array(attribute, { maxLength: 3 }),
    content: fc.array(fc.oneof({ weight: 3, arbitrary: segment }, { weight: 2, arbitrary: tie('element') }), {
      maxLength: 4,
      depthIdentifier: 'content',
    }),
    selfClosing: fc.boolean(),
  }),
}));

function namespaceFor(index: number, variant: number): string {
  return variant === 0 ? NAMESPACES[index]! : `${NAMESPACES[index]}/v${variant + 1}`;
}

function escapeText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function characterReference(character: string, hexadecimal: boolean): string {
  const codePoint = character.codePointAt(0)!;
  return hexadecimal ? `&#x${codePoint.toString(16)};` : `&#${codePoint};`;
}

interface Position {
  line: number;
  column: number;
}

/** Serializes while tracking line and column exactly as the parser counts them. */
class Writer {
  xml = '';
  private line = 1;
  private lineStart = 0;
  private lastWasCarriageReturn = false;

  write(piece: string): void {
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      const offset = this.xml.length + i;
      if (c === 0x0a) {
        if (!this.lastWasCarriageReturn) this.line++;
        this.lineStart = offset + 1;
      } else if (c === 0x0d) {
        this.line++;
        this.lineStart = offset + 1;
      }
      this.lastWasCarriageReturn = c === 0x0d;
    }
    this.xml += piece;
  }

  position(): Position {
    return { line: this.line, column: this.xml.length - this.lineStart + 1 };
  }
}

function serializeSegments(writer: Writer, segments: readonly Segment[], inAttribute: string | null): string {
  let expected = '';
  for (const piece of segments) {
    switch (piece.kind) {
      case 'literal': {
        let escaped = escapeText(piece.text);
        if (inAttribute !== null) escaped = escaped.replaceAll(inAttribute, inAttribute === '"' ? '&quot;' : '&apos;');
        writer.write(escaped);
        expected += inAttribute === null ? piece.text : piece.text.replaceAll('\t', ' ');
        break;
      }
      case 'characterReference':
        writer.write(characterReference(piece.text, piece.hexadecimal));
        expected += piece.text;
        break;
      case 'lineBreak': {
        // A raw CR then a raw LF (from two segments) make one CR LF line break.
        const joinsCarriageReturn = piece.raw === '\n' && writer.xml.endsWith('\r');
        writer.write(piece.raw);
        if (!joinsCarriageReturn) expected += inAttribute === null ? '\n' : ' ';
        break;
      }
      case 'cdata':
        writer.write(`<![CDATA[${piece.text}]]>`);
        expected += piece.text;
        break;
      case 'comment':
        writer.write(`<!--${piece.text}-->`);
        break;
      case 'processingInstruction':
        writer.write(`<?pi ${piece.data}?>`);
        break;
    }
  }
  return expected;
}

function serializeDocument(root: GeneratedElement, prolog: string, epilog: string): GeneratedDocument {
  const writer = new Writer();
  writer.write(prolog);
  // Every prefix is bound on the root, so generated names never use an unbound prefix.
  const rootWithBindings: GeneratedElement = {
    ...root,
    declarations: PREFIXES.map((_, prefixIndex) => ({ prefixIndex, variant: 0 })),
  };
  const expectedRoot = serializeElement(writer, rootWithBindings, new Map<string, string>());
  writer.write(epilog);
  return { xml: writer.xml, root: expectedRoot };
}

function serializeElement(
  writer: Writer,
  generated: GeneratedElement,
  inherited: Map<string, string>,
): ExpectedElement {
  const scope = new Map(inherited);
  const prefix = generated.prefixIndex === null ? '' : PREFIXES[generated.prefixIndex]!;
  const name = prefix === '' ? generated.localName : `${prefix}:${generated.localName}`;
  const position = writer.position();
  const offset = writer.xml.length;
  writer.write(`<${name}`);

  const attributes: { name: string; namespace: string | null; value: string }[] = [];
  const seen = new Set<string>();
  const declaredHere = new Set<string>();
  for (const declaration of generated.declarations) {
    const declaredPrefix = PREFIXES[declaration.prefixIndex]!;
    if (declaredHere.has(declaredPrefix)) continue;
    declaredHere.add(declaredPrefix);
    // Variants keep every prefix on its own namespace, so no two attributes share an expanded name.
    const uri = namespaceFor(declaration.prefixIndex, declaration.variant);
    scope.set(declaredPrefix, uri);
    writer.write(` xmlns:${declaredPrefix}="${uri}"`);
    attributes.push({ name: `xmlns:${declaredPrefix}`, namespace: XMLNS_NAMESPACE, value: uri });
    seen.add(`xmlns:${declaredPrefix}`);
  }
  if (generated.defaultNamespace !== null) {
    const uri = generated.defaultNamespace === -1 ? '' : namespaceFor(0, generated.defaultNamespace);
    scope.set('', uri);
    writer.write(` xmlns="${uri}"`);
    attributes.push({ name: 'xmlns', namespace: XMLNS_NAMESPACE, value: uri });
  }
  for (const generatedAttribute of generated.attributes) {
    const attributePrefix = generatedAttribute.prefixIndex === null ? '' : PREFIXES[generatedAttribute.prefixIndex]!;
    const attributeName =
      attributePrefix === '' ? generatedAttribute.localName : `${attributePrefix}:${generatedAttribute.localName}`;
    if (seen.has(attributeName)) continue;
    seen.add(attributeName);
    const quote = generatedAttribute.doubleQuoted ? '"' : "'";
    writer.write(` ${attributeName}=${quote}`);
    const value = serializeSegments(writer, generatedAttribute.value, quote);
    writer.write(quote);
    attributes.push({
      name: attributeName,
      namespace: attributePrefix === '' ? null : (scope.get(attributePrefix) ?? null),
      value,
    });
  }
  const defaultNamespace = scope.get('');
  const namespace =
    prefix === ''
      ? defaultNamespace === undefined || defaultNamespace === ''
        ? null
        : defaultNamespace
      : scope.get(prefix)!;

  const children: ExpectedElement[] = [];
  let expectedText = '';
  if (generated.content.length === 0 && generated.selfClosing) {
    writer.write('/>');
  } else {
    writer.write('>');
    for (const item of generated.content) {
      if ('localName' in item) children.push(serializeElement(writer, item, scope));
      else expectedText += serializeSegments(writer, [item], null);
    }
    writer.write(`</${name}>`);
  }
  return { name, namespace, attributes, text: expectedText, children, ...position, offset };
}

const whitespace = fc.constantFrom('', '\n', '\r\n', '  \n\t');

/** A well-formed document and the tree it must parse to. */
export const wellFormedXmlDocument: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    root: element,
    declaration: fc.boolean(),
    leadingWhitespace: whitespace,
    prologComment: fc.boolean(),
    trailing: whitespace,
  })
  .map(({ root, declaration, leadingWhitespace, prologComment, trailing }) => {
    const prolog =
      (declaration ? '<?xml version="1.0" encoding="UTF-8"?>' : '') +
      (declaration ? leadingWhitespace : '') +
      (prologComment ? '<!-- đầu -->\n' : '');
    return serializeDocument(root, prolog, `${trailing}<!-- cuối -->${trailing}`);
  });
