/**
 * The incremental, namespace-aware XML scanner every edXML reader is built on.
 *
 * Input arrives as string chunks. The scanner keeps only the unconsumed tail of the input: a token
 * cut by a chunk boundary (a tag, a comment) is resumed where it stopped when more input arrives, and
 * character data is handed out in pieces sliced from the chunk, so a 75 MB text node never has to be
 * held at once. Scanning uses `indexOf` and a few tight `charCodeAt` loops; there is no recursion on
 * the input's structure (open elements live on an array), so nesting depth costs no stack.
 *
 * Bad input never throws: it becomes an `XmlProblem`. After a fatal problem the scanner calls no more
 * handlers and ignores further input. Only misuse (writing after `end()`) throws.
 */
import {
  asciiNameClass,
  CHAR_AMPERSAND,
  CHAR_BANG,
  CHAR_BYTE_ORDER_MARK,
  CHAR_CLOSE_BRACKET,
  CHAR_COLON,
  CHAR_CR,
  CHAR_DOUBLE_QUOTE,
  CHAR_EQUALS,
  CHAR_GREATER_THAN,
  CHAR_HASH,
  CHAR_LESS_THAN,
  CHAR_LF,
  CHAR_LOWER_X,
  CHAR_QUESTION_MARK,
  CHAR_SEMICOLON,
  CHAR_SINGLE_QUOTE,
  CHAR_SLASH,
  CHAR_SPACE,
  CHAR_TAB,
  combineSurrogates,
  isHighSurrogate,
  isLowSurrogate,
  isNameCodePoint,
  isNameStartCodePoint,
  isXmlCodePoint,
  isXmlWhitespace,
  normalizeAttributeWhitespace,
  normalizeLineBreaks,
  SUSPECT_CHARACTER,
} from './characters';
import { isDeclarationDefect, parseXmlDeclarationFields } from './declaration';
import { LineCounter } from './line-counter';
import {
  describeXmlProblem,
  formatCodePoint,
  type XmlMessage,
  type XmlPosition,
  type XmlProblem,
  type XmlProblemCode,
  type XmlProblemDetails,
  type XmlProblemSeverity,
} from './problems';
import {
  type ResolvedXmlScanOptions,
  resolveXmlScanOptions,
  XML_NAMESPACE,
  XMLNS_NAMESPACE,
  type XmlAttribute,
  type XmlDeclaration,
  type XmlScanHandler,
  type XmlScanOptions,
  type XmlStartTag,
} from './types';

/** A push scanner over string chunks. */
export interface XmlScanner {
  /** Scans the next piece of the document. Ignored after a fatal problem; throws after `end()`. */
  write(chunk: string): void;
  /** Declares the input complete and reports what is left unclosed. Throws if called twice. */
  end(): void;
  /** True after a fatal problem or after `end()`. */
  readonly stopped: boolean;
  /** Whether a fatal problem was reported. */
  readonly failed: boolean;
  /**
   * Reports a fatal problem found by the caller (a tree builder's text limit, a decoder's invalid
   * byte) and stops scanning. Without `at`, the problem is located at the end of the input so far.
   */
  abort(code: XmlProblemCode, details?: XmlProblemDetails, at?: XmlPosition, byteOffset?: number): void;
  /**
   * Turns the check of character data, CDATA and comments for characters XML does not allow off or
   * back on (never on if the `checkCharacters` option is false). A handler whose consumer validates a
   * large text itself, e.g. a strict base64 decoder, turns it off for that element's text: on big
   * payloads the check is most of the scanning cost.
   */
  setTextCharacterCheck(enabled: boolean): void;
}

export function createXmlScanner(handler: XmlScanHandler, options: XmlScanOptions = {}): XmlScanner {
  return new StringXmlScanner(handler, resolveXmlScanOptions(options));
}

// Scanner states: where the next character of input belongs.
const TEXT = 0;
const MARKUP_START = 1; // after '<'
const START_TAG = 2;
const END_TAG = 3;
const BANG = 4; // after '<!'
const COMMENT = 5;
const CDATA = 6;
const PROCESSING_INSTRUCTION = 7;
const FINISHED = 8;

// Steps inside a start tag.
const TAG_NAME = 0;
const BEFORE_ATTRIBUTE = 1;
const ATTRIBUTE_NAME = 2;
const BEFORE_EQUALS = 3;
const BEFORE_VALUE = 4;
const ATTRIBUTE_VALUE = 5;
const AFTER_SLASH = 6;

// Steps inside an end tag.
const END_TAG_NAME = 0;
const END_TAG_AFTER_NAME = 1;

// What an attribute value needs besides slicing.
const VALUE_HAS_REFERENCE = 1;
const VALUE_HAS_WHITESPACE = 2;

const EMPTY_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);

const UNTERMINATED: { readonly [state: number]: XmlMessage } = {
  [MARKUP_START]: { en: "a '<' at the end", vi: "ký tự '<' ở cuối" },
  [START_TAG]: { en: 'inside a start tag', vi: 'bên trong một thẻ mở' },
  [END_TAG]: { en: 'inside an end tag', vi: 'bên trong một thẻ đóng' },
  [BANG]: { en: "after '<!'", vi: "sau '<!'" },
  [COMMENT]: { en: 'inside a comment', vi: 'bên trong một chú thích' },
  [CDATA]: { en: 'inside a CDATA section', vi: 'bên trong một đoạn CDATA' },
  [PROCESSING_INSTRUCTION]: { en: 'inside a processing instruction', vi: 'bên trong một chỉ thị xử lý' },
};

const REASON_UNESCAPED_LESS_THAN: XmlMessage = {
  en: "'<' that does not start markup must be written as &lt;",
  vi: "ký tự '<' không mở thẻ phải viết là &lt;",
};
const REASON_SPACE_BEFORE_ATTRIBUTE: XmlMessage = {
  en: 'attributes must be separated by whitespace',
  vi: 'các thuộc tính phải cách nhau bằng khoảng trắng',
};
const REASON_EXPECTED_EQUALS: XmlMessage = {
  en: "'=' expected after the attribute name",
  vi: "thiếu '=' sau tên thuộc tính",
};
const REASON_UNQUOTED_VALUE: XmlMessage = {
  en: 'attribute values must be quoted',
  vi: 'giá trị thuộc tính phải nằm trong dấu nháy',
};
const REASON_SLASH: XmlMessage = { en: "'/' must be followed by '>'", vi: "sau '/' phải là '>'" };
const REASON_END_TAG_NAME: XmlMessage = { en: 'an end tag needs a name', vi: 'thẻ đóng phải có tên' };
const REASON_DOUBLE_HYPHEN: XmlMessage = {
  en: "'--' is not allowed inside a comment",
  vi: "không được dùng '--' bên trong chú thích",
};
const REASON_BANG: XmlMessage = {
  en: "'<!' must start a comment (<!--) or a CDATA section (<![CDATA[)",
  vi: "'<!' chỉ được mở chú thích (<!--) hoặc đoạn CDATA (<![CDATA[)",
};
const REASON_PI_TARGET: XmlMessage = {
  en: 'the target must be a name without a colon, followed by whitespace',
  vi: 'tên đích phải là một tên không có dấu hai chấm, theo sau là khoảng trắng',
};
const REASON_PI_RESERVED: XmlMessage = {
  en: "targets starting with 'xml' in any case are reserved",
  vi: "tên đích 'xml' (mọi kiểu chữ) được dành riêng",
};

function unexpectedCharacter(c: number): XmlMessage {
  const shown = c > 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : formatCodePoint(c);
  return { en: `unexpected character ${shown}`, vi: `ký tự ${shown} không hợp lệ ở đây` };
}

const PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['apos', "'"],
  ['quot', '"'],
]);

class StringXmlScanner implements XmlScanner {
  private readonly options: ResolvedXmlScanOptions;
  /** Whether character data is checked for characters XML does not allow (see `setTextCharacterCheck`). */
  private textCharacterCheck: boolean;
  /** The longest reference (`&name;`, `&#x...;`) accepted; longer ones are malformed. */
  private readonly maxReferenceLength: number;

  private readonly emitStartElement: (tag: XmlStartTag) => void;
  private readonly emitEndElement: (tag: XmlStartTag, endOffset: number) => void;
  private readonly emitText: (piece: string) => void;
  private readonly emitComment: ((text: string) => void) | undefined;
  private readonly emitProcessingInstruction: (target: string, data: string) => void;
  private readonly emitDeclaration: (declaration: XmlDeclaration) => void;
  private readonly emitByteOrderMark: () => void;
  private readonly emitProblem: (problem: XmlProblem) => void;

  // Input buffer: the unconsumed tail of the input. `base` is the absolute offset of buf[0].
  private buf = '';
  /** Chunks received inside a tag and not yet appended (see `write`). */
  private heldBack: string[] = [];
  private heldBackLength = 0;
  private base = 0;
  /** Buffer index of the next character to scan (in TEXT, COMMENT, CDATA, PI also where the kept tail starts). */
  private pos = 0;
  private state = TEXT;
  private inputLength = 0;
  private endCalled = false;
  private fatal = false;
  private startChecked = false;
  private byteOrderMarkLength = 0;

  private readonly lines = new LineCounter();

  // The markup token being scanned: buffer index of its '<' and, once asked for, that character's position.
  private tokenStart = 0;
  private tokenPositionKnown = false;
  private tokenLine = 1;
  private tokenColumn = 1;
  private tokenOffset = 0;

  // Document structure.
  private depth = 0;
  private rootSeen = false;
  private markupSeen = false;
  private leadingTextSeen = false;
  private leadingJunkReported = false;
  private readonly openElements: XmlStartTag[] = [];
  /** Per open element: flattened [prefix, previous URI or undefined, ...] to restore when it closes. */
  private readonly namespaceUndo: ((string | undefined)[] | null)[] = [];
  private readonly namespaces = new Map<string, string>();
  /** The last prefix looked up and its namespace; forgotten whenever a binding changes. */
  private lastPrefix: string | undefined;
  private lastPrefixNamespace: string | null = null;

  // Start/end tag being scanned (absolute offsets survive buffer compaction).
  private tagStep = 0;
  private tagResume = 0;
  private tagName = '';
  private sawSpace = false;
  private attributeNameStart = 0;
  private attributeName = '';
  private quote = 0;
  private valueStart = 0;
  private valueFlags = 0;
  private attributeCount = 0;
  /** Colon seen by the last name scan: absolute offset of the first one (-1 none), and whether there was another. */
  private nameColon = -1;
  private nameHasSecondColon = false;
  private tagNameColon = -1;
  private readonly attributeColons: number[] = [];
  private readonly attributeNames: string[] = [];
  private readonly attributeValues: string[] = [];
  private readonly attributeOffsets: number[] = [];

  // Comment / processing instruction being scanned.
  private markupContentStart = 0;
  private markupText = '';

  // Buffer indexes of the next '&', ']]>', CR and suspect character; -1 unknown, Infinity none.
  private ampersandAt = -1;
  private cdataEndAt = -1;
  private carriageReturnAt = -1;
  private suspectAt = -1;

  constructor(handler: XmlScanHandler, options: ResolvedXmlScanOptions) {
    this.options = options;
    this.textCharacterCheck = options.checkCharacters;
    // '&' + name + ';' with room for numeric references such as &#x0001F600; even under a tiny name limit.
    this.maxReferenceLength = Math.max(options.maxNameLength, 16) + 3;
    const ignore = (): void => {};
    this.emitStartElement = handler.onStartElement?.bind(handler) ?? ignore;
    this.emitEndElement = handler.onEndElement?.bind(handler) ?? ignore;
    this.emitText = handler.onText?.bind(handler) ?? ignore;
    this.emitComment = handler.onComment?.bind(handler);
    this.emitProcessingInstruction = handler.onProcessingInstruction?.bind(handler) ?? ignore;
    this.emitDeclaration = handler.onDeclaration?.bind(handler) ?? ignore;
    this.emitByteOrderMark = handler.onByteOrderMark?.bind(handler) ?? ignore;
    this.emitProblem = handler.onProblem?.bind(handler) ?? ignore;
  }

  get stopped(): boolean {
    return this.fatal || this.state === FINISHED;
  }

  get failed(): boolean {
    return this.fatal;
  }

  write(chunk: string): void {
    if (this.endCalled) throw new Error('XmlScanner.write() was called after end().');
    if (this.fatal) return;
    this.inputLength += chunk.length;
    if (this.inputLength > this.options.maxInputBytes) {
      this.abort('INPUT_TOO_LARGE', { limit: this.options.maxInputBytes });
      return;
    }
    if (chunk.length === 0) return;
    let input = chunk;
    // Inside a tag the buffer keeps the whole tag so far, and each append copies it. A tag arriving in many
    // small chunks would cost quadratic time; holding chunks back until they at least double the pending
    // tag keeps the copying linear. (Text, comments and CDATA are consumed as they come and need no wait.)
    if (this.state >= MARKUP_START && this.state <= BANG) {
      this.heldBack.push(input);
      this.heldBackLength += input.length;
      if (this.heldBackLength < this.buf.length - this.tokenStart) return;
      input = this.releaseHeldBack();
    }
    this.append(input);
    if (!this.startChecked) this.checkStart();
    this.run();
  }

  /** The chunks held back while inside a tag, as one string. */
  private releaseHeldBack(): string {
    const joined = this.heldBack.join('');
    this.heldBack = [];
    this.heldBackLength = 0;
    return joined;
  }

  end(): void {
    if (this.endCalled) throw new Error('XmlScanner.end() was called twice.');
    this.endCalled = true;
    if (this.fatal) return;
    if (this.heldBackLength > 0) this.append(this.releaseHeldBack());
    if (!this.startChecked) this.checkStart();
    this.run();
    if (this.fatal) return;
    if (this.depth > 0) {
      const open = this.openElements[this.depth - 1]!;
      this.report('UNCLOSED_ELEMENT', 'fatal', { name: open.name }, open);
    } else if (!this.rootSeen) {
      this.report('NO_ROOT_ELEMENT', 'fatal', {}, this.endPosition());
    }
    this.state = FINISHED;
  }

  setTextCharacterCheck(enabled: boolean): void {
    this.textCharacterCheck = enabled && this.options.checkCharacters;
  }

  abort(code: XmlProblemCode, details: XmlProblemDetails = {}, at?: XmlPosition, byteOffset?: number): void {
    if (this.fatal) return;
    if (at === undefined && this.heldBackLength > 0) {
      // "The end of the input so far" includes what was held back: scan it first, as unheld input would be.
      this.append(this.releaseHeldBack());
      if (!this.startChecked) this.checkStart();
      this.run();
      if (this.fatal) return;
    }
    this.report(code, 'fatal', details, at ?? this.endPosition(), byteOffset);
  }

  // ---------------------------------------------------------------------------------------------
  // Buffer and positions

  /** Drops the consumed head of the buffer and appends `chunk`. */
  private append(chunk: string): void {
    const keep = this.state === TEXT || this.state >= COMMENT ? this.pos : this.tokenStart;
    if (keep > 0) this.lines.advance(this.buf, this.base, this.base + keep);
    this.buf = keep >= this.buf.length ? chunk : this.buf.slice(keep) + chunk;
    this.base += keep;
    this.pos -= keep;
    this.tokenStart -= keep;
    this.lines.bufferChanged(keep);
    this.ampersandAt = -1;
    this.cdataEndAt = -1;
    this.carriageReturnAt = -1;
    this.suspectAt = -1;
  }

  private checkStart(): void {
    if (this.buf.length === 0 && !this.endCalled) return;
    this.startChecked = true;
    if (this.buf.charCodeAt(0) === CHAR_BYTE_ORDER_MARK) {
      this.pos = 1;
      this.byteOrderMarkLength = 1;
      this.lines.skipLeading(1);
      this.emitByteOrderMark();
    }
  }

  private positionAt(index: number): XmlPosition {
    const offset = this.base + index;
    this.lines.advance(this.buf, this.base, offset);
    return { line: this.lines.line, column: this.lines.columnOf(offset), offset };
  }

  private endPosition(): XmlPosition {
    return this.positionAt(this.buf.length);
  }

  /**
   * Computes the position of the current token's '<' (line counting is lazy: most end tags never
   * need theirs). Must run before anything after the '<' is located, and while the '<' is buffered.
   */
  private locateToken(): void {
    if (this.tokenPositionKnown) return;
    const offset = this.base + this.tokenStart;
    this.lines.advance(this.buf, this.base, offset);
    this.tokenLine = this.lines.line;
    this.tokenColumn = this.lines.columnOf(offset);
    this.tokenOffset = offset;
    this.tokenPositionKnown = true;
  }

  private tokenPosition(): XmlPosition {
    this.locateToken();
    return { line: this.tokenLine, column: this.tokenColumn, offset: this.tokenOffset };
  }

  // ---------------------------------------------------------------------------------------------
  // Problems

  private report(
    code: XmlProblemCode,
    severity: XmlProblemSeverity,
    details: XmlProblemDetails,
    at: XmlPosition,
    byteOffset?: number,
  ): void {
    const problem: XmlProblem = {
      code,
      severity,
      message: describeXmlProblem(code, details),
      line: at.line,
      column: at.column,
      offset: at.offset,
      ...(byteOffset === undefined ? {} : { byteOffset }),
    };
    if (severity === 'fatal') {
      this.fatal = true;
      this.state = FINISHED;
    }
    this.emitProblem(problem);
  }

  /** Reports a fatal problem at buffer index `index`; returns false so scan steps can `return this.failAt(...)`. */
  private failAt(code: XmlProblemCode, details: XmlProblemDetails, index: number): false {
    this.report(code, 'fatal', details, this.positionAt(index));
    return false;
  }

  private failAtToken(code: XmlProblemCode, details: XmlProblemDetails = {}): false {
    this.report(code, 'fatal', details, this.tokenPosition());
    return false;
  }

  /** The current token needs more input: wait for it, or fail if the input has ended. */
  private suspend(): false {
    if (this.endCalled) {
      this.failAtToken('UNEXPECTED_END_OF_INPUT', { reason: UNTERMINATED[this.state]! });
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Main loop

  private run(): void {
    for (;;) {
      let progressed: boolean;
      switch (this.state) {
        case TEXT:
          progressed = this.scanText();
          break;
        case MARKUP_START:
          progressed = this.scanMarkupStart();
          break;
        case START_TAG:
          progressed = this.scanStartTag();
          break;
        case END_TAG:
          progressed = this.scanEndTag();
          break;
        case BANG:
          progressed = this.scanBang();
          break;
        case COMMENT:
          progressed = this.scanComment();
          break;
        case CDATA:
          progressed = this.scanCdata();
          break;
        case PROCESSING_INSTRUCTION:
          progressed = this.scanProcessingInstruction();
          break;
        default:
          return;
      }
      if (!progressed || this.fatal) return;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Searches cached per buffer: each character is searched once however many text runs there are.

  private findAmpersand(from: number): number {
    if (this.ampersandAt < from) {
      const found = this.buf.indexOf('&', from);
      this.ampersandAt = found === -1 ? Number.POSITIVE_INFINITY : found;
    }
    return this.ampersandAt;
  }

  private findCdataEnd(from: number): number {
    if (this.cdataEndAt < from) {
      const found = this.buf.indexOf(']]>', from);
      this.cdataEndAt = found === -1 ? Number.POSITIVE_INFINITY : found;
    }
    return this.cdataEndAt;
  }

  private findCarriageReturn(from: number): number {
    if (this.carriageReturnAt < from) {
      const found = this.buf.indexOf('\r', from);
      this.carriageReturnAt = found === -1 ? Number.POSITIVE_INFINITY : found;
    }
    return this.carriageReturnAt;
  }

  /**
   * Index of the first character at or after `from` that XML does not allow, or Infinity.
   * A high surrogate ending the buffer is returned as suspect; callers hold it back until its pair arrives.
   */
  private findIllegalCharacter(from: number): number {
    if (!this.textCharacterCheck) return Number.POSITIVE_INFINITY;
    const buf = this.buf;
    for (;;) {
      if (this.suspectAt < from) {
        SUSPECT_CHARACTER.lastIndex = from;
        this.suspectAt = SUSPECT_CHARACTER.test(buf) ? SUSPECT_CHARACTER.lastIndex - 1 : Number.POSITIVE_INFINITY;
      }
      const at = this.suspectAt;
      if (at === Number.POSITIVE_INFINITY) return at;
      if (isHighSurrogate(buf.charCodeAt(at)) && at + 1 < buf.length && isLowSurrogate(buf.charCodeAt(at + 1))) {
        from = at + 2;
        continue;
      }
      return at;
    }
  }

  private describeCharacterAt(index: number): XmlProblemDetails {
    return { found: formatCodePoint(this.buf.charCodeAt(index)) };
  }

  private failIllegalCharacter(index: number): false {
    return this.failAt('INVALID_CHARACTER', this.describeCharacterAt(index), index);
  }

  // ---------------------------------------------------------------------------------------------
  // Character data

  private scanText(): boolean {
    const buf = this.buf;
    const from = this.pos;
    const lessThan = buf.indexOf('<', from);
    const runEnd = lessThan === -1 ? buf.length : lessThan;
    let consumed = runEnd;
    if (runEnd > from) {
      if (this.depth === 0) {
        if (!this.scanOutsideRoot(from, runEnd)) return false;
      } else {
        if (lessThan === -1 && !this.endCalled) consumed = this.holdBackTextTail(from, runEnd);
        if (consumed > from && !this.emitCharacterData(from, consumed)) return false;
      }
    }
    if (lessThan === -1) {
      this.pos = consumed;
      return false;
    }
    this.tokenStart = lessThan;
    this.tokenPositionKnown = false;
    this.pos = lessThan;
    this.state = MARKUP_START;
    return this.scanMarkupStart();
  }

  /**
   * Where to stop emitting text that runs to the end of the buffer: before a reference not yet
   * terminated, a ']' that may start ']]>', a CR that may precede LF, or half a surrogate pair.
   */
  private holdBackTextTail(from: number, to: number): number {
    const buf = this.buf;
    let end = to;
    if (this.findAmpersand(from) < to) {
      const last = buf.lastIndexOf('&', to - 1);
      if (to - last <= this.maxReferenceLength && buf.indexOf(';', last) === -1) end = last;
    }
    if (end === to) {
      const c = buf.charCodeAt(end - 1);
      if (c === CHAR_CLOSE_BRACKET) {
        end--;
        if (end > from && buf.charCodeAt(end - 1) === CHAR_CLOSE_BRACKET) end--;
      } else if (c === CHAR_CR || isHighSurrogate(c)) {
        end--;
      }
    }
    return Math.max(end, from);
  }

  /** Emits the character data in [from, end) as one piece; false if a fatal problem stopped scanning. */
  private emitCharacterData(from: number, end: number): boolean {
    const illegal = this.findIllegalCharacter(from);
    const cdataEnd = this.findCdataEnd(from);
    const problemAt = Math.min(illegal, cdataEnd);
    const stop = Math.min(problemAt, end);
    let ampersand = this.findAmpersand(from);
    let piece: string;
    if (ampersand >= stop) {
      piece = this.normalizedSlice(from, stop);
    } else {
      piece = '';
      let segmentStart = from;
      while (ampersand < stop) {
        if (ampersand > segmentStart) piece += this.normalizedSlice(segmentStart, ampersand);
        const next = this.decodeReference(ampersand, end);
        if (next < 0) return this.emitThenFail(piece, this.referenceProblem, this.referenceProblemDetails, ampersand);
        piece += this.referenceValue;
        segmentStart = next;
        ampersand = this.findAmpersand(next);
      }
      if (stop > segmentStart) piece += this.normalizedSlice(segmentStart, stop);
    }
    if (problemAt < end) {
      if (problemAt === illegal)
        return this.emitThenFail(piece, 'INVALID_CHARACTER', this.describeCharacterAt(illegal), illegal);
      return this.emitThenFail(piece, 'CDATA_END_IN_TEXT', {}, cdataEnd);
    }
    if (piece.length > 0) this.emitText(piece);
    return !this.fatal;
  }

  /**
   * Delivers the text before a problem, then reports the problem. Chunked input may already have
   * delivered part of that text (and a handler may have stopped on it, e.g. at a text limit), so
   * delivering it in one-shot input too keeps the outcome independent of chunk boundaries.
   */
  private emitThenFail(piece: string, code: XmlProblemCode, details: XmlProblemDetails, index: number): false {
    if (piece.length > 0) this.emitText(piece);
    if (this.fatal) return false;
    return this.failAt(code, details, index);
  }

  /** The buffer's [from, to) with line breaks normalized; each CR is found once through the cache. */
  private normalizedSlice(from: number, to: number): string {
    const buf = this.buf;
    let carriageReturn = this.findCarriageReturn(from);
    if (carriageReturn >= to) return buf.slice(from, to);
    let normalized = '';
    let segmentStart = from;
    while (carriageReturn < to) {
      normalized += buf.slice(segmentStart, carriageReturn);
      // CR LF: drop the CR and keep the LF; a lone CR becomes LF.
      if (buf.charCodeAt(carriageReturn + 1) !== CHAR_LF) normalized += '\n';
      segmentStart = carriageReturn + 1;
      carriageReturn = this.findCarriageReturn(segmentStart);
    }
    return normalized + buf.slice(segmentStart, to);
  }

  /** Text before or after the root element: only whitespace, except tolerated leading junk. */
  private scanOutsideRoot(from: number, end: number): boolean {
    const buf = this.buf;
    const beforeAnyMarkup = !this.markupSeen && !this.rootSeen;
    if (beforeAnyMarkup) this.leadingTextSeen = true;
    if (beforeAnyMarkup && this.leadingJunkReported) return true;
    for (let i = from; i < end; i++) {
      if (isXmlWhitespace(buf.charCodeAt(i))) continue;
      if (!beforeAnyMarkup) return this.failAt('TEXT_OUTSIDE_ROOT', {}, i);
      if (!this.options.allowLeadingJunk) return this.failAt('JUNK_BEFORE_ROOT', {}, i);
      this.leadingJunkReported = true;
      this.report('JUNK_BEFORE_ROOT', 'recoverable', {}, this.positionAt(i));
      return true;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // References

  /** The text of the reference decoded by the last `decodeReference`. */
  private referenceValue = '';
  /** Why the last `decodeReference` failed. */
  private referenceProblem: XmlProblemCode = 'INVALID_ENTITY_REFERENCE';
  private referenceProblemDetails: XmlProblemDetails = {};

  /**
   * Decodes the reference starting with '&' at `ampersand` (which must end before `limit`) into
   * `referenceValue`; returns the index after its ';', or -1 with `referenceProblem` set (the caller
   * reports it, after delivering any text before it).
   */
  private decodeReference(ampersand: number, limit: number): number {
    const buf = this.buf;
    const stop = Math.min(limit, ampersand + this.maxReferenceLength);
    let p = ampersand + 1;
    if (p < stop && buf.charCodeAt(p) === CHAR_HASH) {
      p++;
      const hexadecimal = p < stop && buf.charCodeAt(p) === CHAR_LOWER_X;
      if (hexadecimal) p++;
      const digitsStart = p;
      let codePoint = 0;
      for (; p < stop; p++) {
        const c = buf.charCodeAt(p);
        let digit: number;
        if (c >= 0x30 && c <= 0x39) digit = c - 0x30;
        else if (hexadecimal && c >= 0x61 && c <= 0x66) digit = c - 0x57;
        else if (hexadecimal && c >= 0x41 && c <= 0x46) digit = c - 0x37;
        else break;
        // Saturate: anything above U+10FFFF is rejected below, and the number must not grow unbounded.
        codePoint = Math.min(codePoint * (hexadecimal ? 16 : 10) + digit, 0x110000);
      }
      if (p === digitsStart || p >= stop || buf.charCodeAt(p) !== CHAR_SEMICOLON) {
        return this.malformedReference(ampersand, p);
      }
      if (!isXmlCodePoint(codePoint)) {
        return this.referenceFailure('INVALID_CHARACTER_REFERENCE', { found: buf.slice(ampersand, p + 1) });
      }
      this.referenceValue = String.fromCodePoint(codePoint);
      return p + 1;
    }
    const nameEnd = this.skipNameChars(p, stop);
    if (nameEnd === p || nameEnd >= stop || buf.charCodeAt(nameEnd) !== CHAR_SEMICOLON) {
      return this.malformedReference(ampersand, nameEnd);
    }
    const name = buf.slice(p, nameEnd);
    const value = PREDEFINED_ENTITIES.get(name);
    if (value === undefined) return this.referenceFailure('UNDEFINED_ENTITY', { name });
    this.referenceValue = value;
    return nameEnd + 1;
  }

  private referenceFailure(code: XmlProblemCode, details: XmlProblemDetails): -1 {
    this.referenceProblem = code;
    this.referenceProblemDetails = details;
    return -1;
  }

  /**
   * A malformed reference, shown up to where it went wrong. The offending character is left out:
   * whether it has arrived yet depends on chunk boundaries, and messages must not.
   */
  private malformedReference(ampersand: number, stoppedAt: number): -1 {
    const found = this.buf.slice(ampersand, Math.min(stoppedAt, ampersand + 20));
    return this.referenceFailure('INVALID_ENTITY_REFERENCE', { found });
  }

  // ---------------------------------------------------------------------------------------------
  // Names

  /**
   * Index of the first character at or after `p` (and before `stop`) that cannot continue a name.
   * Notes colons on the way (see `nameColon`), so qualified names need no second pass.
   */
  private skipNameChars(p: number, stop: number): number {
    const buf = this.buf;
    while (p < stop) {
      const c = buf.charCodeAt(p);
      if (c < 0x80) {
        if (asciiNameClass(c) === 0) return p;
        if (c === CHAR_COLON) {
          if (this.nameColon === -1) this.nameColon = this.base + p;
          else this.nameHasSecondColon = true;
        }
        p++;
      } else if (isHighSurrogate(c)) {
        if (p + 1 >= buf.length) return p;
        const low = buf.charCodeAt(p + 1);
        if (!isLowSurrogate(low) || !isNameCodePoint(combineSurrogates(c, low))) return p;
        p += 2;
      } else {
        if (!isNameCodePoint(c)) return p;
        p++;
      }
    }
    return p;
  }

  /** Forgets the colons seen by `skipNameChars`, before a new name. */
  private startName(): void {
    this.nameColon = -1;
    this.nameHasSecondColon = false;
  }

  /**
   * Checks the name just scanned in [start, end) (buffer indexes) against the namespaces spec: at most
   * one colon, not first or last, and the local part must start like a name. Returns the colon's index
   * within the name, -1 if there is none, or -2 if the name is not a valid qualified name.
   */
  private qualifiedNameColon(start: number, end: number): number {
    if (this.nameColon === -1) return -1;
    const colon = this.nameColon - this.base;
    if (this.nameHasSecondColon || colon === start || colon === end - 1 || this.nameStartClassAt(colon + 1) !== 2) {
      return -2;
    }
    return colon - start;
  }

  /**
   * Why a name starting at `p` is invalid. Only the first character is named: what follows may not
   * have arrived yet, and the message must not depend on chunk boundaries.
   */
  private badNameStart(p: number): XmlMessage {
    const shown = String.fromCodePoint(this.buf.codePointAt(p)!);
    return { en: `a name cannot start with '${shown}'`, vi: `tên không được bắt đầu bằng '${shown}'` };
  }

  /** Whether scanning stopped at `p` only because the buffer ends (possibly inside a surrogate pair). */
  private atBufferEnd(p: number): boolean {
    const length = this.buf.length;
    return p >= length || (p === length - 1 && isHighSurrogate(this.buf.charCodeAt(p)));
  }

  /** 2: can start a name; 1: can only continue one; 0: not a name character; -1: wait for more input. */
  private nameStartClassAt(p: number): number {
    const buf = this.buf;
    const c = buf.charCodeAt(p);
    if (c < 0x80) return asciiNameClass(c);
    let codePoint = c;
    if (isHighSurrogate(c)) {
      if (p + 1 >= buf.length) return this.endCalled ? 0 : -1;
      const low = buf.charCodeAt(p + 1);
      if (!isLowSurrogate(low)) return 0;
      codePoint = combineSurrogates(c, low);
    }
    if (isNameStartCodePoint(codePoint)) return 2;
    return isNameCodePoint(codePoint) ? 1 : 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Markup

  private scanMarkupStart(): boolean {
    const next = this.tokenStart + 1;
    if (next >= this.buf.length) return this.suspend();
    const c = this.buf.charCodeAt(next);
    if (c === CHAR_SLASH) {
      this.state = END_TAG;
      this.tagStep = END_TAG_NAME;
      this.tagResume = this.base + next + 1;
      return true;
    }
    if (c === CHAR_BANG) {
      this.state = BANG;
      return true;
    }
    if (c === CHAR_QUESTION_MARK) {
      this.locateToken();
      this.state = PROCESSING_INSTRUCTION;
      this.pos = next + 1;
      this.markupContentStart = this.base + next + 1;
      this.markupText = '';
      return true;
    }
    const nameClass = this.nameStartClassAt(next);
    if (nameClass === -1) return this.suspend();
    if (nameClass === 1) return this.failAtToken('INVALID_NAME', { reason: this.badNameStart(next) });
    if (nameClass === 0) return this.failAtToken('MALFORMED_MARKUP', { reason: REASON_UNESCAPED_LESS_THAN });
    this.state = START_TAG;
    this.tagStep = TAG_NAME;
    this.tagResume = this.base + next;
    this.attributeCount = 0;
    this.startName();
    return this.scanStartTag();
  }

  private scanStartTag(): boolean {
    const buf = this.buf;
    const length = buf.length;
    const base = this.base;
    let p = this.tagResume - base;
    for (;;) {
      switch (this.tagStep) {
        case TAG_NAME: {
          const nameStart = this.tokenStart + 1;
          const limit = nameStart + this.options.maxNameLength;
          p = this.skipNameChars(p, Math.min(length, limit + 1));
          if (p > limit) return this.failAtToken('NAME_TOO_LONG', { limit: this.options.maxNameLength });
          if (this.atBufferEnd(p)) break;
          const name = buf.slice(nameStart, p);
          const colon = this.qualifiedNameColon(nameStart, p);
          if (colon === -2) return this.failAtToken('INVALID_NAME', { name });
          this.tagNameColon = colon;
          if (this.depth === 0 && this.rootSeen) return this.failAtToken('MULTIPLE_ROOTS', { name });
          if (this.depth >= this.options.maxDepth) {
            return this.failAtToken('DEPTH_LIMIT_EXCEEDED', { limit: this.options.maxDepth });
          }
          this.tagName = name;
          this.sawSpace = false;
          this.tagStep = BEFORE_ATTRIBUTE;
          continue;
        }
        case BEFORE_ATTRIBUTE: {
          while (p < length && isXmlWhitespace(buf.charCodeAt(p))) {
            p++;
            this.sawSpace = true;
          }
          if (p >= length) break;
          const c = buf.charCodeAt(p);
          if (c === CHAR_GREATER_THAN) return this.finishStartTag(p + 1, false);
          if (c === CHAR_SLASH) {
            p++;
            this.tagStep = AFTER_SLASH;
            continue;
          }
          const nameClass = this.nameStartClassAt(p);
          if (nameClass === -1) break;
          if (nameClass === 1) return this.failAt('INVALID_NAME', { reason: this.badNameStart(p) }, p);
          if (nameClass === 0) {
            return this.failAt('MALFORMED_TAG', { name: this.tagName, reason: unexpectedCharacter(c) }, p);
          }
          if (!this.sawSpace) {
            return this.failAt('MALFORMED_TAG', { name: this.tagName, reason: REASON_SPACE_BEFORE_ATTRIBUTE }, p);
          }
          if (this.attributeCount >= this.options.maxAttributesPerElement) {
            return this.failAt('TOO_MANY_ATTRIBUTES', { limit: this.options.maxAttributesPerElement }, p);
          }
          this.attributeNameStart = base + p;
          this.startName();
          this.tagStep = ATTRIBUTE_NAME;
          continue;
        }
        case AFTER_SLASH: {
          if (p >= length) break;
          if (buf.charCodeAt(p) === CHAR_GREATER_THAN) return this.finishStartTag(p + 1, true);
          return this.failAt('MALFORMED_TAG', { name: this.tagName, reason: REASON_SLASH }, p);
        }
        case ATTRIBUTE_NAME: {
          const nameStart = this.attributeNameStart - base;
          const limit = nameStart + this.options.maxNameLength;
          p = this.skipNameChars(p, Math.min(length, limit + 1));
          if (p > limit) return this.failAt('NAME_TOO_LONG', { limit: this.options.maxNameLength }, nameStart);
          if (this.atBufferEnd(p)) break;
          const name = buf.slice(nameStart, p);
          const colon = this.qualifiedNameColon(nameStart, p);
          if (colon === -2) return this.failAt('INVALID_NAME', { name }, nameStart);
          this.attributeColons[this.attributeCount] = colon;
          const names = this.attributeNames;
          for (let i = 0; i < this.attributeCount; i++) {
            if (names[i] === name) return this.failAt('DUPLICATE_ATTRIBUTE', { name }, nameStart);
          }
          this.attributeName = name;
          this.tagStep = BEFORE_EQUALS;
          continue;
        }
        case BEFORE_EQUALS: {
          while (p < length && isXmlWhitespace(buf.charCodeAt(p))) p++;
          if (p >= length) break;
          if (buf.charCodeAt(p) !== CHAR_EQUALS) {
            return this.failAt('MALFORMED_TAG', { name: this.tagName, reason: REASON_EXPECTED_EQUALS }, p);
          }
          p++;
          this.tagStep = BEFORE_VALUE;
          continue;
        }
        case BEFORE_VALUE: {
          while (p < length && isXmlWhitespace(buf.charCodeAt(p))) p++;
          if (p >= length) break;
          const c = buf.charCodeAt(p);
          if (c !== CHAR_DOUBLE_QUOTE && c !== CHAR_SINGLE_QUOTE) {
            return this.failAt('MALFORMED_TAG', { name: this.tagName, reason: REASON_UNQUOTED_VALUE }, p);
          }
          p++;
          this.quote = c;
          this.valueStart = base + p;
          this.valueFlags = 0;
          this.tagStep = ATTRIBUTE_VALUE;
          continue;
        }
        case ATTRIBUTE_VALUE: {
          const valueStart = this.valueStart - base;
          const limit = valueStart + this.options.maxAttributeValueLength;
          const stop = Math.min(length, limit + 1);
          const quote = this.quote;
          let flags = this.valueFlags;
          for (; p < stop; p++) {
            const c = buf.charCodeAt(p);
            if (c === quote) break;
            if (c <= CHAR_LESS_THAN) {
              if (c === CHAR_LESS_THAN) {
                return this.failAt('LESS_THAN_IN_ATTRIBUTE_VALUE', { name: this.attributeName }, p);
              }
              if (c === CHAR_AMPERSAND) flags |= VALUE_HAS_REFERENCE;
              else if (c < CHAR_SPACE) {
                if (c !== CHAR_TAB && c !== CHAR_LF && c !== CHAR_CR) return this.failIllegalCharacter(p);
                flags |= VALUE_HAS_WHITESPACE;
              }
            } else if (c >= 0xd800) {
              if (isHighSurrogate(c)) {
                if (p + 1 >= length) break;
                if (!isLowSurrogate(buf.charCodeAt(p + 1))) return this.failIllegalCharacter(p);
                p++;
              } else if (c <= 0xdfff || c >= 0xfffe) {
                return this.failIllegalCharacter(p);
              }
            }
          }
          if (p > limit) {
            return this.failAt(
              'ATTRIBUTE_VALUE_TOO_LONG',
              { name: this.attributeName, limit: this.options.maxAttributeValueLength },
              this.attributeNameStart - base,
            );
          }
          if (p >= length || buf.charCodeAt(p) !== quote) {
            this.valueFlags = flags;
            break;
          }
          const value = flags === 0 ? buf.slice(valueStart, p) : this.decodeAttributeValue(valueStart, p, flags);
          if (value === undefined) return false;
          const index = this.attributeCount++;
          this.attributeNames[index] = this.attributeName;
          this.attributeValues[index] = value;
          this.attributeOffsets[index] = this.attributeNameStart;
          p++;
          this.sawSpace = false;
          this.tagStep = BEFORE_ATTRIBUTE;
          continue;
        }
      }
      // Every `break` out of the switch means the buffer ended inside the tag.
      this.tagResume = base + p;
      return this.suspend();
    }
  }

  private decodeAttributeValue(from: number, to: number, flags: number): string | undefined {
    const buf = this.buf;
    const normalize = (text: string): string =>
      (flags & VALUE_HAS_WHITESPACE) === 0 ? text : normalizeAttributeWhitespace(text);
    if ((flags & VALUE_HAS_REFERENCE) === 0) return normalize(buf.slice(from, to));
    let value = '';
    let segmentStart = from;
    let ampersand = buf.indexOf('&', from);
    while (ampersand !== -1 && ampersand < to) {
      if (ampersand > segmentStart) value += normalize(buf.slice(segmentStart, ampersand));
      const next = this.decodeReference(ampersand, to);
      if (next < 0) {
        this.failAt(this.referenceProblem, this.referenceProblemDetails, ampersand);
        return undefined;
      }
      value += this.referenceValue;
      segmentStart = next;
      ampersand = buf.indexOf('&', next);
    }
    if (to > segmentStart) value += normalize(buf.slice(segmentStart, to));
    return value;
  }

  private finishStartTag(end: number, selfClosing: boolean): boolean {
    this.locateToken();
    const name = this.tagName;
    const count = this.attributeCount;
    const names = this.attributeNames;
    const values = this.attributeValues;
    const namespaces = this.namespaces;

    let undo: (string | undefined)[] | null = null;
    for (let i = 0; i < count; i++) {
      const attributeName = names[i]!;
      if (
        !attributeName.startsWith('xmlns') ||
        (attributeName.length > 5 && attributeName.charCodeAt(5) !== CHAR_COLON)
      ) {
        continue;
      }
      const prefix = attributeName.length === 5 ? '' : attributeName.slice(6);
      const uri = values[i]!;
      if (
        prefix === 'xmlns' ||
        (prefix === 'xml') !== (uri === XML_NAMESPACE) ||
        uri === XMLNS_NAMESPACE ||
        (prefix !== '' && uri === '')
      ) {
        return this.failAtAbsolute('INVALID_NAMESPACE_DECLARATION', { name: attributeName }, this.attributeOffsets[i]!);
      }
      undo ??= [];
      undo.push(prefix, namespaces.get(prefix));
      namespaces.set(prefix, uri);
      this.lastPrefix = undefined;
    }

    // Unbound prefixes are reported after the duplicate check so positions are asked for in order.
    let unbound: number[] | null = null;
    const colon = this.tagNameColon;
    let prefix = '';
    let localName = name;
    let namespace: string | null;
    if (colon === -1) {
      const uri = namespaces.get('');
      namespace = uri === undefined || uri === '' ? null : uri;
    } else {
      prefix = name.slice(0, colon);
      localName = name.slice(colon + 1);
      if (prefix === 'xmlns') return this.failAtToken('INVALID_NAME', { name });
      namespace = this.lookUpPrefix(prefix);
      if (namespace === null) {
        unbound = [-1];
        namespace = this.options.fallbackNamespaces[prefix] ?? null;
      }
    }

    let attributes = EMPTY_ATTRIBUTES;
    if (count > 0) {
      const list: XmlAttribute[] = new Array(count);
      let prefixedCount = 0;
      for (let i = 0; i < count; i++) {
        const attributeName = names[i]!;
        const attributeColon = this.attributeColons[i]!;
        if (attributeColon === -1) {
          list[i] = {
            name: attributeName,
            prefix: '',
            localName: attributeName,
            namespace: attributeName === 'xmlns' ? XMLNS_NAMESPACE : null,
            value: values[i]!,
          };
          continue;
        }
        prefixedCount++;
        const attributePrefix = attributeName.slice(0, attributeColon);
        let attributeNamespace = attributePrefix === 'xmlns' ? XMLNS_NAMESPACE : this.lookUpPrefix(attributePrefix);
        if (attributeNamespace === null) {
          unbound ??= [];
          unbound.push(i);
          attributeNamespace = this.options.fallbackNamespaces[attributePrefix] ?? null;
        }
        list[i] = {
          name: attributeName,
          prefix: attributePrefix,
          localName: attributeName.slice(attributeColon + 1),
          namespace: attributeNamespace,
          value: values[i]!,
        };
      }
      if (prefixedCount > 1 && !this.checkExpandedNamesUnique(list)) return false;
      attributes = list;
    }
    if (unbound !== null) {
      for (const index of unbound) {
        if (index === -1) {
          this.report('UNBOUND_PREFIX', 'recoverable', { name: prefix }, this.tokenPosition());
        } else {
          const at = this.positionAtAbsolute(this.attributeOffsets[index]!);
          this.report('UNBOUND_PREFIX', 'recoverable', { name: attributes[index]!.prefix }, at);
        }
      }
    }

    const tag: XmlStartTag = {
      name,
      prefix,
      localName,
      namespace,
      attributes,
      selfClosing,
      line: this.tokenLine,
      column: this.tokenColumn,
      offset: this.tokenOffset,
    };
    this.rootSeen = true;
    this.markupSeen = true;
    this.pos = end;
    this.state = TEXT;
    this.emitStartElement(tag);
    if (this.fatal) return false;
    if (selfClosing) {
      if (undo !== null) this.restoreNamespaces(undo);
      this.emitEndElement(tag, this.base + end);
      return !this.fatal;
    }
    this.openElements[this.depth] = tag;
    this.namespaceUndo[this.depth] = undo;
    this.depth++;
    return true;
  }

  /** The namespace bound to `prefix`, or null when it is unbound. */
  private lookUpPrefix(prefix: string): string | null {
    // Envelopes use one or two prefixes throughout; remembering the last answer skips most map lookups.
    if (prefix === this.lastPrefix) return this.lastPrefixNamespace;
    let namespace: string | null;
    if (prefix === 'xml') {
      namespace = XML_NAMESPACE;
    } else {
      const uri = this.namespaces.get(prefix);
      namespace = uri === undefined || uri === '' ? null : uri;
    }
    this.lastPrefix = prefix;
    this.lastPrefixNamespace = namespace;
    return namespace;
  }

  /** Namespace well-formedness: no two attributes with the same namespace and local name. */
  private checkExpandedNamesUnique(attributes: readonly XmlAttribute[]): boolean {
    for (let j = 1; j < attributes.length; j++) {
      const later = attributes[j]!;
      if (later.namespace === null) continue;
      for (let i = 0; i < j; i++) {
        const earlier = attributes[i]!;
        if (earlier.namespace === later.namespace && earlier.localName === later.localName) {
          return this.failAtAbsolute('DUPLICATE_ATTRIBUTE', { name: later.name }, this.attributeOffsets[j]!);
        }
      }
    }
    return true;
  }

  private positionAtAbsolute(offset: number): XmlPosition {
    return this.positionAt(offset - this.base);
  }

  private failAtAbsolute(code: XmlProblemCode, details: XmlProblemDetails, offset: number): false {
    return this.failAt(code, details, offset - this.base);
  }

  private restoreNamespaces(undo: (string | undefined)[]): void {
    this.lastPrefix = undefined;
    for (let i = undo.length - 2; i >= 0; i -= 2) {
      const prefix = undo[i]!;
      const previous = undo[i + 1];
      if (previous === undefined) this.namespaces.delete(prefix);
      else this.namespaces.set(prefix, previous);
    }
  }

  private scanEndTag(): boolean {
    const buf = this.buf;
    const length = buf.length;
    let p = this.tagResume - this.base;
    if (this.tagStep === END_TAG_NAME && this.depth > 0) {
      // Fast path: the end tag repeats the open element's name, followed by '>' or whitespace.
      const nameStart = this.tokenStart + 2;
      const expected = this.openElements[this.depth - 1]!.name;
      const nameEnd = nameStart + expected.length;
      if (nameEnd < length) {
        const after = buf.charCodeAt(nameEnd);
        if ((after === CHAR_GREATER_THAN || isXmlWhitespace(after)) && buf.slice(nameStart, nameEnd) === expected) {
          p = nameEnd;
          this.tagStep = END_TAG_AFTER_NAME;
        }
      }
    }
    if (this.tagStep === END_TAG_NAME) {
      const nameStart = this.tokenStart + 2;
      const limit = nameStart + this.options.maxNameLength;
      p = this.skipNameChars(p, Math.min(length, limit + 1));
      if (p > limit) return this.failAtToken('NAME_TOO_LONG', { limit: this.options.maxNameLength });
      if (this.atBufferEnd(p)) {
        this.tagResume = this.base + p;
        return this.suspend();
      }
      if (p === nameStart) return this.failAtToken('MALFORMED_TAG', { reason: REASON_END_TAG_NAME });
      if (this.depth === 0) return this.failAtToken('UNEXPECTED_END_TAG', { name: buf.slice(nameStart, p) });
      const expected = this.openElements[this.depth - 1]!.name;
      if (p - nameStart !== expected.length || buf.slice(nameStart, p) !== expected) {
        return this.failAtToken('MISMATCHED_END_TAG', { name: buf.slice(nameStart, p), expected });
      }
      this.tagStep = END_TAG_AFTER_NAME;
    }
    while (p < length && isXmlWhitespace(buf.charCodeAt(p))) p++;
    if (p >= length) {
      this.tagResume = this.base + p;
      return this.suspend();
    }
    const c = buf.charCodeAt(p);
    if (c !== CHAR_GREATER_THAN) {
      return this.failAt(
        'MALFORMED_TAG',
        { name: this.openElements[this.depth - 1]!.name, reason: unexpectedCharacter(c) },
        p,
      );
    }
    this.depth--;
    const tag = this.openElements[this.depth]!;
    const undo = this.namespaceUndo[this.depth];
    if (undo) this.restoreNamespaces(undo);
    this.pos = p + 1;
    this.state = TEXT;
    this.emitEndElement(tag, this.base + p + 1);
    return !this.fatal;
  }

  private scanBang(): boolean {
    const buf = this.buf;
    const start = this.tokenStart;
    if (buf.startsWith('<!--', start)) {
      this.locateToken();
      this.state = COMMENT;
      this.pos = start + 4;
      this.markupContentStart = this.base + start + 4;
      this.markupText = '';
      return true;
    }
    if (buf.startsWith('<![CDATA[', start)) {
      if (this.depth === 0) return this.failAtToken('TEXT_OUTSIDE_ROOT');
      this.locateToken();
      this.state = CDATA;
      this.pos = start + 9;
      return true;
    }
    if (buf.startsWith('<!DOCTYPE', start)) return this.failAtToken('DOCTYPE_FORBIDDEN');
    // Not decidable until enough characters have arrived to tell the three apart.
    const seen = buf.slice(start, start + 9);
    if (seen.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE'].some((opening) => opening.startsWith(seen))) {
      return this.suspend();
    }
    return this.failAtToken('MALFORMED_MARKUP', { reason: REASON_BANG });
  }

  private scanComment(): boolean {
    const buf = this.buf;
    const length = buf.length;
    const from = this.pos;
    const doubleHyphen = buf.indexOf('--', from);
    // Without a complete '--' + one more character in the buffer, consume all but a trailing '-'.
    const complete = doubleHyphen !== -1 && doubleHyphen + 2 < length;
    let consumed = complete ? doubleHyphen : Math.max(from, doubleHyphen === -1 ? length - 1 : doubleHyphen);
    if (!complete && consumed > from && isHighSurrogate(buf.charCodeAt(consumed - 1))) consumed--;
    if (!this.checkMarkupContent(from, consumed)) return false;
    if (this.emitComment !== undefined) this.markupText += buf.slice(from, consumed);
    if (!complete) {
      this.pos = consumed;
      return this.suspend();
    }
    if (buf.charCodeAt(doubleHyphen + 2) !== CHAR_GREATER_THAN) {
      return this.failAt('MALFORMED_COMMENT', { reason: REASON_DOUBLE_HYPHEN }, doubleHyphen);
    }
    this.pos = doubleHyphen + 3;
    this.state = TEXT;
    this.markupSeen = true;
    if (this.emitComment !== undefined) {
      const text = normalizeLineBreaks(this.markupText);
      this.markupText = '';
      this.emitComment(text);
    }
    return !this.fatal;
  }

  /**
   * Checks comment or processing-instruction content in [from, to): characters, then length. The
   * problem earlier in the document wins, so the outcome does not depend on how much has arrived.
   */
  private checkMarkupContent(from: number, to: number): boolean {
    const firstBeyondLimit = this.markupContentStart + this.options.maxMarkupLength - this.base;
    const illegal = this.findIllegalCharacter(from);
    if (illegal < Math.min(to, firstBeyondLimit)) return this.failIllegalCharacter(illegal);
    if (to > firstBeyondLimit) return this.failAtToken('MARKUP_TOO_LONG', { limit: this.options.maxMarkupLength });
    return true;
  }

  private scanCdata(): boolean {
    const buf = this.buf;
    const from = this.pos;
    const close = buf.indexOf(']]>', from);
    if (close !== -1) {
      if (close > from && !this.emitCdataPiece(from, close)) return false;
      this.pos = close + 3;
      this.state = TEXT;
      return true;
    }
    if (this.endCalled) return this.suspend();
    // Keep back what may be the start of ']]>', a CR that may precede LF, or half a surrogate pair.
    let end = buf.length - 2;
    if (end > from) {
      const c = buf.charCodeAt(end - 1);
      if (c === CHAR_CR || isHighSurrogate(c)) end--;
    }
    if (end > from) {
      if (!this.emitCdataPiece(from, end)) return false;
      this.pos = end;
    }
    return false;
  }

  private emitCdataPiece(from: number, to: number): boolean {
    const illegal = this.findIllegalCharacter(from);
    if (illegal < to) {
      const before = illegal > from ? this.normalizedSlice(from, illegal) : '';
      return this.emitThenFail(before, 'INVALID_CHARACTER', this.describeCharacterAt(illegal), illegal);
    }
    this.emitText(this.normalizedSlice(from, to));
    return !this.fatal;
  }

  private scanProcessingInstruction(): boolean {
    const buf = this.buf;
    const from = this.pos;
    const close = buf.indexOf('?>', from);
    let consumed = close === -1 ? Math.max(from, buf.length - 1) : close;
    if (close === -1 && consumed > from && isHighSurrogate(buf.charCodeAt(consumed - 1))) consumed--;
    if (!this.checkMarkupContent(from, consumed)) return false;
    this.markupText += buf.slice(from, consumed);
    if (close === -1) {
      this.pos = consumed;
      return this.suspend();
    }
    this.pos = close + 2;
    this.state = TEXT;
    const text = this.markupText;
    this.markupText = '';
    return this.finishProcessingInstruction(text);
  }

  private finishProcessingInstruction(text: string): boolean {
    let targetEnd = 0;
    while (targetEnd < text.length) {
      const c = text.charCodeAt(targetEnd);
      if (isXmlWhitespace(c)) break;
      if (
        !(targetEnd === 0 ? isNameStartCodePoint(c) : isNameCodePoint(c)) &&
        !isHighSurrogate(c) &&
        !isLowSurrogate(c)
      ) {
        break;
      }
      targetEnd++;
    }
    const target = text.slice(0, targetEnd);
    if (
      target === '' ||
      target.includes(':') ||
      (targetEnd < text.length && !isXmlWhitespace(text.charCodeAt(targetEnd)))
    ) {
      return this.failAtToken('MALFORMED_PROCESSING_INSTRUCTION', {
        name: target || text.slice(0, 20),
        reason: REASON_PI_TARGET,
      });
    }
    let dataStart = targetEnd;
    while (dataStart < text.length && isXmlWhitespace(text.charCodeAt(dataStart))) dataStart++;
    const data = text.slice(dataStart);
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml') {
        return this.failAtToken('MALFORMED_PROCESSING_INSTRUCTION', { name: target, reason: REASON_PI_RESERVED });
      }
      return this.finishDeclaration(text.slice(targetEnd));
    }
    this.markupSeen = true;
    this.emitProcessingInstruction(target, normalizeLineBreaks(data));
    return !this.fatal;
  }

  private finishDeclaration(fieldsText: string): boolean {
    if (this.markupSeen || this.rootSeen) return this.failAtToken('MISPLACED_XML_DECLARATION');
    if (this.leadingTextSeen) {
      if (!this.options.allowLeadingJunk) return this.failAtToken('MISPLACED_XML_DECLARATION');
      if (!this.leadingJunkReported) {
        this.leadingJunkReported = true;
        const start = this.byteOrderMarkLength;
        this.report('JUNK_BEFORE_ROOT', 'recoverable', {}, { line: 1, column: 1, offset: start });
      }
    }
    const parsed = parseXmlDeclarationFields(fieldsText);
    if (isDeclarationDefect(parsed)) return this.failAtToken('INVALID_XML_DECLARATION', { reason: parsed });
    this.markupSeen = true;
    const position = this.tokenPosition();
    if (parsed.encoding !== undefined && parsed.encoding.toLowerCase() !== 'utf-8') {
      this.report('UNSUPPORTED_ENCODING', 'recoverable', { found: parsed.encoding }, position);
    }
    const declaration: { -readonly [K in keyof XmlDeclaration]: XmlDeclaration[K] } = {
      version: parsed.version,
      line: position.line,
      column: position.column,
      offset: position.offset,
    };
    if (parsed.encoding !== undefined) declaration.encoding = parsed.encoding;
    if (parsed.standalone !== undefined) declaration.standalone = parsed.standalone;
    this.emitDeclaration(declaration);
    return !this.fatal;
  }
}
