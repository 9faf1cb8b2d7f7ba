/*
 * A lean reader of CMS SignedData (RFC 5652) over the DER walker: one pass, no object model, values are
 * subarrays of the input. BER (indefinite lengths, segmented eContent, as streaming encoders write) is
 * accepted in the envelope; signedAttrs must be DER, as RFC 5652 §5.3 requires. Limits on counts keep
 * hostile input cheap. Throws DerError on anything malformed — callers turn it into FORMAT_FAILURE.
 */
import { children, DerError, octetStringContent, raw, readOid, readTlv, smallInteger, type Tlv, value } from './der';
import { OID } from './oids';

export const LIMITS = {
  certificates: 64,
  crls: 64,
  signers: 32,
  attributes: 64,
  attributeValues: 16,
  digestAlgorithms: 16,
} as const;

export interface Attribute {
  /** The Attribute element as encoded. */
  readonly encoded: Uint8Array;
  readonly oid: string;
  /** The values (elements of the SET), as positions in the input. */
  readonly values: readonly Tlv[];
}

export type SignerIdentifier =
  | { readonly kind: 'issuerAndSerialNumber'; readonly issuer: Uint8Array; readonly serial: Uint8Array }
  | { readonly kind: 'subjectKeyIdentifier'; readonly keyIdentifier: Uint8Array };

export interface SignerInfoData {
  readonly version: number;
  readonly sid: SignerIdentifier;
  readonly digestAlgorithm: Tlv;
  /** The signedAttrs element ([0] IMPLICIT SET OF Attribute) as encoded, with its attributes. */
  readonly signedAttrs: { readonly encoded: Uint8Array; readonly attributes: readonly Attribute[] } | undefined;
  readonly signatureAlgorithm: Tlv;
  readonly signature: Uint8Array;
  readonly unsignedAttrs: readonly Attribute[];
}

export interface SignedDataStructure {
  /** The whole input, which every Tlv position refers to. */
  readonly buf: Uint8Array;
  readonly version: number;
  readonly eContentType: string;
  /** The encapsulated content when attached; undefined when detached. */
  readonly eContent: Uint8Array | undefined;
  /** DER of each X.509 certificate of the certificates set (other choices are skipped). */
  readonly certificates: readonly Uint8Array[];
  /** DER of each CRL of the crls set (other revocation formats are skipped). */
  readonly crls: readonly Uint8Array[];
  readonly signerInfos: readonly SignerInfoData[];
}

/** Reads a ContentInfo holding SignedData. Trailing zero bytes are tolerated (PDF /Contents padding). */
export function parseSignedData(buf: Uint8Array): SignedDataStructure {
  const contentInfo = readTlv(buf, 0, buf.length);
  if (contentInfo.id !== 0x30) throw new DerError('not a ContentInfo');
  for (let i = contentInfo.end; i < buf.length; i++) if (buf[i] !== 0) throw new DerError('data after the ContentInfo');
  const [typeTlv, explicit, extra] = children(buf, contentInfo, 3);
  if (!typeTlv || extra) throw new DerError('malformed ContentInfo');
  const contentType = readOid(buf, typeTlv);
  if (contentType !== OID.signedData) throw new NotSignedDataError(contentType);
  if (explicit?.id !== 0xa0) throw new DerError('ContentInfo without content');
  const [signedData, extraContent] = children(buf, explicit, 2);
  if (signedData?.id !== 0x30 || extraContent) throw new DerError('malformed SignedData');

  const parts = children(buf, signedData, 7);
  let index = 0;
  const next = (): Tlv | undefined => parts[index];
  const versionTlv = parts[index++];
  if (!versionTlv) throw new DerError('malformed SignedData');
  const version = smallInteger(buf, versionTlv);
  const digestAlgorithms = parts[index++];
  if (digestAlgorithms?.id !== 0x31) throw new DerError('malformed digestAlgorithms');
  children(buf, digestAlgorithms, LIMITS.digestAlgorithms);

  const encap = parts[index++];
  if (encap?.id !== 0x30) throw new DerError('malformed encapContentInfo');
  const [eTypeTlv, eExplicit, eExtra] = children(buf, encap, 3);
  if (!eTypeTlv || eExtra) throw new DerError('malformed encapContentInfo');
  const eContentType = readOid(buf, eTypeTlv);
  let eContent: Uint8Array | undefined;
  if (eExplicit) {
    if (eExplicit.id !== 0xa0) throw new DerError('malformed eContent');
    const [octets, more] = children(buf, eExplicit, 2);
    if (!octets || more) throw new DerError('malformed eContent');
    eContent = octetStringContent(buf, octets);
  }

  const certificates: Uint8Array[] = [];
  if (next()?.id === 0xa0) {
    const set = parts[index++] as Tlv;
    for (const choice of children(buf, set, LIMITS.certificates)) {
      if (choice.id === 0x30) certificates.push(raw(buf, choice));
      else if (choice.cls !== 2) throw new DerError('malformed certificate set');
    }
  }
  const crls: Uint8Array[] = [];
  if (next()?.id === 0xa1) {
    const set = parts[index++] as Tlv;
    for (const choice of children(buf, set, LIMITS.crls)) {
      if (choice.id === 0x30) crls.push(raw(buf, choice));
      else if (choice.id !== 0xa1) throw new DerError('malformed crls');
    }
  }
  const signerSet = parts[index++];
  if (signerSet?.id !== 0x31 || index !== parts.length) throw new DerError('malformed signerInfos');
  const signerInfos = children(buf, signerSet, LIMITS.signers).map((tlv) => readSignerInfo(buf, tlv));
  return { buf, version, eContentType, eContent, certificates, crls, signerInfos };
}

/** A ContentInfo of another type than SignedData (e.g. EnvelopedData): SIGNED_DATA_NOT_FOUND. */
export class NotSignedDataError extends DerError {
  constructor(readonly contentType: string) {
    super(`content type ${contentType} is not signedData`);
  }
}

function readSignerInfo(buf: Uint8Array, tlv: Tlv): SignerInfoData {
  if (tlv.id !== 0x30) throw new DerError('malformed SignerInfo');
  const parts = children(buf, tlv, 7);
  let index = 0;
  const versionTlv = parts[index++];
  if (!versionTlv) throw new DerError('malformed SignerInfo');
  const version = smallInteger(buf, versionTlv);
  const sidTlv = parts[index++];
  if (!sidTlv) throw new DerError('malformed SignerInfo');
  let sid: SignerIdentifier;
  if (sidTlv.id === 0x30) {
    const [issuer, serial, extra] = children(buf, sidTlv, 3);
    if (issuer?.id !== 0x30 || !serial || serial.id !== 0x02 || extra)
      throw new DerError('malformed IssuerAndSerialNumber');
    sid = { kind: 'issuerAndSerialNumber', issuer: raw(buf, issuer), serial: value(buf, serial) };
  } else if (sidTlv.id === 0x80) {
    sid = { kind: 'subjectKeyIdentifier', keyIdentifier: value(buf, sidTlv) };
  } else throw new DerError('malformed SignerIdentifier');
  const digestAlgorithm = parts[index++];
  if (digestAlgorithm?.id !== 0x30) throw new DerError('malformed digestAlgorithm');
  let signedAttrs: SignerInfoData['signedAttrs'];
  if (parts[index]?.id === 0xa0) {
    const attrs = parts[index++] as Tlv;
    if (attrs.indefinite) throw new DerError('signedAttrs not DER-encoded');
    signedAttrs = { encoded: raw(buf, attrs), attributes: readAttributes(buf, attrs) };
  }
  const signatureAlgorithm = parts[index++];
  if (signatureAlgorithm?.id !== 0x30) throw new DerError('malformed signatureAlgorithm');
  const signatureTlv = parts[index++];
  if (signatureTlv?.id !== 0x04) throw new DerError('malformed signature');
  let unsignedAttrs: Attribute[] = [];
  if (parts[index]?.id === 0xa1) unsignedAttrs = readAttributes(buf, parts[index++] as Tlv);
  if (index !== parts.length) throw new DerError('malformed SignerInfo');
  return {
    version,
    sid,
    digestAlgorithm,
    signedAttrs,
    signatureAlgorithm,
    signature: value(buf, signatureTlv),
    unsignedAttrs,
  };
}

function readAttributes(buf: Uint8Array, set: Tlv): Attribute[] {
  return children(buf, set, LIMITS.attributes).map((attribute) => {
    if (attribute.id !== 0x30) throw new DerError('malformed Attribute');
    const [type, values, extra] = children(buf, attribute, 3);
    if (!type || !values || values.id !== 0x31 || extra) throw new DerError('malformed Attribute');
    return {
      encoded: raw(buf, attribute),
      oid: readOid(buf, type),
      values: children(buf, values, LIMITS.attributeValues),
    };
  });
}
