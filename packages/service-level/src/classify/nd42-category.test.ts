import { describe, expect, it } from 'vitest';
import { ServiceLevelError } from '../errors';
import { type ServiceCapabilities, VendorCodeSchema } from '../model/service';
import { categoryOfVendorCode, classifyNd42, ND42_CATEGORY_LABELS, vendorCode } from './nd42-category';

const toanTrinh: ServiceCapabilities = {
  informationPublished: true,
  formsDownloadable: true,
  onlineSubmission: true,
  onlineProcessing: true,
  payment: 'online',
  resultChannels: ['online'],
  physicalPresenceRequired: false,
};

const ids = (criteria: readonly { id: string }[]) => criteria.map((c) => c.id);

describe('classifyNd42', () => {
  it('makes a service toàn trình when every condition of điểm a holds, citing it', () => {
    const result = classifyNd42(toanTrinh);
    expect(result.scheme).toBe('nd42-2022');
    expect(result.category).toBe('toan_trinh');
    expect(result.vendorCode).toBe('4');
    expect(result.missingForToanTrinh).toEqual([]);
    expect(result.criteria.map((c) => [c.id, c.role, c.met])).toEqual([
      ['online-submission', 'online-service', true],
      ['information-published', 'toan-trinh', true],
      ['online-processing', 'toan-trinh', true],
      ['online-payment-or-no-fee', 'toan-trinh', true],
      ['result-online-or-public-post', 'toan-trinh', true],
      ['no-physical-presence', 'toan-trinh', true],
    ]);
    expect(result.reasons[0]).toEqual({
      vi: 'Dịch vụ công trực tuyến toàn trình: đáp ứng mọi điều kiện của điểm a (điểm a khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP).',
      en: 'Fully online public service (toàn trình): every condition of point a is met (Article 11(1)(a) of Decree 42/2022/NĐ-CP).',
    });
    for (const c of result.criteria.slice(1)) expect(c.article).toBe('điểm a khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP');
    expect(result.criteria[0]!.article).toBe('khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP');
  });

  // Decision: physical presence (or on-site inspection) means settlement is not entirely online → một phần.
  it('makes a service một phần when physical presence is required, even if everything else is online', () => {
    const result = classifyNd42({ ...toanTrinh, physicalPresenceRequired: true });
    expect(result.category).toBe('mot_phan');
    expect(result.vendorCode).toBe('3');
    expect(ids(result.missingForToanTrinh)).toEqual(['no-physical-presence']);
    expect(result.reasons).toEqual([
      {
        vi: 'Dịch vụ công trực tuyến một phần: là dịch vụ công trực tuyến nhưng chưa đáp ứng điểm a (thiếu: không yêu cầu có mặt trực tiếp) (điểm b khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP).',
        en: 'Partly online public service (một phần): an online public service that does not meet point a (missing: no physical presence required) (Article 11(1)(b) of Decree 42/2022/NĐ-CP).',
      },
      {
        vi: 'Người nộp phải có mặt trực tiếp hoặc cơ quan phải kiểm tra, xác minh tại chỗ, nên việc giải quyết không thực hiện hoàn toàn trên môi trường mạng (điểm a khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP).',
        en: 'The applicant must appear in person or the agency must inspect or verify on site, so settlement is not done entirely online (Article 11(1)(a) of Decree 42/2022/NĐ-CP).',
      },
    ]);
  });

  // Decision: in-person-only results fail "trả kết quả trực tuyến hoặc qua dịch vụ bưu chính công ích".
  it('makes a service with in-person-only results một phần', () => {
    const result = classifyNd42({ ...toanTrinh, resultChannels: ['in-person'] });
    expect(result.category).toBe('mot_phan');
    expect(ids(result.missingForToanTrinh)).toEqual(['result-online-or-public-post']);
    expect(result.missingForToanTrinh[0]!.message.vi).toBe(
      'Kết quả chỉ được trả trực tiếp tại Bộ phận Một cửa; toàn trình yêu cầu trả kết quả trực tuyến hoặc qua dịch vụ bưu chính công ích (điểm a khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP).',
    );
  });

  // Decision: offering in-person collection as well as post or online does not matter.
  it('accepts in-person collection offered besides public post', () => {
    expect(classifyNd42({ ...toanTrinh, resultChannels: ['public-post', 'in-person'] }).category).toBe('toan_trinh');
  });

  // Decision: "settlement entirely online" includes the fee; no fee → nothing to pay offline.
  it('makes a no-fee service with postal results toàn trình, and a fee payable only in person một phần', () => {
    expect(classifyNd42({ ...toanTrinh, payment: 'no-fee', resultChannels: ['public-post'] }).category).toBe(
      'toan_trinh',
    );
    const offline = classifyNd42({ ...toanTrinh, payment: 'offline-only' });
    expect(offline.category).toBe('mot_phan');
    expect(ids(offline.missingForToanTrinh)).toEqual(['online-payment-or-no-fee']);
  });

  it('makes a service with online submission but offline processing một phần', () => {
    const result = classifyNd42({ ...toanTrinh, onlineProcessing: false });
    expect(result.category).toBe('mot_phan');
    expect(ids(result.missingForToanTrinh)).toEqual(['online-processing']);
  });

  // Decision: dossiers accepted online without full information → một phần (not toàn trình, but an online service).
  it('makes a service whose information is not fully published một phần when it takes dossiers online', () => {
    const result = classifyNd42({ ...toanTrinh, informationPublished: false });
    expect(result.category).toBe('mot_phan');
    expect(ids(result.missingForToanTrinh)).toEqual(['information-published']);
  });

  // Decision: downloadable forms are not a condition of điểm a.
  it('ignores whether forms can be downloaded', () => {
    expect(classifyNd42({ ...toanTrinh, formsDownloadable: false })).toEqual(classifyNd42(toanTrinh));
  });

  // Decision: no online submission → not an online public service ("cung cấp thông tin trực tuyến"), whatever else is online.
  it('gives none, with vendor code "2", when the dossier cannot be submitted online', () => {
    const result = classifyNd42({ ...toanTrinh, onlineSubmission: false });
    expect(result.category).toBe('none');
    expect(result.vendorCode).toBe('2');
    expect(ids(result.missingForToanTrinh)).toEqual(['online-submission']);
    expect(result.reasons).toEqual([
      {
        vi: 'Không phải dịch vụ công trực tuyến: hồ sơ không nộp trực tuyến được; thông tin về thủ tục được công khai, tức là cung cấp thông tin trực tuyến (khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP).',
        en: 'Not an online public service: the dossier cannot be submitted online; the procedure’s information is published, which is online information provision (Article 11(1) of Decree 42/2022/NĐ-CP).',
      },
      {
        vi: 'Hồ sơ không nộp trực tuyến được, nên đây không phải dịch vụ công trực tuyến; chỉ là cung cấp thông tin trực tuyến (khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP).',
        en: 'The dossier cannot be submitted online, so this is not an online public service; it is online information provision only (Article 11(1) of Decree 42/2022/NĐ-CP).',
      },
    ]);
  });

  it('says so when a non-online service does not even publish its information', () => {
    const result = classifyNd42({ ...toanTrinh, onlineSubmission: false, informationPublished: false });
    expect(result.category).toBe('none');
    expect(result.reasons[0]!.vi).toContain('thông tin về thủ tục cũng chưa được cung cấp đầy đủ');
    expect(ids(result.missingForToanTrinh)).toEqual(['online-submission', 'information-published']);
  });

  it('explains a một phần service with every failed condition, in order', () => {
    const result = classifyNd42({
      ...toanTrinh,
      onlineProcessing: false,
      payment: 'offline-only',
      resultChannels: ['in-person'],
      physicalPresenceRequired: true,
    });
    expect(result.category).toBe('mot_phan');
    expect(ids(result.missingForToanTrinh)).toEqual([
      'online-processing',
      'online-payment-or-no-fee',
      'result-online-or-public-post',
      'no-physical-presence',
    ]);
    expect(result.reasons).toHaveLength(5);
    expect(result.reasons[0]!.vi).toContain(
      'thiếu: giải quyết hồ sơ trên môi trường mạng; thanh toán phí, lệ phí (nếu có) trực tuyến; trả kết quả trực tuyến hoặc qua dịch vụ bưu chính công ích; không yêu cầu có mặt trực tiếp',
    );
  });

  it('throws ServiceLevelError for an argument that is not capabilities', () => {
    expect(() => classifyNd42({ ...toanTrinh, physicalPresenceRequired: undefined } as never)).toThrow(
      ServiceLevelError,
    );
  });
});

describe('vendorCode', () => {
  it('maps toàn trình → "4", một phần → "3", not an online service → "2" (DVC: not submittable online)', () => {
    expect(vendorCode('toan_trinh')).toBe('4');
    expect(vendorCode('mot_phan')).toBe('3');
    expect(vendorCode('none')).toBe('2');
  });

  it('is inverted by categoryOfVendorCode for every code', () => {
    for (const code of VendorCodeSchema.options) expect(vendorCode(categoryOfVendorCode(code))).toBe(code);
  });

  it('has a label in both languages for every category', () => {
    for (const label of Object.values(ND42_CATEGORY_LABELS)) {
      expect(label.vi.length).toBeGreaterThan(0);
      expect(label.en.length).toBeGreaterThan(0);
    }
  });
});
