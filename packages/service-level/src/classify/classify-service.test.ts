import { IssueSchema } from '@lienthong/report';
import { describe, expect, it } from 'vitest';
import type { Service, ServiceCapabilities } from '../model/service';
import { classifyService } from './classify-service';
import { classifyNd42 } from './nd42-category';
import { classifyNd43 } from './nd43-level';

const noFeePosted: ServiceCapabilities = {
  informationPublished: true,
  formsDownloadable: true,
  onlineSubmission: true,
  onlineProcessing: true,
  payment: 'no-fee',
  resultChannels: ['public-post', 'in-person'],
  physicalPresenceRequired: false,
};

const service = (overrides: Partial<Service> = {}): Service => ({
  procedureCode: '1.001234',
  name: 'Cấp bản sao trích lục hộ tịch',
  agency: { name: 'UBND xã Tân Lập', code: '000.01.02.H56' },
  tier: 'xa',
  capabilities: noFeePosted,
  ...overrides,
});

describe('classifyService', () => {
  it('classifies under both schemes and applies NĐ 43 on a day up to 2022-08-14', () => {
    const result = classifyService(noFeePosted, { date: '2022-08-14' });
    expect(result.nd43).toEqual(classifyNd43(noFeePosted));
    expect(result.nd42).toEqual(classifyNd42(noFeePosted));
    expect(result.vendorCode).toBe('4');
    expect(result).toMatchObject({
      date: '2022-08-14',
      scheme: 'nd43-2011',
      applicable: { scheme: 'nd43-2011', level: 4 },
      issues: [],
    });
    expect(result.comparison).toBeUndefined();
  });

  it('applies NĐ 42 from 2022-08-15, with the category and vendor code', () => {
    const result = classifyService(service({ capabilities: { ...noFeePosted, resultChannels: ['in-person'] } }), {
      date: '2022-08-15',
    });
    expect(result.applicable).toEqual({ scheme: 'nd42-2022', category: 'mot_phan', vendorCode: '3' });
  });

  it('reads an instant at UTC+7', () => {
    expect(classifyService(noFeePosted, { date: new Date('2022-08-14T17:00:00Z') }).scheme).toBe('nd42-2022');
  });

  it('uses today in Vietnam from the clock when no date is given', () => {
    const result = classifyService(noFeePosted, { now: () => new Date('2020-06-30T20:00:00Z') });
    expect(result).toMatchObject({ date: '2020-07-01', scheme: 'nd43-2011' });
  });

  it('reports an invalid date as an issue, and still classifies', () => {
    const result = classifyService(noFeePosted, { date: '2022-02-30' });
    expect(result.scheme).toBeUndefined();
    expect(result.applicable).toBeUndefined();
    expect(result.date).toBeUndefined();
    expect(result.nd43.level).toBe(4);
    expect(result.issues.map((issue) => issue.ruleId)).toEqual(['SL-CLS-001']);
  });

  it('finds no difference when the declared values match the computed ones', () => {
    const result = classifyService(
      service({ declared: { nd43Level: 4, nd42Category: 'toan_trinh', vendorCode: '4' } }),
      {
        date: '2023-01-01',
      },
    );
    expect(result.comparison).toEqual({
      nd43Level: { declared: 4, computed: 4, matches: true },
      nd42Category: { declared: 'toan_trinh', computed: 'toan_trinh', matches: true },
      vendorCode: { declared: '4', computed: '4', matches: true },
      matches: true,
      findings: [],
    });
    expect(result.issues).toEqual([]);
  });

  // Issue 5: "a no-fee level-3 service with postal results can be toàn trình". Provinces declared such
  // services level 3; computed from the capabilities they are level 4 (no fee meets "lệ phí (nếu có)").
  it('tells a province that declared a no-fee service with postal results level 3 that it is level 4 and toàn trình', () => {
    const result = classifyService(service({ declared: { nd43Level: 3, nd42Category: 'mot_phan' } }), {
      date: '2022-09-01',
    });
    expect(result.applicable).toEqual({ scheme: 'nd42-2022', category: 'toan_trinh', vendorCode: '4' });
    expect(result.comparison?.matches).toBe(false);
    expect(result.comparison?.nd43Level).toEqual({ declared: 3, computed: 4, matches: false });
    const [level, category] = result.comparison!.findings;
    expect(level).toMatchObject({
      ruleId: 'SL-CLS-010',
      severity: 'warning',
      location: { path: 'declared/nd43Level' },
      reference: 'khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP',
    });
    expect(level!.message.vi).toBe(
      'Thủ tục 1.001234 khai báo mức độ 3, nhưng theo năng lực của dịch vụ là mức độ 4. ' +
        'Thủ tục không có phí, lệ phí, nên điều kiện thanh toán phí, lệ phí (nếu có) trực tuyến của mức độ 4 được đáp ứng (khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP; Thông tư 32/2017/TT-BTTTT). ' +
        'Kết quả được trả qua dịch vụ bưu chính công ích, trực tiếp tại Bộ phận Một cửa; mức độ 4 chấp nhận trả kết quả trực tuyến, trực tiếp hoặc qua đường bưu điện (khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP; Thông tư 32/2017/TT-BTTTT).',
    );
    expect(level!.message.en).toMatch(/^Procedure 1\.001234 declares level 3, but its capabilities give level 4\. /);
    expect(category).toMatchObject({ ruleId: 'SL-CLS-011', location: { path: 'declared/nd42Category' } });
    expect(category!.message.vi).toBe(
      'Thủ tục 1.001234 khai báo là dịch vụ công trực tuyến một phần, nhưng theo năng lực của dịch vụ là dịch vụ công trực tuyến toàn trình. ' +
        'Dịch vụ công trực tuyến toàn trình: đáp ứng mọi điều kiện của điểm a (điểm a khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP).',
    );
    expect(result.issues).toEqual(result.comparison!.findings);
  });

  it('names the unmet criteria when the declared level is higher than the computed one', () => {
    const result = classifyService(
      service({
        capabilities: { ...noFeePosted, onlineProcessing: false, payment: 'offline-only' },
        declared: { nd43Level: 4 },
      }),
      { date: '2021-01-01', path: 'services[7]' },
    );
    const [finding] = result.comparison!.findings;
    expect(finding!.location).toEqual({ path: 'services[7]/declared/nd43Level' });
    expect(finding!.message.en).toBe(
      'Procedure 1.001234 declares level 4, but its capabilities give level 2. ' +
        'The exchanges while the dossier is processed (supplement requests, notices) do not take place online; level 3 requires this (Article 3(4) of Decree 43/2011/NĐ-CP). ' +
        'Fees and charges can only be paid in person; level 4 requires fees (if any) to be paid online (level 3 allows paying in person) (Article 3(4) of Decree 43/2011/NĐ-CP; Circular 32/2017/TT-BTTTT).',
    );
  });

  it('compares a declared vendor code, labelling both codes', () => {
    const result = classifyService(
      service({ capabilities: { ...noFeePosted, onlineSubmission: false }, declared: { vendorCode: '3' } }),
      { date: '2024-01-01' },
    );
    expect(result.comparison?.vendorCode).toEqual({ declared: '3', computed: '2', matches: false });
    const [finding] = result.issues;
    expect(finding).toMatchObject({ ruleId: 'SL-CLS-012', params: { declared: '3', computed: '2' } });
    expect(finding!.message.vi).toMatch(
      /^Thủ tục 1\.001234 có mã mức độ "3" \(dịch vụ công trực tuyến một phần\), nhưng theo năng lực của dịch vụ là mã "2" \(không phải dịch vụ công trực tuyến \(chỉ cung cấp thông tin trực tuyến\)\)\. Không phải dịch vụ công trực tuyến/,
    );
  });

  it('produces findings that the report model accepts', () => {
    const result = classifyService(
      service({
        capabilities: { ...noFeePosted, resultChannels: ['in-person'] },
        declared: { nd43Level: 2, nd42Category: 'toan_trinh', vendorCode: '4' },
      }),
      { date: 'not a date' },
    );
    expect(result.issues.map((issue) => issue.ruleId)).toEqual([
      'SL-CLS-001',
      'SL-CLS-010',
      'SL-CLS-011',
      'SL-CLS-012',
    ]);
    for (const issue of result.issues) expect(IssueSchema.safeParse(issue).success).toBe(true);
  });

  it('compares only the declared values that are present', () => {
    const result = classifyService(service({ declared: {} }), { date: '2023-01-01' });
    expect(result.comparison).toEqual({ matches: true, findings: [] });
  });
});
