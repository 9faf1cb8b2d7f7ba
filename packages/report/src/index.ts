export { createReportBuilder, type ReportBuilder, type ReportOptions } from './build/report-builder';
export { ReportError, type ReportErrorCode } from './errors';
export { shouldUseColor } from './format/color';
export {
  DEFAULT_GENERATOR,
  formatJson,
  type JsonFormatOptions,
  type ParseReportDocumentResult,
  parseReportDocument,
  type ReportDocumentIssue,
  ReportDocumentIssueSchema,
  toReportDocument,
} from './format/json';
export { REPORT_SCHEMA_ID, reportDocumentJsonSchema } from './format/json-schema';
export { formatJUnit, type JUnitFormatOptions } from './format/junit';
export {
  formatSarif,
  SARIF_SCHEMA_URI,
  type SarifFormatOptions,
  type SarifInvocation,
  type SarifLevel,
  type SarifLocation,
  type SarifLog,
  type SarifMessage,
  type SarifNotification,
  type SarifReportingDescriptor,
  type SarifResult,
  type SarifRun,
  toSarifLog,
} from './format/sarif';
export { formatText, type TextFormatOptions } from './format/text';
export {
  type Issue,
  IssueSchema,
  type Language,
  LanguageSchema,
  type LocalizedText,
  LocalizedTextSchema,
  type Location,
  LocationSchema,
  type ParamValue,
  ParamValueSchema,
  type RuleId,
  RuleIdSchema,
  type Severity,
  SeveritySchema,
} from './model/issue';
export {
  type CheckedRule,
  CheckedRuleSchema,
  countIssues,
  type IssueCounts,
  IssueCountsSchema,
  isValidDocumentOutcome,
  isValidOutcome,
  REPORT_FORMAT_VERSION,
  type Report,
  type ReportDocument,
  ReportDocumentSchema,
  type ReportGenerator,
  ReportGeneratorSchema,
  ReportSchema,
  type Ruleset,
  RulesetSchema,
  type Step,
  StepSchema,
  type StepStatus,
  StepStatusSchema,
  type Timing,
} from './model/report';
export {
  defineRule,
  defineRuleCatalog,
  type Rule,
  type RuleCatalog,
  type RuleDefinition,
} from './rules/define-rule';
export { processRules, stepCrashed, stepNotRun, stepSkipped } from './rules/process-rules';
export { formatParam, type Placeholders, renderTemplate, type TemplateParams } from './rules/template';
