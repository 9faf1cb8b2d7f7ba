// A fixed set of reports for the formatter tests, built with the real builder and a fake clock
// so every run produces the same bytes.
import { createReportBuilder, defineRule, type Report } from '../src/index';

/** A clock that starts at `start` and moves `stepMs` forward on every read. */
export function steppingClock(start = '2025-03-14T02:30:00.000Z', stepMs = 5): () => Date {
  let time = Date.parse(start);
  return () => {
    const now = new Date(time);
    time += stepMs;
    return now;
  };
}

export const missingElement = defineRule({
  id: 'EDXML-HDR-001',
  severity: 'error',
  title: { vi: 'Thiếu phần tử bắt buộc', en: 'Required element missing' },
  message: { vi: 'Thiếu phần tử bắt buộc {element}', en: 'Required element {element} is missing' },
  reference: 'QCVN 102:2016 §1.1',
});

export const subjectTooLong = defineRule({
  id: 'EDXML-HDR-002',
  severity: 'warning',
  title: { vi: 'Trích yếu quá dài', en: 'Subject too long' },
  message: {
    vi: 'Trích yếu dài {length} ký tự, vượt quá {max} ký tự',
    en: 'The subject is {length} characters long, more than {max}',
  },
  reference: 'QCVN 102:2016 §1.4',
});

export const attachmentCount = defineRule({
  id: 'EDXML-BODY-001',
  severity: 'info',
  title: { vi: 'Số tệp đính kèm', en: 'Attachment count' },
  message: { vi: 'Văn bản có {count} tệp đính kèm', en: 'The document has {count} attachments' },
});

/** Not listed among the checked rules of the first report: formatters must still show its findings. */
export const unlistedRule = defineRule({
  id: 'EDXML-SIG-009',
  severity: 'warning',
  title: { vi: 'Chứng thư sắp hết hạn', en: 'Certificate about to expire' },
  message: { vi: 'Chứng thư số hết hạn sau {days} ngày', en: 'The certificate expires in {days} days' },
});

export const indicatorValue = defineRule({
  id: 'IND-VAL-004',
  severity: 'error',
  title: { vi: 'Giá trị chỉ tiêu không hợp lệ', en: 'Invalid indicator value' },
  message: {
    vi: 'Chỉ tiêu {code} có giá trị không hợp lệ: {value}',
    en: 'Indicator {code} has an invalid value: {value}',
  },
  reference: 'Thông tư 18/2019/TT-BTTTT, Điều 5',
});

const edxmlRuleset = { name: 'edxml-qcvn102', version: '2016.1' };

/**
 * 1. `hoso-001.xml`: invalid — errors with locations, a warning, an info, a finding of an unlisted rule,
 *    and a crashed step.
 * 2. `hoso-002.xml`: valid — one warning only.
 * 3. `báo cáo chỉ tiêu Q1.json`: invalid — a skipped step, a required step that never ran, and text that
 *    needs escaping (`<`, `&`, quotes, `]]>`, a control character).
 */
export function sampleReports(): Report[] {
  const first = createReportBuilder({
    subject: 'hoso-001.xml',
    kind: 'edxml',
    ruleset: edxmlRuleset,
    rules: [missingElement, subjectTooLong, attachmentCount],
    now: steppingClock('2025-03-14T02:30:00.000Z'),
  });
  first.step('parse', () => undefined);
  first.step('validate', () => {
    first.add(
      missingElement.issue({ element: 'From' }, { path: 'MessageHeader/From', line: 3, column: 5 }),
      missingElement.issue({ element: 'Subject' }, { path: 'MessageHeader', line: 2 }),
      subjectTooLong.issue({ length: 1250, max: 1000 }, { path: 'MessageHeader/Subject' }),
      attachmentCount.issue({ count: 2 }),
      unlistedRule.issue({ days: 12 }, { path: 'Signature/KeyInfo' }),
    );
  });
  first.step('signature', () => {
    throw new Error('certificate store unavailable');
  });

  const second = createReportBuilder({
    subject: 'hoso-002.xml',
    kind: 'edxml',
    ruleset: edxmlRuleset,
    rules: [missingElement, subjectTooLong],
    now: steppingClock('2025-03-14T02:31:00.000Z'),
  });
  second.step('parse', () => undefined);
  second.step('validate', () => {
    second.add(
      subjectTooLong.issue({ length: 1001, max: 1000 }, { path: 'MessageHeader/Subject', line: 7, column: 3 }),
    );
  });

  const third = createReportBuilder({
    subject: 'báo cáo chỉ tiêu Q1.json',
    kind: 'indicators-report',
    ruleset: { name: 'chi-tieu', version: '1.0' },
    rules: [indicatorValue],
    requiredSteps: ['parse', 'values', 'totals'],
    now: steppingClock('2025-03-14T02:32:00.000Z'),
  });
  third.step('parse', () => undefined);
  third.step('values', () => {
    third.add(indicatorValue.issue({ code: 'CT-01', value: '<12 & "x" ]]> \u0007' }, { path: 'indicators[0].value' }));
  });
  third.skip('signature', {
    vi: 'tệp không có chữ ký số',
    en: 'the file has no digital signature',
  });

  return [first.finish(), second.finish(), third.finish()];
}
