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
export { decimalsOfNumber, decimalsOfValue, roundToDecimals } from './decimals';
export { catalogueIndex, figureOrder, type OrderedFigure } from './order';
