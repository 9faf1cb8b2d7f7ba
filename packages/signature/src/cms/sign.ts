/*
 * CMS SignedData signing (RFC 5652, CAdES-BES signed attributes) from a PEM key and certificate or from a
 * PKCS#12 file: detached (the usual form for .p7s files and PDF signatures) or attached. Signed attributes:
 * content-type, signing-time, message-digest and ESS signing-certificate-v2 (RFC 5035), so verifiers can bind
 * the signature to this exact certificate. RSA PKCS#1 v1.5 or PSS (≥ 2048 bits), ECDSA on P-256/P-384/P-521.
 * Throws SignatureError for unusable arguments (a programmer error): a key that does not match the
 * certificate, a weak key, bad PEM; and the PKCS12_* errors of readPkcs12 for an unreadable .p12.
 */
import { constants, createHash, createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';
import { describePublicKey } from '../crypto';
import { SignatureError } from '../errors';
import { resolvePkcs12, type SigningCredential, usesPkcs12 } from '../pkcs12/credential';
import {
  type Digest,
  type DigestName,
  digestAlgorithmDer,
  digestByName,
  keyVerdict,
  type SignatureScheme,
  signatureAlgorithmDer,
} from './algorithms';
import { type CertificateFields, readCertificateFields } from './certificate';
import { bytesEqual, concat, encode, octetString, oid, sequence, setOf, smallIntegerDer, time } from './der';
import { OID } from './oids';

/**
 * The signer — a PEM key and certificate (`{ key, certificate, chain? }`) or a PKCS#12 file
 * (`{ pkcs12, password }`, whose chain goes into the certificates) — and how to sign.
 */
export type SignCmsOptions = SigningCredential & {
  /** Default sha256. */
  readonly digest?: 'sha256' | 'sha384' | 'sha512';
  /** RSASSA-PSS instead of PKCS#1 v1.5 for RSA keys (salt = digest length, MGF1 with the same digest). */
  readonly pss?: boolean;
  /** The signing-time attribute; default now. */
  readonly signingTime?: Date;
};

/** Signs `content` and returns a DER ContentInfo whose SignedData does not carry the content. */
export function signCmsDetached(content: Uint8Array, options: SignCmsOptions): Uint8Array {
  return signCms(content, options, false);
}

/** Signs `content` and returns a DER ContentInfo whose SignedData carries the content (eContent). */
export function signCmsAttached(content: Uint8Array, options: SignCmsOptions): Uint8Array {
  return signCms(content, options, true);
}

function signCms(content: Uint8Array, options: SignCmsOptions, attached: boolean): Uint8Array {
  if (!(content instanceof Uint8Array)) throw new SignatureError('INVALID_ARGUMENT', 'content must be a Uint8Array');
  if (typeof options !== 'object' || options === null)
    throw new SignatureError('INVALID_ARGUMENT', 'options { key, certificate } or { pkcs12, password } are required');
  const digestName: DigestName = options.digest ?? 'sha256';
  if (digestName !== 'sha256' && digestName !== 'sha384' && digestName !== 'sha512')
    throw new SignatureError('INVALID_ARGUMENT', `digest must be sha256, sha384 or sha512 (got ${String(digestName)})`);
  const digest = digestByName(digestName);
  const signingTime = options.signingTime ?? new Date();
  if (!(signingTime instanceof Date) || Number.isNaN(signingTime.getTime()))
    throw new SignatureError('INVALID_ARGUMENT', 'signingTime must be a valid Date');

  let signer: CertificateFields;
  let chain: Uint8Array[];
  let key: KeyObject;
  if (usesPkcs12(options)) {
    const credential = resolvePkcs12(options);
    signer = certificateFields(credential.certificate);
    chain = [...credential.chain];
    key = credential.privateKey;
  } else {
    const certificates = pemCertificates(options.certificate, 'certificate');
    if (certificates.length !== 1)
      throw new SignatureError('INVALID_ARGUMENT', 'certificate must hold exactly one PEM certificate');
    signer = certificateFields(certificates[0] as Uint8Array);
    chain = (options.chain ?? []).flatMap((pem) => pemCertificates(pem, 'chain'));
    key = privateKey(options.key);
  }
  for (const der of chain) certificateFields(der);

  const publicKey = createPublicKey(key);
  const certificateKey = createPublicKey({ key: Buffer.from(signer.spki), format: 'der', type: 'spki' });
  if (!publicKeyEquals(publicKey, certificateKey))
    throw new SignatureError('KEY_UNUSABLE', 'the private key does not match the certificate');
  const verdict = keyVerdict(describePublicKey(signer.spki)); // the certificate's key: equal to the private key's
  if (!verdict.ok)
    throw new SignatureError('KEY_UNUSABLE', `${verdict.label} is below the policy (RSA ≥ 2048, ECDSA P-256+)`);

  const scheme = schemeFor(key, digest, options.pss ?? false);
  const signedAttributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, time(signingTime)),
    attribute(OID.messageDigest, octetString(createHash(digest.name).update(content).digest())),
    attribute(OID.signingCertificateV2, signingCertificateV2(signer, digest)),
  ];
  const signedAttrsSet = setOf(signedAttributes); // DER SET OF: what is signed
  let signature: Uint8Array;
  try {
    signature = sign(digest.name, signedAttrsSet, nodeKeyOptions(key, scheme));
  } catch (error) {
    throw new SignatureError('KEY_UNUSABLE', 'the key could not sign', { cause: error });
  }
  const signedAttrs = concat([Uint8Array.of(0xa0), signedAttrsSet.subarray(1)]); // [0] IMPLICIT

  const signerInfo = sequence(
    smallIntegerDer(1),
    sequence(signer.issuer, encode(0x02, signer.serial)),
    digestAlgorithmDer(digest),
    signedAttrs,
    signatureAlgorithmDer(scheme),
    octetString(signature),
  );
  const encapContentInfo = attached
    ? sequence(oid(OID.data), encode(0xa0, octetString(content)))
    : sequence(oid(OID.data));
  const signedData = sequence(
    smallIntegerDer(1),
    setOf([digestAlgorithmDer(digest)]),
    encapContentInfo,
    setOf([signer.der, ...chain.filter((der) => !bytesEqual(der, signer.der))], 0xa0),
    setOf([signerInfo]),
  );
  return sequence(oid(OID.signedData), encode(0xa0, signedData));
}

function attribute(type: string, ...values: Uint8Array[]): Uint8Array {
  return sequence(oid(type), setOf(values));
}

/** SigningCertificateV2 { certs { ESSCertIDv2 { [hashAlgorithm,] certHash, issuerSerial } } }. */
function signingCertificateV2(signer: CertificateFields, digest: Digest): Uint8Array {
  const certHash = octetString(createHash(digest.name).update(signer.der).digest());
  const issuerSerial = sequence(sequence(encode(0xa4, signer.issuer)), encode(0x02, signer.serial));
  // hashAlgorithm DEFAULT id-sha256: DER omits a default value.
  const essCertId =
    digest.name === 'sha256'
      ? sequence(certHash, issuerSerial)
      : sequence(digestAlgorithmDer(digest), certHash, issuerSerial);
  return sequence(sequence(essCertId));
}

/** What to pass to `crypto.sign` for this scheme (signing stays on node:crypto: Node-only). */
function nodeKeyOptions(
  key: KeyObject,
  scheme: SignatureScheme,
): KeyObject | { key: KeyObject; padding: number; saltLength: number } {
  if (scheme.kind !== 'rsa-pss') return key;
  return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength };
}

function schemeFor(key: KeyObject, digest: Digest, pss: boolean): SignatureScheme {
  const type = key.asymmetricKeyType;
  if (type === 'ec') {
    if (pss) throw new SignatureError('INVALID_ARGUMENT', 'pss applies to RSA keys only');
    return { kind: 'ecdsa', hash: digest };
  }
  if (type === 'rsa-pss' || (type === 'rsa' && pss))
    return { kind: 'rsa-pss', hash: digest, mgfHash: digest, saltLength: digest.length };
  if (type === 'rsa') return { kind: 'rsa-pkcs1', hash: undefined };
  throw new SignatureError('KEY_UNUSABLE', `unsupported key type ${String(type)} (RSA or ECDSA only)`);
}

function privateKey(pem: string): KeyObject {
  if (typeof pem !== 'string') throw new SignatureError('INVALID_ARGUMENT', 'key must be a PEM string');
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new SignatureError('KEY_UNUSABLE', 'key is not a readable unencrypted PEM private key', { cause: error });
  }
}

function publicKeyEquals(a: KeyObject, b: KeyObject): boolean {
  try {
    if (a.equals(b)) return true;
  } catch {
    // fall through to comparing the exported SubjectPublicKeyInfo
  }
  const der = (key: KeyObject) => new Uint8Array(key.export({ type: 'spki', format: 'der' }));
  return bytesEqual(der(a), der(b));
}

function pemCertificates(pem: string, what: string): Uint8Array[] {
  if (typeof pem !== 'string') throw new SignatureError('INVALID_ARGUMENT', `${what} must be a PEM string`);
  const out: Uint8Array[] = [];
  for (const match of pem.matchAll(/-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]*)-----END CERTIFICATE-----/g))
    out.push(new Uint8Array(Buffer.from((match[1] as string).replace(/\s+/g, ''), 'base64')));
  if (out.length === 0) throw new SignatureError('INVALID_ARGUMENT', `${what} holds no PEM certificate`);
  return out;
}

function certificateFields(der: Uint8Array): CertificateFields {
  try {
    return readCertificateFields(der);
  } catch (error) {
    throw new SignatureError('INVALID_ARGUMENT', 'not a readable X.509 certificate', { cause: error });
  }
}
