import type { IndicatorDefinition } from '../../model/indicator';
import { agencyCoverage } from '../coverage';
import {
  ALL_TIERS,
  BAO_CAO_06A,
  NQ17,
  QD766,
  SEED_HOA_BINH_2019,
  SEED_LAM_DONG_2017,
  SEED_SON_LA_2018,
} from '../sources';

const tiers = [...ALL_TIERS];
const scope = { tiers, agency: true };

/** A count of dossiers in the one-stop settlement report (forms 06a/06b). */
function dossierCount(
  name: string,
  label: IndicatorDefinition['label'],
  rest: Partial<Pick<IndicatorDefinition, 'derivation' | 'partOf' | 'description'>> = {},
): IndicatorDefinition {
  return { name, label, unit: 'count', group: 'one_stop', scope, ...rest, sources: [BAO_CAO_06A, SEED_HOA_BINH_2019] };
}

/** A share of the dossiers resolved (or received), as the reports print it. */
function dossierShare(
  name: string,
  label: IndicatorDefinition['label'],
  numerator: string,
  denominator = 'ho_so_da_xu_ly',
): IndicatorDefinition {
  return {
    name,
    label,
    unit: 'percent',
    group: 'one_stop',
    scope,
    derivation: { kind: 'ratio', numerator, denominator, scale: 100 },
    sources: [BAO_CAO_06A, QD766, SEED_HOA_BINH_2019],
  };
}

/** Dossiers received and settled through the one-stop shops (bộ phận một cửa), domain notes §3.2 B and §2.6. */
export const ONE_STOP_INDICATORS: readonly IndicatorDefinition[] = [
  dossierCount(
    'ho_so_tong_so',
    {
      vi: 'Tổng số hồ sơ (kỳ trước chuyển sang và tiếp nhận trong kỳ)',
      en: 'Dossiers in hand (carried over and received)',
    },
    {
      description: {
        vi: 'Cột "Tổng số" của mẫu 06a; có báo cáo gọi là "tổng số hồ sơ giao dịch".',
        en: 'The "Total" column of form 06a; some reports call it "dossiers transacted".',
      },
      derivation: { kind: 'sum', terms: ['ho_so_ky_truoc', 'ho_so_tiep_nhan_trong_ky'], relation: 'components' },
    },
  ),
  dossierCount(
    'ho_so_ky_truoc',
    { vi: 'Số hồ sơ kỳ trước chuyển sang', en: 'Dossiers carried over from the previous period' },
    { partOf: ['ho_so_tong_so'] },
  ),
  dossierCount(
    'ho_so_tiep_nhan_truc_tiep',
    { vi: 'Số hồ sơ tiếp nhận trực tiếp', en: 'Dossiers received in person' },
    { partOf: ['ho_so_tiep_nhan_trong_ky'] },
  ),
  dossierCount(
    'ho_so_tiep_nhan_bcci',
    { vi: 'Số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích', en: 'Dossiers received by public postal service' },
    { partOf: ['ho_so_tiep_nhan_trong_ky'] },
  ),
  dossierCount(
    'ho_so_tiep_nhan_truc_tuyen',
    { vi: 'Số hồ sơ tiếp nhận trực tuyến', en: 'Dossiers received online' },
    { partOf: ['ho_so_tiep_nhan_trong_ky'] },
  ),
  dossierCount(
    'ho_so_tiep_nhan_trong_ky',
    { vi: 'Số hồ sơ tiếp nhận trong kỳ', en: 'Dossiers received in the period' },
    {
      description: {
        vi: 'Hồ sơ mới tiếp nhận trong kỳ báo cáo, qua mọi kênh; báo cáo còn gọi là hồ sơ "phát sinh".',
        en: 'Dossiers newly received in the period, by every channel; reports also say dossiers that "arose".',
      },
      derivation: {
        kind: 'sum',
        terms: ['ho_so_tiep_nhan_truc_tiep', 'ho_so_tiep_nhan_bcci', 'ho_so_tiep_nhan_truc_tuyen'],
        relation: 'components',
      },
      partOf: ['ho_so_tong_so'],
    },
  ),
  dossierCount(
    'ho_so_da_xu_ly',
    { vi: 'Số hồ sơ đã giải quyết', en: 'Dossiers resolved' },
    {
      derivation: {
        kind: 'sum',
        terms: ['ho_so_da_xu_ly_truoc_han', 'ho_so_da_xu_ly_dung_han', 'ho_so_da_xu_ly_qua_han'],
        relation: 'timeliness',
      },
      partOf: ['ho_so_tong_so'],
    },
  ),
  dossierCount(
    'ho_so_da_xu_ly_truoc_han',
    { vi: 'Số hồ sơ giải quyết trước hạn (sớm hạn)', en: 'Dossiers resolved early' },
    { partOf: ['ho_so_da_xu_ly', 'ho_so_da_xu_ly_dung_han_hoac_som'] },
  ),
  dossierCount(
    'ho_so_da_xu_ly_dung_han',
    { vi: 'Số hồ sơ giải quyết đúng hạn', en: 'Dossiers resolved exactly on the due date' },
    { partOf: ['ho_so_da_xu_ly', 'ho_so_da_xu_ly_dung_han_hoac_som'] },
  ),
  dossierCount(
    'ho_so_da_xu_ly_qua_han',
    { vi: 'Số hồ sơ giải quyết quá hạn', en: 'Dossiers resolved late' },
    { partOf: ['ho_so_da_xu_ly'] },
  ),
  dossierCount(
    'ho_so_da_xu_ly_dung_han_hoac_som',
    { vi: 'Số hồ sơ giải quyết đúng hạn và trước hạn', en: 'Dossiers resolved on time or early' },
    {
      description: {
        vi: 'Cột "đã xử lý đúng hạn và trước hạn" của mẫu 06a: ngày trả không muộn hơn ngày hẹn trả.',
        en: 'The "resolved on time and early" column of form 06a: returned no later than the due date.',
      },
      derivation: {
        kind: 'sum',
        terms: ['ho_so_da_xu_ly_truoc_han', 'ho_so_da_xu_ly_dung_han'],
        relation: 'timeliness',
      },
      partOf: ['ho_so_da_xu_ly'],
    },
  ),
  dossierCount(
    'ho_so_dang_xu_ly',
    { vi: 'Số hồ sơ đang giải quyết', en: 'Dossiers pending' },
    {
      derivation: {
        kind: 'sum',
        terms: ['ho_so_dang_xu_ly_trong_han', 'ho_so_dang_xu_ly_qua_han'],
        relation: 'components',
      },
      partOf: ['ho_so_tong_so'],
    },
  ),
  dossierCount(
    'ho_so_dang_xu_ly_trong_han',
    { vi: 'Số hồ sơ đang giải quyết trong hạn', en: 'Dossiers pending, not yet overdue' },
    { partOf: ['ho_so_dang_xu_ly'] },
  ),
  dossierCount(
    'ho_so_dang_xu_ly_qua_han',
    { vi: 'Số hồ sơ đang giải quyết quá hạn', en: 'Dossiers pending and overdue' },
    { partOf: ['ho_so_dang_xu_ly'] },
  ),
  dossierCount(
    'ho_so_cho_bo_sung',
    { vi: 'Số hồ sơ tạm dừng chờ bổ sung, điều chỉnh thành phần', en: 'Dossiers suspended awaiting supplements' },
    { partOf: ['ho_so_tong_so'] },
  ),
  dossierShare(
    'ho_so_da_xu_ly_pct',
    { vi: 'Tỷ lệ hồ sơ đã giải quyết trên số hồ sơ tiếp nhận', en: 'Dossiers resolved as a share of those received' },
    'ho_so_da_xu_ly',
    'ho_so_tiep_nhan_trong_ky',
  ),
  dossierShare(
    'ho_so_dung_han_pct',
    {
      vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn (kể cả trước hạn)',
      en: 'Share of dossiers resolved on time (early included)',
    },
    'ho_so_da_xu_ly_dung_han_hoac_som',
  ),
  dossierShare(
    'ho_so_da_xu_ly_truoc_han_pct',
    { vi: 'Tỷ lệ hồ sơ giải quyết trước hạn', en: 'Share of dossiers resolved early' },
    'ho_so_da_xu_ly_truoc_han',
  ),
  dossierShare(
    'ho_so_da_xu_ly_dung_han_pct',
    { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn (đúng ngày hẹn)', en: 'Share of dossiers resolved exactly on the due date' },
    'ho_so_da_xu_ly_dung_han',
  ),
  dossierShare(
    'ho_so_da_xu_ly_qua_han_pct',
    { vi: 'Tỷ lệ hồ sơ giải quyết quá hạn', en: 'Share of dossiers resolved late' },
    'ho_so_da_xu_ly_qua_han',
  ),
  {
    name: 'ho_so_qua_mot_cua_dien_tu_count',
    label: {
      vi: 'Số hồ sơ TTHC được xử lý trên Hệ thống thông tin một cửa điện tử',
      en: 'Dossiers processed through the electronic one-stop system',
    },
    unit: 'count',
    group: 'one_stop',
    scope,
    partOf: ['ho_so_tiep_nhan_trong_ky'],
    sources: [NQ17],
  },
  {
    name: 'ho_so_qua_mot_cua_dien_tu_pct',
    label: {
      vi: 'Tỷ lệ hồ sơ TTHC được xử lý trên Hệ thống thông tin một cửa điện tử',
      en: 'Share of dossiers processed through the electronic one-stop system',
    },
    unit: 'percent',
    group: 'one_stop',
    scope,
    derivation: {
      kind: 'ratio',
      numerator: 'ho_so_qua_mot_cua_dien_tu_count',
      denominator: 'ho_so_tiep_nhan_trong_ky',
      scale: 100,
    },
    sources: [NQ17],
  },
  ...agencyCoverage({
    stem: 'mot_cua_dien_tu',
    what: { vi: 'kết nối phần mềm một cửa điện tử', en: 'connected to the electronic one-stop software' },
    group: 'one_stop',
    sources: [SEED_SON_LA_2018, SEED_HOA_BINH_2019, SEED_LAM_DONG_2017],
  }),
];
