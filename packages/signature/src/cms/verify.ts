/*
 * verifyCms: CMS/PKCS#7 SignedData verification, attached or detached (RFC 5652, CAdES-BES basics), after
 * shared/domain/signatures.md (the domain notes) §3 (c). Every SignerInfo is reported; certificates found in the CMS are
 * only candidates — the path to a configured trust anchor is validated by ../pkix at the validation time
 * (`options.at`, default now), and the claimed signing time is reported as a claim. Bad input never throws:
 * it gives a result (INDETERMINATE/FORMAT_FAILURE when unreadable).
 */
import type { LocalizedText } from '@lienthong/report';
import { fromBase64, latin1 } from '../bytes';
import { SignatureError } from '../errors';
import {
  type CertificateInfo,
  type Check,
  type Indication,
  overallIndication,
  type SignatureResult,
  type SubIndication,
} from '../model/result';
import {
  type IntermediateCertificate,
  type ParsedCertificate,
  type PathValidationOptions,
  type PathValidationResult,
  parseCertificateDer,
  validatePath,
} from '../pkix';
import { parseCertificateInputs } from '../pkix/certificate';
import { evaluateCmsSignatureTimestamps } from '../timestamp/cms';
import { NO_TIMESTAMPS, settleSigningTime } from '../timestamp/signature';
import type { DigestName } from './algorithms';
import { type CertificateFields, readEachCertificateFields } from './certificate';
import { bytesEqual, DerError } from './der';
import { MSG } from './messages';
import { NotSignedDataError, parseSignedData, type SignedDataStructure } from './parse';
import { checkSigner, type Failure, type SignerOutcome } from './signer';

type PathOptions = PathValidationOptions;
type PathResult = PathValidationResult;

/** The default cap on the CMS size (attached content included): 64 MiB. */
export const DEFAULT_MAX_CMS_BYTES = 64 * 1024 * 1024;

export interface VerifyCmsOptions {
  /** The signed content of a detached signature (for an attached one, optional: then it must be equal). */
  readonly content?: Uint8Array;
  /**
   * The detached content given by its digest instead of its bytes, for a caller that hashes the content anyway
   * (the PDF verifier hashes the signed byte ranges of several signatures together). Called with the digest
   * algorithm a SignerInfo names — at most once per algorithm — it returns the digest of the content under
   * exactly that algorithm. Nothing else changes: the algorithm policy applies (SHA-1 only with `allowSha1`, MD5
   * never), a digest that differs from the message-digest attribute is TOTAL-FAILED / HASH_FAILURE, and
   * `signedContent` is absent. Detached signatures only (an attached CMS gives FORMAT_FAILURE) and not together
   * with `content`. A SignerInfo without signed attributes signs the content itself, which a digest cannot
   * check: INDETERMINATE / SIGNED_DATA_NOT_FOUND.
   */
  readonly contentDigest?: (algorithm: DigestName) => Uint8Array | Promise<Uint8Array>;
  /** The trust anchors (explicit configuration; never the CMS certificates). */
  readonly trust: PathOptions['trust'];
  /**
   * Further certificates the caller supplies (DER, PEM bundles or parsed): candidates for the signer certificate
   * when the CMS lacks it, and intermediates for path building. Never trusted by themselves.
   */
  readonly intermediates?: readonly (Uint8Array | string | ParsedCertificate)[];
  /**
   * Validation time; default now. The signing-time attribute is only a claim; a valid signatureTimeStampToken
   * proves the signature existed at its time (`signingTime.timestamp`), and a signer certificate expired at this
   * time is then validated at that one (../timestamp/signature.ts).
   */
  readonly at?: Date;
  /** CRLs / OCSP responses / fetch hook for revocation (CRLs embedded in the CMS are added). */
  readonly revocation?: PathOptions['revocation'];
  readonly revocationPolicy?: PathOptions['revocationPolicy'];
  /** Accept SHA-1 (reported as `legacy: true`). Default false. MD5 is never accepted. */
  readonly allowSha1?: boolean;
  /** Accept SignerInfos without signed attributes (signature over the content itself). Default false. */
  readonly allowNoSignedAttributes?: boolean;
  /** Cap on the CMS size in bytes, checked before parsing. Default 64 MiB. */
  readonly maxBytes?: number;
}

export interface CmsVerification {
  readonly indication: Indication;
  readonly subIndication: SubIndication | null;
  readonly message: LocalizedText;
  /** One result per SignerInfo, in order. */
  readonly signatures: SignatureResult[];
  /**
   * What was signed — present only when every signature passed: the only bytes callers should read. Absent when
   * the content was given as `contentDigest`.
   */
  readonly signedContent?: Uint8Array;
}

/** Verifies a CMS SignedData (DER, BER or PEM). */
export async function verifyCms(cms: Uint8Array | string, options: VerifyCmsOptions): Promise<CmsVerification> {
  checkArguments(cms, options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_CMS_BYTES;
  const at = options.at ?? new Date();

  const decoded = decodeCmsInput(cms, maxBytes);
  if (!decoded.ok) return fileFailure('FORMAT_FAILURE', decoded.message);

  let structure: SignedDataStructure;
  try {
    structure = parseSignedData(decoded.bytes);
  } catch (error) {
    if (error instanceof NotSignedDataError)
      return fileFailure('SIGNED_DATA_NOT_FOUND', MSG.notSignedData(error.contentType));
    return fileFailure('FORMAT_FAILURE', MSG.malformed(error instanceof DerError ? error.message : 'unreadable'));
  }
  if (structure.signerInfos.length === 0) return fileFailure('SIGNED_DATA_NOT_FOUND', MSG.noSigners);

  // What was signed: the attached eContent, or the supplied detached content (its bytes or its digest).
  let content: Uint8Array | undefined;
  let kind: 'attached' | 'detached';
  if (structure.eContent !== undefined) {
    // A digest of other content cannot be compared with the attached bytes: which content was meant is unclear.
    if (options.contentDigest !== undefined) return fileFailure('FORMAT_FAILURE', MSG.attachedWithDigest);
    if (options.content !== undefined && !bytesEqual(options.content, structure.eContent))
      return fileFailure('FORMAT_FAILURE', MSG.attachedDiffers);
    content = structure.eContent;
    kind = 'attached';
  } else {
    if (options.content === undefined && options.contentDigest === undefined)
      return fileFailure('SIGNED_DATA_NOT_FOUND', MSG.detachedWithoutContent);
    content = options.content;
    kind = 'detached';
  }

  const embedded = readEachCertificateFields(structure.certificates);
  // Supplied certificates, then the trust anchors themselves, may also hold the signer certificate.
  const suppliedParsed = parseCertificateInputs(options.intermediates ?? []);
  const supplied = readEachCertificateFields(suppliedParsed.map((certificate) => certificate.der));
  const anchors = anchorFields(options.trust);
  // Certificates parsed by ../pkix once per call, on demand; trust anchors and supplied ones are already parsed.
  const known = [...suppliedParsed, ...options.trust.anchors];
  const parsedCache = new Map<Uint8Array, ParsedCertificate | null>();
  const parsed = (der: Uint8Array): ParsedCertificate | null => {
    let entry = parsedCache.get(der);
    if (entry === undefined) {
      entry = known.find((certificate) => bytesEqual(certificate.der, der)) ?? null;
      if (entry === null) entry = parseMemoized(der);
      parsedCache.set(der, entry);
    }
    return entry;
  };
  const context = {
    structure,
    content,
    ...(options.contentDigest ? { contentDigest: options.contentDigest } : {}),
    embedded,
    supplied,
    anchors,
    allowSha1: options.allowSha1 ?? false,
    allowNoSignedAttributes: options.allowNoSignedAttributes ?? false,
    digests: new Map(),
    publicKey: (certificate: CertificateFields) => {
      const known = parsed(certificate.der);
      return known ? { spki: known.subjectPublicKeyInfo, description: known.publicKeyDescription } : undefined;
    },
  };
  const coverage = {
    kind: kind === 'attached' ? ('attached-content' as const) : ('detached-content' as const),
    description: (content ? MSG.contentFound(kind, content.length) : MSG.contentDigestSupplied).en,
  };

  const signatures: SignatureResult[] = [];
  for (const info of structure.signerInfos) {
    const outcome = await checkSigner(info, context);
    const finishing = { options, at, structure, embedded, supplied, parsed, coverage };
    signatures.push(await finishSigner(outcome, finishing, info));
  }

  const overall = overallIndication(signatures);
  const failed = signatures.filter((signature) => signature.indication !== 'TOTAL-PASSED').length;
  const message =
    failed === 0
      ? MSG.allPassed(signatures.length)
      : signatures.length === 1
        ? (signatures[0] as SignatureResult).message
        : MSG.someFailed(failed, signatures.length);
  const result: CmsVerification = { ...overall, message, signatures };
  return failed === 0 && content ? { ...result, signedContent: content } : result;
}

interface FinishContext {
  readonly options: VerifyCmsOptions;
  readonly at: Date;
  readonly structure: SignedDataStructure;
  readonly embedded: readonly CertificateFields[];
  readonly supplied: readonly CertificateFields[];
  readonly parsed: (der: Uint8Array) => ParsedCertificate | null;
  readonly coverage: SignatureResult['coverage'];
}

const TOTAL_FAILED = new Set<SubIndication>(['HASH_FAILURE', 'SIG_CRYPTO_FAILURE']);
/** Which failure of a signature is reported when it has several (first listed wins). */
const PRIORITY: readonly SubIndication[] = [
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'FORMAT_FAILURE',
  'NO_SIGNING_CERTIFICATE_FOUND',
  'CRYPTO_CONSTRAINTS_FAILURE',
  'SIG_CONSTRAINTS_FAILURE',
];

async function finishSigner(
  outcome: SignerOutcome,
  context: FinishContext,
  info: SignedDataStructure['signerInfos'][number],
): Promise<SignatureResult> {
  const checks: Check[] = [...outcome.checks];
  const failures: Failure[] = [...outcome.failures];
  const signerParsed = outcome.certificate ? context.parsed(outcome.certificate.der) : null;
  if (outcome.certificate && !signerParsed) {
    const parsed = parseCertificateDer(outcome.certificate.der);
    const reason = parsed.ok ? { vi: 'X.509', en: 'X.509' } : parsed.reason;
    const message = {
      vi: MSG.signerCertificateUnreadable(reason.vi).vi,
      en: MSG.signerCertificateUnreadable(reason.en).en,
    };
    failures.push({ subIndication: 'FORMAT_FAILURE', message });
    checks.push({ id: 'cms.signer-certificate', passed: false, message });
  }

  let path: PathResult | undefined;
  const cryptoFailed = failures.some((failure) => TOTAL_FAILED.has(failure.subIndication));
  if (signerParsed && !cryptoFailed) {
    const validated = await validateSignerPath(
      signerParsed,
      outcome.certificate as CertificateFields,
      outcome.certificateSource ?? 'embedded',
      context,
    );
    if ('error' in validated) {
      failures.push({ subIndication: 'CERTIFICATE_CHAIN_GENERAL_FAILURE', message: validated.message });
      checks.push({ id: 'cms.chain', passed: false, message: validated.message });
    } else path = validated;
  } else if (signerParsed) checks.push({ id: 'cms.chain', passed: false, message: MSG.chainSkipped });

  // Signature timestamps (../timestamp): proof of existence; an expiry at `at` is re-judged at that time.
  const { options } = context;
  const revocation = revocationInputs(context);
  const timestamps = cryptoFailed
    ? NO_TIMESTAMPS
    : await evaluateCmsSignatureTimestamps(info, context.structure, {
        trust: options.trust,
        at: context.at,
        allowSha1: options.allowSha1 === true,
        ...(options.intermediates ? { intermediates: options.intermediates } : {}),
        ...(revocation ? { revocation } : {}),
        ...(options.revocationPolicy ? { revocationPolicy: options.revocationPolicy } : {}),
      });
  const settled = await settleSigningTime({
    timestamps,
    path,
    at: context.at,
    claimed: outcome.claimedSigningTime,
    revalidate: async (time) => {
      const again = await validateSignerPath(
        signerParsed as ParsedCertificate,
        outcome.certificate as CertificateFields,
        outcome.certificateSource ?? 'embedded',
        context,
        time,
      );
      return 'error' in again ? (path as PathResult) : again;
    },
  });
  path = settled.path;
  checks.push(...settled.checks, ...(path?.checks ?? []));
  if (settled.failure) failures.push(settled.failure);

  const decided = decide(failures, path);
  return {
    format: 'cms',
    indication: decided.indication,
    subIndication: decided.subIndication,
    message: decided.message,
    signer: signerParsed ? copyInfo(signerParsed.info) : null,
    chain: path ? path.chain.map(copyInfo) : [],
    signingTime: {
      ...(outcome.claimedSigningTime ? { claimed: outcome.claimedSigningTime.toISOString() } : {}),
      ...settled.signingTime,
    },
    coverage: context.coverage,
    revocation: path ? path.revocation : [],
    algorithms: { digest: outcome.digest, signature: outcome.signature },
    legacy: outcome.legacy || (path?.legacy ?? false) || timestamps.verifications.some((stamp) => stamp.legacy),
    checks,
  };
}

async function validateSignerPath(
  signer: ParsedCertificate,
  signerFields: CertificateFields,
  signerSource: 'embedded' | 'supplied',
  context: FinishContext,
  /** The validation time; a time other than `context.at` is a proof of existence from a timestamp. */
  at: Date = context.at,
): Promise<PathResult | { error: true; message: LocalizedText }> {
  const intermediates: IntermediateCertificate[] = [];
  for (const [source, list] of [
    ['embedded', context.embedded],
    ['supplied', context.supplied],
  ] as const) {
    for (const fields of list) {
      if (fields === signerFields) continue;
      const certificate = context.parsed(fields.der);
      if (certificate) intermediates.push({ certificate, source });
    }
  }
  const { options } = context;
  const revocation = revocationInputs(context);
  try {
    return await validatePath(signer, {
      trust: options.trust,
      intermediates,
      at,
      ...(at !== context.at ? { timeProof: 'timestamp' as const } : {}),
      leafSource: signerSource,
      purpose: 'signing',
      allowSha1: options.allowSha1 === true,
      ...(revocation ? { revocation } : {}),
      ...(options.revocationPolicy ? { revocationPolicy: options.revocationPolicy } : {}),
    });
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    return { error: true, message: MSG.chainUnavailable(error instanceof Error ? error.message : String(error)) };
  }
}

/** The caller's revocation inputs with the CRLs embedded in the CMS added. */
function revocationInputs(context: FinishContext): VerifyCmsOptions['revocation'] {
  const { options, structure } = context;
  return structure.crls.length > 0
    ? { ...options.revocation, crls: [...(options.revocation?.crls ?? []), ...structure.crls] }
    : options.revocation;
}

function decide(
  failures: readonly Failure[],
  path: PathResult | undefined,
): { indication: Indication; subIndication: SubIndication | null; message: LocalizedText } {
  const pick = (sub: SubIndication): Failure | undefined => failures.find((failure) => failure.subIndication === sub);
  for (const sub of PRIORITY.slice(0, 2)) {
    const failure = pick(sub);
    if (failure) return { indication: 'TOTAL-FAILED', subIndication: sub, message: failure.message };
  }
  if (path && path.indication === 'TOTAL-FAILED')
    return { indication: 'TOTAL-FAILED', subIndication: path.subIndication, message: path.message };
  for (const sub of PRIORITY.slice(2)) {
    const failure = pick(sub);
    if (failure) return { indication: 'INDETERMINATE', subIndication: sub, message: failure.message };
  }
  const other = failures[0];
  if (other) return { indication: 'INDETERMINATE', subIndication: other.subIndication, message: other.message };
  if (!path)
    return {
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
      message: MSG.signatureNotChecked,
    };
  if (path.indication !== 'TOTAL-PASSED')
    return { indication: path.indication, subIndication: path.subIndication, message: path.message };
  return { indication: 'TOTAL-PASSED', subIndication: null, message: MSG.signaturePassed };
}

function fileFailure(subIndication: SubIndication, message: LocalizedText): CmsVerification {
  return { indication: 'INDETERMINATE', subIndication, message, signatures: [] };
}

/*
 * Parsed certificates, memoised by their exact DER: parsing is a pure function of the bytes, and the same signer
 * and intermediate certificates recur from one document to the next (an agency seal signs thousands), and a
 * parsed certificate's key stays imported in the crypto backend's cache. Bounded, least recently used first out.
 */
const MEMO_ENTRIES = 256;
const MEMO_MAX_DER_BYTES = 8 * 1024;
const memo = new Map<string, ParsedCertificate>();

function parseMemoized(der: Uint8Array): ParsedCertificate | null {
  const key = der.length <= MEMO_MAX_DER_BYTES ? latin1(der) : undefined;
  if (key !== undefined) {
    const hit = memo.get(key);
    if (hit) {
      memo.delete(key);
      memo.set(key, hit);
      return hit;
    }
  }
  const result = parseCertificateDer(der);
  if (!result.ok) return null;
  if (key !== undefined) {
    if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value as string);
    memo.set(key, result.certificate);
  }
  return result.certificate;
}

/** Empties the memo of parsed certificates (for benchmarks measuring cold verifications; not exported). */
export function clearCertificateMemo(): void {
  memo.clear();
}

/** A deep copy of certificate information for a result (cached and anchor objects are shared). */
function copyInfo<T extends CertificateInfo>(info: T): T {
  const name = (dn: CertificateInfo['subject']) => ({
    text: dn.text,
    attributes: dn.attributes.map((a) => ({ ...a })),
  });
  return {
    ...info,
    subject: name(info.subject),
    issuer: name(info.issuer),
    identifiers: info.identifiers.map((identifier) => ({ ...identifier })),
  };
}

/** The SID fields of a trust store's anchors, read once per store. */
const ANCHOR_FIELDS = new WeakMap<
  PathOptions['trust'],
  { anchors: readonly ParsedCertificate[]; fields: CertificateFields[] }
>();
function anchorFields(trust: PathOptions['trust']): CertificateFields[] {
  const cached = ANCHOR_FIELDS.get(trust);
  if (cached && cached.anchors === trust.anchors) return cached.fields;
  const fields = readEachCertificateFields(trust.anchors.map((anchor) => anchor.der));
  ANCHOR_FIELDS.set(trust, { anchors: trust.anchors, fields });
  return fields;
}

function checkArguments(cms: unknown, options: VerifyCmsOptions | undefined): void {
  if (!(cms instanceof Uint8Array) && typeof cms !== 'string')
    throw new SignatureError('INVALID_ARGUMENT', 'verifyCms: cms must be a Uint8Array (DER/BER) or a string (PEM)');
  if (typeof options !== 'object' || options === null)
    throw new SignatureError('INVALID_ARGUMENT', 'verifyCms: options are required (at least { trust })');
  if (typeof options.trust !== 'object' || options.trust === null || !Array.isArray(options.trust.anchors))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyCms: options.trust is required (createTrustStore)');
  if (options.intermediates !== undefined && !Array.isArray(options.intermediates))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyCms: options.intermediates must be an array');
  if (options.content !== undefined && !(options.content instanceof Uint8Array))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyCms: options.content must be a Uint8Array');
  if (options.contentDigest !== undefined && typeof options.contentDigest !== 'function')
    throw new SignatureError('INVALID_ARGUMENT', 'verifyCms: options.contentDigest must be a function');
  if (options.content !== undefined && options.contentDigest !== undefined)
    throw new SignatureError('INVALID_ARGUMENT', 'verifyCms: give options.content or options.contentDigest, not both');
  if (options.at !== undefined && (!(options.at instanceof Date) || Number.isNaN(options.at.getTime())))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyCms: options.at must be a valid Date');
  if (options.maxBytes !== undefined && !(Number.isInteger(options.maxBytes) && options.maxBytes > 0))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyCms: options.maxBytes must be a positive integer');
}

// ---------------------------------------------------------------------------------------------------------
// Input: DER/BER bytes, or PEM / base64 text (as a string or as bytes).

const PEM = /-----BEGIN ([A-Z0-9 #]{1,40})-----([A-Za-z0-9+/=\s]*)-----END \1-----/;

/** The DER of a CMS given as DER/BER bytes or as PEM / base64 text, within `maxBytes`; never throws. */
export function decodeCmsInput(
  cms: Uint8Array | string,
  maxBytes: number,
): { ok: true; bytes: Uint8Array } | { ok: false; message: LocalizedText } {
  const textCap = Math.ceil(maxBytes / 3) * 4 + 64 * 1024; // base64 of maxBytes plus armour and line breaks
  let text: string | undefined;
  if (typeof cms === 'string') text = cms;
  else if (startsWithPemArmour(cms)) {
    if (cms.length > textCap) return { ok: false, message: MSG.tooLarge(cms.length, maxBytes) };
    text = latin1(cms);
  }
  if (text === undefined) {
    if (cms.length > maxBytes) return { ok: false, message: MSG.tooLarge(cms.length, maxBytes) };
    return { ok: true, bytes: cms as Uint8Array };
  }
  if (text.length > textCap) return { ok: false, message: MSG.tooLarge(text.length, maxBytes) };
  let body: string;
  const match = PEM.exec(text);
  if (match) body = match[2] as string;
  else if (/^[A-Za-z0-9+/=\s]+$/.test(text)) body = text;
  else return { ok: false, message: MSG.notPem };
  const compact = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return { ok: false, message: MSG.notPem };
  const bytes = fromBase64(compact);
  if (bytes.length > maxBytes) return { ok: false, message: MSG.tooLarge(bytes.length, maxBytes) };
  return { ok: true, bytes };
}

function startsWithPemArmour(bytes: Uint8Array): boolean {
  // Leading whitespace allowed; "-----BEGIN"
  let i = 0;
  while (
    i < bytes.length &&
    i < 64 &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  const armour = '-----BEGIN';
  for (let j = 0; j < armour.length; j++) if (bytes[i + j] !== armour.charCodeAt(j)) return false;
  return true;
}
