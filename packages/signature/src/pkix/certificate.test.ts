import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestCertificate, type TestPki } from '../../test/pki';
import { CertificateInfoSchema } from '../model/result';
import { parseCertificate, parseCertificateDer, parseCertificates } from './certificate';

const CORPUS = new URL('../../test/fixtures/pkix/', import.meta.url);
const corpus = (path: string) => readFileSync(new URL(path, CORPUS), 'utf8');

function parsed(input: Uint8Array | string) {
  const result = parseCertificate(input);
  if (!result.ok) throw new Error(result.reason.en);
  return result.certificate;
}

describe('parseCertificate on real Vietnamese CA certificates', () => {
  it('reads the VGCA intermediate: serial, key identifiers, CRL and OCSP URLs, policy', () => {
    const certificate = parsed(corpus('vn-trust-anchors/cpcag2.pem'));
    expect(certificate.serialNumber).toBe('7AF2DF52182653D3');
    expect(certificate.fingerprintSha256).toBe('D8CAB7A4AEF92E6BB2509D7C61CEE7B44F3731B2D21074963530277B366FAE4B');
    expect(certificate.info.subject.text).toBe('CN=CA phục vụ các cơ quan Nhà nước G2, O=Ban Cơ yếu Chính phủ, C=VN');
    expect(certificate.info.issuer.text).toBe('CN=RootCA chuyên dùng Chính phủ G2, O=Ban Cơ yếu Chính phủ, C=VN');
    expect(certificate.basicConstraints).toEqual({ ca: true, pathLengthConstraint: 0 });
    expect(certificate.keyUsage).toMatchObject({ keyCertSign: true, cRLSign: true, digitalSignature: false });
    expect(certificate.authorityKeyIdentifier).toEqual({ keyIdentifier: '7779BAF7F3BDFB861E131A5E23525CAABA6EAE54' });
    expect(certificate.subjectKeyIdentifier).toBe('50BECFA0BDEA0F9F4E9128A32AEB7CEEF02FC8BA');
    expect(certificate.crlDistributionPoints).toEqual(['http://ca.gov.vn/pki/pub/crl/rootcag2.crl']);
    expect(certificate.ocspUrls).toEqual(['http://ocsp.ca.gov.vn/']);
    expect(certificate.caIssuersUrls).toEqual(['http://ca.gov.vn/pki/pub/crt/rootcag2.crt']);
    expect(certificate.certificatePolicies).toEqual(['2.16.704.1.1.1.1.1']);
    expect(certificate.publicKeyDescription).toEqual({ type: 'rsa', bits: 4096 });
    expect(certificate.signatureAlgorithm.name).toBe('sha256WithRSAEncryption');
    expect(certificate.selfIssued).toBe(false);
    expect(CertificateInfoSchema.parse(certificate.info)).toEqual(certificate.info);
  });

  it('reads the national root: AKI with issuer serial, self-issued', () => {
    const certificate = parsed(corpus('vn-trust-anchors/vnrca256.pem'));
    expect(certificate.authorityKeyIdentifier).toEqual({
      keyIdentifier: '7EF087EDB1B89DFB08836FA416FDF1B8AC629B01',
      authorityCertSerialNumber: '9592BB8CEEAD5A24A6B8F71D7D323B5A',
    });
    expect(certificate.selfIssued).toBe(true);
    expect(certificate.info.notBefore).toBe('2014-04-15T16:29:20.000Z');
  });

  it('gives the same certificate from PEM text, PEM bytes and DER', () => {
    const pem = corpus('vn-trust-anchors/vnpt-ca-sha2.pem');
    const fromText = parsed(pem);
    const fromPemBytes = parsed(Buffer.from(pem));
    const fromDer = parsed(fromText.der);
    expect(fromPemBytes.fingerprintSha256).toBe(fromText.fingerprintSha256);
    expect(fromDer.info).toEqual(fromText.info);
  });

  it('copies its input, so the caller may reuse the buffer', () => {
    const der = new Uint8Array(parsed(corpus('vn-trust-anchors/rootcag2.pem')).der);
    const certificate = parsed(der);
    der.fill(0);
    expect(certificate.der[0]).toBe(0x30);
  });
});

describe('parseCertificates', () => {
  it('reads a PEM bundle in order and refuses a bundle where one certificate is expected', () => {
    const bundle = corpus('vn-trust-anchors/rootcag2.pem') + corpus('vn-trust-anchors/cpcag2.pem');
    const all = parseCertificates(bundle);
    expect(all.ok && all.certificates.map((certificate) => certificate.serialNumber)).toEqual([
      '3B65B0A03006F9AB',
      '7AF2DF52182653D3',
    ]);
    const one = parseCertificate(bundle);
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.reason.en).toContain('Found 2 certificates');
    const none = parseCertificate('-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n');
    expect(none.ok).toBe(false);
  });
});

describe('parseCertificate agrees with node:crypto on the generated test PKI', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = createTestPki();
  }, 180_000);

  it('serial, validity, fingerprint, CA flag and key usage match', () => {
    const all: TestCertificate[] = [
      pki.root,
      pki.intermediate,
      pki.caWithoutKeyCertSign,
      pki.subCaBeyondPathLength,
      pki.notCa,
      pki.revokedCa,
      pki.untrustedRoot,
      pki.impostorRoot,
      ...Object.values(pki.leaves),
    ];
    for (const item of all) {
      const certificate = parsed(item.pem);
      // OpenSSL's reading of the same DER, as an independent reference.
      const x509 = new X509Certificate(certificate.der);
      const key = x509.publicKey.asymmetricKeyDetails ?? {};
      expect(certificate.serialNumber, item.name).toBe(x509.serialNumber);
      expect(certificate.notBefore.getTime(), item.name).toBe(new Date(x509.validFrom).getTime());
      expect(certificate.notAfter.getTime(), item.name).toBe(new Date(x509.validTo).getTime());
      expect(certificate.fingerprintSha256, item.name).toBe(x509.fingerprint256.replaceAll(':', ''));
      // OpenSSL's notion of "CA" also requires keyCertSign when keyUsage is present.
      const isCa = certificate.basicConstraints?.ca === true && (certificate.keyUsage?.keyCertSign ?? true);
      expect(isCa, item.name).toBe(x509.ca);
      // The key as read from the SubjectPublicKeyInfo by ../crypto, not by OpenSSL.
      expect(certificate.publicKeyDescription, item.name).toEqual({
        type: x509.publicKey.asymmetricKeyType,
        ...(key.modulusLength !== undefined ? { bits: key.modulusLength } : {}),
        ...(key.namedCurve !== undefined ? { curve: key.namedCurve } : {}),
      });
      expect(CertificateInfoSchema.safeParse(certificate.info).success, item.name).toBe(true);
    }
  });

  it('reads key usage, extended key usage, critical extensions and key types', () => {
    expect(parsed(pki.leaves.enciphermentOnly.der).keyUsage).toMatchObject({
      digitalSignature: false,
      nonRepudiation: false,
      keyEncipherment: true,
      dataEncipherment: true,
    });
    expect(parsed(pki.leaves.timestamping.der).extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.8']);
    expect(parsed(pki.leaves.ocspResponder.der)).toMatchObject({
      extendedKeyUsage: ['1.3.6.1.5.5.7.3.9'],
      ocspNoCheck: true,
    });
    const unknown = parsed(pki.leaves.unknownCriticalExtension.der).extensions.find(
      (extension) => extension.oid === '1.3.6.1.4.1.99999.1',
    );
    expect(unknown).toMatchObject({ critical: true, name: '1.3.6.1.4.1.99999.1' });
    expect(parsed(pki.leaves.ecP256.der).publicKeyDescription).toEqual({ type: 'ec', curve: 'prime256v1' });
    expect(parsed(pki.leaves.rsa1024.der).publicKeyDescription).toEqual({ type: 'rsa', bits: 1024 });
    expect(parsed(pki.leaves.sha1Signed.der).signatureAlgorithm).toMatchObject({ digest: 'sha1', scheme: 'rsa-pkcs1' });
    expect(parsed(pki.impostorRoot.der).subjectKeyIdentifier).toBeUndefined();
    expect(parsed(pki.leaves.rsaPssSigned.der).signatureAlgorithm).toMatchObject({
      name: 'RSASSA-PSS(sha256)',
      scheme: 'rsa-pss',
      digest: 'sha256',
      saltLength: 32,
    });
    expect(parsed(pki.leaves.underEcCa.der).signatureAlgorithm).toMatchObject({
      name: 'ecdsa-with-SHA256',
      scheme: 'ecdsa',
    });
  });

  it('rejects a certificate whose inner and outer signature algorithms differ', () => {
    const der = new Uint8Array(pki.leaves.valid.der);
    // sha256WithRSAEncryption is ...01 01 0B; change the outer one (the last occurrence) to sha384 (0C).
    const pattern = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
    let last = -1;
    for (let index = 0; index + pattern.length <= der.length; index++)
      if (pattern.every((byte, offset) => der[index + offset] === byte)) last = index;
    der[last + pattern.length - 1] = 0x0c;
    const result = parseCertificateDer(der);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.en).toContain('ASN.1 schema');
  });
});
