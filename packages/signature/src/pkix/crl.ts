import { latin1 } from '../bytes';
import { cryptoBackend } from '../crypto';
import { describeSignatureAlgorithm, readAlgorithmIdentifier, type SignatureAlgorithm } from './algorithms';
import { type CertificateExtension, readExtensionSequence, readExtensions } from './certificate';
import {
  childrenOf,
  DerError,
  type DerNode,
  decodeBitString,
  decodeBoolean,
  decodeSmallInteger,
  decodeTime,
  encodingOf,
  expectSequence,
  forEachChild,
  integerHex,
  isContext,
  isUniversal,
  readSingle,
  toHex,
  UNIVERSAL,
} from './der';
import { failureReason, type LocalizedText, tooLarge } from './messages';
import { type ParsedName, parseNameNode } from './name';
import { CRL_REASONS, OID } from './oids';
import { looksLikePem, readPemBlocks } from './pem';

/*
 * Certificate revocation lists (RFC 5280 §5), read lazily: the revoked-certificate list is walked entry by entry
 * into a map keyed by serial number, so a large CRL costs one pass and no tree.
 */

/** Largest CRL accepted, in DER bytes. */
export const MAX_CRL_BYTES = 32 * 1024 * 1024;
/** Most entries in one CRL. */
export const MAX_CRL_ENTRIES = 2_000_000;

export interface CrlEntry {
  /** Upper-case hex of the serial number's magnitude. */
  serialNumber: string;
  revocationDate: Date;
  /** RFC 5280 reason name (`keyCompromise`, `certificateHold`, …), when given. */
  reason?: string;
  invalidityDate?: Date;
  /** The entry carries certificateIssuer (indirect CRL): it may concern another issuer. */
  namesOtherIssuer: boolean;
  /** Name of a critical entry extension this layer does not process, if any. */
  unsupportedCriticalExtension?: string;
}

export interface ParsedCrl {
  der: Uint8Array;
  tbs: Uint8Array;
  signatureAlgorithm: SignatureAlgorithm;
  signatureValue: Uint8Array;
  issuerName: ParsedName;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Upper-case hex. */
  crlNumber?: string;
  /** Upper-case hex of the authorityKeyIdentifier keyIdentifier. */
  authorityKeyIdentifier?: string;
  /** A delta CRL (deltaCRLIndicator): not usable on its own. */
  isDelta: boolean;
  /** What issuingDistributionPoint restricts the CRL to. */
  scope: {
    onlyUserCertificates: boolean;
    onlyCaCertificates: boolean;
    onlySomeReasons: boolean;
    indirect: boolean;
    onlyAttributeCertificates: boolean;
  };
  /** Name of a critical CRL extension this layer does not process, if any. */
  unsupportedCriticalExtension?: string;
  extensions: CertificateExtension[];
  entries: ReadonlyMap<string, CrlEntry>;
  fingerprintSha256: string;
}

export type ParseCrlResult = { ok: true; crl: ParsedCrl } | { ok: false; reason: LocalizedText };

/** Parses a CRL from DER or PEM (`X509 CRL`). Never throws. */
export function parseCrl(input: Uint8Array | string): ParseCrlResult {
  let der: Uint8Array;
  if (typeof input === 'string' || looksLikePem(input)) {
    const length = input.length;
    if (length > MAX_CRL_BYTES * 2) return { ok: false, reason: tooLarge('pem', length, MAX_CRL_BYTES * 2) };
    const text = typeof input === 'string' ? input : latin1(input);
    const pem = readPemBlocks(text, 4);
    if (!pem.ok) return pem;
    const blocks = pem.blocks.filter((block) => block.label === 'X509 CRL');
    if (blocks.length !== 1)
      return {
        ok: false,
        reason: { vi: 'Cần đúng một khối PEM “X509 CRL”.', en: 'Exactly one PEM “X509 CRL” block is expected.' },
      };
    der = (blocks[0] as { der: Uint8Array }).der;
  } else {
    der = input;
  }
  if (der.length > MAX_CRL_BYTES) return { ok: false, reason: tooLarge('crl', der.length, MAX_CRL_BYTES) };
  try {
    return { ok: true, crl: readCrl(new Uint8Array(der)) };
  } catch (error) {
    return { ok: false, reason: failureReason('crl', error) };
  }
}

const PROCESSED_CRL_EXTENSIONS = new Set<string>([
  OID.crlNumber,
  OID.authorityKeyIdentifier,
  OID.deltaCrlIndicator,
  OID.issuingDistributionPoint,
  OID.freshestCrl,
  OID.expiredCertsOnCrl,
  OID.issuerAltName,
]);

const PROCESSED_ENTRY_EXTENSIONS = new Set<string>([
  OID.reasonCode,
  OID.invalidityDate,
  OID.holdInstructionCode,
  OID.certificateIssuer,
]);

function readCrl(der: Uint8Array): ParsedCrl {
  const root = readSingle(der);
  const [tbsNode, algorithmNode, signatureNode, ...extra] = childrenOf(expectSequence(root, 'CertificateList'), 4);
  if (signatureNode === undefined || extra.length > 0)
    throw new DerError('unexpected-element', root.start, 'CertificateList must have three fields');
  const tbs = expectSequence(tbsNode, 'TBSCertList');
  const signatureAlgorithm = describeSignatureAlgorithm(readAlgorithmIdentifier(algorithmNode));
  const signatureValue = decodeBitString(signatureNode).bytes;

  const fields = childrenOf(tbs, 8);
  let index = 0;
  if (isUniversal(fields[0], UNIVERSAL.integer)) {
    if (decodeSmallInteger(fields[0]) !== 1) throw new DerError('invalid-integer', fields[0].start, 'CRL version');
    index++;
  }
  const innerAlgorithm = readAlgorithmIdentifier(fields[index++]);
  if (innerAlgorithm.oid !== signatureAlgorithm.oid)
    throw new DerError('unexpected-element', tbs.start, 'signature algorithms differ');
  const issuerName = parseNameNode(fields[index++] as DerNode);
  const thisUpdate = decodeTime(fields[index++] as DerNode);
  let nextUpdate: Date | undefined;
  const maybeNext = fields[index];
  if (isUniversal(maybeNext, UNIVERSAL.utcTime) || isUniversal(maybeNext, UNIVERSAL.generalizedTime)) {
    nextUpdate = decodeTime(maybeNext);
    index++;
  }
  const entries = new Map<string, CrlEntry>();
  let extensions: CertificateExtension[] = [];
  for (const field of fields.slice(index)) {
    if (isUniversal(field, UNIVERSAL.sequence) && entries.size === 0 && extensions.length === 0) {
      forEachChild(field, (entryNode) => {
        if (entries.size >= MAX_CRL_ENTRIES) throw new DerError('too-many-elements', entryNode.start);
        const entry = readEntry(entryNode);
        entries.set(entry.serialNumber, entry);
      });
    } else if (isContext(field, 0) && extensions.length === 0) {
      extensions = readExtensions(field);
    } else {
      throw new DerError('unexpected-element', field.start, 'unexpected field in TBSCertList');
    }
  }

  const crl: ParsedCrl = {
    der,
    tbs: encodingOf(tbs),
    signatureAlgorithm,
    signatureValue,
    issuerName,
    thisUpdate,
    ...(nextUpdate ? { nextUpdate } : {}),
    isDelta: false,
    scope: {
      onlyUserCertificates: false,
      onlyCaCertificates: false,
      onlySomeReasons: false,
      indirect: false,
      onlyAttributeCertificates: false,
    },
    extensions,
    entries,
    fingerprintSha256: toHex(cryptoBackend.digestSync('sha256', der)),
  };
  for (const extension of extensions) {
    try {
      readCrlExtension(extension, crl);
    } catch (error) {
      throw new DerError('invalid-extension', error instanceof DerError ? error.offset : 0, extension.name);
    }
    if (extension.critical && !PROCESSED_CRL_EXTENSIONS.has(extension.oid))
      crl.unsupportedCriticalExtension ??= extension.name;
  }
  return crl;
}

function readCrlExtension(extension: CertificateExtension, crl: ParsedCrl): void {
  switch (extension.oid) {
    case OID.crlNumber:
      crl.crlNumber = integerHex(readSingle(extension.value));
      return;
    case OID.deltaCrlIndicator:
      crl.isDelta = true;
      return;
    case OID.authorityKeyIdentifier:
      for (const part of childrenOf(expectSequence(readSingle(extension.value), 'AuthorityKeyIdentifier'), 3))
        if (isContext(part, 0) && !part.constructed)
          crl.authorityKeyIdentifier = toHex(part.bytes.subarray(part.contentStart, part.end));
      return;
    case OID.issuingDistributionPoint:
      for (const part of childrenOf(expectSequence(readSingle(extension.value), 'IssuingDistributionPoint'), 6)) {
        // [1]..[5] are IMPLICIT BOOLEAN / ReasonFlags.
        const flag = () => decodeBoolean({ ...part, tagClass: 0, tag: UNIVERSAL.boolean });
        if (isContext(part, 1)) crl.scope.onlyUserCertificates = flag();
        else if (isContext(part, 2)) crl.scope.onlyCaCertificates = flag();
        else if (isContext(part, 3)) crl.scope.onlySomeReasons = true;
        else if (isContext(part, 4)) crl.scope.indirect = flag();
        else if (isContext(part, 5)) crl.scope.onlyAttributeCertificates = flag();
      }
      return;
    default:
      return;
  }
}

function readEntry(entryNode: DerNode): CrlEntry {
  const [serialNode, dateNode, extensionsNode, ...rest] = childrenOf(
    expectSequence(entryNode, 'revokedCertificate'),
    4,
  );
  if (serialNode === undefined || dateNode === undefined || rest.length > 0)
    throw new DerError('unexpected-element', entryNode.start, 'revokedCertificate');
  const entry: CrlEntry = {
    serialNumber: integerHex(serialNode),
    revocationDate: decodeTime(dateNode),
    namesOtherIssuer: false,
  };
  if (extensionsNode === undefined) return entry;
  for (const extension of readExtensionSequence(extensionsNode)) {
    try {
      if (extension.oid === OID.reasonCode) {
        const code = decodeSmallInteger(readSingle(extension.value), UNIVERSAL.enumerated);
        entry.reason = CRL_REASONS[code] ?? `reason-${code}`;
      } else if (extension.oid === OID.invalidityDate) {
        entry.invalidityDate = decodeTime(readSingle(extension.value));
      } else if (extension.oid === OID.certificateIssuer) {
        entry.namesOtherIssuer = true;
      }
    } catch (error) {
      throw new DerError('invalid-extension', error instanceof DerError ? error.offset : 0, extension.name);
    }
    if (extension.critical && !PROCESSED_ENTRY_EXTENSIONS.has(extension.oid))
      entry.unsupportedCriticalExtension ??= extension.name;
  }
  return entry;
}
