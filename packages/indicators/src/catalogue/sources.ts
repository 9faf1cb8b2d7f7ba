import type { IndicatorSource, Tier } from '../model/indicator';

/*
 * The documents the catalogue cites, once each. Legal and methodological documents come from the domain notes
 * (shared/domain/levels-and-indicators.md §1, §3); figures attested only by a provincial report cite that report.
 */

/** Every tier an indicator can be broken down by (the district tier only for periods before 2025-07-01). */
export const ALL_TIERS: readonly Tier[] = ['tinh', 'huyen', 'xa'];

export const ND43_LEVELS: IndicatorSource = { document: 'Nghị định 43/2011/NĐ-CP', reference: 'khoản 4 Điều 3' };
export const TT32_LEVELS: IndicatorSource = { document: 'Thông tư 32/2017/TT-BTTTT' };
export const ND42_CATEGORIES: IndicatorSource = { document: 'Nghị định 42/2022/NĐ-CP', reference: 'khoản 1 Điều 11' };
export const ND63_TTHC: IndicatorSource = { document: 'Nghị định 63/2010/NĐ-CP' };
export const NQ17: IndicatorSource = { document: 'Nghị quyết 17/NQ-CP (07/3/2019)', reference: 'Mục II' };
export const QD28_TRUC_LIEN_THONG: IndicatorSource = { document: 'Quyết định 28/2018/QĐ-TTg (12/7/2018)' };
export const QD766: IndicatorSource = {
  document: 'Quyết định 766/QĐ-TTg (23/6/2022)',
  url: 'https://sonoivu.namdinh.gov.vn/cai-cach-hanh-chinh/thu-tuong-chinh-phu-phe-duyet-bo-chi-so-chi-dao-dieu-hanh-va-danh-gia-chat-luong-phuc-vu-nguoi-dan-doanh-nghiep-trong-2373',
};
export const QD922_DTI: IndicatorSource = {
  document: 'Quyết định 922/QĐ-BTTTT (20/5/2022)',
  reference: 'Phụ lục 1 (bộ chỉ số cấp tỉnh)',
  url: 'http://eballsviet.com/bo-chi-so-danh-gia-chuyen-doi-so-cap-tinh-59970',
};
export const QD405_DTI: IndicatorSource = { document: 'Quyết định 405/QĐ-BKHCN (03/4/2025)' };
export const ICT_INDEX: IndicatorSource = {
  document: 'Báo cáo Vietnam ICT Index (Bộ Thông tin và Truyền thông, Hội Tin học Việt Nam)',
  url: 'https://m.mic.gov.vn/mic_2020/Pages/TinTuc/139261/Bao-cao-tom-tat-chi-so-san-sang-cho-phat-trien-va-ung-dung-CNTT-TT-Viet-Nam-nam-2018---Vietnam-ICT-Index-2018.html',
};
export const MIC_2020_DVCTT: IndicatorSource = {
  document: 'Cục Tin học hóa, Bộ Thông tin và Truyền thông: 12 bộ, tỉnh đã cung cấp 30% DVCTT mức độ 4 (5/2020)',
  url: 'https://mic.gov.vn/12-bo-tinh-da-cung-cap-30-dich-vu-cong-truc-tuyen-muc-do-4-197144222.htm',
};
/** The one-stop systems' settlement report (forms 06a/06b); the columns are attested in vendor code. */
export const BAO_CAO_06A: IndicatorSource = {
  document: 'Báo cáo tình hình giải quyết TTHC, mẫu 06a/06b (hệ thống một cửa điện tử)',
  reference: 'BaoCaoSo06aHandler.cs, BaoCaoSo06WhereBuilder.cs (HuanVu201/DichVuCong_KhoaLuan_PASETO)',
  url: 'https://github.com/HuanVu201/DichVuCong_KhoaLuan_PASETO',
};
export const DGGQ_INDEX_9: IndicatorSource = {
  document: 'Bộ chỉ số đánh giá việc giải quyết TTHC theo cơ chế một cửa, một cửa liên thông',
  reference: 'chỉ số 9',
};
export const BAC_KAN_2023: IndicatorSource = {
  document: 'Bắc Kạn: ứng dụng công nghệ thông tin rộng rãi trên các lĩnh vực (2023)',
  url: 'https://chatluongvacuocsong.vn/amp/ung-dung-cong-nghe-thong-tin-rong-rai-tren-cac-linh-vuc-d125787.html',
};
export const BAC_KAN_INFRA: IndicatorSource = {
  document: 'Bắc Kạn: hạ tầng số (Cổng chuyển đổi số tỉnh Bắc Kạn)',
  url: 'https://chuyendoiso.backan.gov.vn/index.php?com=tintuc_ct&id_news=673',
};

/** The three provincial reports of test/fixtures/seeds. */
export const SEED_SON_LA_2018: IndicatorSource = { document: 'Báo cáo 14/BC-UBND tỉnh Sơn La (07/01/2019)' };
export const SEED_HOA_BINH_2019: IndicatorSource = { document: 'Kế hoạch 144/KH-UBND tỉnh Hòa Bình (06/8/2019)' };
export const SEED_LAM_DONG_2017: IndicatorSource = {
  document: 'Ứng dụng công nghệ thông tin trong các cơ quan nhà nước tại tỉnh Lâm Đồng (10/12/2017)',
};
