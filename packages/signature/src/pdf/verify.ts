/*
 * verifyPdf: the PDF signature pipeline of shared/domain/signatures.md (the domain notes) §3 (b). Signatures are found
 * through the document structure in every revision and cross-checked with a byte scan; each one's
 * /ByteRange must be exactly [0 a b c] around its own /Contents and end at the end of a revision; the CMS
 * inside is verified over the covered bytes by ../cms (trust anchors, path, revocation through ../pkix);
 * everything written after a signed revision is analysed (./changes). The covered bytes are hashed in place,
 * the common prefix of the signatures once (./signed-digests), and ../cms gets their digest, not a copy.
 *
 * Indications (ETSI EN 319 102-1):
 * - a signature whose structure is wrong (ByteRange, gap, /Contents) → TOTAL-FAILED / FORMAT_FAILURE: it is
 *   not conformant to ISO 32000 and cannot be checked;
 * - the CMS outcome as ../cms reports it (HASH_FAILURE when the covered bytes changed, …);
 * - a CMS that verifies but a document modified after signing in a way DocMDP / PAdES does not allow →
 *   INDETERMINATE / SIG_CONSTRAINTS_FAILURE: the signature itself is intact, but the document shown is not
 *   the one signed, and EN 319 102-1 §5.2.8 (signature acceptance validation) places such constraint
 *   failures there, as the EU DSS validator does for PDF modification detection;
 * - an unreadable file → INDETERMINATE / FORMAT_FAILURE; a PDF without signatures → INDETERMINATE /
 *   SIGNED_DATA_NOT_FOUND, unless the scan finds a /ByteRange: then INDETERMINATE / FORMAT_FAILURE.
 * A `/ByteRange` found by the scan outside every structural signature keeps the file from TOTAL-PASSED
 * (INDETERMINATE / SIG_CONSTRAINTS_FAILURE at file level) while each signature keeps its own result.
 */
import type { LocalizedText } from '@lienthong/report';
import { indexOfAscii } from '../bytes';
import { type DigestName, digestVerdict } from '../cms/algorithms';
import { bytesEqual, DerError } from '../cms/der';
import { parseSignedData } from '../cms/parse';
import { type VerifyCmsOptions, verifyCms } from '../cms/verify';
import { SignatureError } from '../errors';
import {
  type Check,
  type Coverage,
  type Indication,
  overallIndication,
  type SignatureResult,
  type SubIndication,
} from '../model/result';
import { parseCertificate } from '../pkix';
import { parseCertificateInputs } from '../pkix/certificate';
import { MSG as TIMESTAMP_MSG } from '../timestamp/messages';
import { checkTsaCertificate } from '../timestamp/token';
import { parseTstInfo, TST_INFO_OID, type TstInfo } from '../timestamp/tstinfo';
import { analyseChanges, type Change, type ChangeAnalysis, type ChangeKind } from './changes';
import { PdfDocument } from './document';
import { MSG } from './messages';
import {
  type ByteRangeCheck,
  checkByteRange,
  findSignatures,
  type SignatureCandidate,
  type SignatureInfo,
  SignedBytesAssembler,
  scanByteRanges,
  signatureInfo,
} from './signatures';
import { SignedRangeDigests, type SignedRanges } from './signed-digests';
import { isWhite, PdfSyntaxError } from './syntax';

/** The default cap on the PDF size, checked before parsing: 256 MiB. */
export const DEFAULT_MAX_PDF_BYTES = 256 * 1024 * 1024;

export interface VerifyPdfOptions {
  /** The trust anchors (explicit configuration; never the certificates inside the PDF). */
  readonly trust: VerifyCmsOptions['trust'];
  /** Further certificates for path building (DER or PEM). Never trusted by themselves. */
  readonly intermediates?: VerifyCmsOptions['intermediates'];
  /** Validation time; default now. /M and the CMS signing-time are claims only. */
  readonly at?: Date;
  readonly revocation?: VerifyCmsOptions['revocation'];
  readonly revocationPolicy?: VerifyCmsOptions['revocationPolicy'];
  /** Accept SHA-1 (digests, and the legacy SubFilter adbe.pkcs7.sha1), reported as legacy. Default false. */
  readonly allowSha1?: boolean;
  /** Cap on the PDF size in bytes, checked before parsing. Default 256 MiB. */
  readonly maxBytes?: number;
}

/** What the PDF says about one signature, beside its result. */
export interface PdfSignatureDetails {
  readonly kind: 'signature' | 'document-timestamp';
  /** Fully qualified field name. */
  readonly fieldName: string | null;
  readonly filter: string | null;
  readonly subFilter: string | null;
  /** [0, a, b, c] as written, when it is 4 integers. */
  readonly byteRange: readonly number[] | null;
  /** The revision the signature covers, 1-based (null when the structure checks failed). */
  readonly revision: number | null;
  /** /M, /Name, /Reason, /Location, /ContactInfo as written (claims of the signer). */
  readonly claimedTime: string | null;
  readonly name: string | null;
  readonly reason: string | null;
  readonly location: string | null;
  readonly contactInfo: string | null;
  /** DocMDP permission in force for the signed revision (null: no certification signature). */
  readonly docMdp: 1 | 2 | 3 | null;
  /** Everything changed after the signed revision, each judged allowed or not. */
  readonly changesAfterSigning: readonly Change[];
}

export interface PdfVerification {
  readonly indication: Indication;
  readonly subIndication: SubIndication | null;
  readonly message: LocalizedText;
  /** One result per signature (and document timestamp), in revision order; format 'pdf'. */
  readonly signatures: SignatureResult[];
  /** Same order as `signatures`. */
  readonly details: PdfSignatureDetails[];
  /** Readable revisions (the original plus incremental updates). */
  readonly revisions: number;
  /** File-level checks: structure, the /ByteRange scan against the structure. */
  readonly checks: Check[];
}

/** Verifies every signature of a PDF. Never throws for bad input; throws SignatureError for bad arguments. */
export async function verifyPdf(pdf: Uint8Array, options: VerifyPdfOptions): Promise<PdfVerification> {
  checkArguments(pdf, options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PDF_BYTES;
  if (pdf.length > maxBytes) return fileFailure('FORMAT_FAILURE', MSG.tooLarge(pdf.length, maxBytes), 0, []);
  if (!hasPdfHeader(pdf)) return fileFailure('FORMAT_FAILURE', MSG.notPdf, 0, []);

  let doc: PdfDocument;
  let candidates: SignatureCandidate[];
  const checks: Check[] = [];
  try {
    doc = new PdfDocument(pdf);
    if (doc.revisions.length === 0) return fileFailure('FORMAT_FAILURE', MSG.noRevision, 0, []);
    checks.push({ id: 'pdf.revisions', passed: true, message: MSG.revisions(doc.revisions.length) });
    candidates = findSignatures(doc);
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    return fileFailure('FORMAT_FAILURE', MSG.unreadable(describe(error)), 0, checks);
  }

  try {
    // One validation time for every signature of the file.
    return await verifyDocument(doc, candidates, { ...options, at: options.at ?? new Date() }, checks);
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    // A defect of ours or an unforeseen input: reported, never turned into "unsigned" or "valid".
    return fileFailure('FORMAT_FAILURE', MSG.internal(describe(error)), doc.revisions.length, checks);
  }
}

async function verifyDocument(
  doc: PdfDocument,
  candidates: SignatureCandidate[],
  options: VerifyPdfOptions,
  checks: Check[],
): Promise<PdfVerification> {
  const revisions = doc.revisions.length;
  // The byte scan against the structure.
  const scan = scanByteRanges(doc.buf);
  const scanned = new Set(scan.offsets);
  const structural = new Set<number>();
  let escaped = 0;
  for (const candidate of candidates) {
    const at = candidate.container.source === 'file' ? candidate.dict.keyOffsets.get('ByteRange') : undefined;
    if (at === undefined) continue;
    structural.add(at);
    if (!scanned.has(at)) escaped++;
  }
  const extra = scan.offsets.filter((offset) => !structural.has(offset));
  if (extra.length > 0) checks.push({ id: 'pdf.byterange-scan', passed: false, message: MSG.scanExtra(extra) });
  else checks.push({ id: 'pdf.byterange-scan', passed: true, message: MSG.scanAgrees(scan.offsets.length) });
  if (scan.truncated) checks.push({ id: 'pdf.byterange-scan', passed: false, message: MSG.scanTruncated });
  if (escaped > 0) checks.push({ id: 'pdf.byterange-escaped', passed: true, message: MSG.scanMissed(escaped) });
  if (doc.strayEofMarkers.length > 0)
    checks.push({ id: 'pdf.eof-markers', passed: true, message: MSG.strayEof(doc.strayEofMarkers.slice(0, 10)) });
  if (doc.problems.length > 0)
    checks.push({
      id: 'pdf.structure',
      passed: true,
      message: MSG.structureProblems(doc.problems.length, (doc.problems[0] as { detail: string }).detail),
    });

  if (candidates.length === 0)
    // A /ByteRange the structure does not lead to may be a signature this reader cannot reach (a broken form,
    // a damaged xref): never "no signature", which callers (edXML attachments) take as "unsigned".
    return extra.length > 0
      ? fileFailure('FORMAT_FAILURE', MSG.signatureUnreachable(MSG.scanExtra(extra)), revisions, checks)
      : fileFailure('SIGNED_DATA_NOT_FOUND', MSG.noSignature, revisions, checks);

  const planned = candidates.map((candidate) => ({ candidate, check: checkByteRange(doc, candidate) }));
  planned.sort((x, y) => position(x) - position(y));
  const changeCache = new Map<number, ChangeAnalysis>();
  const signatures: SignatureResult[] = [];
  const details: PdfSignatureDetails[] = [];
  const covered = new CoveredBytes(doc.buf);
  for (const { candidate, check } of planned) {
    let changes: ChangeAnalysis | undefined;
    if (check.ok) {
      const index = check.revision.index;
      changes = changeCache.get(index);
      if (!changes) {
        changes = analyseChanges(doc, index);
        changeCache.set(index, changes);
      }
    }
    const info = signatureInfo(candidate.dict);
    signatures.push(await verifyOne(doc, check, info, changes, options, covered));
    details.push(detailsOf(candidate, check, info, changes));
  }

  const overall = overallIndication(signatures);
  const failed = signatures.filter((signature) => signature.indication !== 'TOTAL-PASSED').length;
  let message =
    failed === 0
      ? MSG.allPassed(signatures.length)
      : signatures.length === 1
        ? (signatures[0] as SignatureResult).message
        : MSG.someFailed(failed, signatures.length);
  let { indication, subIndication } = overall;
  if (extra.length > 0 && indication === 'TOTAL-PASSED') {
    indication = 'INDETERMINATE';
    subIndication = 'SIG_CONSTRAINTS_FAILURE';
    message = MSG.fileNotPassed(MSG.scanExtra(extra));
  }
  return { indication, subIndication, message, signatures, details, revisions, checks };
}

function position(entry: { candidate: SignatureCandidate; check: ByteRangeCheck }): number {
  return entry.check.ok ? entry.check.signedEnd : entry.candidate.container.start;
}

async function verifyOne(
  doc: PdfDocument,
  check: ByteRangeCheck,
  info: SignatureInfo,
  changes: ChangeAnalysis | undefined,
  options: VerifyPdfOptions,
  covered: CoveredBytes,
): Promise<SignatureResult> {
  const at = options.at ?? new Date();
  const checks: Check[] = [];
  const claimed = info.mIso;
  if (!check.ok) {
    const message = MSG.byteRange(check.failure, check.detail);
    checks.push({ id: 'pdf.byterange', passed: false, message });
    return bare('TOTAL-FAILED', 'FORMAT_FAILURE', message, checks, null, at, claimed);
  }
  const [[, a], [b, c]] = check.ranges;
  checks.push({ id: 'pdf.byterange', passed: true, message: MSG.byteRangeOk(a, b, c, check.padding) });

  // Coverage and what happened after the signed revision.
  const length = doc.length;
  const unsigned = length - check.signedEnd;
  const revisionNumber = check.revision.index + 1;
  const coverage: Coverage = {
    kind: unsigned === 0 ? 'whole-document' : 'partial-document',
    description: `bytes 0–${a} and ${b}–${b + c} of ${length} (revision ${revisionNumber} of ${doc.revisions.length})`,
    unsignedTrailingBytes: unsigned,
  };
  const analysis = changes as ChangeAnalysis;
  if (unsigned === 0)
    checks.push({ id: 'pdf.coverage', passed: true, message: MSG.coverageWhole(revisionNumber, length) });
  else if (analysis.changes.length === 0 && onlyWhitespace(doc.buf, check.signedEnd))
    checks.push({ id: 'pdf.coverage', passed: true, message: MSG.coverageTrailingSpace(unsigned) });
  else
    checks.push({
      id: 'pdf.coverage',
      passed: analysis.allowed,
      message: MSG.coveragePartial(revisionNumber, length, unsigned),
    });
  if (unsigned > 0) checks.push({ id: 'pdf.docmdp', passed: true, message: MSG.docMdp(analysis.docMdp) });
  for (const change of analysis.changes)
    checks.push({
      id: `pdf.change.${change.kind}`,
      passed: change.allowed,
      message: MSG.change(change.allowed, change.detail),
    });
  const disallowed = analysis.changes.filter((change) => !change.allowed);
  const allowedKinds: ChangeKind[] = analysis.changes
    .filter((change) => change.allowed && change.kind !== 'structure')
    .map((change) => change.kind);

  // The CMS over the covered bytes, by SubFilter.
  const isTimestamp = info.type === 'DocTimeStamp' || info.subFilter === 'ETSI.RFC3161';
  let result: SignatureResult;
  if (isTimestamp)
    result = await verifyDocTimestamp(
      check.cms,
      (algorithm) => covered.digest(algorithm, check.ranges),
      options,
      checks,
      coverage,
    );
  else if (info.subFilter === 'adbe.pkcs7.detached' || info.subFilter === 'ETSI.CAdES.detached') {
    checks.push({ id: 'pdf.subfilter', passed: true, message: MSG.subFilterOk(info.subFilter) });
    result = await viaCms(check.cms, covered.forCms(check.cms, check.ranges), options, checks, coverage);
  } else if (info.subFilter === 'adbe.pkcs7.sha1') {
    if (!options.allowSha1) {
      checks.push({ id: 'pdf.subfilter', passed: false, message: MSG.subFilterSha1Rejected });
      return bare(
        'INDETERMINATE',
        'CRYPTO_CONSTRAINTS_FAILURE',
        MSG.subFilterSha1Rejected,
        checks,
        coverage,
        at,
        claimed,
      );
    }
    checks.push({ id: 'pdf.subfilter', passed: true, message: MSG.subFilterSha1Legacy });
    // The CMS signs the SHA-1 digest of the covered bytes as its attached content.
    const digest = await covered.digest('sha1', check.ranges);
    result = await viaCms(check.cms, { content: digest }, options, checks, coverage);
    result = { ...result, legacy: true };
  } else {
    const message = MSG.subFilterUnsupported(info.subFilter);
    checks.push({ id: 'pdf.subfilter', passed: false, message });
    return bare('INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE', message, checks, coverage, at, claimed);
  }
  if (claimed && !result.signingTime.claimed) result = { ...result, signingTime: { ...result.signingTime, claimed } };

  // Combine: a CMS failure stands; a passing CMS over a document changed in ways not allowed does not pass.
  if (result.indication === 'TOTAL-PASSED') {
    if (disallowed.length > 0) {
      const first = (disallowed[0] as Change).detail;
      return {
        ...result,
        indication: 'INDETERMINATE',
        subIndication: 'SIG_CONSTRAINTS_FAILURE',
        message: MSG.changesDisallowed(
          disallowed.map((change) => change.kind),
          first,
        ),
      };
    }
    if (allowedKinds.length > 0) {
      const note = MSG.changesAllowed(allowedKinds);
      return { ...result, message: { vi: `${result.message.vi} ${note.vi}`, en: `${result.message.en} ${note.en}` } };
    }
  }
  return result;
}

/**
 * The covered bytes of the file's signatures as ../cms takes them. By their digests (./signed-digests) when the
 * CMS is detached and each SignerInfo has signed attributes, where the content enters only through the
 * message-digest attribute; otherwise as the bytes themselves, assembled, so that ../cms compares attached
 * content or checks a signature over the content itself exactly as it would for any caller.
 */
class CoveredBytes {
  private readonly digests: SignedRangeDigests;
  private readonly assembler: SignedBytesAssembler;

  constructor(buf: Uint8Array) {
    this.digests = new SignedRangeDigests(buf);
    this.assembler = new SignedBytesAssembler(buf);
  }

  digest(algorithm: DigestName, ranges: SignedRanges): Promise<Uint8Array> {
    return this.digests.digest(algorithm, ranges);
  }

  forCms(
    cms: Uint8Array,
    ranges: SignedRanges,
  ): { content: Uint8Array } | { contentDigest: (algorithm: DigestName) => Promise<Uint8Array> } {
    let needsBytes: boolean;
    try {
      const structure = parseSignedData(cms);
      needsBytes = structure.eContent !== undefined || structure.signerInfos.some((info) => !info.signedAttrs);
    } catch {
      needsBytes = false; // unreadable: ../cms reports it before it looks at the content
    }
    if (needsBytes) return { content: this.assembler.lend(ranges) };
    return { contentDigest: (algorithm) => this.digests.digest(algorithm, ranges) };
  }
}

/** Runs ../cms and turns its outcome into the one PDF signature result. */
async function viaCms(
  cms: Uint8Array,
  input: { content?: Uint8Array; contentDigest?: (algorithm: DigestName) => Promise<Uint8Array> },
  options: VerifyPdfOptions,
  checks: Check[],
  coverage: Coverage,
): Promise<SignatureResult> {
  const at = options.at ?? new Date();
  const outcome = await verifyCms(cms, {
    ...input,
    trust: options.trust,
    ...(options.intermediates ? { intermediates: options.intermediates } : {}),
    at,
    ...(options.revocation ? { revocation: options.revocation } : {}),
    ...(options.revocationPolicy ? { revocationPolicy: options.revocationPolicy } : {}),
    allowSha1: options.allowSha1 ?? false,
  });
  if (outcome.signatures.length !== 1) {
    if (outcome.signatures.length === 0)
      return bare(outcome.indication, outcome.subIndication, outcome.message, checks, coverage, at, undefined);
    const message = MSG.signerCount(outcome.signatures.length);
    checks.push({ id: 'pdf.signer-count', passed: false, message });
    return bare('TOTAL-FAILED', 'FORMAT_FAILURE', message, checks, coverage, at, undefined);
  }
  const signature = outcome.signatures[0] as SignatureResult;
  return { ...signature, format: 'pdf', coverage, checks: [...checks, ...signature.checks] };
}

/** A document timestamp (ETSI.RFC3161): a timestamp token whose imprint is the digest of the covered bytes. */
async function verifyDocTimestamp(
  token: Uint8Array,
  digestOfCovered: (algorithm: DigestName) => Promise<Uint8Array>,
  options: VerifyPdfOptions,
  checks: Check[],
  coverage: Coverage,
): Promise<SignatureResult> {
  const at = options.at ?? new Date();
  checks.push({ id: 'pdf.subfilter', passed: true, message: MSG.subFilterOk('ETSI.RFC3161') });
  let tst: TstInfo;
  let certificates: readonly Uint8Array[];
  try {
    const structure = parseSignedData(token);
    if (structure.eContentType !== TST_INFO_OID || structure.eContent === undefined) {
      const message = MSG.timestampNotTst(structure.eContentType);
      checks.push({ id: 'pdf.timestamp', passed: false, message });
      return bare('TOTAL-FAILED', 'FORMAT_FAILURE', message, checks, coverage, at, undefined);
    }
    certificates = structure.certificates;
    tst = parseTstInfo(structure.eContent);
  } catch (error) {
    const message = MSG.timestampUnreadable(describe(error));
    checks.push({ id: 'pdf.timestamp', passed: false, message });
    return bare('TOTAL-FAILED', 'FORMAT_FAILURE', message, checks, coverage, at, undefined);
  }
  const { digest, hashedMessage, hashAlgorithm } = tst.messageImprint;
  if (!digest) {
    const message = MSG.timestampUnreadable(`unknown imprint digest ${hashAlgorithm}`);
    checks.push({ id: 'pdf.timestamp', passed: false, message });
    return bare('TOTAL-FAILED', 'FORMAT_FAILURE', message, checks, coverage, at, undefined);
  }
  // The imprint is what binds the document to the token: the same digest policy as any signature's.
  const verdict = digestVerdict(digest, options.allowSha1 === true);
  if (verdict === 'rejected') {
    const message = MSG.timestampImprintRejected(digest.label);
    checks.push({ id: 'pdf.timestamp-imprint', passed: false, message });
    return bare('INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', message, checks, coverage, at, undefined);
  }
  const genTime = tst.genTime.toISOString();
  if (!bytesEqual(await digestOfCovered(digest.name), hashedMessage)) {
    checks.push({ id: 'pdf.timestamp-imprint', passed: false, message: MSG.timestampImprintMismatch });
    return bare('TOTAL-FAILED', 'HASH_FAILURE', MSG.timestampImprintMismatch, checks, coverage, at, undefined);
  }
  checks.push({ id: 'pdf.timestamp-imprint', passed: true, message: MSG.timestampImprintOk(genTime) });
  // The same TSTInfo constraints as any timestamp token (timestamp/token.ts).
  if (tst.criticalExtensions.length > 0) {
    const message = TIMESTAMP_MSG.criticalExtension(tst.criticalExtensions.join(', '));
    checks.push({ id: 'pdf.timestamp', passed: false, message });
    return bare('TOTAL-FAILED', 'FORMAT_FAILURE', message, checks, coverage, at, undefined);
  }
  if (tst.genTime.getTime() > at.getTime() + (tst.accuracyMs ?? 0)) {
    const message = TIMESTAMP_MSG.genTimeAfterValidation(tst.genTime, at);
    checks.push({ id: 'pdf.timestamp-time', passed: false, message });
    return bare('INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE', message, checks, coverage, at, undefined);
  }

  let result = await viaCms(token, {}, options, checks, coverage);
  result = {
    ...result,
    signingTime: { ...result.signingTime, timestamp: genTime },
    legacy: result.legacy || verdict === 'legacy',
  };
  // The TSA certificate (embedded or supplied) must meet RFC 3161 §2.3, checked as for any token.
  const fingerprint = result.signer?.fingerprintSha256;
  if (!fingerprint) return result;
  const tsa = [...certificates.map((der) => parseCertificate(der)), ...suppliedCertificates(options)].find(
    (parsed) => parsed.ok && parsed.certificate.fingerprintSha256 === fingerprint,
  );
  const failures: { subIndication: SubIndication; message: LocalizedText }[] = [];
  const rename = (id: string) => id.replace(/^timestamp\.tsa-/, 'pdf.timestamp-');
  if (tsa?.ok)
    checkTsaCertificate(
      tsa.certificate,
      tst,
      (id, subIndication, message) => {
        result.checks.push({ id: rename(id), passed: false, message });
        failures.push({ subIndication, message });
      },
      (id, message) => result.checks.push({ id: rename(id), passed: true, message }),
    );
  const failure = failures[0];
  if (failure && result.indication === 'TOTAL-PASSED')
    return { ...result, indication: 'INDETERMINATE', subIndication: failure.subIndication, message: failure.message };
  return result;
}

function suppliedCertificates(options: VerifyPdfOptions): ReturnType<typeof parseCertificate>[] {
  return parseCertificateInputs(options.intermediates ?? []).map((certificate) => ({ ok: true, certificate }));
}

function bare(
  indication: Indication,
  subIndication: SubIndication | null,
  message: LocalizedText,
  checks: Check[],
  coverage: Coverage | null,
  at: Date,
  claimed: string | undefined,
): SignatureResult {
  return {
    format: 'pdf',
    indication,
    subIndication,
    message,
    signer: null,
    chain: [],
    signingTime: { ...(claimed ? { claimed } : {}), validatedAt: at.toISOString() },
    coverage,
    revocation: [],
    algorithms: { digest: null, signature: null },
    legacy: false,
    checks,
  };
}

function detailsOf(
  candidate: SignatureCandidate,
  check: ByteRangeCheck,
  info: SignatureInfo,
  changes: ChangeAnalysis | undefined,
): PdfSignatureDetails {
  const byteRange = candidate.dict.entries.get('ByteRange');
  const numbers =
    byteRange?.kind === 'array' && byteRange.items.every((item) => item.kind === 'num')
      ? byteRange.items.map((item) => (item.kind === 'num' ? item.value : 0))
      : null;
  return {
    kind: info.type === 'DocTimeStamp' || info.subFilter === 'ETSI.RFC3161' ? 'document-timestamp' : 'signature',
    fieldName: candidate.fieldName ?? null,
    filter: info.filter ?? null,
    subFilter: info.subFilter ?? null,
    byteRange: numbers,
    revision: check.ok ? check.revision.index + 1 : null,
    claimedTime: info.m ?? null,
    name: info.name ?? null,
    reason: info.reason ?? null,
    location: info.location ?? null,
    contactInfo: info.contactInfo ?? null,
    docMdp: changes?.docMdp ?? null,
    changesAfterSigning: changes?.changes ?? [],
  };
}

function fileFailure(
  subIndication: SubIndication,
  message: LocalizedText,
  revisions: number,
  checks: Check[],
): PdfVerification {
  return { indication: 'INDETERMINATE', subIndication, message, signatures: [], details: [], revisions, checks };
}

/** `%PDF-` within the first 1024 bytes (ISO 32000-1 readers tolerate leading junk there). */
function hasPdfHeader(pdf: Uint8Array): boolean {
  return indexOfAscii(pdf.subarray(0, Math.min(pdf.length, 1024)), '%PDF-') >= 0;
}

function onlyWhitespace(buf: Uint8Array, from: number): boolean {
  for (let i = from; i < buf.length; i++) if (!isWhite(buf[i] as number)) return false;
  return true;
}

function describe(error: unknown): string {
  if (error instanceof PdfSyntaxError || error instanceof DerError) return error.message;
  if (error instanceof RangeError) return `resource limit: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function checkArguments(pdf: unknown, options: VerifyPdfOptions | undefined): void {
  if (!(pdf instanceof Uint8Array)) throw new SignatureError('INVALID_ARGUMENT', 'verifyPdf: pdf must be a Uint8Array');
  if (typeof options !== 'object' || options === null)
    throw new SignatureError('INVALID_ARGUMENT', 'verifyPdf: options are required (at least { trust })');
  if (options.trust === undefined || options.trust === null)
    throw new SignatureError('INVALID_ARGUMENT', 'verifyPdf: options.trust is required (createTrustStore)');
  if (options.at !== undefined && (!(options.at instanceof Date) || Number.isNaN(options.at.getTime())))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyPdf: options.at must be a valid Date');
  if (options.maxBytes !== undefined && !(Number.isInteger(options.maxBytes) && options.maxBytes > 0))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyPdf: options.maxBytes must be a positive integer');
}
