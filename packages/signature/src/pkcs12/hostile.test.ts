/**
 * Hostile and broken .p12 input: garbage, every truncation, byte flips, oversized input, nesting and length
 * bombs, absurd iteration counts, modes we do not implement. readPkcs12 must throw a SignatureError with a
 * PKCS12_* code and a Vietnamese and English text — never another exception, never a hang.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../test/pki';
import { encode, oid, sequence, smallIntegerDer } from '../cms/der';
import { SignatureError } from '../errors';
import { PKCS12_OID } from './oids';
import { DEFAULT_MAX_PKCS12_BYTES, readPkcs12 } from './read';
import { bagType, Pkcs12Lab, pkcs12FromBags, plainBags, withMacIterations } from './test-support';

const PKCS12_CODES = [
  'PKCS12_TOO_LARGE',
  'PKCS12_MALFORMED',
  'PKCS12_BAD_PASSWORD',
  'PKCS12_UNSUPPORTED',
  'PKCS12_NO_KEY',
  'PKCS12_NO_MATCHING_CERTIFICATE',
  'PKCS12_AMBIGUOUS_KEY',
];

/** What readPkcs12 does with `data`: 'ok' or the PKCS12_* code; anything else fails the test. */
function outcome(data: Uint8Array, password = 'x', options = {}): string {
  try {
    readPkcs12(data, password, options);
    return 'ok';
  } catch (error) {
    if (!(error instanceof SignatureError)) throw error;
    // Plain checks first: this runs thousands of times, and expect() is the slow part.
    if (!PKCS12_CODES.includes(error.code) || !error.text?.vi || error.text.en !== error.message)
      expect.fail(`unexpected error ${error.code}: ${JSON.stringify(error.text)} / ${error.message}`);
    return error.code;
  }
}

/** A small deterministic PRNG (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('readPkcs12 on hostile input', () => {
  let pki: TestPki;
  let lab: Pkcs12Lab;
  /** Cheap to attack: one iteration everywhere, so each attempt costs microseconds. */
  let withMac: Uint8Array;
  let withoutMac: Uint8Array;

  beforeAll(() => {
    pki = createTestPki();
    lab = new Pkcs12Lab(pki);
    const fast = ['-iter', '1', '-nomaciter'];
    withMac = lab.export({ signer: pki.leaves.valid, chain: [pki.intermediate], password: 'x', args: fast });
    withoutMac = lab.export({ signer: pki.leaves.valid, password: 'x', args: [...fast, '-nomac'] });
    expect(outcome(withMac)).toBe('ok');
    expect(outcome(withoutMac)).toBe('ok');
  }, 180_000);
  afterAll(() => lab?.dispose());

  it('garbage: empty, one byte, random bytes, PEM text, a certificate, a bare SEQUENCE', () => {
    expect(outcome(new Uint8Array(0))).toBe('PKCS12_MALFORMED');
    expect(outcome(Uint8Array.of(0x30))).toBe('PKCS12_MALFORMED');
    const next = random(4);
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(next() * 600) }, () => Math.floor(next() * 256));
      if (i % 2 === 0) bytes[0] = 0x30; // get past the first check now and then
      expect(outcome(bytes)).toBe('PKCS12_MALFORMED');
    }
    const pem = `-----BEGIN PKCS12-----\n${Buffer.from(withMac).toString('base64')}\n-----END PKCS12-----\n`;
    expect(outcome(new TextEncoder().encode(pem))).toBe('PKCS12_MALFORMED');
    expect(outcome(pki.leaves.valid.der)).toBe('PKCS12_MALFORMED');
    expect(outcome(Uint8Array.of(0x30, 0x00))).toBe('PKCS12_MALFORMED');
  });

  it('every truncation of a real file, and trailing data', () => {
    for (let length = 0; length < withMac.length; length++) {
      const code = outcome(withMac.subarray(0, length));
      if (code !== 'PKCS12_MALFORMED') expect.fail(`first ${length} bytes: ${code}`);
    }
    expect(outcome(Uint8Array.from([...withMac, 0]))).toBe('PKCS12_MALFORMED');
  });

  it('byte flips anywhere: a typed error (mostly the MAC, i.e. a wrong password), never a crash', () => {
    const seen = new Set<string>();
    for (const original of [withMac, withoutMac]) {
      const next = random(original.length);
      for (let i = 0; i < 150; i++) {
        const copy = original.slice();
        const at = Math.floor(next() * copy.length);
        copy[at] = (copy[at] as number) ^ (1 + Math.floor(next() * 255));
        seen.add(outcome(copy));
      }
    }
    expect(seen).toContain('PKCS12_BAD_PASSWORD');
    expect(seen).toContain('PKCS12_MALFORMED');
  });

  it('oversized input is refused before parsing (default 1 MiB, or the maxBytes option)', () => {
    expect(outcome(new Uint8Array(DEFAULT_MAX_PKCS12_BYTES + 1))).toBe('PKCS12_TOO_LARGE');
    const error = (() => {
      try {
        readPkcs12(withMac, 'x', { maxBytes: 100 });
      } catch (caught) {
        return caught as SignatureError;
      }
    })();
    expect(error?.code).toBe('PKCS12_TOO_LARGE');
    expect(error?.text?.vi).toBe(`Tệp PKCS#12 dài ${withMac.length} byte, vượt giới hạn 100 byte.`);
  });

  it('nesting and length bombs', () => {
    const deep = new Uint8Array(20_000);
    for (let i = 0; i < deep.length; i += 2) deep.set([0x30, 0x80], i);
    expect(outcome(deep)).toBe('PKCS12_MALFORMED');
    expect(outcome(Uint8Array.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x03))).toBe('PKCS12_MALFORMED');
    expect(outcome(Uint8Array.of(0x30, 0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9))).toBe('PKCS12_MALFORMED');
    const hugeOid = sequence(smallIntegerDer(3), sequence(encode(0x06, new Uint8Array(10_000).fill(0x81))));
    expect(outcome(hugeOid)).toBe('PKCS12_MALFORMED');
  });

  it('iteration counts over the cap are refused before any hashing', () => {
    expect(outcome(withMacIterations(withMac, 0x7fffffff))).toBe('PKCS12_UNSUPPORTED');
    const normal = lab.export({ signer: pki.leaves.valid, password: 'x' }); // 2048 iterations
    expect(outcome(normal, 'x', { maxIterations: 1000 })).toBe('PKCS12_UNSUPPORTED');
    expect(outcome(normal, 'x', { maxIterations: 2048 })).toBe('ok');
  });

  it('the iterations of all key derivations together are capped too: many keys under the cap each do not hang', () => {
    // One PBES2-protected key (1000 iterations) and the certificate, unencrypted, no MAC: then the key bag forty times.
    const file = lab.export({
      signer: pki.leaves.valid,
      password: 'x',
      args: ['-iter', '1000', '-certpbe', 'NONE', '-nomac'],
    });
    const bags = plainBags(file);
    const key = bags.find((bag) => bagType(bag) === PKCS12_OID.pkcs8ShroudedKeyBag) as Uint8Array;
    const certificate = bags.find((bag) => bagType(bag) === PKCS12_OID.certBag) as Uint8Array;
    expect(outcome(pkcs12FromBags([certificate, key]), 'x', { maxIterations: 1000 })).toBe('ok');
    const manyKeys = pkcs12FromBags([certificate, ...Array.from({ length: 40 }, () => key)]);
    expect(outcome(manyKeys, 'x', { maxIterations: 1000 })).toBe('PKCS12_UNSUPPORTED');
    try {
      readPkcs12(manyKeys, 'x', { maxIterations: 1000 });
    } catch (error) {
      expect((error as SignatureError).text?.en).toContain('in all');
      expect((error as SignatureError).text?.vi).toContain('tổng cộng');
    }
  });

  it('options that are not an object are programmer errors (INVALID_ARGUMENT), not a crash', () => {
    for (const options of [null, 5, { maxBytes: -1 }, { maxIterations: 'many' }, { friendlyName: 7 }]) {
      try {
        readPkcs12(withMac, 'x', options as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(SignatureError);
        expect((error as SignatureError).code).toBe('INVALID_ARGUMENT');
      }
    }
  });

  it('modes and algorithms we do not implement: public-key integrity, PBMAC1, RC4, enveloped contents', () => {
    const signedDataPfx = sequence(smallIntegerDer(3), sequence(oid(PKCS12_OID.signedData), encode(0xa0, sequence())));
    expect(outcome(signedDataPfx)).toBe('PKCS12_UNSUPPORTED');

    // PBMAC1 (RFC 9579) in place of the MAC digest algorithm.
    const sha256 = Buffer.from(oid('2.16.840.1.101.3.4.2.1'));
    const pbmac1 = Buffer.from(oid(PKCS12_OID.pbmac1));
    const modern = Buffer.from(lab.export({ signer: pki.leaves.valid, password: 'x', args: ['-iter', '1'] }));
    const macAt = modern.lastIndexOf(sha256);
    expect(macAt).toBeGreaterThan(0);
    const withPbmac1 = Buffer.concat([modern.subarray(0, macAt), pbmac1, modern.subarray(macAt + sha256.length)]);
    expect(withPbmac1.length).toBe(modern.length); // same OID length: the structure stays sound
    expect(outcome(withPbmac1)).toBe('PKCS12_UNSUPPORTED');

    // The key's pbeWithSHAAnd3-KeyTripleDES-CBC renamed pbeWithSHAAnd128BitRC4 (…12.1.3 → …12.1.1); no MAC to break.
    const tripleDes = Buffer.from(oid(PKCS12_OID.pbeWithSHAAnd3KeyTripleDESCBC));
    const rc4 = Buffer.from(oid(PKCS12_OID.pbeWithSHAAnd128BitRC4));
    const legacy = Buffer.from(
      lab.export({
        signer: pki.leaves.valid,
        password: 'x',
        args: ['-iter', '1', '-keypbe', 'PBE-SHA1-3DES', '-nomac'], // -iter after -nomac would bring the MAC back
      }),
    );
    const at = legacy.indexOf(tripleDes);
    expect(at).toBeGreaterThan(0);
    const withRc4 = Buffer.concat([legacy.subarray(0, at), rc4, legacy.subarray(at + tripleDes.length)]);
    expect(outcome(withRc4)).toBe('PKCS12_UNSUPPORTED');

    const envelopedAuthSafe = sequence(sequence(oid(PKCS12_OID.envelopedData), encode(0xa0, sequence())));
    const envelopedPfx = sequence(
      smallIntegerDer(3),
      sequence(oid(PKCS12_OID.data), encode(0xa0, encode(0x04, envelopedAuthSafe))),
    );
    expect(outcome(envelopedPfx)).toBe('PKCS12_UNSUPPORTED');
  });

  it('arguments of the wrong type are programmer errors (INVALID_ARGUMENT)', () => {
    for (const [data, password] of [
      ['not bytes', 'x'],
      [withMac, 42],
      [null, 'x'],
    ] as const) {
      try {
        readPkcs12(data as unknown as Uint8Array, password as unknown as string);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(SignatureError);
        expect((error as SignatureError).code).toBe('INVALID_ARGUMENT');
      }
    }
  });
});
