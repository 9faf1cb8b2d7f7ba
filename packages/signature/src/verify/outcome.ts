/* The shapes every verification path returns, and the guard around the format verifiers. */
import type { LocalizedText } from '@lienthong/report';
import { verifyCms } from '../cms';
import { SignatureError } from '../errors';
import type {
  DetectedFormat,
  FileResult,
  Indication,
  InputError,
  SignatureResult,
  SubIndication,
  VerificationResult,
} from '../model/result';
import { isSignedDataContentInfo } from './detect';
import { MSG } from './messages';
import { cmsOptions, type Settings } from './options';

/** What every format verifier returns. */
export interface Outcome {
  readonly indication: Indication;
  readonly subIndication: SubIndication | null;
  readonly message: LocalizedText;
  readonly signatures: SignatureResult[];
}

/** A CMS as bytes: DER/BER as is; PEM or bare base64 as text, which `verifyCms` decodes. */
export function verifyCmsBytes(bytes: Uint8Array, settings: Settings, content: Uint8Array | undefined) {
  const cms = isSignedDataContentInfo(bytes) ? bytes : new TextDecoder('latin1').decode(bytes);
  return verifyCms(cms, cmsOptions(settings, content));
}

/**
 * Runs a format verifier. They do not throw for bad input; should one throw all the same (a defect), the result
 * is INDETERMINATE with the reason — never "unsigned", never "valid". Invalid options still throw.
 */
export async function guarded(run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    const { indication, subIndication, message, signatures } = await run();
    return { indication, subIndication, message, signatures };
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    return {
      indication: 'INDETERMINATE',
      subIndication: 'FORMAT_FAILURE',
      message: MSG.internal(detail),
      signatures: [],
    };
  }
}

export function fileResult(settings: Settings, format: DetectedFormat, outcome: Outcome): VerificationResult {
  return {
    subject: settings.subject,
    format,
    indication: outcome.indication,
    subIndication: outcome.subIndication,
    message: outcome.message,
    signatures: outcome.signatures,
    validatedAt: settings.at.toISOString(),
    attachments: [],
    error: null,
  };
}

/** Nothing could be verified: the input was not read (I/O) or was refused before reading (size). */
export function inputFailure(settings: Pick<Settings, 'subject' | 'at'>, error: InputError): VerificationResult {
  return {
    subject: settings.subject,
    format: 'unknown',
    indication: 'INDETERMINATE',
    subIndication: null,
    message: error.message,
    signatures: [],
    validatedAt: settings.at.toISOString(),
    attachments: [],
    error,
  };
}

/** The nested result of an attachment (FileResult: a PDF or a CMS has no attachments of its own). */
export function nestedResult(subject: string, format: 'pdf' | 'cms', outcome: Outcome): FileResult {
  return {
    subject,
    format,
    indication: outcome.indication,
    subIndication: outcome.subIndication,
    message: outcome.message,
    signatures: outcome.signatures,
  };
}
