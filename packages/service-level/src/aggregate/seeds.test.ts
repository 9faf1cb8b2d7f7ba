/*
 * The catalogue figures of the seed reports, reproduced by aggregating synthetic catalogues with exactly those
 * counts. Each test quotes the seed sentence it reproduces (checked against the excerpt copied into
 * test/fixtures/seeds/) and asserts every count and percentage that sentence prints, with the seed's rounding.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILE_CAPABILITIES, syntheticCatalogue } from '../../test/synthetic-catalogue';
import { classifyNd42, classifyNd43 } from '../classify';
import type { Nd43Level, Service } from '../model/service';
import { aggregateCatalogue } from './aggregate-catalogue';

function excerpt(file: string): string {
  return readFileSync(new URL(`../../test/fixtures/seeds/${file}`, import.meta.url), 'utf8');
}

/** The sentence, after checking that the seed excerpt says exactly that. */
function quote(file: string, sentence: string): string {
  expect(excerpt(file)).toContain(sentence);
  return sentence;
}

function agencies(prefix: string, count: number, codePrefix: string): Service['agency'][] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix} ${i + 1}`,
    code: `${codePrefix}.${String(i + 1).padStart(2, '0')}.H42`,
  }));
}

describe('synthetic catalogue profiles', () => {
  it.each([
    ['level0', 0, 'none'],
    ['level1', 1, 'none'],
    ['level2', 2, 'none'],
    ['level3', 3, 'mot_phan'],
    ['level4-toan-trinh', 4, 'toan_trinh'],
    ['level4-mot-phan', 4, 'mot_phan'],
  ] as const)('%s classifies as level %i, %s', (profile, level, category) => {
    expect(classifyNd43(PROFILE_CAPABILITIES[profile]).level).toBe(level);
    expect(classifyNd42(PROFILE_CAPABILITIES[profile]).category).toBe(category);
  });
});

describe('Lâm Đồng 2017 (lam-dong-2017-it-overview.txt)', () => {
  const file = 'lam-dong-2017-it-overview.excerpt.txt';
  // "Cấp Sở, ban, ngành" (provincial departments) is the province tier; the seed gives no commune figure.
  // 18 departments and 12 districts are connected; 23 agencies offer level-3/4 services: the synthetic
  // catalogue puts level 3/4 services in departments 1–15 and districts 1–8 (15 + 8 = 23).
  const departments = agencies('Sở', 18, '000.00');
  const districts = agencies('UBND huyện', 12, '000.01');
  const catalogue = syntheticCatalogue({
    asOf: '2017-12-10',
    cells: [
      { tier: 'tinh', level: 2, count: 686, agencies: departments },
      { tier: 'tinh', level: 3, count: 182, agencies: departments.slice(0, 15) },
      { tier: 'tinh', level: 4, count: 58, agencies: departments.slice(0, 15) },
      { tier: 'huyen', level: 2, count: 2439, agencies: districts },
      { tier: 'huyen', level: 3, count: 94, agencies: districts.slice(0, 8) },
      { tier: 'huyen', level: 4, count: 19, agencies: districts.slice(0, 8) },
    ],
  });

  it('3,478 procedures = 3,125 level 2 (90%) + 276 level 3 (8%) + 77 level 4 (2%), percentages rounded to whole numbers', () => {
    quote(
      file,
      'Cung cấp 3.478 thủ tục hành chính công, trong đó gồm: 3.125 thủ tục mức độ 2 (chiếm 90%), 276 thủ tục mức độ 3 (chiếm 8%) và 77 thủ tục mức 4 (chiếm 2%).',
    );
    const aggregation = aggregateCatalogue(catalogue, { date: '2017-12-10', decimals: 0 });
    expect(aggregation.indicators.tthc_total.value).toBe(3478);
    expect(aggregation.overall.nd43.byLevel[2]).toEqual({ count: 3125, of: 3478, percent: 90 });
    expect(aggregation.overall.nd43.byLevel[3]).toEqual({ count: 276, of: 3478, percent: 8 });
    expect(aggregation.overall.nd43.byLevel[4]).toEqual({ count: 77, of: 3478, percent: 2 });
    expect(aggregation.indicators.dvctt_level2_count.value).toBe(3125);
    expect(aggregation.indicators.dvctt_level3_count.value).toBe(276);
    expect(aggregation.indicators.dvctt_level4_count.value).toBe(77);
    expect(aggregation.indicators.dvctt_level4_pct).toMatchObject({ value: 2, numerator: 77, denominator: 3478 });
  });

  it('the same sentence, repeated in the one-stop paragraph', () => {
    quote(
      file,
      'đã triển khai kết nối, liên thông cho 18 Sở, ban, ngành và 12 huyện, thành phố trên địa bàn tỉnh với 3.478 thủ tục hành chính công, trong đó gồm: 3.125 thủ tục mức độ 2 (chiếm 90%), 276 thủ tục mức độ 3 (chiếm 8%) và 77 thủ tục mức 4 (chiếm 2%).',
    );
    const aggregation = aggregateCatalogue(catalogue, { date: '2017-12-10', decimals: 0, byAgency: true });
    const byTier = aggregation.byAgency?.reduce(
      (counts, entry) => {
        for (const tier of entry.tiers) counts[tier] = (counts[tier] ?? 0) + 1;
        return counts;
      },
      {} as Record<string, number>,
    );
    expect(byTier).toEqual({ tinh: 18, huyen: 12 });
    expect(aggregation.overall.nd43.byLevel[2].percent).toBe(90);
    expect(aggregation.overall.nd43.byLevel[3].percent).toBe(8);
    expect(aggregation.overall.nd43.byLevel[4].percent).toBe(2);
  });

  it('departments 686 / 182 / 58 and districts 2,439 / 94 / 19 at levels 2 / 3 / 4', () => {
    quote(
      file,
      'Cấp Sở, ban, ngành cung cấp 686 thủ tục mức độ 2; 182 thủ tục mức độ 3 và 58 thủ tục mức độ 4. Cấp huyện cung cấp 2.439 thủ tục mức độ 2; 94 thủ tục mức độ 3 và 19 thủ tục mức độ 4.',
    );
    const aggregation = aggregateCatalogue(catalogue, { date: '2017-12-10' });
    expect(aggregation.tiers).toEqual(['tinh', 'huyen', 'xa']);
    const counts = (tier: 'tinh' | 'huyen' | 'xa', level: Nd43Level) =>
      aggregation.byTier[tier]?.nd43.byLevel[level].count;
    expect([counts('tinh', 2), counts('tinh', 3), counts('tinh', 4)]).toEqual([686, 182, 58]);
    expect([counts('huyen', 2), counts('huyen', 3), counts('huyen', 4)]).toEqual([2439, 94, 19]);
    expect(aggregation.byTier.tinh?.total).toBe(926);
    expect(aggregation.byTier.huyen?.total).toBe(2552);
    expect(aggregation.byTier.xa?.total).toBe(0);
    expect(aggregation.indicators.dvctt_level2_count.byTier).toEqual({
      tinh: { value: 686 },
      huyen: { value: 2439 },
      xa: { value: 0 },
    });
    expect(aggregation.indicators.dvctt_level34_count.byTier).toEqual({
      tinh: { value: 240 },
      huyen: { value: 113 },
      xa: { value: 0 },
    });
  });

  it('23 agencies offer level-3 or level-4 services', () => {
    quote(file, 'Có 23 đơn vị cung cấp thủ tục mức độ 3 và mức độ 4.');
    const aggregation = aggregateCatalogue(catalogue, { date: '2017-12-10', byAgency: true });
    const offering = aggregation.byAgency?.filter((entry) => (entry.indicators.dvctt_level34_count.value ?? 0) > 0);
    expect(offering).toHaveLength(23);
  });

  it('Nghị quyết 17/NQ-CP (not printed by the seed): 77/3,478 = 2.21% at level 4, short of 30% by 967 procedures', () => {
    const aggregation = aggregateCatalogue(catalogue, { date: '2017-12-10' });
    const level4 = aggregation.targets.find((check) => check.target.id === 'NQ17-DVCTT-LEVEL4');
    expect(level4?.status).toBe('not-met');
    expect(level4?.figure).toEqual({ count: 77, total: 3478, percent: 2.21 });
    expect(level4?.issue.message.vi).toContain('2,21% (77/3.478)');
    expect(level4?.issue.message.vi).toContain('cần thêm 967 thủ tục');
    expect(level4?.issue.message.en).toContain('2.21% (77/3,478)');
  });
});

describe('Sơn La 2018 (son-la-2018-it-report.txt)', () => {
  const file = 'son-la-2018-it-report.excerpt.txt';
  // The seed does not split its 1,599 services below level 3 by tier: the synthetic catalogue puts them at the
  // province tier, and only the figures the seed prints are asserted.
  const catalogue = syntheticCatalogue({
    asOf: '2018-12-31',
    cells: [
      { tier: 'tinh', level: 2, count: 1599 },
      { tier: 'tinh', level: 3, count: 58 },
      { tier: 'huyen', level: 3, count: 27 },
      { tier: 'xa', level: 3, count: 5 },
      { tier: 'tinh', level: 4, count: 5 },
      { tier: 'huyen', level: 4, count: 2 },
    ],
  });
  const aggregation = aggregateCatalogue(catalogue, { date: '2018-12-31' });

  it('1,696 online services, of which 97 at level 3 or 4', () => {
    quote(
      file,
      'cung cấp 1.696 dịch vụ công trực tuyến (trong đó có 97 dịch vụ công mức 3, mức độ 4) của các cơ quan, đơn vị',
    );
    expect(aggregation.indicators.tthc_total.value).toBe(1696);
    expect(aggregation.indicators.dvctt_level34_count.value).toBe(97);
  });

  it('level 3: 90 = 58 province + 27 district + 5 commune', () => {
    quote(
      file,
      '+ Dịch vụ công trực tuyến mức độ 3 do tỉnh triển khai: 90 dịch vụ, trong đó dịch vụ công trực tuyến cấp tỉnh có 58 dịch vụ; dịch vụ công trực tuyến cấp huyện có 27 dịch vụ và dịch vụ công trực tuyến cấp xã có 05 dịch vụ;',
    );
    expect(aggregation.indicators.dvctt_level3_count.value).toBe(90);
    expect(aggregation.indicators.dvctt_level3_count.byTier).toEqual({
      tinh: { value: 58 },
      huyen: { value: 27 },
      xa: { value: 5 },
    });
  });

  it('level 4: 7 = 5 province + 2 district', () => {
    quote(
      file,
      '+ Dịch vụ công trực tuyến mức độ 4 do tỉnh triển khai: 07 dịch vụ, trong đó dịch vụ công trực tuyến cấp tỉnh có 05 dịch vụ; dịch vụ công trực tuyến cấp huyện có 02 dịch vụ;',
    );
    expect(aggregation.indicators.dvctt_level4_count.value).toBe(7);
    expect(aggregation.indicators.dvctt_level4_count.byTier).toEqual({
      tinh: { value: 5 },
      huyen: { value: 2 },
      xa: { value: 0 },
    });
  });

  it('inconsistent as exact levels: "1696/1696 at level 2" beside 97 at level 3/4 only adds up read as "level 2 or higher" (exactly level 2: 1,599)', () => {
    quote(file, '+ 1696/1696 dịch vụ công trực tuyến mức độ 2;');
    // Read as exact levels the seed would have 1,696 + 97 = 1,793 services out of 1,696.
    expect(aggregation.overall.nd43.atLeast[2]).toEqual({ count: 1696, of: 1696, percent: 100 });
    expect(aggregation.overall.nd43.byLevel[2]).toEqual({ count: 1599, of: 1696, percent: 94.28 });
    expect(aggregation.indicators.dvctt_level2_count.value).toBe(1599);
  });
});

describe('Hòa Bình 2019 (hoa-binh-2020-it-plan.txt)', () => {
  const file = 'hoa-binh-2020-it-plan.excerpt.txt';
  // The seed gives neither tiers nor the split of the 1,796 services below level 3; the synthetic catalogue
  // puts them all at the province tier at level 2. It assumes the 2,272 services on the portal are the
  // universe of the 476 level-3/4 ones (the plan does not say so in as many words).
  const catalogue = syntheticCatalogue({
    asOf: '2019-07-30',
    cells: [
      { tier: 'tinh', level: 2, count: 1796 },
      { tier: 'tinh', level: 3, count: 368 },
      { tier: 'tinh', level: 4, count: 108 },
    ],
  });
  const aggregation = aggregateCatalogue(catalogue, { date: '2019-07-30' });

  it('476 services at level 3 or 4 = 368 level 3 + 108 level 4', () => {
    quote(
      file,
      'Hiện nay, tỉnh Hòa Bình có tổng số dịch vụ công trực tuyến mức độ 3, 4 là 476 dịch vụ công. Trong đó: Dịch vụ công trực tuyến (DVCTT) mức độ 3 là 368 dịch vụ công, dịch vụ công trực tuyến mức độ 4 là 108 dịch vụ công.',
    );
    expect(aggregation.indicators.dvctt_level34_count.value).toBe(476);
    expect(aggregation.indicators.dvctt_level3_count.value).toBe(368);
    expect(aggregation.indicators.dvctt_level4_count.value).toBe(108);
  });

  it('2,272 online services on the provincial portal', () => {
    quote(file, 'tích hợp 2272 dịch vụ công trực tuyến của các ngành, địa phương');
    expect(aggregation.indicators.tthc_total.value).toBe(2272);
  });

  it('Nghị quyết 17/NQ-CP (not printed by the seed): 108/2,272 = 4.75% at level 4, 574 procedures short of 30%', () => {
    const level4 = aggregation.targets.find((check) => check.target.id === 'NQ17-DVCTT-LEVEL4');
    expect(level4?.status).toBe('not-met');
    expect(level4?.figure).toEqual({ count: 108, total: 2272, percent: 4.75 });
    expect(level4?.issue.message.en).toContain('574 more procedure(s) needed');
    const index9 = aggregation.targets.find((check) => check.target.id === 'DGGQ-CHI-SO-9-DVCTT-LEVEL34');
    // 476/2,272 = 20.95% of all procedures: at least 20% of the eligible ones too.
    expect(index9?.status).toBe('met');
    expect(index9?.figure).toEqual({ count: 476, total: 2272, percent: 20.95 });
  });
});
