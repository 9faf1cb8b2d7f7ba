import type { IndicatorDefinition } from '../../model/indicator';
import { agencyCoverage } from '../coverage';
import {
  ALL_TIERS,
  BAC_KAN_2023,
  QD28_TRUC_LIEN_THONG,
  SEED_HOA_BINH_2019,
  SEED_LAM_DONG_2017,
  SEED_SON_LA_2018,
} from '../sources';

const scope = { tiers: [...ALL_TIERS], agency: true };

/** A share of documents exchanged in some electronic form. */
function documentShare(
  name: string,
  label: IndicatorDefinition['label'],
  sources: IndicatorDefinition['sources'],
  rest: Partial<Pick<IndicatorDefinition, 'derivation' | 'description'>> = {},
): IndicatorDefinition {
  return { name, label, unit: 'percent', group: 'e_office', scope, ...rest, sources };
}

/** Internal e-office: document management, electronic document exchange, sector software (domain notes §3.2 C). */
export const E_OFFICE_INDICATORS: readonly IndicatorDefinition[] = [
  ...agencyCoverage({
    stem: 'qlvb',
    what: {
      vi: 'dùng phần mềm quản lý văn bản và điều hành',
      en: 'using the document management and workflow software',
    },
    group: 'e_office',
    sources: [BAC_KAN_2023, SEED_LAM_DONG_2017],
  }),
  {
    name: 'qlvb_accounts',
    label: {
      vi: 'Số tài khoản phần mềm quản lý văn bản và điều hành',
      en: 'Accounts on the document management and workflow software',
    },
    unit: 'count',
    group: 'e_office',
    scope,
    sources: [BAC_KAN_2023],
  },
  {
    name: 'truc_lien_thong_ket_noi',
    label: {
      vi: 'Phần mềm quản lý văn bản đã kết nối Trục liên thông văn bản quốc gia',
      en: 'Document management software connected to the national document exchange axis',
    },
    unit: 'boolean',
    group: 'e_office',
    scope: { tiers: [], agency: true },
    sources: [QD28_TRUC_LIEN_THONG, SEED_SON_LA_2018, SEED_HOA_BINH_2019],
  },
  {
    name: 'lien_thong_van_ban_cap',
    label: {
      vi: 'Số cấp liên thông gửi, nhận văn bản qua Trục liên thông văn bản quốc gia',
      en: 'Administrative levels linked for document exchange through the national axis',
    },
    description: {
      vi: 'Ví dụ "liên thông 4 cấp" là từ Trung ương đến tỉnh, huyện và xã.',
      en: 'For example "4 levels" is from the central government down to province, district and commune.',
    },
    unit: 'count',
    group: 'e_office',
    scope: { tiers: [], agency: false },
    sources: [BAC_KAN_2023, SEED_HOA_BINH_2019],
  },
  documentShare(
    'van_ban_trao_doi_dien_tu_pct',
    {
      vi: 'Tỷ lệ văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử',
      en: 'Share of documents exchanged between state agencies in electronic form',
    },
    [QD28_TRUC_LIEN_THONG, SEED_SON_LA_2018],
    {
      description: {
        vi: 'Mọi văn bản gửi dưới dạng điện tử, hoàn toàn hoặc song song với bản giấy.',
        en: 'Every document sent electronically, either purely or alongside a paper copy.',
      },
      derivation: {
        kind: 'sum',
        terms: ['van_ban_dien_tu_song_song_giay_pct', 'van_ban_dien_tu_pct'],
        relation: 'components',
      },
    },
  ),
  documentShare(
    'van_ban_dien_tu_song_song_giay_pct',
    {
      vi: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử song song với văn bản giấy',
      en: 'Share of documents exchanged electronically alongside a paper copy',
    },
    [SEED_HOA_BINH_2019],
  ),
  documentShare(
    'van_ban_dien_tu_pct',
    {
      vi: 'Tỷ lệ văn bản trao đổi hoàn toàn dưới dạng điện tử (trừ văn bản mật)',
      en: 'Share of documents exchanged purely electronically (classified documents excepted)',
    },
    [QD28_TRUC_LIEN_THONG, BAC_KAN_2023, SEED_HOA_BINH_2019, SEED_LAM_DONG_2017],
  ),
  documentShare(
    'van_ban_noi_bo_dien_tu_pct',
    {
      vi: 'Tỷ lệ văn bản nội bộ trao đổi hoàn toàn dưới dạng điện tử',
      en: 'Share of internal documents exchanged purely electronically',
    },
    [SEED_HOA_BINH_2019, SEED_LAM_DONG_2017],
  ),
  ...agencyCoverage({
    stem: 'phan_mem_qlcb',
    what: { vi: 'dùng phần mềm quản lý cán bộ, công chức', en: 'using the civil-servant management software' },
    group: 'e_office',
    sources: [SEED_LAM_DONG_2017],
  }),
  ...agencyCoverage({
    stem: 'phan_mem_qlts',
    what: { vi: 'dùng phần mềm quản lý tài sản công', en: 'using the public-asset management software' },
    group: 'e_office',
    sources: [SEED_LAM_DONG_2017],
  }),
  ...agencyCoverage({
    stem: 'phan_mem_khieu_nai',
    what: {
      vi: 'dùng phần mềm quản lý thanh tra, khiếu nại, tố cáo',
      en: 'using the inspection, complaint and denunciation software',
    },
    group: 'e_office',
    sources: [SEED_LAM_DONG_2017],
  }),
];
