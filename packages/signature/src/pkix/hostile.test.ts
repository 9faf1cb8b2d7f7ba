import { readFileSync } from 'node:fs';
import { LocalizedTextSchema } from '@lienthong/report';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../test/pki';
import { MAX_CERTIFICATE_BYTES, parseCertificate, parseCertificates } from './certificate';
import { parseCrl } from './crl';
import { encodeOid, encodeSequence, encodeTlv } from './der';
import { describeName, readName } from './name';
import { parseOcspResponse } from './ocsp';
import { readPemBlocks } from './pem';

/*
 * Hostile input: truncated, oversized, random, deeply nested, huge OIDs. Every parser returns a typed failure with
 * a bilingual reason — never an exception — and quickly.
 */

const ROOT_PEM = readFileSync(
  new URL('../../test/fixtures/pkix/vn-trust-anchors/rootcag2.pem', import.meta.url),
  'utf8',
);
const ROOT_DER = (() => {
  const parsed = parseCertificate(ROOT_PEM);
  if (!parsed.ok) throw new Error(parsed.reason.en);
  return parsed.certificate.der;
})();

type Outcome = { ok: true } | { ok: false; reason: { vi: string; en: string } };

/** Runs a parser, asserting it neither throws nor takes long, and returns its outcome. */
function safely(parse: () => Outcome, budgetMs = 250): Outcome {
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = parse();
  } catch (error) {
    throw new Error(`parser threw: ${String(error)}`);
  }
  const elapsed = performance.now() - started;
  expect(elapsed).toBeLessThan(budgetMs);
  if (!outcome.ok) expect(LocalizedTextSchema.safeParse(outcome.reason).success).toBe(true);
  return outcome;
}

/** A certificate-shaped SEQUENCE carrying an OID with `size` content bytes. */
function withHugeOid(size: number): Uint8Array {
  const oid = new Uint8Array(size).fill(0x81);
  oid[0] = 0x2a;
  oid[size - 1] = 0x01;
  return encodeSequence(encodeSequence(encodeTlv(0x06, oid)), encodeSequence(), Uint8Array.of(0x03, 0x01, 0x00));
}

/** `depth` nested SEQUENCEs around a NULL, built in one buffer (headers computed inside out). */
function deeplyNested(depth: number): Uint8Array {
  const header = (length: number) =>
    length < 0x80
      ? [0x30, length]
      : length < 0x100
        ? [0x30, 0x81, length]
        : length < 0x10000
          ? [0x30, 0x82, length >> 8, length & 0xff]
          : [0x30, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  const headers: number[][] = [];
  let length = 2;
  for (let level = 0; level < depth; level++) {
    const bytes = header(length);
    headers.push(bytes);
    length += bytes.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const bytes of headers.reverse()) {
    out.set(bytes, offset);
    offset += bytes.length;
  }
  out.set([0x05, 0x00], offset);
  return out;
}

describe('hostile certificates', () => {
  it('every truncation of a real certificate fails with a reason', () => {
    const started = performance.now();
    for (let length = 0; length < ROOT_DER.length; length++) {
      const outcome = safely(() => parseCertificate(ROOT_DER.subarray(0, length)));
      expect(outcome.ok, `truncated to ${length} bytes`).toBe(false);
    }
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('random bytes fail with a reason', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        expect(safely(() => parseCertificate(bytes)).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('random corruptions of a real certificate never throw', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: ROOT_DER.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          const der = new Uint8Array(ROOT_DER);
          for (const [offset, value] of edits) der[offset] = value;
          safely(() => parseCertificate(der));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a 1 MB OID is refused by the size cap before parsing', () => {
    const huge = withHugeOid(1024 * 1024);
    const outcome = safely(() => parseCertificate(huge), 50);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason.en).toContain(`at most ${MAX_CERTIFICATE_BYTES}`);
  });

  it('a 60 KB OID inside the size cap is refused by the OID cap', () => {
    const outcome = safely(() => parseCertificate(withHugeOid(60 * 1024)), 50);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason.en).toContain('object identifier (OID) is too long');
      expect(outcome.reason.vi).toContain('OID');
    }
  });

  it('deep nesting, absurd lengths, indefinite lengths and empty input fail with reasons', () => {
    const cases: [Uint8Array, string][] = [
      [deeplyNested(10_000).subarray(0, 20_000), 'truncated'],
      [deeplyNested(5_000), 'nested too deeply'],
      [Uint8Array.of(0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x00), 'truncated'],
      [Uint8Array.of(0x30, 0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9), 'length field is too large'],
      [Uint8Array.of(0x30, 0x80, 0x05, 0x00, 0x00, 0x00), 'indefinite-length'],
      [new Uint8Array(0), 'empty'],
    ];
    for (const [bytes, expected] of cases) {
      const outcome = safely(() => parseCertificate(bytes));
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason.en).toContain(expected);
    }
  });

  it('inputs of the wrong type give a reason', () => {
    expect(safely(() => parseCertificate(42 as never)).ok).toBe(false);
    expect(safely(() => parseCertificates(null as never)).ok).toBe(false);
  });
});

describe('hostile PEM text', () => {
  it('many BEGIN lines without END stay linear', () => {
    const text = '-----BEGIN CERTIFICATE-----\nAAAA\n'.repeat(100_000);
    expect(safely(() => parseCertificate(text), 1000).ok).toBe(false);
    const endless = `-----BEGIN CERTIFICATE-----\n${' '.repeat(1_000_000)}!`;
    expect(safely(() => parseCertificate(endless), 1000).ok).toBe(false);
  });

  it('non-base64 content and mismatched labels are refused', () => {
    const bad = readPemBlocks('-----BEGIN CERTIFICATE-----\nMII*\n-----END CERTIFICATE-----\n');
    expect(bad.ok).toBe(false);
    const mismatched = readPemBlocks('-----BEGIN CERTIFICATE-----\nAAAA\n-----END X509 CRL-----\n');
    expect(mismatched.ok && mismatched.blocks).toEqual([]);
    expect(safely(() => parseCertificate(`${ROOT_PEM}\n${'x'.repeat(5 * 1024 * 1024)}`)).ok).toBe(false);
  });
});

describe('hostile names', () => {
  it('describeName never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        expect(describeName(bytes).attributes).toBeInstanceOf(Array);
      }),
      { numRuns: 300 },
    );
    expect(readName(deeplyNested(3_000)).ok).toBe(false);
    const hugeOidName = encodeSequence(encodeTlv(0x31, encodeSequence(withHugeOid(8 * 1024), encodeTlv(0x0c))));
    expect(safely(() => readName(hugeOidName)).ok).toBe(false);
  });
});

describe('hostile CRLs and OCSP responses', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = createTestPki();
  }, 180_000);

  it('every truncation of a real CRL and OCSP response fails with a reason', () => {
    const crl = pki.crls.intermediate.der;
    for (let length = 0; length < crl.length; length++)
      expect(safely(() => parseCrl(crl.subarray(0, length))).ok, `CRL truncated to ${length}`).toBe(false);
    const ocsp = pki.ocsp.validByResponder.der;
    for (let length = 0; length < ocsp.length; length++)
      expect(safely(() => parseOcspResponse(ocsp.subarray(0, length))).ok, `OCSP truncated to ${length}`).toBe(false);
  });

  it('random bytes and corruptions never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        safely(() => parseCrl(bytes));
        safely(() => parseOcspResponse(bytes));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.integer({ min: 0, max: 255 }), (position, value) => {
        const crl = new Uint8Array(pki.crls.intermediate.der);
        crl[position % crl.length] = value;
        safely(() => parseCrl(crl));
        const ocsp = new Uint8Array(pki.ocsp.validByResponder.der);
        ocsp[position % ocsp.length] = value;
        safely(() => parseOcspResponse(ocsp));
      }),
      { numRuns: 300 },
    );
  });

  it('huge OIDs and deep nesting are refused quickly', () => {
    const hugeOid = withHugeOid(1024 * 1024);
    expect(safely(() => parseCrl(hugeOid), 100).ok).toBe(false);
    expect(safely(() => parseOcspResponse(hugeOid), 100).ok).toBe(false);
    const inCap = withHugeOid(900 * 1024);
    const ocsp = safely(() => parseOcspResponse(inCap), 100);
    expect(ocsp.ok).toBe(false);
    if (!ocsp.ok) expect(ocsp.reason.en).toContain('OID');
    const deepCrl = deeplyNested(1_000_000);
    expect(safely(() => parseCrl(deepCrl)).ok).toBe(false);
    const deepOcsp = deeplyNested(200_000);
    const outcome = safely(() => parseOcspResponse(deepOcsp));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason.en).toContain('nested too deeply');
  });
});

describe('encoders used by the tests are sound', () => {
  it('encodes an OID the DER walker reads back', () => {
    expect(encodeOid('2.5.4.3')).toEqual(Uint8Array.of(0x06, 0x03, 0x55, 0x04, 0x03));
  });
});
