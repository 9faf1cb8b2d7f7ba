import { LocalizedTextSchema } from '@lienthong/report';
import { z } from 'zod';

/*
 * One result model for every signature format (XMLDSig, PDF, CMS), after ETSI EN 319 102-1: an indication,
 * a sub-indication saying why, and everything a reader needs to judge the signature — signer, chain, what was
 * signed, when, and the revocation evidence used — with messages in Vietnamese and English.
 */

/** ETSI EN 319 102-1 main indication. */
export const IndicationSchema = z.enum(['TOTAL-PASSED', 'TOTAL-FAILED', 'INDETERMINATE']);
export type Indication = z.infer<typeof IndicationSchema>;

/** ETSI EN 319 102-1 sub-indications used here (TOTAL-FAILED ones first, then INDETERMINATE ones). */
export const SubIndicationSchema = z.enum([
  // TOTAL-FAILED
  'FORMAT_FAILURE',
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'REVOKED',
  'NOT_YET_VALID',
  // INDETERMINATE
  'SIG_CONSTRAINTS_FAILURE',
  'CHAIN_CONSTRAINTS_FAILURE',
  'CERTIFICATE_CHAIN_GENERAL_FAILURE',
  'CRYPTO_CONSTRAINTS_FAILURE',
  'EXPIRED',
  'OUT_OF_BOUNDS_NO_POE',
  'OUT_OF_BOUNDS_NOT_REVOKED',
  'NO_CERTIFICATE_CHAIN_FOUND',
  'NO_SIGNING_CERTIFICATE_FOUND',
  'REVOKED_NO_POE',
  'REVOKED_CA_NO_POE',
  'TRY_LATER',
  'SIGNED_DATA_NOT_FOUND',
  'POLICY_PROCESSING_ERROR',
]);
export type SubIndication = z.infer<typeof SubIndicationSchema>;

/** One attribute of a distinguished name, in the order of the certificate, parsed from ASN.1. */
export const NameAttributeSchema = z.object({
  /** Dotted OID, e.g. `2.5.4.3`. */
  oid: z.string(),
  /** Short name when known (`CN`, `O`, `OU`, `L`, `ST`, `C`, `UID`, `E`, `organizationIdentifier`, …). */
  name: z.string(),
  value: z.string(),
});
export type NameAttribute = z.infer<typeof NameAttributeSchema>;

/** A distinguished name: its attributes in order, and an RFC 4514 string for display only. */
export const DistinguishedNameSchema = z.object({
  attributes: z.array(NameAttributeSchema),
  /** For display; never parse it back (quoted commas, multi-valued RDNs). */
  text: z.string(),
});
export type DistinguishedName = z.infer<typeof DistinguishedNameSchema>;

/** Vietnamese identifiers carried in a certificate (UID `MST:…`, `CCCD:…`, …, or organizationIdentifier). */
export const IdentifierSchema = z.object({
  type: z.enum(['MST', 'CCCD', 'CMND', 'HC', 'MNS', 'organizationIdentifier', 'other']),
  value: z.string(),
  /** The attribute it came from, as written (e.g. `UID=MST:0100686209-199`). */
  source: z.string(),
});
export type Identifier = z.infer<typeof IdentifierSchema>;

/** A certificate as reported: who, by whom, when, and how to recognise it. */
export const CertificateInfoSchema = z.object({
  subject: DistinguishedNameSchema,
  issuer: DistinguishedNameSchema,
  serialNumber: z.string(),
  notBefore: z.iso.datetime({ offset: true }),
  notAfter: z.iso.datetime({ offset: true }),
  /** SHA-256 of the DER, upper-case hex. */
  fingerprintSha256: z.string(),
  identifiers: z.array(IdentifierSchema),
});
export type CertificateInfo = z.infer<typeof CertificateInfoSchema>;

/** A link of the certification path, signer first, trust anchor last. */
export const ChainEntrySchema = CertificateInfoSchema.extend({
  /** Where the certificate came from: a configured trust anchor, the signature itself, or the caller. */
  source: z.enum(['trust-anchor', 'embedded', 'supplied']),
});
export type ChainEntry = z.infer<typeof ChainEntrySchema>;

/** The revocation status found for one certificate of the chain, and from what. */
export const RevocationEvidenceSchema = z.object({
  certificateFingerprintSha256: z.string(),
  source: z.enum(['crl', 'ocsp', 'none']),
  status: z.enum(['good', 'revoked', 'unknown']),
  /** RFC 5280 reason when revoked (`keyCompromise`, `certificateHold`, …). */
  reason: z.string().optional(),
  revokedAt: z.iso.datetime({ offset: true }).optional(),
  /** thisUpdate of the CRL or OCSP response used. */
  thisUpdate: z.iso.datetime({ offset: true }).optional(),
  nextUpdate: z.iso.datetime({ offset: true }).optional(),
});
export type RevocationEvidence = z.infer<typeof RevocationEvidenceSchema>;

/** When the signature was made: a claim of the signer unless a trusted timestamp backs it. */
export const SigningTimeSchema = z.object({
  claimed: z.iso.datetime({ offset: true }).optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  /** The time certificates were validated at (the timestamp, or the validation time). */
  validatedAt: z.iso.datetime({ offset: true }),
});
export type SigningTime = z.infer<typeof SigningTimeSchema>;

/** What a signature covers. */
export const CoverageSchema = z.object({
  kind: z.enum(['whole-document', 'partial-document', 'detached-content', 'attached-content', 'references']),
  /** Human description, e.g. "bytes 0–153 and 3379–4654 of 4654" or "URI=\"\" (whole envelope)". */
  description: z.string(),
  /** For PDFs: bytes after the signed revision (0 when the signature covers the whole file). */
  unsignedTrailingBytes: z.number().int().nonnegative().optional(),
});
export type Coverage = z.infer<typeof CoverageSchema>;

/** One check the verifier made, for diagnostics (the indication is derived from the failed ones). */
export const CheckSchema = z.object({
  id: z.string(),
  passed: z.boolean(),
  message: LocalizedTextSchema,
});
export type Check = z.infer<typeof CheckSchema>;

export const SignatureFormatSchema = z.enum(['xmldsig', 'pdf', 'cms']);
export type SignatureFormat = z.infer<typeof SignatureFormatSchema>;

/** The outcome for one signature. */
export const SignatureResultSchema = z.object({
  format: SignatureFormatSchema,
  indication: IndicationSchema,
  subIndication: SubIndicationSchema.nullable(),
  message: LocalizedTextSchema,
  signer: CertificateInfoSchema.nullable(),
  chain: z.array(ChainEntrySchema),
  signingTime: SigningTimeSchema,
  coverage: CoverageSchema.nullable(),
  revocation: z.array(RevocationEvidenceSchema),
  algorithms: z.object({ digest: z.string().nullable(), signature: z.string().nullable() }),
  /** True when accepted only because the caller allowed a legacy algorithm (SHA-1). */
  legacy: z.boolean(),
  checks: z.array(CheckSchema),
});
export type SignatureResult = z.infer<typeof SignatureResultSchema>;

/** The outcome for one file: every signature, and the overall indication. */
export const FileResultSchema = z.object({
  subject: z.string(),
  format: z.enum(['edxml', 'xmldsig', 'pdf', 'cms']),
  indication: IndicationSchema,
  subIndication: SubIndicationSchema.nullable(),
  message: LocalizedTextSchema,
  signatures: z.array(SignatureResultSchema),
});
export type FileResult = z.infer<typeof FileResultSchema>;

const SEVERITY: Record<Indication, number> = { 'TOTAL-PASSED': 0, INDETERMINATE: 1, 'TOTAL-FAILED': 2 };

/**
 * The overall indication of a file: the worst of its signatures; a file with no signature, or whose
 * processing failed, is never TOTAL-PASSED.
 */
export function overallIndication(signatures: readonly Pick<SignatureResult, 'indication' | 'subIndication'>[]): {
  indication: Indication;
  subIndication: SubIndication | null;
} {
  if (signatures.length === 0) return { indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' };
  let worst = signatures[0] as Pick<SignatureResult, 'indication' | 'subIndication'>;
  for (const signature of signatures)
    if (SEVERITY[signature.indication] > SEVERITY[worst.indication]) worst = signature;
  return { indication: worst.indication, subIndication: worst.subIndication };
}

/*
 * The result of verifying one input whose format was detected by content (`verify`, `verifyFile`): the fields of
 * FileResult, plus the attachments of an edXML envelope and, when the input could not be read at all, an error.
 */

/** A format detected by content; `unknown` when the bytes are none of the signature formats. */
export const DetectedFormatSchema = z.enum(['edxml', 'xmldsig', 'pdf', 'cms', 'unknown']);
export type DetectedFormat = z.infer<typeof DetectedFormatSchema>;

/** Why an input could not be processed at all (nothing was verified). */
export const InputErrorSchema = z.object({
  code: z.enum(['not-found', 'not-a-file', 'permission-denied', 'too-large', 'read-failed']),
  message: LocalizedTextSchema,
  /** The system's own words (e.g. `ENOENT: no such file or directory, stat 'x.pdf'`), for diagnostics. */
  detail: z.string().nullable(),
});
export type InputError = z.infer<typeof InputErrorSchema>;

/** What an attachment's bytes are: a signature format (`pdf`, `cms`) or the kind `@lienthong/edxml` recognises. */
export const AttachmentKindSchema = z.enum([
  'pdf',
  'cms',
  'zip',
  'ole',
  'png',
  'jpeg',
  'gif',
  'tiff',
  'xml',
  'empty',
  'unknown',
]);
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>;

/**
 * What became of an attachment: `verified` (a PDF or CMS whose signatures were checked), `unsigned` (a PDF without
 * any signature), `content-missing` (a detached CMS whose signed content is not among the attachments),
 * `not-applicable` (not a signature format), `undecodable` (its payload could not be decoded).
 */
export const AttachmentStatusSchema = z.enum([
  'verified',
  'unsigned',
  'content-missing',
  'not-applicable',
  'undecodable',
]);
export type AttachmentStatus = z.infer<typeof AttachmentStatusSchema>;

/** One attachment of an edXML envelope, as verified under the envelope. */
export const AttachmentResultSchema = z.object({
  /** 1-based position in AttachmentEncoded (as in the edXML report's `Attachment[n]`). */
  index: z.number().int().positive(),
  name: z.string().nullable(),
  contentId: z.string().nullable(),
  /** The original file's MIME type as declared (the manifest's when the payload was a ZIP wrapper). */
  contentType: z.string().nullable(),
  /** Decoded size in bytes; null when the payload could not be decoded. */
  size: z.number().int().nonnegative().nullable(),
  /** True when the sender wrapped the file in a one-entry ZIP that was opened. */
  unzipped: z.boolean(),
  /** Null when the payload could not be decoded. */
  kind: AttachmentKindSchema.nullable(),
  status: AttachmentStatusSchema,
  /** Whether this attachment's outcome enters the file's overall indication (see `verify`). */
  countsTowardsIndication: z.boolean(),
  /** True when the attachment was read from bytes that a passed envelope signature covers. */
  coveredByEnvelopeSignature: z.boolean(),
  /** For a detached CMS: the sibling attachment used as its signed content. */
  detachedContent: z.object({ index: z.number().int().positive(), name: z.string() }).nullable(),
  /** Indexes of the detached CMS attachments that sign this attachment. */
  detachedSignatures: z.array(z.number().int().positive()),
  message: LocalizedTextSchema,
  /** The attachment's own verification (PDF or CMS); null when nothing was verified. */
  result: FileResultSchema.nullable(),
});
export type AttachmentResult = z.infer<typeof AttachmentResultSchema>;

/**
 * The outcome for one input verified by content: FileResult's fields (with `unknown` as a possible format), the
 * validation time, the attachments of an edXML envelope (empty otherwise), and an error when the input could not be
 * processed at all (then nothing was verified and the indication is INDETERMINATE).
 */
export const VerificationResultSchema = FileResultSchema.extend({
  format: DetectedFormatSchema,
  /** The validation time used for every signature of the input and of its attachments. */
  validatedAt: z.iso.datetime({ offset: true }),
  attachments: z.array(AttachmentResultSchema),
  error: InputErrorSchema.nullable(),
});
export type VerificationResult = z.infer<typeof VerificationResultSchema>;
