import type { IndicatorDefinition } from '../../model/indicator';
import {
  ALL_TIERS,
  DGGQ_INDEX_9,
  MIC_2020_DVCTT,
  ND42_CATEGORIES,
  ND43_LEVELS,
  ND63_TTHC,
  NQ17,
  SEED_HOA_BINH_2019,
  SEED_LAM_DONG_2017,
  SEED_SON_LA_2018,
  TT32_LEVELS,
} from '../sources';

const tiers = [...ALL_TIERS];
/*
 * NĐ 42/2022 categories apply from 2022-08-15, while districts still settled procedures (until 2025-07-01), so the
 * district tier is in scope; the validator refuses it for periods from 2025-07-01 (IND-SCOPE-003).
 */
const ND42_TIERS: IndicatorDefinition['scope']['tiers'] = [...ALL_TIERS];

/** A count of procedures at one NĐ 43/2011 level (level 0 = below level 1). */
function levelCount(level: 1 | 2 | 3 | 4): IndicatorDefinition {
  return {
    name: `dvctt_level${level}_count`,
    label: { vi: `Số DVCTT mức độ ${level}`, en: `Online public services at level ${level}` },
    unit: 'count',
    group: 'online_services',
    scope: { tiers, agency: true },
    partOf: ['tthc_total'],
    sources: [ND43_LEVELS, TT32_LEVELS],
  };
}

/** The share of all procedures offered at a level, as the provincial reports print it ("chiếm 8%"). */
function levelShare(level: '2' | '3' | '4' | '34', sources = [ND43_LEVELS]): IndicatorDefinition {
  const words =
    level === '34' ? { vi: 'mức độ 3, 4', en: 'level 3 or 4' } : { vi: `mức độ ${level}`, en: `level ${level}` };
  return {
    name: `dvctt_level${level}_pct`,
    label: { vi: `Tỷ lệ DVCTT ${words.vi}`, en: `Share of procedures offered at ${words.en}` },
    unit: 'percent',
    group: 'online_services',
    scope: { tiers, agency: true },
    derivation: { kind: 'ratio', numerator: `dvctt_level${level}_count`, denominator: 'tthc_total', scale: 100 },
    sources,
  };
}

/** Online public services (DVCTT) by level (NĐ 43/2011) and category (NĐ 42/2022), domain notes §3.2 A. */
export const ONLINE_SERVICE_INDICATORS: readonly IndicatorDefinition[] = [
  {
    name: 'tthc_total',
    label: { vi: 'Tổng số TTHC', en: 'Administrative procedures (total)' },
    description: {
      vi: 'Mọi thủ tục hành chính của đơn vị báo cáo, ở bất kỳ mức độ nào; bằng tổng số TTHC theo từng mức độ.',
      en: 'Every administrative procedure of the reporting unit, at any level; the sum of the procedures by level.',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers, agency: true },
    derivation: {
      kind: 'sum',
      terms: [
        'tthc_below_level1_count',
        'dvctt_level1_count',
        'dvctt_level2_count',
        'dvctt_level3_count',
        'dvctt_level4_count',
      ],
      relation: 'levels',
    },
    sources: [ND63_TTHC, ND43_LEVELS],
  },
  {
    name: 'tthc_below_level1_count',
    label: { vi: 'Số TTHC chưa đạt mức độ 1', en: 'Procedures below level 1 (information not fully published)' },
    unit: 'count',
    group: 'online_services',
    scope: { tiers, agency: true },
    partOf: ['tthc_total'],
    sources: [ND43_LEVELS],
  },
  levelCount(1),
  levelCount(2),
  levelCount(3),
  levelCount(4),
  {
    name: 'dvctt_level34_count',
    label: { vi: 'Số DVCTT mức độ 3, 4', en: 'Online public services at level 3 or 4' },
    unit: 'count',
    group: 'online_services',
    scope: { tiers, agency: true },
    derivation: { kind: 'sum', terms: ['dvctt_level3_count', 'dvctt_level4_count'], relation: 'levels' },
    partOf: ['tthc_total'],
    sources: [ND43_LEVELS, MIC_2020_DVCTT],
  },
  {
    name: 'dvctt_level2_plus_count',
    label: { vi: 'Số DVCTT đạt từ mức độ 2 trở lên', en: 'Online public services at level 2 or above' },
    description: {
      vi: 'Báo cáo thường viết "1696/1696 DVCTT mức độ 2" để nói mọi dịch vụ đã đạt ít nhất mức độ 2, kể cả các dịch vụ mức độ 3, 4.',
      en: 'Reports write "1696/1696 services at level 2" meaning every service reaches at least level 2, those at level 3 or 4 included.',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers, agency: true },
    derivation: {
      kind: 'sum',
      terms: ['dvctt_level2_count', 'dvctt_level3_count', 'dvctt_level4_count'],
      relation: 'levels',
    },
    partOf: ['dvctt_all_levels_count', 'tthc_total'],
    sources: [ND43_LEVELS, SEED_SON_LA_2018],
  },
  {
    name: 'dvctt_all_levels_count',
    label: { vi: 'Số DVCTT (mức độ 1 đến 4)', en: 'Online public services at any level (1 to 4)' },
    description: {
      vi: 'Mọi dịch vụ công trực tuyến theo Nghị định 43/2011/NĐ-CP, từ mức độ 1 đến mức độ 4.',
      en: 'Every online public service in the sense of Decree 43/2011/NĐ-CP, from level 1 to level 4.',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers, agency: true },
    derivation: {
      kind: 'sum',
      terms: ['dvctt_level1_count', 'dvctt_level2_count', 'dvctt_level3_count', 'dvctt_level4_count'],
      relation: 'levels',
    },
    partOf: ['tthc_total'],
    sources: [ND43_LEVELS, SEED_SON_LA_2018, SEED_HOA_BINH_2019],
  },
  levelShare('2', [ND43_LEVELS, SEED_LAM_DONG_2017]),
  levelShare('3', [ND43_LEVELS, SEED_LAM_DONG_2017]),
  levelShare('4', [ND43_LEVELS, NQ17, MIC_2020_DVCTT]),
  levelShare('34', [ND43_LEVELS, DGGQ_INDEX_9]),
  {
    name: 'dvctt_level34_provider_count',
    label: {
      vi: 'Số cơ quan, đơn vị cung cấp DVCTT mức độ 3, 4',
      en: 'Agencies and units offering level-3 or level-4 online services',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers, agency: false },
    sources: [SEED_LAM_DONG_2017],
  },
  {
    name: 'dvctt_trung_uong_level3_count',
    label: {
      vi: 'Số DVCTT mức độ 3 do bộ, ngành Trung ương triển khai trên địa bàn',
      en: 'Level-3 online services deployed locally by central ministries',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers: [], agency: true },
    sources: [ND43_LEVELS, SEED_SON_LA_2018],
  },
  {
    name: 'dvctt_trung_uong_level4_count',
    label: {
      vi: 'Số DVCTT mức độ 4 do bộ, ngành Trung ương triển khai trên địa bàn',
      en: 'Level-4 online services deployed locally by central ministries',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers: [], agency: true },
    sources: [ND43_LEVELS, SEED_SON_LA_2018],
  },
  {
    name: 'dvctt_trung_uong_level34_count',
    label: {
      vi: 'Số DVCTT mức độ 3, 4 do bộ, ngành Trung ương triển khai trên địa bàn',
      en: 'Level-3 or level-4 online services deployed locally by central ministries',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers: [], agency: true },
    derivation: {
      kind: 'sum',
      terms: ['dvctt_trung_uong_level3_count', 'dvctt_trung_uong_level4_count'],
      relation: 'levels',
    },
    sources: [ND43_LEVELS, SEED_SON_LA_2018],
  },
  {
    name: 'tthc_not_online_count',
    label: {
      vi: 'Số TTHC chưa cung cấp DVCTT (chỉ cung cấp thông tin)',
      en: 'Procedures not offered as an online public service (information only)',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers: ND42_TIERS, agency: true },
    partOf: ['tthc_total'],
    sources: [ND42_CATEGORIES],
  },
  {
    name: 'dvctt_toan_trinh_count',
    label: { vi: 'Số DVCTT toàn trình', en: 'Fully online public services (toàn trình)' },
    unit: 'count',
    group: 'online_services',
    scope: { tiers: ND42_TIERS, agency: true },
    partOf: ['dvctt_total', 'tthc_total'],
    sources: [ND42_CATEGORIES],
  },
  {
    name: 'dvctt_mot_phan_count',
    label: { vi: 'Số DVCTT một phần', en: 'Partly online public services (một phần)' },
    unit: 'count',
    group: 'online_services',
    scope: { tiers: ND42_TIERS, agency: true },
    partOf: ['dvctt_total', 'tthc_total'],
    sources: [ND42_CATEGORIES],
  },
  {
    name: 'dvctt_total',
    label: { vi: 'Tổng số DVCTT', en: 'Online public services (total)' },
    description: {
      vi: 'Theo Nghị định 42/2022/NĐ-CP: DVCTT toàn trình cộng DVCTT một phần.',
      en: 'Under Decree 42/2022/NĐ-CP: fully online plus partly online services.',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers: ND42_TIERS, agency: true },
    derivation: { kind: 'sum', terms: ['dvctt_toan_trinh_count', 'dvctt_mot_phan_count'], relation: 'levels' },
    partOf: ['tthc_total'],
    sources: [ND42_CATEGORIES],
  },
  {
    name: 'dvctt_toan_trinh_pct',
    label: { vi: 'Tỷ lệ DVCTT toàn trình', en: 'Share of procedures offered fully online' },
    description: {
      vi: 'Tính trên tổng số TTHC; nếu báo cáo tính trên số TTHC đủ điều kiện thì ghi rõ trong ghi chú.',
      en: 'Out of all procedures; when a report divides by the eligible procedures only, say so in a note.',
    },
    unit: 'percent',
    group: 'online_services',
    scope: { tiers: ND42_TIERS, agency: true },
    derivation: { kind: 'ratio', numerator: 'dvctt_toan_trinh_count', denominator: 'tthc_total', scale: 100 },
    sources: [ND42_CATEGORIES],
  },
  {
    name: 'dvctt_dvcqg_integrated_count',
    label: {
      vi: 'Số DVCTT được tích hợp trên Cổng Dịch vụ công quốc gia',
      en: 'Online public services integrated with the National Public Service Portal',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers, agency: true },
    partOf: ['dvctt_level34_count'],
    sources: [NQ17],
  },
  {
    name: 'dvctt_dvcqg_integrated_pct',
    label: {
      vi: 'Tỷ lệ DVCTT mức độ 3, 4 được tích hợp trên Cổng Dịch vụ công quốc gia',
      en: 'Share of level-3/4 online services integrated with the National Public Service Portal',
    },
    unit: 'percent',
    group: 'online_services',
    scope: { tiers, agency: true },
    derivation: {
      kind: 'ratio',
      numerator: 'dvctt_dvcqg_integrated_count',
      denominator: 'dvctt_level34_count',
      scale: 100,
    },
    sources: [NQ17],
  },
  {
    name: 'dvctt_with_online_dossier_count',
    label: {
      vi: 'Số DVCTT mức độ 3, 4 có phát sinh hồ sơ trực tuyến',
      en: 'Level-3/4 online services with at least one online dossier',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers, agency: true },
    partOf: ['dvctt_level34_count'],
    sources: [MIC_2020_DVCTT],
  },
  {
    name: 'dvctt_with_online_dossier_pct',
    label: {
      vi: 'Tỷ lệ DVCTT mức độ 3, 4 có phát sinh hồ sơ trực tuyến',
      en: 'Share of level-3/4 online services with at least one online dossier',
    },
    unit: 'percent',
    group: 'online_services',
    scope: { tiers, agency: true },
    derivation: {
      kind: 'ratio',
      numerator: 'dvctt_with_online_dossier_count',
      denominator: 'dvctt_level34_count',
      scale: 100,
    },
    sources: [MIC_2020_DVCTT],
  },
  {
    name: 'dvctt_level4_with_online_dossier_count',
    label: {
      vi: 'Số DVCTT mức độ 4 có phát sinh hồ sơ trực tuyến',
      en: 'Level-4 online services with at least one online dossier',
    },
    unit: 'count',
    group: 'online_services',
    scope: { tiers, agency: true },
    partOf: ['dvctt_level4_count', 'dvctt_with_online_dossier_count'],
    sources: [SEED_HOA_BINH_2019],
  },
  {
    name: 'xac_thuc_dien_tu_pct',
    label: {
      vi: 'Tỷ lệ người dân, doanh nghiệp dùng hệ thống xác thực điện tử thống nhất',
      en: 'Share of people and businesses using the unified electronic authentication',
    },
    unit: 'percent',
    group: 'online_services',
    scope: { tiers: [], agency: false },
    sources: [NQ17],
  },
];
