import type { IndicatorDefinition } from '../../model/indicator';
import { AGENCIES_IN_SCOPE, agencyCoverage } from '../coverage';
import { ALL_TIERS, BAC_KAN_INFRA, SEED_HOA_BINH_2019, SEED_LAM_DONG_2017, SEED_SON_LA_2018 } from '../sources';

const scope = { tiers: [...ALL_TIERS], agency: true };

/** Technical infrastructure of the state agencies (domain notes §3.2 D) and of the province. */
export const INFRASTRUCTURE_INDICATORS: readonly IndicatorDefinition[] = [
  {
    name: AGENCIES_IN_SCOPE,
    label: { vi: 'Số cơ quan, đơn vị', en: 'Agencies and units' },
    description: {
      vi: 'Số cơ quan, đơn vị trong phạm vi (cấp, huyện) mà một tỷ lệ bao phủ được tính trên đó, ví dụ "35/35 đơn vị", "54/147 xã".',
      en: 'The agencies and units in scope (tier, district) that a coverage share divides by, e.g. "35/35 units", "54/147 communes".',
    },
    unit: 'count',
    group: 'infrastructure',
    scope,
    sources: [SEED_LAM_DONG_2017, SEED_HOA_BINH_2019],
  },
  {
    name: 'may_tinh_count',
    label: { vi: 'Số máy tính', en: 'Computers' },
    unit: 'count',
    group: 'infrastructure',
    scope,
    sources: [SEED_LAM_DONG_2017],
  },
  ...agencyCoverage({
    stem: 'may_tinh',
    what: { vi: 'được trang bị máy tính', en: 'equipped with computers' },
    group: 'infrastructure',
    sources: [SEED_LAM_DONG_2017],
  }),
  {
    name: 'may_tinh_staff_coverage_pct',
    label: {
      vi: 'Tỷ lệ cán bộ, công chức có máy tính sử dụng trong công việc',
      en: 'Share of civil servants with a computer for their work',
    },
    unit: 'percent',
    group: 'infrastructure',
    scope,
    sources: [SEED_SON_LA_2018, SEED_LAM_DONG_2017],
  },
  {
    name: 'may_tinh_internet_pct',
    label: { vi: 'Tỷ lệ máy tính được kết nối Internet', en: 'Share of computers connected to the Internet' },
    unit: 'percent',
    group: 'infrastructure',
    scope,
    sources: [SEED_LAM_DONG_2017],
  },
  {
    name: 'may_chu_count',
    label: { vi: 'Số máy chủ', en: 'Servers' },
    unit: 'count',
    group: 'infrastructure',
    scope,
    sources: [SEED_LAM_DONG_2017],
  },
  {
    name: 'may_chu_per_agency_avg',
    label: { vi: 'Số máy chủ trung bình mỗi đơn vị', en: 'Average servers per agency' },
    description: {
      vi: 'Số máy chủ chia cho số đơn vị, như báo cáo tính ("trung bình mỗi đơn vị có 4,8 máy"); không tính lại vì báo cáo không nói mẫu số là mọi đơn vị hay chỉ các đơn vị có máy chủ.',
      en: 'Servers divided by agencies, as the report computes it ("trung bình mỗi đơn vị có 4,8 máy"); not recomputed, since the report does not say whether the denominator is every agency or only those with servers.',
    },
    unit: 'number',
    group: 'infrastructure',
    scope,
    sources: [SEED_LAM_DONG_2017],
  },
  ...agencyCoverage({
    stem: 'may_chu',
    what: { vi: 'được trang bị máy chủ', en: 'equipped with servers' },
    group: 'infrastructure',
    sources: [SEED_LAM_DONG_2017],
  }),
  {
    name: 'may_chu_cu_hong_pct',
    label: {
      vi: 'Tỷ lệ máy chủ cấu hình thấp, cũ hỏng, không sử dụng',
      en: 'Share of servers underpowered, worn out or unused',
    },
    unit: 'percent',
    group: 'infrastructure',
    scope,
    sources: [SEED_LAM_DONG_2017],
  },
  ...agencyCoverage({
    stem: 'lan',
    what: { vi: 'có mạng nội bộ (LAN)', en: 'with a local area network (LAN)' },
    group: 'infrastructure',
    sources: [SEED_LAM_DONG_2017],
  }),
  ...agencyCoverage({
    stem: 'internet',
    what: { vi: 'kết nối Internet băng rộng', en: 'with broadband Internet' },
    group: 'infrastructure',
    sources: [SEED_LAM_DONG_2017],
  }),
  ...agencyCoverage({
    stem: 'wan',
    what: { vi: 'kết nối mạng diện rộng (WAN) của tỉnh', en: 'on the provincial wide area network (WAN)' },
    group: 'infrastructure',
    sources: [SEED_LAM_DONG_2017],
  }),
  {
    name: 'wan_uu_tien_agency_count',
    label: {
      vi: 'Số cơ quan, đơn vị được cấu hình truy cập ưu tiên trên mạng WAN',
      en: 'Agencies and units with priority access configured on the WAN',
    },
    unit: 'count',
    group: 'infrastructure',
    scope: { tiers: [...ALL_TIERS], agency: true },
    partOf: ['wan_agency_count'],
    sources: [SEED_LAM_DONG_2017],
  },
  ...agencyCoverage({
    stem: 'tsldcd',
    what: {
      vi: 'kết nối mạng truyền số liệu chuyên dùng',
      en: 'connected to the special-purpose data network (TSLCD)',
    },
    group: 'infrastructure',
    sources: [BAC_KAN_INFRA, SEED_LAM_DONG_2017],
  }),
  {
    name: 'internet_subscribers_per_100',
    label: { vi: 'Mật độ thuê bao Internet trên 100 dân', en: 'Internet subscriptions per 100 inhabitants' },
    unit: 'per_100',
    group: 'infrastructure',
    scope: { tiers: ['tinh'], agency: false },
    sources: [BAC_KAN_INFRA],
  },
  {
    name: 'fibre_household_pct',
    label: { vi: 'Tỷ lệ hộ gia đình có cáp quang', en: 'Share of households with a fibre connection' },
    unit: 'percent',
    group: 'infrastructure',
    scope: { tiers: ['tinh'], agency: false },
    sources: [BAC_KAN_INFRA],
  },
];
