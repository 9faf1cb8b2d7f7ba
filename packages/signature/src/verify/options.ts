import type { VerifyCmsOptions } from '../cms';
import { SignatureError } from '../errors';
import { DEFAULT_MAX_PDF_BYTES, type VerifyPdfOptions } from '../pdf';
import type { RevocationInputs, TrustStore } from '../pkix';
import type { CoveragePolicy, RevocationPolicy, VerifyXmlSignatureOptions } from '../xmldsig';

/** The default cap on an input verified by content: the largest of the format verifiers' caps (PDF, 256 MiB). */
export const DEFAULT_MAX_VERIFY_BYTES = DEFAULT_MAX_PDF_BYTES;
/** The default cap on one decoded edXML attachment (as `@lienthong/edxml` reads them): 100 MiB. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

export interface VerifyOptions {
  /** Trust anchors (explicit configuration only), for every signature of the input and of its attachments. */
  readonly trust: TrustStore;
  /** Extra intermediate CA certificates (DER or PEM) for path building; never trusted by themselves. */
  readonly intermediates?: readonly (Uint8Array | string)[];
  /** One validation time for the whole input, attachments included; default now. */
  readonly at?: Date;
  /** CRLs, OCSP responses, fetch hook and URL rewrites. */
  readonly revocation?: RevocationInputs;
  /** `require` (default): no revocation evidence means INDETERMINATE/TRY_LATER. */
  readonly revocationPolicy?: RevocationPolicy;
  /** Accept SHA-1, reported as `legacy: true`. Default false. */
  readonly allowSha1?: boolean;
  /** The name of the input in the result (a file path); default `input`. */
  readonly subject?: string;
  /** The signed content of a detached CMS given as the input. */
  readonly detachedContent?: Uint8Array;
  /**
   * Largest input accepted, in bytes, checked before anything is read; default 256 MiB. When given, it is also
   * the cap passed to the format verifiers (otherwise each keeps its own default).
   */
  readonly maxBytes?: number;
  /** Largest decoded edXML attachment, in bytes; default 100 MiB. */
  readonly maxAttachmentBytes?: number;
  /** XMLDSig policy for XML inputs and edXML envelopes. */
  readonly xml?: {
    readonly allowWithComments?: boolean;
    readonly coverage?: CoveragePolicy;
  };
  /** CMS policy for CMS inputs and CMS attachments. */
  readonly cms?: {
    readonly allowNoSignedAttributes?: boolean;
  };
}

export const DEFAULT_SUBJECT = 'input';

/** The options checked once, with one validation time for everything verified under them. */
export interface Settings {
  readonly subject: string;
  readonly at: Date;
  readonly maxBytes: number;
  readonly maxAttachmentBytes: number;
  readonly options: VerifyOptions;
}

/** Throws SignatureError for programmer errors (wrong types); the format verifiers check the rest. */
export function resolveSettings(options: VerifyOptions | undefined): Settings {
  if (options === null || typeof options !== 'object')
    throw new SignatureError('INVALID_ARGUMENT', 'options { trust } are required');
  if (options.trust === null || typeof options.trust !== 'object' || !Array.isArray(options.trust.anchors))
    throw new SignatureError('INVALID_ARGUMENT', 'options.trust must be a TrustStore from createTrustStore()');
  const at = options.at ?? new Date();
  if (!(at instanceof Date) || Number.isNaN(at.getTime()))
    throw new SignatureError('INVALID_ARGUMENT', 'options.at must be a valid Date');
  if (options.subject !== undefined && typeof options.subject !== 'string')
    throw new SignatureError('INVALID_ARGUMENT', 'options.subject must be a string');
  if (options.detachedContent !== undefined && !(options.detachedContent instanceof Uint8Array))
    throw new SignatureError('INVALID_ARGUMENT', 'options.detachedContent must be a Uint8Array');
  const positive = (value: number | undefined, name: string, fallback: number): number => {
    if (value === undefined) return fallback;
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new SignatureError('INVALID_ARGUMENT', `options.${name} must be a positive integer`);
    return value;
  };
  return {
    subject: options.subject ?? DEFAULT_SUBJECT,
    at,
    maxBytes: positive(options.maxBytes, 'maxBytes', DEFAULT_MAX_VERIFY_BYTES),
    maxAttachmentBytes: positive(options.maxAttachmentBytes, 'maxAttachmentBytes', DEFAULT_MAX_ATTACHMENT_BYTES),
    options,
  };
}

/** What every format verifier shares: trust, time, revocation, legacy algorithms. */
function common(settings: Settings) {
  const { options } = settings;
  return {
    trust: options.trust,
    at: settings.at,
    ...(options.intermediates !== undefined ? { intermediates: options.intermediates } : {}),
    ...(options.revocation !== undefined ? { revocation: options.revocation } : {}),
    ...(options.revocationPolicy !== undefined ? { revocationPolicy: options.revocationPolicy } : {}),
    ...(options.allowSha1 !== undefined ? { allowSha1: options.allowSha1 } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  };
}

export function pdfOptions(settings: Settings): VerifyPdfOptions {
  return common(settings);
}

export function cmsOptions(settings: Settings, content: Uint8Array | undefined): VerifyCmsOptions {
  const allowNoSignedAttributes = settings.options.cms?.allowNoSignedAttributes;
  return {
    ...common(settings),
    ...(content !== undefined ? { content } : {}),
    ...(allowNoSignedAttributes !== undefined ? { allowNoSignedAttributes } : {}),
  };
}

export function xmlOptions(settings: Settings): VerifyXmlSignatureOptions {
  const xml = settings.options.xml ?? {};
  return {
    ...common(settings),
    ...(xml.allowWithComments !== undefined ? { allowWithComments: xml.allowWithComments } : {}),
    ...(xml.coverage !== undefined ? { coverage: xml.coverage } : {}),
  };
}
