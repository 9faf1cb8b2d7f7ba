export {
  type ApplicableClassification,
  type ClassifyServiceOptions,
  classifyService,
  compareDeclaredValues,
  type DeclaredComparison,
  type DeclaredValueComparison,
  type ServiceClassification,
} from './classify-service';
export { enumerateCapabilities, type LevelCategoryRow, levelCategoryCorrespondence } from './correspondence';
export {
  categoryOfVendorCode,
  classifyNd42,
  ND42_CATEGORY_LABELS,
  type Nd42Classification,
  type Nd42Criterion,
  type Nd42CriterionId,
  type Nd42CriterionRole,
  vendorCode,
} from './nd42-category';
export {
  classifyNd43,
  type Nd43Classification,
  type Nd43Criterion,
  type Nd43CriterionId,
  type Nd43CriterionLevel,
} from './nd43-level';
export { RESULT_CHANNEL_LABELS } from './result-channels';
export {
  CLASSIFICATION_RULESET,
  classificationRules,
  dateInvalid,
  declaredCategoryDiffers,
  declaredLevelDiffers,
  declaredVendorCodeDiffers,
  periodReversed,
  periodStraddlesSchemes,
} from './rules';
export {
  type DayInput,
  ND42_FIRST_DAY,
  ND43_LAST_DAY,
  type SchemeOnResult,
  type SchemePeriod,
  type SchemeSegment,
  type SchemesForPeriodResult,
  schemeOn,
  schemesForPeriod,
} from './scheme';
