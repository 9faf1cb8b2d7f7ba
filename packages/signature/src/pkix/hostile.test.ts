import { readFileSync } from 'node:fs';
import { LocalizedTextSchema } from '@lienthong/report';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../test/pki';
import { MAX_CERTIFICATE_BYTES, MAX_PEM_CHARACTERS, parseCertificate, parseCertificates } from './certificate';
import { parseCrl } from './crl';
import { CERTIFICATE_DER_LIMITS, encodeOid, encodeSequence, encodeTlv } from './der';
import { describeName, readName } from './name';
import { MAX_OCSP_RESPONSE_BYTES, parseOcspResponse } from './ocsp';
import { readPemBlocks } from './pem';

/*
 * Hostile input: truncated, oversized, random, deeply nested, huge OIDs. Every parser returns a typed failure with
 * a bilingual reason — never an exception. Where a cap applies, the reason names it, and the byte where decoding
 * stopped shows that the rest of the input was never walked (no wall-clock timing: it is flaky on shared CI).
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

/** Runs a parser, asserting it does not throw, and returns its outcome. */
function safely(parse: () => Outcome): Outcome {
  let outcome: Outcome;
  try {
    outcome = parse();
  } catch (error) {
    throw new Error(`parser threw: ${String(error)}`);
  }
  if (!outcome.ok) expect(LocalizedTextSchema.safeParse(outcome.reason).success).toBe(true);
  return outcome;
}

/** The byte offset where decoding stopped, as the reason reports it ("…, at byte 92."). */
function failedAtByte(outcome: Outcome): number {
  const match = outcome.ok ? null : /, at byte (\d+)\.$/.exec(outcome.reason.en);
  if (match === null) throw new Error(`no failing byte in ${JSON.stringify(outcome)}`);
  return Number(match[1]);
}

/** Most bytes in one element header of `deeplyNested` (tag, 0x83, three length octets). */
const HEADER_BYTES = 5;

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
    for (let length = 0; length < ROOT_DER.length; length++) {
      const outcome = safely(() => parseCertificate(ROOT_DER.subarray(0, length)));
      expect(outcome.ok, `truncated to ${length} bytes`).toBe(false);
    }
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
    const outcome = safely(() => parseCertificate(huge));
    expect(outcome.ok).toBe(false);
    // The size cap answers from the length alone: the reason gives sizes, no byte where decoding failed.
    if (!outcome.ok) {
      expect(outcome.reason.en).toContain(`too large: ${huge.length} bytes, at most ${MAX_CERTIFICATE_BYTES}`);
      expect(outcome.reason.en).not.toContain('at byte');
    }
  });

  it('a 60 KB OID inside the size cap is refused by the OID cap at the OID header, its content never decoded', () => {
    const der = withHugeOid(60 * 1024);
    const outcome = safely(() => parseCertificate(der));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason.en).toContain('object identifier (OID) is too long');
      expect(outcome.reason.vi).toContain('OID');
    }
    expect(failedAtByte(outcome)).toBe(der.indexOf(0x06));
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

  it('5,000 nested SEQUENCEs are refused at the depth cap, within its first levels', () => {
    const nested = deeplyNested(5_000);
    const outcome = safely(() => parseCertificate(nested));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason.en).toContain('nested too deeply');
    // Stopped within the first maxDepth headers of a 20 KB input: the levels below were never walked.
    expect(failedAtByte(outcome)).toBeLessThan(CERTIFICATE_DER_LIMITS.maxDepth * HEADER_BYTES);
  });

  it('inputs of the wrong type give a reason', () => {
    expect(safely(() => parseCertificate(42 as never)).ok).toBe(false);
    expect(safely(() => parseCertificates(null as never)).ok).toBe(false);
  });
});

describe('hostile PEM text', () => {
  // A BEGIN pairs only with the END that follows it, found in the same single pass over the markers, so an
  // unpaired BEGIN decodes nothing. vitest's per-test timeout is the hang guard, not a performance claim.
  it('100,000 BEGIN lines without END, or one BEGIN before a megabyte of spaces, give no block at all', () => {
    const text = '-----BEGIN CERTIFICATE-----\nAAAA\n'.repeat(100_000);
    const endless = `-----BEGIN CERTIFICATE-----\n${' '.repeat(1_000_000)}!`;
    for (const input of [text, endless]) {
      // Inside the PEM size cap: it is the pairing, not the cap, that deals with them.
      expect(input.length).toBeLessThanOrEqual(MAX_PEM_CHARACTERS);
      expect(readPemBlocks(input)).toEqual({ ok: true, blocks: [] });
      const outcome = safely(() => parseCertificate(input));
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason.en).toContain('No PEM CERTIFICATE block');
    }
  });

  it('non-base64 content and mismatched labels are refused', () => {
    const bad = readPemBlocks('-----BEGIN CERTIFICATE-----\nMII*\n-----END CERTIFICATE-----\n');
    expect(bad.ok).toBe(false);
    const mismatched = readPemBlocks('-----BEGIN CERTIFICATE-----\nAAAA\n-----END X509 CRL-----\n');
    expect(mismatched.ok && mismatched.blocks).toEqual([]);
    const oversized = safely(() => parseCertificate(`${ROOT_PEM}\n${'x'.repeat(5 * 1024 * 1024)}`));
    expect(oversized.ok).toBe(false);
    if (!oversized.ok) expect(oversized.reason.en).toContain(`at most ${MAX_PEM_CHARACTERS}`);
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

  it('huge OIDs and deep nesting are refused by a cap or at the outermost element, the rest never walked', () => {
    const hugeOid = withHugeOid(1024 * 1024);
    // The CRL schema fails on the element after the OID: the OID's header is read, its megabyte never decoded.
    const crl = safely(() => parseCrl(hugeOid));
    expect(crl.ok).toBe(false);
    if (!crl.ok) {
      expect(crl.reason.en).toContain('does not match the expected ASN.1 schema');
      expect(crl.reason.en).not.toContain('OID');
    }
    const tooLarge = safely(() => parseOcspResponse(hugeOid));
    expect(tooLarge.ok).toBe(false);
    if (!tooLarge.ok) expect(tooLarge.reason.en).toContain(`at most ${MAX_OCSP_RESPONSE_BYTES}`);

    const inCap = withHugeOid(900 * 1024);
    const ocsp = safely(() => parseOcspResponse(inCap));
    expect(ocsp.ok).toBe(false);
    if (!ocsp.ok) expect(ocsp.reason.en).toContain('OID');
    expect(failedAtByte(ocsp)).toBe(inCap.indexOf(0x06));

    // A million levels (5 MB): the CRL reader sees that the outermost SEQUENCE lacks its three fields.
    const deepCrl = safely(() => parseCrl(deeplyNested(1_000_000)));
    expect(deepCrl.ok).toBe(false);
    expect(failedAtByte(deepCrl)).toBe(0);
    // 200,000 levels (1 MB): the OCSP walker stops at its depth cap, far below 64 levels.
    const deepOcsp = safely(() => parseOcspResponse(deeplyNested(200_000)));
    expect(deepOcsp.ok).toBe(false);
    if (!deepOcsp.ok) expect(deepOcsp.reason.en).toContain('nested too deeply');
    expect(failedAtByte(deepOcsp)).toBeLessThan(64 * HEADER_BYTES);
  });
});

describe('encoders used by the tests are sound', () => {
  it('encodes an OID the DER walker reads back', () => {
    expect(encodeOid('2.5.4.3')).toEqual(Uint8Array.of(0x06, 0x03, 0x55, 0x04, 0x03));
  });
});
