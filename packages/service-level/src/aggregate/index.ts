export {
  type AgencyAggregation,
  type AggregateCatalogueOptions,
  type AggregationBasis,
  aggregateCatalogue,
  type CatalogueAggregation,
  type IndicatorFigure,
  type IndicatorValue,
  type LevelFigures,
} from './aggregate-catalogue';
export { type ToIndicatorReportOptions, toIndicatorReport, toIndicatorValues } from './indicator-report';
export {
  type IndicatorUnit,
  SERVICE_LEVEL_INDICATORS,
  type ServiceLevelIndicatorDefinition,
  type ServiceLevelIndicatorName,
} from './indicators';
export { AGGREGATION_RULESET, aggregateRules } from './rules';
export {
  SERVICE_LEVEL_TARGETS,
  type ServiceLevelTarget,
  type TargetCheck,
  type TargetStatus,
} from './targets';
