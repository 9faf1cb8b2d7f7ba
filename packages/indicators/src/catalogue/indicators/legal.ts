import type { IndicatorDefinition } from '../../model/indicator';
import { ALL_TIERS, SEED_SON_LA_2018 } from '../sources';

const scope = { tiers: [...ALL_TIERS], agency: true };

/** Steering documents issued on IT application in the period, by kind. */
export const LEGAL_INDICATORS: readonly IndicatorDefinition[] = [
  {
    name: 'van_ban_chi_dao_count',
    label: {
      vi: 'Số văn bản chỉ đạo về ứng dụng công nghệ thông tin đã ban hành',
      en: 'Steering documents on IT application issued',
    },
    unit: 'count',
    group: 'legal',
    scope,
    derivation: {
      kind: 'sum',
      terms: ['van_ban_chi_dao_quyet_dinh_count', 'van_ban_chi_dao_ke_hoach_count', 'van_ban_chi_dao_cong_van_count'],
      relation: 'components',
    },
    sources: [SEED_SON_LA_2018],
  },
  {
    name: 'van_ban_chi_dao_quyet_dinh_count',
    label: { vi: 'Số quyết định về ứng dụng công nghệ thông tin', en: 'Decisions on IT application issued' },
    unit: 'count',
    group: 'legal',
    scope,
    partOf: ['van_ban_chi_dao_count'],
    sources: [SEED_SON_LA_2018],
  },
  {
    name: 'van_ban_chi_dao_ke_hoach_count',
    label: { vi: 'Số kế hoạch về ứng dụng công nghệ thông tin', en: 'Plans on IT application issued' },
    unit: 'count',
    group: 'legal',
    scope,
    partOf: ['van_ban_chi_dao_count'],
    sources: [SEED_SON_LA_2018],
  },
  {
    name: 'van_ban_chi_dao_cong_van_count',
    label: {
      vi: 'Số công văn chỉ đạo về ứng dụng công nghệ thông tin',
      en: 'Official letters on IT application issued',
    },
    unit: 'count',
    group: 'legal',
    scope,
    partOf: ['van_ban_chi_dao_count'],
    sources: [SEED_SON_LA_2018],
  },
];
