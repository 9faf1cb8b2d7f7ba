import { describe, expect, it } from 'vitest';
import { sampleReports, steppingClock } from '../../test/sample-reports';
import { createReportBuilder } from '../build/report-builder';
import type { Language } from '../model/issue';
import type { Report } from '../model/report';
import { formatText } from './text';

const ESC = '\u001b';

describe('formatText snapshots', () => {
  for (const lang of ['vi', 'en'] as const satisfies readonly Language[]) {
    for (const color of [false, true]) {
      it(`${lang}, ${color ? 'with' : 'without'} colour`, async () => {
        await expect(formatText(sampleReports(), { lang, color })).toMatchFileSnapshot(
          `./__snapshots__/text.${lang}${color ? '.color' : ''}.txt`,
        );
      });
    }
    it(`${lang}, verbose`, async () => {
      await expect(formatText(sampleReports(), { lang, verbose: true })).toMatchFileSnapshot(
        `./__snapshots__/text.${lang}.verbose.txt`,
      );
    });
  }
});

describe('formatText', () => {
  it('writes Vietnamese by default and no escape codes unless asked', () => {
    const text = formatText(sampleReports());
    expect(text).toContain('KHÔNG HỢP LỆ  hoso-001.xml  3 lỗi, 2 cảnh báo, 1 thông tin');
    expect(text).toContain('HỢP LỆ  hoso-002.xml');
    expect(text).not.toContain(ESC);
    expect(formatText(sampleReports(), { color: true })).toContain(`${ESC}[31m`);
  });

  it('shows each issue with severity, rule ID, location, message and reference', () => {
    expect(formatText(sampleReports(), { lang: 'en' })).toContain(
      '  error    EDXML-HDR-001    MessageHeader/From (3:5)  Required element From is missing [QCVN 102:2016 §1.1]',
    );
  });

  it('makes crashed and skipped steps visible', () => {
    const text = formatText(sampleReports(), { lang: 'en' });
    expect(text).toContain('! step "signature": crashed — Validation step "signature" stopped on an internal error');
    expect(text).toContain('! step "signature": skipped — Validation step "signature" was not run');
    expect(text).toContain('! step "totals": skipped');
  });

  it('says so when no step ran', () => {
    const empty = createReportBuilder({
      subject: 'rỗng.xml',
      kind: 'edxml',
      ruleset: { name: 't', version: '1' },
      now: steppingClock(),
    }).finish();
    expect(formatText([empty])).toContain('! không có bước kiểm tra nào được chạy');
    expect(formatText([empty], { lang: 'en' })).toContain('! no validation step ran');
  });

  it('ends with a summary over all subjects', () => {
    expect(formatText(sampleReports(), { lang: 'en' }).trimEnd().split('\n').at(-1)).toBe(
      'Summary: INVALID — 3 subjects (1 valid, 2 invalid); 6 errors, 3 warnings, 1 info',
    );
    const [, valid] = sampleReports() as [Report, Report];
    expect(formatText([valid]).trimEnd().split('\n').at(-1)).toBe(
      'Tổng kết: HỢP LỆ — 1 đối tượng (1 hợp lệ, 0 không hợp lệ); 0 lỗi, 1 cảnh báo, 0 thông tin',
    );
    expect(formatText([], { lang: 'en' })).toBe('Summary: INVALID — no subject was checked\n');
    expect(formatText([])).toBe('Tổng kết: KHÔNG HỢP LỆ — không có đối tượng nào được kiểm tra\n');
  });

  it('neutralises control characters from the validated document', () => {
    const text = formatText(sampleReports());
    expect(text).toContain('<12 & "x" ]]> \\x07');
    expect(text).not.toContain('\u0007');
    const builder = createReportBuilder({
      subject: `evil${ESC}[2J\u202e.xml`,
      kind: 'edxml',
      ruleset: { name: 't', version: '1' },
      now: steppingClock(),
    });
    builder.step('a\nb', () => undefined);
    const report = builder.finish();
    const output = formatText([report], { verbose: true });
    expect(output).not.toContain(ESC);
    expect(output).not.toContain('\u202e');
    expect(output).toContain('evil\\x1b[2J\\u202e.xml');
    expect(output).toContain('a b (hoàn thành, 5 ms)');
  });

  it('refuses an unknown language and forged reports as programmer errors', () => {
    expect(() => formatText([], { lang: 'fr' as Language })).toThrowError(
      expect.objectContaining({ code: 'OPTION_INVALID' }),
    );
    const [invalid] = sampleReports() as [Report];
    expect(() => formatText([{ ...invalid, valid: true }])).toThrowError(
      expect.objectContaining({ code: 'REPORT_INVALID' }),
    );
  });
});
