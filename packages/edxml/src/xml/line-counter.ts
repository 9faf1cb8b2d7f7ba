/**
 * Turns offsets into line and column numbers lazily: the scanner asks only for the positions it
 * reports (start tags, problems), and the counter finds line breaks between the last position asked
 * and the new one with native `indexOf`, so every character is looked at once, in bulk.
 *
 * Positions must be asked for in increasing order. The scanner keeps its buffer from the counted
 * position on (it advances the counter before dropping consumed input).
 */
/**
 * Index of the first CR at or after `from` that is not followed by LF (a line break of its own; in
 * CR LF the LF counts), or Infinity. A CR ending the buffer counts as lone: its successor is unknown.
 * The result is cached by the caller, so in a CR LF file each CR is passed over once per buffer.
 */
function findLoneCarriageReturn(buffer: string, from: number): number {
  for (;;) {
    const carriageReturn = buffer.indexOf('\r', from);
    if (carriageReturn === -1) return Number.POSITIVE_INFINITY;
    if (buffer.charCodeAt(carriageReturn + 1) !== 0x0a) return carriageReturn;
    from = carriageReturn + 2;
  }
}

export class LineCounter {
  /** 1-based line of the last counted position. */
  line = 1;
  /** Absolute offset of the first character of that line. */
  lineStart = 0;
  /** Absolute offset up to which line breaks have been counted. */
  private counted = 0;
  /** Buffer-relative index of the next LF / lone CR at or after `counted`; -1 unknown, Infinity none in this buffer. */
  private nextLineFeed = -1;
  private nextLoneCarriageReturn = -1;
  /** Absolute offset of a CR that ended a buffer and was counted as a line break before its successor was seen. */
  private carriageReturnAtBufferEnd = Number.NaN;

  /** The buffer lost its first `shift` code units and may have grown: shift what was found, forget what was not. */
  bufferChanged(shift: number): void {
    this.nextLineFeed = Number.isFinite(this.nextLineFeed) && this.nextLineFeed >= 0 ? this.nextLineFeed - shift : -1;
    // A lone CR at the old end may have been followed by LF since, so always search again.
    this.nextLoneCarriageReturn = -1;
  }

  /** Column (1-based, UTF-16 code units) of an absolute offset already counted to. */
  columnOf(offset: number): number {
    return offset - this.lineStart + 1;
  }

  /** Treats the first `length` code units as not part of any line (a byte order mark). */
  skipLeading(length: number): void {
    this.counted = length;
    this.lineStart = length;
  }

  /**
   * Counts line breaks up to `target` (absolute). `buffer` holds the text from absolute offset `base`
   * and contains every character from the last counted position to `target`.
   */
  advance(buffer: string, base: number, target: number): void {
    let from = this.counted;
    if (target <= from) return;
    for (;;) {
      const relativeFrom = from - base;
      if (this.nextLineFeed < relativeFrom) {
        const found = buffer.indexOf('\n', relativeFrom);
        this.nextLineFeed = found === -1 ? Number.POSITIVE_INFINITY : found;
      }
      if (this.nextLoneCarriageReturn < relativeFrom) {
        this.nextLoneCarriageReturn = findLoneCarriageReturn(buffer, relativeFrom);
      }
      const lineFeed = this.nextLineFeed;
      const carriageReturn = this.nextLoneCarriageReturn;
      const lineBreak = Math.min(lineFeed, carriageReturn);
      if (lineBreak === Number.POSITIVE_INFINITY || lineBreak + base >= target) break;
      const absolute = lineBreak + base;
      if (lineBreak === lineFeed) {
        // An LF right after a CR counted at the end of the previous buffer ends no new line.
        if (absolute - 1 !== this.carriageReturnAtBufferEnd) this.line++;
      } else {
        this.line++;
        if (lineBreak + 1 === buffer.length) this.carriageReturnAtBufferEnd = absolute;
      }
      this.lineStart = absolute + 1;
      from = absolute + 1;
    }
    this.counted = target;
  }
}
