/* The shapes every verification path returns, and the guard around the format verifiers. */
import type { LocalizedText } from '@lienthong/report';
import { latin1 } from '../bytes';
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

/** A CMS held as bytes, as `verifyCms` takes it: DER/BER as is; PEM or bare base64 as text, which it decodes. */
export function cmsInput(bytes: Uint8Array): Uint8Array | string {
  return isSignedDataContentInfo(bytes) ? bytes : latin1(bytes);
}

export function verifyCmsBytes(bytes: Uint8Array, settings: Settings, content: Uint8Array | undefined) {
  return verifyCms(cmsInput(bytes), cmsOptions(settings, content));
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

/** The nested result of an attachment (FileResult: its own signatures; its attachments, if any, are not opened). */
export function nestedResult(subject: string, format: FileResult['format'], outcome: Outcome): FileResult {
  return {
    subject,
    format,
    indication: outcome.indication,
    subIndication: outcome.subIndication,
    message: outcome.message,
    signatures: outcome.signatures,
  };
}
