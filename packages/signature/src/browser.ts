/**
 * @lienthong/signature/browser — the verification core for web pages, on WebCrypto: certificates, trust stores,
 * certification paths with CRL/OCSP revocation, CMS/PKCS#7 and PDF signature verification, with the same results
 * as in Node. Built with the `browser` import condition (package.json "imports"), so nothing here reaches a
 * `node:` module. Not here, Node-only (main entry): signing, PKCS#12, XMLDSig/edXML verification (xml-crypto),
 * `verify(file)`, and trust anchors read from files (`createTrustStore({ files })` throws; pass `anchors`).
 * Revocation data comes from the caller (`revocation.crls`, `ocspResponses`, or a `fetch` hook).
 */

export { type CmsVerification, DEFAULT_MAX_CMS_BYTES, type VerifyCmsOptions, verifyCms } from './cms/verify';
export { SignatureError, type SignatureErrorCode } from './errors';
export * from './model/result';
export type { Change as PdfChange, ChangeKind as PdfChangeKind } from './pdf/changes';
export {
  DEFAULT_MAX_PDF_BYTES,
  type PdfSignatureDetails,
  type PdfVerification,
  type VerifyPdfOptions,
  verifyPdf,
} from './pdf/verify';
export * from './pkix';
