/** The BER/DER reader and DER writer under the CMS layer, and the AlgorithmIdentifier readers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestByName, digestVerdict, readSignatureAlgorithm, signatureAlgorithmDer } from './algorithms';
import {
  children,
  DerError,
  encode,
  octetStringContent,
  oid,
  oidToString,
  readTime,
  readTlv,
  setOf,
  smallIntegerDer,
  time,
  value,
} from './der';
import { OID } from './oids';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('readTlv', () => {
  it('reads short, long and indefinite lengths', () => {
    expect(readTlv(bytes(0x04, 0x02, 1, 2), 0, 4)).toMatchObject({ id: 4, valueStart: 2, valueEnd: 4, end: 4 });
    const long = encode(0x04, new Uint8Array(300));
    expect(readTlv(long, 0, long.length)).toMatchObject({ valueStart: 4, valueEnd: 304, end: 304 });
    const ber = bytes(0x30, 0x80, 0x04, 0x01, 0x41, 0x00, 0x00);
    expect(readTlv(ber, 0, ber.length)).toMatchObject({ indefinite: true, valueStart: 2, valueEnd: 5, end: 7 });
  });

  it('reads high tag numbers', () => {
    expect(readTlv(bytes(0x9f, 0x81, 0x00, 0x00), 0, 4)).toMatchObject({ cls: 2, num: 128 });
  });

  it('refuses truncation, overlong lengths, primitive indefinite lengths and deep nesting', () => {
    const refuse = (input: Uint8Array) => expect(() => readTlv(input, 0, input.length)).toThrow(DerError);
    refuse(bytes());
    refuse(bytes(0x30));
    refuse(bytes(0x30, 0x82, 0x01));
    refuse(bytes(0x04, 0x03, 1, 2));
    refuse(bytes(0x30, 0x85, 1, 0, 0, 0, 0));
    refuse(bytes(0x04, 0x80, 0, 0));
    refuse(bytes(0x30, 0x80, 0x04, 0x00));
    refuse(bytes(0x1f, 0x80, 0x01, 0x00));
    refuse(new Uint8Array(200).map((_, i) => (i % 2 === 0 ? 0x30 : 0x80)));
  });

  it('reads segmented (BER constructed) OCTET STRINGs', () => {
    const segmented = bytes(0x24, 0x80, 0x04, 0x02, 0x61, 0x62, 0x04, 0x01, 0x63, 0x00, 0x00);
    expect(new TextDecoder().decode(octetStringContent(segmented, readTlv(segmented, 0, segmented.length)))).toBe(
      'abc',
    );
  });

  it('never throws anything but DerError on random input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (input) => {
        try {
          const tlv = readTlv(input, 0, input.length);
          if (tlv.constructed) children(input, tlv);
        } catch (error) {
          expect(error).toBeInstanceOf(DerError);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('OIDs, times, integers, SET OF', () => {
  it('round-trips OIDs, including large arcs', () => {
    for (const dotted of [OID.signedData, OID.sha256, '2.999.18446744073709551616', '0.0', '1.39']) {
      const encoded = oid(dotted);
      expect(oidToString(value(encoded, readTlv(encoded, 0, encoded.length)))).toBe(dotted);
    }
    expect(() => oidToString(new Uint8Array(65).fill(0x81))).toThrow(DerError);
    expect(() => oidToString(bytes(0x80, 0x01))).toThrow(DerError);
    expect(() => oidToString(bytes(0x2a, 0x86))).toThrow(DerError);
  });

  it('writes UTCTime before 2050 and GeneralizedTime after, and reads both back', () => {
    for (const iso of ['2026-11-22T03:20:25.000Z', '2049-12-31T23:59:59.000Z', '2050-01-01T00:00:00.000Z']) {
      const encoded = time(new Date(iso));
      const tlv = readTlv(encoded, 0, encoded.length);
      expect(tlv.id).toBe(iso < '2050' ? 0x17 : 0x18);
      expect(readTime(encoded, tlv).toISOString()).toBe(iso);
    }
    const bad = encode(0x17, new TextEncoder().encode('261332032025Z'));
    expect(() => readTime(bad, readTlv(bad, 0, bad.length))).toThrow(DerError);
  });

  it('writes minimal INTEGERs and sorted SETs', () => {
    expect([...smallIntegerDer(0)]).toEqual([2, 1, 0]);
    expect([...smallIntegerDer(128)]).toEqual([2, 2, 0, 128]);
    expect([...setOf([bytes(4, 1, 2), bytes(4, 1, 1), bytes(2, 1, 9)])]).toEqual([0x31, 9, 2, 1, 9, 4, 1, 1, 4, 1, 2]);
  });
});

describe('algorithms', () => {
  it('applies the digest policy', () => {
    expect(digestVerdict(digestByName('sha256'), false)).toBe('allowed');
    expect(digestVerdict(digestByName('sha512'), false)).toBe('allowed');
    expect(digestVerdict(digestByName('sha1'), false)).toBe('rejected');
    expect(digestVerdict(digestByName('sha1'), true)).toBe('legacy');
    expect(digestVerdict(digestByName('md5'), true)).toBe('rejected');
    expect(digestVerdict(digestByName('sha224'), true)).toBe('rejected');
  });

  it('round-trips RSASSA-PSS parameters, and defaults them to SHA-1 when absent', () => {
    const sha384 = digestByName('sha384');
    const encoded = signatureAlgorithmDer({ kind: 'rsa-pss', hash: sha384, mgfHash: sha384, saltLength: 48 });
    expect(readSignatureAlgorithm(encoded, readTlv(encoded, 0, encoded.length))).toEqual({
      ok: true,
      scheme: { kind: 'rsa-pss', hash: sha384, mgfHash: sha384, saltLength: 48 },
    });
    const bare = encode(0x30, oid(OID.rsassaPss));
    expect(readSignatureAlgorithm(bare, readTlv(bare, 0, bare.length))).toMatchObject({
      scheme: { hash: { name: 'sha1' }, mgfHash: { name: 'sha1' }, saltLength: 20 },
    });
  });

  it('reports unknown algorithms and refuses malformed parameters', () => {
    const unknown = encode(0x30, oid('1.2.3.4'));
    expect(readSignatureAlgorithm(unknown, readTlv(unknown, 0, unknown.length))).toEqual({ ok: false, oid: '1.2.3.4' });
    const withParams = encode(0x30, oid(OID.sha256WithRSAEncryption), encode(0x02, bytes(1)));
    expect(() => readSignatureAlgorithm(withParams, readTlv(withParams, 0, withParams.length))).toThrow(DerError);
    const badTrailer = encode(0x30, oid(OID.rsassaPss), encode(0x30, encode(0xa3, smallIntegerDer(2))));
    expect(() => readSignatureAlgorithm(badTrailer, readTlv(badTrailer, 0, badTrailer.length))).toThrow(DerError);
  });
});
