import type { IndicatorDefinition } from '../../model/indicator';
import { agencyCoverage } from '../coverage';
import { ALL_TIERS, BAC_KAN_2023, SEED_HOA_BINH_2019, SEED_LAM_DONG_2017 } from '../sources';

const scope = { tiers: [...ALL_TIERS], agency: true };

/** Official e-mail (thư điện tử công vụ): accounts, coverage and use. */
export const EMAIL_INDICATORS: readonly IndicatorDefinition[] = [
  {
    name: 'thu_cong_vu_accounts',
    label: { vi: 'Số tài khoản thư điện tử công vụ', en: 'Official e-mail accounts' },
    unit: 'count',
    group: 'email',
    scope,
    sources: [BAC_KAN_2023, SEED_HOA_BINH_2019, SEED_LAM_DONG_2017],
  },
  {
    name: 'thu_cong_vu_staff_coverage_pct',
    label: {
      vi: 'Tỷ lệ cán bộ, công chức được cấp thư điện tử công vụ',
      en: 'Share of civil servants with an official e-mail account',
    },
    unit: 'percent',
    group: 'email',
    scope,
    sources: [SEED_HOA_BINH_2019, SEED_LAM_DONG_2017],
  },
  {
    name: 'thu_cong_vu_usage_pct',
    label: {
      vi: 'Tỷ lệ cán bộ, công chức thường xuyên sử dụng thư điện tử công vụ',
      en: 'Share of civil servants using official e-mail regularly',
    },
    unit: 'percent',
    group: 'email',
    scope,
    sources: [BAC_KAN_2023, SEED_HOA_BINH_2019, SEED_LAM_DONG_2017],
  },
  ...agencyCoverage({
    stem: 'thu_cong_vu',
    what: { vi: 'triển khai thư điện tử công vụ', en: 'with official e-mail deployed' },
    group: 'email',
    sources: [SEED_LAM_DONG_2017],
  }),
  {
    name: 'thu_cong_vu_huyen_den_xa_pct',
    label: {
      vi: 'Tỷ lệ huyện, thành phố triển khai thư điện tử công vụ đến cấp xã',
      en: 'Share of districts that extended official e-mail to their communes',
    },
    unit: 'percent',
    group: 'email',
    scope: { tiers: ['huyen'], agency: false },
    sources: [SEED_LAM_DONG_2017],
  },
  {
    name: 'van_ban_qua_thu_dien_tu_count',
    label: {
      vi: 'Số văn bản điện tử trao đổi qua hệ thống thư điện tử công vụ',
      en: 'Electronic documents exchanged through official e-mail',
    },
    unit: 'count',
    group: 'email',
    scope,
    sources: [SEED_LAM_DONG_2017],
  },
  {
    name: 'van_ban_qua_thu_dien_tu_pct',
    label: {
      vi: 'Tỷ lệ văn bản trao đổi qua hệ thống thư điện tử công vụ',
      en: 'Share of documents exchanged through official e-mail',
    },
    unit: 'percent',
    group: 'email',
    scope,
    sources: [SEED_LAM_DONG_2017],
  },
];
