/*
 * One entry point for any signed input: the format is detected from the bytes (never from a file name), the
 * matching verifier runs with the caller's policy and one validation time, and an edXML envelope is verified with
 * its attachments (edxml.ts). Bad input never throws: it gives an INDETERMINATE result that says why.
 */
import { SignatureError } from '../errors';
import { verifyPdf } from '../pdf';
import { verifyXmlSignature, type XmlSignatureVerification } from '../xmldsig';
import { detectSignatureFormat } from './detect';
import { verifyEdxml } from './edxml';
import { MSG } from './messages';
import { pdfOptions, resolveSettings, type Settings, type VerifyOptions, xmlOptions } from './options';
import { fileResult, guarded, inputFailure, verifyCmsBytes } from './outcome';
import { type VerificationResultWithSignedContent, withSignedContent } from './signed-content';

/**
 * Verifies whatever `input` is — a PDF, a CMS/PKCS#7 signature (DER, PEM or base64), an edXML envelope (with its
 * PDF, CMS and XMLDSig-signed XML attachments, see `verifyEdxml` for how the overall indication is decided) or another XMLDSig-signed
 * XML document — and returns one result for the whole input. Throws SignatureError only for invalid options.
 * When the input is XML whose signature passed over the whole document, `result.signed` (non-enumerable, never
 * in the JSON report) gives what was signed.
 *
 * @example
 * const result = await verify(readFileSync('cong-van.edxml'), {
 *   trust: createTrustStore({ vietnameseRoots: ['vgca-root-g2', 'vn-national-root'] }),
 *   subject: 'cong-van.edxml',
 * });
 * console.log(formatVerificationText(result)); // in Vietnamese
 */
export async function verify(input: Uint8Array, options: VerifyOptions): Promise<VerificationResultWithSignedContent> {
  if (!(input instanceof Uint8Array)) throw new SignatureError('INVALID_ARGUMENT', 'input must be a Uint8Array');
  const settings = resolveSettings(options);
  return verifyBytes(input, settings);
}

export async function verifyBytes(input: Uint8Array, settings: Settings): Promise<VerificationResultWithSignedContent> {
  if (input.length > settings.maxBytes) {
    const message = MSG.tooLarge(input.length, settings.maxBytes);
    return inputFailure(settings, { code: 'too-large', message, detail: null });
  }
  const format = detectSignatureFormat(input);
  switch (format) {
    case 'pdf':
      return fileResult(settings, 'pdf', await guarded(() => verifyPdf(input, pdfOptions(settings))));
    case 'cms': {
      const content = settings.options.detachedContent;
      return fileResult(settings, 'cms', await guarded(() => verifyCmsBytes(input, settings, content)));
    }
    case 'xmldsig': {
      let verification: XmlSignatureVerification | undefined;
      const outcome = await guarded(async () => {
        verification = await verifyXmlSignature(input, xmlOptions(settings));
        return verification;
      });
      return withSignedContent(fileResult(settings, 'xmldsig', outcome), verification);
    }
    case 'edxml':
      return verifyEdxml(input, settings);
    default:
      return fileResult(settings, 'unknown', {
        indication: 'INDETERMINATE',
        subIndication: 'FORMAT_FAILURE',
        message: MSG.unknownFormat,
        signatures: [],
      });
  }
}
