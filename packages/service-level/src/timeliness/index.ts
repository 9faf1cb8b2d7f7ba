export {
  type ClassifyTimelinessOptions,
  classifyTimeliness,
  type TimelinessClassification,
  type TimelinessComparison,
  type TimelinessNotClassified,
  type TimelinessResult,
} from './classify-timeliness';
export { TIMELINESS_GRANULARITIES, type TimelinessGranularityInfo } from './granularities';
export type { TimelinessRate } from './rate';
export {
  dueBeforeReceived,
  dueOutsideWorkingHours,
  pendingWithoutReferenceTime,
  receivedAfterReferenceTime,
  returnedBeforeReceived,
  timelinessRuleCatalog,
  timelinessRules,
  timeMissing,
  timeUnreadable,
} from './rules';
export {
  type DossierPlacement,
  type TimelinessStatistics,
  type TimelinessStatisticsOptions,
  timelinessStatistics,
} from './timeliness-statistics';
export {
  type ClockRange,
  createWorkingCalendar,
  type HalfDayHours,
  type HalfDayPart,
  OPENCPS_DEFAULT_WORKING_HOURS,
  WEEKDAYS,
  type Weekday,
  type WorkingCalendar,
  type WorkingCalendarDescription,
  type WorkingCalendarOptions,
  type WorkingDuration,
  type WorkingHalfDay,
} from './working-calendar';
