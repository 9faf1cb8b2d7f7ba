import type { IndicatorDefinition } from '../../model/indicator';
import { ALL_TIERS, SEED_LAM_DONG_2017, SEED_SON_LA_2018 } from '../sources';

const scope = { tiers: [...ALL_TIERS], agency: true };

/** IT staff and training. */
export const HUMAN_RESOURCE_INDICATORS: readonly IndicatorDefinition[] = [
  {
    name: 'dao_tao_lop_count',
    label: { vi: 'Số lớp đào tạo, tập huấn về công nghệ thông tin', en: 'IT training courses held' },
    unit: 'count',
    group: 'human_resources',
    scope,
    sources: [SEED_SON_LA_2018, SEED_LAM_DONG_2017],
  },
  {
    name: 'dao_tao_hoc_vien_count',
    label: { vi: 'Số lượt cán bộ, công chức được đào tạo, tập huấn', en: 'Civil servants trained (attendances)' },
    unit: 'count',
    group: 'human_resources',
    scope,
    sources: [SEED_SON_LA_2018, SEED_LAM_DONG_2017],
  },
  {
    name: 'can_bo_chuyen_trach_cntt_count',
    label: { vi: 'Số cán bộ chuyên trách công nghệ thông tin', en: 'Full-time IT officers' },
    unit: 'count',
    group: 'human_resources',
    scope,
    sources: [SEED_LAM_DONG_2017],
  },
];
