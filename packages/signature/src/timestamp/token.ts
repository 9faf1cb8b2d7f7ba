/*
 * Verification of an RFC 3161 TimeStampToken: a CMS SignedData whose content is a TSTInfo, signed by a
 * time-stamping authority (TSA). The token's own signature is checked by the CMS layer's SignerInfo checks
 * (../cms/signer: algorithms, content-type, message-digest, ESS signing-certificate(-v2), signature value); the
 * TSA certificate's path by ../pkix validatePath with purpose `timestamping`, at the validation time `at` (the
 * token is only as trustworthy as the TSA certificate is now: without archive timestamps there is no older proof
 * for it). On top of those, RFC 3161 asks: exactly one signer; the ESS signing-certificate attribute present;
 * an extendedKeyUsage that is critical and holds id-kp-timeStamping alone (§2.3); a tsa name, when given, equal to
 * the certificate's subject; the messageImprint equal to the hash of the data the caller says was timestamped.
 * The nonce is not checked: it binds a response to a request, which a verifier of a stored token never has.
 *
 * What a passing token means: proof of existence (POE) — the imprinted data existed at genTime.
 */
import type { LocalizedText } from '@lienthong/report';
import { toHex } from '../bytes';
import { digestVerdict } from '../cms/algorithms';
import { type CertificateFields, readEachCertificateFields } from '../cms/certificate';
import { bytesEqual, DerError } from '../cms/der';
import { NotSignedDataError, parseSignedData, type SignedDataStructure } from '../cms/parse';
import { checkSigner, type Failure } from '../cms/signer';
import { cryptoBackend } from '../crypto';
import { SignatureError } from '../errors';
import type {
  CertificateInfo,
  ChainEntry,
  Check,
  Indication,
  RevocationEvidence,
  SubIndication,
} from '../model/result';
import {
  type IntermediateCertificate,
  namesMatch,
  type ParsedCertificate,
  type PathValidationResult,
  parseCertificateDer,
  type RevocationInputs,
  readName,
  type TrustStore,
  validatePath,
} from '../pkix';
import { parseCertificateInputs } from '../pkix/certificate';
import { MSG } from './messages';
import { parseTstInfo, TST_INFO_OID, type TstInfo } from './tstinfo';

/** The largest token accepted (a token with its TSA chain is a few kilobytes; embedded CRLs can add more). */
export const MAX_TIMESTAMP_TOKEN_BYTES = 1024 * 1024;

const EKU_OID = '2.5.29.37';
const ID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
const ESS_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
const ESS_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

export interface VerifyTimestampOptions {
  /** The data the token is claimed to timestamp; its hash must equal the messageImprint. */
  readonly data: Uint8Array;
  /** Trust anchors for the TSA certificate (explicit configuration, as for signers). */
  readonly trust: TrustStore;
  /** Further certificates: the TSA certificate when the token omits it, and intermediates. Never trusted. */
  readonly intermediates?: readonly (Uint8Array | string | ParsedCertificate)[];
  /** Validation time of the TSA certificate path; default now. A genTime later than this is refused. */
  readonly at?: Date;
  /** CRLs / OCSP responses / fetch hook for the TSA path (CRLs inside the token are added). */
  readonly revocation?: RevocationInputs;
  readonly revocationPolicy?: 'require' | 'if-available' | 'skip';
  /** Accept SHA-1 imprints and TSA signatures (reported as legacy). Default false. */
  readonly allowSha1?: boolean;
}

/** What a token says, for reports. */
export interface TimestampInfo {
  /** The time the TSA asserts (ISO 8601). */
  readonly genTime: string;
  readonly policy: string;
  /** Upper-case hex. */
  readonly serialNumber: string;
  /** In milliseconds, when the token states it. */
  readonly accuracyMs?: number;
  readonly ordering: boolean;
  readonly nonce?: string;
  /** The tsa field as a DN text, when it is a directoryName. */
  readonly tsaName?: string;
  readonly messageImprint: { readonly algorithm: string; readonly value: string };
}

export interface TimestampVerification {
  readonly indication: Indication;
  readonly subIndication: SubIndication | null;
  readonly message: LocalizedText;
  /** Present when the TSTInfo could be read (also when the token failed). */
  readonly info?: TimestampInfo;
  /** The TSA certificate, when found. */
  readonly tsa: CertificateInfo | null;
  readonly chain: ChainEntry[];
  readonly revocation: RevocationEvidence[];
  readonly checks: Check[];
  /** True when SHA-1 was accepted only because of `allowSha1`. */
  readonly legacy: boolean;
}

/** Internal options: what the imprinted data is called in messages, and certificates of the enclosing signature. */
export interface TokenContext {
  readonly what: LocalizedText;
  /** Certificates of the signature the token belongs to (candidates for the TSA certificate and its chain). */
  readonly extraCertificates?: readonly Uint8Array[];
}

/** Verifies a DER (or BER) TimeStampToken against `options.data`. Throws only for invalid options. */
export async function verifyTimestampToken(
  token: Uint8Array,
  options: VerifyTimestampOptions,
): Promise<TimestampVerification> {
  if (!(token instanceof Uint8Array))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyTimestampToken: token must be a Uint8Array (DER)');
  if (typeof options !== 'object' || options === null || !(options.data instanceof Uint8Array))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyTimestampToken: options.data (Uint8Array) is required');
  if (typeof options.trust !== 'object' || options.trust === null || !Array.isArray(options.trust.anchors))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyTimestampToken: options.trust is required (createTrustStore)');
  if (options.at !== undefined && (!(options.at instanceof Date) || Number.isNaN(options.at.getTime())))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyTimestampToken: options.at must be a valid Date');
  if (options.intermediates !== undefined && !Array.isArray(options.intermediates))
    throw new SignatureError('INVALID_ARGUMENT', 'verifyTimestampToken: options.intermediates must be an array');
  return checkToken(token, options, { what: { vi: 'dữ liệu được cung cấp', en: 'the supplied data' } });
}

/** The token checks, shared by the public function and the signature integrations. Never throws for bad input. */
export async function checkToken(
  token: Uint8Array,
  options: VerifyTimestampOptions,
  context: TokenContext,
): Promise<TimestampVerification> {
  const at = options.at ?? new Date();
  const allowSha1 = options.allowSha1 === true;
  if (token.length > MAX_TIMESTAMP_TOKEN_BYTES)
    return unreadable('FORMAT_FAILURE', MSG.tooLarge(token.length, MAX_TIMESTAMP_TOKEN_BYTES));

  let structure: SignedDataStructure;
  let tst: TstInfo;
  try {
    structure = parseSignedData(token);
    if (structure.eContentType !== TST_INFO_OID)
      return unreadable('FORMAT_FAILURE', MSG.notTstInfo(structure.eContentType));
    if (structure.eContent === undefined) return unreadable('FORMAT_FAILURE', MSG.malformed('no TSTInfo'));
    if (structure.signerInfos.length !== 1)
      return unreadable('FORMAT_FAILURE', MSG.signerCount(structure.signerInfos.length));
    tst = parseTstInfo(structure.eContent);
  } catch (error) {
    if (error instanceof NotSignedDataError) return unreadable('FORMAT_FAILURE', MSG.notTstInfo(error.contentType));
    return unreadable('FORMAT_FAILURE', MSG.malformed(error instanceof DerError ? error.message : 'unreadable'));
  }

  const checks: Check[] = [];
  const failures: Failure[] = [];
  const fail = (id: string, subIndication: SubIndication, message: LocalizedText) => {
    checks.push({ id, passed: false, message });
    failures.push({ subIndication, message });
  };
  const pass = (id: string, message: LocalizedText) => checks.push({ id, passed: true, message });
  let legacy = false;

  // 1. The imprint: the hash of the data the caller says was timestamped.
  const imprint = tst.messageImprint;
  if (!imprint.digest)
    fail('timestamp.imprint', 'CRYPTO_CONSTRAINTS_FAILURE', MSG.imprintAlgorithmUnknown(imprint.hashAlgorithm));
  else {
    const verdict = digestVerdict(imprint.digest, allowSha1);
    if (verdict === 'rejected')
      fail('timestamp.imprint', 'CRYPTO_CONSTRAINTS_FAILURE', MSG.imprintAlgorithmRejected(imprint.digest.label));
    else {
      legacy ||= verdict === 'legacy';
      const actual = await cryptoBackend.digest(imprint.digest.name, options.data);
      if (bytesEqual(actual, imprint.hashedMessage))
        pass('timestamp.imprint', MSG.imprintMatches(imprint.digest.label, context.what));
      else fail('timestamp.imprint', 'HASH_FAILURE', MSG.imprintMismatch(context.what));
    }
  }
  if (tst.criticalExtensions.length > 0)
    fail('timestamp.extensions', 'FORMAT_FAILURE', MSG.criticalExtension(tst.criticalExtensions.join(', ')));
  if (tst.genTime.getTime() > at.getTime() + (tst.accuracyMs ?? 0))
    fail('timestamp.time', 'SIG_CONSTRAINTS_FAILURE', MSG.genTimeAfterValidation(tst.genTime, at));

  // 2. The TSA's signature over the TSTInfo, by the CMS layer.
  const info = structure.signerInfos[0] as (typeof structure.signerInfos)[number];
  const embedded = readEachCertificateFields(structure.certificates);
  const supplied = readEachCertificateFields([
    ...(context.extraCertificates ?? []),
    ...parseCertificateInputs(options.intermediates ?? []).map((certificate) => certificate.der),
  ]);
  const anchors = readEachCertificateFields(options.trust.anchors.map((anchor) => anchor.der));
  const outcome = await checkSigner(info, {
    structure,
    content: structure.eContent as Uint8Array,
    embedded,
    supplied,
    anchors,
    allowSha1,
    allowNoSignedAttributes: false,
    digests: new Map(),
  });
  legacy ||= outcome.legacy;
  for (const check of outcome.checks) {
    // The TSA's own signing-time and timestamps are not what this token asserts: genTime is.
    if (check.id === 'cms.signing-time' || check.id === 'cms.timestamp') continue;
    checks.push({
      ...check,
      id: check.id.replace(/^cms\./, 'timestamp.cms.'),
      message: MSG.tsaSignature(check.message),
    });
  }
  for (const failure of outcome.failures) failures.push({ ...failure, message: MSG.tsaSignature(failure.message) });
  const attributes = info.signedAttrs?.attributes ?? [];
  if (
    info.signedAttrs &&
    !attributes.some((a) => a.oid === ESS_SIGNING_CERTIFICATE || a.oid === ESS_SIGNING_CERTIFICATE_V2)
  )
    fail('timestamp.cms.signing-certificate', 'SIG_CONSTRAINTS_FAILURE', MSG.essMissing);

  // 3. The TSA certificate: RFC 3161 constraints, then its path at `at`.
  let tsa: ParsedCertificate | null = null;
  if (outcome.certificate) {
    const parsed = parseCertificateDer(outcome.certificate.der);
    if (parsed.ok) tsa = parsed.certificate;
    else fail('timestamp.tsa-certificate', 'FORMAT_FAILURE', MSG.tsaCertificateUnreadable(parsed.reason));
  }
  let path: PathValidationResult | undefined;
  if (tsa) {
    checkTsaCertificate(tsa, tst, fail, pass);
    const cryptoFailed = failures.some(
      (f) => f.subIndication === 'HASH_FAILURE' || f.subIndication === 'SIG_CRYPTO_FAILURE',
    );
    if (cryptoFailed) checks.push({ id: 'timestamp.chain', passed: false, message: MSG.chainSkipped });
    else {
      const validated = await validateTsaPath(
        tsa,
        outcome.certificateSource ?? 'embedded',
        structure,
        embedded,
        supplied,
        options,
        at,
      );
      if ('error' in validated) fail('timestamp.chain', 'CERTIFICATE_CHAIN_GENERAL_FAILURE', validated.message);
      else {
        path = validated;
        legacy ||= path.legacy;
        for (const check of path.checks) checks.push({ ...check, message: MSG.tsaPath(check.message) });
      }
    }
  }

  const decided = decide(failures, path, tst, tsa);
  return {
    ...decided,
    info: describeTstInfo(tst),
    tsa: tsa ? structuredClone(tsa.info) : null,
    chain: path ? path.chain.map((entry) => structuredClone(entry)) : [],
    revocation: path ? path.revocation : [],
    checks,
    legacy,
  };
}

export type Fail = (id: string, subIndication: SubIndication, message: LocalizedText) => void;
export type Pass = (id: string, message: LocalizedText) => void;

/** RFC 3161 §2.3 and §2.4.2 constraints on the TSA certificate that path validation does not make. */
/**
 * The RFC 3161 constraints on the TSA certificate (critical EKU with timeStamping only, tsaName, genTime within
 * its validity). Shared by tokens and PDF document timestamps, so both refuse the same TSAs.
 */
export function checkTsaCertificate(tsa: ParsedCertificate, tst: TstInfo, fail: Fail, pass: Pass): void {
  const eku = tsa.extensions.find((extension) => extension.oid === EKU_OID);
  const purposes = tsa.extendedKeyUsage ?? [];
  if (!eku) fail('timestamp.tsa-eku', 'CHAIN_CONSTRAINTS_FAILURE', MSG.ekuMissing);
  else if (!eku.critical) fail('timestamp.tsa-eku', 'CHAIN_CONSTRAINTS_FAILURE', MSG.ekuNotCritical);
  else if (purposes.length !== 1 || purposes[0] !== ID_KP_TIME_STAMPING)
    fail('timestamp.tsa-eku', 'CHAIN_CONSTRAINTS_FAILURE', MSG.ekuNotOnlyTimestamping(purposes.join(', ')));
  else pass('timestamp.tsa-eku', MSG.ekuOk);

  if (tst.tsaName) {
    const read = readName(tst.tsaName.der);
    if (read.ok && namesMatch(read.name, tsa.subjectName)) pass('timestamp.tsa-name', MSG.tsaNameOk);
    else fail('timestamp.tsa-name', 'SIG_CONSTRAINTS_FAILURE', MSG.tsaNameMismatch(tst.tsaName.text));
  }

  // A TSA cannot attest a time at which its certificate was not valid.
  if (tst.genTime < tsa.notBefore || tst.genTime > tsa.notAfter)
    fail(
      'timestamp.tsa-validity',
      tst.genTime < tsa.notBefore ? 'NOT_YET_VALID' : 'SIG_CONSTRAINTS_FAILURE',
      MSG.genTimeOutsideTsaValidity(tst.genTime, tsa.notBefore, tsa.notAfter),
    );
}

async function validateTsaPath(
  tsa: ParsedCertificate,
  source: 'embedded' | 'supplied',
  structure: SignedDataStructure,
  embedded: readonly CertificateFields[],
  supplied: readonly CertificateFields[],
  options: VerifyTimestampOptions,
  at: Date,
): Promise<PathValidationResult | { error: true; message: LocalizedText }> {
  const intermediates: IntermediateCertificate[] = [];
  for (const [kind, list] of [
    ['embedded', embedded],
    ['supplied', supplied],
  ] as const)
    for (const fields of list)
      if (!bytesEqual(fields.der, tsa.der)) intermediates.push({ certificate: fields.der, source: kind });
  const revocation =
    structure.crls.length > 0
      ? { ...options.revocation, crls: [...(options.revocation?.crls ?? []), ...structure.crls] }
      : options.revocation;
  try {
    return await validatePath(tsa, {
      trust: options.trust,
      intermediates,
      at,
      leafSource: source,
      purpose: 'timestamping',
      allowSha1: options.allowSha1 === true,
      ...(revocation ? { revocation } : {}),
      ...(options.revocationPolicy ? { revocationPolicy: options.revocationPolicy } : {}),
    });
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    return { error: true, message: MSG.chainUnavailable(error instanceof Error ? error.message : String(error)) };
  }
}

/** Which failure decides (first listed wins); TOTAL-FAILED ones are those that prove the token wrong. */
const PRIORITY: readonly SubIndication[] = [
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'NOT_YET_VALID',
  'FORMAT_FAILURE',
  'NO_SIGNING_CERTIFICATE_FOUND',
  'CRYPTO_CONSTRAINTS_FAILURE',
  'CHAIN_CONSTRAINTS_FAILURE',
  'SIG_CONSTRAINTS_FAILURE',
  'CERTIFICATE_CHAIN_GENERAL_FAILURE',
];
const TOTAL_FAILED: ReadonlySet<SubIndication> = new Set(['HASH_FAILURE', 'SIG_CRYPTO_FAILURE', 'NOT_YET_VALID']);

function decide(
  failures: readonly Failure[],
  path: PathValidationResult | undefined,
  tst: TstInfo,
  tsa: ParsedCertificate | null,
): { indication: Indication; subIndication: SubIndication | null; message: LocalizedText } {
  const pick = (sub: SubIndication) => failures.find((failure) => failure.subIndication === sub);
  for (const sub of PRIORITY.filter((s) => TOTAL_FAILED.has(s))) {
    const failure = pick(sub);
    if (failure) return { indication: 'TOTAL-FAILED', subIndication: sub, message: failure.message };
  }
  if (path && path.indication === 'TOTAL-FAILED')
    return { indication: 'TOTAL-FAILED', subIndication: path.subIndication, message: MSG.tsaPath(path.message) };
  for (const sub of PRIORITY) {
    const failure = pick(sub);
    if (failure) return { indication: 'INDETERMINATE', subIndication: sub, message: failure.message };
  }
  const other = failures[0];
  if (other) return { indication: 'INDETERMINATE', subIndication: other.subIndication, message: other.message };
  if (!path || !tsa)
    return {
      indication: 'INDETERMINATE',
      subIndication: 'NO_SIGNING_CERTIFICATE_FOUND',
      message: MSG.tsaSignature({ vi: 'không tìm thấy chứng thư của TSA.', en: 'the TSA certificate was not found.' }),
    };
  if (path.indication !== 'TOTAL-PASSED')
    return { indication: path.indication, subIndication: path.subIndication, message: MSG.tsaPath(path.message) };
  return {
    indication: 'TOTAL-PASSED',
    subIndication: null,
    message: MSG.passed(tst.genTime, tsa.info.subject.text),
  };
}

function describeTstInfo(tst: TstInfo): TimestampInfo {
  return {
    genTime: tst.genTime.toISOString(),
    policy: tst.policy,
    serialNumber: tst.serialNumber,
    ...(tst.accuracyMs !== undefined ? { accuracyMs: tst.accuracyMs } : {}),
    ordering: tst.ordering,
    ...(tst.nonce !== undefined ? { nonce: tst.nonce } : {}),
    ...(tst.tsaName ? { tsaName: tst.tsaName.text } : {}),
    messageImprint: {
      algorithm: tst.messageImprint.digest?.label ?? tst.messageImprint.hashAlgorithm,
      value: toHex(tst.messageImprint.hashedMessage),
    },
  };
}

function unreadable(subIndication: SubIndication, message: LocalizedText): TimestampVerification {
  return {
    indication: 'INDETERMINATE',
    subIndication,
    message,
    tsa: null,
    chain: [],
    revocation: [],
    checks: [{ id: 'timestamp.format', passed: false, message }],
    legacy: false,
  };
}
