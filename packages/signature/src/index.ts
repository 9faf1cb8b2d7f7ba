/**
 * @lienthong/signature — verification and signing of XMLDSig, PDF and CMS signatures for the Vietnamese PKIs.
 * Node entry: everything. `./browser` (src/browser.ts) is the WebCrypto build of the verification core.
 */

export {
  type CmsVerification,
  DEFAULT_MAX_CMS_BYTES,
  type SignCmsOptions,
  signCmsAttached,
  signCmsDetached,
  type VerifyCmsOptions,
  verifyCms,
} from './cms';
export { SignatureError, type SignatureErrorCode } from './errors';
export * from './model/result';
export {
  DEFAULT_MAX_PDF_BYTES,
  type PdfChange,
  type PdfChangeKind,
  type PdfSignatureDetails,
  type PdfVerification,
  type VerifyPdfOptions,
  verifyPdf,
} from './pdf';
export {
  DEFAULT_MAX_PKCS12_BYTES,
  DEFAULT_MAX_PKCS12_ITERATIONS,
  type PemCredential,
  type Pkcs12Contents,
  type Pkcs12Credential,
  type Pkcs12Protection,
  type ReadPkcs12Options,
  readPkcs12,
  type SigningCredential,
} from './pkcs12';
export * from './pkix';
export {
  addSignatureTimestamp,
  cmsSignatureValue,
  createTimestampRequest,
  MAX_TIMESTAMP_TOKEN_BYTES,
  readTimestampResponse,
  type TimestampInfo,
  type TimestampRequest,
  type TimestampRequestOptions,
  type TimestampResponse,
  type TimestampVerification,
  type VerifyTimestampOptions,
  verifyTimestampToken,
} from './timestamp';
export * from './verify';
export { verifyFile } from './verify/file';
export * from './xmldsig';
