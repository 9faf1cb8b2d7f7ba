import type { IndicatorTarget } from '../model/indicator';
import { NQ17 } from './sources';

/** Nghị quyết 17/NQ-CP sets its targets for 2019–2020 (domain notes §1.5). */
const NQ17_BY = '2020-12-31';
/** The day Nghị quyết 17/NQ-CP was signed and took effect (Điều 3: hiệu lực từ ngày ký). */
const NQ17_FROM = '2019-03-07';

/**
 * National government targets on catalogue indicators: the six Nghị quyết 17/NQ-CP targets (the same as
 * `SERVICE_LEVEL_TARGETS` of @lienthong/service-level). Provincial plan targets (e.g. Hà Nội's) are not national
 * and are left out.
 */
export const INDICATOR_TARGETS: readonly IndicatorTarget[] = [
  {
    id: 'nq17-level4-30pct',
    indicator: 'dvctt_level4_pct',
    comparison: '>=',
    value: 30,
    by: NQ17_BY,
    from: NQ17_FROM,
    label: {
      vi: 'Ít nhất 30% TTHC được cung cấp trực tuyến mức độ 4',
      en: 'At least 30% of procedures offered online at level 4',
    },
    source: NQ17,
  },
  {
    id: 'nq17-dvcqg-integration-30pct',
    indicator: 'dvctt_dvcqg_integrated_pct',
    comparison: '>=',
    value: 30,
    by: NQ17_BY,
    from: NQ17_FROM,
    label: {
      vi: '30% DVCTT mức độ 3, 4 được tích hợp lên Cổng Dịch vụ công quốc gia',
      en: '30% of level-3/4 online services integrated with the National Public Service Portal',
    },
    source: NQ17,
  },
  {
    id: 'nq17-online-dossiers-20pct',
    indicator: 'ho_so_truc_tuyen_pct',
    comparison: '>=',
    value: 20,
    by: NQ17_BY,
    from: NQ17_FROM,
    label: {
      vi: 'Ít nhất 20% hồ sơ được giải quyết trực tuyến trên tổng số hồ sơ của bộ, ngành, địa phương',
      en: 'At least 20% of dossiers settled online, out of each ministry’s or locality’s total',
    },
    source: NQ17,
  },
  {
    id: 'nq17-one-stop-system-100pct',
    indicator: 'ho_so_qua_mot_cua_dien_tu_pct',
    comparison: '>=',
    value: 100,
    by: NQ17_BY,
    from: NQ17_FROM,
    label: {
      vi: '100% hồ sơ TTHC được xử lý trên Hệ thống thông tin một cửa điện tử cấp bộ, cấp tỉnh',
      en: '100% of dossiers processed through the ministerial and provincial electronic one-stop systems',
    },
    source: NQ17,
  },
  {
    id: 'nq17-mobile-portals-50pct',
    indicator: 'cong_dvc_giao_dien_di_dong_pct',
    comparison: '>=',
    value: 50,
    by: NQ17_BY,
    from: NQ17_FROM,
    label: {
      vi: '50% cổng dịch vụ công cấp bộ, cấp tỉnh có giao diện cho thiết bị di động',
      en: '50% of ministerial and provincial service portals with a mobile interface',
    },
    source: NQ17,
  },
  {
    id: 'nq17-e-authentication-20pct',
    indicator: 'xac_thuc_dien_tu_pct',
    comparison: '>=',
    value: 20,
    by: NQ17_BY,
    from: NQ17_FROM,
    label: {
      vi: '20% người dân và doanh nghiệp dùng hệ thống xác thực điện tử thống nhất',
      en: '20% of people and businesses using the unified electronic authentication',
    },
    source: NQ17,
  },
];
