import type { Report } from '@lienthong/report';
import type { Language } from '../../framework/command';

/**
 * The one stderr line for a file that was read but holds no indicator report (not JSON, not UTF-8, not the
 * model): the first error found, and where to see the others.
 */
export function notAnIndicatorReportLine(report: Report, lang: Language): string {
  const first = report.issues.find((issue) => issue.severity === 'error');
  const reason = first === undefined ? '' : `: ${first.message[lang]} [${first.ruleId}]`;
  const more = report.counts.error > 1 ? report.counts.error - 1 : 0;
  const rest =
    more === 0
      ? ''
      : lang === 'vi'
        ? ` (còn ${more} lỗi khác: lienthong indicators validate ${report.subject})`
        : ` (${more} more: lienthong indicators validate ${report.subject})`;
  return lang === 'vi'
    ? `lienthong: ${report.subject} không phải báo cáo chỉ số đọc được${reason}${rest} (NOT_INDICATOR_REPORT)\n`
    : `lienthong: ${report.subject} is not a readable indicator report${reason}${rest} (NOT_INDICATOR_REPORT)\n`;
}
