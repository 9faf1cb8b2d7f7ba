import { bytesEqual, fromBase64 } from '../bytes';
import type { SignatureCheck } from '../crypto';
import { SignatureError } from '../errors';
import type { Check, RevocationEvidence } from '../model/result';
import { checkSignatureAlgorithm, verifySignedBytes } from './algorithms';
import type { ParsedCertificate } from './certificate';
import { MAX_CRL_BYTES, type ParseCrlResult, type ParsedCrl, parseCrl } from './crl';
import { toHex } from './der';
import { isoDate, type LocalizedText, quoted } from './messages';
import { displayLabel, namesMatch } from './name';
import {
  type BasicOcspResponse,
  buildOcspRequest,
  certIdMatches,
  MAX_OCSP_RESPONSE_BYTES,
  type OcspSingleResponse,
  type ParsedOcspResponse,
  parseOcspResponse,
  publicKeyHash,
} from './ocsp';
import { OID } from './oids';

/*
 * Revocation status of one certificate at a time T, from OCSP responses and CRLs the caller supplied, then from the
 * certificate's own OCSP and CRL URLs through the caller's fetch hook (after URL rewriting). Every piece of evidence
 * is checked before use: signer (the issuing CA, or for OCSP a delegated responder with id-kp-OCSPSigning issued
 * by it), signature and algorithm policy, scope, and freshness at T. certificateHold counts as revoked.
 */

/** Where revocation data comes from: supplied bytes and, optionally, a fetch hook for the certificates' URLs. */
export interface RevocationInputs {
  /** CRLs, DER or PEM. */
  crls?: (Uint8Array | string)[];
  /** DER OCSPResponses (or base64 text of one). */
  ocspResponses?: (Uint8Array | string)[];
  /**
   * Fetches a CRL (GET `url`) or an OCSP response (POST `request`, `application/ocsp-request`). Return undefined
   * when nothing could be fetched; a rejection is treated the same way.
   */
  fetch?: (url: string, kind: 'crl' | 'ocsp', request?: Uint8Array) => Promise<Uint8Array | undefined>;
  /** URL prefixes to replace before fetching, e.g. `{ 'http://ocsp.ca.ptc': 'http://ocsp.ca.gov.vn' }`. */
  urlRewrites?: Record<string, string>;
}

/**
 * Throws SignatureError (INVALID_ARGUMENT) when `inputs` is not a RevocationInputs: a programmer error, refused
 * before any verification rather than surfacing later as a failed path.
 */
export function checkRevocationInputs(inputs: unknown, caller: string): void {
  const fail = (what: string): never => {
    throw new SignatureError('INVALID_ARGUMENT', `${caller}: options.revocation${what}`);
  };
  if (typeof inputs !== 'object' || inputs === null) fail(' must be an object');
  const { crls, ocspResponses, fetch, urlRewrites } = inputs as Record<string, unknown>;
  const isData = (item: unknown) => item instanceof Uint8Array || typeof item === 'string';
  if (crls !== undefined && !(Array.isArray(crls) && crls.every(isData)))
    fail('.crls must be an array of Uint8Array (DER) or string (PEM)');
  if (ocspResponses !== undefined && !(Array.isArray(ocspResponses) && ocspResponses.every(isData)))
    fail('.ocspResponses must be an array of Uint8Array (DER) or string (base64)');
  if (fetch !== undefined && typeof fetch !== 'function') fail('.fetch must be a function');
  if (
    urlRewrites !== undefined &&
    (typeof urlRewrites !== 'object' ||
      urlRewrites === null ||
      !Object.values(urlRewrites).every((to) => typeof to === 'string'))
  )
    fail('.urlRewrites must be an object of strings');
}

/** Evidence issued before T without nextUpdate is accepted for this long after its thisUpdate. */
export const MAX_AGE_WITHOUT_NEXT_UPDATE_MS = 24 * 60 * 60 * 1000;

/**
 * Applies the rewrite map: the longest key that is a prefix of `url` (ending at the URL's end or before `/`, `:`,
 * `?` or `#`, compared case-insensitively) is replaced by its value. Other URLs are returned unchanged.
 */
export function rewriteRevocationUrl(url: string, rewrites: Record<string, string> | undefined): string {
  if (!rewrites) return url;
  const lower = url.toLowerCase();
  let best: [string, string] | undefined;
  for (const [from, to] of Object.entries(rewrites)) {
    const key = from.toLowerCase();
    if (!lower.startsWith(key)) continue;
    const next = url.charAt(key.length);
    if (!(next === '' || '/:?#'.includes(next) || key.endsWith('/'))) continue;
    if (best === undefined || from.length > best[0].length) best = [from, to];
  }
  return best ? best[1] + url.slice(best[0].length) : url;
}

/*
 * A server verifies many documents against the same few CRLs (loaded once, passed on every call): parsing a
 * CRL costs more than checking a whole certificate path, so the parsed form is kept per input — per array for
 * bytes, by value for PEM/base64 text. An array's entry holds a copy of the bytes it was parsed from and is used
 * only while the array still holds them: a buffer refilled in place with a newer CRL is parsed again, never
 * answered from the old one (a comparison costs far less than a parse).
 */
const PARSED_CRL_BYTES = new WeakMap<Uint8Array, { bytes: Uint8Array; parsed: ParseCrlResult }>();
const PARSED_CRL_TEXT = new Map<string, ParseCrlResult>();
const MAX_PARSED_CRL_TEXTS = 32;

function parseCrlOnce(input: Uint8Array | string): ParseCrlResult {
  if (input instanceof Uint8Array) {
    const known = PARSED_CRL_BYTES.get(input);
    if (known !== undefined && bytesEqual(known.bytes, input)) return known.parsed;
    const parsed = parseCrl(input);
    if (!parsed.ok && input.length > MAX_CRL_BYTES) return parsed; // refused unread: nothing worth keeping
    // A parsed DER CRL keeps its own copy of the bytes; PEM text and refused input are copied here.
    const bytes = parsed.ok && bytesEqual(parsed.crl.der, input) ? parsed.crl.der : input.slice();
    PARSED_CRL_BYTES.set(input, { bytes, parsed });
    return parsed;
  }
  if (typeof input !== 'string') return parseCrl(input);
  let parsed = PARSED_CRL_TEXT.get(input);
  if (parsed === undefined) {
    parsed = parseCrl(input);
    if (PARSED_CRL_TEXT.size >= MAX_PARSED_CRL_TEXTS)
      PARSED_CRL_TEXT.delete(PARSED_CRL_TEXT.keys().next().value as string);
    PARSED_CRL_TEXT.set(input, parsed);
  }
  return parsed;
}

/** One call's revocation sources, parsed once, and the fetch cache. */
export class RevocationSources {
  readonly checks: Check[] = [];
  /** How many of `checks` were written while reading the supplied data (before any certificate was looked up). */
  readonly setupNotes: number;
  private readonly crls: ParsedCrl[] = [];
  private readonly ocspResponses: ParsedOcspResponse[] = [];
  private readonly fetched = new Map<string, Promise<Uint8Array | undefined>>();
  /** Fetched CRLs, parsed once however many certificates they serve. */
  private readonly parsedCrls = new WeakMap<Uint8Array, ParseCrlResult>();

  constructor(
    private readonly inputs: RevocationInputs,
    private readonly policy: { allowSha1: boolean },
  ) {
    for (const [index, input] of (inputs.crls ?? []).entries()) {
      const parsed = parseCrlOnce(input);
      if (parsed.ok) this.crls.push(parsed.crl);
      else this.note(false, prefix(`CRL #${index + 1}`, parsed.reason));
    }
    for (const [index, input] of (inputs.ocspResponses ?? []).entries()) {
      const bytes = typeof input === 'string' ? decodeBase64(input) : input;
      const parsed = bytes
        ? parseOcspResponse(bytes)
        : ({ ok: false, reason: { vi: 'không phải base64', en: 'not base64' } } as const);
      if (parsed.ok) this.ocspResponses.push(parsed.response);
      else this.note(false, prefix(`OCSP #${index + 1}`, parsed.reason));
    }
    this.setupNotes = this.checks.length;
  }

  /** The status of `certificate` (issued by `issuer`) at `at`, and the evidence used. */
  async statusOf(certificate: ParsedCertificate, issuer: ParsedCertificate, at: Date): Promise<RevocationFinding> {
    const label = quoted(displayLabel(certificate.info.subject));
    const findings: RevocationFinding[] = [];
    for (const response of this.ocspResponses) {
      const finding = await this.fromOcsp(response, certificate, issuer, at, label);
      if (finding) findings.push(finding);
    }
    for (const crl of this.crls) {
      const finding = await this.fromCrl(crl, certificate, issuer, at, label);
      if (finding) findings.push(finding);
    }
    const supplied = decisive(findings);
    if (supplied) return supplied;

    if (this.inputs.fetch) {
      for (const url of certificate.ocspUrls) {
        const request = buildOcspRequest(certificate, issuer);
        const bytes = await this.fetch(url, 'ocsp', request, MAX_OCSP_RESPONSE_BYTES);
        if (!bytes) continue;
        const parsed = parseOcspResponse(bytes);
        if (!parsed.ok) {
          this.note(false, prefix(`OCSP ${url}`, parsed.reason));
          continue;
        }
        const finding = await this.fromOcsp(parsed.response, certificate, issuer, at, label);
        if (finding?.usable) return finding;
        if (!finding) this.note(false, notCovering(`OCSP ${url}`, label));
      }
      for (const url of certificate.crlDistributionPoints) {
        const bytes = await this.fetch(url, 'crl', undefined, MAX_CRL_BYTES);
        if (!bytes) continue;
        let parsed = this.parsedCrls.get(bytes);
        if (!parsed) {
          parsed = parseCrl(bytes);
          this.parsedCrls.set(bytes, parsed);
        }
        if (!parsed.ok) {
          this.note(false, prefix(`CRL ${url}`, parsed.reason));
          continue;
        }
        const finding = await this.fromCrl(parsed.crl, certificate, issuer, at, label);
        if (finding?.usable) return finding;
        if (!finding) this.note(false, notCovering(`CRL ${url}`, label));
      }
    }
    return (
      findings[0] ?? {
        usable: false,
        evidence: { certificateFingerprintSha256: certificate.fingerprintSha256, source: 'none', status: 'unknown' },
      }
    );
  }

  private async fetch(
    url: string,
    kind: 'crl' | 'ocsp',
    request: Uint8Array | undefined,
    limit: number,
  ): Promise<Uint8Array | undefined> {
    const target = rewriteRevocationUrl(url, this.inputs.urlRewrites);
    const key = `${kind} ${target} ${request ? toHex(request) : ''}`;
    let pending = this.fetched.get(key);
    if (!pending) {
      const hook = this.inputs.fetch as NonNullable<RevocationInputs['fetch']>;
      pending = (async () => {
        try {
          const bytes = await hook(target, kind, request);
          return bytes instanceof Uint8Array ? bytes : undefined;
        } catch {
          return undefined;
        }
      })();
      this.fetched.set(key, pending);
    }
    const bytes = await pending;
    const via = target === url ? url : `${url} → ${target}`;
    if (!bytes) {
      this.note(false, {
        vi: `Không lấy được ${kind === 'crl' ? 'CRL' : 'phản hồi OCSP'} từ ${via}.`,
        en: `Could not fetch ${kind === 'crl' ? 'a CRL' : 'an OCSP response'} from ${via}.`,
      });
      return undefined;
    }
    if (bytes.length > limit) {
      this.note(false, {
        vi: `Dữ liệu từ ${via} quá lớn (${bytes.length} byte).`,
        en: `Data from ${via} is too large (${bytes.length} bytes).`,
      });
      return undefined;
    }
    this.note(true, { vi: `Đã lấy dữ liệu thu hồi từ ${via}.`, en: `Fetched revocation data from ${via}.` });
    return bytes;
  }

  private async fromOcsp(
    response: ParsedOcspResponse,
    certificate: ParsedCertificate,
    issuer: ParsedCertificate,
    at: Date,
    label: string,
  ): Promise<RevocationFinding | undefined> {
    const basic = response.basic;
    if (!basic) {
      if (response.status !== 'successful')
        this.note(false, {
          vi: `Máy chủ OCSP trả lời “${response.status}” (không có trạng thái).`,
          en: `The OCSP responder answered “${response.status}” (no status).`,
        });
      return undefined;
    }
    const single = basic.responses.find((candidate) => certIdMatches(candidate.certId, certificate, issuer));
    if (!single) return undefined;
    const base = { certificateFingerprintSha256: certificate.fingerprintSha256, source: 'ocsp' as const };
    const unusable = (reason: LocalizedText): RevocationFinding => {
      this.note(false, prefix(`OCSP ${label}`, reason));
      return { usable: false, evidence: { ...base, status: 'unknown' } };
    };
    const signer = await this.ocspSigner(basic, issuer);
    if (!signer.ok) return unusable(signer.reason);
    const algorithm = checkSignatureAlgorithm(basic.signatureAlgorithm, this.policy);
    if (!algorithm.allowed) return unusable(algorithm.reason);
    const check = await verifySignedBytes(
      basic.signatureAlgorithm,
      basic.tbs,
      basic.signatureValue,
      signer.certificate.subjectPublicKeyInfo,
    );
    if (check !== 'valid')
      return unusable(
        signatureProblem(check, {
          vi: 'chữ ký của phản hồi OCSP không hợp lệ.',
          en: 'the OCSP response signature is invalid.',
        }),
      );
    if (basic.unsupportedCriticalExtension)
      return unusable({
        vi: `phần mở rộng quan trọng không được hỗ trợ: ${basic.unsupportedCriticalExtension}.`,
        en: `unsupported critical extension ${basic.unsupportedCriticalExtension}.`,
      });
    const times = { thisUpdate: single.thisUpdate, nextUpdate: single.nextUpdate };
    if (!isFresh(times, at)) return unusable(staleReason(times, at));
    return this.conclude(finding(base, single, times, at), label, algorithm.legacy);
  }

  /** The certificate that signed an OCSP response, if it is the CA itself or a responder the CA authorised. */
  private async ocspSigner(
    basic: BasicOcspResponse,
    issuer: ParsedCertificate,
  ): Promise<{ ok: true; certificate: ParsedCertificate } | { ok: false; reason: LocalizedText }> {
    const identifies = (candidate: ParsedCertificate) =>
      'byName' in basic.responderId
        ? namesMatch(basic.responderId.byName, candidate.subjectName)
        : toHex(publicKeyHash(candidate)) === basic.responderId.byKeyHash;
    if (identifies(issuer)) return { ok: true, certificate: issuer };
    for (const candidate of basic.certificates) {
      if (!identifies(candidate)) continue;
      if (!namesMatch(candidate.issuerName, issuer.subjectName)) continue;
      if (!checkSignatureAlgorithm(candidate.signatureAlgorithm, this.policy).allowed) continue;
      const signed = await verifySignedBytes(
        candidate.signatureAlgorithm,
        candidate.tbs,
        candidate.signatureValue,
        issuer.subjectPublicKeyInfo,
      );
      if (signed !== 'valid') continue;
      if (!candidate.extendedKeyUsage?.includes(OID.ekuOcspSigning))
        return {
          ok: false,
          reason: {
            vi: 'chứng thư của máy chủ OCSP thiếu mục đích id-kp-OCSPSigning.',
            en: 'the OCSP responder certificate lacks id-kp-OCSPSigning.',
          },
        };
      if (basic.producedAt < candidate.notBefore || basic.producedAt > candidate.notAfter)
        return {
          ok: false,
          reason: {
            vi: 'chứng thư của máy chủ OCSP không còn hiệu lực khi phản hồi được tạo.',
            en: 'the OCSP responder certificate was not valid when the response was produced.',
          },
        };
      return { ok: true, certificate: candidate };
    }
    return {
      ok: false,
      reason: {
        vi: 'phản hồi OCSP không do CA cấp chứng thư hay máy chủ OCSP được CA ủy quyền ký.',
        en: 'the OCSP response is signed neither by the issuing CA nor by a responder it authorised.',
      },
    };
  }

  private async fromCrl(
    crl: ParsedCrl,
    certificate: ParsedCertificate,
    issuer: ParsedCertificate,
    at: Date,
    label: string,
  ): Promise<RevocationFinding | undefined> {
    if (!namesMatch(crl.issuerName, certificate.issuerName)) return undefined;
    if (
      crl.authorityKeyIdentifier !== undefined &&
      issuer.subjectKeyIdentifier !== undefined &&
      crl.authorityKeyIdentifier !== issuer.subjectKeyIdentifier
    )
      return undefined; // another key of the same CA
    const isCa = certificate.basicConstraints?.ca === true;
    if ((crl.scope.onlyUserCertificates && isCa) || (crl.scope.onlyCaCertificates && !isCa)) return undefined;
    const base = { certificateFingerprintSha256: certificate.fingerprintSha256, source: 'crl' as const };
    const unusable = (reason: LocalizedText): RevocationFinding => {
      this.note(false, prefix(`CRL ${label}`, reason));
      return { usable: false, evidence: { ...base, status: 'unknown' } };
    };
    const algorithm = checkSignatureAlgorithm(crl.signatureAlgorithm, this.policy);
    if (!algorithm.allowed) return unusable(algorithm.reason);
    const check = await verifySignedBytes(
      crl.signatureAlgorithm,
      crl.tbs,
      crl.signatureValue,
      issuer.subjectPublicKeyInfo,
    );
    if (check !== 'valid')
      return unusable(
        signatureProblem(check, {
          vi: 'chữ ký của CRL không hợp lệ với khóa của CA cấp chứng thư.',
          en: 'the CRL signature does not verify with the issuing CA’s key.',
        }),
      );
    if (issuer.keyUsage && !issuer.keyUsage.cRLSign)
      return unusable({ vi: 'CA cấp chứng thư không có quyền cRLSign.', en: 'the issuing CA lacks cRLSign.' });
    if (crl.isDelta)
      return unusable({ vi: 'CRL delta không dùng riêng được.', en: 'a delta CRL cannot be used on its own.' });
    if (crl.scope.indirect || crl.scope.onlySomeReasons || crl.scope.onlyAttributeCertificates)
      return unusable({
        vi: 'CRL gián tiếp hoặc chỉ một phần lý do không được hỗ trợ.',
        en: 'indirect or partial-reason CRLs are not supported.',
      });
    if (crl.unsupportedCriticalExtension)
      return unusable({
        vi: `phần mở rộng quan trọng không được hỗ trợ: ${crl.unsupportedCriticalExtension}.`,
        en: `unsupported critical extension ${crl.unsupportedCriticalExtension}.`,
      });
    const times = { thisUpdate: crl.thisUpdate, nextUpdate: crl.nextUpdate };
    if (!isFresh(times, at)) return unusable(staleReason(times, at));
    const entry = crl.entries.get(certificate.serialNumber);
    if (entry?.unsupportedCriticalExtension)
      return unusable({
        vi: `mục CRL có phần mở rộng quan trọng không được hỗ trợ: ${entry.unsupportedCriticalExtension}.`,
        en: `the CRL entry has unsupported critical extension ${entry.unsupportedCriticalExtension}.`,
      });
    const single: Pick<OcspSingleResponse, 'status' | 'revocationTime' | 'revocationReason'> =
      entry && entry.reason !== 'removeFromCRL'
        ? {
            status: 'revoked',
            revocationTime: entry.revocationDate,
            ...(entry.reason ? { revocationReason: entry.reason } : {}),
          }
        : { status: 'good' };
    return this.conclude(finding(base, single, times, at), label, algorithm.legacy);
  }

  private conclude(result: RevocationFinding, label: string, legacy: boolean): RevocationFinding {
    const source = result.evidence.source === 'ocsp' ? 'OCSP' : 'CRL';
    const revokedAt = result.evidence.revokedAt ? isoDate(new Date(result.evidence.revokedAt)) : '?';
    const reason = result.evidence.reason;
    if (result.revokedAtTime) {
      const suspended = reason === 'certificateHold';
      this.note(false, {
        vi: `${label} ${suspended ? 'bị tạm dừng (certificateHold)' : `bị thu hồi${reason ? ` (${reason})` : ''}`} từ ${revokedAt} theo ${source}.`,
        en: `${label} was ${suspended ? 'suspended (certificateHold)' : `revoked${reason ? ` (${reason})` : ''}`} on ${revokedAt} according to the ${source}.`,
      });
    } else if (result.evidence.status === 'revoked') {
      this.note(true, {
        vi: `${label} bị thu hồi sau thời điểm kiểm tra (từ ${revokedAt}) theo ${source}; tại thời điểm kiểm tra vẫn còn hiệu lực.`,
        en: `${label} was revoked only after the validation time (on ${revokedAt}) according to the ${source}; it was not revoked at that time.`,
      });
    } else if (result.evidence.status === 'good') {
      this.note(true, {
        vi: `${label} không bị thu hồi theo ${source}${legacy ? ' (ký bằng SHA-1, chấp nhận theo tùy chọn cũ)' : ''}.`,
        en: `${label} is not revoked according to the ${source}${legacy ? ' (signed with SHA-1, accepted as legacy)' : ''}.`,
      });
    } else {
      this.note(false, {
        vi: `${source} không biết trạng thái của ${label}.`,
        en: `The ${source} does not know the status of ${label}.`,
      });
    }
    return { ...result, legacy };
  }

  private note(passed: boolean, message: LocalizedText): void {
    this.checks.push({ id: 'pkix.revocation-data', passed, message });
  }
}

/** What the evidence says about one certificate at T. */
export interface RevocationFinding {
  /** Signed by an authorised party, in scope and fresh at T, with a definite status. */
  usable: boolean;
  /** Revoked (or on hold) at or before T. */
  revokedAtTime?: boolean;
  /** The evidence relied on a SHA-1 signature accepted through allowSha1. */
  legacy?: boolean;
  evidence: RevocationEvidence;
}

function finding(
  base: { certificateFingerprintSha256: string; source: 'crl' | 'ocsp' },
  single: Pick<OcspSingleResponse, 'status' | 'revocationTime' | 'revocationReason'>,
  times: { thisUpdate: Date; nextUpdate: Date | undefined },
  at: Date,
): RevocationFinding {
  const evidence: RevocationEvidence = {
    ...base,
    status: single.status,
    ...(single.revocationReason ? { reason: single.revocationReason } : {}),
    ...(single.revocationTime ? { revokedAt: single.revocationTime.toISOString() } : {}),
    thisUpdate: times.thisUpdate.toISOString(),
    ...(times.nextUpdate ? { nextUpdate: times.nextUpdate.toISOString() } : {}),
  };
  if (single.status === 'unknown') return { usable: false, evidence };
  const revokedAtTime = single.status === 'revoked' && (single.revocationTime?.getTime() ?? 0) <= at.getTime();
  return { usable: true, revokedAtTime, evidence };
}

/** A revoked finding wins over a good one; otherwise the first usable one. */
function decisive(findings: RevocationFinding[]): RevocationFinding | undefined {
  return findings.find((candidate) => candidate.revokedAtTime) ?? findings.find((candidate) => candidate.usable);
}

/**
 * Evidence speaks for T when it was issued at or after T, or when T falls before its nextUpdate (or, without
 * nextUpdate, within a day of its thisUpdate).
 */
function isFresh(times: { thisUpdate: Date; nextUpdate: Date | undefined }, at: Date): boolean {
  if (times.thisUpdate.getTime() >= at.getTime()) return true;
  if (times.nextUpdate) return times.nextUpdate.getTime() >= at.getTime();
  return at.getTime() - times.thisUpdate.getTime() <= MAX_AGE_WITHOUT_NEXT_UPDATE_MS;
}

function staleReason(times: { thisUpdate: Date; nextUpdate: Date | undefined }, at: Date): LocalizedText {
  const until = times.nextUpdate ? isoDate(times.nextUpdate) : isoDate(times.thisUpdate);
  return {
    vi: `dữ liệu đã cũ: chỉ có giá trị đến ${until}, trước thời điểm kiểm tra ${isoDate(at)}.`,
    en: `the data is stale: it speaks only until ${until}, before the validation time ${isoDate(at)}.`,
  };
}

function notCovering(source: string, label: string): LocalizedText {
  return {
    vi: `${source}: không nói về ${label} (khác CA cấp, khác khóa hoặc khác phạm vi).`,
    en: `${source}: does not cover ${label} (another issuer, key or scope).`,
  };
}

/** Why a signature on revocation data was not accepted: wrong, or not checkable by this platform's crypto. */
function signatureProblem(check: SignatureCheck, invalid: LocalizedText): LocalizedText {
  return check === 'unsupported'
    ? {
        vi: 'chữ ký dùng thuật toán hoặc khóa mà thư viện mật mã của nền tảng này không kiểm tra được.',
        en: "the signature uses an algorithm or key this platform's cryptography cannot check.",
      }
    : invalid;
}

function prefix(source: string, reason: LocalizedText): LocalizedText {
  return { vi: `${source}: ${reason.vi}`, en: `${source}: ${reason.en}` };
}

function decodeBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length > MAX_OCSP_RESPONSE_BYTES * 2 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return fromBase64(compact);
}
