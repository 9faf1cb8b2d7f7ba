import { latin1, toHex } from '../bytes';
import { cryptoBackend, type PublicKeyDescription, readPublicKey } from '../crypto';
import type { CertificateInfo } from '../model/result';
import { describeSignatureAlgorithm, readAlgorithmIdentifier, type SignatureAlgorithm } from './algorithms';
import {
  bitIsSet,
  bytesEqual,
  CERTIFICATE_DER_LIMITS,
  checkStructure,
  childrenOf,
  contentOf,
  DerError,
  type DerNode,
  decodeBitString,
  decodeBoolean,
  decodeOctetString,
  decodeOid,
  decodeSmallInteger,
  decodeString,
  decodeTime,
  encodingOf,
  expectSequence,
  integerContent,
  integerHex,
  isContext,
  isUniversal,
  magnitudeHex,
  readSingle,
  TAG_CLASS,
  UNIVERSAL,
} from './der';
import { failureReason, type LocalizedText, tooLarge } from './messages';
import { identifiersOf, type ParsedName, parseNameNode } from './name';
import { EXTENSION_NAMES, OID } from './oids';
import { looksLikePem, readPemBlocks } from './pem';

/*
 * X.509 certificates: size-capped, structurally checked, then read field by field from DER — the public key too
 * (type and size from the SubjectPublicKeyInfo), so parsing needs no crypto library beyond a SHA-256 for the
 * fingerprint and runs the same in Node and in browsers. Signatures are verified by the crypto backend (../crypto)
 * from `subjectPublicKeyInfo` when a path is validated.
 */

/** Largest certificate accepted, in DER bytes. */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;
/** Largest PEM text accepted by `parseCertificate`/`parseCertificates` (characters). */
export const MAX_PEM_CHARACTERS = 4 * 1024 * 1024;
/** Most certificates in one bundle. */
export const MAX_CERTIFICATES_PER_BUNDLE = 500;
/** Most extensions in one certificate. */
const MAX_EXTENSIONS = 64;

export interface KeyUsage {
  digitalSignature: boolean;
  nonRepudiation: boolean;
  keyEncipherment: boolean;
  dataEncipherment: boolean;
  keyAgreement: boolean;
  keyCertSign: boolean;
  cRLSign: boolean;
  encipherOnly: boolean;
  decipherOnly: boolean;
}

const KEY_USAGE_BITS: (keyof KeyUsage)[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

export interface CertificateExtension {
  oid: string;
  /** Short name when known (`keyUsage`, `basicConstraints`, …), else the OID. */
  name: string;
  critical: boolean;
  /** The extnValue content (the DER of the extension's own structure). */
  value: Uint8Array;
}

export interface BasicConstraints {
  ca: boolean;
  pathLengthConstraint?: number;
}

export interface AuthorityKeyIdentifier {
  /** Upper-case hex. */
  keyIdentifier?: string;
  /** Upper-case hex of authorityCertSerialNumber. */
  authorityCertSerialNumber?: string;
}

/** A certificate parsed from DER: the bytes, the report model and every field path checks use. */
export interface ParsedCertificate {
  der: Uint8Array;
  info: CertificateInfo;
  /** 1, 2 or 3. */
  version: number;
  /** Upper-case hex of the serial number's magnitude (as OpenSSL prints it). */
  serialNumber: string;
  /** The DER of tbsCertificate (what the issuer signed). */
  tbs: Uint8Array;
  signatureAlgorithm: SignatureAlgorithm;
  signatureValue: Uint8Array;
  issuerName: ParsedName;
  subjectName: ParsedName;
  notBefore: Date;
  notAfter: Date;
  /** The DER of subjectPublicKeyInfo (what signatures by this certificate's key are verified with). */
  subjectPublicKeyInfo: Uint8Array;
  /** The subjectPublicKey BIT STRING octets (hashed for OCSP issuerKeyHash and key identifiers). */
  subjectPublicKey: Uint8Array;
  /** Key type and size, read from subjectPublicKeyInfo. */
  publicKeyDescription: PublicKeyDescription;
  extensions: CertificateExtension[];
  basicConstraints?: BasicConstraints;
  keyUsage?: KeyUsage;
  /** Extended key usage OIDs, when the extension is present. */
  extendedKeyUsage?: string[];
  /** Upper-case hex. */
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: AuthorityKeyIdentifier;
  /** URIs of the CRL distribution points (full names only). */
  crlDistributionPoints: string[];
  /** OCSP responder URIs from authorityInfoAccess. */
  ocspUrls: string[];
  /** caIssuers URIs from authorityInfoAccess. */
  caIssuersUrls: string[];
  certificatePolicies: string[];
  /** id-pkix-ocsp-nocheck is present (an OCSP responder certificate whose status is not checked). */
  ocspNoCheck: boolean;
  /** Subject and issuer names match (self-issued; usually self-signed). */
  selfIssued: boolean;
  /** SHA-256 of the DER, upper-case hex. */
  fingerprintSha256: string;
}

export type ParseCertificateResult =
  | { ok: true; certificate: ParsedCertificate }
  | { ok: false; reason: LocalizedText };

/** Parses one certificate from DER bytes or PEM text (exactly one CERTIFICATE block). Never throws. */
export function parseCertificate(input: Uint8Array | string): ParseCertificateResult {
  const blocks = certificateBlocks(input);
  if (!blocks.ok) return blocks;
  if (blocks.ders.length !== 1)
    return {
      ok: false,
      reason:
        blocks.ders.length === 0
          ? { vi: 'Không tìm thấy khối PEM CERTIFICATE nào.', en: 'No PEM CERTIFICATE block was found.' }
          : {
              vi: `Có ${blocks.ders.length} chứng thư số, trong khi chỉ mong đợi một (dùng parseCertificates cho một bó).`,
              en: `Found ${blocks.ders.length} certificates where one was expected (use parseCertificates for a bundle).`,
            },
    };
  return parseCertificateDer(blocks.ders[0] as Uint8Array);
}

/** Parses every certificate of a PEM bundle, or the one certificate of a DER input. Never throws. */
export function parseCertificates(
  input: Uint8Array | string,
): { ok: true; certificates: ParsedCertificate[] } | { ok: false; reason: LocalizedText } {
  const blocks = certificateBlocks(input);
  if (!blocks.ok) return blocks;
  const certificates: ParsedCertificate[] = [];
  for (const [index, der] of blocks.ders.entries()) {
    const parsed = parseCertificateDer(der);
    if (!parsed.ok)
      return {
        ok: false,
        reason: {
          vi: `Chứng thư số thứ ${index + 1}: ${parsed.reason.vi}`,
          en: `Certificate ${index + 1}: ${parsed.reason.en}`,
        },
      };
    certificates.push(parsed.certificate);
  }
  return { ok: true, certificates };
}

/**
 * The certificates a caller supplies (DER, PEM bundles or already parsed), in order; inputs that are not
 * readable certificates are left out — they cannot designate a signer, and path validation would refuse them.
 */
export function parseCertificateInputs(
  inputs: readonly (Uint8Array | string | ParsedCertificate)[],
): ParsedCertificate[] {
  const out: ParsedCertificate[] = [];
  for (const input of inputs) {
    if (isParsedCertificate(input)) out.push(input);
    else {
      const parsed = parseCertificates(input as Uint8Array | string);
      if (parsed.ok) out.push(...parsed.certificates);
    }
  }
  return out;
}

function certificateBlocks(
  input: Uint8Array | string,
): { ok: true; ders: Uint8Array[] } | { ok: false; reason: LocalizedText } {
  if (typeof input !== 'string' && !(input instanceof Uint8Array))
    return {
      ok: false,
      reason: { vi: 'Đầu vào không phải byte hay chuỗi.', en: 'The input is neither bytes nor a string.' },
    };
  if (typeof input === 'string' || looksLikePem(input)) {
    const size = typeof input === 'string' ? input.length : input.length;
    if (size > MAX_PEM_CHARACTERS) return { ok: false, reason: tooLarge('pem', size, MAX_PEM_CHARACTERS) };
    const text = typeof input === 'string' ? input : latin1(input);
    const pem = readPemBlocks(text, MAX_CERTIFICATES_PER_BUNDLE);
    if (!pem.ok) return pem;
    return { ok: true, ders: pem.blocks.filter((block) => block.label === 'CERTIFICATE').map((block) => block.der) };
  }
  return { ok: true, ders: [input] };
}

/** Parses one DER certificate. Never throws. */
export function parseCertificateDer(input: Uint8Array): ParseCertificateResult {
  if (input.length > MAX_CERTIFICATE_BYTES)
    return { ok: false, reason: tooLarge('certificate', input.length, MAX_CERTIFICATE_BYTES) };
  const der = new Uint8Array(input); // our own copy: callers may reuse their buffer
  let fields: CertificateFields;
  try {
    fields = readCertificateFields(der);
  } catch (error) {
    return { ok: false, reason: failureReason('certificate', error) };
  }
  const fingerprintSha256 = toHex(cryptoBackend.digestSync('sha256', der));
  const info: CertificateInfo = {
    subject: fields.subjectName.name,
    issuer: fields.issuerName.name,
    serialNumber: fields.serialNumber,
    notBefore: fields.notBefore.toISOString(),
    notAfter: fields.notAfter.toISOString(),
    fingerprintSha256,
    identifiers: identifiersOf(fields.subjectName.name),
  };
  return {
    ok: true,
    certificate: { der, info, ...fields, fingerprintSha256 },
  };
}

/** Whether a value is a certificate from `parseCertificate` (rather than DER bytes or PEM text). */
export function isParsedCertificate(value: unknown): value is ParsedCertificate {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ParsedCertificate>;
  return (
    candidate.der instanceof Uint8Array &&
    candidate.subjectPublicKeyInfo instanceof Uint8Array &&
    typeof candidate.fingerprintSha256 === 'string' &&
    typeof candidate.info === 'object'
  );
}

type CertificateFields = Omit<ParsedCertificate, 'der' | 'info' | 'fingerprintSha256'>;

function readCertificateFields(der: Uint8Array): CertificateFields {
  const root = checkStructure(der, CERTIFICATE_DER_LIMITS);
  const [tbsNode, outerAlgorithmNode, signatureNode, ...extra] = childrenOf(expectSequence(root, 'Certificate'), 4);
  if (signatureNode === undefined || extra.length > 0)
    throw new DerError('unexpected-element', root.start, 'Certificate must have three fields');
  const tbsSequence = expectSequence(tbsNode, 'TBSCertificate');
  const outerAlgorithm = readAlgorithmIdentifier(outerAlgorithmNode);
  const signature = decodeBitString(signatureNode);
  if (signature.unusedBits !== 0) throw new DerError('invalid-bit-string', signatureNode.start, 'signature');

  const fields = childrenOf(tbsSequence, 12);
  let index = 0;
  let version = 1;
  const first = fields[0];
  if (isContext(first, 0)) {
    const [versionNode, ...rest] = childrenOf(first, 2);
    if (versionNode === undefined || rest.length > 0) throw new DerError('unexpected-element', first.start, 'version');
    version = decodeSmallInteger(versionNode) + 1;
    if (version < 2 || version > 3) throw new DerError('invalid-integer', versionNode.start, 'version');
    index++;
  }
  const serialNode = fields[index++];
  if (!isUniversal(serialNode, UNIVERSAL.integer))
    throw new DerError('unexpected-element', tbsSequence.start, 'serialNumber');
  integerContent(serialNode);
  if (serialNode.end - serialNode.contentStart > 64)
    throw new DerError('invalid-integer', serialNode.start, 'serial too long');
  const innerAlgorithmNode = fields[index++];
  const innerAlgorithm = readAlgorithmIdentifier(innerAlgorithmNode);
  if (
    innerAlgorithm.oid !== outerAlgorithm.oid ||
    !bytesEqual(encodingOf(innerAlgorithmNode as DerNode), encodingOf(outerAlgorithmNode as DerNode))
  )
    throw new DerError('unexpected-element', (innerAlgorithmNode as DerNode).start, 'signature algorithms differ');
  const issuerName = parseNameNode(fields[index++] as DerNode);
  const validityNode = expectSequence(fields[index++], 'Validity');
  const [notBeforeNode, notAfterNode, ...validityRest] = childrenOf(validityNode, 3);
  if (notBeforeNode === undefined || notAfterNode === undefined || validityRest.length > 0)
    throw new DerError('unexpected-element', validityNode.start, 'Validity');
  const notBefore = decodeTime(notBeforeNode);
  const notAfter = decodeTime(notAfterNode);
  const subjectName = parseNameNode(fields[index++] as DerNode);
  const spkiNode = expectSequence(fields[index++], 'SubjectPublicKeyInfo');
  const [spkiAlgorithmNode, spkiKeyNode, ...spkiRest] = childrenOf(spkiNode, 3);
  if (spkiKeyNode === undefined || spkiRest.length > 0)
    throw new DerError('unexpected-element', spkiNode.start, 'SubjectPublicKeyInfo');
  readAlgorithmIdentifier(spkiAlgorithmNode);
  const subjectPublicKey = decodeBitString(spkiKeyNode).bytes;
  const subjectPublicKeyInfo = encodingOf(spkiNode);
  const publicKeyDescription = readPublicKey(subjectPublicKeyInfo);

  let extensionsNode: DerNode | undefined;
  for (const field of fields.slice(index)) {
    if (isContext(field, 1) || isContext(field, 2)) {
      if (version < 2) throw new DerError('unexpected-element', field.start, 'unique identifier in a v1 certificate');
      continue;
    }
    if (isContext(field, 3) && extensionsNode === undefined) {
      if (version !== 3) throw new DerError('unexpected-element', field.start, 'extensions in a v1/v2 certificate');
      extensionsNode = field;
      continue;
    }
    throw new DerError('unexpected-element', field.start, 'unexpected field in TBSCertificate');
  }
  const extensions = extensionsNode ? readExtensions(extensionsNode) : [];
  const understood = readKnownExtensions(extensions);

  return {
    version,
    serialNumber: integerHex(serialNode),
    tbs: encodingOf(tbsSequence),
    signatureAlgorithm: describeSignatureAlgorithm(outerAlgorithm),
    signatureValue: signature.bytes,
    issuerName,
    subjectName,
    notBefore,
    notAfter,
    subjectPublicKeyInfo,
    subjectPublicKey,
    publicKeyDescription,
    extensions,
    ...understood,
    selfIssued: issuerName.matchKey === subjectName.matchKey,
  };
}

/** Reads `[n] EXPLICIT Extensions` (certificates use [3], CRLs [0], OCSP [1]). Throws `DerError`. */
export function readExtensions(wrapper: DerNode): CertificateExtension[] {
  const [sequence, ...rest] = childrenOf(wrapper, 2);
  if (rest.length > 0) throw new DerError('unexpected-element', wrapper.start, 'Extensions');
  return readExtensionSequence(sequence);
}

/** Reads `Extensions ::= SEQUENCE OF Extension`; duplicates are rejected. Throws `DerError`. */
export function readExtensionSequence(sequence: DerNode | undefined): CertificateExtension[] {
  const extensions: CertificateExtension[] = [];
  const seen = new Set<string>();
  for (const extensionNode of childrenOf(expectSequence(sequence, 'Extensions'), MAX_EXTENSIONS)) {
    const parts = childrenOf(expectSequence(extensionNode, 'Extension'), 4);
    const oid = decodeOid(parts[0] as DerNode);
    let critical = false;
    let valueNode = parts[1];
    if (isUniversal(valueNode, UNIVERSAL.boolean)) {
      critical = decodeBoolean(valueNode);
      valueNode = parts[2];
      if (parts.length !== 3) throw new DerError('unexpected-element', extensionNode.start, 'Extension');
    } else if (parts.length !== 2) throw new DerError('unexpected-element', extensionNode.start, 'Extension');
    if (valueNode === undefined) throw new DerError('unexpected-element', extensionNode.start, 'Extension');
    const name = EXTENSION_NAMES[oid] ?? oid;
    if (seen.has(oid)) throw new DerError('duplicate-extension', extensionNode.start, name);
    seen.add(oid);
    extensions.push({ oid, name, critical, value: decodeOctetString(valueNode) });
  }
  return extensions;
}

type KnownExtensionFields = Pick<
  ParsedCertificate,
  | 'basicConstraints'
  | 'keyUsage'
  | 'extendedKeyUsage'
  | 'subjectKeyIdentifier'
  | 'authorityKeyIdentifier'
  | 'crlDistributionPoints'
  | 'ocspUrls'
  | 'caIssuersUrls'
  | 'certificatePolicies'
  | 'ocspNoCheck'
>;

function readKnownExtensions(extensions: CertificateExtension[]): KnownExtensionFields {
  const fields: KnownExtensionFields = {
    crlDistributionPoints: [],
    ocspUrls: [],
    caIssuersUrls: [],
    certificatePolicies: [],
    ocspNoCheck: false,
  };
  for (const extension of extensions) {
    try {
      readKnownExtension(extension, fields);
    } catch (error) {
      const offset = error instanceof DerError ? error.offset : 0;
      throw new DerError('invalid-extension', offset, extension.name);
    }
  }
  return fields;
}

function readKnownExtension(extension: CertificateExtension, fields: KnownExtensionFields): void {
  switch (extension.oid) {
    case OID.basicConstraints: {
      const parts = childrenOf(expectSequence(readSingle(extension.value), 'BasicConstraints'), 2);
      let ca = false;
      let pathLengthConstraint: number | undefined;
      for (const part of parts) {
        if (isUniversal(part, UNIVERSAL.boolean)) ca = decodeBoolean(part);
        else pathLengthConstraint = decodeSmallInteger(part);
      }
      fields.basicConstraints = pathLengthConstraint === undefined ? { ca } : { ca, pathLengthConstraint };
      return;
    }
    case OID.keyUsage: {
      const bits = decodeBitString(readSingle(extension.value)).bytes;
      const usage = {} as KeyUsage;
      KEY_USAGE_BITS.forEach((name, bit) => {
        usage[name] = bitIsSet(bits, bit);
      });
      fields.keyUsage = usage;
      return;
    }
    case OID.extendedKeyUsage:
      fields.extendedKeyUsage = childrenOf(expectSequence(readSingle(extension.value), 'ExtKeyUsage'), 64).map(
        decodeOid,
      );
      return;
    case OID.subjectKeyIdentifier:
      fields.subjectKeyIdentifier = toHex(decodeOctetString(readSingle(extension.value)));
      return;
    case OID.authorityKeyIdentifier: {
      const aki: AuthorityKeyIdentifier = {};
      for (const part of childrenOf(expectSequence(readSingle(extension.value), 'AuthorityKeyIdentifier'), 3)) {
        if (isContext(part, 0) && !part.constructed) aki.keyIdentifier = toHex(contentOf(part));
        else if (isContext(part, 2) && !part.constructed) aki.authorityCertSerialNumber = magnitudeHex(contentOf(part));
      }
      fields.authorityKeyIdentifier = aki;
      return;
    }
    case OID.crlDistributionPoints:
      for (const point of childrenOf(expectSequence(readSingle(extension.value), 'CRLDistributionPoints'), 32)) {
        for (const part of childrenOf(expectSequence(point, 'DistributionPoint'), 3)) {
          if (!isContext(part, 0)) continue;
          for (const pointName of childrenOf(part, 1))
            if (isContext(pointName, 0)) fields.crlDistributionPoints.push(...uris(pointName));
        }
      }
      return;
    case OID.authorityInfoAccess:
      for (const description of childrenOf(expectSequence(readSingle(extension.value), 'AuthorityInfoAccess'), 32)) {
        const [methodNode, locationNode] = childrenOf(expectSequence(description, 'AccessDescription'), 2);
        const method = decodeOid(methodNode as DerNode);
        if (locationNode === undefined || !isContext(locationNode, 6)) continue;
        const uri = uriText(locationNode);
        if (method === OID.accessOcsp) fields.ocspUrls.push(uri);
        else if (method === OID.accessCaIssuers) fields.caIssuersUrls.push(uri);
      }
      return;
    case OID.certificatePolicies:
      for (const policy of childrenOf(expectSequence(readSingle(extension.value), 'CertificatePolicies'), 64)) {
        const [identifier] = childrenOf(expectSequence(policy, 'PolicyInformation'), 2);
        fields.certificatePolicies.push(decodeOid(identifier as DerNode));
      }
      return;
    case OID.ocspNoCheck:
      fields.ocspNoCheck = true;
      return;
    default:
      return;
  }
}

/** The uniformResourceIdentifier entries of an IMPLICIT GeneralNames. */
function uris(generalNames: DerNode): string[] {
  return childrenOf(generalNames, 32)
    .filter((name) => isContext(name, 6))
    .map(uriText);
}

function uriText(node: DerNode): string {
  if (node.constructed || node.tagClass !== TAG_CLASS.context)
    throw new DerError('unexpected-element', node.start, 'uniformResourceIdentifier');
  // IA5String content, implicitly tagged: read it as a string of the same bytes.
  return decodeString({ ...node, tagClass: TAG_CLASS.universal, tag: UNIVERSAL.ia5String });
}
