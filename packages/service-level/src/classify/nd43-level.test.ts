import { describe, expect, it } from 'vitest';
import { ServiceLevelError } from '../errors';
import type { ServiceCapabilities } from '../model/service';
import { classifyNd43 } from './nd43-level';

const levelFour: ServiceCapabilities = {
  informationPublished: true,
  formsDownloadable: true,
  onlineSubmission: true,
  onlineProcessing: true,
  payment: 'online',
  resultChannels: ['online', 'public-post', 'in-person'],
  physicalPresenceRequired: false,
};

const criterion = (capabilities: ServiceCapabilities, id: string) =>
  classifyNd43(capabilities).criteria.find((c) => c.id === id)!;

describe('classifyNd43', () => {
  it('lists the six criteria of levels 1–4 in level order, all met for a level-4 service', () => {
    const result = classifyNd43(levelFour);
    expect(result.scheme).toBe('nd43-2011');
    expect(result.level).toBe(4);
    expect(result.criteria.map((c) => [c.id, c.level, c.met])).toEqual([
      ['information-published', 1, true],
      ['forms-downloadable', 2, true],
      ['online-submission', 3, true],
      ['online-processing', 3, true],
      ['online-payment-or-no-fee', 4, true],
      ['result-returned', 4, true],
    ]);
    expect(result.nextLevel).toBeNull();
    expect(result.missingForNextLevel).toEqual([]);
    expect(result.summary.vi).toBe(
      'Mức độ 4: đáp ứng mọi điều kiện của các mức độ 1 đến 4 (khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP).',
    );
  });

  it('cites khoản 4 Điều 3 NĐ 43/2011 in every criterion, and TT 32/2017 where it details the level', () => {
    const result = classifyNd43(levelFour);
    for (const c of result.criteria) {
      expect(c.article).toContain('khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP');
      expect(c.message.vi).toContain(c.article);
      expect(c.message.en).toContain('Article 3(4) of Decree 43/2011/NĐ-CP');
    }
    const withTt32 = result.criteria.filter((c) => c.article.includes('Thông tư 32/2017/TT-BTTTT')).map((c) => c.id);
    expect(withTt32).toEqual([
      'information-published',
      'forms-downloadable',
      'online-payment-or-no-fee',
      'result-returned',
    ]);
  });

  it('gives level 0 and names the level-1 criterion when the information is not published', () => {
    const result = classifyNd43({ ...levelFour, informationPublished: false });
    expect(result.level).toBe(0);
    expect(result.nextLevel).toBe(1);
    expect(result.missingForNextLevel.map((c) => c.id)).toEqual(['information-published']);
    expect(result.summary.vi).toBe(
      'Chưa đạt mức độ 1; còn thiếu: cung cấp đầy đủ thông tin về thủ tục hành chính (khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP).',
    );
    expect(result.summary.en).toBe(
      'Level 1 is not reached; missing: full information on the procedure published (Article 3(4) of Decree 43/2011/NĐ-CP).',
    );
  });

  it('lists every unmet criterion of the next level, and only those', () => {
    const result = classifyNd43({
      ...levelFour,
      onlineSubmission: false,
      onlineProcessing: false,
      payment: 'offline-only',
    });
    expect(result.level).toBe(2);
    expect(result.missingForNextLevel.map((c) => c.id)).toEqual(['online-submission', 'online-processing']);
    expect(result.summary.vi).toBe(
      'Mức độ 2; để đạt mức độ 3 còn thiếu: nộp hồ sơ trực tuyến; giao dịch xử lý hồ sơ trên môi trường mạng (khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP).',
    );
    expect(result.summary.en).toBe(
      'Level 2; missing for level 3: online submission; online processing (Article 3(4) of Decree 43/2011/NĐ-CP).',
    );
  });

  it('keeps level 3 when fees can only be paid in person, and says so', () => {
    const result = classifyNd43({ ...levelFour, payment: 'offline-only', resultChannels: ['in-person'] });
    expect(result.level).toBe(3);
    expect(result.missingForNextLevel.map((c) => c.id)).toEqual(['online-payment-or-no-fee']);
    expect(result.missingForNextLevel[0]!.message.vi).toBe(
      'Phí, lệ phí chỉ nộp được trực tiếp; mức độ 4 yêu cầu thanh toán phí, lệ phí (nếu có) trực tuyến (mức độ 3 cho phép nộp trực tiếp) (khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP; Thông tư 32/2017/TT-BTTTT).',
    );
  });

  // Decision: "thanh toán lệ phí (nếu có) trực tuyến" — a procedure without fees meets the level-4 payment condition.
  it('counts a procedure without fees as meeting the level-4 payment condition', () => {
    const result = classifyNd43({ ...levelFour, payment: 'no-fee', resultChannels: ['public-post'] });
    expect(result.level).toBe(4);
    expect(criterion({ ...levelFour, payment: 'no-fee' }, 'online-payment-or-no-fee').message.en).toBe(
      'The procedure has no fee or charge, so the level-4 condition of paying fees (if any) online is met (Article 3(4) of Decree 43/2011/NĐ-CP; Circular 32/2017/TT-BTTTT).',
    );
  });

  it('accepts any result channel at level 4, in-person collection included', () => {
    expect(classifyNd43({ ...levelFour, resultChannels: ['in-person'] }).level).toBe(4);
    expect(criterion({ ...levelFour, resultChannels: ['in-person'] }, 'result-returned').message.vi).toBe(
      'Kết quả được trả trực tiếp tại Bộ phận Một cửa; mức độ 4 chấp nhận trả kết quả trực tuyến, trực tiếp hoặc qua đường bưu điện (khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP; Thông tư 32/2017/TT-BTTTT).',
    );
  });

  it('names the channels in a fixed order whatever order they are listed in', () => {
    const message = criterion({ ...levelFour, resultChannels: ['in-person', 'online'] }, 'result-returned').message;
    expect(message.en.startsWith('The result is returned online, in person at the one-stop desk;')).toBe(true);
  });

  // Decision: an empty channel list (allowed by the types, refused by the schema) fails the level-4 result criterion.
  it('stops at level 3 when no result channel is recorded', () => {
    const result = classifyNd43({ ...levelFour, resultChannels: [] });
    expect(result.level).toBe(3);
    expect(result.missingForNextLevel.map((c) => c.id)).toEqual(['result-returned']);
  });

  // Decision: the levels are cumulative — online submission without downloadable forms is level 1.
  it('does not skip a level: online submission without downloadable forms stays at level 1', () => {
    const result = classifyNd43({ ...levelFour, formsDownloadable: false });
    expect(result.level).toBe(1);
    expect(result.missingForNextLevel.map((c) => c.id)).toEqual(['forms-downloadable']);
    // The level-3 and level-4 criteria are still reported as met.
    expect(result.criteria.filter((c) => c.level >= 3).every((c) => c.met)).toBe(true);
  });

  // Decision: khoản 4 Điều 3 says nothing of physical presence, so it does not change the NĐ 43 level.
  it('ignores a physical-presence requirement', () => {
    expect(classifyNd43({ ...levelFour, physicalPresenceRequired: true })).toEqual(classifyNd43(levelFour));
  });

  it('throws ServiceLevelError for an argument that is not capabilities (a programmer error)', () => {
    const bad = [
      null,
      'level 4',
      { ...levelFour, onlineSubmission: 'yes' },
      { ...levelFour, payment: 'Online' },
      { ...levelFour, resultChannels: ['post'] },
      { ...levelFour, resultChannels: 'online' },
    ];
    for (const value of bad) {
      const call = () => classifyNd43(value as unknown as ServiceCapabilities);
      expect(call).toThrow(ServiceLevelError);
      expect(call).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', name: 'ServiceLevelError' }));
    }
  });
});
