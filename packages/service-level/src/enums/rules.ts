import { defineRule, defineRuleCatalog } from '@lienthong/report';

/*
 * SL-ENUM-*: values of the enumerations exchanged with the National Public Service Portal (domain notes
 * §2.4, §2.5, §2.7). The status and channel tables come from vendor code, not from a published
 * specification (§6); the references say so.
 */

const STATUS_SOURCE = 'TrangThaiHoSo — bảng mã của Cổng Dịch vụ công quốc gia theo mã nguồn nhà cung cấp';
const CHANNEL_SOURCE = 'KenhThucHien — bảng mã của Cổng Dịch vụ công quốc gia theo mã nguồn nhà cung cấp';
const TIER_SOURCE = 'Nghị quyết 203/2025/QH15; Điều 2 Nghị định 42/2022/NĐ-CP';

export const dossierStatusUnknown = defineRule({
  id: 'SL-ENUM-001',
  severity: 'error',
  title: { vi: 'Mã trạng thái hồ sơ không có', en: 'Unknown dossier status code' },
  message: {
    vi: '{value} không phải mã trạng thái hồ sơ của Cổng Dịch vụ công quốc gia (TrangThaiHoSo là chuỗi "1" đến "10", không có số 0 ở đầu).',
    en: '{value} is not a dossier status code of the National Public Service Portal (TrangThaiHoSo is the text "1" to "10", without leading zeros).',
  },
  reference: STATUS_SOURCE,
});

export const channelUnknown = defineRule({
  id: 'SL-ENUM-002',
  severity: 'error',
  title: { vi: 'Mã kênh thực hiện không có', en: 'Unknown channel code' },
  message: {
    vi: '{value} không phải mã kênh thực hiện ("1" trực tiếp, "2" trực tuyến, "3" qua bưu chính công ích).',
    en: '{value} is not a channel code ("1" in person, "2" online, "3" public postal service).',
  },
  reference: CHANNEL_SOURCE,
});

export const tierUnknown = defineRule({
  id: 'SL-ENUM-003',
  severity: 'error',
  title: { vi: 'Cấp hành chính không có', en: 'Unknown administrative tier' },
  message: {
    vi: '{value} không phải cấp hành chính ("tinh" cấp tỉnh, "huyen" cấp huyện, "xa" cấp xã).',
    en: '{value} is not an administrative tier ("tinh" province, "huyen" district, "xa" commune).',
  },
  reference: TIER_SOURCE,
});

export const tierNotInForce = defineRule({
  id: 'SL-ENUM-004',
  severity: 'error',
  title: { vi: 'Cấp huyện không còn', en: 'District tier abolished' },
  message: {
    vi: 'Cấp huyện không còn từ ngày 01/07/2025 (Nghị quyết 203/2025/QH15 kết thúc đơn vị hành chính cấp huyện), nên không dùng được cho ngày {on}.',
    en: 'The district tier no longer exists from 2025-07-01 (Resolution 203/2025/QH15 ended district-level administrative units), so it cannot be used for {on}.',
  },
  reference: 'Nghị quyết 203/2025/QH15',
});

/** Version of the enumeration rules; bumped when a rule is added or its meaning changes. */
export const ENUMERATION_RULESET = { name: '@lienthong/service-level enumerations', version: '1.0.0' } as const;

/** Every rule the enumeration parsers can report. */
export const enumerationRules = defineRuleCatalog(ENUMERATION_RULESET.name, ENUMERATION_RULESET.version, [
  dossierStatusUnknown,
  channelUnknown,
  tierUnknown,
  tierNotInForce,
]);
