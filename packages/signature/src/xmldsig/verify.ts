/*
 * Verification of an XMLDSig-signed document, edXML first (signatures.md §3a). The order matters:
 *   1. intake — size cap, UTF-8, no DOCTYPE, strict parse, depth, unique IDs (document.ts);
 *   2. the signature, found at an expected position and checked against the schema and the algorithm and
 *      coverage policy (structure.ts);
 *   3. the signer: a KeyInfo certificate is only a candidate and must pass path validation (trust anchors,
 *      validity at `at`, revocation) before its key is used; without a KeyInfo certificate the signer is
 *      looked for among the trust anchors themselves (a pinned certificate), never from KeyValue or KeyName;
 *   4. xml-crypto, with that key and only the allowed algorithms (crypto.ts);
 *   5. what was signed: `getSignedReferences()` only — and for edXML, the message re-parsed from those bytes.
 * Long plain text runs (base64 attachments) are kept out of the DOM and spliced back into the digest
 * (elided-text.ts), so a 50 MB envelope is verified at about the speed of hashing it, without a 50 MB DOM.
 * Bad input never throws; every failure becomes an indication with a reason in Vietnamese and English.
 */

import type { KeyObject } from 'node:crypto';
import type { EdxmlMessage } from '@lienthong/edxml';
import type { LocalizedText } from '@lienthong/report';
import { nodePublicKey, nodeX509 } from '../crypto/node';
import { positiveIntegerOption, SignatureError } from '../errors';
import {
  type ChainEntry,
  type Check,
  type Coverage,
  type Indication,
  overallIndication,
  type RevocationEvidence,
  type SignatureResult,
  type SubIndication,
} from '../model/result';
import {
  displayLabel,
  type IntermediateCertificate,
  MIN_RSA_BITS,
  type ParsedCertificate,
  parseCertificate,
  type RevocationInputs,
  type TrustStore,
  validatePath,
} from '../pkix';
import { settleSigningTime } from '../timestamp/signature';
import { evaluateXadesTimestamps } from '../timestamp/xades';
import { describeKey, keyProblem, xmlCryptoTables } from './algorithms';
import { runXmlCrypto } from './crypto';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, type ParsedXml } from './document';
import { type ElidedText, type ElisionOptions, isElidedXml, readXmlEliding, splicingHashes } from './elided-text';
import { signedContent } from './signed-content';
import {
  type CoveragePolicy,
  examineSignature,
  type Finding,
  type LocatedSignatures,
  locateSignatures,
  type SignatureModel,
} from './structure';

export type RevocationPolicy = 'require' | 'if-available' | 'skip';

export interface VerifyXmlSignatureOptions {
  /** Trust anchors (explicit configuration only). */
  readonly trust: TrustStore;
  /** Extra intermediate CA certificates (DER or PEM) to build the path with, besides those in KeyInfo. */
  readonly intermediates?: readonly (Uint8Array | string)[];
  /**
   * Validation time; defaults to now. A valid XAdES SignatureTimeStamp proves the signature existed at its time
   * (`signingTime.timestamp`); a signer certificate expired at this time is then validated at that one.
   */
  readonly at?: Date;
  /** CRLs, OCSP responses, fetch hook and URL rewrites for revocation checking. */
  readonly revocation?: RevocationInputs;
  /** `require` (default): no revocation evidence means INDETERMINATE. */
  readonly revocationPolicy?: RevocationPolicy;
  /** Accept SHA-1 digests and signatures, reported as `legacy: true`. Default false (TT 15/2025). */
  readonly allowSha1?: boolean;
  /** Accept the `#WithComments` canonicalization variants. Default false. */
  readonly allowWithComments?: boolean;
  /**
   * What the signature must cover. `'whole-document'` (default): exactly one Reference URI="" with the
   * enveloped-signature transform. `{ allowIdReferences: true }`: `#id` references are accepted too.
   */
  readonly coverage?: CoveragePolicy;
  /** Largest input accepted, in bytes; checked before parsing. Default 128 MiB. */
  readonly maxBytes?: number;
  /** Deepest element nesting accepted. Default 64. */
  readonly maxDepth?: number;
}

export interface XmlSignatureVerification {
  readonly indication: Indication;
  readonly subIndication: SubIndication | null;
  readonly message: LocalizedText;
  /** One result per signature found (format `xmldsig`); empty when the document could not be read. */
  readonly signatures: SignatureResult[];
  /*
   * What was signed, only when the signature passed. These are computed on first read and kept: for a large
   * envelope each is as large as the document, and a caller that wants none of them pays for none (spreading or
   * serializing the result reads them all: pick the fields you need instead).
   */
  /**
   * The canonical text that was signed (`getSignedReferences()`) when the signature has a single reference;
   * for `URI=""` this is the whole document without the signature.
   */
  readonly signedXml?: string;
  /** The same as UTF-8 bytes, the exact octets digested: what to hand to a streaming reader or to store. */
  readonly signedBytes?: Uint8Array;
  /** Every signed reference's canonical text, in Reference order. */
  readonly signedReferences?: readonly string[];
  /**
   * For edXML: the message read from the signed bytes (never from the input); undefined when they do not form
   * an edXML message.
   */
  readonly signedMessage?: EdxmlMessage;
}

interface Settings {
  readonly at: Date;
  readonly allowSha1: boolean;
  readonly allowWithComments: boolean;
  readonly coverage: CoveragePolicy;
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly revocationPolicy: RevocationPolicy;
}

const MAX_ANCHOR_CANDIDATES = 32;

function checkOptions(input: unknown, options: VerifyXmlSignatureOptions | undefined): Settings {
  if (typeof input !== 'string' && !(input instanceof Uint8Array))
    throw new SignatureError('INVALID_ARGUMENT', 'xml must be a string or a Uint8Array');
  if (options === null || typeof options !== 'object')
    throw new SignatureError('INVALID_ARGUMENT', 'options { trust } are required');
  if (options.trust === null || typeof options.trust !== 'object' || !Array.isArray(options.trust.anchors))
    throw new SignatureError('INVALID_ARGUMENT', 'options.trust must be a TrustStore from createTrustStore()');
  const at = options.at ?? new Date();
  if (!(at instanceof Date) || Number.isNaN(at.getTime()))
    throw new SignatureError('INVALID_ARGUMENT', 'options.at must be a valid Date');
  const coverage = options.coverage ?? 'whole-document';
  if (coverage !== 'whole-document' && !(typeof coverage === 'object' && coverage?.allowIdReferences === true))
    throw new SignatureError(
      'INVALID_ARGUMENT',
      "options.coverage must be 'whole-document' or { allowIdReferences: true }",
    );
  const revocationPolicy = options.revocationPolicy ?? 'require';
  if (!['require', 'if-available', 'skip'].includes(revocationPolicy))
    throw new SignatureError(
      'INVALID_ARGUMENT',
      "options.revocationPolicy must be 'require', 'if-available' or 'skip'",
    );
  return {
    at,
    allowSha1: options.allowSha1 === true,
    allowWithComments: options.allowWithComments === true,
    coverage,
    maxBytes: positiveIntegerOption(options.maxBytes, 'maxBytes', DEFAULT_MAX_BYTES),
    maxDepth: positiveIntegerOption(options.maxDepth, 'maxDepth', DEFAULT_MAX_DEPTH),
    revocationPolicy,
  };
}

/**
 * Verifies the XMLDSig signature of an XML document (edXML envelopes first): the structure and algorithm
 * policy, the signer's certification path to `trust`, then the signature with xml-crypto. Returns the
 * canonical signed bytes and, for edXML, the message read from them. Throws only for invalid options.
 */
export async function verifyXmlSignature(
  xml: string | Uint8Array,
  options: VerifyXmlSignatureOptions,
): Promise<XmlSignatureVerification> {
  return verifyXmlSignatureReading(xml, options, {});
}

/**
 * `verifyXmlSignature` with the elision of long text runs tuned (`{ minElidedBytes }`) or turned off
 * (`'whole-dom'`), so tests can check that both readings agree. Not public API.
 */
export async function verifyXmlSignatureReading(
  xml: string | Uint8Array,
  options: VerifyXmlSignatureOptions,
  reading: ElisionOptions | 'whole-dom',
): Promise<XmlSignatureVerification> {
  const settings = checkOptions(xml, options);
  const intake = readXmlEliding(
    xml,
    { maxBytes: settings.maxBytes, maxDepth: settings.maxDepth },
    reading === 'whole-dom' ? { minElidedBytes: Number.POSITIVE_INFINITY } : reading,
  );
  if (!isElidedXml(intake))
    return { indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE', message: intake.message, signatures: [] };
  const { parsed, elided } = intake;

  const located = locateSignatures(parsed);
  if (located.xmldsig.length === 0 && located.foreign.length === 0)
    return {
      indication: 'INDETERMINATE',
      subIndication: 'SIGNED_DATA_NOT_FOUND',
      message: {
        vi: 'Tài liệu không có chữ ký XMLDSig.',
        en: 'The document carries no XMLDSig signature.',
      },
      signatures: [],
    };

  const results: SignatureResult[] = located.foreign.map((element) => foreignSignatureResult(element, settings));
  let passed: { model: SignatureModel; signedReferences: readonly string[] } | undefined;
  for (const element of located.xmldsig) {
    const outcome = await verifyOne(parsed, elided, located, element, options, settings);
    results.push(outcome.result);
    if (outcome.signedReferences && outcome.model)
      passed = { model: outcome.model, signedReferences: outcome.signedReferences };
  }

  const overall = overallIndication(results);
  const deciding = results.find((r) => r.indication === overall.indication) ?? results[0];
  const verification: XmlSignatureVerification = {
    indication: overall.indication,
    subIndication: overall.subIndication,
    message: deciding?.message ?? { vi: 'Không có chữ ký.', en: 'No signature.' },
    signatures: results,
  };
  if (overall.indication !== 'TOTAL-PASSED' || passed === undefined) return verification;

  return Object.defineProperties(
    { ...verification },
    signedContent(passed.signedReferences, elided, passed.model.edxml),
  ) as XmlSignatureVerification;
}

function foreignSignatureResult(element: { namespaceURI: string | null }, settings: Settings): SignatureResult {
  const namespace = element.namespaceURI ?? 'no namespace';
  const message: LocalizedText = {
    vi: `Chữ ký nằm trong không gian tên ${namespace} thay vì XMLDSig (http://www.w3.org/2000/09/xmldsig#) — kiểu do thư viện VNPT/SDK trục sinh ra. Đây không phải chữ ký XMLDSig chuẩn nên không thể kiểm tra; coi như chưa xác định.`,
    en: `The Signature is in the namespace ${namespace} instead of XMLDSig (http://www.w3.org/2000/09/xmldsig#), as the VNPT axis SDK writes it. It is not a standard XMLDSig signature and cannot be verified.`,
  };
  return baseResult(settings, {
    indication: 'INDETERMINATE',
    subIndication: 'FORMAT_FAILURE',
    message,
    checks: [{ id: 'xmldsig-namespace', passed: false, message }],
  });
}

function baseResult(
  settings: Settings,
  fields: Pick<SignatureResult, 'indication' | 'subIndication' | 'message' | 'checks'> & Partial<SignatureResult>,
): SignatureResult {
  return {
    format: 'xmldsig',
    signer: null,
    chain: [],
    signingTime: { validatedAt: settings.at.toISOString() },
    coverage: null,
    revocation: [],
    algorithms: { digest: null, signature: null },
    legacy: false,
    ...fields,
  };
}

function coverageOf(model: SignatureModel): Coverage {
  const [only] = model.references;
  if (model.references.length === 1 && only?.uri === '')
    return {
      kind: 'whole-document',
      description: model.edxml
        ? 'URI="" — the whole edXML document (envelope and AttachmentEncoded), except the signature'
        : 'URI="" — the whole document, except the signature',
    };
  return {
    kind: 'references',
    description: model.references
      .map((reference) => `URI="${reference.uri}" → <${reference.target?.localName ?? '?'}>`)
      .join(', '),
  };
}

/** The coverage in each language, for messages: `Coverage.description` is English (the report's field). */
function coverageText(model: SignatureModel): { vi: string; en: string } {
  const coverage = coverageOf(model);
  if (coverage.kind !== 'whole-document') return { vi: coverage.description, en: coverage.description };
  return {
    vi: model.edxml
      ? 'URI="" — toàn bộ gói tin edXML (phong bì và AttachmentEncoded), trừ chữ ký'
      : 'URI="" — toàn bộ tài liệu, trừ chữ ký',
    en: coverage.description,
  };
}

function algorithmsOf(model: SignatureModel): SignatureResult['algorithms'] {
  const digests = [...new Set(model.references.map((reference) => reference.digest?.label ?? reference.digestUri))];
  return { digest: digests.join(', ') || null, signature: model.method?.label ?? (model.methodUri || null) };
}

/** Which failed check decides: a malformed signature first, then the algorithm policy, then coverage. */
const FAILURE_ORDER: readonly (SubIndication | undefined)[] = [
  'FORMAT_FAILURE',
  'CRYPTO_CONSTRAINTS_FAILURE',
  'SIG_CONSTRAINTS_FAILURE',
  'SIGNED_DATA_NOT_FOUND',
];

function failureFrom(findings: readonly Finding[]): Finding | undefined {
  const failed = findings.filter((finding) => !finding.passed);
  const rank = (finding: Finding) => {
    const index = FAILURE_ORDER.indexOf(finding.subIndication);
    return index === -1 ? FAILURE_ORDER.length : index;
  };
  return failed.reduce<Finding | undefined>(
    (best, finding) => (best && rank(best) <= rank(finding) ? best : finding),
    undefined,
  );
}

interface OneOutcome {
  readonly result: SignatureResult;
  readonly model?: SignatureModel;
  readonly signedReferences?: readonly string[];
}

async function verifyOne(
  parsed: ParsedXml,
  elided: ElidedText | undefined,
  located: LocatedSignatures,
  element: Parameters<typeof examineSignature>[2],
  options: VerifyXmlSignatureOptions,
  settings: Settings,
): Promise<OneOutcome> {
  const { model, findings } = examineSignature(parsed, located, element, settings);
  const checks: Check[] = findings.map(({ id, passed, message }) => ({ id, passed, message }));
  const failed = failureFrom(findings);
  if (!model || failed) {
    const first = failed as Finding;
    return {
      result: baseResult(settings, {
        indication: first.indication ?? 'INDETERMINATE',
        subIndication: first.subIndication ?? 'FORMAT_FAILURE',
        message: first.message,
        checks,
      }),
    };
  }
  const common = { coverage: coverageOf(model), algorithms: algorithmsOf(model), legacy: model.legacy };
  const fail = (
    indication: Indication,
    subIndication: SubIndication,
    message: LocalizedText,
    extra: Partial<SignatureResult> = {},
  ): OneOutcome => ({
    result: baseResult(settings, { indication, subIndication, message, checks, ...common, ...extra }),
  });

  // The signer: KeyInfo certificates are candidates; without any, the trust anchors themselves.
  const embedded: ParsedCertificate[] = [];
  for (const [index, base64] of model.certificates.entries()) {
    const certificate = parseKeyInfoCertificate(base64);
    if (!certificate.ok) {
      const message = {
        vi: `Chứng thư số thứ ${index + 1} trong KeyInfo không đọc được: ${certificate.reason.vi}`,
        en: `Certificate #${index + 1} in KeyInfo cannot be read: ${certificate.reason.en}`,
      };
      checks.push({ id: 'xmldsig-keyinfo', passed: false, message });
      return fail('INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', message);
    }
    embedded.push(certificate.certificate);
  }
  // Anchors whose key type cannot verify this signature method are not candidates at all.
  const method = model.method;
  const candidates =
    embedded.length > 0
      ? [signerAmong(embedded)]
      : options.trust.anchors
          .filter((anchor) => {
            const key = nodePublicKey(anchor.subjectPublicKeyInfo);
            return method && key && keyProblem(key, method, 0)?.kind !== 'mismatch';
          })
          .slice(0, MAX_ANCHOR_CANDIDATES);
  if (candidates.length === 0) {
    const message = {
      vi: 'Chữ ký không kèm chứng thư số (KeyInfo/X509Certificate) và không có chứng thư tin cậy nào được cấu hình để thử.',
      en: 'The signature carries no certificate (KeyInfo/X509Certificate) and no trust anchor is configured to try.',
    };
    checks.push({ id: 'xmldsig-signer', passed: false, message });
    return fail('INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', message);
  }
  if (embedded.length === 0)
    checks.push({
      id: 'xmldsig-signer',
      passed: true,
      message: {
        vi: 'Chữ ký không kèm chứng thư số; người ký được tìm trong các chứng thư tin cậy đã cấu hình.',
        en: 'The signature carries no certificate; the signer is looked for among the configured trust anchors.',
      },
    });

  let lastFailure: OneOutcome | undefined;
  for (const candidate of candidates) {
    const outcome = await tryCandidate(parsed, elided, model, candidate, embedded, options, settings, checks, fail);
    if (outcome.signedReferences) return outcome;
    // A reference digest fails whatever the key: no other candidate can do better.
    if (outcome.result.subIndication === 'HASH_FAILURE' || candidates.length === 1) return outcome;
    lastFailure = outcome;
  }
  const message = {
    vi: `Không chứng thư tin cậy nào (${candidates.length}) kiểm tra được chữ ký; tài liệu không nêu người ký.`,
    en: `None of the ${candidates.length} trust anchors verifies the signature; the document does not name its signer.`,
  };
  checks.push({ id: 'xmldsig-signer', passed: false, message });
  return lastFailure?.result.subIndication === 'SIG_CRYPTO_FAILURE' || lastFailure === undefined
    ? fail('INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', message)
    : lastFailure;
}

/**
 * KeyInfo certificates parsed before, by their base64 DER: the same signers and CAs come back in every
 * envelope. Entries are never handed out for mutation (results carry copies of `info`).
 */
const PARSED_CERTIFICATES = new Map<string, ReturnType<typeof parseCertificate>>();
const MAX_PARSED_CERTIFICATES = 256;

function parseKeyInfoCertificate(base64: string): ReturnType<typeof parseCertificate> {
  const known = PARSED_CERTIFICATES.get(base64);
  if (known) return known;
  const parsed = parseCertificate(Buffer.from(base64, 'base64'));
  if (PARSED_CERTIFICATES.size >= MAX_PARSED_CERTIFICATES)
    PARSED_CERTIFICATES.delete(PARSED_CERTIFICATES.keys().next().value as string);
  PARSED_CERTIFICATES.set(base64, parsed);
  return parsed;
}

/** Whether OpenSSL sees `issuer` as the issuer of `subject` (names, key identifiers, key usage; not the signature). */
function issued(subject: ParsedCertificate, issuer: ParsedCertificate): boolean {
  const subjectX509 = nodeX509(subject.der);
  const issuerX509 = nodeX509(issuer.der);
  return subjectX509 !== undefined && issuerX509 !== undefined && subjectX509.checkIssued(issuerX509);
}

/** The signer among KeyInfo certificates: the first one that issued none of the others. */
function signerAmong(certificates: readonly ParsedCertificate[]): ParsedCertificate {
  const issuesAnother = (certificate: ParsedCertificate) =>
    certificates.some((other) => other !== certificate && issued(other, certificate));
  return certificates.find((certificate) => !issuesAnother(certificate)) ?? (certificates[0] as ParsedCertificate);
}

async function tryCandidate(
  parsed: ParsedXml,
  elided: ElidedText | undefined,
  model: SignatureModel,
  signer: ParsedCertificate,
  embedded: readonly ParsedCertificate[],
  options: VerifyXmlSignatureOptions,
  settings: Settings,
  checks: Check[],
  fail: (
    indication: Indication,
    subIndication: SubIndication,
    message: LocalizedText,
    extra?: Partial<SignatureResult>,
  ) => OneOutcome,
): Promise<OneOutcome> {
  const method = model.method;
  if (method === undefined)
    return fail('INDETERMINATE', 'FORMAT_FAILURE', { vi: 'Thiếu SignatureMethod.', en: 'No SignatureMethod.' });

  // The key must fit the signature method before anything else. XMLDSig runs on xml-crypto: node:crypto keys.
  const signerKey = nodePublicKey(signer.subjectPublicKeyInfo);
  const signerKeyLabel = signerKey ? describeKey(signerKey) : signer.publicKeyDescription.type;
  const problem = signerKey
    ? keyProblem(signerKey, method, MIN_RSA_BITS)
    : { kind: 'mismatch' as const, detail: 'the key cannot be loaded' };
  if (problem) {
    const message =
      problem.kind === 'weak'
        ? {
            vi: `Khóa của người ký (${signerKeyLabel}) không đạt mức tối thiểu của TT 15/2025 (RSA ≥ 2048 bit, ECDSA ≥ P-256).`,
            en: `The signer's key (${signerKeyLabel}) is below the TT 15/2025 minimum (RSA ≥ 2048 bits, ECDSA ≥ P-256).`,
          }
        : {
            vi: `Thuật toán ${method.label} không dùng được với khóa của người ký (${signerKeyLabel}).`,
            en: `The algorithm ${method.label} does not fit the signer's key (${signerKeyLabel}).`,
          };
    checks.push({ id: 'xmldsig-signer-key', passed: false, message });
    return problem.kind === 'weak'
      ? fail('INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', message, { signer: structuredClone(signer.info) })
      : fail('TOTAL-FAILED', 'SIG_CRYPTO_FAILURE', message, { signer: structuredClone(signer.info) });
  }

  // Path validation before the key is used.
  const intermediates: IntermediateCertificate[] = [
    ...embedded
      .filter((certificate) => certificate !== signer)
      .map((certificate) => ({ certificate, source: 'embedded' as const })),
    ...(options.intermediates ?? []).map((certificate) => ({ certificate, source: 'supplied' as const })),
  ];
  const validateAt = (at: Date) =>
    validatePath(signer, {
      trust: options.trust,
      intermediates,
      at,
      // A time other than `settings.at` is a proof of existence from a timestamp.
      ...(at !== settings.at ? { timeProof: 'timestamp' as const } : {}),
      allowSha1: settings.allowSha1,
      leafSource: embedded.includes(signer) ? 'embedded' : 'supplied',
      ...(options.revocation !== undefined ? { revocation: options.revocation } : {}),
      revocationPolicy: settings.revocationPolicy,
    });
  // XAdES SignatureTimeStamp (../timestamp): proof of existence; an expiry at `at` is re-judged at that time.
  const timestamps = await evaluateXadesTimestamps(
    model.element,
    {
      trust: options.trust,
      at: settings.at,
      allowSha1: settings.allowSha1,
      allowWithComments: settings.allowWithComments,
      revocationPolicy: settings.revocationPolicy,
      ...(options.intermediates !== undefined ? { intermediates: options.intermediates } : {}),
      ...(options.revocation !== undefined ? { revocation: options.revocation } : {}),
    },
    embedded.map((certificate) => certificate.der),
  );
  const settled = await settleSigningTime({
    timestamps,
    path: await validateAt(settings.at),
    at: settings.at,
    revalidate: validateAt,
  });
  const path = settled.path as Awaited<ReturnType<typeof validateAt>>;
  const chain: ChainEntry[] = path.chain;
  const revocation: RevocationEvidence[] = path.revocation;
  checks.push(...settled.checks, ...path.checks);
  const pathFields = {
    signer: structuredClone(signer.info),
    chain,
    revocation,
    legacy: model.legacy || path.legacy || timestamps.verifications.some((stamp) => stamp.legacy),
    signingTime: settled.signingTime,
  };
  if (!path.ok)
    return fail(path.indication, path.subIndication ?? 'CERTIFICATE_CHAIN_GENERAL_FAILURE', path.message, pathFields);

  // The signature, by xml-crypto, with the validated key only.
  const policy = { allowSha1: settings.allowSha1, minRsaBits: MIN_RSA_BITS };
  const outcome = runXmlCrypto(parsed, model, signerKey as KeyObject, {
    ...policy,
    allowWithComments: settings.allowWithComments,
    ...(elided ? { hashes: splicingHashes(xmlCryptoTables(policy).hashes, elided) } : {}),
  });
  switch (outcome.kind) {
    case 'passed': {
      const covered = coverageText(model);
      const message = {
        vi: `Chữ ký hợp lệ: ${displayLabel(signer.info.subject)} ký ${model.edxml ? 'gói tin edXML' : 'tài liệu'} (${covered.vi}), ${model.method?.label}${model.legacy ? ', thuật toán cũ được cho phép' : ''}.`,
        en: `The signature is valid: ${displayLabel(signer.info.subject)} signed the ${model.edxml ? 'edXML message' : 'document'} (${covered.en}), ${model.method?.label}${model.legacy ? ', legacy algorithm allowed' : ''}.`,
      };
      checks.push({ id: 'xmldsig-crypto', passed: true, message });
      // A present timestamp that failed keeps the signature from passing (the result is then not TOTAL-PASSED,
      // so the signed references below are never handed to the caller).
      if (settled.failure)
        return {
          ...fail('INDETERMINATE', settled.failure.subIndication, settled.failure.message, pathFields),
          model,
          signedReferences: outcome.signedReferences,
        };
      return {
        result: baseResult(settings, {
          indication: 'TOTAL-PASSED',
          subIndication: null,
          message,
          checks,
          coverage: coverageOf(model),
          algorithms: algorithmsOf(model),
          ...pathFields,
        }),
        model,
        signedReferences: outcome.signedReferences,
      };
    }
    case 'digest-mismatch': {
      const message = {
        vi: `Nội dung đã bị thay đổi sau khi ký: giá trị băm của Reference URI="${outcome.reference}" không khớp.`,
        en: `The content changed after signing: the digest of Reference URI="${outcome.reference}" does not match.`,
      };
      checks.push({ id: 'xmldsig-digest', passed: false, message });
      return fail('TOTAL-FAILED', 'HASH_FAILURE', message, pathFields);
    }
    case 'reference-not-found': {
      const message = {
        vi: `Không tìm thấy dữ liệu được ký của Reference URI="${outcome.reference}".`,
        en: `The signed data of Reference URI="${outcome.reference}" was not found.`,
      };
      checks.push({ id: 'xmldsig-digest', passed: false, message });
      return fail('INDETERMINATE', 'SIGNED_DATA_NOT_FOUND', message, pathFields);
    }
    case 'bad-signature': {
      const message = {
        vi: 'Giá trị chữ ký (SignatureValue) không khớp với khóa công khai của người ký: chữ ký không hợp lệ.',
        en: "The SignatureValue does not verify with the signer's public key: the signature is invalid.",
      };
      checks.push({ id: 'xmldsig-signature-value', passed: false, message });
      return fail('TOTAL-FAILED', 'SIG_CRYPTO_FAILURE', message, pathFields);
    }
    default: {
      const message = {
        vi: `Không kiểm tra được chữ ký (xml-crypto): ${outcome.detail}`,
        en: `The signature could not be checked (xml-crypto): ${outcome.detail}`,
      };
      checks.push({ id: 'xmldsig-crypto', passed: false, message });
      return fail('INDETERMINATE', 'FORMAT_FAILURE', message, pathFields);
    }
  }
}
