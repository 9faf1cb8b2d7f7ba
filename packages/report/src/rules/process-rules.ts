import { defineRule } from './define-rule';

/**
 * Rules about the validation process itself. Each one is an error: a subject that was
 * not fully checked cannot be called valid.
 */
export const stepCrashed = defineRule({
  id: 'REPORT-STEP-001',
  severity: 'error',
  title: { vi: 'Bước kiểm tra bị lỗi', en: 'Validation step crashed' },
  message: {
    vi: 'Bước kiểm tra "{step}" dừng do lỗi nội bộ: {error}. Kết quả không đầy đủ.',
    en: 'Validation step "{step}" stopped on an internal error: {error}. The result is incomplete.',
  },
});

export const stepSkipped = defineRule({
  id: 'REPORT-STEP-002',
  severity: 'error',
  title: { vi: 'Bước kiểm tra bị bỏ qua', en: 'Validation step skipped' },
  message: {
    vi: 'Bước kiểm tra "{step}" không được thực hiện: {reason}',
    en: 'Validation step "{step}" was not run: {reason}',
  },
});

export const stepNotRun = defineRule({
  id: 'REPORT-STEP-003',
  severity: 'error',
  title: { vi: 'Bước kiểm tra chưa chạy', en: 'Validation step never ran' },
  message: {
    vi: 'Bước kiểm tra bắt buộc "{step}" chưa chạy trước khi kết thúc báo cáo.',
    en: 'Required validation step "{step}" did not run before the report was finished.',
  },
});

export const processRules = [stepCrashed, stepSkipped, stepNotRun] as const;
