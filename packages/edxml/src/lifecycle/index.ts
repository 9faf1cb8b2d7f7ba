export {
  isKnownStatusCode,
  KNOWN_STATUS_CODES,
  type KnownStatusCode,
  STATUS_CODES,
  type StatusCode,
  type StatusCodeInfo,
  type StatusDirection,
  type StatusRole,
  statusCodeInfo,
} from './status-codes';
export {
  canTransition,
  findStatusTransitionRule,
  nextStatuses,
  STATUS_TRANSITIONS,
  type StatusTransitionKind,
  type StatusTransitionRule,
} from './transitions';
export {
  type StatusHistoryEntry,
  type StatusHistoryFinding,
  type StatusHistoryFindingKind,
  type StatusHistoryOptions,
  validateStatusHistory,
} from './validate-history';
