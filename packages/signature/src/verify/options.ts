import type { VerifyCmsOptions } from '../cms';
import { positiveIntegerOption, SignatureError } from '../errors';
import { DEFAULT_MAX_PDF_BYTES, type VerifyPdfOptions } from '../pdf';
import type { RevocationInputs, TrustStore } from '../pkix';
import { checkRevocationInputs } from '../pkix/revocation';
import type { CoveragePolicy, RevocationPolicy, VerifyXmlSignatureOptions } from '../xmldsig';

/** The default cap on an input verified by content: the largest of the format verifiers' caps (PDF, 256 MiB). */
export const DEFAULT_MAX_VERIFY_BYTES = DEFAULT_MAX_PDF_BYTES;
/** The default cap on one decoded edXML attachment (as `@lienthong/edxml` reads them): 100 MiB. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;
/**
 * The default cap on all decoded attachments of one envelope together: 512 MiB. The input cap alone does not
 * bound them: a ZIP-wrapped attachment of a hundred kilobytes can inflate to `maxAttachmentBytes`.
 */
export const DEFAULT_MAX_TOTAL_ATTACHMENT_BYTES = 512 * 1024 * 1024;

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
  /**
   * Largest total of an envelope's decoded attachments, in bytes; default 512 MiB. Attachments past it are not
   * decoded and are reported as undecodable (the file is then INDETERMINATE), never dropped.
   */
  readonly maxTotalAttachmentBytes?: number;
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
  readonly maxTotalAttachmentBytes: number;
  readonly options: VerifyOptions;
}

const REVOCATION_POLICIES: readonly unknown[] = ['require', 'if-available', 'skip'];

/**
 * Throws SignatureError (INVALID_ARGUMENT) for programmer errors — every option, whatever the input turns out to
 * be, so that the same options are refused for a PDF and for an edXML alike, before anything is read.
 */
export function resolveSettings(options: VerifyOptions | undefined): Settings {
  const invalid = (message: string): never => {
    throw new SignatureError('INVALID_ARGUMENT', message);
  };
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
  const optionalBoolean = (value: unknown, name: string) => {
    if (value !== undefined && typeof value !== 'boolean') invalid(`options.${name} must be a boolean`);
  };
  if (!isObject(options)) return invalid('options { trust } are required');
  if (!isObject(options.trust) || !Array.isArray(options.trust.anchors))
    invalid('options.trust must be a TrustStore from createTrustStore()');
  const at = options.at ?? new Date();
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) invalid('options.at must be a valid Date');
  if (options.subject !== undefined && typeof options.subject !== 'string') invalid('options.subject must be a string');
  if (options.detachedContent !== undefined && !(options.detachedContent instanceof Uint8Array))
    invalid('options.detachedContent must be a Uint8Array');
  const { intermediates, xml, cms } = options;
  if (
    intermediates !== undefined &&
    !(
      Array.isArray(intermediates) &&
      intermediates.every((item) => item instanceof Uint8Array || typeof item === 'string')
    )
  )
    invalid('options.intermediates must be an array of Uint8Array (DER) or string (PEM)');
  if (options.revocation !== undefined) checkRevocationInputs(options.revocation, 'verify');
  if (options.revocationPolicy !== undefined && !REVOCATION_POLICIES.includes(options.revocationPolicy))
    invalid("options.revocationPolicy must be 'require', 'if-available' or 'skip'");
  optionalBoolean(options.allowSha1, 'allowSha1');
  if (xml !== undefined) {
    if (!isObject(xml)) invalid('options.xml must be an object');
    optionalBoolean(xml.allowWithComments, 'xml.allowWithComments');
    const coverage: unknown = xml.coverage;
    if (
      coverage !== undefined &&
      coverage !== 'whole-document' &&
      !(isObject(coverage) && coverage.allowIdReferences === true)
    )
      invalid("options.xml.coverage must be 'whole-document' or { allowIdReferences: true }");
  }
  if (cms !== undefined) {
    if (!isObject(cms)) invalid('options.cms must be an object');
    optionalBoolean(cms.allowNoSignedAttributes, 'cms.allowNoSignedAttributes');
  }
  return {
    subject: options.subject ?? DEFAULT_SUBJECT,
    at,
    maxBytes: positiveIntegerOption(options.maxBytes, 'maxBytes', DEFAULT_MAX_VERIFY_BYTES),
    maxAttachmentBytes: positiveIntegerOption(
      options.maxAttachmentBytes,
      'maxAttachmentBytes',
      DEFAULT_MAX_ATTACHMENT_BYTES,
    ),
    maxTotalAttachmentBytes: positiveIntegerOption(
      options.maxTotalAttachmentBytes,
      'maxTotalAttachmentBytes',
      DEFAULT_MAX_TOTAL_ATTACHMENT_BYTES,
    ),
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
