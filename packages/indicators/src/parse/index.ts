export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  type ParseIndicatorReportOptions,
  type ParseIndicatorReportResult,
  parseIndicatorReport,
} from './parse-indicator-report';
