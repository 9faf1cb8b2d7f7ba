import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorsError } from '../errors';
import { parseIndicatorReport } from './parse-indicator-report';

const minimal = {
  schemaVersion: 1,
  reportingUnit: { name: 'Tỉnh Hòa Bình', kind: 'province' },
  period: { from: '2019-01-01', to: '2019-12-31' },
  values: [{ indicator: 'tthc_total', value: 1680 }],
};
const minimalText = JSON.stringify(minimal, null, 2);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseIndicatorReport', () => {
  it('reads text, bytes and objects alike, filling in defaults', () => {
    const expected = {
      ...minimal,
      values: [{ indicator: 'tthc_total', value: 1680, qualifier: 'exact', provenance: 'stated' }],
    };
    for (const input of [minimalText, utf8(minimalText), utf8(minimalText).buffer, Buffer.from(minimalText), minimal]) {
      expect(parseIndicatorReport(input)).toEqual({ report: expected, issues: [] });
    }
  });

  it('IND-PARSE-001 refuses input over the size limit before reading it', () => {
    expect(parseIndicatorReport(minimalText, { maxBytes: 100 }).issues).toEqual([
      {
        ruleId: 'IND-PARSE-001',
        severity: 'error',
        message: {
          vi: `Báo cáo có ${minimalText.length} byte, vượt giới hạn 100 byte; tệp không được đọc.`,
          en: `The report is ${minimalText.length} bytes, over the limit of 100 bytes; it is not read.`,
        },
        params: { bytes: minimalText.length, maxBytes: 100 },
      },
    ]);
    // "Hòa" takes 4 bytes in UTF-8 for 3 characters: the limit is on bytes.
    expect(parseIndicatorReport('"Hòa"', { maxBytes: 5 }).issues[0]?.params).toEqual({ bytes: 6, maxBytes: 5 });
    const huge = new Uint8Array(17 * 1024 * 1024);
    expect(parseIndicatorReport(huge).issues.map((issue) => issue.params)).toEqual([
      { bytes: 17 * 1024 * 1024, maxBytes: 16 * 1024 * 1024 },
    ]);
  });

  it('IND-PARSE-002 notes and removes a byte order mark', () => {
    const result = parseIndicatorReport(utf8(`\uFEFF${minimalText}`));
    expect(result.report?.reportingUnit.name).toBe('Tỉnh Hòa Bình');
    expect(result.issues).toEqual([
      {
        ruleId: 'IND-PARSE-002',
        severity: 'info',
        message: {
          vi: 'Tệp bắt đầu bằng dấu BOM (U+FEFF); dấu này được bỏ qua. RFC 8259 không cho phép ghi BOM vào JSON.',
          en: 'The file starts with a byte order mark (U+FEFF), which is ignored. RFC 8259 says JSON must not start with one.',
        },
        location: { line: 1, column: 1, offset: 0 },
        reference: 'RFC 8259 §8.1',
      },
    ]);
  });

  it('IND-PARSE-003 locates the first byte that is not UTF-8 (a Windows-1258 file)', () => {
    // "Hòa" in Windows-1258: ò is 0xF2, which cannot start a UTF-8 sequence here.
    const bytes = new Uint8Array([...utf8('{\n "name": "H'), 0xf2, ...utf8('a"}')]);
    expect(parseIndicatorReport(bytes).issues).toEqual([
      {
        ruleId: 'IND-PARSE-003',
        severity: 'error',
        message: {
          vi: 'Byte 13 (dòng 2, cột 12) không phải UTF-8 hợp lệ; báo cáo JSON phải được lưu bằng UTF-8.',
          en: 'Byte 13 (line 2, column 12) is not valid UTF-8; a JSON report must be saved as UTF-8.',
        },
        location: { line: 2, column: 12, offset: 13 },
        reference: 'RFC 8259 §8.1',
        params: { byteOffset: 13, line: 2, column: 12 },
      },
    ]);
    // Overlong forms and surrogates are refused too.
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe0, 0x80, 0xaf],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      expect(parseIndicatorReport(new Uint8Array([0x22, ...bad, 0x22])).issues[0]?.params).toEqual({
        byteOffset: 1,
        line: 1,
        column: 2,
      });
    }
  });

  it('IND-PARSE-004 gives the line and column of a JSON syntax error', () => {
    expect(parseIndicatorReport('{\n  "schemaVersion": 1,\n}').issues).toEqual([
      {
        ruleId: 'IND-PARSE-004',
        severity: 'error',
        message: {
          vi: 'Lỗi cú pháp JSON ở dòng 3, cột 1: gặp ký tự «}» trong khi cần tên thuộc tính trong ngoặc kép.',
          en: 'JSON syntax error at line 3, column 1: found the character «}» where a property name in double quotes was expected.',
        },
        location: { line: 3, column: 1, offset: 24 },
        reference: 'RFC 8259',
        params: {
          line: 3,
          column: 1,
          problem: {
            vi: 'gặp ký tự «}» trong khi cần tên thuộc tính trong ngoặc kép',
            en: 'found the character «}» where a property name in double quotes was expected',
          },
        },
      },
    ]);
    const problems = (text: string) => parseIndicatorReport(text).issues.map((issue) => issue.message.en);
    expect(problems('')).toEqual([
      'JSON syntax error at line 1, column 1: found the end of the input where a value was expected.',
    ]);
    expect(problems('not json')).toEqual([
      'JSON syntax error at line 1, column 1: found the character «n» where a value was expected.',
    ]);
    expect(problems('[1,]')).toEqual([
      'JSON syntax error at line 1, column 4: found the character «]» where a value was expected.',
    ]);
    expect(problems('{"a": "x\ny"}')).toEqual([
      'JSON syntax error at line 1, column 9: a control character cannot appear unescaped in a string.',
    ]);
    expect(problems('{"a": 01}')).toEqual([
      'JSON syntax error at line 1, column 8: found the character «1» where «,» or a closing bracket was expected.',
    ]);
    expect(problems('{"a": 1} x')).toEqual([
      'JSON syntax error at line 1, column 10: found the character «x» where the end of the input was expected.',
    ]);
    expect(problems('{"a": "\\x"}')).toEqual(['JSON syntax error at line 1, column 8: invalid escape sequence.']);
    expect(problems('{"a": "abc')).toEqual(['JSON syntax error at line 1, column 7: the string is never closed.']);
  });

  it('IND-PARSE-005 refuses nesting deeper than the limit, in text and in objects, without overflowing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseIndicatorReport(deep).issues).toEqual([
      {
        ruleId: 'IND-PARSE-005',
        severity: 'error',
        message: {
          vi: 'Dữ liệu lồng nhau sâu hơn 64 cấp (ở dòng 1, cột 65); báo cáo không được đọc.',
          en: 'The data is nested deeper than 64 levels (at line 1, column 65); the report is not read.',
        },
        location: { line: 1, column: 65, offset: 64 },
        params: { maxDepth: 64, where: { vi: 'dòng 1, cột 65', en: 'line 1, column 65' } },
      },
    ]);
    let nested: unknown = 1;
    for (let level = 0; level < 10_000; level++) nested = { next: nested };
    const result = parseIndicatorReport({ ...minimal, notes: nested }, { maxDepth: 8 });
    expect(result.issues.map((issue) => [issue.ruleId, issue.location?.path])).toEqual([
      ['IND-PARSE-005', 'notes.next.next.next.next.next.next.next'],
    ]);
    // A cycle is visited once, never followed forever; the model then refuses the unknown key, at the key.
    const cyclic: Record<string, unknown> = { ...minimal };
    cyclic.self = cyclic;
    const fromCycle = parseIndicatorReport(cyclic);
    expect(fromCycle.issues.map((issue) => [issue.ruleId, issue.location?.path])).toEqual([['IND-PARSE-010', 'self']]);
    expect(fromCycle.report).toBeUndefined();
  });

  it('IND-PARSE-006 ignores keys that could pollute prototypes', () => {
    const text = `{"__proto__": {"polluted": true}, ${minimalText.slice(1, -1)}, "values": [{"indicator": "tthc_total", "value": 1, "constructor": {"prototype": {"polluted": true}}}]}`;
    const result = parseIndicatorReport(text);
    expect(result.issues).toEqual([
      {
        ruleId: 'IND-PARSE-006',
        severity: 'warning',
        message: {
          vi: 'Khóa «__proto__» ở __proto__ có thể dùng để tấn công prototype của JavaScript; khóa này bị bỏ qua.',
          en: 'The key «__proto__» at __proto__ can be used to pollute JavaScript prototypes; it is ignored.',
        },
        location: { path: '__proto__' },
        params: { key: '__proto__', path: '__proto__' },
      },
      expect.objectContaining({
        ruleId: 'IND-PARSE-006',
        params: { key: 'constructor', path: 'values[0].constructor' },
      }),
    ]);
    expect(result.report?.values).toEqual([
      { indicator: 'tthc_total', value: 1, qualifier: 'exact', provenance: 'stated' },
    ]);
    expect(Object.getPrototypeOf(result.report)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('IND-PARSE-007 refuses a document that is not an object', () => {
    expect(parseIndicatorReport('[1, 2]').issues).toEqual([
      {
        ruleId: 'IND-PARSE-007',
        severity: 'error',
        message: {
          vi: 'Báo cáo phải là một đối tượng JSON (trong dấu ngoặc nhọn), nhưng đây là một mảng.',
          en: 'A report must be a JSON object (in curly braces), but this is an array.',
        },
        location: { path: '$' },
        params: { found: { vi: 'một mảng', en: 'an array' } },
      },
    ]);
    expect(parseIndicatorReport('null').issues[0]?.message.en).toBe(
      'A report must be a JSON object (in curly braces), but this is null.',
    );
    expect(parseIndicatorReport(42).issues[0]?.message.vi).toBe(
      'Báo cáo phải là một đối tượng JSON (trong dấu ngoặc nhọn), nhưng đây là một số.',
    );
  });

  it('IND-PARSE-010 maps model errors to located issues in both languages', () => {
    const input = {
      ...minimal,
      period: { from: '2019-12-31', to: '2019-01-01', until: '2019-12-31' },
      values: [
        { indicator: 'tthc_total', value: 1 },
        { indicator: 'Tthc Total', value: 2 },
        { indicator: 'tthc_total', value: [3], qualifier: 'khoang', source: { quote: '', line: 0 } },
      ],
    };
    delete (input as Partial<typeof input>).reportingUnit;
    const issues = parseIndicatorReport(input).issues;
    expect(issues.map((issue) => [issue.location?.path, issue.message.vi, issue.message.en])).toEqual([
      [
        'reportingUnit',
        'reportingUnit: thiếu trường bắt buộc (cần một đối tượng).',
        'reportingUnit: required field missing (expected an object).',
      ],
      [
        'period.until',
        'period.until: trường «until» không có trong mô hình (gõ sai tên trường?).',
        'period.until: unknown field «until» (a misspelt field name?).',
      ],
      [
        'values[1].indicator',
        'values[1].indicator: tên máy phải là các từ ASCII viết thường nối bằng «_».',
        'values[1].indicator: a machine name is lower-case ASCII words joined by "_".',
      ],
      [
        'values[2].value',
        'values[2].value: kiểu giá trị không được chấp nhận ở đây (một mảng).',
        'values[2].value: a value of a type not accepted here (an array).',
      ],
      [
        'values[2].qualifier',
        'values[2].qualifier: phải là một trong: "exact", "approx", "at_least", "at_most".',
        'values[2].qualifier: must be one of: "exact", "approx", "at_least", "at_most".',
      ],
      [
        'values[2].source.quote',
        'values[2].source.quote: không được để trống.',
        'values[2].source.quote: must not be empty.',
      ],
      ['values[2].source.line', 'values[2].source.line: phải > 0.', 'values[2].source.line: must be > 0.'],
    ]);
    expect(issues.every((issue) => issue.ruleId === 'IND-PARSE-010' && issue.severity === 'error')).toBe(true);
  });

  it('IND-PARSE-010 refuses an unknown key at the key itself, naming it (a misspelt `qualifer`)', () => {
    const input = {
      ...minimal,
      reportingUnit: { name: 'Sơn La', kind: 'province', kind2: 'x' },
      values: [{ indicator: 'tthc_total', value: 1, qualifer: 'approx', note2: 'x' }],
    };
    const issues = parseIndicatorReport(input).issues;
    expect(issues.map((issue) => [issue.ruleId, issue.location?.path, issue.message.vi, issue.message.en])).toEqual([
      [
        'IND-PARSE-010',
        'reportingUnit.kind2',
        'reportingUnit.kind2: trường «kind2» không có trong mô hình (gõ sai tên trường?).',
        'reportingUnit.kind2: unknown field «kind2» (a misspelt field name?).',
      ],
      [
        'IND-PARSE-010',
        'values[0].qualifer',
        'values[0].qualifer: trường «qualifer» không có trong mô hình (gõ sai tên trường?).',
        'values[0].qualifer: unknown field «qualifer» (a misspelt field name?).',
      ],
      [
        'IND-PARSE-010',
        'values[0].note2',
        'values[0].note2: trường «note2» không có trong mô hình (gõ sai tên trường?).',
        'values[0].note2: unknown field «note2» (a misspelt field name?).',
      ],
    ]);
    // `$schema` is allowed at the top, for editors.
    expect(parseIndicatorReport({ ...minimal, $schema: './indicator-report.schema.json' }).issues).toEqual([]);
  });

  it('IND-PARSE-010 explains a URL that is not http(s) and a list of tiers out of order', () => {
    const input = {
      ...minimal,
      source: { title: 'Báo cáo', url: 'ftp://sonla.gov.vn/14.pdf' },
      values: [{ indicator: 'tthc_total', value: 1, tiers: ['huyen', 'tinh'] }],
    };
    const issues = parseIndicatorReport(input).issues;
    expect(issues.map((issue) => [issue.location?.path, issue.message.vi, issue.message.en])).toEqual([
      [
        'source.url',
        'source.url: phải là một địa chỉ web bắt đầu bằng http:// hoặc https://.',
        'source.url: a web address starting with http:// or https://.',
      ],
      [
        'values[0].tiers',
        'values[0].tiers: danh sách cấp gồm hai hoặc ba cấp khác nhau, theo thứ tự tinh, huyen, xa.',
        'values[0].tiers: tiers are two or three distinct tiers in the order tinh, huyen, xa.',
      ],
    ]);
  });

  it('lists at most 100 model errors and counts the rest', () => {
    const values = Array.from({ length: 150 }, () => ({ indicator: 'x', value: {} }));
    const issues = parseIndicatorReport({ ...minimal, values }).issues;
    expect(issues).toHaveLength(101);
    expect(issues.at(-1)?.message.en).toBe('$: 50 more error(s) not listed.');
  });

  it('throws INVALID_ARGUMENT only for limits that are not positive whole numbers', () => {
    expect(() => parseIndicatorReport('{}', { maxBytes: 0 })).toThrow(IndicatorsError);
    expect(() => parseIndicatorReport('{}', { maxDepth: 1.5 })).toThrow(IndicatorsError);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything(), fc.uint8Array({ maxLength: 64 })), (input) => {
        const result = parseIndicatorReport(input);
        for (const issue of result.issues) {
          expect(issue.message.vi.length).toBeGreaterThan(0);
          expect(issue.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.parse on what is JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        let isJson = true;
        try {
          JSON.parse(text);
        } catch {
          isJson = false;
        }
        const syntaxError = parseIndicatorReport(text, { maxDepth: 1000 }).issues.some(
          (issue) => issue.ruleId === 'IND-PARSE-004',
        );
        expect(syntaxError).toBe(!isJson);
      }),
      { numRuns: 500 },
    );
  });
});
