/*
 * TSTInfo (RFC 3161 §2.4.2), the content a time-stamping authority signs: which data it saw (messageImprint),
 * when (genTime), under which policy, with which serial number. Read with the CMS layer's bounds-checked DER
 * walker; throws DerError on anything malformed (callers turn it into FORMAT_FAILURE).
 */
import { toHex } from '../bytes';
import { readDigestAlgorithm } from '../cms/algorithms';
import { children, DerError, readOid, readTime, readTlv, smallInteger, type Tlv, value } from '../cms/der';
import { readName } from '../pkix';

/** id-ct-TSTInfo: the eContentType of a TimeStampToken. */
export const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
/** id-aa-signatureTimeStampToken: the unsigned attribute carrying a timestamp over a SignerInfo's signature. */
export const SIGNATURE_TIMESTAMP_OID = '1.2.840.113549.1.9.16.2.14';

/** Most TSTInfo extensions read; real tokens carry none or one. */
const MAX_EXTENSIONS = 16;
/** Longest serial number or nonce accepted, in octets (RFC 3161 asks for up to 160 bits; some TSAs use more). */
const MAX_INTEGER_OCTETS = 64;

export interface TstInfo {
  readonly version: number;
  /** TSA policy OID under which the token was issued. */
  readonly policy: string;
  readonly messageImprint: {
    /** Digest OID as written. */
    readonly hashAlgorithm: string;
    /** The digest, when the OID is one we know (SHA-1/2 family). */
    readonly digest: ReturnType<typeof readDigestAlgorithm>['digest'];
    readonly hashedMessage: Uint8Array;
  };
  /** Upper-case hex of the serial number's value octets. */
  readonly serialNumber: string;
  /** The time the TSA asserts the imprinted data existed. */
  readonly genTime: Date;
  /** RFC 3161 accuracy in milliseconds (seconds, millis and micros added up); undefined when absent. */
  readonly accuracyMs: number | undefined;
  readonly ordering: boolean;
  /** Upper-case hex, when present. */
  readonly nonce: string | undefined;
  /** The TSA name field, when it is a directoryName (compared with the TSA certificate's subject). */
  readonly tsaName: { readonly der: Uint8Array; readonly text: string } | undefined;
  /** True when the tsa field uses another GeneralName form (not compared). */
  readonly tsaNameOtherForm: boolean;
  /** OIDs of the extensions marked critical (none is understood, so any makes the token unusable). */
  readonly criticalExtensions: readonly string[];
}

/** Parses a DER TSTInfo (the eContent of a TimeStampToken). Throws DerError. */
export function parseTstInfo(der: Uint8Array): TstInfo {
  const root = readTlv(der, 0, der.length);
  if (root.id !== 0x30 || root.end !== der.length || root.indefinite) throw new DerError('malformed TSTInfo');
  const parts = children(der, root, 10);
  let index = 0;
  const next = (): Tlv | undefined => parts[index];

  const versionTlv = parts[index++];
  if (!versionTlv) throw new DerError('malformed TSTInfo');
  const version = smallInteger(der, versionTlv);
  if (version !== 1) throw new DerError(`TSTInfo version ${version}`);

  const policyTlv = parts[index++];
  if (!policyTlv) throw new DerError('TSTInfo without policy');
  const policy = readOid(der, policyTlv);

  const imprintTlv = parts[index++];
  if (imprintTlv?.id !== 0x30) throw new DerError('malformed messageImprint');
  const [algorithmTlv, hashedTlv, extra] = children(der, imprintTlv, 3);
  if (!algorithmTlv || hashedTlv?.id !== 0x04 || extra) throw new DerError('malformed messageImprint');
  const algorithm = readDigestAlgorithm(der, algorithmTlv);

  const serialTlv = parts[index++];
  const serialNumber = integerHex(der, serialTlv, 'serialNumber');

  const genTimeTlv = parts[index++];
  if (genTimeTlv?.id !== 0x18) throw new DerError('genTime must be a GeneralizedTime');
  const genTime = readTime(der, genTimeTlv);

  let accuracyMs: number | undefined;
  if (next()?.id === 0x30) accuracyMs = readAccuracy(der, parts[index++] as Tlv);

  let ordering = false;
  if (next()?.id === 0x01) {
    const bool = parts[index++] as Tlv;
    const octets = value(der, bool);
    if (octets.length !== 1) throw new DerError('malformed ordering');
    ordering = octets[0] !== 0;
  }

  let nonce: string | undefined;
  if (next()?.id === 0x02) nonce = integerHex(der, parts[index++], 'nonce');

  let tsaName: TstInfo['tsaName'];
  let tsaNameOtherForm = false;
  if (next()?.id === 0xa0) {
    const wrapper = parts[index++] as Tlv;
    const [generalName, more] = children(der, wrapper, 2);
    if (!generalName || more) throw new DerError('malformed tsa');
    if (generalName.id === 0xa4) {
      const [nameTlv, rest] = children(der, generalName, 2);
      if (nameTlv?.id !== 0x30 || rest) throw new DerError('malformed tsa');
      const nameDer = der.subarray(nameTlv.start, nameTlv.end);
      const read = readName(nameDer);
      if (!read.ok) throw new DerError('malformed tsa name');
      tsaName = { der: nameDer, text: read.name.name.text };
    } else tsaNameOtherForm = true;
  }

  const criticalExtensions: string[] = [];
  if (next()?.id === 0xa1) {
    for (const extension of children(der, parts[index++] as Tlv, MAX_EXTENSIONS)) {
      if (extension.id !== 0x30) throw new DerError('malformed extension');
      const fields = children(der, extension, 3);
      const oidTlv = fields[0];
      if (!oidTlv) throw new DerError('malformed extension');
      const oid = readOid(der, oidTlv);
      const flag = fields.length === 3 ? fields[1] : undefined;
      if (flag && (flag.id !== 0x01 || flag.valueEnd - flag.valueStart !== 1))
        throw new DerError('malformed extension');
      if (flag && der[flag.valueStart] !== 0) criticalExtensions.push(oid);
    }
  }
  if (index !== parts.length) throw new DerError('unexpected field in TSTInfo');

  return {
    version,
    policy,
    messageImprint: {
      hashAlgorithm: algorithm.oid,
      digest: algorithm.digest,
      hashedMessage: value(der, hashedTlv),
    },
    serialNumber,
    genTime,
    accuracyMs,
    ordering,
    nonce,
    tsaName,
    tsaNameOtherForm,
    criticalExtensions,
  };
}

function integerHex(der: Uint8Array, tlv: Tlv | undefined, what: string): string {
  if (tlv?.id !== 0x02) throw new DerError(`malformed ${what}`);
  const octets = value(der, tlv);
  if (octets.length === 0 || octets.length > MAX_INTEGER_OCTETS) throw new DerError(`malformed ${what}`);
  return toHex(octets);
}

/** Accuracy ::= SEQUENCE { seconds INTEGER OPTIONAL, millis [0] INTEGER (1..999) OPTIONAL, micros [1] … }. */
function readAccuracy(der: Uint8Array, tlv: Tlv): number {
  let ms = 0;
  for (const part of children(der, tlv, 3)) {
    const octets = value(der, part);
    if (octets.length === 0 || octets.length > 4 || ((octets[0] as number) & 0x80) !== 0)
      throw new DerError('malformed accuracy');
    let n = 0;
    for (const octet of octets) n = n * 256 + octet;
    if (part.id === 0x02) ms += n * 1000;
    else if (part.id === 0x80 && n >= 1 && n <= 999) ms += n;
    else if (part.id === 0x81 && n >= 1 && n <= 999) ms += n / 1000;
    else throw new DerError('malformed accuracy');
  }
  return ms;
}
