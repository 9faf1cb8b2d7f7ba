import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture as cmsFixture } from '../cms/testkit';
import { type CorpusName, corpus } from '../pdf/testkit';
import { EDXML_CORPUS, fixture as xmlFixture } from '../xmldsig/test-support';
import { detectSignatureFormat } from './detect';

const bytes = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
const base64Lines = (data: Uint8Array) => Buffer.from(data).toString('base64').replace(/.{64}/g, '$&\n');
const pem = (label: string, data: Uint8Array) =>
  bytes(`-----BEGIN ${label}-----\n${base64Lines(data)}\n-----END ${label}-----\n`);

describe('detectSignatureFormat on the fixtures', () => {
  it('recognises every corpus PDF', () => {
    const names: CorpusName[] = [
      'signed.pdf',
      'signed-twice.pdf',
      'incrementally_signed.pdf',
      'signed-tampered.pdf',
      'signed-appended.pdf',
    ];
    for (const name of names) expect(detectSignatureFormat(corpus(name)), name).toBe('pdf');
  });

  it('recognises the CMS vectors as DER, PEM (PKCS7 and CMS armour) and bare base64', () => {
    for (const name of ['attached.p7s', 'detached.p7s'] as const) {
      const der = cmsFixture(name);
      expect(detectSignatureFormat(der), name).toBe('cms');
      expect(detectSignatureFormat(pem('PKCS7', der)), `${name} PEM PKCS7`).toBe('cms');
      expect(detectSignatureFormat(pem('CMS', der)), `${name} PEM CMS`).toBe('cms');
      expect(detectSignatureFormat(bytes(`  \r\n${base64Lines(der)}`)), `${name} base64`).toBe('cms');
    }
    // The content next to them is not a signature.
    expect(detectSignatureFormat(cmsFixture('content.txt'))).toBe('unknown');
    // A certificate is DER too, but not a signedData ContentInfo.
    const certificate = cmsFixture('test-signer-selfsigned.pem');
    expect(detectSignatureFormat(certificate)).toBe('unknown');
    const certificateDer = new Uint8Array(
      Buffer.from(
        Buffer.from(certificate)
          .toString('latin1')
          .replace(/-----[^-]+-----|\s/g, ''),
        'base64',
      ),
    );
    expect(detectSignatureFormat(certificateDer)).toBe('unknown');
  });

  it('tells the edXML-like envelope (root edXMLEnvelope) from other XMLDSig documents', () => {
    expect(detectSignatureFormat(xmlFixture('generated/edxml-like-enveloped-rsa-sha256.xml'))).toBe('edxml');
    for (const name of readdirSync(fileURLToPath(new URL('../../test/fixtures/xmldsig/xml-crypto/', import.meta.url))))
      if (name.endsWith('.xml')) expect(detectSignatureFormat(xmlFixture(`xml-crypto/${name}`)), name).toBe('xmldsig');
  });

  it('recognises every envelope of the edXML corpus (documents and status packets)', () => {
    const files = readdirSync(EDXML_CORPUS).filter((name) => /\.(edxml|xml)$/.test(name));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files)
      expect(detectSignatureFormat(new Uint8Array(readFileSync(join(EDXML_CORPUS, name)))), name).toBe('edxml');
  });
});

describe('detectSignatureFormat edge cases', () => {
  const EDXML = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

  it('tolerates a BOM, whitespace, the XML declaration, comments and processing instructions before the root', () => {
    const root = `<edXML:edXML xmlns:edXML="${EDXML}"><edXML:edXMLEnvelope/></edXML:edXML>`;
    const prolog = `\uFEFF \n<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment with <edXML> -->\n<?pi x?>\n`;
    expect(detectSignatureFormat(bytes(prolog + root))).toBe('edxml');
    expect(detectSignatureFormat(bytes(`<edXML xmlns="${EDXML}"/>`))).toBe('edxml');
    expect(detectSignatureFormat(bytes(`<e:edXMLEnvelope xmlns:e='${EDXML}'/>`))).toBe('edxml');
    // Junk before the declaration (real axis traffic) is tolerated, as the edXML reader does.
    expect(detectSignatureFormat(bytes(`\u0000\u0001junk<?xml version="1.0"?><edXML xmlns="${EDXML}"/>`))).toBe(
      'edxml',
    );
    // The undeclared edXML: prefix, a quirk the edXML reader accepts.
    expect(detectSignatureFormat(bytes('<edXML:edXML><edXML:edXMLEnvelope/></edXML:edXML>'))).toBe('edxml');
    // UTF-16 with its byte order mark.
    const utf16 = Buffer.from(`\uFEFF<edXML xmlns="${EDXML}"/>`, 'utf16le');
    expect(detectSignatureFormat(new Uint8Array(utf16))).toBe('edxml');
  });

  it('needs the QCVN 102 namespace and an edXML root name', () => {
    expect(detectSignatureFormat(bytes('<edXML/>'))).toBe('xmldsig');
    expect(detectSignatureFormat(bytes('<edXML xmlns="urn:other"/>'))).toBe('xmldsig');
    expect(detectSignatureFormat(bytes(`<Invoice xmlns="${EDXML}"/>`))).toBe('xmldsig');
    // The namespace declared for another prefix does not make the root edXML.
    expect(detectSignatureFormat(bytes(`<a:edXML xmlns="${EDXML}" xmlns:a="urn:a"/>`))).toBe('xmldsig');
    // A DOCTYPE is still XML (the verifier refuses it and says why).
    expect(detectSignatureFormat(bytes(`<!DOCTYPE x [<!ENTITY a "b">]><edXML xmlns="${EDXML}"/>`))).toBe('edxml');
  });

  it('finds %PDF- within the first 1024 bytes, not later', () => {
    const pdf = bytes('%PDF-1.7\n%%EOF\n');
    expect(detectSignatureFormat(concat(new Uint8Array(1024), pdf))).toBe('pdf');
    expect(detectSignatureFormat(concat(new Uint8Array(1025), pdf))).toBe('unknown');
    expect(detectSignatureFormat(bytes('%PDF'))).toBe('unknown');
  });

  it('reads BER indefinite and long-form lengths, and refuses other ContentInfo types', () => {
    const oid = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07];
    expect(detectSignatureFormat(Uint8Array.from([0x30, 0x80, ...oid, 0x02]))).toBe('cms');
    expect(detectSignatureFormat(Uint8Array.from([0x30, 0x84, 0, 0, 1, 0, ...oid, 0x02]))).toBe('cms');
    expect(detectSignatureFormat(Uint8Array.from([0x30, 0x82, 1, 0, ...oid, 0x03]))).toBe('unknown'); // envelopedData
    expect(detectSignatureFormat(Uint8Array.from([0x30, 0x85, 0, 0, 0, 1, 0, ...oid, 0x02]))).toBe('unknown');
    // A truncated CMS is still a CMS: verifyCms reports the truncation.
    expect(detectSignatureFormat(cmsFixture('detached.p7s').subarray(0, 40))).toBe('cms');
  });

  it('says unknown for empty, tiny and random input, and never throws', () => {
    expect(detectSignatureFormat(new Uint8Array())).toBe('unknown');
    expect(detectSignatureFormat(Uint8Array.of(0x30))).toBe('unknown');
    expect(detectSignatureFormat(bytes('<'))).toBe('unknown');
    expect(detectSignatureFormat(bytes('   '))).toBe('unknown');
    expect(detectSignatureFormat(bytes('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'))).toBe(
      'unknown',
    );
    expect(detectSignatureFormat('not bytes' as unknown as Uint8Array)).toBe('unknown');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (data) => {
        expect(['pdf', 'cms', 'edxml', 'xmldsig', 'unknown']).toContain(detectSignatureFormat(data));
      }),
      { numRuns: 500 },
    );
    // Truncations of every kind of fixture.
    for (const data of [corpus('signed.pdf'), cmsFixture('attached.p7s'), xmlFixture('xml-crypto/valid_signature.xml')])
      for (let length = 0; length < Math.min(data.length, 300); length += 7)
        expect(() => detectSignatureFormat(data.subarray(0, length))).not.toThrow();
  });

  it('looks at a bounded prefix only: a huge attribute list or text is not scanned to the end', () => {
    const many = `<root ${Array.from({ length: 20000 }, (_, i) => `a${i}="${i}"`).join(' ')}/>`;
    expect(detectSignatureFormat(bytes(many))).toBe('xmldsig');
    expect(detectSignatureFormat(bytes(`${' '.repeat(200_000)}<x/>`))).toBe('unknown');
  });
});
