export { ReportError, type ReportErrorCode } from './errors';
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
  isValidOutcome,
  REPORT_FORMAT_VERSION,
  type Report,
  type ReportDocument,
  ReportDocumentSchema,
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
export { createReportBuilder, type ReportBuilder, type ReportOptions } from './build/report-builder';
