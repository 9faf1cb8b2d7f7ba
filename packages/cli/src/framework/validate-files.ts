/*
 * What every `… validate <files or globs…>` command does around its validator: expand the arguments, give each
 * file (or unmatched pattern) one report, write them all in the chosen format, and pick the exit code.
 */
import { formatJson, formatJUnit, formatSarif, formatText, type Report } from '@lienthong/report';
import { CLI_NAME, CLI_VERSION } from '../version';
import { type CommandContext, EXIT, type ExitCode } from './command';
import type { describeIoError } from './files';
import { expandInputs } from './files';
import { unmatchedPatternReport } from './input-report';
import { outputOf } from './output';

export const REPORT_FORMATS = ['text', 'json', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The `--format` help of every validate command. */
export const REPORT_FORMAT_HELP = {
  vi: 'Định dạng báo cáo: text (cho người đọc), json, junit (CI) hoặc sarif (quét mã)',
  en: 'Report format: text (for people), json, junit (CI servers) or sarif (code scanning)',
} as const;

/** Exit 2 of every validate command, as `--help` states it. */
export const VALIDATE_EXIT_2 = {
  vi: 'sai cách dùng, hoặc có tệp không đọc được / mẫu không khớp tệp nào (báo cáo vẫn đầy đủ)',
  en: 'usage error, or a file could not be read / a pattern matched nothing (the report is still complete)',
} as const;

export interface FileOutcome {
  readonly report: Report;
  /** The one-line reason when the file could not be read at all. */
  readonly readFailure?: ReturnType<typeof describeIoError>;
}

/**
 * Validates every file the arguments name and writes one report per file. Exit 2 when a file could not be read
 * or a pattern matched nothing (the output still holds a report for it), else 1 when a report is invalid, else 0.
 */
export async function validateFiles(
  patterns: readonly string[],
  context: CommandContext,
  options: {
    readonly format: ReportFormat;
    /** The report kind of unmatched patterns, e.g. `edxml`. */
    readonly kind: string;
    readonly validate: (path: string, subject: string) => Promise<FileOutcome>;
  },
): Promise<ExitCode> {
  const stdout = outputOf(context.io.stdout);
  const stderr = outputOf(context.io.stderr);
  const reports: Report[] = [];
  let inputFailed = false;
  for (const input of await expandInputs(patterns, context.io.cwd)) {
    if (input.kind === 'unmatched') {
      inputFailed = true;
      reports.push(unmatchedPatternReport(input.pattern, options.kind));
      await stderr.write(
        context.lang === 'vi'
          ? `lienthong: không có tệp nào khớp mẫu ${input.pattern} (NO_FILES_MATCHED)\n`
          : `lienthong: no file matches the pattern ${input.pattern} (NO_FILES_MATCHED)\n`,
      );
      continue;
    }
    const { report, readFailure } = await options.validate(input.path, input.display);
    if (readFailure) {
      inputFailed = true;
      await stderr.write(`lienthong: ${readFailure.text[context.lang]} (${readFailure.code})\n`);
    }
    reports.push(report);
  }
  const generator = { name: CLI_NAME, version: CLI_VERSION };
  switch (options.format) {
    case 'json':
      await stdout.write(formatJson(reports, { pretty: true, generator }));
      break;
    case 'junit':
      await stdout.write(formatJUnit(reports, { lang: context.lang }));
      break;
    case 'sarif':
      await stdout.write(
        `${formatSarif(reports, { lang: context.lang, toolName: 'lienthong', toolVersion: CLI_VERSION })}\n`,
      );
      break;
    default: {
      const shown = context.quiet ? reports.filter((report) => !report.valid) : reports;
      if (shown.length > 0) await stdout.write(formatText(shown, { lang: context.lang, color: context.color }));
    }
  }
  if (inputFailed) return EXIT.usage;
  return reports.every((report) => report.valid) ? EXIT.ok : EXIT.failed;
}
