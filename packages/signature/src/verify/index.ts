/*
 * Verification by content. Node-only, though no module here imports `node:` itself: XMLDSig runs on xml-crypto and
 * node:crypto, and edXML attachments are unzipped by @lienthong/edxml with node:zlib, so the browser entry
 * (src/browser.ts) leaves this module out. verifyFile, which reads files, lives in ./file and is exported by the
 * package entry, not by this module.
 */
export { detectSignatureFormat } from './detect';
export { VERIFICATION_REPORT_SCHEMA_ID, verificationReportJsonSchema } from './json-schema';
export {
  DEFAULT_MAX_ATTACHMENT_BYTES,
  DEFAULT_MAX_TOTAL_ATTACHMENT_BYTES,
  DEFAULT_MAX_VERIFY_BYTES,
  type VerifyOptions,
} from './options';
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
export type { SignedContent, VerificationResultWithSignedContent } from './signed-content';
export { formatVerificationText, type TextLanguage, type VerificationTextOptions } from './text';
export { verify } from './verify';
