/**
 * A light element tree on top of the scanner: elements, attributes and direct text, nothing else
 * (comments and processing instructions are dropped). Built from events with an explicit stack, so
 * deep input cannot overflow the call stack. The text of chosen elements can be diverted to a sink
 * instead of being buffered: that is how a 75 MB attachment is decoded without holding it, and how a
 * header-only parse skips payloads.
 */
import { createXmlByteScanner, type XmlByteScanner } from './byte-scanner';
import type { XmlPosition, XmlProblem } from './problems';
import { createXmlScanner, type XmlScanner } from './scanner';
import type { XmlAttribute, XmlDeclaration, XmlScanHandler, XmlScanOptions, XmlStartTag } from './types';

export interface XmlElement extends XmlPosition {
  /** Qualified name as written, e.g. `edXML:From`. */
  readonly name: string;
  /** The prefix, or `''` when the name has none. */
  readonly prefix: string;
  readonly localName: string;
  /** The namespace URI, or `null` for no namespace or an unbound prefix. */
  readonly namespace: string | null;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /**
   * The element's direct character data concatenated (CDATA included, comments and child elements
   * excluded, whitespace kept). Empty when the text went to a sink (see `textStreamed`).
   */
  readonly text: string;
  /** Offset just past the `>` that closes the element. */
  readonly endOffset: number;
  /** Present when the element's text was given to a sink from `streamText` instead of `text`. */
  readonly textStreamed?: true;
}

/** Receives the text of one element in pieces, in order. */
export interface XmlTextSink {
  write(piece: string): void;
  /** Called when the element closes. Not called if scanning stops at a fatal problem first. */
  end?(): void;
  /**
   * The sink rejects every character XML does not allow by itself (a strict base64 decoder accepts
   * only its alphabet), so the scanner may skip its own character check for this element's text,
   * which is most of the cost of scanning a large payload.
   */
  readonly validatesCharacters?: boolean;
}

export interface XmlTreeOptions extends XmlScanOptions {
  /**
   * Longest text buffered for one element (UTF-16 code units); text diverted to a sink does not count.
   * Default 128 Mi code units (well under the ~512 Mi maximum length of a JavaScript string).
   */
  readonly maxTextNodeLength?: number;
  /**
   * Called for each element when its start tag has been read (attributes known, no children yet),
   * with its open ancestors (root first). Return a sink to receive the element's text instead of
   * buffering it in `text`.
   */
  readonly streamText?: (element: XmlElement, ancestors: readonly XmlElement[]) => XmlTextSink | undefined;
}

export interface XmlTreeResult {
  /** The root element; absent when a fatal problem stopped parsing. */
  readonly root?: XmlElement;
  readonly declaration?: XmlDeclaration;
  /** Whether the input started with a byte order mark (U+FEFF), which is legal but skipped. */
  readonly byteOrderMark: boolean;
  /** Every problem found, in document order; at most one is fatal and it is the last. */
  readonly problems: readonly XmlProblem[];
}

export interface XmlTreeParser {
  /** Parses the next chunk. Every chunk must be of the same kind (all strings or all bytes). */
  write(chunk: string | Uint8Array): void;
  /** Ends the input and returns the tree. */
  end(): XmlTreeResult;
  /** Whether a fatal problem was found so far (further input is then ignored). */
  readonly failed: boolean;
}

export const DEFAULT_MAX_TEXT_NODE_LENGTH = 128 * 1024 * 1024;

/** Parses a whole document held in memory. */
export function parseXmlTree(input: string | Uint8Array, options: XmlTreeOptions = {}): XmlTreeResult {
  const parser = createXmlTreeParser(options);
  parser.write(input);
  return parser.end();
}

/** Parses a document that arrives in chunks (strings or UTF-8 bytes). */
export function createXmlTreeParser(options: XmlTreeOptions = {}): XmlTreeParser {
  return new ChunkedXmlTreeParser(options);
}

interface MutableXmlElement {
  name: string;
  prefix: string;
  localName: string;
  namespace: string | null;
  attributes: readonly XmlAttribute[];
  children: MutableXmlElement[];
  text: string;
  line: number;
  column: number;
  offset: number;
  endOffset: number;
  textStreamed?: true;
}

class XmlTreeBuilder implements XmlScanHandler {
  root: MutableXmlElement | undefined;
  declaration: XmlDeclaration | undefined;
  byteOrderMark = false;
  readonly problems: XmlProblem[] = [];
  /** Set once the scanner exists; the builder stops it when text grows past the limit. */
  scanner: Pick<XmlScanner, 'abort' | 'setTextCharacterCheck'> | undefined;

  private readonly open: MutableXmlElement[] = [];
  private readonly sinks: (XmlTextSink | undefined)[] = [];
  private current: MutableXmlElement | undefined;
  private currentSink: XmlTextSink | undefined;
  private readonly maxTextNodeLength: number;
  private readonly streamText: XmlTreeOptions['streamText'];

  constructor(options: XmlTreeOptions) {
    this.maxTextNodeLength = options.maxTextNodeLength ?? DEFAULT_MAX_TEXT_NODE_LENGTH;
    this.streamText = options.streamText;
  }

  onByteOrderMark(): void {
    this.byteOrderMark = true;
  }

  onDeclaration(declaration: XmlDeclaration): void {
    this.declaration = declaration;
  }

  onProblem(problem: XmlProblem): void {
    this.problems.push(problem);
  }

  onStartElement(tag: XmlStartTag): void {
    const element: MutableXmlElement = {
      name: tag.name,
      prefix: tag.prefix,
      localName: tag.localName,
      namespace: tag.namespace,
      attributes: tag.attributes,
      children: [],
      text: '',
      line: tag.line,
      column: tag.column,
      offset: tag.offset,
      endOffset: -1,
    };
    const parent = this.current;
    if (parent === undefined) this.root = element;
    else parent.children.push(element);
    const sink = this.streamText?.(element, this.open);
    if (sink !== undefined) element.textStreamed = true;
    this.open.push(element);
    this.sinks.push(sink);
    this.current = element;
    this.currentSink = sink;
    this.updateCharacterCheck();
  }

  onEndElement(_tag: XmlStartTag, endOffset: number): void {
    const element = this.open.pop()!;
    const sink = this.sinks.pop();
    element.endOffset = endOffset;
    const depth = this.open.length;
    this.current = depth === 0 ? undefined : this.open[depth - 1];
    this.currentSink = depth === 0 ? undefined : this.sinks[depth - 1];
    this.updateCharacterCheck();
    sink?.end?.();
  }

  private characterCheckSkipped = false;

  /** Skips the scanner's character check exactly while the current element's text goes to a validating sink. */
  private updateCharacterCheck(): void {
    const skip = this.currentSink?.validatesCharacters === true;
    if (skip === this.characterCheckSkipped) return;
    this.characterCheckSkipped = skip;
    this.scanner?.setTextCharacterCheck(!skip);
  }

  onText(piece: string): void {
    if (this.currentSink !== undefined) {
      this.currentSink.write(piece);
      return;
    }
    const element = this.current!;
    if (element.text.length + piece.length > this.maxTextNodeLength) {
      this.scanner?.abort('TEXT_TOO_LONG', { name: element.name, limit: this.maxTextNodeLength }, element);
      return;
    }
    element.text += piece;
  }
}

class ChunkedXmlTreeParser implements XmlTreeParser {
  private readonly builder: XmlTreeBuilder;
  private readonly options: XmlTreeOptions;
  private textScanner: XmlScanner | undefined;
  private byteScanner: XmlByteScanner | undefined;

  constructor(options: XmlTreeOptions) {
    this.options = options;
    this.builder = new XmlTreeBuilder(options);
  }

  get failed(): boolean {
    return (this.textScanner ?? this.byteScanner)?.failed ?? false;
  }

  write(chunk: string | Uint8Array): void {
    if (typeof chunk === 'string') {
      if (this.byteScanner !== undefined) throw new TypeError('XmlTreeParser: a string chunk after byte chunks.');
      this.textScanner ??= this.attach(createXmlScanner(this.builder, this.options));
      this.textScanner.write(chunk);
    } else {
      if (!(chunk instanceof Uint8Array))
        throw new TypeError('XmlTreeParser: a chunk must be a string or a Uint8Array.');
      if (this.textScanner !== undefined) throw new TypeError('XmlTreeParser: a byte chunk after string chunks.');
      this.byteScanner ??= this.attach(createXmlByteScanner(this.builder, this.options));
      this.byteScanner.write(chunk);
    }
  }

  end(): XmlTreeResult {
    const scanner = this.textScanner ?? this.byteScanner ?? this.attach(createXmlScanner(this.builder, this.options));
    scanner.end();
    const builder = this.builder;
    return {
      ...(scanner.failed || builder.root === undefined ? {} : { root: builder.root as XmlElement }),
      ...(builder.declaration === undefined ? {} : { declaration: builder.declaration }),
      byteOrderMark: builder.byteOrderMark,
      problems: builder.problems,
    };
  }

  private attach<T extends Pick<XmlScanner, 'abort' | 'setTextCharacterCheck'>>(scanner: T): T {
    this.builder.scanner = scanner;
    return scanner;
  }
}
