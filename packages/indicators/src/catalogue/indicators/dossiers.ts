import type { IndicatorDefinition } from '../../model/indicator';
import { ALL_TIERS, BAO_CAO_06A, DGGQ_INDEX_9, NQ17, QD766, SEED_HOA_BINH_2019, SEED_SON_LA_2018 } from '../sources';

const tiers = [...ALL_TIERS];

/** Dossiers of the procedures offered at a level: online, not online, all of them, and the online share. */
function dossiersByLevel(level: 3 | 4): IndicatorDefinition[] {
  const online = `ho_so_truc_tuyen_level${level}_count`;
  const offline = `ho_so_khong_truc_tuyen_level${level}_count`;
  const all = `ho_so_dvctt_level${level}_count`;
  const sources = [SEED_SON_LA_2018, ...(level === 3 ? [SEED_HOA_BINH_2019] : [])];
  return [
    {
      name: online,
      label: {
        vi: `Số hồ sơ tiếp nhận, giải quyết trực tuyến qua DVCTT mức độ ${level}`,
        en: `Dossiers received and settled online through level-${level} services`,
      },
      unit: 'count',
      group: 'dossiers',
      scope: { tiers, agency: true },
      partOf: [all],
      sources,
    },
    {
      name: offline,
      label: {
        vi: `Số hồ sơ của các TTHC có DVCTT mức độ ${level} vẫn nộp trực tiếp (không trực tuyến)`,
        en: `Dossiers of procedures offered at level ${level} still lodged in person (not online)`,
      },
      unit: 'count',
      group: 'dossiers',
      scope: { tiers, agency: true },
      partOf: [all],
      sources,
    },
    {
      name: all,
      label: {
        vi: `Số hồ sơ của các TTHC có DVCTT mức độ ${level} (mọi kênh)`,
        en: `Dossiers of procedures offered at level ${level} (every channel)`,
      },
      unit: 'count',
      group: 'dossiers',
      scope: { tiers, agency: true },
      derivation: { kind: 'sum', terms: [online, offline], relation: 'components' },
      sources,
    },
    {
      name: `ho_so_truc_tuyen_level${level}_pct`,
      label: {
        vi: `Tỷ lệ hồ sơ trực tuyến của các TTHC có DVCTT mức độ ${level}`,
        en: `Share of online dossiers among the dossiers of level-${level} procedures`,
      },
      unit: 'percent',
      group: 'dossiers',
      scope: { tiers, agency: true },
      derivation: { kind: 'ratio', numerator: online, denominator: all, scale: 100 },
      sources,
    },
  ];
}

/** Online dossiers (by DVCTT level), online payment and digitisation, domain notes §3.2 B. */
export const DOSSIER_INDICATORS: readonly IndicatorDefinition[] = [
  ...dossiersByLevel(3),
  ...dossiersByLevel(4),
  {
    name: 'ho_so_truc_tuyen_pct',
    label: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Share of dossiers lodged online' },
    unit: 'percent',
    group: 'dossiers',
    scope: { tiers, agency: true },
    derivation: {
      kind: 'ratio',
      numerator: 'ho_so_tiep_nhan_truc_tuyen',
      denominator: 'ho_so_tiep_nhan_trong_ky',
      scale: 100,
    },
    sources: [NQ17, DGGQ_INDEX_9, BAO_CAO_06A],
  },
  {
    name: 'ho_so_co_phi_count',
    label: { vi: 'Số hồ sơ có phí, lệ phí', en: 'Dossiers subject to a fee or charge' },
    unit: 'count',
    group: 'dossiers',
    scope: { tiers, agency: true },
    sources: [QD766],
  },
  {
    name: 'ho_so_thanh_toan_truc_tuyen_count',
    label: { vi: 'Số hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
    unit: 'count',
    group: 'dossiers',
    scope: { tiers, agency: true },
    partOf: ['ho_so_co_phi_count'],
    sources: [QD766],
  },
  {
    name: 'ho_so_thanh_toan_truc_tuyen_pct',
    label: { vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', en: 'Share of fee-bearing dossiers paid online' },
    unit: 'percent',
    group: 'dossiers',
    scope: { tiers, agency: true },
    derivation: {
      kind: 'ratio',
      numerator: 'ho_so_thanh_toan_truc_tuyen_count',
      denominator: 'ho_so_co_phi_count',
      scale: 100,
    },
    sources: [QD766],
  },
  {
    name: 'ho_so_so_hoa_count',
    label: {
      vi: 'Số hồ sơ được số hóa (thành phần hồ sơ và kết quả giải quyết)',
      en: 'Dossiers digitised (dossier and result)',
    },
    unit: 'count',
    group: 'dossiers',
    scope: { tiers, agency: true },
    partOf: ['ho_so_tiep_nhan_trong_ky'],
    sources: [QD766, { document: 'Thông tư 01/2023/TT-VPCP' }],
  },
  {
    name: 'ho_so_so_hoa_pct',
    label: { vi: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC', en: 'Share of dossiers digitised' },
    unit: 'percent',
    group: 'dossiers',
    scope: { tiers, agency: true },
    derivation: { kind: 'ratio', numerator: 'ho_so_so_hoa_count', denominator: 'ho_so_tiep_nhan_trong_ky', scale: 100 },
    sources: [QD766, { document: 'Thông tư 01/2023/TT-VPCP' }],
  },
];
