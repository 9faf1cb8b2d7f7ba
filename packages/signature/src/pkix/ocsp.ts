import { bytesEqual, fromHex } from '../bytes';
import { cryptoBackend, type HashName } from '../crypto';
import { describeSignatureAlgorithm, readAlgorithmIdentifier, type SignatureAlgorithm } from './algorithms';
import { type CertificateExtension, type ParsedCertificate, parseCertificateDer, readExtensions } from './certificate';
import {
  checkStructure,
  childrenOf,
  DerError,
  type DerLimits,
  type DerNode,
  decodeBitString,
  decodeOctetString,
  decodeOid,
  decodeSmallInteger,
  decodeTime,
  encodeNull,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  encodeTlv,
  encodingOf,
  expectSequence,
  integerContent,
  integerHex,
  isContext,
  isUniversal,
  toHex,
  UNIVERSAL,
} from './der';
import { failureReason, type LocalizedText, tooLarge } from './messages';
import { type ParsedName, parseNameNode } from './name';
import { CRL_REASONS, OID } from './oids';

/*
 * OCSP (RFC 6960): reading an OCSPResponse/BasicOCSPResponse, and building the request for one certificate.
 */

/** Largest OCSP response accepted, in DER bytes. */
export const MAX_OCSP_RESPONSE_BYTES = 1024 * 1024;
/** Most SingleResponses and embedded certificates read from one response. */
const MAX_SINGLE_RESPONSES = 256;
const MAX_RESPONSE_CERTIFICATES = 16;
const OCSP_DER_LIMITS: DerLimits = { maxDepth: 40, maxElements: 200_000, maxOidBytes: 64 };

export type OcspResponseStatus =
  | 'successful'
  | 'malformedRequest'
  | 'internalError'
  | 'tryLater'
  | 'sigRequired'
  | 'unauthorized'
  | 'unknown';

const RESPONSE_STATUSES: Record<number, OcspResponseStatus> = {
  0: 'successful',
  1: 'malformedRequest',
  2: 'internalError',
  3: 'tryLater',
  5: 'sigRequired',
  6: 'unauthorized',
};

export interface OcspCertId {
  hashAlgorithm: string;
  /** The digest name when supported (`sha1`, `sha256`, …). */
  digest?: HashName;
  issuerNameHash: Uint8Array;
  issuerKeyHash: Uint8Array;
  /** Upper-case hex of the serial number's magnitude. */
  serialNumber: string;
}

export interface OcspSingleResponse {
  certId: OcspCertId;
  status: 'good' | 'revoked' | 'unknown';
  revocationTime?: Date;
  revocationReason?: string;
  thisUpdate: Date;
  nextUpdate?: Date;
}

export interface BasicOcspResponse {
  tbs: Uint8Array;
  signatureAlgorithm: SignatureAlgorithm;
  signatureValue: Uint8Array;
  responderId: { byName: ParsedName } | { byKeyHash: string };
  producedAt: Date;
  responses: OcspSingleResponse[];
  /** Certificates the responder included (a delegated responder's certificate, typically); unparseable ones are skipped. */
  certificates: ParsedCertificate[];
  extensions: CertificateExtension[];
  /** Name of a critical response extension this layer does not process, if any. */
  unsupportedCriticalExtension?: string;
}

export interface ParsedOcspResponse {
  der: Uint8Array;
  status: OcspResponseStatus;
  /** Present when status is `successful` and the response type is id-pkix-ocsp-basic. */
  basic?: BasicOcspResponse;
  fingerprintSha256: string;
}

export type ParseOcspResponseResult = { ok: true; response: ParsedOcspResponse } | { ok: false; reason: LocalizedText };

const DIGEST_BY_OID: Record<string, HashName> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

const DIGEST_OID: Record<'sha1' | 'sha256', string> = { sha1: OID.sha1, sha256: OID.sha256 };

/** Parses a DER OCSPResponse. Never throws. */
export function parseOcspResponse(input: Uint8Array): ParseOcspResponseResult {
  if (!(input instanceof Uint8Array))
    return { ok: false, reason: { vi: 'Đầu vào không phải byte.', en: 'The input is not bytes.' } };
  if (input.length > MAX_OCSP_RESPONSE_BYTES)
    return { ok: false, reason: tooLarge('ocsp-response', input.length, MAX_OCSP_RESPONSE_BYTES) };
  const der = new Uint8Array(input);
  try {
    return { ok: true, response: readOcspResponse(der) };
  } catch (error) {
    return { ok: false, reason: failureReason('ocsp-response', error) };
  }
}

function readOcspResponse(der: Uint8Array): ParsedOcspResponse {
  const root = checkStructure(der, OCSP_DER_LIMITS);
  const [statusNode, bytesWrapper, ...extra] = childrenOf(expectSequence(root, 'OCSPResponse'), 3);
  if (statusNode === undefined || extra.length > 0)
    throw new DerError('unexpected-element', root.start, 'OCSPResponse');
  const status = RESPONSE_STATUSES[decodeSmallInteger(statusNode, UNIVERSAL.enumerated)] ?? 'unknown';
  const fingerprintSha256 = toHex(cryptoBackend.digestSync('sha256', der));
  if (status !== 'successful' || bytesWrapper === undefined) return { der, status, fingerprintSha256 };
  if (!isContext(bytesWrapper, 0)) throw new DerError('unexpected-element', bytesWrapper.start, 'responseBytes');
  const [responseBytes] = childrenOf(bytesWrapper, 1);
  const [typeNode, responseNode] = childrenOf(expectSequence(responseBytes, 'ResponseBytes'), 2);
  if (responseNode === undefined) throw new DerError('unexpected-element', bytesWrapper.start, 'ResponseBytes');
  if (decodeOid(typeNode as DerNode) !== OID.ocspBasic) return { der, status, fingerprintSha256 };
  const inner = decodeOctetString(responseNode);
  return { der, status, basic: readBasicResponse(inner, responseNode.contentStart), fingerprintSha256 };
}

function readBasicResponse(bytes: Uint8Array, offsetInOuter: number): BasicOcspResponse {
  let root: DerNode;
  try {
    root = checkStructure(bytes, OCSP_DER_LIMITS);
  } catch (error) {
    if (error instanceof DerError) throw new DerError(error.failure, offsetInOuter + error.offset, error.detail);
    throw error;
  }
  const [tbsNode, algorithmNode, signatureNode, certsWrapper, ...extra] = childrenOf(
    expectSequence(root, 'BasicOCSPResponse'),
    5,
  );
  if (signatureNode === undefined || extra.length > 0)
    throw new DerError('unexpected-element', root.start, 'BasicOCSPResponse');
  const tbs = expectSequence(tbsNode, 'ResponseData');
  const signatureAlgorithm = describeSignatureAlgorithm(readAlgorithmIdentifier(algorithmNode));
  const signatureValue = decodeBitString(signatureNode).bytes;

  const fields = childrenOf(tbs, 5);
  let index = 0;
  if (isContext(fields[0], 0)) {
    const [versionNode] = childrenOf(fields[0], 1);
    if (versionNode === undefined || decodeSmallInteger(versionNode) !== 0)
      throw new DerError('invalid-integer', fields[0].start, 'OCSP version');
    index++;
  }
  const responderNode = fields[index++];
  let responderId: BasicOcspResponse['responderId'];
  if (isContext(responderNode, 1)) {
    const [nameNode] = childrenOf(responderNode, 1);
    responderId = { byName: parseNameNode(nameNode as DerNode) };
  } else if (isContext(responderNode, 2)) {
    const [keyHashNode] = childrenOf(responderNode, 1);
    responderId = { byKeyHash: toHex(decodeOctetString(keyHashNode as DerNode)) };
  } else {
    throw new DerError('unexpected-element', tbs.start, 'ResponderID');
  }
  const producedAtNode = fields[index++];
  if (!isUniversal(producedAtNode, UNIVERSAL.generalizedTime))
    throw new DerError('unexpected-element', tbs.start, 'producedAt');
  const producedAt = decodeTime(producedAtNode);
  const responses = childrenOf(expectSequence(fields[index++], 'responses'), MAX_SINGLE_RESPONSES).map(
    readSingleResponse,
  );
  let extensions: CertificateExtension[] = [];
  const extensionsWrapper = fields[index];
  if (extensionsWrapper !== undefined) {
    if (!isContext(extensionsWrapper, 1) || fields.length > index + 1)
      throw new DerError('unexpected-element', extensionsWrapper.start, 'responseExtensions');
    extensions = readExtensions(extensionsWrapper);
  }

  const certificates: ParsedCertificate[] = [];
  if (certsWrapper !== undefined) {
    if (!isContext(certsWrapper, 0)) throw new DerError('unexpected-element', certsWrapper.start, 'certs');
    const [sequence] = childrenOf(certsWrapper, 1);
    for (const certificateNode of childrenOf(expectSequence(sequence, 'certs'), MAX_RESPONSE_CERTIFICATES)) {
      const parsed = parseCertificateDer(encodingOf(certificateNode));
      if (parsed.ok) certificates.push(parsed.certificate);
    }
  }
  const basic: BasicOcspResponse = {
    tbs: encodingOf(tbs),
    signatureAlgorithm,
    signatureValue,
    responderId,
    producedAt,
    responses,
    certificates,
    extensions,
  };
  const unsupported = extensions.find((extension) => extension.critical && extension.oid !== OID.ocspNonce);
  if (unsupported) basic.unsupportedCriticalExtension = unsupported.name;
  return basic;
}

function readSingleResponse(node: DerNode): OcspSingleResponse {
  const parts = childrenOf(expectSequence(node, 'SingleResponse'), 5);
  const [certIdNode, statusNode, thisUpdateNode] = parts;
  if (statusNode === undefined || thisUpdateNode === undefined)
    throw new DerError('unexpected-element', node.start, 'SingleResponse');
  const certId = readCertId(certIdNode as DerNode);
  let status: OcspSingleResponse['status'];
  let revocationTime: Date | undefined;
  let revocationReason: string | undefined;
  if (isContext(statusNode, 0)) status = 'good';
  else if (isContext(statusNode, 2)) status = 'unknown';
  else if (isContext(statusNode, 1)) {
    status = 'revoked';
    const [timeNode, reasonWrapper] = childrenOf(statusNode, 2);
    revocationTime = decodeTime(timeNode as DerNode);
    if (reasonWrapper !== undefined) {
      const [reasonNode] = childrenOf(reasonWrapper, 1);
      const code = decodeSmallInteger(reasonNode as DerNode, UNIVERSAL.enumerated);
      revocationReason = CRL_REASONS[code] ?? `reason-${code}`;
    }
  } else throw new DerError('unexpected-element', statusNode.start, 'CertStatus');
  const thisUpdate = decodeTime(thisUpdateNode);
  let nextUpdate: Date | undefined;
  for (const optional of parts.slice(3)) {
    if (isContext(optional, 0)) nextUpdate = decodeTime(childrenOf(optional, 1)[0] as DerNode);
    else if (!isContext(optional, 1)) throw new DerError('unexpected-element', optional.start, 'SingleResponse');
  }
  return {
    certId,
    status,
    ...(revocationTime ? { revocationTime } : {}),
    ...(revocationReason ? { revocationReason } : {}),
    thisUpdate,
    ...(nextUpdate ? { nextUpdate } : {}),
  };
}

function readCertId(node: DerNode): OcspCertId {
  const [algorithmNode, nameHashNode, keyHashNode, serialNode] = childrenOf(expectSequence(node, 'CertID'), 4);
  if (serialNode === undefined) throw new DerError('unexpected-element', node.start, 'CertID');
  const hashAlgorithm = readAlgorithmIdentifier(algorithmNode).oid;
  const digest = DIGEST_BY_OID[hashAlgorithm];
  integerContent(serialNode);
  return {
    hashAlgorithm,
    ...(digest ? { digest } : {}),
    issuerNameHash: decodeOctetString(nameHashNode as DerNode),
    issuerKeyHash: decodeOctetString(keyHashNode as DerNode),
    serialNumber: integerHex(serialNode),
  };
}

/** SHA-1 of a certificate's subjectPublicKey, as in ResponderID byKey and OCSP issuerKeyHash. */
export function publicKeyHash(certificate: ParsedCertificate, digest: HashName = 'sha1'): Uint8Array {
  return cryptoBackend.digestSync(digest, certificate.subjectPublicKey);
}

/** Whether a CertID names `certificate` as issued by `issuer`. */
export function certIdMatches(certId: OcspCertId, certificate: ParsedCertificate, issuer: ParsedCertificate): boolean {
  if (certId.digest === undefined || certId.serialNumber !== certificate.serialNumber) return false;
  const nameHash = cryptoBackend.digestSync(certId.digest, certificate.issuerName.der);
  const keyHash = publicKeyHash(issuer, certId.digest);
  return bytesEqual(nameHash, certId.issuerNameHash) && bytesEqual(keyHash, certId.issuerKeyHash);
}

/**
 * A DER OCSPRequest for one certificate (RFC 6960 §4.1; no nonce, no signature, as RFC 5019 profiles). The CertID
 * uses SHA-1 by default, which every responder supports; it is an identifier, not a signature.
 */
export function buildOcspRequest(
  certificate: ParsedCertificate,
  issuer: ParsedCertificate,
  digest: 'sha1' | 'sha256' = 'sha1',
): Uint8Array {
  const serial = serialContent(certificate);
  const certId = encodeSequence(
    encodeSequence(encodeOid(DIGEST_OID[digest]), encodeNull()),
    encodeOctetString(cryptoBackend.digestSync(digest, certificate.issuerName.der)),
    encodeOctetString(publicKeyHash(issuer, digest)),
    encodeTlv(0x02, serial),
  );
  const request = encodeSequence(certId);
  const requestList = encodeSequence(request);
  const tbsRequest = encodeSequence(requestList);
  return encodeSequence(tbsRequest);
}

/** The serial number as INTEGER content octets (a leading zero octet keeps it positive). */
function serialContent(certificate: ParsedCertificate): Uint8Array {
  const magnitude = fromHex(certificate.serialNumber);
  return (magnitude[0] ?? 0) >= 0x80 ? Uint8Array.of(0, ...magnitude) : magnitude;
}
