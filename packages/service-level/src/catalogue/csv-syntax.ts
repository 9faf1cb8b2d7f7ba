/*
 * An RFC 4180 reader for the CSV files spreadsheets write: quoted fields with doubled quotes and line breaks
 * inside, CRLF / LF / CR line ends, and a choice of delimiter (Excel set to Vietnamese writes `;`). It reports
 * what breaks the grammar instead of throwing, with the line and column where it happens, and hands each record
 * to a callback so a 100,000-row file is never held as an array of arrays.
 */

export type CsvDelimiter = ',' | ';' | '\t';

/** A break of the RFC 4180 grammar, at a 1-based line and column (UTF-16 code units) and a 0-based offset. */
export interface CsvSyntaxProblem {
  readonly kind: 'unterminated-quote' | 'quote-in-unquoted-field' | 'text-after-closing-quote';
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** Where a record starts in the text. */
export interface CsvRecordStart {
  /** 0-based index of the record (the header is record 0 when it is the first line). */
  readonly index: number;
  readonly line: number;
  readonly offset: number;
}

/** Called for each record; `problems` holds the grammar breaks inside it (usually none). */
export type CsvRecordHandler = (
  fields: string[],
  start: CsvRecordStart,
  problems: readonly CsvSyntaxProblem[] | undefined,
) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

const NO_PROBLEMS: readonly CsvSyntaxProblem[] | undefined = undefined;

/**
 * Reads every record of `text` (which must not start with a byte order mark) and calls `onRecord` for each.
 * A text that ends with a line break has no empty record after it. Returns the number of records.
 */
export function scanCsv(text: string, delimiter: CsvDelimiter, onRecord: CsvRecordHandler): number {
  const length = text.length;
  const delimiterCode = delimiter.charCodeAt(0);
  let position = 0;
  let line = 1;
  let lineStart = 0;
  let index = 0;
  while (position < length) {
    const start: CsvRecordStart = { index, line, offset: position };
    const fields: string[] = [];
    let problems: CsvSyntaxProblem[] | undefined;
    // One iteration per field; `ended` is set when the record's line break (or the end of the text) is consumed.
    let ended = false;
    while (!ended) {
      if (position < length && text.charCodeAt(position) === QUOTE) {
        const openOffset = position;
        const openLine = line;
        const openColumn = position - lineStart + 1;
        position++;
        let value = '';
        let segmentStart = position;
        let closed = false;
        while (position < length) {
          const quote = text.indexOf('"', position);
          const segmentEnd = quote < 0 ? length : quote;
          // Line breaks inside the quoted field still move the line counter.
          for (let at = position; at < segmentEnd; at++) {
            const code = text.charCodeAt(at);
            if (code === LF || (code === CR && text.charCodeAt(at + 1) !== LF)) {
              line++;
              lineStart = at + 1;
            }
          }
          if (quote < 0) {
            position = length;
            break;
          }
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(segmentStart, quote + 1);
            position = quote + 2;
            segmentStart = position;
            continue;
          }
          value += text.slice(segmentStart, quote);
          position = quote + 1;
          closed = true;
          break;
        }
        if (!closed) {
          value += text.slice(segmentStart, length);
          problems ??= [];
          problems.push({ kind: 'unterminated-quote', line: openLine, column: openColumn, offset: openOffset });
          fields.push(value);
          ended = true;
          break;
        }
        // After the closing quote: a delimiter, a line break or the end. Anything else is kept, but reported.
        if (position < length) {
          const next = text.charCodeAt(position);
          if (next !== delimiterCode && next !== LF && next !== CR) {
            problems ??= [];
            problems.push({
              kind: 'text-after-closing-quote',
              line,
              column: position - lineStart + 1,
              offset: position,
            });
            const rest = readUnquoted(text, position, delimiterCode);
            value += text.slice(position, rest);
            position = rest;
          }
        }
        fields.push(value);
      } else {
        const end = readUnquoted(text, position, delimiterCode);
        const value = text.slice(position, end);
        if (value.includes('"')) {
          const at = position + value.indexOf('"');
          problems ??= [];
          problems.push({ kind: 'quote-in-unquoted-field', line, column: at - lineStart + 1, offset: at });
        }
        fields.push(value);
        position = end;
      }
      if (position >= length) {
        ended = true;
      } else {
        const code = text.charCodeAt(position);
        if (code === delimiterCode) {
          position++;
          // A delimiter as the very last character still opens one more (empty) field.
          if (position >= length) {
            fields.push('');
            ended = true;
          }
        } else {
          position += code === CR && text.charCodeAt(position + 1) === LF ? 2 : 1;
          line++;
          lineStart = position;
          ended = true;
        }
      }
    }
    onRecord(fields, start, problems ?? NO_PROBLEMS);
    index++;
  }
  return index;
}

/** The end of an unquoted field: the next delimiter, line break, or the end of the text. */
function readUnquoted(text: string, from: number, delimiterCode: number): number {
  const length = text.length;
  let position = from;
  while (position < length) {
    const code = text.charCodeAt(position);
    if (code === delimiterCode || code === LF || code === CR) break;
    position++;
  }
  return position;
}

/**
 * The line and column where field `fieldIndex` of the record starting at `start` begins. Computed on demand
 * (only when an issue is reported), so reading stays a single pass.
 */
export function locateCsvField(
  text: string,
  start: CsvRecordStart,
  fieldIndex: number,
  delimiter: CsvDelimiter,
): { line: number; column: number; offset: number } {
  const delimiterCode = delimiter.charCodeAt(0);
  let position = start.offset;
  let line = start.line;
  let lineStart = start.offset;
  let field = 0;
  let fieldStart = position;
  let inQuotes = false;
  while (field < fieldIndex && position < text.length) {
    const code = text.charCodeAt(position);
    if (inQuotes) {
      if (code === QUOTE) {
        if (text.charCodeAt(position + 1) === QUOTE) position++;
        else inQuotes = false;
      } else if (code === LF || (code === CR && text.charCodeAt(position + 1) !== LF)) {
        line++;
        lineStart = position + 1;
      }
    } else if (code === QUOTE && position === fieldStart) {
      inQuotes = true;
    } else if (code === delimiterCode) {
      field++;
      fieldStart = position + 1;
    } else if (code === LF || code === CR) {
      break;
    }
    position++;
  }
  return { line, column: position - lineStart + 1, offset: position };
}

/** The index of the field of the record starting at `start` that contains the text offset `offset`. */
export function csvFieldIndexAt(text: string, start: CsvRecordStart, offset: number, delimiter: CsvDelimiter): number {
  const delimiterCode = delimiter.charCodeAt(0);
  let field = 0;
  let fieldStart = start.offset;
  let inQuotes = false;
  for (let position = start.offset; position < offset && position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (inQuotes) {
      if (code === QUOTE) {
        if (text.charCodeAt(position + 1) === QUOTE) position++;
        else inQuotes = false;
      }
    } else if (code === QUOTE && position === fieldStart) {
      inQuotes = true;
    } else if (code === delimiterCode) {
      field++;
      fieldStart = position + 1;
    }
  }
  return field;
}

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * Guesses the delimiter from the first lines (at most 20 lines or 64 KiB): for each candidate, the number of
 * lines that contain it the same number of times, times that number; the best score wins, `,` on a tie. A
 * header row of 15 columns split by `;` scores far above the odd comma inside an unquoted agency name.
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  const limit = Math.min(text.length, 65_536);
  const perLine: Map<CsvDelimiter, number>[] = [];
  let counts = new Map<CsvDelimiter, number>();
  let inQuotes = false;
  for (let position = 0; position < limit && perLine.length < 20; position++) {
    const char = text[position] as string;
    if (char === '"') {
      inQuotes = !inQuotes;
    } else if (!inQuotes && (char === '\n' || char === '\r')) {
      if (counts.size > 0) perLine.push(counts);
      counts = new Map();
    } else if (!inQuotes && (char === ',' || char === ';' || char === '\t')) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  if (counts.size > 0) perLine.push(counts);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const frequency = new Map<number, number>();
    for (const lineCounts of perLine) {
      const count = lineCounts.get(candidate) ?? 0;
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    let score = 0;
    for (const [count, lines] of frequency) score = Math.max(score, count * lines);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
