/*
 * Verification by content, for every runtime: no Node-only import here (verifyFile, which reads files, lives in
 * ./file and is exported by the package entry, not by this module).
 */
export { detectSignatureFormat } from './detect';
export { VERIFICATION_REPORT_SCHEMA_ID, verificationReportJsonSchema } from './json-schema';
export { DEFAULT_MAX_ATTACHMENT_BYTES, DEFAULT_MAX_VERIFY_BYTES, type VerifyOptions } from './options';
export {
  DEFAULT_REPORT_GENERATOR,
  type ReportAttachment,
  ReportAttachmentSchema,
  type ReportCertificate,
  ReportCertificateSchema,
  type ReportEntry,
  ReportEntrySchema,
  type ReportSignature,
  ReportSignatureSchema,
  toVerificationReport,
  toVerificationReportJson,
  VERIFICATION_REPORT_SCHEMA_VERSION,
  type VerificationReport,
  VerificationReportSchema,
} from './report';
export { formatVerificationText, type TextLanguage, type VerificationTextOptions } from './text';
export { verify } from './verify';
