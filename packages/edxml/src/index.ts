/**
 * @lienthong/edxml — the edXML envelope of QCVN 102:2016/BTTTT: model, tolerant and strict reading,
 * validation, serialization, builders, status lifecycle, organisation codes, attachments and streaming.
 */

export { type ContentKind, detectContentKind } from './attachment/content-kind';
// Attachments
export { type DecodedAttachment, decodeAttachment } from './attachment/decode';
export {
  type AttachmentDescription,
  type AttachmentInput,
  type BusinessOperation,
  type CreateDocumentInput,
  contentTypeOfName,
  createDocument,
  describeAttachment,
} from './build/create-document';
export {
  type CreateDocumentStreamInput,
  createDocumentStream,
  type DocumentStream,
  type StreamedAttachmentSource,
} from './build/create-document-stream';
export { type CreateStatusInput, createStatus, responseForOf } from './build/create-status';
export { EdxmlError, type EdxmlErrorCode } from './errors';
export type { LocationIndex } from './findings';
// Status lifecycle, organisation codes, Vietnam time
export * from './lifecycle';
// Model (zod schemas are the single source of the types)
export * from './model/attachment';
export * from './model/codes';
export * from './model/document';
export * from './model/message';
export { EDXML_NAMESPACE, EDXML_PREFIX, XLINK_NAMESPACE, XMLDSIG_NAMESPACE } from './model/namespaces';
export * from './model/organization';
export * from './organ-id';
export {
  DEFAULT_LIMITS,
  type EdxmlLimits,
  type ParseOptions,
  type ReadMode,
  type ValidateOptions,
} from './parse/options';
// Reading and validating
export {
  type EdxmlParseResult,
  parseEdxml,
  validateEdxml,
  validateMessage,
} from './parse/parse-edxml';
// Rules (data)
export { EDXML_RULESET, edxmlRules, TOLERATED_QUIRK_RULE_IDS } from './rules/catalog';
// Writing and building
export { serializeEdxml, serializeEdxmlToBytes } from './serialize/serialize';
export type { ByteSource } from './stream/byte-source';

// Streaming
export {
  type EdxmlStreamReader,
  readEdxmlStream,
  type StreamedAttachment,
  type StreamedHeader,
  type StreamedPart,
  type StreamedResult,
} from './stream/read-stream';
export { type StreamedAttachmentInput, writeEdxmlStream } from './stream/write-stream';
export * from './time';
export { normalizeContentId } from './validate/attachments';
export { type DocumentIdParts, formatDocumentId, parseDocumentId } from './validate/document-id';
export { DEFAULT_LENGTH_PROFILE, type LengthProfile } from './validate/length-profile';
