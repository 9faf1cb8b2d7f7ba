/**
 * @lienthong/signature — verification and signing of XMLDSig, PDF and CMS signatures for the Vietnamese PKIs.
 * Work in progress: the result model, certificates, trust, chains and revocation come first, then CMS,
 * XMLDSig and PDF.
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
export * from './pkix';
export * from './xmldsig';
