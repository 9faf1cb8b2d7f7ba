import type { IndicatorDefinition } from '../../model/indicator';
import { agencyCoverage } from '../coverage';
import { ALL_TIERS, ND43_LEVELS, NQ17, SEED_HOA_BINH_2019, SEED_LAM_DONG_2017, SEED_SON_LA_2018 } from '../sources';

/** The provincial portal, its member sites and what they publish. */
export const PORTAL_INDICATORS: readonly IndicatorDefinition[] = [
  {
    name: 'trang_ttdt_thanh_vien_count',
    label: {
      vi: 'Số cổng, trang thông tin điện tử thành viên tích hợp vào Cổng thông tin điện tử của tỉnh',
      en: 'Member portals and websites integrated into the provincial portal',
    },
    description: {
      vi: 'Theo cấp (sở, ban, ngành ở cấp tỉnh; huyện; xã) hoặc theo nhóm cơ quan mà báo cáo nêu chung.',
      en: 'By tier (departments at the provincial tier; districts; communes) or for a group of agencies a report names together.',
    },
    unit: 'count',
    group: 'portals',
    scope: { tiers: [...ALL_TIERS], agency: true },
    sources: [ND43_LEVELS, SEED_SON_LA_2018, SEED_HOA_BINH_2019],
  },
  ...agencyCoverage({
    stem: 'trang_ttdt',
    what: { vi: 'có trang thông tin điện tử', en: 'with their own website' },
    group: 'portals',
    sources: [SEED_LAM_DONG_2017],
  }),
  {
    name: 'thong_tin_chi_dao_dieu_hanh_tren_cong_pct',
    label: {
      vi: 'Tỷ lệ thông tin chỉ đạo, điều hành được đưa lên cổng, trang thông tin điện tử',
      en: 'Share of steering and management information published on the portals and websites',
    },
    unit: 'percent',
    group: 'portals',
    scope: { tiers: [...ALL_TIERS], agency: true },
    sources: [SEED_HOA_BINH_2019],
  },
  {
    name: 'cong_dvc_giao_dien_di_dong_pct',
    label: {
      vi: 'Tỷ lệ cổng dịch vụ công cấp bộ, tỉnh có giao diện cho thiết bị di động',
      en: 'Share of ministerial and provincial service portals with a mobile interface',
    },
    unit: 'percent',
    group: 'portals',
    scope: { tiers: [], agency: false },
    sources: [NQ17],
  },
];
