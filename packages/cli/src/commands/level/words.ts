/* Words the level commands print, in Vietnamese and English. */
import type { Issue, LocalizedText } from '@lienthong/report';
import type { Scheme, TargetStatus, Tier } from '@lienthong/service-level';
import type { Language } from '../../framework/command';

export const SCHEME_LABELS: Readonly<Record<Scheme, LocalizedText>> = {
  'nd43-2011': { vi: 'NĐ 43/2011', en: 'Decree 43/2011' },
  'nd42-2022': { vi: 'NĐ 42/2022', en: 'Decree 42/2022' },
};

export const TIER_LABELS: Readonly<Record<Tier, LocalizedText>> = {
  tinh: { vi: 'tỉnh', en: 'province' },
  huyen: { vi: 'huyện', en: 'district' },
  xa: { vi: 'xã', en: 'commune' },
};

export const SEVERITY_LABELS: Readonly<Record<Issue['severity'], LocalizedText>> = {
  error: { vi: 'lỗi', en: 'error' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  info: { vi: 'thông tin', en: 'info' },
};

export const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, LocalizedText>> = {
  met: { vi: 'Đạt', en: 'Met' },
  'not-met': { vi: 'Chưa đạt', en: 'Not met' },
  undetermined: { vi: 'Chưa xác định', en: 'Undetermined' },
  'not-computable': { vi: 'Không tính được', en: 'Not computable' },
};

/** `SL-CAT-CSV-030 lỗi (dòng 7): …` — one line per finding, with its row or path. */
export function findingLine(issue: Issue, lang: Language): string {
  const location = issue.location;
  const where =
    location?.line !== undefined
      ? ` (${lang === 'vi' ? 'dòng' : 'line'} ${location.line})`
      : location?.path !== undefined
        ? ` (${location.path})`
        : '';
  return `${issue.ruleId} ${SEVERITY_LABELS[issue.severity][lang]}${where}: ${issue.message[lang]}`;
}
