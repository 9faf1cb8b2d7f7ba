export * from './catalogue';
export {
  type CompareOptions,
  type ComparisonDirection,
  type ComparisonKind,
  compareIndicatorReports,
  type DeltaUnit,
  type IndicatorComparisonRow,
  type IndicatorReportComparison,
  type NotComparableReason,
} from './compare';
export { type DeriveIndicatorsOptions, deriveIndicators } from './derive';
export { IndicatorsError, type IndicatorsErrorCode } from './errors';
export * from './model/indicator';
export * from './model/report';
export { combinedTiersName, TIER_NAMES } from './model/tier-names';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  type ParseIndicatorReportOptions,
  type ParseIndicatorReportResult,
  parseIndicatorReport,
} from './parse';
export {
  formatIndicatorValue,
  formatIsoDate,
  formatNumber,
  formatPeriod,
  type RenderOptions,
  type ReportRenderOptions,
  renderComparisonHtml,
  renderComparisonMarkdown,
  renderReportHtml,
  renderReportMarkdown,
} from './render';
export { INDICATOR_REPORT_SCHEMA_ID, indicatorReportJsonSchema } from './schema';
export {
  INDICATOR_RULES,
  INDICATOR_RULESET,
  type IndicatorReportValidation,
  type ValidateIndicatorReportOptions,
  validateIndicatorReport,
} from './validate';
