import { latin1 } from '../bytes';
import type { SignatureCheck } from '../crypto';
import { SignatureError } from '../errors';
import type { ChainEntry, Check, Indication, RevocationEvidence, SubIndication } from '../model/result';
import { checkPublicKey, checkSignatureAlgorithm, verifySignedBytes } from './algorithms';
import { isParsedCertificate, type ParsedCertificate, parseCertificates } from './certificate';
import { isoDate, type LocalizedText, quoted } from './messages';
import { displayLabel, namesMatch } from './name';
import { OID, PROCESSED_CRITICAL_EXTENSIONS } from './oids';
import { checkRevocationInputs, type RevocationInputs, RevocationSources } from './revocation';
import type { TrustStore } from './trust-store';

/*
 * Certification path building and validation (an RFC 5280 §6 subset) at a caller-given time, with the outcome
 * mapped to ETSI EN 319 102-1 indications:
 *
 * | failure                                                         | indication / sub-indication                 |
 * |-----------------------------------------------------------------|---------------------------------------------|
 * | no path from the signer to a configured anchor                  | INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND  |
 * | signer not yet valid at T                                       | TOTAL-FAILED / NOT_YET_VALID                |
 * | signer revoked (or on hold) at or before T                      | TOTAL-FAILED / REVOKED                      |
 * | a CA of the path revoked (or on hold) at or before T            | INDETERMINATE / REVOKED_CA_NO_POE           |
 * | MD5/SHA-1 (without allowSha1)/unknown signature algorithm,      | INDETERMINATE / CRYPTO_CONSTRAINTS_FAILURE  |
 * | RSA < 2048, EC < P-256 or another key type                      |                                             |
 * | CA without cA, without keyCertSign, pathLenConstraint exceeded, | INDETERMINATE / CHAIN_CONSTRAINTS_FAILURE   |
 * | unprocessed critical extension, signer without                  |                                             |
 * | digitalSignature/nonRepudiation, TSA without id-kp-timeStamping |                                             |
 * | signer expired at T, T proven by a timestamp (`timeProof`)      | INDETERMINATE / EXPIRED                     |
 * | signer expired at T otherwise; any CA outside its validity      | INDETERMINATE / OUT_OF_BOUNDS_NO_POE        |
 * | no usable revocation data under revocationPolicy 'require'      | INDETERMINATE / TRY_LATER                   |
 *
 * When several apply, the first row in this order wins: NOT_YET_VALID, REVOKED, REVOKED_CA_NO_POE,
 * CRYPTO_CONSTRAINTS_FAILURE, CHAIN_CONSTRAINTS_FAILURE, EXPIRED, OUT_OF_BOUNDS_NO_POE, TRY_LATER. Key usage of the
 * signer is a constraint on the certificate chain (EN 319 102-1 §5.2.6, X.509 certificate validation), hence
 * CHAIN_CONSTRAINTS_FAILURE rather than SIG_CONSTRAINTS_FAILURE (which concerns the signature's own attributes).
 */

/** Most certificates in a path, signer and anchor included. */
export const MAX_PATH_CERTIFICATES = 8;
/** Most complete candidate paths validated. */
const MAX_PATHS = 4;
/** Most link signatures verified while building paths. */
const MAX_SIGNATURE_CHECKS = 64;

/** A certificate as given: parsed, or DER bytes, or PEM text (one or several certificates). */
export type CertificateInput = ParsedCertificate | Uint8Array | string;

/**
 * An intermediate certificate, optionally with where it came from; without a source it counts as `supplied`.
 * Bytes and text are parsed here; those that do not parse are reported in the checks and ignored.
 */
export type IntermediateCertificate =
  | CertificateInput
  | { certificate: CertificateInput; source: 'embedded' | 'supplied' };

export interface PathValidationOptions {
  trust: TrustStore;
  /** Intermediate certificates: those embedded in the signature and those the caller supplied. Never trusted as anchors. */
  intermediates?: readonly IntermediateCertificate[];
  /** The validation time T. */
  at: Date;
  revocation?: RevocationInputs;
  /** Default `require`: without usable revocation data for every non-anchor certificate the result is TRY_LATER. */
  revocationPolicy?: 'require' | 'if-available' | 'skip';
  /**
   * What the leaf is checked for. `signing` (default): keyUsage, when present, has digitalSignature or
   * nonRepudiation. `timestamping`: that, plus id-kp-timeStamping. `any`: RFC 5280 path validation only, no
   * end-entity usage check (what `openssl verify` does by default; for checking CA certificates themselves).
   */
  purpose?: 'signing' | 'timestamping' | 'any';
  /** Accept SHA-1 in certificate, CRL and OCSP signatures (reported as legacy). Default false. */
  allowSha1?: boolean;
  /**
   * What establishes T: `none` (default: T is the current or a claimed time) or `timestamp` (a trusted timestamp
   * proves the signature existed at T). An expired signer gives OUT_OF_BOUNDS_NO_POE or EXPIRED respectively.
   */
  timeProof?: 'none' | 'timestamp';
  /** Where the leaf came from, for the chain report. Default `embedded`. */
  leafSource?: 'embedded' | 'supplied';
}

export interface PathValidationResult {
  ok: boolean;
  indication: Indication;
  subIndication: SubIndication | null;
  /** Signer first, trust anchor last; when no path was found, the longest partial path. */
  chain: ChainEntry[];
  /** One entry per non-anchor certificate of the path (source `none` when not checked or not found). */
  revocation: RevocationEvidence[];
  checks: Check[];
  message: LocalizedText;
  /** True when a SHA-1 signature was accepted only because of `allowSha1`. */
  legacy: boolean;
}

interface Link {
  certificate: ParsedCertificate;
  source: ChainEntry['source'];
}

interface Failure {
  subIndication: SubIndication;
  message: LocalizedText;
}

const TOTAL_FAILED: ReadonlySet<SubIndication> = new Set(['NOT_YET_VALID', 'REVOKED']);
const PRIORITY: readonly SubIndication[] = [
  'NOT_YET_VALID',
  'REVOKED',
  'REVOKED_CA_NO_POE',
  'CRYPTO_CONSTRAINTS_FAILURE',
  'CHAIN_CONSTRAINTS_FAILURE',
  'EXPIRED',
  'OUT_OF_BOUNDS_NO_POE',
  'TRY_LATER',
];

/**
 * Builds certification paths from `leaf` to the trust store's anchors through the intermediates, and validates them
 * at `options.at`. Resolves with the first path that passes, or else with the first path's failure; never rejects
 * for bad certificates or revocation data. Throws `SignatureError` (INVALID_ARGUMENT) only for invalid options.
 */
export async function validatePath(
  leaf: ParsedCertificate,
  options: PathValidationOptions,
): Promise<PathValidationResult> {
  checkOptions(leaf, options);
  const anchors: Link[] = options.trust.anchors.map((certificate) => ({ certificate, source: 'trust-anchor' }));
  const anchorPrints = new Set(anchors.map((anchor) => anchor.certificate.fingerprintSha256));
  const intermediates: Link[] = [];
  const inputChecks: Check[] = [];
  const seen = new Set<string>(anchorPrints);
  for (const [index, item] of (options.intermediates ?? []).entries()) {
    const wrapped = typeof item === 'object' && item !== null && 'source' in item && 'certificate' in item;
    const source = wrapped ? item.source : 'supplied';
    const parsed = toCertificates(wrapped ? item.certificate : item);
    if (!parsed.ok) {
      inputChecks.push({
        id: 'pkix.intermediate',
        passed: false,
        message: {
          vi: `Bỏ qua chứng thư trung gian #${index + 1}: ${parsed.reason.vi}`,
          en: `Intermediate certificate #${index + 1} ignored: ${parsed.reason.en}`,
        },
      });
      continue;
    }
    for (const certificate of parsed.certificates) {
      if (seen.has(certificate.fingerprintSha256)) continue;
      seen.add(certificate.fingerprintSha256);
      intermediates.push({ certificate, source });
    }
  }

  const leafLink: Link = anchorPrints.has(leaf.fingerprintSha256)
    ? { certificate: leaf, source: 'trust-anchor' }
    : { certificate: leaf, source: options.leafSource ?? 'embedded' };
  const search = new PathSearch(leafLink, anchors, intermediates);
  const sources = new RevocationSources(options.revocation ?? {}, { allowSha1: options.allowSha1 === true });
  let first: PathValidationResult | undefined;
  let validated = 0;
  // Paths are found lazily: a second candidate path is looked for only when the first one fails.
  for await (const path of search.paths()) {
    const setupChecks = [...inputChecks, ...search.checks, ...sources.checks.slice(0, sources.setupNotes)];
    const result = await validateLinks(path, options, sources, setupChecks, search);
    if (result.ok) return withNonDecisiveNotes(result);
    first ??= result;
    if (++validated >= MAX_PATHS) break;
  }
  return first ?? noPath(search, [...inputChecks, ...search.checks]);
}

/** The ids of diagnostic notes about inputs that were ignored (unparseable data, rejected candidates). */
const NOTE_IDS: ReadonlySet<string> = new Set(['pkix.intermediate', 'pkix.chain-candidate', 'pkix.revocation-data']);

/**
 * In a passing result no check may read as failed: notes about ignored inputs are kept, marked as not affecting
 * the outcome.
 */
function withNonDecisiveNotes(result: PathValidationResult): PathValidationResult {
  return {
    ...result,
    checks: result.checks.map((check) =>
      check.passed || !NOTE_IDS.has(check.id)
        ? check
        : {
            ...check,
            passed: true,
            message: {
              vi: `Không ảnh hưởng đến kết quả — ${check.message.vi}`,
              en: `Did not affect the outcome — ${check.message.en}`,
            },
          },
    ),
  };
}

function toCertificates(
  input: CertificateInput,
): { ok: true; certificates: ParsedCertificate[] } | { ok: false; reason: LocalizedText } {
  if (isParsedCertificate(input)) return { ok: true, certificates: [input] };
  return parseCertificates(input as Uint8Array | string);
}

function checkOptions(leaf: ParsedCertificate, options: PathValidationOptions): void {
  if (!isParsedCertificate(leaf))
    throw new SignatureError(
      'INVALID_ARGUMENT',
      'validatePath: leaf must be a ParsedCertificate (see parseCertificate).',
    );
  if (!options?.trust || !Array.isArray(options.trust.anchors))
    throw new SignatureError(
      'INVALID_ARGUMENT',
      'validatePath: options.trust must be a TrustStore (see createTrustStore).',
    );
  if (!(options.at instanceof Date) || Number.isNaN(options.at.getTime()))
    throw new SignatureError('INVALID_ARGUMENT', 'validatePath: options.at must be a valid Date.');
  const purpose = options.purpose;
  if (purpose !== undefined && purpose !== 'signing' && purpose !== 'timestamping' && purpose !== 'any')
    throw new SignatureError('INVALID_ARGUMENT', `validatePath: unknown purpose "${String(purpose)}".`);
  const policy = options.revocationPolicy;
  if (policy !== undefined && policy !== 'require' && policy !== 'if-available' && policy !== 'skip')
    throw new SignatureError('INVALID_ARGUMENT', `validatePath: unknown revocationPolicy "${String(policy)}".`);
  if (options.revocation !== undefined) checkRevocationInputs(options.revocation, 'validatePath');
}

// ---------------------------------------------------------------------------------------------------------------
// Path building

/**
 * Depth-first search for paths from the leaf to an anchor: a candidate issuer has the child's issuer name, agrees
 * with its authorityKeyIdentifier when both identifiers are present, is not already on the path (by subject and
 * key, so cross-certificates cannot loop), and verifies the child's signature. Anchors are tried before
 * intermediates. Paths are produced one at a time. A link whose signature this platform's crypto cannot check
 * (`unsupported`) is kept but remembered, and the path then fails validation (CRYPTO_CONSTRAINTS_FAILURE): an
 * unchecked signature is never taken as a valid one.
 */
class PathSearch {
  readonly checks: Check[] = [];
  /** The longest path explored (the whole path once one reaches an anchor). */
  partial: Link[];
  private signatureChecks = 0;
  private readonly verified = new Map<string, SignatureCheck>();
  private readonly pool: Link[];

  constructor(
    private readonly leaf: Link,
    private readonly anchors: Link[],
    intermediates: Link[],
  ) {
    this.partial = [leaf];
    this.pool = [...anchors, ...intermediates];
  }

  async *paths(): AsyncGenerator<Link[]> {
    if (this.leaf.source === 'trust-anchor') {
      yield [this.leaf];
      return;
    }
    let found = 0;
    for await (const path of this.extend([this.leaf])) {
      found++;
      yield path;
    }
    if (found === 0) this.explainDeadEnd();
  }

  private async *extend(path: Link[]): AsyncGenerator<Link[]> {
    if (path.length > this.partial.length && (this.partial.at(-1) as Link).source !== 'trust-anchor')
      this.partial = path;
    if (path.length >= MAX_PATH_CERTIFICATES) return;
    const last = (path.at(-1) as Link).certificate;
    const identities = new Set(path.map((link) => identity(link.certificate)));
    for (const candidate of this.pool) {
      if (!namesMatch(last.issuerName, candidate.certificate.subjectName)) continue;
      if (!keyIdentifiersAgree(last, candidate.certificate)) continue;
      if (identities.has(identity(candidate.certificate))) continue;
      if ((await this.signedBy(last, candidate.certificate)) === 'invalid') continue;
      const next = [...path, candidate];
      if (candidate.source === 'trust-anchor') {
        this.partial = next;
        yield next;
      } else {
        yield* this.extend(next);
      }
    }
  }

  /** Whether the signature on `subject` was found unverifiable here (not wrong) with `issuer`'s key. */
  unchecked(subject: ParsedCertificate, issuer: ParsedCertificate): boolean {
    return this.verified.get(`${subject.fingerprintSha256}<${issuer.fingerprintSha256}`) === 'unsupported';
  }

  private async signedBy(subject: ParsedCertificate, issuer: ParsedCertificate): Promise<SignatureCheck> {
    const key = `${subject.fingerprintSha256}<${issuer.fingerprintSha256}`;
    const known = this.verified.get(key);
    if (known !== undefined) return known;
    if (this.signatureChecks >= MAX_SIGNATURE_CHECKS) return 'invalid';
    this.signatureChecks++;
    const check = await verifySignedBytes(
      subject.signatureAlgorithm,
      subject.tbs,
      subject.signatureValue,
      issuer.subjectPublicKeyInfo,
    );
    this.verified.set(key, check);
    if (check === 'invalid')
      this.checks.push({
        id: 'pkix.chain-candidate',
        passed: false,
        message: {
          vi: `${quoted(label(issuer))} có tên khớp nhưng chữ ký trên ${quoted(label(subject))} không kiểm tra được bằng khóa của nó.`,
          en: `${quoted(label(issuer))} matches by name, but the signature on ${quoted(label(subject))} does not verify with its key.`,
        },
      });
    return check;
  }

  private explainDeadEnd(): void {
    const end = this.partial.at(-1) as Link;
    const impersonates = this.anchors.some((anchor) =>
      namesMatch(anchor.certificate.subjectName, end.certificate.subjectName),
    );
    const message: LocalizedText = end.certificate.selfIssued
      ? impersonates
        ? {
            vi: `Chuỗi chứng thực dừng ở ${quoted(label(end))}: trùng tên với một điểm tin cậy nhưng khóa khác, nên không được tin cậy.`,
            en: `The path ends at ${quoted(label(end))}: it has a trust anchor's name but another key, so it is not trusted.`,
          }
        : {
            vi: `Chuỗi chứng thực dừng ở ${quoted(label(end))}, một chứng thư gốc không nằm trong danh sách tin cậy.`,
            en: `The path ends at ${quoted(label(end))}, a root that is not a configured trust anchor.`,
          }
      : {
          vi: `Không tìm thấy chứng thư của CA cấp ${quoted(label(end))} (${end.certificate.issuerName.name.text}) trong các chứng thư kèm theo hay điểm tin cậy.`,
          en: `The issuer of ${quoted(label(end))} (${end.certificate.issuerName.name.text}) is neither among the supplied certificates nor a trust anchor.`,
        };
    this.checks.push({ id: 'pkix.chain', passed: false, message });
  }
}

/** When both are present, the child's authorityKeyIdentifier must equal the candidate's subjectKeyIdentifier. */
function keyIdentifiersAgree(child: ParsedCertificate, candidate: ParsedCertificate): boolean {
  const authority = child.authorityKeyIdentifier?.keyIdentifier;
  const subject = candidate.subjectKeyIdentifier;
  return authority === undefined || subject === undefined || authority === subject;
}

/** Subject and key: two certificates with the same identity would make a loop. */
function identity(certificate: ParsedCertificate): string {
  return `${certificate.subjectName.matchKey}|${latin1(certificate.subjectPublicKeyInfo)}`;
}

function noPath(search: PathSearch, checks: Check[]): PathValidationResult {
  const message = checks.findLast((check) => check.id === 'pkix.chain')?.message ?? {
    vi: 'Không dựng được chuỗi chứng thực đến điểm tin cậy.',
    en: 'No certification path to a trust anchor was found.',
  };
  return {
    ok: false,
    indication: 'INDETERMINATE',
    subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    chain: search.partial.map(toChainEntry),
    revocation: [],
    checks,
    message,
    legacy: false,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Path validation

async function validateLinks(
  path: Link[],
  options: PathValidationOptions,
  sources: RevocationSources,
  setupChecks: Check[],
  search: Pick<PathSearch, 'unchecked'>,
): Promise<PathValidationResult> {
  const at = options.at;
  const checks: Check[] = [...setupChecks];
  const failures: Failure[] = [];
  let legacy = false;
  const fail = (id: string, subIndication: SubIndication, message: LocalizedText) => {
    checks.push({ id, passed: false, message });
    failures.push({ subIndication, message });
  };
  const pass = (id: string, message: LocalizedText) => checks.push({ id, passed: true, message });
  const anchorIndex = path.length - 1;
  const anchorName = quoted(label(path[anchorIndex] as Link));
  pass(
    'pkix.chain',
    path.length === 1
      ? {
          vi: `Chứng thư ký ${anchorName} chính là một điểm tin cậy đã cấu hình.`,
          en: `The signing certificate ${anchorName} is itself a configured trust anchor.`,
        }
      : {
          vi: `Đã dựng được chuỗi chứng thực ${path.length} chứng thư đến điểm tin cậy ${anchorName}.`,
          en: `A certification path of ${path.length} certificates to the trust anchor ${anchorName} was built.`,
        },
  );

  for (const [index, link] of path.entries()) {
    const certificate = link.certificate;
    const name = quoted(label(link));
    const isLeaf = index === 0;
    const isAnchor = index === anchorIndex;

    // Validity period at T.
    if (at < certificate.notBefore) {
      fail('pkix.validity', isLeaf ? 'NOT_YET_VALID' : 'OUT_OF_BOUNDS_NO_POE', {
        vi: `${name} chưa có hiệu lực tại ${isoDate(at)} (hiệu lực từ ${isoDate(certificate.notBefore)}).`,
        en: `${name} is not yet valid at ${isoDate(at)} (valid from ${isoDate(certificate.notBefore)}).`,
      });
    } else if (at > certificate.notAfter) {
      const subIndication = isLeaf && options.timeProof === 'timestamp' ? 'EXPIRED' : 'OUT_OF_BOUNDS_NO_POE';
      fail('pkix.validity', subIndication, {
        vi: `${name} đã hết hạn tại ${isoDate(at)} (hết hạn ${isoDate(certificate.notAfter)}).`,
        en: `${name} has expired at ${isoDate(at)} (expired ${isoDate(certificate.notAfter)}).`,
      });
    } else {
      pass('pkix.validity', {
        vi: `${name} có hiệu lực tại ${isoDate(at)}.`,
        en: `${name} is valid at ${isoDate(at)}.`,
      });
    }

    // Unprocessed critical extensions.
    const unknownCritical = certificate.extensions.filter(
      (extension) => extension.critical && !PROCESSED_CRITICAL_EXTENSIONS.has(extension.oid),
    );
    if (unknownCritical.length > 0) {
      const names = unknownCritical.map((extension) => extension.name).join(', ');
      fail('pkix.critical-extensions', 'CHAIN_CONSTRAINTS_FAILURE', {
        vi: `${name} có phần mở rộng đánh dấu quan trọng (critical) mà trình kiểm tra không xử lý: ${names}.`,
        en: `${name} has critical extensions this verifier does not process: ${names}.`,
      });
    }

    // The signature on this certificate (the anchor's own signature is not relied on).
    if (!isAnchor) {
      const verdict = checkSignatureAlgorithm(certificate.signatureAlgorithm, options);
      if (!verdict.allowed) fail('pkix.signature-algorithm', 'CRYPTO_CONSTRAINTS_FAILURE', about(name, verdict.reason));
      else if (search.unchecked(certificate, (path[index + 1] as Link).certificate)) {
        fail('pkix.signature-algorithm', 'CRYPTO_CONSTRAINTS_FAILURE', {
          vi: `Chữ ký trên ${name} (${certificate.signatureAlgorithm.name}) không kiểm tra được bằng thư viện mật mã của nền tảng này.`,
          en: `The signature on ${name} (${certificate.signatureAlgorithm.name}) cannot be checked by this platform's cryptography.`,
        });
      } else {
        legacy ||= verdict.legacy;
        pass('pkix.signature-algorithm', {
          vi: `Chữ ký trên ${name} (${certificate.signatureAlgorithm.name}) hợp lệ${verdict.legacy ? ', SHA-1 được chấp nhận theo tùy chọn cũ' : ''}.`,
          en: `The signature on ${name} (${certificate.signatureAlgorithm.name}) verifies${verdict.legacy ? '; SHA-1 accepted as legacy' : ''}.`,
        });
      }
    }

    // Keys that sign something: the issuers' keys and the signer's key.
    const keyVerdict = checkPublicKey(certificate.publicKeyDescription);
    if (!keyVerdict.allowed) fail('pkix.public-key', 'CRYPTO_CONSTRAINTS_FAILURE', about(name, keyVerdict.reason));

    if (isLeaf) checkSigner(link, options, fail, pass);
    else checkCa(path, index, fail, pass);
  }

  // Revocation, unless the path already failed for reasons revocation cannot change.
  const revocation: RevocationEvidence[] = [];
  const decisiveFailure = failures.some(
    (failure) =>
      TOTAL_FAILED.has(failure.subIndication) ||
      failure.subIndication === 'CRYPTO_CONSTRAINTS_FAILURE' ||
      failure.subIndication === 'CHAIN_CONSTRAINTS_FAILURE',
  );
  const policy = options.revocationPolicy ?? 'require';
  for (const [index, link] of path.slice(0, -1).entries()) {
    const certificate = link.certificate;
    const name = quoted(label(link));
    const none: RevocationEvidence = {
      certificateFingerprintSha256: certificate.fingerprintSha256,
      source: 'none',
      status: 'unknown',
    };
    if (policy === 'skip' || decisiveFailure) {
      revocation.push(none);
      continue;
    }
    const sourcesBefore = sources.checks.length;
    const finding = await sources.statusOf(certificate, (path[index + 1] as Link).certificate, at);
    checks.push(...sources.checks.slice(sourcesBefore));
    revocation.push(finding.evidence);
    legacy ||= finding.legacy === true;
    if (finding.revokedAtTime) {
      const reason = finding.evidence.reason;
      const what =
        reason === 'certificateHold'
          ? { vi: 'bị tạm dừng (certificateHold)', en: 'suspended (certificateHold)' }
          : { vi: `bị thu hồi${reason ? ` (${reason})` : ''}`, en: `revoked${reason ? ` (${reason})` : ''}` };
      const when = finding.evidence.revokedAt ? isoDate(new Date(finding.evidence.revokedAt)) : '?';
      fail('pkix.revocation', index === 0 ? 'REVOKED' : 'REVOKED_CA_NO_POE', {
        vi: `${name} ${what.vi} từ ${when}, không muộn hơn thời điểm kiểm tra ${isoDate(at)}.`,
        en: `${name} was ${what.en} on ${when}, no later than the validation time ${isoDate(at)}.`,
      });
    } else if (finding.usable) {
      pass('pkix.revocation', {
        vi: `${name} không bị thu hồi tại ${isoDate(at)}.`,
        en: `${name} was not revoked at ${isoDate(at)}.`,
      });
    } else if (policy === 'require') {
      fail('pkix.revocation', 'TRY_LATER', {
        vi: `Không có dữ liệu thu hồi dùng được cho ${name}; hãy cung cấp CRL/OCSP hoặc thử lại sau.`,
        en: `No usable revocation data for ${name}; supply a CRL or OCSP response, or try again later.`,
      });
    } else {
      pass('pkix.revocation', {
        vi: `Không có dữ liệu thu hồi cho ${name}; được chấp nhận vì chính sách là “if-available”.`,
        en: `No revocation data for ${name}; accepted because the policy is “if-available”.`,
      });
    }
  }
  if (policy === 'skip' && path.length > 1)
    pass('pkix.revocation', {
      vi: 'Không kiểm tra thu hồi (chính sách “skip”).',
      en: 'Revocation was not checked (policy “skip”).',
    });

  const chain = path.map(toChainEntry);
  const decisive = PRIORITY.map((sub) => failures.find((failure) => failure.subIndication === sub)).find(Boolean);
  if (decisive)
    return {
      ok: false,
      indication: TOTAL_FAILED.has(decisive.subIndication) ? 'TOTAL-FAILED' : 'INDETERMINATE',
      subIndication: decisive.subIndication,
      chain,
      revocation,
      checks,
      message: decisive.message,
      legacy,
    };
  return {
    ok: true,
    indication: 'TOTAL-PASSED',
    subIndication: null,
    chain,
    revocation,
    checks,
    message: {
      vi: `Chuỗi chứng thực hợp lệ tại ${isoDate(at)}, đến điểm tin cậy ${anchorName}.`,
      en: `The certification path to the trust anchor ${anchorName} is valid at ${isoDate(at)}.`,
    },
    legacy,
  };
}

type Fail = (id: string, subIndication: SubIndication, message: LocalizedText) => void;
type Pass = (id: string, message: LocalizedText) => void;

function checkSigner(link: Link, options: PathValidationOptions, fail: Fail, pass: Pass): void {
  if (options.purpose === 'any') return;
  const certificate = link.certificate;
  const name = quoted(label(link));
  const usage = certificate.keyUsage;
  if (usage && !usage.digitalSignature && !usage.nonRepudiation) {
    fail('pkix.signer-key-usage', 'CHAIN_CONSTRAINTS_FAILURE', {
      vi: `Khóa của ${name} không được phép dùng để ký (keyUsage thiếu digitalSignature và nonRepudiation).`,
      en: `The key of ${name} may not be used for signatures (keyUsage has neither digitalSignature nor nonRepudiation).`,
    });
  } else {
    pass('pkix.signer-key-usage', {
      vi: `Khóa của ${name} được phép dùng để ký.`,
      en: `The key of ${name} may be used for signatures.`,
    });
  }
  if (options.purpose === 'timestamping') {
    if (certificate.extendedKeyUsage?.includes(OID.ekuTimeStamping)) {
      pass('pkix.signer-purpose', {
        vi: `${name} được cấp cho dịch vụ cấp dấu thời gian.`,
        en: `${name} is issued for time-stamping.`,
      });
    } else {
      fail('pkix.signer-purpose', 'CHAIN_CONSTRAINTS_FAILURE', {
        vi: `${name} không có mục đích id-kp-timeStamping nên không thể là chứng thư của máy chủ dấu thời gian.`,
        en: `${name} lacks id-kp-timeStamping, so it cannot be a time-stamping authority certificate.`,
      });
    }
  }
}

function checkCa(path: Link[], index: number, fail: Fail, pass: Pass): void {
  const link = path[index] as Link;
  const certificate = link.certificate;
  const name = quoted(label(link));
  const isLegacyV1Anchor =
    link.source === 'trust-anchor' && certificate.version === 1 && certificate.extensions.length === 0;
  if (certificate.basicConstraints?.ca !== true && !isLegacyV1Anchor) {
    fail('pkix.basic-constraints', 'CHAIN_CONSTRAINTS_FAILURE', {
      vi: `${name} cấp chứng thư khác nhưng không phải là CA (basicConstraints cA khác TRUE).`,
      en: `${name} issues certificates but is not a CA (basicConstraints cA is not TRUE).`,
    });
  }
  if (certificate.keyUsage && !certificate.keyUsage.keyCertSign) {
    fail('pkix.key-cert-sign', 'CHAIN_CONSTRAINTS_FAILURE', {
      vi: `${name} không có quyền ký chứng thư (keyUsage thiếu keyCertSign).`,
      en: `${name} may not sign certificates (keyUsage lacks keyCertSign).`,
    });
  }
  const limit = certificate.basicConstraints?.pathLengthConstraint;
  if (limit !== undefined) {
    // Non-self-issued intermediate CAs between this CA and the signer (RFC 5280 §6.1.4 (l)-(m)).
    const below = path.slice(1, index).filter((item) => !item.certificate.selfIssued).length;
    if (below > limit) {
      fail('pkix.path-length', 'CHAIN_CONSTRAINTS_FAILURE', {
        vi: `${name} chỉ cho phép ${limit} CA trung gian bên dưới (pathLenConstraint), nhưng chuỗi có ${below}.`,
        en: `${name} allows ${limit} intermediate CA(s) below it (pathLenConstraint), but the path has ${below}.`,
      });
    } else {
      pass('pkix.path-length', {
        vi: `Độ dài chuỗi dưới ${name} nằm trong giới hạn pathLenConstraint = ${limit}.`,
        en: `The path below ${name} is within its pathLenConstraint of ${limit}.`,
      });
    }
  }
}

function about(name: string, reason: LocalizedText): LocalizedText {
  return { vi: `${name}: ${reason.vi}`, en: `${name}: ${reason.en}` };
}

function label(item: Link | ParsedCertificate): string {
  return displayLabel(('certificate' in item ? item.certificate : item).info.subject);
}

function toChainEntry(link: Link): ChainEntry {
  return { ...link.certificate.info, source: link.source };
}
