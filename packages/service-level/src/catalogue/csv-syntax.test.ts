import { parse as csvParse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CsvDelimiter,
  type CsvRecordStart,
  type CsvSyntaxProblem,
  csvFieldIndexAt,
  detectCsvDelimiter,
  locateCsvField,
  scanCsv,
} from './csv-syntax';

interface Scanned {
  readonly fields: string[];
  readonly start: CsvRecordStart;
  readonly problems: readonly CsvSyntaxProblem[] | undefined;
}

function scan(text: string, delimiter: CsvDelimiter = ','): Scanned[] {
  const records: Scanned[] = [];
  scanCsv(text, delimiter, (fields, start, problems) => records.push({ fields, start, problems }));
  return records;
}

/** RFC 4180 writing: quote a field that holds a quote, the delimiter or a line break (or is a lone empty field). */
function writeCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter, lineEnd: string): string {
  return rows
    .map((row) =>
      row
        .map((field) =>
          /["\r\n]/.test(field) || field.includes(delimiter) || (row.length === 1 && field === '')
            ? `"${field.replaceAll('"', '""')}"`
            : field,
        )
        .join(delimiter),
    )
    .join(lineEnd);
}

const fieldText = fc.string({
  unit: fc.constantFrom('a', 'Đ', 'ệ', ' ', ',', ';', '\t', '"', '\n', '\r', '\r\n', 'x'),
  maxLength: 8,
});
const table = fc.array(fc.array(fieldText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });

describe('scanCsv', () => {
  it('reads fields, quoted fields with delimiters, doubled quotes and line breaks', () => {
    const records = scan('a,"b,c","say ""hi""","two\nlines"\r\nx,,z\n');
    expect(records.map((record) => record.fields)).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['x', '', 'z'],
    ]);
    expect(records.every((record) => record.problems === undefined)).toBe(true);
  });

  it('counts lines across CRLF, LF, CR and line breaks inside quotes', () => {
    const records = scan('h1;h2\r\n"a\r\nb";c\rd;e\n\nf;"g\ng"\nlast;x', ';');
    expect(records.map((record) => [record.start.index, record.start.line])).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
      [3, 5],
      [4, 6],
      [5, 8],
    ]);
    expect(records[3]?.fields).toEqual(['']);
    expect(records[4]?.fields).toEqual(['f', 'g\ng']);
  });

  it('gives no empty record after a final line break, and an empty last field after a final delimiter', () => {
    expect(scan('a,b\n').map((record) => record.fields)).toEqual([['a', 'b']]);
    expect(scan('a,b,').map((record) => record.fields)).toEqual([['a', 'b', '']]);
    expect(scan('')).toEqual([]);
  });

  it('reports a quote that is never closed, where it opened, and keeps the rest as the field', () => {
    const [header, record] = scan('a,b\nx,"open\nstill open');
    expect(header?.problems).toBeUndefined();
    expect(record?.fields).toEqual(['x', 'open\nstill open']);
    expect(record?.problems).toEqual([{ kind: 'unterminated-quote', line: 2, column: 3, offset: 6 }]);
  });

  it('reports text after a closing quote and a quote inside an unquoted field', () => {
    const [record] = scan('"ab"cd,e"f"');
    expect(record?.fields).toEqual(['abcd', 'e"f"']);
    expect(record?.problems).toEqual([
      { kind: 'text-after-closing-quote', line: 1, column: 5, offset: 4 },
      { kind: 'quote-in-unquoted-field', line: 1, column: 9, offset: 8 },
    ]);
  });

  it('reads back what an RFC 4180 writer wrote, for any fields, delimiter and line end', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        (rows, delimiter, lineEnd) => {
          const text = writeCsv(rows, delimiter, lineEnd);
          const records = scan(text, delimiter);
          expect(records.map((record) => record.fields)).toEqual(rows);
          expect(records.every((record) => record.problems === undefined)).toBe(true);
        },
      ),
    );
  });

  it('agrees with csv-parse on every well-formed file', () => {
    fc.assert(
      fc.property(table, fc.constantFrom<CsvDelimiter>(',', ';'), (rows, delimiter) => {
        const text = writeCsv(rows, delimiter, '\r\n');
        const peer = csvParse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
        expect(scan(text, delimiter).map((record) => record.fields)).toEqual(peer);
      }),
    );
  });
});

describe('locateCsvField and csvFieldIndexAt', () => {
  const text = 'h1;h2;h3\n"multi\nline";"a;b";c\n';
  const [, record] = scan(text, ';');
  const start = record?.start as CsvRecordStart;

  it('finds where each field of a record starts, after line breaks inside quotes', () => {
    expect(locateCsvField(text, start, 0, ';')).toEqual({ line: 2, column: 1, offset: 9 });
    expect(locateCsvField(text, start, 1, ';')).toEqual({ line: 3, column: 7, offset: 22 });
    expect(locateCsvField(text, start, 2, ';')).toEqual({ line: 3, column: 13, offset: 28 });
  });

  it('finds the field that holds an offset', () => {
    expect(csvFieldIndexAt(text, start, 12, ';')).toBe(0);
    expect(csvFieldIndexAt(text, start, 24, ';')).toBe(1);
    expect(csvFieldIndexAt(text, start, 28, ';')).toBe(2);
  });
});

describe('detectCsvDelimiter', () => {
  it('picks the semicolon of a Vietnamese Excel export even when unquoted cells hold commas', () => {
    const text = 'Mã thủ tục;Tên thủ tục;Cơ quan;Cấp\n1.1;Cấp phép, gia hạn;Sở A, tỉnh B;Tỉnh\n1.2;Đăng ký;Sở C;Tỉnh\n';
    expect(detectCsvDelimiter(text)).toBe(';');
  });

  it('picks the comma when unquoted cells hold semicolons', () => {
    const text = 'code,name,agency,channels\n1.1,A,Sở A,Trực tuyến; Bưu chính\n1.2,B,Sở B,Trực tiếp\n';
    expect(detectCsvDelimiter(text)).toBe(',');
  });

  it('picks the tab of a tab-separated export, ignores delimiters inside quotes, and defaults to the comma', () => {
    expect(detectCsvDelimiter('a\tb\tc\n1\t"x,y,z"\t3\n')).toBe('\t');
    expect(detectCsvDelimiter('"a;b;c;d",x\n"e;f;g;h",y\n')).toBe(',');
    expect(detectCsvDelimiter('one column\n')).toBe(',');
  });
});
