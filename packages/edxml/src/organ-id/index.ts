export {
  BUNDLED_ORGAN_ENTRIES,
  type BundledOrganEntry,
  bundledOrganDirectory,
  type EvidenceConfidence,
} from './bundled-directory';
export { classifyOrganId, type OrganIdKind } from './classify';
export {
  type AxisAgencyListIssue,
  type AxisAgencyListReading,
  AxisAgencyQd20EntrySchema,
  createOrganDirectory,
  type OrganDirectory,
  type OrganDirectoryEntry,
  type OrganDirectoryProblem,
  type OrganDirectoryProblemKind,
  readAxisAgencyListQd20,
} from './directory';
export {
  formatQcvn102Code,
  isQcvn102Code,
  type ParsedQcvn102Code,
  parseQcvn102Code,
  QCVN102_CODE_PATTERN_TEXT,
  QCVN102_LEVEL1_KIND_LABELS,
  type Qcvn102Level1Unit,
  type Qcvn102Levels,
  type Qcvn102LevelsInput,
  type Qcvn102ParseFailureReason,
  type Qcvn102ParseResult,
} from './qcvn102-code';
export {
  looksLikeQd20Code,
  type ParsedQd20Code,
  parseQd20Code,
  QD20_CODE_PATTERN_TEXT,
  type Qd20ParseFailureReason,
  type Qd20ParseResult,
} from './qd20-code';
