import type { Issue, Language, Severity } from '../model/issue';
import { isValidDocumentOutcome, type Report } from '../model/report';
import {
  checkedReports,
  formatCount,
  formatLocation,
  incompleteSteps,
  LABELS,
  languageOption,
  stepProblem,
} from './shared';

export interface TextFormatOptions {
  /** Language of labels and messages. Default `'vi'`. */
  lang?: Language;
  /** Colour the output with ANSI escape codes. Default `false`; decide with {@link shouldUseColor}. */
  color?: boolean;
  /** Also print kind, ruleset, timing, every step with its duration, and the number of rules checked. */
  verbose?: boolean;
}

interface Painter {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const COLORS: Painter = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  red: ansi(31, 39),
  green: ansi(32, 39),
  yellow: ansi(33, 39),
  cyan: ansi(36, 39),
};
const identity = (text: string) => text;
const PLAIN: Painter = {
  bold: identity,
  dim: identity,
  red: identity,
  green: identity,
  yellow: identity,
  cyan: identity,
};

// C0 and C1 control characters and bidirectional overrides: a message may quote the validated document,
// and its bytes must not move the cursor, recolour the terminal or reorder the line.
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Makes untrusted text safe to print on one terminal line. */
function clean(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (char) => {
    if (char === '\n' || char === '\r' || char === '\t') return ' ';
    const code = char.codePointAt(0) ?? 0;
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

const WORDS = {
  vi: {
    counts: (error: string, warning: string, info: string) => `${error} lỗi, ${warning} cảnh báo, ${info} thông tin`,
    subjects: (total: string, valid: string, invalid: string) =>
      `${total} đối tượng (${valid} hợp lệ, ${invalid} không hợp lệ)`,
    noSubject: 'không có đối tượng nào được kiểm tra',
    summary: 'Tổng kết',
    kind: 'loại',
    ruleset: 'bộ quy tắc',
    started: 'bắt đầu',
    duration: 'thời gian',
    steps: 'các bước',
    rulesChecked: 'số quy tắc đã kiểm tra',
  },
  en: {
    counts: (error: string, warning: string, info: string) =>
      `${error} ${error === '1' ? 'error' : 'errors'}, ${warning} ${warning === '1' ? 'warning' : 'warnings'}, ${info} info`,
    subjects: (total: string, valid: string, invalid: string) =>
      `${total} ${total === '1' ? 'subject' : 'subjects'} (${valid} valid, ${invalid} invalid)`,
    noSubject: 'no subject was checked',
    summary: 'Summary',
    kind: 'kind',
    ruleset: 'ruleset',
    started: 'started',
    duration: 'duration',
    steps: 'steps',
    rulesChecked: 'rules checked',
  },
} as const;

function paintSeverity(paint: Painter, severity: Severity, text: string): string {
  if (severity === 'error') return paint.red(text);
  if (severity === 'warning') return paint.yellow(text);
  return paint.cyan(text);
}

function countsText(counts: Report['counts'], lang: Language): string {
  return WORDS[lang].counts(
    formatCount(counts.error, lang),
    formatCount(counts.warning, lang),
    formatCount(counts.info, lang),
  );
}

function milliseconds(value: number, lang: Language): string {
  return `${formatCount(value, lang)} ms`;
}

function issueLine(issue: Issue, lang: Language, paint: Painter, severityWidth: number, ruleWidth: number): string {
  const labels = LABELS[lang];
  const parts = [
    paintSeverity(paint, issue.severity, labels.severity[issue.severity].padEnd(severityWidth)),
    paint.bold(issue.ruleId.padEnd(ruleWidth)),
  ];
  const location = formatLocation(issue.location);
  if (location !== undefined) parts.push(paint.dim(clean(location)));
  let message = clean(issue.message[lang]);
  if (issue.reference !== undefined) message += ` ${paint.dim(`[${clean(issue.reference)}]`)}`;
  parts.push(message);
  return `  ${parts.join('  ')}`;
}

function reportBlock(report: Report, lang: Language, paint: Painter, verbose: boolean): string[] {
  const labels = LABELS[lang];
  const words = WORDS[lang];
  const verdict = report.valid ? paint.bold(paint.green(labels.valid)) : paint.bold(paint.red(labels.invalid));
  const lines = [`${verdict}  ${paint.bold(clean(report.subject))}  ${countsText(report.counts, lang)}`];

  if (verbose) {
    lines.push(
      `  ${[
        `${words.kind}: ${clean(report.kind)}`,
        `${words.ruleset}: ${clean(report.ruleset.name)} ${clean(report.ruleset.version)}`,
        `${words.started}: ${report.timing.startedAt}`,
        `${words.duration}: ${milliseconds(report.timing.durationMs, lang)}`,
      ].join(' · ')}`,
    );
    if (report.steps.length > 0) {
      const steps = report.steps.map((step) => {
        const status = `${labels.stepStatus[step.status]}, ${milliseconds(step.durationMs, lang)}`;
        return `${clean(step.name)} (${step.status === 'completed' ? status : paint.red(status)})`;
      });
      lines.push(`  ${words.steps}: ${steps.join(', ')}`);
    }
    lines.push(`  ${words.rulesChecked}: ${formatCount(report.rules.length, lang)}`);
  }

  if (report.steps.length === 0) lines.push(`  ${paint.red(`! ${labels.noStepRan}`)}`);
  for (const step of incompleteSteps(report)) {
    lines.push(
      `  ${paint.red(`! ${labels.step} "${clean(step.name)}": ${labels.stepStatus[step.status]}`)} — ${clean(stepProblem(report, step)[lang])}`,
    );
  }

  const severityWidth = Math.max(...report.issues.map((issue) => labels.severity[issue.severity].length), 0);
  const ruleWidth = Math.max(...report.issues.map((issue) => issue.ruleId.length), 0);
  for (const issue of report.issues) lines.push(issueLine(issue, lang, paint, severityWidth, ruleWidth));
  return lines;
}

/**
 * Formats reports for people: per subject a header with the verdict and counts, a line per step that
 * did not complete, a line per issue (severity, rule ID, location, message, reference), and a final
 * summary over all subjects. Pure: it reads no environment; pass `color` explicitly.
 *
 * @throws {ReportError} `REPORT_INVALID` when a report is refused by `ReportSchema`; `OPTION_INVALID` for an unknown `lang`.
 */
export function formatText(reports: readonly Report[], options: TextFormatOptions = {}): string {
  const lang = languageOption(options.lang);
  const paint = options.color === true ? COLORS : PLAIN;
  const checked = checkedReports(reports, 'formatText');
  const labels = LABELS[lang];
  const words = WORDS[lang];

  const blocks = checked.map((report) => reportBlock(report, lang, paint, options.verbose === true).join('\n'));

  const valid = isValidDocumentOutcome(checked);
  const verdict = valid ? paint.bold(paint.green(labels.valid)) : paint.bold(paint.red(labels.invalid));
  let summary = `${words.summary}: ${verdict} — `;
  if (checked.length === 0) {
    summary += words.noSubject;
  } else {
    const validCount = checked.filter((report) => report.valid).length;
    const totals = { error: 0, warning: 0, info: 0 };
    for (const report of checked) {
      totals.error += report.counts.error;
      totals.warning += report.counts.warning;
      totals.info += report.counts.info;
    }
    summary += `${words.subjects(
      formatCount(checked.length, lang),
      formatCount(validCount, lang),
      formatCount(checked.length - validCount, lang),
    )}; ${countsText(totals, lang)}`;
  }
  return `${[...blocks, summary].join('\n\n')}\n`;
}
