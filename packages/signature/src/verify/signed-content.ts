/*
 * What an input's XMLDSig signature covers, handed out by `verify`/`verifyFile` when that signature passed. It is
 * a non-enumerable property of the result: the JSON report, spreading, structuredClone and JSON.stringify never
 * see it, so the verdict stays a plain value and no one computes a document-sized copy without asking for it.
 */
import type { EdxmlMessage } from '@lienthong/edxml';
import type { VerificationResult } from '../model/result';
import type { XmlSignatureVerification } from '../xmldsig';

/** The content a passed XMLDSig signature over the whole document (`URI=""`) covers, read from the signed bytes. */
export interface SignedContent {
  /**
   * The exact octets that were digested: the canonical form of the document without its signature. Made on first
   * call and then kept (as large as the document).
   */
  bytes(): Uint8Array;
  /** For an edXML envelope, the message parsed from those bytes (never from the input); undefined otherwise. */
  message(): EdxmlMessage | undefined;
}

/** What `verify` and `verifyFile` return: the result, with the signed content when there is one. */
export type VerificationResultWithSignedContent = VerificationResult & {
  /**
   * Present (non-enumerable) only when the input is XML (an edXML envelope or another XMLDSig document) whose
   * signature passed over the whole document — whatever its attachments gave.
   */
  readonly signed?: SignedContent;
};

/**
 * Adds `signed` to `result` when `verification` passed over the whole document with a single reference (an `#id`
 * reference signs one element, not the document received).
 */
export function withSignedContent(
  result: VerificationResult,
  verification: XmlSignatureVerification | undefined,
): VerificationResultWithSignedContent {
  if (verification?.indication !== 'TOTAL-PASSED' || !('signedBytes' in verification)) return result;
  if (!verification.signatures.every((signature) => signature.coverage?.kind === 'whole-document')) return result;
  const signed: SignedContent = Object.freeze({
    bytes: () => verification.signedBytes as Uint8Array,
    message: () => verification.signedMessage,
  });
  return Object.defineProperty(result, 'signed', { value: signed, enumerable: false });
}
