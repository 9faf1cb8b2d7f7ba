import { defineRule, defineRuleCatalog } from '@lienthong/report';

/*
 * SL-CLS-*: the findings of classification: dates and periods that cannot say which scheme applies, and
 * declared levels or categories that differ from the ones computed from the capabilities. IDs are stable: a
 * rule never changes meaning once published; new checks get new numbers.
 */

export const dateInvalid = defineRule({
  id: 'SL-CLS-001',
  severity: 'error',
  title: { vi: 'Ngày không hợp lệ', en: 'Invalid date' },
  message: {
    vi: 'Ngày {value} không hợp lệ: cần một ngày có thật, viết YYYY-MM-DD (giờ Việt Nam), năm 0001–9999.',
    en: 'Date {value} is not valid: a real day written YYYY-MM-DD (Vietnam time), year 0001–9999, is needed.',
  },
});

export const periodReversed = defineRule({
  id: 'SL-CLS-002',
  severity: 'error',
  title: { vi: 'Kỳ có ngày bắt đầu sau ngày kết thúc', en: 'Period starts after it ends' },
  message: {
    vi: 'Kỳ từ {from} đến {to} không hợp lệ: ngày bắt đầu sau ngày kết thúc.',
    en: 'The period from {from} to {to} is not valid: it starts after it ends.',
  },
});

export const periodStraddlesSchemes = defineRule({
  id: 'SL-CLS-003',
  severity: 'info',
  title: { vi: 'Kỳ trải qua hai chế độ phân loại', en: 'Period spans two classification schemes' },
  message: {
    vi: 'Kỳ từ {from} đến {to} trải qua ngày 15/08/2022: mức độ 1–4 của Nghị định 43/2011/NĐ-CP áp dụng đến hết 14/08/2022, loại toàn trình/một phần của Nghị định 42/2022/NĐ-CP áp dụng từ 15/08/2022; hai phần của kỳ cần được phân loại riêng.',
    en: 'The period from {from} to {to} spans 2022-08-15: the levels 1–4 of Decree 43/2011/NĐ-CP apply up to 2022-08-14, the toàn trình/một phần categories of Decree 42/2022/NĐ-CP from 2022-08-15; classify the two parts separately.',
  },
  reference: 'Nghị định 42/2022/NĐ-CP (hiệu lực từ 15/08/2022, thay thế Nghị định 43/2011/NĐ-CP)',
});

export const declaredLevelDiffers = defineRule({
  id: 'SL-CLS-010',
  severity: 'warning',
  title: { vi: 'Mức độ khai báo khác mức độ tính được', en: 'Declared level differs from the computed one' },
  message: {
    vi: 'Thủ tục {procedureCode} khai báo mức độ {declared}, nhưng theo năng lực của dịch vụ là mức độ {computed}. {reason}',
    en: 'Procedure {procedureCode} declares level {declared}, but its capabilities give level {computed}. {reason}',
  },
  reference: 'khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP',
});

export const declaredCategoryDiffers = defineRule({
  id: 'SL-CLS-011',
  severity: 'warning',
  title: { vi: 'Loại dịch vụ khai báo khác loại tính được', en: 'Declared category differs from the computed one' },
  message: {
    vi: 'Thủ tục {procedureCode} khai báo là {declared}, nhưng theo năng lực của dịch vụ là {computed}. {reason}',
    en: 'Procedure {procedureCode} is declared a {declared}, but its capabilities make it a {computed}. {reason}',
  },
  reference: 'khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP',
});

export const declaredVendorCodeDiffers = defineRule({
  id: 'SL-CLS-012',
  severity: 'warning',
  title: { vi: 'Mã mức độ khai báo khác mã tính được', en: 'Declared vendor code differs from the computed one' },
  message: {
    vi: 'Thủ tục {procedureCode} có mã mức độ "{declared}" ({declaredLabel}), nhưng theo năng lực của dịch vụ là mã "{computed}" ({computedLabel}). {reason}',
    en: 'Procedure {procedureCode} carries vendor code "{declared}" ({declaredLabel}), but its capabilities give code "{computed}" ({computedLabel}). {reason}',
  },
  reference: 'khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP',
});

export const CLASSIFICATION_RULESET = { name: '@lienthong/service-level classification', version: '1.0.0' } as const;

/** Every rule classification can report. */
export const classificationRules = defineRuleCatalog(CLASSIFICATION_RULESET.name, CLASSIFICATION_RULESET.version, [
  dateInvalid,
  periodReversed,
  periodStraddlesSchemes,
  declaredLevelDiffers,
  declaredCategoryDiffers,
  declaredVendorCodeDiffers,
]);
