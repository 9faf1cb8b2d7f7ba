import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleReports } from '../../test/sample-reports';
import { ReportError } from '../errors';
import { REPORT_FORMAT_VERSION, type Report } from '../model/report';
import { DEFAULT_GENERATOR, formatJson, parseReportDocument, toReportDocument } from './json';

const generator = { name: 'lienthong-cli', version: '9.9.9' };
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

describe('toReportDocument', () => {
  it('wraps reports with the format version and the generator', () => {
    const reports = sampleReports();
    const document = toReportDocument(reports, generator);
    expect(document).toEqual({ formatVersion: REPORT_FORMAT_VERSION, generator, valid: false, reports });
  });

  it('records this package as the default generator', () => {
    expect(DEFAULT_GENERATOR).toEqual({ name: packageJson.name, version: packageJson.version });
    expect(toReportDocument([]).generator).toEqual(DEFAULT_GENERATOR);
  });

  it('is valid only with at least one report, all valid', () => {
    const [invalid, valid] = sampleReports() as [Report, Report, Report];
    expect(toReportDocument([valid]).valid).toBe(true);
    expect(toReportDocument([valid, invalid]).valid).toBe(false);
    expect(toReportDocument([]).valid).toBe(false);
  });

  it('refuses, as a programmer error, a report that claims validity it has not earned', () => {
    const [invalid] = sampleReports() as [Report];
    const forged = { ...invalid, valid: true };
    expect(() => toReportDocument([forged])).toThrowError(ReportError);
    expect(() => toReportDocument([forged])).toThrowError(expect.objectContaining({ code: 'REPORT_INVALID' }));
  });
});

describe('formatJson', () => {
  it('writes one line by default and indented JSON with a final newline when pretty', () => {
    const reports = sampleReports();
    const compact = formatJson(reports, { generator });
    expect(compact).not.toContain('\n');
    const pretty = formatJson(reports, { pretty: true, generator });
    expect(pretty.endsWith('}\n')).toBe(true);
    expect(JSON.parse(pretty)).toEqual(JSON.parse(compact));
  });

  it('matches the snapshot', async () => {
    await expect(formatJson(sampleReports(), { pretty: true, generator })).toMatchFileSnapshot(
      './__snapshots__/reports.json',
    );
  });
});

describe('parseReportDocument', () => {
  it('reads back what formatJson wrote, from text or from a parsed value', () => {
    const reports = sampleReports();
    const text = formatJson(reports, { generator });
    const fromText = parseReportDocument(text);
    expect(fromText).toEqual({ success: true, document: toReportDocument(reports, generator) });
    expect(parseReportDocument(JSON.parse(text))).toEqual(fromText);
  });

  it('reports text that is not JSON in both languages', () => {
    const result = parseReportDocument('{"formatVersion": ');
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ path: [], code: 'invalid_json' });
    expect(result.issues[0]?.message.vi).toMatch(/^Không phải JSON hợp lệ: /);
    expect(result.issues[0]?.message.en).toMatch(/^Not valid JSON: /);
  });

  it('explains schema violations with paths, in Vietnamese and English', () => {
    const result = parseReportDocument({ formatVersion: '2.0', generator: { name: 'x' }, valid: 'yes', reports: [] });
    expect(result.success).toBe(false);
    if (result.success) return;
    const byPath = Object.fromEntries(result.issues.map((issue) => [issue.path.join('.'), issue]));
    expect(Object.keys(byPath).sort()).toEqual(['formatVersion', 'generator.version', 'valid']);
    expect(byPath.valid?.message).toEqual({
      vi: 'Đầu vào không hợp lệ: mong đợi boolean, nhận được string',
      en: 'Invalid input: expected boolean, received string',
    });
    expect(byPath.formatVersion?.message.vi).not.toBe(byPath.formatVersion?.message.en);
  });

  it('refuses a document whose reports claim validity they have not earned', () => {
    const [invalid] = sampleReports() as [Report];
    const document = { ...toReportDocument([invalid], generator), valid: true };
    document.reports = [{ ...invalid, valid: true }];
    const result = parseReportDocument(JSON.stringify(document));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toEqual([
      {
        path: ['reports', 0, 'valid'],
        code: 'custom',
        message: {
          vi: '"valid" phải là false: giá trị này suy ra từ các vấn đề và các bước kiểm tra',
          en: 'valid must be false: it is derived from the issues and steps',
        },
      },
    ]);
  });

  it('refuses a document that is valid without reports', () => {
    const result = parseReportDocument({ ...toReportDocument([], generator), valid: true });
    expect(result).toEqual({
      success: false,
      issues: [
        {
          path: ['valid'],
          code: 'custom',
          message: {
            vi: '"valid" phải là false: chỉ đúng khi có ít nhất một báo cáo và mọi báo cáo đều hợp lệ',
            en: 'valid must be false: it is true only when there is a report and every report is valid',
          },
        },
      ],
    });
  });

  it('localizes the rule ID format message', () => {
    const [, valid] = sampleReports() as [Report, Report];
    const document = toReportDocument([valid], generator);
    const broken = JSON.parse(JSON.stringify(document));
    broken.reports[0].rules[0].id = 'edxml-hdr-1';
    const result = parseReportDocument(broken);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]).toEqual({
      path: ['reports', 0, 'rules', 0, 'id'],
      code: 'invalid_format',
      message: { vi: 'Mã quy tắc phải có dạng EDXML-HDR-003', en: 'rule IDs look like EDXML-HDR-003' },
    });
  });

  it('does not throw on inputs that are not documents at all', () => {
    for (const input of [undefined, null, 42, '', 'null', '[]', [], { reports: 'x' }]) {
      expect(parseReportDocument(input).success).toBe(false);
    }
  });
});
