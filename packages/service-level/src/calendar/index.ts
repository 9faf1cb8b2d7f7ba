export {
  parseVietnamTime,
  type TimeAnchor,
  type TimeInput,
  type TimeParseFailureReason,
  toVietnamIsoString,
  VIETNAM_UTC_OFFSET_MINUTES,
  type VietnamTimeParseResult,
} from './vietnam-time';
