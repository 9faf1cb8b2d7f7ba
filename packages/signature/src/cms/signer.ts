/*
 * The checks of one SignerInfo that do not involve the certification path: algorithms, signer certificate
 * selection by SID, key policy, signed attributes (content-type, message-digest, signing-time, ESS
 * signing-certificate v1/v2) and the signature value itself.
 */
import type { LocalizedText } from '@lienthong/report';
import { cryptoBackend, describePublicKey, type PublicKeyDescription, type SignatureCheck } from '../crypto';
import { SignatureError } from '../errors';
import type { Check, SubIndication } from '../model/result';
import {
  type Digest,
  type DigestName,
  digestVerdict,
  keyFitsScheme,
  keyVerdict,
  readDigestAlgorithm,
  readSignatureAlgorithm,
  type SignatureScheme,
  schemeLabel,
} from './algorithms';
import type { CertificateFields } from './certificate';
import { bytesEqual, children, DerError, raw, readOid, readTime, setOf, type Tlv, value } from './der';
import { MSG } from './messages';
import { OID } from './oids';
import type { Attribute, SignedDataStructure, SignerInfoData } from './parse';

export interface Failure {
  readonly subIndication: SubIndication;
  readonly message: LocalizedText;
}

export interface SignerOutcome {
  readonly checks: Check[];
  readonly failures: Failure[];
  readonly certificate: CertificateFields | undefined;
  readonly certificateSource: 'embedded' | 'supplied' | undefined;
  readonly digest: string | null;
  readonly signature: string | null;
  readonly legacy: boolean;
  readonly claimedSigningTime: Date | undefined;
  readonly timestamped: boolean;
}

export interface SignerContext {
  readonly structure: SignedDataStructure;
  /** The signed content; undefined when the caller gave only its digest (`contentDigest`). */
  readonly content: Uint8Array | undefined;
  /** The caller's digest of the detached content under a named algorithm, used instead of hashing `content`. */
  readonly contentDigest?: (algorithm: DigestName) => Uint8Array | Promise<Uint8Array>;
  readonly embedded: readonly CertificateFields[];
  readonly supplied: readonly CertificateFields[];
  /** The trust anchors: a signer certificate the CMS omits may be one of them. */
  readonly anchors?: readonly CertificateFields[];
  readonly allowSha1: boolean;
  readonly allowNoSignedAttributes: boolean;
  /** Content digests already computed for an earlier signer. */
  readonly digests: Map<DigestName, Uint8Array>;
  /**
   * The public key of a certificate when already known — a parsed certificate's, whose SubjectPublicKeyInfo array
   * the crypto backend caches its imported key on — else read here from the certificate's own SPKI.
   */
  readonly publicKey?: (certificate: CertificateFields) => SignerKey | undefined;
}

/** A signer's public key: its DER SubjectPublicKeyInfo and what kind of key it is. */
export interface SignerKey {
  readonly spki: Uint8Array;
  readonly description: PublicKeyDescription;
}

class Recorder {
  readonly checks: Check[] = [];
  readonly failures: Failure[] = [];
  pass(id: string, message: LocalizedText): void {
    this.checks.push({ id, passed: true, message });
  }
  fail(id: string, subIndication: SubIndication, message: LocalizedText): void {
    this.checks.push({ id, passed: false, message });
    this.failures.push({ subIndication, message });
  }
}

const ATTRIBUTE_NAMES: Record<string, string> = {
  [OID.contentType]: 'content-type',
  [OID.messageDigest]: 'message-digest',
  [OID.signingTime]: 'signing-time',
  [OID.signingCertificate]: 'signing-certificate',
  [OID.signingCertificateV2]: 'signing-certificate-v2',
};

export async function checkSigner(info: SignerInfoData, context: SignerContext): Promise<SignerOutcome> {
  const record = new Recorder();
  const { buf } = context.structure;
  let legacy = false;
  let claimedSigningTime: Date | undefined;

  // 1. Digest algorithm.
  let digest: Digest | undefined;
  let digestLabel: string | null = null;
  try {
    const read = readDigestAlgorithm(buf, info.digestAlgorithm);
    digest = read.digest;
    if (!digest) record.fail('cms.digest-algorithm', 'CRYPTO_CONSTRAINTS_FAILURE', MSG.digestUnknown(read.oid));
    else {
      digestLabel = digest.label;
      const verdict = digestVerdict(digest, context.allowSha1);
      if (verdict === 'rejected')
        record.fail('cms.digest-algorithm', 'CRYPTO_CONSTRAINTS_FAILURE', MSG.digestRejected(digest.label));
      else if (verdict === 'legacy') {
        legacy = true;
        record.pass('cms.digest-algorithm', MSG.digestLegacy(digest.label));
      } else record.pass('cms.digest-algorithm', MSG.digestAllowed(digest.label));
    }
  } catch (error) {
    record.fail('cms.digest-algorithm', 'FORMAT_FAILURE', MSG.malformed(detail(error)));
  }

  // 2. Signature algorithm (its digest, if it fixes one, must be the declared digest).
  let scheme: SignatureScheme | undefined;
  try {
    const read = readSignatureAlgorithm(buf, info.signatureAlgorithm);
    if (!read.ok)
      record.fail('cms.signature-algorithm', 'CRYPTO_CONSTRAINTS_FAILURE', MSG.signatureAlgorithmUnknown(read.oid));
    else {
      scheme = read.scheme;
      const fixed = scheme.hash;
      if (fixed && digest && fixed.oid !== digest.oid) {
        record.fail('cms.signature-algorithm', 'FORMAT_FAILURE', MSG.algorithmsInconsistent(fixed.label, digest.label));
        scheme = undefined;
      } else if (scheme.kind === 'rsa-pss' && scheme.mgfHash.oid !== scheme.hash.oid) {
        record.fail(
          'cms.signature-algorithm',
          'CRYPTO_CONSTRAINTS_FAILURE',
          MSG.pssMgfUnsupported(scheme.mgfHash.label, scheme.hash.label),
        );
        scheme = undefined;
      } else if (fixed && !digest) scheme = undefined; // unknown declared digest: already reported
    }
  } catch (error) {
    record.fail('cms.signature-algorithm', 'FORMAT_FAILURE', MSG.malformed(detail(error)));
  }

  // 3. Signer certificate by SID (a candidate only: the path is validated later).
  const found = findSignerCertificate(info, context);
  let key: SignerKey | undefined;
  let keyLabel: string | undefined;
  if (!found) record.fail('cms.signer-certificate', 'NO_SIGNING_CERTIFICATE_FOUND', MSG.signerCertificateMissing);
  else {
    record.pass('cms.signer-certificate', MSG.signerCertificateFound(found.source));
    key = context.publicKey?.(found.certificate) ?? {
      spki: found.certificate.spki,
      description: describePublicKey(found.certificate.spki),
    };
    if (key.description.type === 'unknown') {
      record.fail('cms.key', 'CRYPTO_CONSTRAINTS_FAILURE', MSG.keyUnsupported('SubjectPublicKeyInfo'));
      key = undefined;
    } else {
      const verdict = keyVerdict(key.description);
      keyLabel = verdict.label;
      if (!verdict.ok) {
        record.fail('cms.key', 'CRYPTO_CONSTRAINTS_FAILURE', MSG.keyTooWeak(verdict.label));
      } else record.pass('cms.key', MSG.keyOk(verdict.label));
      if (scheme && !keyFitsScheme(key.description, scheme)) {
        record.fail('cms.signature', 'SIG_CRYPTO_FAILURE', MSG.keySchemeMismatch(verdict.label, schemeLabel(scheme)));
        scheme = undefined;
      }
    }
  }
  const signatureLabel = scheme ? `${schemeLabel(scheme)}${keyLabel ? ` (${keyLabel})` : ''}` : null;

  // 4. Signed attributes, or none.
  const contentDigest = digest ? await digestOf(digest, context) : undefined;
  let signedBytes: Uint8Array | undefined;
  let alternative: (() => Uint8Array | undefined) | undefined;
  if (info.signedAttrs) {
    const attributes = info.signedAttrs.attributes;
    const single = (oid: string, required: boolean): Tlv | undefined => {
      const name = ATTRIBUTE_NAMES[oid] as string;
      const matches = attributes.filter((attribute) => attribute.oid === oid);
      if (matches.length === 0) {
        if (required) record.fail(`cms.${name}`, 'FORMAT_FAILURE', MSG.attributeMissing(name));
        return undefined;
      }
      if (matches.length > 1 || matches[0]?.values.length !== 1) {
        record.fail(`cms.${name}`, 'FORMAT_FAILURE', MSG.attributeRepeated(name));
        return undefined;
      }
      return matches[0].values[0];
    };

    const contentType = single(OID.contentType, true);
    if (contentType) {
      let signedType: string | undefined;
      try {
        signedType = readOid(buf, contentType);
      } catch {
        record.fail('cms.content-type', 'FORMAT_FAILURE', MSG.attributeMalformed('content-type'));
      }
      if (signedType !== undefined) {
        if (signedType === context.structure.eContentType) record.pass('cms.content-type', MSG.contentTypeOk);
        else
          record.fail(
            'cms.content-type',
            'HASH_FAILURE',
            MSG.contentTypeMismatch(signedType, context.structure.eContentType),
          );
      }
    }

    const messageDigest = single(OID.messageDigest, true);
    if (messageDigest) {
      if (messageDigest.id !== 0x04)
        record.fail('cms.message-digest', 'FORMAT_FAILURE', MSG.attributeMalformed('message-digest'));
      else if (contentDigest) {
        if (bytesEqual(value(buf, messageDigest), contentDigest)) record.pass('cms.message-digest', MSG.digestOk);
        else record.fail('cms.message-digest', 'HASH_FAILURE', MSG.digestMismatch);
      }
    }

    const signingTime = single(OID.signingTime, false);
    if (signingTime) {
      try {
        claimedSigningTime = readTime(buf, signingTime);
        record.pass('cms.signing-time', MSG.signingTimeClaimed(claimedSigningTime.toISOString()));
      } catch {
        record.fail('cms.signing-time', 'FORMAT_FAILURE', MSG.attributeMalformed('signing-time'));
      }
    }

    for (const oid of [OID.signingCertificateV2, OID.signingCertificate]) {
      const attribute = single(oid, false);
      if (attribute && found) checkSigningCertificate(buf, attribute, oid, found.certificate, context, record);
    }

    // RFC 5652 §5.4: the signature covers the DER of the SET OF attributes — tag 0x31, not [0].
    const encoded = info.signedAttrs.encoded;
    signedBytes = new Uint8Array(encoded);
    signedBytes[0] = 0x31;
    const retagged = signedBytes;
    alternative = () => sortedAttributes(attributes, retagged);
  } else {
    if (context.structure.eContentType !== OID.data)
      record.fail('cms.signed-attributes', 'FORMAT_FAILURE', MSG.noSignedAttributesNonData);
    else if (context.allowNoSignedAttributes) record.pass('cms.signed-attributes', MSG.noSignedAttributesAllowed);
    else record.fail('cms.signed-attributes', 'SIG_CONSTRAINTS_FAILURE', MSG.noSignedAttributes);
    signedBytes = context.content;
    if (!signedBytes) record.fail('cms.signature', 'SIGNED_DATA_NOT_FOUND', MSG.signedContentOnlyDigest);
  }

  // 5. The signature value.
  if (key && scheme && digest && signedBytes) {
    // The scheme's own digest, when it has one, equals the declared digest (checked above): one verdict covers both.
    let check = await verifySignature(digest, scheme, key, signedBytes, info.signature);
    if (check === 'invalid' && alternative) {
      const sorted = alternative();
      if (sorted) check = await verifySignature(digest, scheme, key, sorted, info.signature);
    }
    if (check === 'valid') record.pass('cms.signature', MSG.signatureOk(schemeLabel(scheme)));
    else if (check === 'unsupported')
      record.fail('cms.signature', 'CRYPTO_CONSTRAINTS_FAILURE', MSG.signatureUnsupported(signatureLabel ?? ''));
    else record.fail('cms.signature', 'SIG_CRYPTO_FAILURE', MSG.signatureInvalid);
  } else if (!record.checks.some((check) => check.id === 'cms.signature')) {
    record.checks.push({ id: 'cms.signature', passed: false, message: MSG.signatureNotChecked });
  }

  // Evaluated by the caller (../timestamp): the token's imprint covers this signature value.
  const timestamped = info.unsignedAttrs.some((attribute) => attribute.oid === OID.signatureTimeStampToken);

  return {
    checks: record.checks,
    failures: record.failures,
    certificate: found?.certificate,
    certificateSource: found?.source,
    digest: digestLabel,
    signature: signatureLabel,
    legacy,
    claimedSigningTime,
    timestamped,
  };
}

function detail(error: unknown): string {
  return error instanceof DerError ? error.message : 'unreadable';
}

async function digestOf(digest: Digest, context: SignerContext): Promise<Uint8Array> {
  let result = context.digests.get(digest.name);
  if (!result) {
    if (context.contentDigest) {
      result = await context.contentDigest(digest.name);
      if (!(result instanceof Uint8Array))
        throw new SignatureError('INVALID_ARGUMENT', 'verifyCms: options.contentDigest must return a Uint8Array');
    } else result = await cryptoBackend.digest(digest.name, context.content as Uint8Array);
    context.digests.set(digest.name, result);
  }
  return result;
}

function verifySignature(
  digest: Digest,
  scheme: SignatureScheme,
  key: SignerKey,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<SignatureCheck> {
  return cryptoBackend.verifySignature({
    scheme: scheme.kind,
    hash: (scheme.hash ?? digest).name,
    spki: key.spki,
    data,
    signature,
    ...(scheme.kind === 'rsa-pss' ? { saltLength: scheme.saltLength } : {}),
  });
}

/** The DER SET OF the attributes sorted, when the encoding was not in DER order (some signers sort first). */
function sortedAttributes(attributes: readonly Attribute[], retagged: Uint8Array): Uint8Array | undefined {
  const sorted = setOf(attributes.map((attribute) => attribute.encoded));
  return bytesEqual(sorted, retagged) ? undefined : sorted;
}

/** First ESSCertID(v2) of a signing-certificate(-v2) attribute: certHash (and issuerSerial) vs the signer. */
function checkSigningCertificate(
  buf: Uint8Array,
  attribute: Tlv,
  oid: string,
  certificate: CertificateFields,
  context: SignerContext,
  record: Recorder,
): void {
  const name = ATTRIBUTE_NAMES[oid] as string;
  const id = `cms.${name}`;
  try {
    if (attribute.id !== 0x30) throw new DerError(name);
    const [certs] = children(buf, attribute, 2);
    if (certs?.id !== 0x30) throw new DerError(name);
    const [first] = children(buf, certs, 64);
    if (first?.id !== 0x30) throw new DerError(name);
    const fields = children(buf, first, 3);
    let index = 0;
    let hash = 'sha256' as DigestName;
    if (oid === OID.signingCertificateV2) {
      if (fields[0]?.id === 0x30) {
        const { oid: algorithm, digest } = readDigestAlgorithm(buf, fields[index++] as Tlv);
        if (!digest) {
          record.fail(id, 'CRYPTO_CONSTRAINTS_FAILURE', MSG.digestUnknown(algorithm));
          return;
        }
        if (digestVerdict(digest, context.allowSha1) === 'rejected') {
          record.fail(id, 'CRYPTO_CONSTRAINTS_FAILURE', MSG.signingCertificateDigestRejected(name, digest.label));
          return;
        }
        hash = digest.name;
      }
    } else {
      hash = 'sha1'; // ESSCertID: SHA-1 by definition (identification of the certificate, not a signature)
    }
    const certHash = fields[index++];
    if (certHash?.id !== 0x04) throw new DerError(name);
    const issuerSerial = fields[index++];
    let matches = bytesEqual(value(buf, certHash), cryptoBackend.digestSync(hash, certificate.der));
    if (matches && issuerSerial) {
      if (issuerSerial.id !== 0x30) throw new DerError(name);
      const [generalNames, serial] = children(buf, issuerSerial, 2);
      if (generalNames?.id !== 0x30 || !serial || serial.id !== 0x02) throw new DerError(name);
      const serialMatches = bytesEqual(value(buf, serial), certificate.serial);
      const issuerMatches = children(buf, generalNames, 16).some((generalName) => {
        if (generalName.id !== 0xa4) return false;
        const [directoryName] = children(buf, generalName, 1);
        return directoryName !== undefined && bytesEqual(raw(buf, directoryName), certificate.issuer);
      });
      matches = serialMatches && issuerMatches;
    }
    if (matches) record.pass(id, MSG.signingCertificateOk(name));
    else record.fail(id, 'SIG_CONSTRAINTS_FAILURE', MSG.signingCertificateMismatch(name));
  } catch {
    record.fail(id, 'FORMAT_FAILURE', MSG.attributeMalformed(name));
  }
}

function findSignerCertificate(
  info: SignerInfoData,
  context: SignerContext,
): { certificate: CertificateFields; source: 'embedded' | 'supplied' } | undefined {
  const sid = info.sid;
  const matches = (certificate: CertificateFields): boolean =>
    sid.kind === 'issuerAndSerialNumber'
      ? bytesEqual(certificate.serial, sid.serial) && bytesEqual(certificate.issuer, sid.issuer)
      : certificate.subjectKeyIdentifier !== undefined &&
        bytesEqual(certificate.subjectKeyIdentifier, sid.keyIdentifier);
  const embedded = context.embedded.find(matches);
  if (embedded) return { certificate: embedded, source: 'embedded' };
  const supplied = context.supplied.find(matches) ?? context.anchors?.find(matches);
  if (supplied) return { certificate: supplied, source: 'supplied' };
  return undefined;
}
