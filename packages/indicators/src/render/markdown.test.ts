import { describe, expect, it } from 'vitest';
import { compareIndicatorReports } from '../compare';
import { report, SON_LA_2018, SON_LA_2019, TEST_CATALOGUE, withScriptUrl } from '../compare/test-support';
import { renderComparisonMarkdown, renderReportMarkdown } from './markdown';

const small = report({
  reportingUnit: { name: 'Sơn La', organisationCode: '000.00.00.H50', kind: 'province' },
  period: { from: '2018-01-01', to: '2018-12-31' },
  asOf: '2018-12-15',
  source: {
    number: '14/BC-UBND',
    title: 'Báo cáo ứng dụng CNTT năm 2018',
    issuedOn: '2019-01-07',
    url: 'https://sonla.gov.vn/14-BC-UBND',
  },
  values: [
    { indicator: 'ho_so_dung_han_pct', value: 67.53, source: { quote: 'đạt 67,53%', line: 21 } },
    { indicator: 'tthc_total', value: 1680, qualifier: 'at_least', source: { quote: 'trên 1680 thủ tục', line: 12 } },
    { indicator: 'ho_so_da_xu_ly', value: 12338, source: { quote: 'giải quyết xong 12.338 hồ sơ', line: 20 } },
    {
      indicator: 'dvctt_level4_pct',
      tier: 'huyen',
      value: 31.6,
      decimals: 2,
      provenance: 'derived',
      derivedFrom: ['dvctt_level4_count', 'tthc_total'],
      period: { from: '2018-01-01', to: '2018-07-30' },
    },
  ],
  notes: ['Số liệu cấp xã chưa đầy đủ.'],
});

const issue = {
  ruleId: 'IND-PCT-001',
  severity: 'warning' as const,
  message: { vi: 'Tỷ lệ 31,60% không khớp với 31,73% tính lại', en: 'Share 31.60% does not match 31.73% recomputed' },
  location: { path: 'values[3].value', line: 14 },
};

describe('renderReportMarkdown', () => {
  it('renders a report in Vietnamese: heading, source, one table per group in catalogue order, findings', () => {
    expect(renderReportMarkdown(small, { catalogue: TEST_CATALOGUE, issues: [issue] })).toBe(
      `# Báo cáo chỉ số: Sơn La, năm 2018

- Đơn vị báo cáo: Sơn La (tỉnh, thành phố; mã 000.00.00.H50)
- Kỳ báo cáo: năm 2018
- Số liệu tính đến ngày: 15/12/2018
- Văn bản nguồn: [14/BC-UBND — Báo cáo ứng dụng CNTT năm 2018 (ngày 07/01/2019)](<https://sonla.gov.vn/14-BC-UBND>)

## Dịch vụ công trực tuyến

| Chỉ số | Phạm vi | Giá trị | Đơn vị tính | Nguồn gốc | Dòng | Trích dẫn | Ghi chú |
| --- | --- | ---: | --- | --- | ---: | --- | --- |
| Tổng số TTHC | toàn đơn vị | ít nhất 1.680 | số lượng | theo văn bản | 12 | trên 1680 thủ tục |  |
| Tỷ lệ DVCTT mức độ 4 | cấp huyện | 31,60% | tỷ lệ % | tính toán |  |  | kỳ 01/01/2018 – 30/07/2018; tính từ Số DVCTT mức độ 4, Tổng số TTHC |

## Hồ sơ thủ tục hành chính

| Chỉ số | Phạm vi | Giá trị | Đơn vị tính | Nguồn gốc | Dòng | Trích dẫn | Ghi chú |
| --- | --- | ---: | --- | --- | ---: | --- | --- |
| Hồ sơ đã giải quyết | toàn đơn vị | 12.338 | số lượng | theo văn bản | 20 | giải quyết xong 12.338 hồ sơ |  |
| Tỷ lệ giải quyết đúng hạn | toàn đơn vị | 67,53% | tỷ lệ % | theo văn bản | 21 | đạt 67,53% |  |

## Ghi chú

- Số liệu cấp xã chưa đầy đủ.

## Kết quả kiểm tra

- **cảnh báo** \`IND-PCT-001\` (values\\[3\\].value, dòng 14): Tỷ lệ 31,60% không khớp với 31,73% tính lại
`,
    );
  });

  it('renders the same report in English, and says when there are no findings', () => {
    expect(renderReportMarkdown(small, { lang: 'en', catalogue: TEST_CATALOGUE, issues: [] })).toBe(
      `# Indicator report: Sơn La, 2018

- Reporting unit: Sơn La (province; code 000.00.00.H50)
- Period: 2018
- Figures as of: 2018-12-15
- Source document: [14/BC-UBND — Báo cáo ứng dụng CNTT năm 2018 (dated 2019-01-07)](<https://sonla.gov.vn/14-BC-UBND>)

## Online public services

| Indicator | Scope | Value | Unit | Provenance | Line | Quote | Note |
| --- | --- | ---: | --- | --- | ---: | --- | --- |
| Administrative procedures (total) | whole unit | at least 1,680 | count | stated | 12 | trên 1680 thủ tục |  |
| Share of procedures at level 4 | district level | 31.60% | percent | derived |  |  | period 2018-01-01 – 2018-07-30; from Online public services at level 4, Administrative procedures (total) |

## Administrative dossiers

| Indicator | Scope | Value | Unit | Provenance | Line | Quote | Note |
| --- | --- | ---: | --- | --- | ---: | --- | --- |
| Dossiers resolved | whole unit | 12,338 | count | stated | 20 | giải quyết xong 12.338 hồ sơ |  |
| Resolved on time | whole unit | 67.53% | percent | stated | 21 | đạt 67,53% |  |

## Notes

- Số liệu cấp xã chưa đầy đủ.

## Findings

No findings.
`,
    );
  });

  it('keeps hostile text as text: no HTML, no broken table, no link to a script URL', () => {
    // The model refuses a `javascript:` URL; the renderer must still be safe with a report built without parsing.
    const hostile = withScriptUrl({
      reportingUnit: { name: 'Tỉnh <b>X</b>', kind: 'province' },
      period: { from: '2019-01-01', to: '2019-12-31' },
      source: { title: 'Báo cáo [x](javascript:alert(1))' },
      values: [
        { indicator: 'cong_dvc_name', value: '<script>alert(1)</script> | cột\nmới', note: '*đậm* _nghiêng_ `mã`' },
      ],
    });
    const markdown = renderReportMarkdown(hostile, { catalogue: TEST_CATALOGUE });
    expect(markdown).toContain('# Báo cáo chỉ số: Tỉnh \\<b\\>X\\</b\\>, năm 2019');
    expect(markdown).toContain('- Văn bản nguồn: Báo cáo \\[x\\](javascript:alert(1))\n');
    expect(markdown).toContain(
      '| Tên cổng dịch vụ công | toàn đơn vị | \\<script\\>alert(1)\\</script\\> \\| cột mới | văn bản | theo văn bản |  |  | \\*đậm\\* \\_nghiêng\\_ \\`mã\\` |',
    );
  });

  it('shows several tiers together as one scope, in both languages', () => {
    const joint = report({
      reportingUnit: { name: 'Lâm Đồng', kind: 'province' },
      period: { from: '2017-01-01', to: '2017-12-10' },
      values: [{ indicator: 'tthc_total', value: 131, tiers: ['tinh', 'huyen'], note: 'Nguồn ghi chung hai cấp.' }],
    });
    const vi = renderReportMarkdown(joint, { catalogue: TEST_CATALOGUE });
    expect(vi).toContain('| cấp tỉnh và cấp huyện | 131 |');
    expect(vi).toContain('Nguồn ghi chung hai cấp.');
    const en = renderReportMarkdown(joint, { catalogue: TEST_CATALOGUE, lang: 'en' });
    expect(en).toContain('| province and district tiers | 131 |');
  });

  it('says when a report has no figures', () => {
    const empty = report({ reportingUnit: { name: 'Sơn La', kind: 'province' }, period: small.period, values: [] });
    expect(renderReportMarkdown(empty, { lang: 'en' })).toBe(
      '# Indicator report: Sơn La, 2018\n\n- Reporting unit: Sơn La (province)\n- Period: 2018\n\nThe report has no figures.\n',
    );
  });
});

describe('renderComparisonMarkdown', () => {
  it('renders a year-over-year comparison with percentage points and relative changes', () => {
    const comparison = compareIndicatorReports(SON_LA_2018, SON_LA_2019, { catalogue: TEST_CATALOGUE });
    expect(renderComparisonMarkdown(comparison)).toBe(
      `# So sánh chỉ số: Sơn La, năm 2018 → năm 2019

- Loại so sánh: cùng đơn vị, hai kỳ báo cáo
- A: Sơn La (tỉnh, thành phố; mã 000.00.00.H50), năm 2018
- B: Sơn La (tỉnh, thành phố; mã 000.00.00.H50), năm 2019

## Cổng thông tin điện tử

| Chỉ số | Phạm vi | A: năm 2018 | B: năm 2019 | Chênh lệch | Tương đối | Xu hướng | Lưu ý |
| --- | --- | ---: | ---: | ---: | ---: | --- | --- |
| Tên cổng dịch vụ công | toàn đơn vị | dichvucong.sonla.gov.vn | dichvucong.sonla.gov.vn |  |  | = không đổi |  |

## Dịch vụ công trực tuyến

| Chỉ số | Phạm vi | A: năm 2018 | B: năm 2019 | Chênh lệch | Tương đối | Xu hướng | Lưu ý |
| --- | --- | ---: | ---: | ---: | ---: | --- | --- |
| Tổng số TTHC | toàn đơn vị | ít nhất 1.680 | 1.700 |  |  | không so sánh được (mức độ chính xác khác nhau) | có số liệu ước lượng |
| Số DVCTT mức độ 4 | toàn đơn vị | 533 | 621 | +88 | +16,51% | ↑ tăng |  |
| Số DVCTT mức độ 4 | cấp huyện | 120 |  |  |  | chỉ có ở A |  |
| Tỷ lệ DVCTT mức độ 4 | toàn đơn vị | 31,60% | 36,53% | +4,93 điểm phần trăm |  | ↑ tăng | có số liệu tính toán |

## Hồ sơ thủ tục hành chính

| Chỉ số | Phạm vi | A: năm 2018 | B: năm 2019 | Chênh lệch | Tương đối | Xu hướng | Lưu ý |
| --- | --- | ---: | ---: | ---: | ---: | --- | --- |
| Hồ sơ đã giải quyết | toàn đơn vị | 12.338 | 12.338 | 0 | 0,00% | = không đổi |  |
| Tỷ lệ giải quyết đúng hạn | toàn đơn vị | 67,53% | 60,1% | -7,43 điểm phần trăm |  | ↓ giảm |  |
| Tỷ lệ giải quyết đúng hạn | Sở Tư pháp |  | 99,5% |  |  | chỉ có ở B |  |

## Vietnam ICT Index

| Chỉ số | Phạm vi | A: năm 2018 | B: năm 2019 | Chênh lệch | Tương đối | Xu hướng | Lưu ý |
| --- | --- | ---: | ---: | ---: | ---: | --- | --- |
| Chỉ số ICT Index | toàn đơn vị | 0,3 | 0,1 | -0,2 | -66,67% | ↓ giảm |  |

## Chỉ số ngoài danh mục

| Chỉ số | Phạm vi | A: năm 2018 | B: năm 2019 | Chênh lệch | Tương đối | Xu hướng | Lưu ý |
| --- | --- | ---: | ---: | ---: | ---: | --- | --- |
| so\\_lieu\\_moi | toàn đơn vị |  | 7 |  |  | chỉ có ở B |  |
`,
    );
  });

  it('names the sides by unit when two units are compared over one period (English)', () => {
    const hoaBinh = report({
      reportingUnit: { name: 'Hòa Bình', kind: 'province' },
      period: SON_LA_2019.period,
      values: [{ indicator: 'ho_so_dung_han_pct', value: 75.25 }],
    });
    const comparison = compareIndicatorReports(SON_LA_2019, hoaBinh, { catalogue: TEST_CATALOGUE });
    const markdown = renderComparisonMarkdown(comparison, { lang: 'en' });
    expect(markdown.split('\n').slice(0, 5)).toEqual([
      '# Indicator comparison: Sơn La → Hòa Bình',
      '',
      '- Comparison: two units, same period',
      '- A: Sơn La (province; code 000.00.00.H50), 2019',
      '- B: Hòa Bình (province), 2019',
    ]);
    expect(markdown).toContain(
      '| Resolved on time | whole unit | 60.1% | 75.25% | +15.15 percentage points |  | ↑ up |  |',
    );
  });
});
