/*
 * Reading one indicator report named on the command line and validating it with @lienthong/indicators. A file
 * over the library's size limit is refused from its size alone (never loaded into memory); a file that cannot be
 * read still gets a report (CLI-IO-001), so that every output stays complete.
 */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  DEFAULT_MAX_BYTES,
  INDICATOR_RULES,
  INDICATOR_RULESET,
  type IndicatorReportValidation,
  validateIndicatorReport,
} from '@lienthong/indicators';
import { createReportBuilder, type Report, type RuleId, type Severity } from '@lienthong/report';
import type { CliIO } from '../../framework/command';
import { describeIoError } from '../../framework/files';
import { unreadableFileReport } from '../../framework/input-report';

export const INDICATOR_REPORT_KIND = 'indicator-report';

export interface IndicatorFileOutcome {
  /** The validation report: the library's, or the CLI's own when the file could not be read. */
  readonly report: Report;
  /** The library's validation, when the file was read. */
  readonly validation?: IndicatorReportValidation;
  /** Why the file could not be read at all (one line on stderr, exit 2). */
  readonly readFailure?: ReturnType<typeof describeIoError>;
}

/** `--strict`: every rule that reports a warning reports an error instead. */
export const STRICT_SEVERITIES: Readonly<Record<RuleId, Severity>> = Object.fromEntries(
  INDICATOR_RULES.rules.filter((rule) => rule.severity === 'warning').map((rule) => [rule.id, 'error' as const]),
);

/** The report of a file over the size limit: the library's IND-PARSE-001, from the size on disk. */
function tooLargeReport(subject: string, bytes: number): Report {
  const rule = INDICATOR_RULES.get('IND-PARSE-001');
  // A programmer error (the library renamed its rule): never report an unread file as valid.
  if (rule === undefined) throw new Error('@lienthong/indicators has no rule IND-PARSE-001');
  const builder = createReportBuilder({
    subject,
    kind: INDICATOR_REPORT_KIND,
    ruleset: { ...INDICATOR_RULESET },
    rules: INDICATOR_RULES.rules,
    requiredSteps: ['parse'],
  });
  // `get` returns the union of every rule of the catalogue; IND-PARSE-001 takes { bytes, maxBytes }.
  builder.step('parse', () => builder.add(rule.issue({ bytes, maxBytes: DEFAULT_MAX_BYTES } as never)));
  return builder.finish();
}

async function readBounded(path: string): Promise<{ bytes: Uint8Array } | { tooLarge: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > DEFAULT_MAX_BYTES) return { tooLarge: size };
    return { bytes: new Uint8Array(await handle.readFile()) };
  } finally {
    await handle.close();
  }
}

/** Reads and validates `path` (shown as `subject`). Throws only for errors that are not the input's fault. */
export async function readIndicatorFile(
  io: Pick<CliIO, 'cwd'>,
  path: string,
  subject: string,
  options: { readonly strict?: boolean } = {},
): Promise<IndicatorFileOutcome> {
  let read: Awaited<ReturnType<typeof readBounded>>;
  try {
    read = await readBounded(resolve(io.cwd, path));
  } catch (error) {
    // Only the file system's errors (with an errno code) are the input's fault; anything else is a bug.
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    return {
      report: unreadableFileReport(subject, INDICATOR_REPORT_KIND, error),
      readFailure: describeIoError(error, subject),
    };
  }
  if ('tooLarge' in read) return { report: tooLargeReport(subject, read.tooLarge) };
  const validation = validateIndicatorReport(read.bytes, {
    subject,
    ...(options.strict ? { severityOverrides: STRICT_SEVERITIES } : {}),
  });
  return { report: validation.report, validation };
}
