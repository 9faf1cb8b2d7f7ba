export { INDICATOR_RULES, INDICATOR_RULESET } from './rules';
export {
  type IndicatorReportValidation,
  type ValidateIndicatorReportOptions,
  validateIndicatorReport,
} from './validate-indicator-report';
