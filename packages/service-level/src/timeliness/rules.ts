import { defineRule, defineRuleCatalog } from '@lienthong/report';

/*
 * SL-TIME-*: the times of a dossier (receipt, due date, return) checked before it is classified as early, on
 * time, late, pending in time or overdue (domain notes §2.6). IDs are stable: a rule never changes meaning
 * once published; new checks get new numbers. A dossier with an `error` issue is not classified (statistics
 * count it as invalid); a `warning` leaves the classification standing.
 */

export const timeUnreadable = defineRule({
  id: 'SL-TIME-001',
  severity: 'error',
  title: { vi: 'Thời điểm không đọc được', en: 'Time cannot be read' },
  message: { vi: 'Không đọc được {field}: {reason}', en: 'Cannot read {field}: {reason}' },
});

export const timeMissing = defineRule({
  id: 'SL-TIME-002',
  severity: 'error',
  title: { vi: 'Thiếu thời điểm', en: 'Time missing' },
  message: {
    vi: 'Thiếu {field}; không có nó thì không xếp loại đúng hạn được.',
    en: 'Missing {field}; timeliness cannot be classified without it.',
  },
});

export const returnedBeforeReceived = defineRule({
  id: 'SL-TIME-003',
  severity: 'error',
  title: { vi: 'Trả kết quả trước khi tiếp nhận', en: 'Result returned before receipt' },
  message: {
    vi: 'Thời điểm trả kết quả ({returnedAt}) sớm hơn thời điểm tiếp nhận ({receivedAt}); một trong hai thời điểm bị ghi sai.',
    en: 'The return ({returnedAt}) is earlier than the receipt ({receivedAt}); one of the two times is wrong.',
  },
});

export const dueBeforeReceived = defineRule({
  id: 'SL-TIME-004',
  severity: 'error',
  title: { vi: 'Hẹn trả trước khi tiếp nhận', en: 'Due before receipt' },
  message: {
    vi: 'Thời điểm hẹn trả ({dueAt}) sớm hơn thời điểm tiếp nhận ({receivedAt}); một trong hai thời điểm bị ghi sai.',
    en: 'The due time ({dueAt}) is earlier than the receipt ({receivedAt}); one of the two times is wrong.',
  },
});

export const pendingWithoutReferenceTime = defineRule({
  id: 'SL-TIME-005',
  severity: 'error',
  title: { vi: 'Hồ sơ chưa trả mà không có thời điểm cuối kỳ', en: 'Pending dossier without a period end' },
  message: {
    vi: 'Hồ sơ chưa trả kết quả; chỉ xếp được "đang giải quyết trong hạn" hay "đang giải quyết quá hạn" khi biết thời điểm cuối kỳ (periodEnd).',
    en: 'The dossier has no return; it can be classified as pending in time or overdue only against a period end (periodEnd).',
  },
});

export const receivedAfterReferenceTime = defineRule({
  id: 'SL-TIME-006',
  severity: 'error',
  title: { vi: 'Tiếp nhận sau thời điểm cuối kỳ', en: 'Received after the period end' },
  message: {
    vi: 'Hồ sơ tiếp nhận lúc {receivedAt}, sau thời điểm cuối kỳ {periodEnd}: tại cuối kỳ hồ sơ chưa tồn tại nên không xếp loại được.',
    en: 'The dossier was received at {receivedAt}, after the period end {periodEnd}: it did not exist then, so it cannot be classified.',
  },
});

export const dueOutsideWorkingHours = defineRule({
  id: 'SL-TIME-007',
  severity: 'warning',
  title: { vi: 'Hạn trả ngoài giờ làm việc', en: 'Due time outside working hours' },
  message: {
    vi: 'Hạn trả {dueAt} không nằm trong buổi làm việc nào ({why}); mốc "đầu buổi" lấy theo buổi làm việc gần nhất trước đó, {halfDay}.',
    en: 'The due time {dueAt} is not within any working half-day ({why}); the half-day start is taken from the last working half-day before it, {halfDay}.',
  },
});

export const timelinessRules = [
  timeUnreadable,
  timeMissing,
  returnedBeforeReceived,
  dueBeforeReceived,
  pendingWithoutReferenceTime,
  receivedAfterReferenceTime,
  dueOutsideWorkingHours,
] as const;

/** The SL-TIME rules, for reports (`createReportBuilder({ rules: timelinessRuleCatalog.rules, … })`). */
export const timelinessRuleCatalog = defineRuleCatalog('service-level-timeliness', '1.0', timelinessRules);
