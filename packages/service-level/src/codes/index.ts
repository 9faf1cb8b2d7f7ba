export { type ParsedAgencyCode, parseAgencyCode } from './agency-code';
export { MAX_CODE_LENGTH } from './code-text';
export {
  DOSSIER_CODE_FORMAT_IN_FORCE_FROM,
  type DossierCodeParts,
  formatDossierCode,
  type ParsedDossierCode,
  parseDossierCode,
} from './dossier-code';
export { type ParsedFieldCode, parseFieldCode } from './field-code';
export type { CodeParseOptions, CodeParseResult } from './parse-result';
export { formatProcedureCode, type ParsedProcedureCode, parseProcedureCode } from './procedure-code';
export { CODE_RULESET, codeRules } from './rules';
