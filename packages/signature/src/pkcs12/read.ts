/*
 * Reading a signing credential from a PKCS#12 file (.p12/.pfx, RFC 7292) with node:crypto only: the MAC is
 * checked before anything is decrypted, contents and keys are decrypted (PBES2 or the legacy PKCS#12 PBE
 * schemes), and the certificate returned is the one holding the private key's public key — not merely the
 * first certificate bag — with its issuers from the file ordered after it. The input is BER as real files are
 * (Windows and Java write indefinite lengths and segmented OCTET STRINGs); its size is capped before parsing.
 * See docs/decisions/0004-signature-pkcs12-with-node-crypto.md for why this is not node-forge.
 */
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  timingSafeEqual,
  X509Certificate,
} from 'node:crypto';
import { children, DerError, octetStringContent, readOid, readTlv, smallInteger, type Tlv } from '../cms/der';
import { positiveIntegerOption, SignatureError } from '../errors';
import { type ParsedCertificate, parseCertificateDer } from '../pkix/certificate';
import { DerivationBudget, decrypt, type PasswordForms, passwordForms } from './decrypt';
import { KDF_PURPOSE, kdfDigestSize, pkcs12Kdf } from './kdf';
import { PKCS12_TEXT, pkcs12Error } from './messages';
import { DIGEST_BY_OID, PKCS12_OID } from './oids';

/** Real .p12 files are a few kilobytes (a long chain stays under 50 KB); larger input is refused unread. */
export const DEFAULT_MAX_PKCS12_BYTES = 1024 * 1024;
/** OpenSSL writes 2048 iterations, Windows 2000, Java 10,000; hardened exports use up to a few 100,000. */
export const DEFAULT_MAX_PKCS12_ITERATIONS = 1_000_000;
const MAX_BAGS = 1024;
const MAX_NESTED_SAFE_CONTENTS = 4;

export interface ReadPkcs12Options {
  /** Refuse larger input before parsing it. Default DEFAULT_MAX_PKCS12_BYTES (1 MiB). */
  readonly maxBytes?: number;
  /**
   * Refuse key derivations asking for more iterations (each costs a hash), and files asking for more than 16
   * times as many in all. Default 1,000,000.
   */
  readonly maxIterations?: number;
  /** Use the private key whose friendlyName attribute is this (needed only when the file holds several). */
  readonly friendlyName?: string;
}

/** How the file was protected, as read (for display and audits; nothing here is a verdict). */
export interface Pkcs12Protection {
  /** e.g. "HMAC-SHA256 (PKCS#12 KDF, 2048 iterations)"; undefined when the file has no MAC. */
  readonly mac: string | undefined;
  /** e.g. "PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC, 2048 iterations)", or "none" for a plain keyBag. */
  readonly key: string;
  /** How each encrypted content holding certificates was protected (empty when they were not encrypted). */
  readonly certificates: readonly string[];
}

export interface Pkcs12Contents {
  /** The private key (RSA, RSA-PSS, EC, Ed25519 … whatever node:crypto reads from PKCS#8). */
  readonly privateKey: KeyObject;
  /** The certificate holding the private key's public key. */
  readonly certificate: ParsedCertificate;
  /** The certificate's issuers found in the file, issuer first, up to a self-signed root if the file has it. */
  readonly chain: readonly ParsedCertificate[];
  /** Other certificates in the file, not on the certificate's path (in file order). */
  readonly otherCertificates: readonly ParsedCertificate[];
  /** The key's friendlyName attribute, if any. */
  readonly friendlyName: string | undefined;
  readonly protection: Pkcs12Protection;
}

interface BagAttributes {
  friendlyName?: string;
  localKeyId?: Uint8Array;
}

interface KeyBag extends BagAttributes {
  /** PKCS#8 PrivateKeyInfo DER. */
  der: Uint8Array;
  protection: string;
  /** Decrypted under an unverified password (no MAC): unreadable content then means a wrong password. */
  unverified: boolean;
}

interface CertificateBag extends BagAttributes {
  der: Uint8Array;
}

interface Bags {
  keys: KeyBag[];
  certificates: CertificateBag[];
  certificateProtection: string[];
}

/** Thrown inside the reader when content does not decrypt under the password being tried. */
class WrongPassword extends Error {}

/**
 * Reads the private key, its certificate and the certificate's chain from a PKCS#12 file. Throws
 * SignatureError: PKCS12_TOO_LARGE, PKCS12_MALFORMED (not a PKCS#12 file, truncated, garbage),
 * PKCS12_BAD_PASSWORD, PKCS12_UNSUPPORTED (public-key modes, RC4, PBMAC1, unknown algorithms, too many
 * iterations), PKCS12_NO_KEY, PKCS12_NO_MATCHING_CERTIFICATE, PKCS12_AMBIGUOUS_KEY; INVALID_ARGUMENT for
 * arguments of the wrong type. Each carries `text` in Vietnamese and English.
 */
export function readPkcs12(data: Uint8Array, password: string, options: ReadPkcs12Options = {}): Pkcs12Contents {
  if (!(data instanceof Uint8Array)) throw new SignatureError('INVALID_ARGUMENT', 'pkcs12 must be a Uint8Array');
  if (typeof password !== 'string') throw new SignatureError('INVALID_ARGUMENT', 'password must be a string');
  if (typeof options !== 'object' || options === null)
    throw new SignatureError('INVALID_ARGUMENT', 'options must be an object');
  const maxBytes = positiveIntegerOption(options.maxBytes, 'maxBytes', DEFAULT_MAX_PKCS12_BYTES);
  const maxIterations = positiveIntegerOption(options.maxIterations, 'maxIterations', DEFAULT_MAX_PKCS12_ITERATIONS);
  const budget = new DerivationBudget(maxIterations);
  if (options.friendlyName !== undefined && typeof options.friendlyName !== 'string')
    throw new SignatureError('INVALID_ARGUMENT', 'options.friendlyName must be a string');
  if (data.length > maxBytes) throw pkcs12Error('PKCS12_TOO_LARGE', PKCS12_TEXT.tooLarge(data.length, maxBytes));
  try {
    const pfx = readPfx(data);
    let candidates = passwordCandidates(password);
    let mac: string | undefined;
    if (pfx.macData) {
      const verified = verifyMac(data, pfx.macData, pfx.authSafe, candidates, budget);
      candidates = [verified.password];
      mac = verified.label;
    }
    for (const candidate of candidates) {
      try {
        // Without a MAC, content or a key that is garbage under this form of the password (padding can pass by
        // chance) means: try the next form.
        const bags = readAuthenticatedSafe(pfx.authSafe, candidate, budget, mac === undefined);
        return selectCredential(bags, mac, options.friendlyName);
      } catch (error) {
        if (error instanceof WrongPassword) continue;
        throw error;
      }
    }
    throw pkcs12Error('PKCS12_BAD_PASSWORD', PKCS12_TEXT.badPassword());
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    const detail = error instanceof DerError || error instanceof RangeError ? error.message : 'unreadable structure';
    throw pkcs12Error('PKCS12_MALFORMED', PKCS12_TEXT.malformed(detail), error);
  }
}

/**
 * The byte forms worth trying for `password`: as given, NFC and NFD (Vietnamese is typed both ways), an
 * absent password for an empty one (Windows writes the MAC that way), and each UTF-8 byte as one BMP code unit
 * (how OpenSSL before 1.1.0 encoded non-ASCII passwords). Only the MAC, or a decryption when there is no MAC,
 * decides between them.
 */
function passwordCandidates(password: string): PasswordForms[] {
  const texts = [...new Set([password, password.normalize('NFC'), password.normalize('NFD')])];
  const candidates = texts.map(passwordForms);
  if (password === '') candidates.push({ bmp: new Uint8Array(0), utf8: new Uint8Array(0) });
  for (const text of texts) {
    const utf8 = new TextEncoder().encode(text);
    if (utf8.length === text.length) continue; // ASCII: the same bytes either way
    const bmp = new Uint8Array(utf8.length * 2 + 2);
    utf8.forEach((byte, i) => {
      bmp[2 * i + 1] = byte;
    });
    candidates.push({ bmp, utf8 });
  }
  return candidates;
}

interface Pfx {
  /** The AuthenticatedSafe DER (the content of the authSafe's data OCTET STRING). */
  authSafe: Uint8Array;
  macData: Tlv | undefined;
}

function readPfx(data: Uint8Array): Pfx {
  if (data.length === 0) throw new DerError('empty input');
  const top = readTlv(data, 0, data.length);
  if (top.id !== 0x30) throw new DerError('not an ASN.1 SEQUENCE');
  if (top.end !== data.length) throw new DerError('data after the PFX');
  const [versionTlv, authSafeTlv, macData, extra] = children(data, top, 4);
  if (!versionTlv || !authSafeTlv || extra) throw new DerError('not a PFX structure');
  const version = smallInteger(data, versionTlv);
  if (version !== 3) throw new DerError(`PFX version ${version}, expected 3`);
  const { type, content } = contentInfo(data, authSafeTlv);
  if (type === PKCS12_OID.signedData)
    throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.unsupported('public-key integrity mode (signedData)'));
  if (type !== PKCS12_OID.data || !content) throw new DerError(`authSafe of type ${type}`);
  if (macData && macData.id !== 0x30) throw new DerError('MacData is not a SEQUENCE');
  return { authSafe: octetStringContent(data, content), macData };
}

/** ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY OPTIONAL }. */
function contentInfo(buf: Uint8Array, tlv: Tlv): { type: string; content: Tlv | undefined } {
  if (tlv.id !== 0x30) throw new DerError('ContentInfo is not a SEQUENCE');
  const [typeTlv, wrapper] = children(buf, tlv, 2);
  if (!typeTlv) throw new DerError('empty ContentInfo');
  const type = readOid(buf, typeTlv);
  if (!wrapper) return { type, content: undefined };
  if (wrapper.id !== 0xa0) throw new DerError('ContentInfo content is not [0]');
  const [content] = children(buf, wrapper, 1);
  return { type, content };
}

function verifyMac(
  data: Uint8Array,
  macData: Tlv,
  authSafe: Uint8Array,
  candidates: readonly PasswordForms[],
  budget: DerivationBudget,
): { password: PasswordForms; label: string } {
  // MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }
  const [digestInfo, saltTlv, iterationsTlv] = children(data, macData, 3);
  if (!digestInfo || !saltTlv || digestInfo.id !== 0x30) throw new DerError('MacData incomplete');
  const [algorithm, digestTlv] = children(data, digestInfo, 2);
  if (!algorithm || !digestTlv || algorithm.id !== 0x30) throw new DerError('MAC DigestInfo incomplete');
  const [oidTlv] = children(data, algorithm, 2);
  if (!oidTlv) throw new DerError('empty MAC algorithm');
  const oid = readOid(data, oidTlv);
  if (oid === PKCS12_OID.pbmac1)
    throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.unsupported('PBMAC1 integrity (RFC 9579)'));
  const digest = DIGEST_BY_OID[oid];
  if (!digest) throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.unsupported(`the MAC digest ${oid}`));
  const expected = octetStringContent(data, digestTlv);
  const salt = octetStringContent(data, saltTlv);
  const iterations = iterationsTlv ? smallInteger(data, iterationsTlv) : 1;
  const size = kdfDigestSize(digest);
  if (expected.length !== size) throw new DerError('MAC of the wrong length');
  for (const password of candidates) {
    budget.spend(iterations);
    const key = pkcs12Kdf(digest, password.bmp, salt, iterations, KDF_PURPOSE.mac, size);
    const actual = createHmac(digest, key).update(authSafe).digest();
    if (timingSafeEqual(actual, expected))
      return { password, label: `HMAC-${digest.toUpperCase()} (PKCS#12 KDF, ${iterations} iterations)` };
  }
  throw pkcs12Error('PKCS12_BAD_PASSWORD', PKCS12_TEXT.badPassword());
}

/** AuthenticatedSafe ::= SEQUENCE OF ContentInfo (data, encryptedData or envelopedData). */
function readAuthenticatedSafe(
  authSafe: Uint8Array,
  password: PasswordForms,
  budget: DerivationBudget,
  unverified: boolean,
): Bags {
  const bags: Bags = { keys: [], certificates: [], certificateProtection: [] };
  const top = readTlv(authSafe, 0, authSafe.length);
  if (top.id !== 0x30 || top.end !== authSafe.length) throw new DerError('AuthenticatedSafe is not one SEQUENCE');
  for (const info of children(authSafe, top, MAX_BAGS)) {
    const { type, content } = contentInfo(authSafe, info);
    if (type === PKCS12_OID.data) {
      if (!content) throw new DerError('data ContentInfo without content');
      readSafeContents(octetStringContent(authSafe, content), bags, password, budget, unverified, 0, undefined);
    } else if (type === PKCS12_OID.encryptedData) {
      if (!content) throw new DerError('encryptedData ContentInfo without content');
      const { plain, label } = decryptEncryptedData(authSafe, content, password, budget);
      if (!plain) throw new WrongPassword();
      try {
        readSafeContents(plain, bags, password, budget, unverified, 0, label);
      } catch (error) {
        // Without a MAC, padding can pass by chance under a wrong password; the bytes then do not parse.
        if (unverified && error instanceof DerError) throw new WrongPassword();
        throw error;
      }
    } else if (type === PKCS12_OID.envelopedData) {
      throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.unsupported('public-key privacy mode (envelopedData)'));
    } else {
      throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.unsupported(`a content of type ${type}`));
    }
  }
  return bags;
}

/**
 * EncryptedData ::= SEQUENCE { version, EncryptedContentInfo ::= SEQUENCE { contentType,
 * contentEncryptionAlgorithm, encryptedContent [0] IMPLICIT OCTET STRING OPTIONAL } }.
 */
function decryptEncryptedData(buf: Uint8Array, tlv: Tlv, password: PasswordForms, budget: DerivationBudget) {
  if (tlv.id !== 0x30) throw new DerError('EncryptedData is not a SEQUENCE');
  const [, encryptedContentInfo] = children(buf, tlv, 3);
  if (encryptedContentInfo?.id !== 0x30) throw new DerError('EncryptedContentInfo missing');
  const [, algorithm, encrypted] = children(buf, encryptedContentInfo, 3);
  if (algorithm?.id !== 0x30 || !encrypted) throw new DerError('EncryptedContentInfo incomplete');
  if (encrypted.cls !== 2 || encrypted.num !== 0) throw new DerError('encryptedContent is not [0]');
  // [0] IMPLICIT OCTET STRING: primitive, or constructed from OCTET STRING segments (BER).
  const asOctetString: Tlv = { ...encrypted, cls: 0, num: 4 };
  const ciphertext = octetStringContent(buf, asOctetString);
  return decrypt(buf, algorithm, ciphertext, password, budget);
}

/** SafeContents ::= SEQUENCE OF SafeBag; SafeBag ::= SEQUENCE { bagId, bagValue [0] EXPLICIT, bagAttributes SET OPTIONAL }. */
function readSafeContents(
  buf: Uint8Array,
  bags: Bags,
  password: PasswordForms,
  budget: DerivationBudget,
  unverified: boolean,
  depth: number,
  protection: string | undefined,
): void {
  if (depth > MAX_NESTED_SAFE_CONTENTS) throw new DerError('SafeContents nested too deep');
  const top = readTlv(buf, 0, buf.length);
  if (top.id !== 0x30 || top.end !== buf.length) throw new DerError('SafeContents is not one SEQUENCE');
  let certificatesHere = 0;
  for (const bag of children(buf, top, MAX_BAGS)) {
    if (bag.id !== 0x30) throw new DerError('SafeBag is not a SEQUENCE');
    const [idTlv, wrapper, attributesTlv] = children(buf, bag, 3);
    if (!idTlv || !wrapper || wrapper.id !== 0xa0) throw new DerError('SafeBag incomplete');
    const [valueTlv] = children(buf, wrapper, 1);
    if (!valueTlv) throw new DerError('SafeBag without a value');
    const bagId = readOid(buf, idTlv);
    const attributes = attributesTlv ? readAttributes(buf, attributesTlv) : {};
    if (bagId === PKCS12_OID.keyBag) {
      bags.keys.push({ ...attributes, der: buf.slice(valueTlv.start, valueTlv.end), protection: 'none', unverified });
    } else if (bagId === PKCS12_OID.pkcs8ShroudedKeyBag) {
      // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm, encryptedData OCTET STRING }
      if (valueTlv.id !== 0x30) throw new DerError('EncryptedPrivateKeyInfo is not a SEQUENCE');
      const [algorithm, encrypted] = children(buf, valueTlv, 2);
      if (!algorithm || !encrypted || algorithm.id !== 0x30) throw new DerError('EncryptedPrivateKeyInfo incomplete');
      const { plain, label } = decrypt(buf, algorithm, octetStringContent(buf, encrypted), password, budget);
      if (!plain) throw new WrongPassword();
      bags.keys.push({ ...attributes, der: plain, protection: label, unverified });
    } else if (bagId === PKCS12_OID.certBag) {
      // CertBag ::= SEQUENCE { certId OID, certValue [0] EXPLICIT OCTET STRING }
      if (valueTlv.id !== 0x30) throw new DerError('CertBag is not a SEQUENCE');
      const [certId, certWrapper] = children(buf, valueTlv, 2);
      if (!certId || !certWrapper || certWrapper.id !== 0xa0) throw new DerError('CertBag incomplete');
      if (readOid(buf, certId) !== PKCS12_OID.x509Certificate) continue; // SDSI certificates: not for X.509 signing
      const [octets] = children(buf, certWrapper, 1);
      if (!octets) throw new DerError('CertBag without a certificate');
      bags.certificates.push({ ...attributes, der: octetStringContent(buf, octets).slice() });
      certificatesHere++;
    } else if (bagId === PKCS12_OID.safeContentsBag) {
      readSafeContents(
        buf.subarray(valueTlv.start, valueTlv.end),
        bags,
        password,
        budget,
        unverified,
        depth + 1,
        protection,
      );
    }
    // crlBag, secretBag and unknown bags carry nothing a signer needs.
  }
  if (certificatesHere > 0 && protection !== undefined && depth === 0) bags.certificateProtection.push(protection);
}

function readAttributes(buf: Uint8Array, tlv: Tlv): BagAttributes {
  if (tlv.id !== 0x31) throw new DerError('bagAttributes is not a SET');
  const out: BagAttributes = {};
  for (const attribute of children(buf, tlv, 64)) {
    if (attribute.id !== 0x30) throw new DerError('attribute is not a SEQUENCE');
    const [typeTlv, values] = children(buf, attribute, 2);
    if (!typeTlv || !values || values.id !== 0x31) throw new DerError('attribute incomplete');
    const type = readOid(buf, typeTlv);
    const [first] = children(buf, values, 16);
    if (!first) continue;
    if (type === PKCS12_OID.friendlyName && first.id === 0x1e) out.friendlyName = decodeBmpString(buf, first);
    else if (type === PKCS12_OID.localKeyId && first.id === 0x04) out.localKeyId = octetStringContent(buf, first);
  }
  return out;
}

function decodeBmpString(buf: Uint8Array, tlv: Tlv): string {
  const bytes = buf.subarray(tlv.valueStart, tlv.valueEnd);
  if (bytes.length % 2 !== 0 || bytes.length > 1024) throw new DerError('malformed BMPString');
  let text = '';
  for (let i = 0; i < bytes.length; i += 2)
    text += String.fromCharCode(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
  return text;
}

interface ReadKey {
  bag: KeyBag;
  key: KeyObject;
  /** The SubjectPublicKeyInfo DER of the key's public half, compared with each certificate's. */
  spki: Buffer;
}

interface ReadCertificate {
  bag: CertificateBag;
  parsed: ParsedCertificate;
  /** node:crypto's view, for the key comparison and the issuer checks (signing is Node-only anyway). */
  x509: X509Certificate;
  spki: Buffer;
}

function selectCredential(bags: Bags, mac: string | undefined, friendlyName: string | undefined): Pkcs12Contents {
  const named = friendlyName === undefined ? bags.keys : bags.keys.filter((k) => k.friendlyName === friendlyName);
  if (named.length === 0)
    throw pkcs12Error(
      'PKCS12_NO_KEY',
      friendlyName === undefined ? PKCS12_TEXT.noKey() : PKCS12_TEXT.noKeyNamed(friendlyName),
    );
  const keys = named.map(readKey);

  const certificates: ReadCertificate[] = [];
  for (const bag of bags.certificates) {
    if (certificates.some((c) => Buffer.from(c.bag.der).equals(bag.der))) continue;
    const certificate = readCertificate(bag);
    if (certificate) certificates.push(certificate);
  }
  const withCertificates = keys
    .map((key) => ({ key, matches: certificates.filter((c) => c.spki.equals(key.spki)) }))
    .filter((entry) => entry.matches.length > 0);
  if (withCertificates.length === 0)
    throw pkcs12Error('PKCS12_NO_MATCHING_CERTIFICATE', PKCS12_TEXT.noMatchingCertificate(certificates.length));
  if (withCertificates.length > 1)
    throw pkcs12Error(
      'PKCS12_AMBIGUOUS_KEY',
      PKCS12_TEXT.ambiguousKey(withCertificates.map((entry) => entry.key.bag.friendlyName ?? '?')),
    );
  const [{ key, matches }] = withCertificates as [{ key: ReadKey; matches: ReadCertificate[] }];
  // The same key may sit in several certificates (a renewal): the file's localKeyId pairing decides.
  const localKeyId = key.bag.localKeyId;
  const signer =
    (localKeyId && matches.find((c) => c.bag.localKeyId && Buffer.from(c.bag.localKeyId).equals(localKeyId))) ||
    (matches[0] as ReadCertificate);

  const remaining = certificates.filter((c) => c !== signer);
  const chain: ReadCertificate[] = [];
  for (let current = signer; !issuedBy(current, current); ) {
    const issuer = remaining.find((candidate) => issuedBy(current, candidate));
    if (!issuer) break;
    chain.push(issuer);
    remaining.splice(remaining.indexOf(issuer), 1);
    current = issuer;
  }
  return {
    privateKey: key.key,
    certificate: signer.parsed,
    chain: chain.map((c) => c.parsed),
    otherCertificates: remaining.map((c) => c.parsed),
    friendlyName: key.bag.friendlyName,
    protection: { mac, key: key.bag.protection, certificates: bags.certificateProtection },
  };
}

/** A certificate bag both parsers read, or undefined: a certificate they cannot read cannot be the signer's. */
function readCertificate(bag: CertificateBag): ReadCertificate | undefined {
  const parsed = parseCertificateDer(bag.der);
  if (!parsed.ok) return undefined;
  try {
    const x509 = new X509Certificate(bag.der);
    return { bag, parsed: parsed.certificate, x509, spki: x509.publicKey.export({ type: 'spki', format: 'der' }) };
  } catch {
    return undefined;
  }
}

function readKey(bag: KeyBag): ReadKey {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(bag.der), format: 'der', type: 'pkcs8' });
  } catch (error) {
    if (bag.unverified && bag.protection !== 'none') throw new WrongPassword();
    throw pkcs12Error(
      'PKCS12_UNSUPPORTED',
      PKCS12_TEXT.unsupported('a private key node:crypto cannot read (PKCS#8 of an unknown algorithm?)'),
      error,
    );
  }
  return { bag, key, spki: createPublicKey(key).export({ type: 'spki', format: 'der' }) };
}

/** `issuer` issued `subject`: names and key identifiers agree and the signature verifies with its key. */
function issuedBy(subject: ReadCertificate, issuer: ReadCertificate): boolean {
  try {
    return subject.x509.checkIssued(issuer.x509) && subject.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}
