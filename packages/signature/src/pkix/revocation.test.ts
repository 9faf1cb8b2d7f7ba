import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, TEST_PKI_AT, TEST_PKI_URLS, type TestCertificate, type TestPki } from '../../test/pki';
import { type ParsedCertificate, parseCertificate } from './certificate';
import { parseCrl } from './crl';
import { buildOcspRequest, parseOcspResponse } from './ocsp';
import { type PathValidationOptions, validatePath } from './path';
import { type RevocationInputs, rewriteRevocationUrl } from './revocation';
import { createTrustStore, type TrustStore } from './trust-store';

function parsed(item: TestCertificate): ParsedCertificate {
  const result = parseCertificate(item.der);
  if (!result.ok) throw new Error(result.reason.en);
  return result.certificate;
}

let pki: TestPki;
let trust: TrustStore;
let scratch: string;

beforeAll(() => {
  pki = createTestPki();
  trust = createTrustStore({ anchors: [pki.root.der] });
  scratch = mkdtempSync(join(tmpdir(), 'lienthong-ocsp-'));
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validate(leaf: TestCertificate, revocation: RevocationInputs, extra: Partial<PathValidationOptions> = {}) {
  return validatePath(parsed(leaf), {
    trust,
    intermediates: [pki.intermediate.der],
    at: TEST_PKI_AT,
    revocation,
    ...extra,
  });
}

describe('parsing CRLs and OCSP responses', () => {
  it('reads the intermediate CRL: dates, number, AKI and entries with reasons', () => {
    const result = parseCrl(pki.crls.intermediate.pem);
    if (!result.ok) throw new Error(result.reason.en);
    const { crl } = result;
    expect([crl.thisUpdate.toISOString(), crl.nextUpdate?.toISOString()]).toEqual([
      '2026-05-01T00:00:00.000Z',
      '2026-07-01T00:00:00.000Z',
    ]);
    expect(crl.crlNumber).toBe('01');
    expect(crl.authorityKeyIdentifier).toBe(parsed(pki.intermediate).subjectKeyIdentifier);
    const reasons = [...crl.entries.values()].map((entry) => [entry.reason, entry.revocationDate.toISOString()]);
    expect(reasons).toEqual([
      ['keyCompromise', '2026-03-01T00:00:00.000Z'],
      ['certificateHold', '2026-04-01T00:00:00.000Z'],
      ['superseded', '2026-09-01T00:00:00.000Z'],
    ]);
    expect(crl.entries.get(parsed(pki.leaves.revoked).serialNumber)?.reason).toBe('keyCompromise');
  });

  it('reads an OCSP response: responder by name, CertID, status and included responder certificate', () => {
    const result = parseOcspResponse(pki.ocsp.revokedByResponder.der);
    if (!result.ok) throw new Error(result.reason.en);
    const basic = result.response.basic;
    expect(result.response.status).toBe('successful');
    expect(basic && 'byName' in basic.responderId && basic.responderId.byName.name.text).toContain('OCSP thử nghiệm');
    expect(basic?.certificates.map((certificate) => certificate.fingerprintSha256)).toEqual([
      parsed(pki.leaves.ocspResponder).fingerprintSha256,
    ]);
    expect(basic?.responses[0]).toMatchObject({
      status: 'revoked',
      revocationReason: 'keyCompromise',
      certId: { digest: 'sha1', serialNumber: parsed(pki.leaves.revoked).serialNumber },
    });
  });

  it('builds an OCSP request OpenSSL reads back', () => {
    const leaf = parsed(pki.leaves.valid);
    const requestPath = join(scratch, 'request.der');
    writeFileSync(requestPath, buildOcspRequest(leaf, parsed(pki.intermediate)));
    const text = pki.openssl(['ocsp', '-reqin', requestPath, '-req_text']).toString();
    expect(text).toContain(`Serial Number: ${leaf.serialNumber}`);
    expect(text).toContain('Hash Algorithm: sha1');
  });
});

describe('OCSP evidence', () => {
  const intermediateByRoot = () => pki.ocsp.intermediateByRoot.der;

  it('accepts a delegated responder carrying id-kp-OCSPSigning, and the CA itself', async () => {
    for (const response of [pki.ocsp.validByResponder, pki.ocsp.validByCa]) {
      const result = await validate(pki.leaves.valid, { ocspResponses: [response.der, intermediateByRoot()] });
      expect(result.indication).toBe('TOTAL-PASSED');
      expect(result.revocation.map((evidence) => [evidence.source, evidence.status])).toEqual([
        ['ocsp', 'good'],
        ['ocsp', 'good'],
      ]);
    }
  });

  it('a revoked status before T fails the signer; after T it does not', async () => {
    const revoked = await validate(pki.leaves.revoked, {
      ocspResponses: [pki.ocsp.revokedByResponder.der, intermediateByRoot()],
    });
    expect([revoked.indication, revoked.subIndication]).toEqual(['TOTAL-FAILED', 'REVOKED']);
    expect(revoked.revocation[0]).toMatchObject({ source: 'ocsp', status: 'revoked', reason: 'keyCompromise' });
    const later = await validate(pki.leaves.revokedAfterAt, {
      ocspResponses: [pki.ocsp.revokedAfterAtByResponder.der, intermediateByRoot()],
    });
    expect(later.indication).toBe('TOTAL-PASSED');
    expect(later.revocation[0]).toMatchObject({ status: 'revoked', revokedAt: '2026-09-01T00:00:00.000Z' });
  });

  it('ignores a response signed by a certificate without id-kp-OCSPSigning', async () => {
    const result = await validate(pki.leaves.valid, {
      ocspResponses: [pki.ocsp.validByUnauthorisedSigner.der, intermediateByRoot()],
    });
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(result.checks.some((check) => check.message.en.includes('lacks id-kp-OCSPSigning'))).toBe(true);
  });

  it('ignores a response with a broken signature or for another certificate', async () => {
    const original = parseOcspResponse(pki.ocsp.validByResponder.der);
    if (!original.ok || !original.response.basic) throw new Error('fixture');
    const { der, basic } = original.response;
    const position = basic.signatureValue.byteOffset - der.byteOffset + 10; // a byte of the signature value
    const tampered = new Uint8Array(der);
    tampered[position] = (tampered[position] as number) ^ 0xff;
    const broken = await validate(pki.leaves.valid, { ocspResponses: [tampered, intermediateByRoot()] });
    expect(broken.subIndication).toBe('TRY_LATER');
    expect(broken.checks.some((check) => check.message.en.includes('OCSP response signature is invalid'))).toBe(true);
    const other = await validate(pki.leaves.ecP256, {
      ocspResponses: [pki.ocsp.validByResponder.der, intermediateByRoot()],
    });
    expect(other.subIndication).toBe('TRY_LATER');
  });

  it('verifies RSASSA-PSS and ECDSA signatures on CRLs and OCSP responses', async () => {
    const pssCrl = await validate(pki.leaves.valid, { crls: [pki.crls.intermediatePss.der, pki.crls.root.der] });
    expect(pssCrl.indication).toBe('TOTAL-PASSED');
    const pssOcsp = await validate(pki.leaves.valid, {
      ocspResponses: [pki.ocsp.validByCaPss.der, intermediateByRoot()],
    });
    expect(pssOcsp.indication).toBe('TOTAL-PASSED');
    const ecOptions = { intermediates: [pki.ecCa.der] };
    const ecCrl = await validate(pki.leaves.underEcCa, { crls: [pki.crls.ecCa.der, pki.crls.root.der] }, ecOptions);
    expect(ecCrl.indication).toBe('TOTAL-PASSED');
    const ecOcsp = await validate(
      pki.leaves.underEcCa,
      { ocspResponses: [pki.ocsp.underEcCaByCa.der], crls: [pki.crls.root.der] },
      ecOptions,
    );
    expect(ecOcsp.revocation.map((evidence) => evidence.source)).toEqual(['ocsp', 'crl']);
    expect(ecOcsp.indication).toBe('TOTAL-PASSED');
  });

  it('accepts a responder identified by key hash', async () => {
    const parsedResponse = parseOcspResponse(pki.ocsp.validByCaKeyId.der);
    expect(parsedResponse.ok && parsedResponse.response.basic?.responderId).toHaveProperty('byKeyHash');
    const result = await validate(pki.leaves.valid, {
      ocspResponses: [pki.ocsp.validByCaKeyId.der, intermediateByRoot()],
    });
    expect(result.indication).toBe('TOTAL-PASSED');
  });

  it('a revoked finding from one source wins over a good one from another', async () => {
    const result = await validate(pki.leaves.revoked, {
      ocspResponses: [intermediateByRoot()],
      crls: [pki.crls.intermediate.der],
    });
    expect(result.subIndication).toBe('REVOKED');
  });
});

describe('supplied CRLs parsed once per array', () => {
  it('a buffer refilled in place is read again, never answered from its earlier parse', async () => {
    const crl = pki.crls.intermediate.der;
    const buffer = new Uint8Array(crl);
    expect((await validate(pki.leaves.revoked, { crls: [buffer] })).subIndication).toBe('REVOKED');
    buffer.fill(0);
    const emptied = await validate(pki.leaves.revoked, { crls: [buffer] });
    expect([emptied.indication, emptied.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(emptied.checks.some((check) => !check.passed && check.message.en.includes('CRL #1'))).toBe(true);
    buffer.set(crl);
    expect((await validate(pki.leaves.revoked, { crls: [buffer] })).subIndication).toBe('REVOKED');
  });

  it('revocation inputs of the wrong shape are programmer errors (INVALID_ARGUMENT), not a failed path', async () => {
    for (const revocation of [
      5,
      { crls: [null] },
      { crls: pki.crls.intermediate.der },
      { ocspResponses: [{}] },
      { fetch: 'http://ca.example' },
      { urlRewrites: { 'http://ocsp.ca.ptc': 1 } },
    ])
      await expect(validate(pki.leaves.valid, revocation as RevocationInputs)).rejects.toMatchObject({
        name: 'SignatureError',
        code: 'INVALID_ARGUMENT',
      });
  });
});

describe('CRL scope (issuingDistributionPoint)', () => {
  it('uses a CA-only CRL for the intermediate but never an indirect CRL', async () => {
    const caOnly = parseCrl(pki.crls.rootOnlyCa.der);
    expect(caOnly.ok && caOnly.crl.scope.onlyCaCertificates).toBe(true);
    const passing = await validate(pki.leaves.valid, { crls: [pki.crls.intermediate.der, pki.crls.rootOnlyCa.der] });
    expect(passing.indication).toBe('TOTAL-PASSED');
    const indirect = await validate(pki.leaves.valid, {
      crls: [pki.crls.intermediateIndirect.der, pki.crls.rootOnlyCa.der],
    });
    expect(indirect.subIndication).toBe('TRY_LATER');
    expect(indirect.checks.some((check) => check.message.en.includes('indirect or partial-reason CRLs'))).toBe(true);
  });

  it('applies a CA-only CRL to CA certificates and never to end entities', async () => {
    const ca = await validatePath(parsed(pki.revokedCa), {
      trust,
      at: TEST_PKI_AT,
      purpose: 'any',
      revocation: { crls: [pki.crls.rootOnlyCa.der] },
    });
    expect(ca.subIndication).toBe('REVOKED');
    const endEntity = await validate(pki.leaves.revoked, {
      crls: [pki.crls.intermediateOnlyCa.der, pki.crls.root.der],
    });
    expect(endEntity.subIndication).toBe('TRY_LATER');
  });
});

describe('the fetch hook and URL rewriting', () => {
  interface Call {
    url: string;
    kind: 'crl' | 'ocsp';
    request?: Uint8Array;
  }

  /** An in-process stand-in for the network: serves the generated CRLs by URL, nothing for OCSP. */
  function crlServer(calls: Call[]): NonNullable<RevocationInputs['fetch']> {
    return async (url, kind, request) => {
      calls.push({ url, kind, ...(request ? { request } : {}) });
      if (kind !== 'crl') return undefined;
      if (url === TEST_PKI_URLS.rootCrl) return pki.crls.root.der;
      if (url === TEST_PKI_URLS.intermediateCrl) return pki.crls.intermediate.der;
      return undefined;
    };
  }

  it('rewrites the OCSP URL, falls back to the CRL distribution points and validates', async () => {
    const calls: Call[] = [];
    const result = await validate(pki.leaves.valid, {
      fetch: crlServer(calls),
      urlRewrites: { 'http://ocsp.ca.ptc': 'http://ocsp.ca.gov.vn' },
    });
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(calls.map((call) => `${call.kind} ${call.url}`)).toEqual([
      'ocsp http://ocsp.ca.gov.vn',
      `crl ${TEST_PKI_URLS.intermediateCrl}`,
      `ocsp ${TEST_PKI_URLS.rootOcsp}`,
      `crl ${TEST_PKI_URLS.rootCrl}`,
    ]);
    expect(calls[0]?.request?.[0]).toBe(0x30);
    expect(result.checks.some((check) => check.message.en.includes('http://ocsp.ca.ptc → http://ocsp.ca.gov.vn'))).toBe(
      true,
    );
    expect(result.revocation.map((evidence) => evidence.source)).toEqual(['crl', 'crl']);
  });

  it('finds a revoked signer through a fetched CRL', async () => {
    const result = await validate(pki.leaves.revoked, { fetch: crlServer([]) });
    expect(result.subIndication).toBe('REVOKED');
  });

  it('gets OCSP answers from OpenSSL for the requests it builds', async () => {
    const calls: Call[] = [];
    let counter = 0;
    const ocspResponder: RevocationInputs['fetch'] = async (url, kind, request) => {
      calls.push({ url, kind });
      if (kind !== 'ocsp' || !request) return undefined;
      const ca = url === TEST_PKI_URLS.rootOcsp ? 'root' : 'intermediate';
      const signer = ca === 'root' ? pki.root : pki.leaves.ocspResponder;
      const requestPath = join(scratch, `fetched-${++counter}.der`);
      const responsePath = `${requestPath}.response`;
      writeFileSync(requestPath, request);
      pki.openssl([
        'ocsp',
        '-index',
        join(pki.directory, `ca-${ca}`, 'index.txt'),
        '-CA',
        join(pki.directory, `${ca}.pem`),
        '-rsigner',
        signer.certificatePath,
        '-rkey',
        signer.keyPath,
        '-reqin',
        requestPath,
        '-respout',
        responsePath,
        '-ndays',
        '1',
      ]);
      return new Uint8Array(readFileSync(responsePath));
    };
    const valid = await validate(pki.leaves.valid, {
      fetch: ocspResponder,
      urlRewrites: { 'HTTP://OCSP.CA.PTC': 'http://ocsp.ca.gov.vn' },
    });
    expect(valid.indication).toBe('TOTAL-PASSED');
    expect(valid.revocation.map((evidence) => evidence.source)).toEqual(['ocsp', 'ocsp']);
    expect(calls.map((call) => call.url)).toEqual(['http://ocsp.ca.gov.vn', TEST_PKI_URLS.rootOcsp]);
    const revoked = await validate(pki.leaves.onHold, { fetch: ocspResponder });
    expect(revoked.subIndication).toBe('REVOKED');
    expect(revoked.revocation[0]).toMatchObject({ source: 'ocsp', reason: 'certificateHold' });
  });

  it('survives a fetch hook that throws or returns garbage', async () => {
    const throwing = await validate(pki.leaves.valid, {
      fetch: async () => {
        throw new Error('network down');
      },
    });
    expect([throwing.indication, throwing.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(throwing.checks.some((check) => check.message.en.startsWith('Could not fetch'))).toBe(true);
    const garbage = await validate(pki.leaves.valid, { fetch: async () => Uint8Array.of(0x30, 0x03, 0x02) });
    expect(garbage.subIndication).toBe('TRY_LATER');
    expect(garbage.checks.some((check) => check.message.en.includes('cannot be decoded'))).toBe(true);
  });

  it('does not fetch under revocationPolicy skip', async () => {
    const calls: Call[] = [];
    await validate(pki.leaves.valid, { fetch: crlServer(calls) }, { revocationPolicy: 'skip' });
    expect(calls).toEqual([]);
  });
});

describe('rewriteRevocationUrl', () => {
  const rewrites = {
    'http://ocsp.ca.ptc': 'http://ocsp.ca.gov.vn',
    'http://ocsp.ca.ptc/special': 'https://special.example',
  };
  it.each([
    ['http://ocsp.ca.ptc', 'http://ocsp.ca.gov.vn'],
    ['http://ocsp.ca.ptc/', 'http://ocsp.ca.gov.vn/'],
    ['HTTP://OCSP.CA.PTC/x?y', 'http://ocsp.ca.gov.vn/x?y'],
    ['http://ocsp.ca.ptc:8080/', 'http://ocsp.ca.gov.vn:8080/'],
    ['http://ocsp.ca.ptc/special/a', 'https://special.example/a'],
    ['http://ocsp.ca.ptc.evil.example/', 'http://ocsp.ca.ptc.evil.example/'],
    ['http://other.example/', 'http://other.example/'],
  ])('%s → %s', (url, expected) => {
    expect(rewriteRevocationUrl(url, rewrites)).toBe(expected);
  });
});
