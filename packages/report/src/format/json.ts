import { z } from 'zod';
import { version as packageVersion } from '../../package.json';
import { LocalizedTextSchema, RULE_ID_PATTERN } from '../model/issue';
import {
  isValidDocumentOutcome,
  REPORT_FORMAT_VERSION,
  type Report,
  type ReportDocument,
  ReportDocumentSchema,
  type ReportGenerator,
} from '../model/report';
import { checkedReports } from './shared';

/** The generator recorded when none is given: this package. */
export const DEFAULT_GENERATOR: ReportGenerator = Object.freeze({ name: '@lienthong/report', version: packageVersion });

/** One reason a JSON report document was refused, in both languages. */
export const ReportDocumentIssueSchema = z.object({
  /** Where in the document, e.g. `['reports', 0, 'valid']`; empty for the whole document. */
  path: z.array(z.union([z.string(), z.number()])),
  /** A zod issue code (`invalid_type`, `custom`, …) or `invalid_json` when the text is not JSON. */
  code: z.string().min(1),
  message: LocalizedTextSchema,
});
export type ReportDocumentIssue = z.infer<typeof ReportDocumentIssueSchema>;

export type ParseReportDocumentResult =
  | { success: true; document: ReportDocument }
  | { success: false; issues: ReportDocumentIssue[] };

export interface JsonFormatOptions {
  /** Indent with two spaces and end with a newline. Default `false`: one line, no trailing newline. */
  pretty?: boolean;
  /** Recorded in the document; default {@link DEFAULT_GENERATOR}. */
  generator?: ReportGenerator;
}

/**
 * Wraps reports in the versioned JSON document described by `report.schema.json`.
 * The document is valid only when it holds at least one report and every report is valid.
 *
 * @throws {ReportError} `REPORT_INVALID` when a report is refused by `ReportSchema`.
 */
export function toReportDocument(
  reports: readonly Report[],
  generator: ReportGenerator = DEFAULT_GENERATOR,
): ReportDocument {
  const checked = checkedReports(reports, 'toReportDocument');
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    generator: { name: generator.name, version: generator.version },
    valid: isValidDocumentOutcome(checked),
    reports: checked,
  };
}

/**
 * The JSON text of {@link toReportDocument}; {@link parseReportDocument} reads it back.
 *
 * @throws {ReportError} `REPORT_INVALID` when a report is refused by `ReportSchema`.
 */
export function formatJson(reports: readonly Report[], options: JsonFormatOptions = {}): string {
  const document = toReportDocument(reports, options.generator);
  return options.pretty === true ? `${JSON.stringify(document, null, 2)}\n` : JSON.stringify(document);
}

type ZodIssue = z.core.$ZodIssue;

const zodMessages = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

/** Our own refinements carry `params.reason`; their messages are written here in both languages. */
function ownMessage(issue: ZodIssue): z.infer<typeof LocalizedTextSchema> | undefined {
  if (issue.code === 'custom') {
    const expected = issue.params?.expected === true;
    switch (issue.params?.reason) {
      case 'report-valid-derived':
        return {
          vi: `"valid" phải là ${expected}: giá trị này suy ra từ các vấn đề và các bước kiểm tra`,
          en: `valid must be ${expected}: it is derived from the issues and steps`,
        };
      case 'report-counts-derived':
        return { vi: '"counts" phải khớp với số vấn đề theo mức độ', en: 'counts must match the issues' };
      case 'document-valid-derived':
        return {
          vi: `"valid" phải là ${expected}: chỉ đúng khi có ít nhất một báo cáo và mọi báo cáo đều hợp lệ`,
          en: `valid must be ${expected}: it is true only when there is a report and every report is valid`,
        };
    }
  }
  if (issue.code === 'invalid_format' && issue.format === 'regex' && issue.pattern === String(RULE_ID_PATTERN)) {
    return { vi: 'Mã quy tắc phải có dạng EDXML-HDR-003', en: 'rule IDs look like EDXML-HDR-003' };
  }
  return undefined;
}

function zodMessage(issue: ZodIssue, lang: 'vi' | 'en'): string {
  const result = zodMessages[lang](issue as unknown as Parameters<(typeof zodMessages)['vi']>[0]);
  if (typeof result === 'string') return result;
  if (result !== undefined && result !== null && typeof result.message === 'string') return result.message;
  return issue.message;
}

function toDocumentIssue(issue: ZodIssue): ReportDocumentIssue {
  return {
    path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    code: issue.code,
    message: ownMessage(issue) ?? { vi: zodMessage(issue, 'vi'), en: zodMessage(issue, 'en') },
  };
}

/**
 * Reads a JSON report document (its text, or the value `JSON.parse` returned). Never throws on bad input:
 * it returns the document, or the reasons it was refused in Vietnamese and English. A document whose
 * `valid` flags disagree with its issues and steps is refused.
 */
export function parseReportDocument(json: unknown): ParseReportDocumentResult {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        success: false,
        issues: [
          {
            path: [],
            code: 'invalid_json',
            message: { vi: `Không phải JSON hợp lệ: ${detail}`, en: `Not valid JSON: ${detail}` },
          },
        ],
      };
    }
  }
  const result = ReportDocumentSchema.safeParse(value, { reportInput: true });
  if (result.success) return { success: true, document: result.data };
  return { success: false, issues: result.error.issues.map(toDocumentIssue) };
}
