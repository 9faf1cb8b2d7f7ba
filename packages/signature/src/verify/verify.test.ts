import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_TIME as CMS_CORPUS_TIME, fixture as cmsFixture } from '../cms/testkit';
import { SignatureError } from '../errors';
import { type VerificationResult, VerificationResultSchema } from '../model/result';
import { corpus, embeddedCertificates, CORPUS_TIME as PDF_CORPUS_TIME } from '../pdf/testkit';
import { createTrustStore } from '../pkix';
import { fixture as xmlFixture } from '../xmldsig/test-support';
import type { VerifyOptions } from './options';
import { type Material, material } from './test-support';
import { verify } from './verify';

let m: Material;
beforeAll(() => {
  m = material();
}, 120_000);

/** Every result is a valid VerificationResult with messages in both languages. */
function checked(result: VerificationResult): VerificationResult {
  VerificationResultSchema.parse(result);
  expect(result.message.vi.length).toBeGreaterThan(0);
  expect(result.message.en.length).toBeGreaterThan(0);
  return result;
}

describe('verify: a PDF, by content', () => {
  it('verifies the corpus PDF (node-signpdf) as TOTAL-PASSED and the tampered one as TOTAL-FAILED', async () => {
    const trust = createTrustStore({ anchors: embeddedCertificates(corpus('signed.pdf')) });
    const options = { trust, at: PDF_CORPUS_TIME, revocationPolicy: 'skip' as const, subject: 'signed.pdf' };
    const good = checked(await verify(corpus('signed.pdf'), options));
    expect([good.subject, good.format, good.indication, good.subIndication]).toEqual([
      'signed.pdf',
      'pdf',
      'TOTAL-PASSED',
      null,
    ]);
    expect(good.signatures).toHaveLength(1);
    expect(good.attachments).toEqual([]);
    expect(good.error).toBeNull();
    expect(good.validatedAt).toBe(PDF_CORPUS_TIME.toISOString());
    const bad = checked(await verify(corpus('signed-tampered.pdf'), options));
    expect([bad.indication, bad.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
  });

  it('verifies a PDF signed with the test PKI, with revocation from its CRLs', async () => {
    const result = checked(await verify(m.signedPdf, m.options));
    expect([result.format, result.indication]).toEqual(['pdf', 'TOTAL-PASSED']);
    expect(result.signatures[0]?.signer?.identifiers.map((identifier) => identifier.type)).toContain('MST');
    expect(result.subject).toBe('input');
  });
});

describe('verify: a CMS, by content', () => {
  const trust = createTrustStore({ anchors: [cmsFixture('test-signer-selfsigned.pem')] });
  const options = { trust, at: CMS_CORPUS_TIME, revocationPolicy: 'skip' as const };
  const content = cmsFixture('content.txt');

  it('verifies an attached CMS, and a detached one with options.detachedContent', async () => {
    const attached = checked(await verify(cmsFixture('attached.p7s'), options));
    expect([attached.format, attached.indication]).toEqual(['cms', 'TOTAL-PASSED']);
    expect(attached.signatures[0]?.coverage?.kind).toBe('attached-content');
    const detached = checked(await verify(cmsFixture('detached.p7s'), { ...options, detachedContent: content }));
    expect([detached.format, detached.indication]).toEqual(['cms', 'TOTAL-PASSED']);
    expect(detached.signatures[0]?.coverage?.kind).toBe('detached-content');
  });

  it('says a detached CMS without its content is INDETERMINATE/SIGNED_DATA_NOT_FOUND, and wrong content fails', async () => {
    const missing = checked(await verify(cmsFixture('detached.p7s'), options));
    expect([missing.indication, missing.subIndication]).toEqual(['INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']);
    const changed = new Uint8Array(content);
    changed[0] = (changed[0] as number) ^ 1;
    const wrong = checked(await verify(cmsFixture('detached.p7s'), { ...options, detachedContent: changed }));
    expect([wrong.indication, wrong.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
  });

  it('reads PEM and bare base64 CMS as well', async () => {
    const der = Buffer.from(cmsFixture('attached.p7s'));
    const base64 = der.toString('base64').replace(/.{64}/g, '$&\r\n');
    for (const text of [`-----BEGIN PKCS7-----\n${base64}\n-----END PKCS7-----\n`, base64]) {
      const result = checked(await verify(new TextEncoder().encode(text), options));
      expect([result.format, result.indication]).toEqual(['cms', 'TOTAL-PASSED']);
    }
  });
});

describe('verify: XML', () => {
  it('verifies the generated envelope-rooted edXML (no AttachmentEncoded) as edxml with no attachment', async () => {
    const trust = createTrustStore({ anchors: [xmlFixture('generated/test-signer-selfsigned.pem')] });
    const result = checked(
      await verify(xmlFixture('generated/edxml-like-enveloped-rsa-sha256.xml'), {
        trust,
        at: new Date('2027-01-01T00:00:00Z'),
      }),
    );
    expect([result.format, result.indication, result.attachments]).toEqual(['edxml', 'TOTAL-PASSED', []]);
    expect(result.signatures[0]?.format).toBe('xmldsig');
    expect(result.message.en).toContain('No attachment');
  });

  it('verifies other XML as xmldsig, with the XMLDSig policy (SHA-1 refused)', async () => {
    const trust = createTrustStore({ anchors: [xmlFixture('xml-crypto/client_public.pem')] });
    const result = checked(await verify(xmlFixture('xml-crypto/valid_signature.xml'), { trust }));
    expect([result.format, result.indication, result.subIndication]).toEqual([
      'xmldsig',
      'INDETERMINATE',
      'CRYPTO_CONSTRAINTS_FAILURE',
    ]);
  });
});

describe('verify: bad input never throws', () => {
  it('gives INDETERMINATE/FORMAT_FAILURE for unrecognised data', async () => {
    for (const data of [new Uint8Array(), new TextEncoder().encode('hello'), Uint8Array.of(0, 1, 2, 3)]) {
      const result = checked(await verify(data, m.options));
      expect([result.format, result.indication, result.subIndication]).toEqual([
        'unknown',
        'INDETERMINATE',
        'FORMAT_FAILURE',
      ]);
      expect(result.message.vi).toContain('Không nhận dạng được định dạng');
    }
  });

  it('never passes truncated PDFs, CMS or edXML, and never throws', async () => {
    const inputs = [
      m.signedPdf,
      cmsFixture('attached.p7s'),
      xmlFixture('generated/edxml-like-enveloped-rsa-sha256.xml'),
    ];
    for (const input of inputs)
      for (const fraction of [0.1, 0.5, 0.9, 0.999]) {
        const result = checked(await verify(input.subarray(0, Math.floor(input.length * fraction)), m.options));
        expect(result.indication).not.toBe('TOTAL-PASSED');
      }
  });

  it('survives random bytes behind every format header', async () => {
    const headers = [
      '%PDF-1.7\n',
      '<?xml version="1.0"?><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">',
      '<a>',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ...headers.map((header) => new TextEncoder().encode(header)),
          Uint8Array.of(0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02),
        ),
        fc.uint8Array({ maxLength: 512 }),
        async (header, tail) => {
          const input = new Uint8Array(header.length + tail.length);
          input.set(header);
          input.set(tail, header.length);
          const result = checked(await verify(input, m.options));
          expect(result.indication).not.toBe('TOTAL-PASSED');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses input over maxBytes before reading it, with an error', async () => {
    const result = checked(await verify(m.signedPdf, { ...m.options, maxBytes: 100 }));
    expect([result.format, result.indication, result.subIndication, result.error?.code]).toEqual([
      'unknown',
      'INDETERMINATE',
      null,
      'too-large',
    ]);
  });

  it('throws SignatureError only for programmer errors', async () => {
    const code = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        return error instanceof SignatureError ? error.code : 'other';
      }
      return 'none';
    };
    expect(await code(() => verify('x' as unknown as Uint8Array, m.options))).toBe('INVALID_ARGUMENT');
    expect(await code(() => verify(m.signedPdf, undefined as never))).toBe('INVALID_ARGUMENT');
    expect(await code(() => verify(m.signedPdf, { trust: {} as never }))).toBe('INVALID_ARGUMENT');
    expect(await code(() => verify(m.signedPdf, { ...m.options, at: new Date('x') }))).toBe('INVALID_ARGUMENT');
    expect(await code(() => verify(m.signedPdf, { ...m.options, maxBytes: -1 }))).toBe('INVALID_ARGUMENT');
    expect(await code(() => verify(m.signedPdf, { ...m.options, detachedContent: 'x' as never }))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('refuses invalid options the same way whatever the input is (never a result, never another error)', async () => {
    const inputs = {
      pdf: m.signedPdf,
      'detached cms': m.reportSignature,
      edxml: xmlFixture('generated/edxml-like-enveloped-rsa-sha256.xml'),
    };
    const invalid: Record<string, Partial<Record<keyof VerifyOptions, unknown>>> = {
      'intermediates not an array': { intermediates: 'x' },
      'an intermediate that is no certificate input': { intermediates: [null] },
      'revocation not an object': { revocation: 5 },
      'a CRL that is no CRL input': { revocation: { crls: [null] } },
      'revocationPolicy unknown': { revocationPolicy: 'bogus' },
      'allowSha1 not a boolean': { allowSha1: 'yes' },
      'xml not an object': { xml: 5 },
      'xml.coverage unknown': { xml: { coverage: 'all' } },
      'cms.allowNoSignedAttributes not a boolean': { cms: { allowNoSignedAttributes: 1 } },
      'maxTotalAttachmentBytes not positive': { maxTotalAttachmentBytes: 0 },
    };
    for (const [format, input] of Object.entries(inputs))
      for (const [name, option] of Object.entries(invalid))
        await expect(
          verify(input, { ...m.options, ...option } as VerifyOptions),
          `${format}: ${name}`,
        ).rejects.toMatchObject({
          name: 'SignatureError',
          code: 'INVALID_ARGUMENT',
        });
  });
});
