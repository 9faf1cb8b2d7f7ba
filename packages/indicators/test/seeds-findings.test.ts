import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveIndicators } from '../src/derive/derive-indicators';
import { validateIndicatorReport } from '../src/validate/validate-indicator-report';

/*
 * The validator on the seed reports (test/fixtures/seeds, see SOURCES.md there): the exact findings, each
 * checked by hand against the text it comes from.
 */

function validateSeed(name: string) {
  const bytes = new Uint8Array(readFileSync(new URL(`./fixtures/seeds/${name}.report.json`, import.meta.url)));
  return validateIndicatorReport(bytes, { subject: `${name}.report.json` });
}

function findingsOf(result: ReturnType<typeof validateSeed>) {
  return result.issues.map(({ ruleId, severity, params }) => ({ ruleId, severity, params }));
}

describe('seed findings', () => {
  it('Hòa Bình 2019 (144/KH-UBND): 32 vs 31 member sites, 12,340 ≠ 12,338 resolved, "đạt 98%" for 97.29%', () => {
    const result = validateSeed('hoa-binh-2019');
    expect(result.valid).toBe(true);
    expect(findingsOf(result)).toEqual([
      {
        // Line 37 says 32 member sites are integrated, line 81 lists 31.
        ruleId: 'IND-STMT-001',
        severity: 'warning',
        params: {
          indicator: {
            vi: 'Số cổng, trang thông tin điện tử thành viên tích hợp vào Cổng thông tin điện tử của tỉnh',
            en: 'Member portals and websites integrated into the provincial portal',
          },
          // Both statements are for the departments and the district people's committees together.
          scope: { vi: 'cấp tỉnh và cấp huyện', en: 'province and district tiers' },
          first: 32,
          firstAt: { vi: 'dòng 37, values[0]', en: 'line 37, values[0]' },
          second: 31,
          secondAt: { vi: 'dòng 81, values[40]', en: 'line 81, values[40]' },
          quote: 'Bao gồm 31 trang thông tin điện tử',
        },
      },
      {
        // "gần 8.000 địa chỉ thư điện tử".
        ruleId: 'IND-STMT-002',
        severity: 'info',
        params: {
          count: 1,
          example: { vi: 'Số tài khoản thư điện tử công vụ', en: 'Official e-mail accounts' },
          value: { vi: '~8.000', en: '~8,000' },
          quote: 'Đã cấp gần 8.000 địa chỉ thư điện tử',
        },
      },
      {
        // Line 55: 8.332 sớm hạn + 3.899 đúng hạn + 109 quá hạn = 12.340, but 12.338 resolved.
        ruleId: 'IND-SUM-012',
        severity: 'warning',
        params: {
          indicator: { vi: 'Số hồ sơ đã giải quyết', en: 'Dossiers resolved' },
          scope: { vi: 'cấp tỉnh, 01/01/2019–31/07/2019', en: 'provincial tier, 2019-01-01 to 2019-07-31' },
          terms: {
            vi: '8.332 (Số hồ sơ giải quyết trước hạn (sớm hạn)) + 3.899 (Số hồ sơ giải quyết đúng hạn) + 109 (Số hồ sơ giải quyết quá hạn)',
            en: '8,332 (Dossiers resolved early) + 3,899 (Dossiers resolved exactly on the due date) + 109 (Dossiers resolved late)',
          },
          sum: 12340,
          total: 12338,
          difference: 2,
          quote: 'đã giải quyết xong 12.338 hồ sơ TTHC (bao gồm cả hồ sơ kỳ trước chuyển sang)',
        },
      },
      {
        // Line 53: 29.345 of 30.163 received is 97.29%, which no rounding makes "98%".
        ruleId: 'IND-PCT-001',
        severity: 'warning',
        params: {
          indicator: {
            vi: 'Tỷ lệ hồ sơ đã giải quyết trên số hồ sơ tiếp nhận',
            en: 'Dossiers resolved as a share of those received',
          },
          scope: { vi: '01/01/2019–31/07/2019', en: '2019-01-01 to 2019-07-31' },
          stated: 98,
          unit: '%',
          numeratorLabel: { vi: 'Số hồ sơ đã giải quyết', en: 'Dossiers resolved' },
          denominatorLabel: { vi: 'Số hồ sơ tiếp nhận trong kỳ', en: 'Dossiers received in the period' },
          numerator: 29345,
          denominator: 30163,
          exact: 97.29,
          decimals: 0,
          quote: 'giải quyết 29.345 hồ sơ, đạt 98%',
        },
      },
    ]);
    expect(result.issues.map((issue) => issue.message.vi)).toContain(
      'Số hồ sơ đã giải quyết (cấp tỉnh, 01/01/2019–31/07/2019): hồ sơ giải quyết theo thời hạn 8.332 (Số hồ sơ giải quyết trước hạn (sớm hạn)) + 3.899 (Số hồ sơ giải quyết đúng hạn) + 109 (Số hồ sơ giải quyết quá hạn) = 12.340 ≠ 12.338 (chênh 2).',
    );
  });

  it('Sơn La 2018 (14/BC-UBND): every figure agrees (levels 58 + 27 + 5 = 90, 90 + 7 = 97, 74 + 68 = 142)', () => {
    const result = validateSeed('son-la-2018');
    expect(result.valid).toBe(true);
    expect(findingsOf(result)).toEqual([]);
  });

  it('Lâm Đồng 2017: two approximate figures ("khoảng 25%", "khoảng 267.500"), eOffice at 44 of 35 units', () => {
    const result = validateSeed('lam-dong-2017');
    // The source's own inconsistency, visible once both figures are at the same scope (province and district
    // tiers together): line 21 counts 35 units at those tiers ("35/35 đơn vị Sở, ban, ngành địa phương"), and lines
    // 55 and 57 agree (32 units "đạt 91%", 27 "chiếm 77%": of 35), but line 47 has eOffice at 44 of them.
    expect(result.valid).toBe(false);
    expect(findingsOf(result)).toEqual([
      {
        ruleId: 'IND-STMT-002',
        severity: 'info',
        params: {
          count: 2,
          example: {
            vi: 'Tỷ lệ máy chủ cấu hình thấp, cũ hỏng, không sử dụng',
            en: 'Share of servers underpowered, worn out or unused',
          },
          value: { vi: '~25%', en: '~25%' },
          quote: 'không sử dụng chiếm số lượng khá nhiều, khoảng 25%',
        },
      },
      {
        ruleId: 'IND-SUM-020',
        severity: 'error',
        params: {
          part: {
            vi: 'Số cơ quan, đơn vị dùng phần mềm quản lý văn bản và điều hành',
            en: 'Agencies and units using the document management and workflow software',
          },
          scope: { vi: 'cấp tỉnh và cấp huyện', en: 'province and district tiers' },
          partValue: 44,
          whole: { vi: 'Số cơ quan, đơn vị', en: 'Agencies and units' },
          wholeValue: 35,
          quote: 'Phần mềm eOffice được triển khai tại 44 đơn vị cấp Sở, ban, ngành, huyện',
        },
      },
    ]);
  });

  it('finds nothing more once the derivable indicators are derived', () => {
    for (const name of ['hoa-binh-2019', 'son-la-2018', 'lam-dong-2017']) {
      const result = validateSeed(name);
      const derived = deriveIndicators(result.indicatorReport as NonNullable<typeof result.indicatorReport>);
      expect(derived.values.length).toBeGreaterThan(result.values?.length ?? 0);
      expect(findingsOf(validateIndicatorReport(derived))).toEqual(findingsOf(result));
    }
  });
});
