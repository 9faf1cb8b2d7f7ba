/*
 * A file a validating command could not read still gets a report — with one error issue of the CLI's own
 * rules — so that JSON, JUnit and SARIF outputs stay complete and valid when an input is missing.
 */
import { createReportBuilder, defineRule, type Report } from '@lienthong/report';
import { CLI_VERSION } from '../version';
import { describeIoError } from './files';

export const CLI_RULESET = { name: '@lienthong/cli', version: CLI_VERSION } as const;

export const fileUnreadable = defineRule({
  id: 'CLI-IO-001',
  severity: 'error',
  title: { vi: 'Không đọc được tệp', en: 'File cannot be read' },
  message: { vi: 'Không kiểm tra được: {reason}', en: 'Not checked: {reason}' },
});

export const patternUnmatched = defineRule({
  id: 'CLI-IO-002',
  severity: 'error',
  title: { vi: 'Mẫu không khớp tệp nào', en: 'Pattern matches no file' },
  message: { vi: 'Không có tệp nào khớp mẫu {pattern}', en: 'No file matches the pattern {pattern}' },
});

export const CLI_INPUT_RULES = [fileUnreadable, patternUnmatched] as const;

function inputReport(
  subject: string,
  kind: string,
  add: (builder: ReturnType<typeof createReportBuilder>) => void,
): Report {
  const builder = createReportBuilder({ subject, kind, ruleset: CLI_RULESET, rules: CLI_INPUT_RULES });
  builder.step('read', () => add(builder));
  return builder.finish();
}

/** The report of a file that could not be read (missing, a directory, no permission, …). */
export function unreadableFileReport(subject: string, kind: string, error: unknown): Report {
  const { text } = describeIoError(error, subject);
  return inputReport(subject, kind, (builder) => builder.add(fileUnreadable.issue({ reason: text })));
}

/** The report of a glob that matched nothing. */
export function unmatchedPatternReport(pattern: string, kind: string): Report {
  return inputReport(pattern, kind, (builder) => builder.add(patternUnmatched.issue({ pattern })));
}
