import { readFileSync } from 'node:fs';
import { type Issue, ReportSchema } from '@lienthong/report';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvServiceArbitrary, headerCells, joinCsv, serviceCells, writeCatalogueCsv } from '../../test/catalogue-csv';
import { ServiceLevelError } from '../errors';
import type { Catalogue, Service } from '../model/service';
import { readCatalogueCsv } from './read-catalogue-csv';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../../test/fixtures/catalogue/${name}`, import.meta.url));
}

function ids(issues: readonly Issue[]): string[] {
  return issues.map((issue) => issue.ruleId);
}

function issueAt(issues: readonly Issue[], ruleId: string, path: string): Issue | undefined {
  return issues.find((issue) => issue.ruleId === ruleId && issue.location?.path === path);
}

const FIXED_CLOCK = () => new Date('2025-01-02T03:04:05Z');

describe('readCatalogueCsv on fixtures', () => {
  it('reads an Excel export: UTF-8 BOM, semicolons, CRLF, title rows, STT column, quoted multi-line cells', () => {
    const { catalogue, report } = readCatalogueCsv(fixture('danh-muc-excel-vi-semicolon.csv'), {
      subject: 'danh-muc-excel-vi-semicolon.csv',
      asOf: '2024-12-31',
      now: FIXED_CLOCK,
    });
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.valid).toBe(true);
    expect(ids(report.issues)).toEqual(['SL-CAT-CSV-013', 'SL-CAT-VAL-008']);
    expect(report.issues[0]?.params).toMatchObject({ headerRow: 3, count: 2 });
    expect(catalogue.asOf).toBe('2024-12-31');
    expect(catalogue.services.map((service) => service.procedureCode)).toEqual([
      '1.001612.000.00.00.H56',
      '1.004227',
      '1.001193',
      '2.000794',
      '1.000656',
      '1.005129',
    ]);
    expect(catalogue.services[1]).toEqual({
      procedureCode: '1.004227',
      name: 'Cấp Giấy chứng nhận đăng ký hộ kinh doanh\n(trường hợp thành lập mới)',
      agency: { name: 'Phòng Tài chính - Kế hoạch, UBND huyện Đông Sơn', code: '000.20.36.H56' },
      tier: 'huyen',
      capabilities: {
        informationPublished: true,
        formsDownloadable: true,
        onlineSubmission: true,
        onlineProcessing: true,
        payment: 'no-fee',
        resultChannels: ['online', 'public-post', 'in-person'],
        physicalPresenceRequired: false,
      },
      effectiveFrom: '2024-01-01',
      effectiveTo: '2025-06-30',
      declared: { nd42Category: 'toan_trinh' },
    });
    expect(catalogue.services[4]?.name).toBe('Thủ tục "một cửa" liên thông về đầu tư');
    expect(catalogue.services[5]?.declared).toEqual({ nd43Level: 4 });
  });

  it('reads English headers, commas, LF and the 1/0, yes/no spellings', () => {
    const text = fixture('catalogue-en-comma.csv').toString('utf8');
    const { catalogue, report } = readCatalogueCsv(text);
    expect(report.counts.error).toBe(0);
    expect(
      catalogue.services.map((service) => [service.tier, service.fieldCode, service.capabilities.onlineSubmission]),
    ).toEqual([
      ['tinh', 'H56-XD', true],
      ['huyen', undefined, true],
      ['xa', undefined, false],
    ]);
    // Row 3 declares level 3 but its processing is not online: level 2 (a warning, the row is kept).
    const differs = issueAt(report.issues, 'SL-CLS-010', 'rows[3]');
    expect(differs?.message.vi).toMatch(
      /^Thủ tục 1\.004227 khai báo mức độ 3, nhưng theo năng lực của dịch vụ là mức độ 2\. Các giao dịch trong quá trình xử lý hồ sơ/,
    );
    expect(differs?.location).toEqual({ path: 'rows[3]', line: 3, column: 1, offset: text.indexOf('\n1.004227') + 1 });
  });

  it('reads Windows-1258 bytes when told, and reports the first non-UTF-8 byte otherwise', () => {
    const bytes = fixture('danh-muc-windows-1258.csv');
    const told = readCatalogueCsv(bytes, { encoding: 'windows-1258' });
    expect(told.report.valid).toBe(true);
    expect(told.catalogue.services.map((service) => [service.name, service.agency.name, service.tier])).toEqual([
      ['Cấp giấy phép xây dựng mới đối với công trình cấp I, II', 'Sở Xây dựng', 'tinh'],
      ['Đăng ký khai sinh', 'UBND xã Đông Hòa', 'xa'],
    ]);
    const untold = readCatalogueCsv(bytes);
    expect(untold.catalogue.services).toEqual([]);
    expect(ids(untold.report.issues)).toEqual(['SL-CAT-TXT-001']);
    expect(untold.report.issues[0]?.location).toEqual({ line: 1, column: 3, offset: 2 });
    expect(untold.report.issues[0]?.message.en).toContain('Windows-1258');
  });

  it('locates every bad cell by row and column, keeps the bad rows out, and says so for each', () => {
    const { catalogue, report } = readCatalogueCsv(fixture('danh-muc-loi.csv'), { asOf: '2024-12-31' });
    expect(report.valid).toBe(false);
    // Rows 2, 11 (too few fields: a warning), 13 and 14 are kept; row 12 is blank.
    expect(catalogue.services.map((service) => service.procedureCode)).toEqual([
      '1.000001',
      '1.000010',
      '1.000012',
      '1.000001',
    ]);
    const expected: [string, string][] = [
      ['SL-CAT-CSV-032', 'rows[3]["Cấp"]'],
      ['SL-CAT-CSV-031', 'rows[4]["Nộp trực tuyến"]'],
      ['SL-CAT-CSV-033', 'rows[5]["Thanh toán"]'],
      ['SL-CAT-CSV-034', 'rows[6]["Trả kết quả"]'],
      ['SL-CAT-CSV-035', 'rows[7]["Hiệu lực từ"]'],
      ['SL-CAT-CSV-036', 'rows[8]["Mức độ khai báo"]'],
      ['SL-CAT-CSV-030', 'rows[9]["Tên thủ tục"]'],
      ['SL-CAT-CSV-020', 'rows[10][16]'],
      ['SL-CAT-CSV-003', 'rows[15]["Tên thủ tục"]'],
      ['SL-CAT-CSV-032', 'rows[16]["Cấp"]'],
      ['SL-CAT-CSV-033', 'rows[16]["Thanh toán"]'],
    ];
    for (const [ruleId, path] of expected) {
      const issue = issueAt(report.issues, ruleId, path);
      expect(issue, `${ruleId} at ${path}`).toBeDefined();
      expect(issue?.severity).toBe('error');
      expect(issue?.location?.line).toBeGreaterThan(1);
      expect(issue?.location?.column).toBeGreaterThan(0);
    }
    const leftOut = report.issues.filter((issue) => issue.ruleId === 'SL-CAT-CSV-040');
    expect(leftOut.map((issue) => issue.location?.path)).toEqual(
      [3, 4, 5, 6, 7, 8, 9, 10, 15, 16].map((row) => `rows[${row}]`),
    );
    expect(leftOut.at(-1)?.params).toEqual({ row: 16, procedureCode: '1.000015', errors: 2 });
    expect(issueAt(report.issues, 'SL-CAT-CSV-010', 'rows[1]["Ghi chú"]')?.severity).toBe('warning');
    expect(issueAt(report.issues, 'SL-CAT-CSV-021', 'rows[11]')?.severity).toBe('warning');
    expect(issueAt(report.issues, 'SL-CLS-010', 'rows[13]')?.severity).toBe('warning');
    expect(issueAt(report.issues, 'SL-CAT-VAL-001', 'rows[14]')?.message.en).toBe(
      'Procedure «1.000001» of agency «Sở Tư pháp» appears again (first at row 2) with an overlapping effective period; it would be counted twice.',
    );
  });

  it('words a bad cell in both languages, with the value and what is accepted', () => {
    const { report } = readCatalogueCsv(fixture('danh-muc-loi.csv'));
    const issue = issueAt(report.issues, 'SL-CAT-CSV-033', 'rows[5]["Thanh toán"]');
    expect(issue?.message.vi).toBe(
      'Dòng 5, cột «Thanh toán»: «Không» không phải hình thức thanh toán phí, lệ phí (cần Không thu phí, Trực tuyến, Trực tiếp).',
    );
    expect(issue?.message.en).toContain('Row 5, column «Thanh toán»: «Không» is not a way of paying fees');
    expect(issue?.reference).toBe('khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP');
    expect(issue?.location).toMatchObject({ line: 5, column: 69 });
  });
});

describe('readCatalogueCsv headers', () => {
  const row = ['1.000001', 'Thủ tục', 'Sở A', 'Tỉnh', 'Có', 'Có', 'Có', 'Có', 'Trực tuyến', 'Trực tuyến', 'Không'];
  const header = [
    'Mã thủ tục',
    'Tên thủ tục',
    'Cơ quan',
    'Cấp',
    'Công khai thông tin',
    'Tải biểu mẫu',
    'Nộp trực tuyến',
    'Xử lý trực tuyến',
    'Thanh toán',
    'Trả kết quả',
    'Phải có mặt',
  ];

  it('accepts headers in upper case, without diacritics and decomposed (NFD)', () => {
    const variants = [
      header.map((h) => h.toUpperCase()),
      header.map((h) => h.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd')),
      header.map((h) => h.normalize('NFD')),
    ];
    for (const variant of variants) {
      const { catalogue, report } = readCatalogueCsv(`${variant.join(',')}\n${row.join(',')}\n`);
      expect(report.counts.error, variant.join(',')).toBe(0);
      expect(catalogue.services).toHaveLength(1);
    }
  });

  it('refuses a file without a required column, naming the headers it accepts', () => {
    const { catalogue, report } = readCatalogueCsv(
      `${header.filter((h) => h !== 'Cấp').join(',')}\n${row.filter((cell) => cell !== 'Tỉnh').join(',')}\n`,
    );
    expect(catalogue.services).toEqual([]);
    expect(ids(report.issues)).toEqual(['SL-CAT-CSV-011']);
    expect(report.issues[0]?.message.en).toBe(
      'Required column «Cấp» is missing (accepted headers: «Cấp», «Cấp thực hiện», «Cấp hành chính», «tier»); no row is imported.',
    );
  });

  it('reports a column given twice and keeps the first', () => {
    const { catalogue, report } = readCatalogueCsv(`${header.join(',')},tier\n${row.join(',')},Xã\n`);
    expect(issueAt(report.issues, 'SL-CAT-CSV-012', 'rows[1]["tier"]')?.params).toEqual({
      column: 'tier',
      index: 12,
      first: 'Cấp',
      firstIndex: 4,
    });
    expect(catalogue.services[0]?.tier).toBe('tinh');
  });

  it('warns once about data in a column without a header', () => {
    const { catalogue, report } = readCatalogueCsv(
      `${header.join(',')},\n${row.join(',')},\n${row.join(',').replace('1.000001', '1.000002')},ghi chú\n`,
    );
    expect(catalogue.services).toHaveLength(2);
    expect(ids(report.issues)).toEqual(['SL-CAT-CSV-014']);
    expect(report.issues[0]?.params).toEqual({ index: 12, row: 3 });
  });

  it('reports an empty file, and a file of blank lines, as having no header', () => {
    for (const text of ['', '\uFEFF', '\n\n ,, \n']) {
      const { catalogue, report } = readCatalogueCsv(text);
      expect(catalogue.services).toEqual([]);
      expect(ids(report.issues)).toEqual(['SL-CAT-CSV-004']);
    }
  });

  it('honours Excel’s sep= directive and numbers rows as Excel shows them (the directive line hidden)', () => {
    const text = `sep=;\r\n${header.join(';')}\r\n${row.join(';').replace('Tỉnh', 'Bộ')}\r\n`;
    const { catalogue, report } = readCatalogueCsv(text);
    expect(catalogue.services).toEqual([]);
    expect(report.issues.map((issue) => [issue.ruleId, issue.location?.path, issue.location?.line])).toEqual([
      ['SL-CAT-CSV-032', 'rows[2]["Cấp"]', 3],
      ['SL-CAT-CSV-040', 'rows[2]', 3],
      ['SL-CAT-VAL-007', undefined, undefined],
    ]);
  });

  it('takes the catalogue date as a day or a Date read in Vietnam, and refuses wrong options as programmer errors', () => {
    const text = `${header.join(',')}\n${row.join(',')}\n`;
    expect(readCatalogueCsv(text, { asOf: new Date('2025-06-30T17:00:00Z') }).catalogue.asOf).toBe('2025-07-01');
    expect(() => readCatalogueCsv(text, { asOf: '31/12/2024' })).toThrow(ServiceLevelError);
    expect(() => readCatalogueCsv(text, { delimiter: '|' as ',' })).toThrow(ServiceLevelError);
    expect(() => readCatalogueCsv(text, { encoding: 'latin1' as 'utf-8' })).toThrow(ServiceLevelError);
  });

  it('reports a quote never closed and keeps that row out', () => {
    const { catalogue, report } = readCatalogueCsv(`${header.join(',')}\n${row.join(',')}\n1.2,"Thủ tục,Sở A\n`);
    expect(catalogue.services).toHaveLength(1);
    expect(issueAt(report.issues, 'SL-CAT-CSV-001', 'rows[3]')?.location).toMatchObject({ line: 3, column: 5 });
  });

  it('treats empty yes/no cells as an error by default and as "no" with emptyBooleanAs: false', () => {
    const marked = row.map((cell) => (cell === 'Có' ? 'x' : cell));
    marked[6] = '';
    marked[10] = '';
    const text = `${header.join(',')}\n${marked.join(',')}\n`;
    const strict = readCatalogueCsv(text);
    expect(strict.catalogue.services).toEqual([]);
    // The only row is left out, so the catalogue is empty too (SL-CAT-VAL-007).
    expect(ids(strict.report.issues)).toEqual(['SL-CAT-CSV-030', 'SL-CAT-CSV-030', 'SL-CAT-CSV-040', 'SL-CAT-VAL-007']);
    const lenient = readCatalogueCsv(text, { emptyBooleanAs: false });
    expect(lenient.report.issues).toEqual([]);
    expect(lenient.catalogue.services[0]?.capabilities).toMatchObject({
      informationPublished: true,
      onlineSubmission: false,
      physicalPresenceRequired: false,
    });
  });
});

describe('readCatalogueCsv properties', () => {
  const options = fc.record({
    delimiter: fc.constantFrom<',' | ';'>(',', ';'),
    headers: fc.constantFrom<'vi' | 'en' | 'vi-unaccented-upper'>('vi', 'en', 'vi-unaccented-upper'),
    lineEnd: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    byteOrderMark: fc.boolean(),
    dayFirstDates: fc.boolean(),
  });

  it('reads back every catalogue a spreadsheet could have written', () => {
    fc.assert(
      fc.property(fc.array(csvServiceArbitrary, { minLength: 1, maxLength: 8 }), options, (services, write) => {
        const catalogue: Catalogue = { services };
        const text = writeCatalogueCsv(catalogue, write);
        const bytes = new TextEncoder().encode(text);
        const read = readCatalogueCsv(bytes, { delimiter: 'auto' });
        // Random services may well be duplicates or have reversed dates (SL-CAT-VAL-*); reading must not fail.
        expect(read.report.issues.filter((issue) => /^SL-CAT-(CSV|TXT)-/.test(issue.ruleId))).toEqual([]);
        expect(read.catalogue.services).toEqual(services);
      }),
    );
  });

  it('drops nothing silently: every data row is either imported or reported as left out, with its errors', () => {
    const corruptions = [
      [5, 'Trung ương'],
      [7, 'có thể'],
      [11, 'Chuyển khoản'],
      [12, 'Fax'],
      [14, '30/02/2024'],
      [16, 'Mức độ 9'],
      [2, ''],
    ] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(csvServiceArbitrary, fc.option(fc.constantFrom(...corruptions), { nil: undefined })), {
          minLength: 1,
          maxLength: 10,
        }),
        (rows) => {
          const cells = rows.map(([service, corruption], index) => {
            const line = serviceCells({ ...service, procedureCode: `1.${index}` } as Service, index, {});
            if (corruption) line[corruption[0]] = corruption[1];
            return line;
          });
          const text = joinCsv([headerCells('vi'), ...cells], { delimiter: ',' });
          const { catalogue, report } = readCatalogueCsv(text);
          const leftOut = report.issues.filter((issue) => issue.ruleId === 'SL-CAT-CSV-040');
          expect(catalogue.services.length + leftOut.length).toBe(rows.length);
          for (const [index, [, corruption]] of rows.entries()) {
            const path = `rows[${index + 2}]`;
            const out = leftOut.some((issue) => issue.location?.path === path);
            expect(out).toBe(corruption !== undefined);
            if (corruption) {
              const cellErrors = report.issues.filter(
                (issue) => issue.severity === 'error' && issue.location?.path?.startsWith(`${path}[`),
              );
              expect(cellErrors).toHaveLength(1);
            }
          }
        },
      ),
    );
  });
});
