/*
 * The JSON contract of a verification run (the `lienthong verify --format json` output, issue 7): versioned,
 * described by schema/verification-report.schema.json (generated from the zod schema below), with every field
 * present (null rather than absent) so that programs in any language read it the same way. Distinguished names are
 * given as RFC 4514 text for display and the Vietnamese identifiers (MST, CCCD, …) as typed values.
 */
import { LocalizedTextSchema } from '@lienthong/report';
import { z } from 'zod';
import { version as packageVersion } from '../../package.json';
import {
  AttachmentKindSchema,
  AttachmentStatusSchema,
  type CertificateInfo,
  CheckSchema,
  CoverageSchema,
  DetectedFormatSchema,
  type FileResult,
  FileResultSchema,
  IdentifierSchema,
  IndicationSchema,
  InputErrorSchema,
  overallIndication,
  RevocationEvidenceSchema,
  SignatureFormatSchema,
  type SignatureResult,
  SubIndicationSchema,
  type VerificationResult,
} from '../model/result';
import { displayLabel } from '../pkix';

/** The version of the JSON document; it changes only when a field changes meaning or disappears. */
export const VERIFICATION_REPORT_SCHEMA_VERSION = 1;

/**
 * Names and descriptions for the JSON Schema, kept in a registry of this module (not zod's global one, which
 * other code shares): shared parts become `$defs`, and every field says what it means.
 */
export const REPORT_SCHEMA_METADATA = z.registry<{ id?: string; description?: string }>();

/** A copy of `schema` described in the JSON Schema (a copy, so shared schemas keep no description of ours). */
function doc<T extends z.ZodType>(schema: T, description: string): T {
  const copy = schema.clone() as T;
  REPORT_SCHEMA_METADATA.add(copy, { description });
  return copy;
}

function named<T extends z.ZodType>(schema: T, id: string, description: string): T {
  REPORT_SCHEMA_METADATA.add(schema, { id, description });
  return schema;
}

const Timestamp = z.iso.datetime({ offset: true });
const Localized = named(LocalizedTextSchema.clone(), 'LocalizedText', 'A text in Vietnamese (vi) and English (en).');
const Indication = named(
  IndicationSchema.clone(),
  'Indication',
  'ETSI EN 319 102-1 main indication: TOTAL-PASSED (valid), TOTAL-FAILED (invalid), INDETERMINATE (could not be decided).',
);
const SubIndication = named(
  SubIndicationSchema.nullable(),
  'SubIndication',
  'ETSI EN 319 102-1 sub-indication saying why (null when TOTAL-PASSED, or when the input could not be processed at all).',
);

export const ReportCertificateSchema = z.object({
  subject: doc(z.string(), 'The subject distinguished name as RFC 4514 text, for display.'),
  commonName: doc(z.string().nullable(), 'The last CN of the subject, or null.'),
  organization: doc(z.string().nullable(), 'The last O of the subject, or null.'),
  identifiers: doc(
    z.array(IdentifierSchema.pick({ type: true, value: true })),
    'Vietnamese identifiers of the subject (MST, CCCD, CMND, HC, MNS from UID values; organizationIdentifier).',
  ),
  issuer: doc(z.string(), 'The issuer distinguished name as RFC 4514 text.'),
  serialNumber: z.string(),
  fingerprintSha256: doc(z.string(), 'SHA-256 of the certificate DER, upper-case hex.'),
  notBefore: Timestamp,
  notAfter: Timestamp,
});
named(ReportCertificateSchema, 'Certificate', 'A certificate as reported.');
export type ReportCertificate = z.infer<typeof ReportCertificateSchema>;

export const ReportSignatureSchema = z.object({
  format: SignatureFormatSchema,
  indication: Indication,
  subIndication: SubIndication,
  message: Localized,
  signer: doc(ReportCertificateSchema.nullable(), "The signer's certificate, or null when it was not found."),
  signingTime: z.object({
    claimed: doc(
      Timestamp.nullable(),
      'The signing time the signer claims (CMS signing-time, PDF /M): a claim, not proof.',
    ),
    timestamp: doc(Timestamp.nullable(), 'The time of a verified timestamp token, or null.'),
    validatedAt: doc(Timestamp, 'The time the certificates were validated at.'),
  }),
  coverage: doc(
    z
      .object({
        kind: CoverageSchema.shape.kind,
        description: z.string(),
        unsignedTrailingBytes: doc(
          z.number().int().nonnegative().nullable(),
          'For PDFs: bytes after the signed revision (0 when the signature covers the whole file).',
        ),
      })
      .nullable(),
    'What the signature covers.',
  ),
  chain: doc(
    z.array(ReportCertificateSchema.extend({ source: z.enum(['trust-anchor', 'embedded', 'supplied']) })),
    'The certification path, signer first, trust anchor last.',
  ),
  revocation: doc(
    z.array(
      z.object({
        certificateFingerprintSha256: z.string(),
        source: RevocationEvidenceSchema.shape.source,
        status: RevocationEvidenceSchema.shape.status,
        reason: z.string().nullable(),
        revokedAt: Timestamp.nullable(),
        thisUpdate: Timestamp.nullable(),
        nextUpdate: Timestamp.nullable(),
      }),
    ),
    'The revocation status found for the certificates of the chain, and from what (CRL, OCSP).',
  ),
  algorithms: z.object({ digest: z.string().nullable(), signature: z.string().nullable() }),
  legacy: doc(z.boolean(), 'True when accepted only because a legacy algorithm (SHA-1) was allowed.'),
  checks: doc(z.array(CheckSchema), 'The checks made, for diagnostics.'),
});
named(ReportSignatureSchema, 'Signature', 'The outcome for one signature.');
export type ReportSignature = z.infer<typeof ReportSignatureSchema>;

const ReportOutcomeFields = {
  indication: Indication,
  subIndication: SubIndication,
  message: Localized,
  signatures: z.array(ReportSignatureSchema),
};

export const ReportAttachmentSchema = z.object({
  index: doc(z.number().int().positive(), '1-based position in AttachmentEncoded.'),
  name: z.string().nullable(),
  contentId: z.string().nullable(),
  contentType: doc(z.string().nullable(), "The original file's MIME type as declared."),
  size: doc(z.number().int().nonnegative().nullable(), 'Decoded size in bytes; null when it could not be decoded.'),
  unzipped: doc(z.boolean(), 'True when the sender wrapped the file in a one-entry ZIP that was opened.'),
  kind: doc(AttachmentKindSchema.nullable(), 'What the bytes are; null when they could not be decoded.'),
  status: doc(
    AttachmentStatusSchema,
    'verified: its signatures were checked; unsigned: a PDF without signature; content-missing: a detached CMS whose content is not among the attachments; not-applicable: not a signature format; undecodable: the payload could not be decoded.',
  ),
  countsTowardsIndication: doc(z.boolean(), "Whether this attachment's outcome enters the file's indication."),
  coveredByEnvelopeSignature: doc(
    z.boolean(),
    'True when the attachment was read from bytes covered by a passed envelope signature.',
  ),
  detachedContent: doc(
    z.object({ index: z.number().int().positive(), name: z.string() }).nullable(),
    'For a detached CMS: the sibling attachment used as its signed content.',
  ),
  detachedSignatures: doc(
    z.array(z.number().int().positive()),
    'Indexes of the detached CMS attachments that sign this attachment.',
  ),
  message: Localized,
  result: doc(
    z.object({ subject: z.string(), format: FileResultSchema.shape.format, ...ReportOutcomeFields }).nullable(),
    "The attachment's own verification (a PDF or a CMS); null when nothing was verified.",
  ),
});
named(ReportAttachmentSchema, 'Attachment', 'One attachment of an edXML envelope.');
export type ReportAttachment = z.infer<typeof ReportAttachmentSchema>;

export const ReportEntrySchema = z.object({
  subject: doc(z.string(), "The input's name (a file path)."),
  format: doc(DetectedFormatSchema, 'The format detected from the content; unknown when it is none of them.'),
  ...ReportOutcomeFields,
  validatedAt: doc(Timestamp, 'The validation time used for every signature of the input.'),
  error: doc(
    InputErrorSchema.nullable(),
    'Set when the input could not be processed at all (unreadable, too large): nothing was verified.',
  ),
  attachments: doc(z.array(ReportAttachmentSchema), 'The attachments of an edXML envelope; empty for other formats.'),
});
named(ReportEntrySchema, 'Report', 'The outcome for one input.');
export type ReportEntry = z.infer<typeof ReportEntrySchema>;

export const VerificationReportSchema = z.object({
  schemaVersion: doc(
    z.literal(VERIFICATION_REPORT_SCHEMA_VERSION),
    'Version of this format; it changes only when a field changes meaning or disappears.',
  ),
  generator: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  summary: z.object({
    indication: doc(Indication, 'The worst indication over the reports (INDETERMINATE when there is none).'),
    reports: z.number().int().nonnegative(),
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    indeterminate: z.number().int().nonnegative(),
    errors: doc(
      z.number().int().nonnegative(),
      'Reports whose input could not be processed (error set); they count as indeterminate too.',
    ),
  }),
  reports: doc(z.array(ReportEntrySchema), 'One report per input, in order.'),
});
export type VerificationReport = z.infer<typeof VerificationReportSchema>;

export const DEFAULT_REPORT_GENERATOR = Object.freeze({ name: '@lienthong/signature', version: packageVersion });

function certificate(info: CertificateInfo): ReportCertificate {
  const last = (name: string) => info.subject.attributes.findLast((attribute) => attribute.name === name)?.value;
  return {
    subject: info.subject.text,
    commonName: last('CN') ?? null,
    organization: last('O') ?? null,
    identifiers: info.identifiers.map(({ type, value }) => ({ type, value })),
    issuer: info.issuer.text || displayLabel(info.issuer),
    serialNumber: info.serialNumber,
    fingerprintSha256: info.fingerprintSha256,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
  };
}

function signature(result: SignatureResult): ReportSignature {
  return {
    format: result.format,
    indication: result.indication,
    subIndication: result.subIndication,
    message: result.message,
    signer: result.signer === null ? null : certificate(result.signer),
    signingTime: {
      claimed: result.signingTime.claimed ?? null,
      timestamp: result.signingTime.timestamp ?? null,
      validatedAt: result.signingTime.validatedAt,
    },
    coverage:
      result.coverage === null
        ? null
        : {
            kind: result.coverage.kind,
            description: result.coverage.description,
            unsignedTrailingBytes: result.coverage.unsignedTrailingBytes ?? null,
          },
    chain: result.chain.map((entry) => ({ ...certificate(entry), source: entry.source })),
    revocation: result.revocation.map((evidence) => ({
      certificateFingerprintSha256: evidence.certificateFingerprintSha256,
      source: evidence.source,
      status: evidence.status,
      reason: evidence.reason ?? null,
      revokedAt: evidence.revokedAt ?? null,
      thisUpdate: evidence.thisUpdate ?? null,
      nextUpdate: evidence.nextUpdate ?? null,
    })),
    algorithms: { digest: result.algorithms.digest, signature: result.algorithms.signature },
    legacy: result.legacy,
    checks: result.checks.map(({ id, passed, message }) => ({ id, passed, message })),
  };
}

/** What a file and an attachment's own verification both report. */
function outcome(result: Pick<FileResult, 'indication' | 'subIndication' | 'message' | 'signatures'>) {
  return {
    indication: result.indication,
    subIndication: result.subIndication,
    message: result.message,
    signatures: result.signatures.map(signature),
  };
}

function entry(result: VerificationResult): ReportEntry {
  return {
    subject: result.subject,
    format: result.format,
    ...outcome(result),
    validatedAt: result.validatedAt,
    error: result.error,
    attachments: result.attachments.map((attachment) => ({
      index: attachment.index,
      name: attachment.name,
      contentId: attachment.contentId,
      contentType: attachment.contentType,
      size: attachment.size,
      unzipped: attachment.unzipped,
      kind: attachment.kind,
      status: attachment.status,
      countsTowardsIndication: attachment.countsTowardsIndication,
      coveredByEnvelopeSignature: attachment.coveredByEnvelopeSignature,
      detachedContent: attachment.detachedContent,
      detachedSignatures: attachment.detachedSignatures,
      message: attachment.message,
      result:
        attachment.result === null
          ? null
          : { subject: attachment.result.subject, format: attachment.result.format, ...outcome(attachment.result) },
    })),
  };
}

/**
 * The JSON document (as an object) for the results of one run, one report per input, in order; it satisfies
 * `VerificationReportSchema` and schema/verification-report.schema.json.
 */
export function toVerificationReport(
  results: readonly VerificationResult[],
  generator: { readonly name: string; readonly version: string } = DEFAULT_REPORT_GENERATOR,
): VerificationReport {
  const reports = results.map(entry);
  const count = (indication: string) => reports.filter((report) => report.indication === indication).length;
  return {
    schemaVersion: VERIFICATION_REPORT_SCHEMA_VERSION,
    generator: { name: generator.name, version: generator.version },
    summary: {
      indication: overallIndication(reports).indication,
      reports: reports.length,
      passed: count('TOTAL-PASSED'),
      failed: count('TOTAL-FAILED'),
      indeterminate: count('INDETERMINATE'),
      errors: reports.filter((report) => report.error !== null).length,
    },
    reports,
  };
}

/** `toVerificationReport` as JSON text: one line, or indented with a final newline when `pretty`. */
export function toVerificationReportJson(
  results: readonly VerificationResult[],
  options: { readonly pretty?: boolean; readonly generator?: { readonly name: string; readonly version: string } } = {},
): string {
  const report = toVerificationReport(results, options.generator);
  return options.pretty ? `${JSON.stringify(report, null, 2)}\n` : JSON.stringify(report);
}
