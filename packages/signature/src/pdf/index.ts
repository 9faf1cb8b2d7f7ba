export type { Change as PdfChange, ChangeKind as PdfChangeKind } from './changes';
export {
  DEFAULT_MAX_PDF_BYTES,
  type PdfSignatureDetails,
  type PdfVerification,
  type VerifyPdfOptions,
  verifyPdf,
} from './verify';
