/**
 * readPkcs12 on files written by independent producers at test time: OpenSSL's modern defaults (PBES2
 * AES-256-CBC, PBKDF2-HMAC-SHA256, HMAC-SHA256 MAC) and legacy forms (RC2-40 certificates, 3DES keys, SHA-1
 * MAC), NSS's pk12util (BER) and Java's keytool when installed — for the shared test PKI, whose leaves have
 * Vietnamese subjects. The certificate returned is the one holding the key, whatever the bag order.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../test/pki';
import { encode, oid, sequence, smallIntegerDer } from '../cms/der';
import { SignatureError } from '../errors';
import { bmpPassword, KDF_PURPOSE, pkcs12Kdf } from './kdf';
import { PKCS12_OID } from './oids';
import { readPkcs12 } from './read';
import { bagType, hasCommand, outerLayersAsBer, Pkcs12Lab, pkcs12FromBags, plainBags } from './test-support';

const PASSWORD = 'Mật khẩu số 1';
const NSS = hasCommand('pk12util') && hasCommand('certutil');
const KEYTOOL = hasCommand('keytool');
if (!NSS) console.warn('[pkcs12] pk12util/certutil not found: the NSS case is skipped (apt-get install libnss3-tools)');
if (!KEYTOOL) console.warn('[pkcs12] keytool not found: the Java case is skipped (it is optional; CI has no Java)');

/** The error readPkcs12 throws for these arguments (fails the test if it does not throw a SignatureError). */
function failure(run: () => unknown): SignatureError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SignatureError);
    return error as SignatureError;
  }
  throw new Error('expected a SignatureError');
}

describe('readPkcs12', () => {
  let pki: TestPki;
  let lab: Pkcs12Lab;
  let legacy: boolean;

  beforeAll(() => {
    pki = createTestPki();
    lab = new Pkcs12Lab(pki);
    legacy = lab.legacySupported();
    if (!legacy) console.warn('[pkcs12] this openssl cannot write -legacy files (no legacy provider): case skipped');
  }, 180_000);
  afterAll(() => lab?.dispose());

  /** The key signs and the returned certificate's public key verifies it: they belong together. */
  function expectKeyMatchesCertificate(contents: ReturnType<typeof readPkcs12>) {
    const data = Buffer.from('kiểm tra cặp khóa');
    const signature = sign('sha256', data, contents.privateKey);
    const publicKey = createPublicKey({
      key: Buffer.from(contents.certificate.subjectPublicKeyInfo),
      format: 'der',
      type: 'spki',
    });
    expect(verify('sha256', data, publicKey, signature)).toBe(true);
  }

  it('modern OpenSSL defaults with the chain: key, the Vietnamese signer certificate, chain issuer first', () => {
    const p12 = lab.export({ signer: pki.leaves.valid, chain: [pki.intermediate, pki.root], password: PASSWORD });
    const contents = readPkcs12(p12, PASSWORD);
    expectKeyMatchesCertificate(contents);
    expect(Buffer.from(contents.certificate.der)).toEqual(Buffer.from(pki.leaves.valid.der));
    expect(contents.certificate.info.subject.text).toContain('CN=Nguyễn Văn A');
    expect(contents.certificate.info.identifiers.map((i) => `${i.type}:${i.value}`)).toEqual(
      expect.arrayContaining(['MST:0101234567', 'CCCD:001234567890', 'MNS:1047665']),
    );
    expect(contents.chain.map((c) => Buffer.from(c.der))).toEqual([
      Buffer.from(pki.intermediate.der),
      Buffer.from(pki.root.der),
    ]);
    expect(contents.otherCertificates).toEqual([]);
    expect(contents.protection).toEqual({
      mac: 'HMAC-SHA256 (PKCS#12 KDF, 2048 iterations)',
      key: 'PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC, 2048 iterations)',
      certificates: ['PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC, 2048 iterations)'],
    });
    expect(contents.privateKey.asymmetricKeyType).toBe('rsa');
  });

  it('orders the chain by issuance, not by file order, and keeps unrelated certificates apart', () => {
    const p12 = lab.export({
      signer: pki.leaves.valid,
      chain: [pki.root, pki.leaves.organisation, pki.intermediate, pki.untrustedRoot],
      password: PASSWORD,
    });
    const contents = readPkcs12(p12, PASSWORD);
    expect(contents.chain.map((c) => Buffer.from(c.der))).toEqual([
      Buffer.from(pki.intermediate.der),
      Buffer.from(pki.root.der),
    ]);
    expect(contents.otherCertificates.map((c) => Buffer.from(c.der))).toEqual([
      Buffer.from(pki.leaves.organisation.der),
      Buffer.from(pki.untrustedRoot.der),
    ]);
  });

  it('without a chain: the signer alone, and the friendlyName from -name (Vietnamese, BMPString)', () => {
    const p12 = lab.export({ signer: pki.leaves.valid, password: PASSWORD, name: 'Chữ ký của Nguyễn Văn A' });
    const contents = readPkcs12(p12, PASSWORD);
    expectKeyMatchesCertificate(contents);
    expect(contents.chain).toEqual([]);
    expect(contents.friendlyName).toBe('Chữ ký của Nguyễn Văn A');
  });

  it('legacy: -legacy (RC2-40 certificates, 3DES key, SHA-1 MAC)', (context) => {
    if (!legacy) context.skip('openssl cannot write -legacy files here (no legacy provider)');
    const p12 = lab.export({
      signer: pki.leaves.valid,
      chain: [pki.intermediate],
      password: PASSWORD,
      args: ['-legacy'],
    });
    const contents = readPkcs12(p12, PASSWORD);
    expectKeyMatchesCertificate(contents);
    expect(contents.chain).toHaveLength(1);
    expect(contents.protection).toEqual({
      mac: 'HMAC-SHA1 (PKCS#12 KDF, 2048 iterations)',
      key: 'pbeWithSHAAnd3-KeyTripleDES-CBC (2048 iterations)',
      certificates: ['pbeWithSHAAnd40BitRC2-CBC (2048 iterations)'],
    });
  });

  it('legacy without the legacy provider: -keypbe/-certpbe PBE-SHA1-3DES, -macalg sha1', () => {
    const args = ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'];
    const p12 = lab.export({ signer: pki.leaves.valid, chain: [pki.intermediate, pki.root], password: PASSWORD, args });
    const contents = readPkcs12(p12, PASSWORD);
    expectKeyMatchesCertificate(contents);
    expect(contents.chain).toHaveLength(2);
    expect(contents.protection.key).toBe('pbeWithSHAAnd3-KeyTripleDES-CBC (2048 iterations)');
    expect(contents.protection.certificates).toEqual(['pbeWithSHAAnd3-KeyTripleDES-CBC (2048 iterations)']);
  });

  it('other ciphers and digests: AES-128 / 3DES under PBES2, SHA-512 MAC, unencrypted bags', () => {
    const cases: [string[], string, string | undefined][] = [
      [['-keypbe', 'AES-128-CBC', '-certpbe', 'DES-EDE3-CBC', '-macalg', 'sha512'], 'AES-128-CBC', 'DES-EDE3-CBC'],
      [['-keypbe', 'NONE', '-certpbe', 'NONE'], 'none', undefined],
    ];
    for (const [args, key, certificates] of cases) {
      const contents = readPkcs12(lab.export({ signer: pki.leaves.valid, password: PASSWORD, args }), PASSWORD);
      expectKeyMatchesCertificate(contents);
      expect(contents.protection.key).toContain(key);
      if (certificates) expect(contents.protection.certificates[0]).toContain(certificates);
      else expect(contents.protection.certificates).toEqual([]);
    }
  });

  it('an EC P-256 key (which node-forge cannot read) comes back as an EC KeyObject', () => {
    const p12 = lab.export({ signer: pki.leaves.ecP256, chain: [pki.intermediate], password: 'secret' });
    const contents = readPkcs12(p12, 'secret');
    expect(contents.privateKey.asymmetricKeyType).toBe('ec');
    expectKeyMatchesCertificate(contents);
  });

  it('wrong password: PKCS12_BAD_PASSWORD with a Vietnamese message, for MAC-protected and MAC-less files', () => {
    const withMac = lab.export({ signer: pki.leaves.valid, password: PASSWORD });
    const error = failure(() => readPkcs12(withMac, 'Mat khau so 1'));
    expect(error.code).toBe('PKCS12_BAD_PASSWORD');
    expect(error.text).toEqual({
      vi: 'Mật khẩu của tệp PKCS#12 không đúng.',
      en: 'Wrong password for the PKCS#12 file.',
    });
    const withoutMac = lab.export({ signer: pki.leaves.valid, password: PASSWORD, args: ['-nomac'] });
    expect(readPkcs12(withoutMac, PASSWORD).protection.mac).toBeUndefined();
    expect(failure(() => readPkcs12(withoutMac, 'sai')).code).toBe('PKCS12_BAD_PASSWORD');
    expect(failure(() => readPkcs12(withMac, '')).code).toBe('PKCS12_BAD_PASSWORD');
  });

  it('a Vietnamese password typed decomposed (NFD) opens a file made with it composed (NFC), and vice versa', () => {
    const p12 = lab.export({ signer: pki.leaves.valid, password: PASSWORD });
    expect(PASSWORD.normalize('NFD')).not.toBe(PASSWORD);
    expectKeyMatchesCertificate(readPkcs12(p12, PASSWORD.normalize('NFD')));
    const nfd = lab.export({ signer: pki.leaves.valid, password: PASSWORD.normalize('NFD') });
    expectKeyMatchesCertificate(readPkcs12(nfd, PASSWORD));
  });

  it('a MAC-less file: a password form whose decryption is garbage gives way to the next form', () => {
    // OpenSSL before 1.1.0 turned each UTF-8 byte of a password into one BMP code unit: the key below is encrypted
    // under that form (pbeWithSHAAnd3-KeyTripleDES-CBC), with a salt chosen so that the proper BMP form, which is
    // tried first, decrypts it with valid padding into bytes that are no private key — as 1 salt in 256 does.
    const utf8 = new TextEncoder().encode(PASSWORD);
    const openssl10 = new Uint8Array(utf8.length * 2 + 2);
    utf8.forEach((byte, i) => {
      openssl10[2 * i + 1] = byte;
    });
    const pkcs8 = createPrivateKey(readFileSync(pki.leaves.valid.keyPath)).export({ type: 'pkcs8', format: 'der' });
    const derive = (password: Uint8Array, salt: Uint8Array) => ({
      key: pkcs12Kdf('sha1', password, salt, 1, KDF_PURPOSE.key, 24),
      iv: pkcs12Kdf('sha1', password, salt, 1, KDF_PURPOSE.iv, 8),
    });
    let encrypted: { salt: Uint8Array; ciphertext: Buffer } | undefined;
    for (let attempt = 0; attempt < 20_000 && !encrypted; attempt++) {
      const salt = randomBytes(8);
      const right = derive(openssl10, salt);
      const cipher = createCipheriv('des-ede3-cbc', right.key, right.iv);
      const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
      const first = derive(bmpPassword(PASSWORD), salt);
      try {
        const decipher = createDecipheriv('des-ede3-cbc', first.key, first.iv);
        Buffer.concat([decipher.update(ciphertext), decipher.final()]);
        encrypted = { salt, ciphertext };
      } catch {
        // bad padding under the first form: the usual case, try another salt
      }
    }
    if (!encrypted) throw new Error('no salt found');
    const keyBag = sequence(
      oid(PKCS12_OID.pkcs8ShroudedKeyBag),
      encode(
        0xa0,
        sequence(
          sequence(
            oid(PKCS12_OID.pbeWithSHAAnd3KeyTripleDESCBC),
            sequence(encode(0x04, encrypted.salt), smallIntegerDer(1)),
          ),
          encode(0x04, encrypted.ciphertext),
        ),
      ),
    );
    const plain = lab.export({
      signer: pki.leaves.valid,
      password: '',
      args: ['-keypbe', 'NONE', '-certpbe', 'NONE', '-nomac'],
    });
    const certificateBag = plainBags(plain).find((bag) => bagType(bag) === PKCS12_OID.certBag) as Uint8Array;
    const contents = readPkcs12(pkcs12FromBags([certificateBag, keyBag]), PASSWORD);
    expect(Buffer.from(contents.certificate.der)).toEqual(Buffer.from(pki.leaves.valid.der));
    expectKeyMatchesCertificate(contents);
  });

  it('an empty password', () => {
    const p12 = lab.export({ signer: pki.leaves.valid, password: '' });
    expectKeyMatchesCertificate(readPkcs12(p12, ''));
    expect(failure(() => readPkcs12(p12, 'x')).code).toBe('PKCS12_BAD_PASSWORD');
  });

  it('picks the certificate that holds the key, not the first certificate bag', () => {
    const p12 = lab.export({
      signer: pki.leaves.valid,
      chain: [pki.intermediate, pki.root],
      password: '',
      args: ['-keypbe', 'NONE', '-certpbe', 'NONE', '-nomac'],
    });
    const bags = plainBags(p12);
    expect(bags.map(bagType)).toEqual([PKCS12_OID.certBag, PKCS12_OID.certBag, PKCS12_OID.certBag, PKCS12_OID.keyBag]);
    // Signer certificate last, key first, and without localKeyId pairing only the public key can decide.
    const reordered = pkcs12FromBags([bags[3], bags[1], bags[2], bags[0]] as Uint8Array[]);
    const contents = readPkcs12(reordered, '');
    expect(Buffer.from(contents.certificate.der)).toEqual(Buffer.from(pki.leaves.valid.der));
    expect(contents.chain.map((c) => Buffer.from(c.der))).toEqual([
      Buffer.from(pki.intermediate.der),
      Buffer.from(pki.root.der),
    ]);
  });

  it('no key, no matching certificate, several keys (resolved by friendlyName)', () => {
    const plain = ['-keypbe', 'NONE', '-certpbe', 'NONE', '-nomac'];
    const a = plainBags(lab.export({ signer: pki.leaves.valid, password: '', args: plain, name: 'Nguyễn Văn A' }));
    const b = plainBags(lab.export({ signer: pki.leaves.organisation, password: '', args: plain, name: 'Con dấu' }));
    const [certificateA, keyA] = a as [Uint8Array, Uint8Array];
    const [certificateB, keyB] = b as [Uint8Array, Uint8Array];

    const noKey = failure(() => readPkcs12(pkcs12FromBags([certificateA]), ''));
    expect(noKey.code).toBe('PKCS12_NO_KEY');
    expect(noKey.text?.vi).toBe('Tệp PKCS#12 không chứa khóa bí mật nào.');

    const mismatch = failure(() => readPkcs12(pkcs12FromBags([keyA, certificateB]), ''));
    expect(mismatch.code).toBe('PKCS12_NO_MATCHING_CERTIFICATE');
    expect(mismatch.text?.vi).toContain('không chứa chứng thư số của khóa bí mật');

    const both = pkcs12FromBags([keyA, certificateA, keyB, certificateB]);
    const ambiguous = failure(() => readPkcs12(both, ''));
    expect(ambiguous.code).toBe('PKCS12_AMBIGUOUS_KEY');
    expect(ambiguous.message).toContain('Nguyễn Văn A, Con dấu');
    const seal = readPkcs12(both, '', { friendlyName: 'Con dấu' });
    expect(Buffer.from(seal.certificate.der)).toEqual(Buffer.from(pki.leaves.organisation.der));
    expect(failure(() => readPkcs12(both, '', { friendlyName: 'Không có' })).code).toBe('PKCS12_NO_KEY');
  });

  it('BER outer layers (indefinite lengths, segmented OCTET STRING) as Windows writes them', () => {
    const p12 = lab.export({ signer: pki.leaves.valid, chain: [pki.intermediate], password: PASSWORD });
    const ber = outerLayersAsBer(p12);
    expect(ber[1]).toBe(0x80);
    const contents = readPkcs12(ber, PASSWORD);
    expectKeyMatchesCertificate(contents);
    expect(contents.protection.mac).toContain('HMAC-SHA256');
  });

  it.runIf(NSS)(
    'NSS pk12util -o (BER throughout, 600,000 iterations, AES-128 certificates) with a Vietnamese password',
    () => {
      const source = lab.export({
        signer: pki.leaves.valid,
        chain: [pki.intermediate],
        password: 'nss',
        name: 'lienthong-signer',
      });
      const p12 = lab.nssExport(source, 'nss', 'lienthong-signer', PASSWORD);
      expect(p12[1]).toBe(0x80); // NSS writes indefinite lengths
      const contents = readPkcs12(p12, PASSWORD);
      expectKeyMatchesCertificate(contents);
      expect(Buffer.from(contents.certificate.der)).toEqual(Buffer.from(pki.leaves.valid.der));
      expect(contents.chain.map((c) => Buffer.from(c.der))).toEqual([Buffer.from(pki.intermediate.der)]);
    },
    30_000,
  );

  it.runIf(KEYTOOL)(
    'Java keytool -importkeystore (its own PKCS#12 writer)',
    () => {
      const source = lab.export({ signer: pki.leaves.valid, chain: [pki.intermediate, pki.root], password: 'java1' });
      const contents = readPkcs12(lab.keytoolExport(source, 'java1', 'java2-secret'), 'java2-secret');
      expectKeyMatchesCertificate(contents);
      expect(contents.chain).toHaveLength(2);
    },
    30_000,
  );
});
