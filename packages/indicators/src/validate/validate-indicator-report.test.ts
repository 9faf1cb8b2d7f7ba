import type { Issue } from '@lienthong/report';
import { ReportSchema } from '@lienthong/report';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorsError } from '../errors';
import type { IndicatorCatalogue, IndicatorDefinition } from '../model/indicator';
import type { IndicatorReportInput, IndicatorValueInput } from '../model/report';
import { exampleReport, TEST_CATALOGUE } from './example-catalogue.test-helper';
import { INDICATOR_RULES } from './rules';
import { validateIndicatorReport } from './validate-indicator-report';

const fixedClock = () => new Date('2025-03-14T02:30:00.000Z');

// Targets are left out but for the IND-TGT tests, so the other tests show only the finding they are about.
const WITHOUT_TARGETS: IndicatorCatalogue = { ...TEST_CATALOGUE, targets: [] };

function findings(
  values: IndicatorValueInput[],
  overrides: Partial<IndicatorReportInput> = {},
  catalogue = WITHOUT_TARGETS,
): Issue[] {
  return [...validateIndicatorReport(exampleReport(values, overrides), { catalogue }).issues];
}

const targetFindings = (values: IndicatorValueInput[], overrides: Partial<IndicatorReportInput> = {}) =>
  findings(values, overrides, TEST_CATALOGUE);

const WHOLE = { vi: 'toàn đơn vị', en: 'whole reporting unit' };

describe('IND-CAT: names and types', () => {
  it('IND-CAT-001 names an unknown indicator and suggests the closest known one', () => {
    expect(findings([{ indicator: 'tthc_totl', value: 3, source: { quote: 'có 3 thủ tục', line: 7 } }])).toEqual([
      {
        ruleId: 'IND-CAT-001',
        severity: 'error',
        message: {
          vi: 'Chỉ số «tthc_totl» không có trong danh mục chỉ số (phiên bản 0.0.1). Có phải là «tthc_total»?',
          en: 'Indicator «tthc_totl» is not in the indicator catalogue (version 0.0.1). Did you mean «tthc_total»?',
        },
        location: { path: 'values[0]', line: 7 },
        params: {
          indicator: 'tthc_totl',
          catalogueVersion: '0.0.1',
          suggestion: { vi: 'Có phải là «tthc_total»?', en: 'Did you mean «tthc_total»?' },
          quote: 'có 3 thủ tục',
        },
      },
    ]);
  });

  it('IND-CAT-001 says so when no known name is close', () => {
    const [issue] = findings([{ indicator: 'so_may_chu', value: 3 }]);
    expect(issue?.message.en).toBe(
      'Indicator «so_may_chu» is not in the indicator catalogue (version 0.0.1). No similar name is known.',
    );
  });

  it('IND-CAT-002 refuses a value whose type does not fit the unit', () => {
    expect(findings([{ indicator: 'cong_dvc_hoat_dong', value: 1 }])).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Service portal running has unit «boolean» and needs true or false, but the value is a number (1).",
            "vi": "Cổng DVC hoạt động có đơn vị «boolean» nên cần giá trị đúng/sai, nhưng giá trị là một số (1).",
          },
          "params": {
            "expected": {
              "en": "true or false",
              "vi": "giá trị đúng/sai",
            },
            "found": {
              "en": "a number (1)",
              "vi": "một số (1)",
            },
            "indicator": {
              "en": "Service portal running",
              "vi": "Cổng DVC hoạt động",
            },
            "unit": "boolean",
          },
          "ruleId": "IND-CAT-002",
          "severity": "error",
        },
      ]
    `);
    expect(findings([{ indicator: 'tthc_total', value: '1680' }]).map((issue) => issue.message.en)).toEqual([
      'Procedures has unit «count» and needs a number, but the value is a text ("1680").',
    ]);
    expect(
      findings([
        { indicator: 'he_thong_mot_cua', value: 'iGate' },
        { indicator: 'tthc_total', value: null },
      ]),
    ).toEqual([]);
  });
});

describe('IND-RNG: ranges', () => {
  it('IND-RNG-001 refuses percentages, scores and points outside their range', () => {
    expect(
      findings([
        { indicator: 'dvctt_level4_pct', value: 104.5 },
        { indicator: 'ict_index', value: 1.2 },
        { indicator: 'dti_total', value: 1200 },
        { indicator: 'internet_subscribers_per_100', value: -1 },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Share at level 4 (whole reporting unit) = 104.5, outside the range 0–100 of unit «percent».",
            "vi": "Tỷ lệ DVCTT mức độ 4 (toàn đơn vị) = 104,5, ngoài khoảng 0–100 của đơn vị «percent».",
          },
          "params": {
            "indicator": {
              "en": "Share at level 4",
              "vi": "Tỷ lệ DVCTT mức độ 4",
            },
            "max": 100,
            "min": 0,
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "unit": "percent",
            "value": 104.5,
          },
          "ruleId": "IND-RNG-001",
          "severity": "error",
        },
        {
          "location": {
            "path": "values[1]",
          },
          "message": {
            "en": "ICT Index (whole reporting unit) = 1.2, outside the range 0–1 of unit «score».",
            "vi": "Chỉ số ICT (toàn đơn vị) = 1,2, ngoài khoảng 0–1 của đơn vị «score».",
          },
          "params": {
            "indicator": {
              "en": "ICT Index",
              "vi": "Chỉ số ICT",
            },
            "max": 1,
            "min": 0,
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "unit": "score",
            "value": 1.2,
          },
          "ruleId": "IND-RNG-001",
          "severity": "error",
        },
        {
          "location": {
            "path": "values[2]",
          },
          "message": {
            "en": "DTI score (whole reporting unit) = 1,200, outside the range 0–1,000 of unit «points».",
            "vi": "Điểm DTI (toàn đơn vị) = 1.200, ngoài khoảng 0–1.000 của đơn vị «points».",
          },
          "params": {
            "indicator": {
              "en": "DTI score",
              "vi": "Điểm DTI",
            },
            "max": 1000,
            "min": 0,
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "unit": "points",
            "value": 1200,
          },
          "ruleId": "IND-RNG-001",
          "severity": "error",
        },
        {
          "location": {
            "path": "values[3]",
          },
          "message": {
            "en": "Internet subscriptions per 100 (whole reporting unit) = -1, outside the range 0–∞ of unit «per_100».",
            "vi": "Thuê bao internet/100 dân (toàn đơn vị) = -1, ngoài khoảng 0–∞ của đơn vị «per_100».",
          },
          "params": {
            "indicator": {
              "en": "Internet subscriptions per 100",
              "vi": "Thuê bao internet/100 dân",
            },
            "max": "∞",
            "min": 0,
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "unit": "per_100",
            "value": -1,
          },
          "ruleId": "IND-RNG-001",
          "severity": "error",
        },
      ]
    `);
  });

  it('IND-RNG-002 refuses counts that are not whole or are negative', () => {
    expect(
      findings([
        { indicator: 'tthc_total', value: 12.5 },
        { indicator: 'tthc_total', value: -3, tier: 'xa' },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Procedures (whole reporting unit) = 12.5: a count must be a non-negative whole number.",
            "vi": "Tổng số TTHC (toàn đơn vị) = 12,5: một số đếm phải là số nguyên không âm.",
          },
          "params": {
            "indicator": {
              "en": "Procedures",
              "vi": "Tổng số TTHC",
            },
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "value": 12.5,
          },
          "ruleId": "IND-RNG-002",
          "severity": "error",
        },
        {
          "location": {
            "path": "values[1]",
          },
          "message": {
            "en": "Procedures (commune tier) = -3: a count must be a non-negative whole number.",
            "vi": "Tổng số TTHC (cấp xã) = -3: một số đếm phải là số nguyên không âm.",
          },
          "params": {
            "indicator": {
              "en": "Procedures",
              "vi": "Tổng số TTHC",
            },
            "scope": {
              "en": "commune tier",
              "vi": "cấp xã",
            },
            "value": -3,
          },
          "ruleId": "IND-RNG-002",
          "severity": "error",
        },
      ]
    `);
  });

  it('IND-RNG-003 warns about more than 300 per 100 inhabitants', () => {
    expect(findings([{ indicator: 'internet_subscribers_per_100', value: 350 }])).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Internet subscriptions per 100 (whole reporting unit) = 350 per 100 inhabitants, above the plausible 300; check the unit.",
            "vi": "Thuê bao internet/100 dân (toàn đơn vị) = 350 trên 100 dân, cao hơn mức hợp lý 300; hãy kiểm tra lại đơn vị.",
          },
          "params": {
            "indicator": {
              "en": "Internet subscriptions per 100",
              "vi": "Thuê bao internet/100 dân",
            },
            "max": 300,
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "value": 350,
          },
          "ruleId": "IND-RNG-003",
          "severity": "warning",
        },
      ]
    `);
  });
});

describe('IND-SCOPE: tiers and agencies', () => {
  it('IND-SCOPE-001 refuses a tier the indicator is not broken down by', () => {
    expect(findings([{ indicator: 'dvctt_level4_pct', value: 30, tier: 'xa' }])).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Share at level 4 is given for the commune tier, but the catalogue only allows: provincial tier.",
            "vi": "Tỷ lệ DVCTT mức độ 4 được ghi cho cấp xã, nhưng danh mục chỉ cho phép chia theo: cấp tỉnh.",
          },
          "params": {
            "allowed": {
              "en": "provincial tier",
              "vi": "cấp tỉnh",
            },
            "indicator": {
              "en": "Share at level 4",
              "vi": "Tỷ lệ DVCTT mức độ 4",
            },
            "tier": {
              "en": "commune tier",
              "vi": "cấp xã",
            },
          },
          "ruleId": "IND-SCOPE-001",
          "severity": "error",
        },
      ]
    `);
  });

  it('IND-SCOPE-002 refuses an agency breakdown the catalogue does not allow', () => {
    expect(
      findings([
        { indicator: 'internet_subscribers_per_100', value: 62, agency: { name: 'Sở Thông tin và Truyền thông' } },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Internet subscriptions per 100 is given for agency «Sở Thông tin và Truyền thông», but the catalogue does not break this indicator down by agency.",
            "vi": "Thuê bao internet/100 dân được ghi cho cơ quan «Sở Thông tin và Truyền thông», nhưng danh mục không cho phép chia chỉ số này theo cơ quan.",
          },
          "params": {
            "agency": "Sở Thông tin và Truyền thông",
            "indicator": {
              "en": "Internet subscriptions per 100",
              "vi": "Thuê bao internet/100 dân",
            },
          },
          "ruleId": "IND-SCOPE-002",
          "severity": "error",
        },
      ]
    `);
  });

  it('IND-SCOPE-003 refuses the district tier in a period starting on or after 2025-07-01', () => {
    expect(
      findings([{ indicator: 'tthc_total', value: 5, tier: 'huyen' }], {
        period: { from: '2025-07-01', to: '2025-12-31' },
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Procedures is given for the district tier in a period starting 2025-07-01, but the district tier no longer exists from 2025-07-01.",
            "vi": "Tổng số TTHC được ghi cho cấp huyện trong kỳ bắt đầu 01/07/2025, nhưng cấp huyện không còn từ 01/7/2025.",
          },
          "params": {
            "indicator": {
              "en": "Procedures",
              "vi": "Tổng số TTHC",
            },
            "periodStart": {
              "en": "2025-07-01",
              "vi": "01/07/2025",
            },
          },
          "reference": "Nghị quyết 202/2025/QH15; Luật Tổ chức chính quyền địa phương 2025",
          "ruleId": "IND-SCOPE-003",
          "severity": "error",
        },
      ]
    `);
  });

  it('IND-SCOPE-004 warns about the district tier in a period spanning 2025-07-01', () => {
    expect(
      findings([{ indicator: 'tthc_total', value: 5, tier: 'huyen' }], {
        period: { from: '2025-01-01', to: '2025-12-31' },
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Procedures is given for the district tier in the period 2025-01-01 to 2025-12-31, which spans the end of the district tier (2025-07-01): the figure can only cover the part before 2025-07-01.",
            "vi": "Tổng số TTHC được ghi cho cấp huyện trong kỳ 01/01/2025–31/12/2025, kỳ này vắt qua ngày cấp huyện kết thúc (01/7/2025): số liệu chỉ có thể thuộc phần trước 01/7/2025.",
          },
          "params": {
            "indicator": {
              "en": "Procedures",
              "vi": "Tổng số TTHC",
            },
            "period": {
              "en": "2025-01-01 to 2025-12-31",
              "vi": "01/01/2025–31/12/2025",
            },
          },
          "reference": "Nghị quyết 202/2025/QH15; Luật Tổ chức chính quyền địa phương 2025",
          "ruleId": "IND-SCOPE-004",
          "severity": "warning",
        },
      ]
    `);
  });
});

describe('IND-PER: periods and as-of dates', () => {
  it('IND-PER-001 refuses a value period outside the report period', () => {
    expect(
      findings([{ indicator: 'tthc_total', value: 5, period: { from: '2023-10-01', to: '2024-03-31' } }]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Procedures covers 2023-10-01 to 2024-03-31, which is not within the report period 2024-01-01 to 2024-12-31.",
            "vi": "Tổng số TTHC có kỳ 01/10/2023–31/03/2024, không nằm trong kỳ báo cáo 01/01/2024–31/12/2024.",
          },
          "params": {
            "indicator": {
              "en": "Procedures",
              "vi": "Tổng số TTHC",
            },
            "reportPeriod": {
              "en": "2024-01-01 to 2024-12-31",
              "vi": "01/01/2024–31/12/2024",
            },
            "valuePeriod": {
              "en": "2023-10-01 to 2024-03-31",
              "vi": "01/10/2023–31/03/2024",
            },
          },
          "ruleId": "IND-PER-001",
          "severity": "error",
        },
      ]
    `);
  });

  it('IND-PER-002 refuses an as-of date before the period starts, for a value and for the report', () => {
    expect(
      findings(
        [{ indicator: 'tthc_total', value: 5, period: { from: '2024-07-01', to: '2024-12-31' }, asOf: '2024-06-30' }],
        {
          asOf: '2023-12-31',
        },
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Procedures is as of 2024-06-30, before its period starts on 2024-07-01.",
            "vi": "Tổng số TTHC có ngày chốt số liệu 30/06/2024, trước ngày bắt đầu kỳ 01/07/2024.",
          },
          "params": {
            "asOf": {
              "en": "2024-06-30",
              "vi": "30/06/2024",
            },
            "periodStart": {
              "en": "2024-07-01",
              "vi": "01/07/2024",
            },
            "subject": {
              "en": "Procedures",
              "vi": "Tổng số TTHC",
            },
          },
          "ruleId": "IND-PER-002",
          "severity": "error",
        },
        {
          "location": {
            "path": "asOf",
          },
          "message": {
            "en": "The report is as of 2023-12-31, before its period starts on 2024-01-01.",
            "vi": "Báo cáo có ngày chốt số liệu 31/12/2023, trước ngày bắt đầu kỳ 01/01/2024.",
          },
          "params": {
            "asOf": {
              "en": "2023-12-31",
              "vi": "31/12/2023",
            },
            "periodStart": {
              "en": "2024-01-01",
              "vi": "01/01/2024",
            },
            "subject": {
              "en": "The report",
              "vi": "Báo cáo",
            },
          },
          "ruleId": "IND-PER-002",
          "severity": "error",
        },
      ]
    `);
  });
});

describe('IND-SUM: sums', () => {
  it('IND-SUM-001 warns when a total differs from the sum of all the tiers of the period', () => {
    expect(
      findings([
        { indicator: 'tthc_total', value: 1680, source: { quote: 'trên 1680 thủ tục', line: 3 } },
        { indicator: 'tthc_total', value: 1000, tier: 'tinh' },
        { indicator: 'tthc_total', value: 500, tier: 'huyen' },
        { indicator: 'tthc_total', value: 170, tier: 'xa' },
      ]),
    ).toEqual([
      {
        ruleId: 'IND-SUM-001',
        severity: 'warning',
        message: {
          vi: 'Tổng số TTHC (toàn đơn vị): tổng các cấp 1.000 (cấp tỉnh) + 500 (cấp huyện) + 170 (cấp xã) = 1.670 ≠ tổng 1.680 (chênh -10).',
          en: 'Procedures (whole reporting unit): the tiers 1,000 (provincial tier) + 500 (district tier) + 170 (commune tier) = 1,670 ≠ the total 1,680 (difference -10).',
        },
        location: { path: 'values[0]', line: 3 },
        params: {
          indicator: { vi: 'Tổng số TTHC', en: 'Procedures' },
          scope: WHOLE,
          terms: {
            vi: '1.000 (cấp tỉnh) + 500 (cấp huyện) + 170 (cấp xã)',
            en: '1,000 (provincial tier) + 500 (district tier) + 170 (commune tier)',
          },
          sum: 1670,
          total: 1680,
          difference: -10,
          quote: 'trên 1680 thủ tục',
        },
      },
    ]);
  });

  it('IND-SUM-001 after 2025-07-01 needs only the provincial and commune tiers', () => {
    const issues = findings(
      [
        { indicator: 'tthc_total', value: 1000 },
        { indicator: 'tthc_total', value: 700, tier: 'tinh' },
        { indicator: 'tthc_total', value: 290, tier: 'xa' },
      ],
      { period: { from: '2025-07-01', to: '2025-12-31' } },
    );
    expect(issues.map((issue) => [issue.ruleId, issue.params?.sum, issue.params?.total])).toEqual([
      ['IND-SUM-001', 990, 1000],
    ]);
  });

  it('IND-SUM-002 refuses tiers that already exceed the total while some are missing', () => {
    expect(
      findings([
        { indicator: 'tthc_total', value: 100 },
        { indicator: 'tthc_total', value: 80, tier: 'tinh' },
        { indicator: 'tthc_total', value: 30, tier: 'xa' },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Procedures (whole reporting unit): the tiers stated 80 (provincial tier) + 30 (commune tier) = 110, already more than the total 100 (with tiers still missing).",
            "vi": "Tổng số TTHC (toàn đơn vị): các cấp đã ghi 80 (cấp tỉnh) + 30 (cấp xã) = 110, đã lớn hơn tổng 100 (dù chưa đủ các cấp).",
          },
          "params": {
            "indicator": {
              "en": "Procedures",
              "vi": "Tổng số TTHC",
            },
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "sum": 110,
            "terms": {
              "en": "80 (provincial tier) + 30 (commune tier)",
              "vi": "80 (cấp tỉnh) + 30 (cấp xã)",
            },
            "total": 100,
          },
          "ruleId": "IND-SUM-002",
          "severity": "error",
        },
      ]
    `);
  });

  it('does not compare tiers that are only partly known and do not exceed the total', () => {
    expect(
      findings([
        { indicator: 'tthc_total', value: 100 },
        { indicator: 'tthc_total', value: 60, tier: 'tinh' },
        { indicator: 'tthc_total', value: 30, tier: 'xa' },
      ]),
    ).toEqual([]);
  });

  it('IND-SUM-010 warns when a total differs from the sum of its components', () => {
    expect(
      findings([
        { indicator: 'ho_so_tiep_nhan_trong_ky', value: 100 },
        { indicator: 'ho_so_tiep_nhan_truc_tiep', value: 60 },
        { indicator: 'ho_so_tiep_nhan_truc_tuyen', value: 30 },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "received (whole reporting unit): the components 60 (in person) + 30 (online) = 90 ≠ 100 (difference -10).",
            "vi": "tiếp nhận trong kỳ (toàn đơn vị): tổng các thành phần 60 (trực tiếp) + 30 (trực tuyến) = 90 ≠ 100 (chênh -10).",
          },
          "params": {
            "difference": -10,
            "indicator": {
              "en": "received",
              "vi": "tiếp nhận trong kỳ",
            },
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "sum": 90,
            "terms": {
              "en": "60 (in person) + 30 (online)",
              "vi": "60 (trực tiếp) + 30 (trực tuyến)",
            },
            "total": 100,
          },
          "ruleId": "IND-SUM-010",
          "severity": "warning",
        },
      ]
    `);
  });

  it('IND-SUM-011 warns when a total differs from the sum by level', () => {
    expect(
      findings([
        { indicator: 'dvctt_level34_count', value: 50 },
        { indicator: 'dvctt_level3_count', value: 30 },
        { indicator: 'dvctt_level4_count', value: 25 },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "level-3/4 services (whole reporting unit): the levels 30 (level-3 services) + 25 (level-4 services) = 55 ≠ 50 (difference 5).",
            "vi": "DVCTT mức độ 3, 4 (toàn đơn vị): tổng theo mức độ 30 (DVCTT mức độ 3) + 25 (DVCTT mức độ 4) = 55 ≠ 50 (chênh 5).",
          },
          "params": {
            "difference": 5,
            "indicator": {
              "en": "level-3/4 services",
              "vi": "DVCTT mức độ 3, 4",
            },
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "sum": 55,
            "terms": {
              "en": "30 (level-3 services) + 25 (level-4 services)",
              "vi": "30 (DVCTT mức độ 3) + 25 (DVCTT mức độ 4)",
            },
            "total": 50,
          },
          "ruleId": "IND-SUM-011",
          "severity": "warning",
        },
      ]
    `);
  });

  it('IND-SUM-012 warns, quoting the numbers, when early + on-time + late ≠ resolved (Hòa Bình)', () => {
    expect(
      findings([
        { indicator: 'ho_so_da_xu_ly', value: 12338, source: { quote: 'giải quyết xong 12.338 hồ sơ', line: 40 } },
        { indicator: 'ho_so_da_xu_ly_truoc_han', value: 8332 },
        { indicator: 'ho_so_da_xu_ly_dung_han', value: 3899 },
        { indicator: 'ho_so_da_xu_ly_qua_han', value: 109 },
      ]),
    ).toEqual([
      {
        ruleId: 'IND-SUM-012',
        severity: 'warning',
        message: {
          vi: 'đã giải quyết (toàn đơn vị): hồ sơ giải quyết theo thời hạn 8.332 (trước hạn) + 3.899 (đúng hạn) + 109 (quá hạn) = 12.340 ≠ 12.338 (chênh 2).',
          en: 'resolved (whole reporting unit): dossiers by timeliness 8,332 (early) + 3,899 (on time) + 109 (late) = 12,340 ≠ 12,338 (difference 2).',
        },
        location: { path: 'values[0]', line: 40 },
        params: {
          indicator: { vi: 'đã giải quyết', en: 'resolved' },
          scope: WHOLE,
          terms: {
            vi: '8.332 (trước hạn) + 3.899 (đúng hạn) + 109 (quá hạn)',
            en: '8,332 (early) + 3,899 (on time) + 109 (late)',
          },
          sum: 12340,
          total: 12338,
          difference: 2,
          quote: 'giải quyết xong 12.338 hồ sơ',
        },
      },
    ]);
  });

  it('IND-SUM-013 refuses terms that already exceed the total while some are missing', () => {
    expect(
      findings([
        { indicator: 'ho_so_da_xu_ly', value: 100 },
        { indicator: 'ho_so_da_xu_ly_truoc_han', value: 80 },
        { indicator: 'ho_so_da_xu_ly_qua_han', value: 30 },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "resolved (whole reporting unit): the terms stated 80 (early) + 30 (late) = 110, already more than the total 100 (with terms still missing).",
            "vi": "đã giải quyết (toàn đơn vị): các thành phần đã ghi 80 (trước hạn) + 30 (quá hạn) = 110, đã lớn hơn tổng 100 (dù chưa đủ các thành phần).",
          },
          "params": {
            "indicator": {
              "en": "resolved",
              "vi": "đã giải quyết",
            },
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "sum": 110,
            "terms": {
              "en": "80 (early) + 30 (late)",
              "vi": "80 (trước hạn) + 30 (quá hạn)",
            },
            "total": 100,
          },
          "ruleId": "IND-SUM-013",
          "severity": "error",
        },
      ]
    `);
  });

  it('uses at-least and at-most figures as bounds and leaves approximate ones out', () => {
    const timeliness = (total: IndicatorValueInput) => [
      total,
      { indicator: 'ho_so_da_xu_ly_truoc_han', value: 8332 },
      { indicator: 'ho_so_da_xu_ly_dung_han', value: 3899 },
      { indicator: 'ho_so_da_xu_ly_qua_han', value: 109 },
    ];
    // "hơn 12.000 hồ sơ": 12,340 is more than 12,000, consistent.
    expect(findings(timeliness({ indicator: 'ho_so_da_xu_ly', value: 12000, qualifier: 'at_least' }))).toEqual([]);
    // "không quá 12.000": 12,340 cannot be.
    expect(
      findings(timeliness({ indicator: 'ho_so_da_xu_ly', value: 12000, qualifier: 'at_most' })).map(
        (issue) => issue.message.en,
      ),
    ).toEqual([
      'resolved (whole reporting unit): dossiers by timeliness 8,332 (early) + 3,899 (on time) + 109 (late) = 12,340 ≠ 12,000 (difference 340).',
    ]);
    expect(
      findings(timeliness({ indicator: 'ho_so_da_xu_ly', value: 12000, qualifier: 'approx' })).map(
        (issue) => issue.ruleId,
      ),
    ).toEqual(['IND-STMT-002']);
  });

  it('IND-SUM-020 refuses a part larger than its whole', () => {
    expect(
      findings([
        { indicator: 'tthc_total', value: 100 },
        { indicator: 'dvctt_level4_count', value: 120, source: { quote: '120 DVCTT mức độ 4', line: 9 } },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "line": 9,
            "path": "values[1]",
          },
          "message": {
            "en": "level-4 services (whole reporting unit) = 120 is larger than Procedures = 100, of which it is a part.",
            "vi": "DVCTT mức độ 4 (toàn đơn vị) = 120, lớn hơn Tổng số TTHC = 100, trong khi chỉ là một phần của chỉ số này.",
          },
          "params": {
            "part": {
              "en": "level-4 services",
              "vi": "DVCTT mức độ 4",
            },
            "partValue": 120,
            "quote": "120 DVCTT mức độ 4",
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "whole": {
              "en": "Procedures",
              "vi": "Tổng số TTHC",
            },
            "wholeValue": 100,
          },
          "ruleId": "IND-SUM-020",
          "severity": "error",
        },
      ]
    `);
  });

  it('IND-SUM-030 warns when the dossiers do not balance', () => {
    expect(
      findings([
        { indicator: 'ho_so_ky_truoc', value: 10 },
        { indicator: 'ho_so_tiep_nhan_trong_ky', value: 100 },
        { indicator: 'ho_so_da_xu_ly', value: 90 },
        { indicator: 'ho_so_dang_xu_ly', value: 15 },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Dossiers (whole reporting unit): carried over 10 + received 100 = 110 ≠ resolved 90 + pending 15 = 105 (difference 5); returned or withdrawn dossiers may be counted differently.",
            "vi": "Hồ sơ (toàn đơn vị): kỳ trước chuyển sang 10 + tiếp nhận trong kỳ 100 = 110 ≠ đã giải quyết 90 + đang giải quyết 15 = 105 (chênh 5); có thể do hồ sơ trả lại hoặc rút không được tính.",
          },
          "params": {
            "carriedOver": 10,
            "difference": 5,
            "incoming": 110,
            "outgoing": 105,
            "pending": 15,
            "received": 100,
            "resolved": 90,
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
          },
          "ruleId": "IND-SUM-030",
          "severity": "warning",
        },
      ]
    `);
    // Three of the four figures say nothing.
    expect(
      findings([
        { indicator: 'ho_so_ky_truoc', value: 10 },
        { indicator: 'ho_so_da_xu_ly', value: 90 },
        { indicator: 'ho_so_dang_xu_ly', value: 15 },
      ]),
    ).toEqual([]);
  });
});

describe('IND-PCT: percentages', () => {
  it('IND-PCT-001 recomputes a percentage from its numerator and denominator (Hòa Bình: "đạt 98%")', () => {
    expect(
      findings([
        { indicator: 'tthc_total', value: 30163 },
        { indicator: 'dvctt_level4_count', value: 29345 },
        { indicator: 'dvctt_level4_pct', value: 98, source: { quote: 'đạt 98%', line: 52 } },
      ]),
    ).toEqual([
      {
        ruleId: 'IND-PCT-001',
        severity: 'warning',
        message: {
          vi: 'Tỷ lệ DVCTT mức độ 4 (toàn đơn vị) được ghi 98%, nhưng DVCTT mức độ 4 / Tổng số TTHC = 29.345/30.163 = 97,29%; làm tròn đến 0 chữ số thập phân không thể thành 98%.',
          en: 'Share at level 4 (whole reporting unit) is stated as 98%, but level-4 services / Procedures = 29,345/30,163 = 97.29%; rounded to 0 decimal place(s) it cannot be 98%.',
        },
        location: { path: 'values[2]', line: 52 },
        params: {
          indicator: { vi: 'Tỷ lệ DVCTT mức độ 4', en: 'Share at level 4' },
          scope: WHOLE,
          stated: 98,
          unit: '%',
          numeratorLabel: { vi: 'DVCTT mức độ 4', en: 'level-4 services' },
          denominatorLabel: { vi: 'Tổng số TTHC', en: 'Procedures' },
          numerator: 29345,
          denominator: 30163,
          exact: 97.29,
          decimals: 0,
          quote: 'đạt 98%',
        },
      },
    ]);
  });

  it('accepts a percentage rounded half-up or half-down at the decimals printed, and nothing further', () => {
    const shareOfEight = (value: number, extra: Partial<IndicatorValueInput> = {}) =>
      findings([
        { indicator: 'tthc_total', value: 8 },
        { indicator: 'dvctt_level4_count', value: 1 },
        { indicator: 'dvctt_level4_pct', value, ...extra },
      ]).map((issue) => issue.params?.exact);
    expect(shareOfEight(12)).toEqual([]); // 12.5 → 12 (half-down)
    expect(shareOfEight(13)).toEqual([]); // 12.5 → 13 (half-up)
    expect(shareOfEight(11)).toEqual([12.5]);
    expect(shareOfEight(12.5)).toEqual([]);
    expect(shareOfEight(12.4, { decimals: 1 })).toEqual([12.5]);
    expect(shareOfEight(12.5, { decimals: 2 })).toEqual([]); // "12,50%"
    // "trên 10%" is a bound: 12.5 is more than 10.
    expect(shareOfEight(10, { qualifier: 'at_least' })).toEqual([]);
    expect(shareOfEight(20, { qualifier: 'at_least' })).toEqual([12.5]);
    // 621 / 1652 = 37.59…%, printed 37.6%.
    expect(
      findings([
        { indicator: 'tthc_total', value: 1652 },
        { indicator: 'dvctt_level4_count', value: 621 },
        { indicator: 'dvctt_level4_pct', value: 37.6 },
      ]),
    ).toEqual([]);
  });

  it('IND-PCT-002 warns when the shares of one whole do not total 100%', () => {
    expect(
      findings([
        { indicator: 'ho_so_da_xu_ly_truoc_han_pct', value: 70.5 },
        { indicator: 'ho_so_da_xu_ly_dung_han_pct', value: 25.2 },
        { indicator: 'ho_so_da_xu_ly_qua_han_pct', value: 4, decimals: 1 },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "resolved (whole reporting unit): the shares 70.5% (share early) + 25.2% (share on time) + 4% (share late) = 99.7%, not 100% (even allowing ±0.15 for rounding).",
            "vi": "đã giải quyết (toàn đơn vị): các tỷ lệ 70,5% (tỷ lệ trước hạn) + 25,2% (tỷ lệ đúng hạn) + 4% (tỷ lệ quá hạn) = 99,7%, không bằng 100% (kể cả sai số làm tròn ±0,15).",
          },
          "params": {
            "scope": {
              "en": "whole reporting unit",
              "vi": "toàn đơn vị",
            },
            "sum": 99.7,
            "terms": {
              "en": "70.5% (share early) + 25.2% (share on time) + 4% (share late)",
              "vi": "70,5% (tỷ lệ trước hạn) + 25,2% (tỷ lệ đúng hạn) + 4% (tỷ lệ quá hạn)",
            },
            "tolerance": 0.15,
            "whole": {
              "en": "resolved",
              "vi": "đã giải quyết",
            },
          },
          "ruleId": "IND-PCT-002",
          "severity": "warning",
        },
      ]
    `);
    // 67.5 + 31.6 + 0.8 = 99.9: within the ±0.15 three roundings allow.
    expect(
      findings([
        { indicator: 'ho_so_da_xu_ly_truoc_han_pct', value: 67.5 },
        { indicator: 'ho_so_da_xu_ly_dung_han_pct', value: 31.6 },
        { indicator: 'ho_so_da_xu_ly_qua_han_pct', value: 0.8 },
      ]),
    ).toEqual([]);
  });
});

describe('IND-STMT: statements', () => {
  it('IND-STMT-001 reports a figure stated twice with different values, quoting both (Hòa Bình: 32 and 31)', () => {
    expect(
      findings([
        { indicator: 'tthc_total', value: 32, source: { quote: '32 trang thành viên', line: 21 } },
        { indicator: 'tthc_total', value: 32, source: { quote: '32 trang', line: 30 } },
        { indicator: 'tthc_total', value: 31, source: { quote: '31 trang thành viên', line: 88 } },
      ]),
    ).toEqual([
      {
        ruleId: 'IND-STMT-001',
        severity: 'warning',
        message: {
          vi: 'Tổng số TTHC (toàn đơn vị) được ghi 32 (dòng 21, values[0]) và 31 (dòng 88, values[2]).',
          en: 'Procedures (whole reporting unit) is stated as 32 (line 21, values[0]) and as 31 (line 88, values[2]).',
        },
        location: { path: 'values[2]', line: 88 },
        params: {
          indicator: { vi: 'Tổng số TTHC', en: 'Procedures' },
          scope: WHOLE,
          first: 32,
          firstAt: { vi: 'dòng 21, values[0]', en: 'line 21, values[0]' },
          second: 31,
          secondAt: { vi: 'dòng 88, values[2]', en: 'line 88, values[2]' },
          quote: '31 trang thành viên',
        },
      },
    ]);
  });

  it('does not call values at different scopes a conflict', () => {
    expect(
      findings([
        { indicator: 'tthc_total', value: 32, asOf: '2024-06-30' },
        { indicator: 'tthc_total', value: 31, asOf: '2024-12-31' },
        { indicator: 'tthc_total', value: 31, agency: { name: 'Sở Y tế' } },
      ]),
    ).toEqual([]);
  });

  it('IND-STMT-002 notes once per report that approximate figures are not compared', () => {
    expect(
      findings([
        { indicator: 'tthc_total', value: 8000, qualifier: 'approx', source: { quote: 'gần 8.000', line: 4 } },
        { indicator: 'dvctt_level4_count', value: 25, qualifier: 'approx' },
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "line": 4,
            "path": "values[0]",
          },
          "message": {
            "en": "2 value(s) are approximate (e.g. Procedures = ~8,000); they are left out of the equality checks.",
            "vi": "2 giá trị là số ước lượng (ví dụ Tổng số TTHC = ~8.000); chúng không được dùng trong các phép đối chiếu bằng nhau.",
          },
          "params": {
            "count": 2,
            "example": {
              "en": "Procedures",
              "vi": "Tổng số TTHC",
            },
            "quote": "gần 8.000",
            "value": {
              "en": "~8,000",
              "vi": "~8.000",
            },
          },
          "ruleId": "IND-STMT-002",
          "severity": "info",
        },
      ]
    `);
  });
});

describe('IND-TGT: targets', () => {
  const period2020 = { period: { from: '2020-01-01', to: '2020-12-31' } };

  it('IND-TGT-001 notes a target met', () => {
    expect(targetFindings([{ indicator: 'dvctt_level4_pct', value: 37.6 }], period2020)).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Share at level 4 = 37.6%, meeting the target ≥ 30%: At least 30% of procedures at level 4 (Nghị quyết 17/NQ-CP, Mục II).",
            "vi": "Tỷ lệ DVCTT mức độ 4 = 37,6%, đạt chỉ tiêu ≥ 30%: Ít nhất 30% TTHC ở mức độ 4 (Nghị quyết 17/NQ-CP, Mục II).",
          },
          "params": {
            "comparison": "≥",
            "indicator": {
              "en": "Share at level 4",
              "vi": "Tỷ lệ DVCTT mức độ 4",
            },
            "source": "Nghị quyết 17/NQ-CP, Mục II",
            "target": {
              "en": "At least 30% of procedures at level 4",
              "vi": "Ít nhất 30% TTHC ở mức độ 4",
            },
            "threshold": 30,
            "unit": "%",
            "value": 37.6,
          },
          "ruleId": "IND-TGT-001",
          "severity": "info",
        },
      ]
    `);
  });

  it('IND-TGT-002 notes a target not met', () => {
    expect(targetFindings([{ indicator: 'dvctt_level4_pct', value: 25 }], period2020)).toMatchInlineSnapshot(`
      [
        {
          "location": {
            "path": "values[0]",
          },
          "message": {
            "en": "Share at level 4 = 25%, short of the target ≥ 30%: At least 30% of procedures at level 4 (Nghị quyết 17/NQ-CP, Mục II).",
            "vi": "Tỷ lệ DVCTT mức độ 4 = 25%, chưa đạt chỉ tiêu ≥ 30%: Ít nhất 30% TTHC ở mức độ 4 (Nghị quyết 17/NQ-CP, Mục II).",
          },
          "params": {
            "comparison": "≥",
            "indicator": {
              "en": "Share at level 4",
              "vi": "Tỷ lệ DVCTT mức độ 4",
            },
            "source": "Nghị quyết 17/NQ-CP, Mục II",
            "target": {
              "en": "At least 30% of procedures at level 4",
              "vi": "Ít nhất 30% TTHC ở mức độ 4",
            },
            "threshold": 30,
            "unit": "%",
            "value": 25,
          },
          "ruleId": "IND-TGT-002",
          "severity": "info",
        },
      ]
    `);
  });

  it('checks a target only for the periods it applies to and the whole unit', () => {
    // The deadline is 2020-12-31: a 2019 report is not yet measured, a 2024 one still is.
    const period2019 = { period: { from: '2019-01-01', to: '2019-12-31' } };
    expect(targetFindings([{ indicator: 'dvctt_level4_pct', value: 25 }], period2019)).toEqual([]);
    expect(targetFindings([{ indicator: 'dvctt_level4_pct', value: 25 }]).map((issue) => issue.ruleId)).toEqual([
      'IND-TGT-002',
    ]);
    expect(targetFindings([{ indicator: 'dvctt_level4_pct', value: 25, tier: 'tinh' }], period2020)).toEqual([]);
    // "trên 20%" does not decide "≥ 30%".
    expect(targetFindings([{ indicator: 'dvctt_level4_pct', value: 20, qualifier: 'at_least' }], period2020)).toEqual(
      [],
    );
  });
});

describe('validateIndicatorReport', () => {
  it('never reports a derived value as inconsistent with its own inputs', () => {
    expect(
      findings([
        { indicator: 'tthc_total', value: 8 },
        { indicator: 'dvctt_level4_count', value: 1 },
        {
          indicator: 'dvctt_level4_pct',
          value: 99,
          provenance: 'derived',
          derivedFrom: ['dvctt_level4_count', 'tthc_total'],
        },
        { indicator: 'ho_so_da_xu_ly', value: 1, provenance: 'derived', derivedFrom: ['ho_so_da_xu_ly_truoc_han'] },
        { indicator: 'ho_so_da_xu_ly_truoc_han', value: 5 },
        { indicator: 'ho_so_da_xu_ly_dung_han', value: 5 },
        { indicator: 'ho_so_da_xu_ly_qua_han', value: 5 },
      ]),
    ).toEqual([]);
  });

  it('builds a report listing every rule, with the steps run', () => {
    const result = validateIndicatorReport(exampleReport([{ indicator: 'tthc_total', value: 1 }]), {
      catalogue: TEST_CATALOGUE,
      now: fixedClock,
      subject: 'bao-cao-2024.json',
    });
    expect(result.valid).toBe(true);
    expect(result.report.subject).toBe('bao-cao-2024.json');
    expect(result.report.kind).toBe('indicator-report');
    expect(result.report.steps.map((step) => [step.name, step.status])).toEqual([
      ['parse', 'completed'],
      ['validate', 'completed'],
    ]);
    expect(result.report.rules.map((rule) => rule.id)).toEqual(INDICATOR_RULES.rules.map((rule) => rule.id));
    expect(result.report.timing.startedAt).toBe('2025-03-14T02:30:00.000Z');
    expect(result.values).toEqual([{ indicator: 'tthc_total', value: 1, qualifier: 'exact', provenance: 'stated' }]);
  });

  it('reads text, stops after a parse error, and applies severity overrides', () => {
    const text = JSON.stringify(
      exampleReport([
        { indicator: 'ho_so_da_xu_ly', value: 10 },
        { indicator: 'ho_so_da_xu_ly_truoc_han', value: 5 },
        { indicator: 'ho_so_da_xu_ly_dung_han', value: 5 },
        { indicator: 'ho_so_da_xu_ly_qua_han', value: 1 },
      ]),
    );
    const strict = validateIndicatorReport(text, {
      catalogue: TEST_CATALOGUE,
      severityOverrides: { 'IND-SUM-012': 'error' },
    });
    expect(strict.issues.map((issue) => [issue.ruleId, issue.severity])).toEqual([['IND-SUM-012', 'error']]);
    expect(strict.valid).toBe(false);
    const broken = validateIndicatorReport('{"schemaVersion": 1,', { catalogue: TEST_CATALOGUE });
    expect(broken.valid).toBe(false);
    expect(broken.issues.map((issue) => issue.ruleId)).toEqual(['IND-PARSE-004']);
    expect(broken.report.steps.map((step) => step.name)).toEqual(['parse']);
    expect(broken.values).toBeUndefined();
  });

  it('never modifies its input', () => {
    const input = exampleReport([
      { indicator: 'tthc_total', value: 100 },
      { indicator: 'dvctt_level4_count', value: 120 },
    ]);
    const before = structuredClone(input);
    const frozen = Object.freeze({
      ...input,
      values: Object.freeze(input.values.map((value) => Object.freeze(value))),
    });
    validateIndicatorReport(frozen, { catalogue: TEST_CATALOGUE });
    expect(input).toEqual(before);
  });

  it('throws INVALID_CATALOGUE for a catalogue that breaks its schema or refers to unknown indicators', () => {
    const dangling = {
      ...TEST_CATALOGUE,
      targets: [{ ...(TEST_CATALOGUE.targets[0] as object), indicator: 'khong_co' }],
    };
    for (const catalogue of [{ version: 'x', indicators: [], targets: [] }, dangling]) {
      expect(() => validateIndicatorReport(exampleReport([]), { catalogue: catalogue as never })).toThrow(
        IndicatorsError,
      );
    }
  });
});

describe('validateIndicatorReport (properties)', () => {
  const valueArb = fc.record(
    {
      indicator: fc.constantFrom(...TEST_CATALOGUE.indicators.map((definition) => definition.name), 'khong_co'),
      value: fc.oneof(
        fc.integer({ min: -5, max: 40_000 }),
        fc.double({ min: -1, max: 500, noNaN: true }),
        fc.boolean(),
      ),
      qualifier: fc.constantFrom('exact', 'approx', 'at_least', 'at_most'),
      tier: fc.constantFrom('tinh', 'huyen', 'xa'),
      agency: fc.constant({ name: 'Sở Y tế' }),
      asOf: fc.constantFrom('2024-06-30', '2025-08-01'),
      provenance: fc.constantFrom('stated', 'derived'),
    },
    { requiredKeys: ['indicator', 'value'] },
  ) as fc.Arbitrary<IndicatorValueInput>;

  it('never throws and always returns a report that satisfies ReportSchema', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(valueArb, { maxLength: 20 }).map((values) => exampleReport(values)),
          fc.anything(),
        ),
        (input) => {
          const result = validateIndicatorReport(input, { catalogue: TEST_CATALOGUE });
          expect(ReportSchema.safeParse(result.report).success).toBe(true);
          expect(result.valid).toBe(result.report.valid);
          for (const issue of result.issues) expect(INDICATOR_RULES.get(issue.ruleId)).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('several tiers together (`tiers`)', () => {
  const JOINT = { vi: 'cấp tỉnh và cấp huyện', en: 'province and district tiers' };

  it('IND-SCOPE-005 refuses a value with both `tier` and `tiers`', () => {
    const [issue, ...rest] = findings([{ indicator: 'tthc_total', value: 5, tier: 'tinh', tiers: ['tinh', 'huyen'] }]);
    expect(rest).toEqual([]);
    expect(issue).toEqual({
      ruleId: 'IND-SCOPE-005',
      severity: 'error',
      message: {
        vi: 'Tổng số TTHC vừa được ghi cho cấp tỉnh (tier) vừa cho cấp tỉnh và cấp huyện (tiers); chỉ được dùng một trong hai trường.',
        en: 'Procedures is given both for the provincial tier (tier) and for the province and district tiers (tiers); use only one of the two fields.',
      },
      location: { path: 'values[0]' },
      params: {
        indicator: { vi: 'Tổng số TTHC', en: 'Procedures' },
        tier: { vi: 'cấp tỉnh', en: 'provincial tier' },
        tiers: JOINT,
      },
    });
  });

  it('IND-SCOPE-001 names each of the tiers the indicator is not broken down by', () => {
    const issues = findings([{ indicator: 'dvctt_level4_pct', value: 40, tiers: ['tinh', 'huyen', 'xa'] }]);
    expect(issues.map((issue) => [issue.ruleId, issue.message.en])).toEqual([
      [
        'IND-SCOPE-001',
        'Share at level 4 is given for the district tier, but the catalogue only allows: provincial tier.',
      ],
      [
        'IND-SCOPE-001',
        'Share at level 4 is given for the commune tier, but the catalogue only allows: provincial tier.',
      ],
    ]);
  });

  it('IND-SCOPE-003 and IND-SCOPE-004 apply when the district tier is among them', () => {
    const after = findings([{ indicator: 'tthc_total', value: 5, tiers: ['tinh', 'huyen'] }], {
      period: { from: '2025-07-01', to: '2025-12-31' },
    });
    expect(after.map((issue) => issue.ruleId)).toEqual(['IND-SCOPE-003']);
    const spanning = findings([{ indicator: 'tthc_total', value: 5, tiers: ['huyen', 'xa'] }], {
      period: { from: '2025-01-01', to: '2025-12-31' },
    });
    expect(spanning.map((issue) => issue.ruleId)).toEqual(['IND-SCOPE-004']);
    expect(findings([{ indicator: 'tthc_total', value: 5, tiers: ['tinh', 'xa'] }])).toEqual([]);
  });

  it('IND-SUM-001 warns when a value for several tiers differs from the sum of those tiers', () => {
    const issues = findings([
      { indicator: 'tthc_total', value: 130, tiers: ['tinh', 'huyen'], source: { quote: 'tổng số 130', line: 19 } },
      { indicator: 'tthc_total', value: 106, tier: 'tinh' },
      { indicator: 'tthc_total', value: 25, tier: 'huyen' },
    ]);
    expect(issues).toEqual([
      {
        ruleId: 'IND-SUM-001',
        severity: 'warning',
        message: {
          vi: 'Tổng số TTHC (cấp tỉnh và cấp huyện): tổng các cấp 106 (cấp tỉnh) + 25 (cấp huyện) = 131 ≠ tổng 130 (chênh 1).',
          en: 'Procedures (province and district tiers): the tiers 106 (provincial tier) + 25 (district tier) = 131 ≠ the total 130 (difference 1).',
        },
        location: { path: 'values[0]', line: 19 },
        params: {
          indicator: { vi: 'Tổng số TTHC', en: 'Procedures' },
          scope: JOINT,
          terms: { vi: '106 (cấp tỉnh) + 25 (cấp huyện)', en: '106 (provincial tier) + 25 (district tier)' },
          sum: 131,
          total: 130,
          difference: 1,
          quote: 'tổng số 130',
        },
      },
    ]);
    // Lâm Đồng: 106 + 25 = 131, as stated; the commune tier is not part of the check.
    expect(
      findings([
        { indicator: 'tthc_total', value: 131, tiers: ['tinh', 'huyen'] },
        { indicator: 'tthc_total', value: 106, tier: 'tinh' },
        { indicator: 'tthc_total', value: 25, tier: 'huyen' },
        { indicator: 'tthc_total', value: 7, tier: 'xa' },
      ]),
    ).toEqual([]);
  });

  it('IND-SUM-002 refuses a tier larger than the value for several tiers including it', () => {
    const issues = findings([
      { indicator: 'tthc_total', value: 100, tiers: ['tinh', 'huyen'] },
      { indicator: 'tthc_total', value: 106, tier: 'tinh' },
    ]);
    expect(issues.map((issue) => [issue.ruleId, issue.location?.path, issue.message.en])).toEqual([
      [
        'IND-SUM-002',
        'values[0]',
        'Procedures (province and district tiers): the tiers stated 106 (provincial tier) = 106, already more than the total 100 (with tiers still missing).',
      ],
    ]);
  });

  it('IND-SUM-002 refuses a value for several tiers larger than the whole unit', () => {
    const issues = findings([
      { indicator: 'tthc_total', value: 120 },
      { indicator: 'tthc_total', value: 131, tiers: ['tinh', 'huyen'] },
    ]);
    expect(issues.map((issue) => [issue.ruleId, issue.location?.path, issue.message.vi])).toEqual([
      [
        'IND-SUM-002',
        'values[1]',
        'Tổng số TTHC (toàn đơn vị): các cấp đã ghi 131 (cấp tỉnh và cấp huyện) = 131, đã lớn hơn tổng 120 (dù chưa đủ các cấp).',
      ],
    ]);
    expect(
      findings([
        { indicator: 'tthc_total', value: 140 },
        { indicator: 'tthc_total', value: 131, tiers: ['tinh', 'huyen'] },
      ]),
    ).toEqual([]);
  });

  it('is a scope of its own: not a conflict with the total or a tier, and not a term of the total', () => {
    expect(
      findings([
        { indicator: 'tthc_total', value: 131, tiers: ['tinh', 'huyen'] },
        { indicator: 'tthc_total', value: 131, tiers: ['tinh', 'huyen'] },
        { indicator: 'tthc_total', value: 200 },
        { indicator: 'tthc_total', value: 150, tiers: ['tinh', 'xa'] },
      ]),
    ).toEqual([]);
    const conflict = findings([
      { indicator: 'tthc_total', value: 32, tiers: ['tinh', 'huyen'] },
      { indicator: 'tthc_total', value: 31, tiers: ['tinh', 'huyen'] },
    ]);
    expect(conflict.map((issue) => [issue.ruleId, issue.params?.scope])).toEqual([['IND-STMT-001', JOINT]]);
  });
});

describe('the `number` unit', () => {
  const average = (extra: Partial<IndicatorDefinition> = {}): IndicatorCatalogue => ({
    ...WITHOUT_TARGETS,
    indicators: [
      ...WITHOUT_TARGETS.indicators,
      {
        name: 'may_chu_per_agency_avg',
        label: { vi: 'Số máy chủ trung bình mỗi đơn vị', en: 'Average servers per agency' },
        unit: 'number',
        group: 'infrastructure',
        scope: { tiers: ['tinh', 'huyen', 'xa'], agency: false },
        sources: [{ document: 'test' }],
        ...extra,
      },
    ],
  });

  it('accepts any number from 0 up, fractions included', () => {
    for (const value of [4.8, 2.5, 0, 1234.567]) {
      expect(findings([{ indicator: 'may_chu_per_agency_avg', value }], {}, average())).toEqual([]);
    }
  });

  it('IND-RNG-001 refuses a negative number, or one outside the range the catalogue gives', () => {
    const [negative] = findings([{ indicator: 'may_chu_per_agency_avg', value: -1.5, tier: 'tinh' }], {}, average());
    expect(negative?.ruleId).toBe('IND-RNG-001');
    expect(negative?.message).toEqual({
      vi: 'Số máy chủ trung bình mỗi đơn vị (cấp tỉnh) = -1,5, ngoài khoảng 0–∞ của đơn vị «number».',
      en: 'Average servers per agency (provincial tier) = -1.5, outside the range 0–∞ of unit «number».',
    });
    const ranged = average({ range: { min: -10, max: 10 } });
    expect(findings([{ indicator: 'may_chu_per_agency_avg', value: -1.5 }], {}, ranged)).toEqual([]);
    expect(
      findings([{ indicator: 'may_chu_per_agency_avg', value: 10.5 }], {}, ranged).map((issue) => issue.message.en),
    ).toEqual(['Average servers per agency (whole reporting unit) = 10.5, outside the range -10–10 of unit «number».']);
  });

  it('IND-CAT-002 refuses a text or boolean for a number', () => {
    const issues = findings([{ indicator: 'may_chu_per_agency_avg', value: '4,8' }], {}, average());
    expect(issues.map((issue) => issue.ruleId)).toEqual(['IND-CAT-002']);
  });
});

describe('IND-PER-003: periods in order', () => {
  it('refuses a report period that ends before it starts, quoting both dates', () => {
    const result = validateIndicatorReport(exampleReport([], { period: { from: '2024-12-31', to: '2024-01-01' } }), {
      catalogue: WITHOUT_TARGETS,
    });
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([
      {
        ruleId: 'IND-PER-003',
        severity: 'error',
        message: {
          vi: 'Báo cáo có kỳ từ 31/12/2024 đến 01/01/2024: ngày kết thúc trước ngày bắt đầu.',
          en: 'The report has the period 2024-12-31 to 2024-01-01: it ends before it starts.',
        },
        location: { path: 'period.to' },
        params: {
          subject: { vi: 'Báo cáo', en: 'The report' },
          from: { vi: '31/12/2024', en: '2024-12-31' },
          to: { vi: '01/01/2024', en: '2024-01-01' },
        },
      },
    ]);
  });

  it("refuses a value's period that ends before it starts, located at the value", () => {
    const issues = findings([
      { indicator: 'tthc_total', value: 5, period: { from: '2024-07-30', to: '2024-01-01' }, source: { quote: 'q' } },
    ]);
    expect(issues.map((issue) => [issue.ruleId, issue.location?.path, issue.message.vi])).toEqual([
      [
        'IND-PER-003',
        'values[0]',
        'Tổng số TTHC có kỳ từ 30/07/2024 đến 01/01/2024: ngày kết thúc trước ngày bắt đầu.',
      ],
    ]);
  });
});

describe('targets with a start (`from`)', () => {
  const fromOnly = (from: string | undefined): IndicatorCatalogue => ({
    ...TEST_CATALOGUE,
    targets: TEST_CATALOGUE.targets.map(({ by: _by, ...target }) => ({ ...target, ...(from ? { from } : {}) })),
  });

  it('says nothing about a target for periods ending before it took effect', () => {
    const value = [{ indicator: 'dvctt_level4_pct', value: 25 }];
    const period2018 = { period: { from: '2018-01-01', to: '2018-12-31' } };
    const period2019 = { period: { from: '2019-01-01', to: '2019-12-31' } };
    expect(findings(value, period2018, fromOnly('2019-03-07'))).toEqual([]);
    expect(findings(value, period2019, fromOnly('2019-03-07')).map((issue) => issue.ruleId)).toEqual(['IND-TGT-002']);
    // Without `from` nor `by`, a target applies to every period.
    expect(findings(value, period2018, fromOnly(undefined)).map((issue) => issue.ruleId)).toEqual(['IND-TGT-002']);
  });
});
