/**
 * Hostile input: whatever the bytes, verifyCms answers with a result (never a throw), and never hands out content
 * that was not signed. Truncations, random bytes, huge lengths, nesting bombs, long OIDs, too many elements, and
 * random mutations of the corpus vectors (fixed seeds: failures are reproducible). Oversized inputs are refused by
 * a named cap — checked at the cap and one past it — rather than timed: wall-clock budgets are flaky on shared CI.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SignatureResultSchema } from '../model/result';
import { createTrustStore } from '../pkix';
import { concat, encode, MAX_INDEFINITE_DEPTH, MAX_OID_BYTES, oid, sequence } from './der';
import { type CmsVerification, verifyCms } from './index';
import { OID } from './oids';
import { LIMITS } from './parse';
import { CORPUS_TIME, fixture } from './testkit';

const detached = fixture('detached.p7s');
const attached = fixture('attached.p7s');
const content = fixture('content.txt');
const trust = createTrustStore({ anchors: [new TextDecoder().decode(fixture('test-signer-selfsigned.pem'))] });
const options = { trust, at: CORPUS_TIME, content } as const;

/** The result is well-formed, and signed content is only ever the original, fully verified content. */
function expectSane(result: CmsVerification): void {
  for (const signature of result.signatures) SignatureResultSchema.parse(signature);
  expect(result.message.vi.length).toBeGreaterThan(0);
  expect(result.message.en.length).toBeGreaterThan(0);
  if (result.signedContent !== undefined) {
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(Buffer.from(result.signedContent).equals(Buffer.from(content))).toBe(true);
  }
  if (result.indication === 'TOTAL-PASSED') expect(result.signatures.length).toBeGreaterThan(0);
}

/** INDETERMINATE/FORMAT_FAILURE, and when `cause` is given, the message names it (the cap that refused the input). */
async function expectFormatFailure(input: Uint8Array | string, cause?: string): Promise<CmsVerification> {
  const result = await verifyCms(input, options);
  expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE', signatures: [] });
  expectSane(result);
  if (cause !== undefined) expect(result.message.en).toContain(cause);
  return result;
}

/** A result that was not refused for `cause`: the input just inside a cap gets past it (and fails later, or not). */
async function expectNotRefusedFor(input: Uint8Array, cause: string): Promise<void> {
  const result = await verifyCms(input, options);
  expectSane(result);
  expect(result.message.en).not.toContain(cause);
}

/** `levels` indefinite-length SEQUENCEs, each closed by its end-of-contents octets. */
function indefinitelyNested(levels: number): Uint8Array {
  const bytes = new Uint8Array(levels * 4);
  for (let level = 0; level < levels; level++) bytes.set([0x30, 0x80], level * 2);
  return bytes; // the second half stays zero: the end-of-contents octets
}

const signedDataHeader = (body: Uint8Array): Uint8Array => sequence(oid(OID.signedData), encode(0xa0, body));

describe('verifyCms — hostile input', () => {
  it('truncated DER at every 50th byte is INDETERMINATE/FORMAT_FAILURE', async () => {
    for (const vector of [detached, attached]) {
      for (let cut = 0; cut < vector.length; cut += 50) await expectFormatFailure(vector.subarray(0, cut));
      await expectFormatFailure(vector.subarray(0, vector.length - 1));
    }
  });

  it('trailing garbage is refused, trailing zero padding (PDF /Contents) tolerated', async () => {
    await expectFormatFailure(concat([detached, Uint8Array.of(0x30, 0x00)]));
    const padded = await verifyCms(concat([detached, new Uint8Array(4096)]), options);
    expect(padded.indication).toBe('TOTAL-PASSED');
  });

  it('huge and malformed lengths', async () => {
    const cases = [
      [0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x06, 0x09],
      [0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
      [0x30, 0x88, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00],
      [0x30, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00],
      [0x30, 0x80, 0x06, 0x09], // indefinite, no end-of-contents
      [0x04, 0x80, 0x00, 0x00], // indefinite primitive
      [0x30, 0x81],
      [0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00], // tag number too large
      [0x30],
      [],
    ];
    for (const bytes of cases) await expectFormatFailure(Uint8Array.from(bytes));
  });

  it('a length claiming more than is present inside the structure', async () => {
    const copy = new Uint8Array(detached);
    expect([...copy.subarray(19, 22)]).toEqual([0x30, 0x82, 0x06]); // the SignedData SEQUENCE, 2-octet length
    copy[21] = 0x7f; // now about 32 KB: past the end of the data
    await expectFormatFailure(copy);
  });

  it('indefinite-length nesting bombs are refused at the nesting cap', async () => {
    const bomb = indefinitelyNested(100_000);
    await expectFormatFailure(bomb, 'nesting too deep');
    await expectFormatFailure(signedDataHeader(bomb.subarray(0, 200_000)), 'nesting too deep');
    // The cap, not the size, refuses them: one level past it is refused the same way, the cap itself is not.
    await expectFormatFailure(indefinitelyNested(MAX_INDEFINITE_DEPTH + 1), 'nesting too deep');
    await expectNotRefusedFor(indefinitelyNested(MAX_INDEFINITE_DEPTH), 'nesting too deep');
  });

  it('a 1 MB OBJECT IDENTIFIER is refused by the OID length cap; a ContentInfo type that is not an OID too', async () => {
    const oidOf = (size: number) => {
      const long = new Uint8Array(size).fill(0x81);
      long[long.length - 1] = 0x01;
      return sequence(encode(0x06, long), encode(0xa0, sequence()));
    };
    await expectFormatFailure(oidOf(1_000_000), 'bad OBJECT IDENTIFIER length');
    await expectFormatFailure(oidOf(MAX_OID_BYTES + 1), 'bad OBJECT IDENTIFIER length');
    await expectNotRefusedFor(oidOf(MAX_OID_BYTES), 'bad OBJECT IDENTIFIER length');
    await expectFormatFailure(sequence(encode(0x04, Uint8Array.of(1, 2, 3)), encode(0xa0, sequence())));
  });

  it('too many certificates or signers are refused by the element-count caps', async () => {
    const certificate = sequence(sequence(encode(0x02, Uint8Array.of(1))));
    const many = (count: number, element: Uint8Array) => new Array<Uint8Array>(count).fill(element);
    const signedData = (certificates: Uint8Array[], signers: Uint8Array[]) =>
      signedDataHeader(
        sequence(
          encode(0x02, Uint8Array.of(1)),
          encode(0x31),
          sequence(oid(OID.data)),
          encode(0xa0, ...certificates),
          encode(0x31, ...signers),
        ),
      );
    await expectFormatFailure(signedData(many(10_000, certificate), []), 'too many elements');
    await expectFormatFailure(signedData([], many(10_000, sequence())), 'too many elements');
    // The caps themselves: one past each is refused for the count, each cap itself is not.
    await expectFormatFailure(signedData(many(LIMITS.certificates + 1, certificate), []), 'too many elements');
    await expectNotRefusedFor(signedData(many(LIMITS.certificates, certificate), []), 'too many elements');
    await expectFormatFailure(signedData([], many(LIMITS.signers + 1, sequence())), 'too many elements');
    await expectNotRefusedFor(signedData([], many(LIMITS.signers, sequence())), 'too many elements');
  });

  it('not base64, not PEM, huge strings', async () => {
    await expectFormatFailure('-----BEGIN CMS-----\n@@@@\n-----END CMS-----');
    await expectFormatFailure('définitely not base64');
    await expectFormatFailure('');
    const huge = 'A'.repeat(100 * 1024 * 1024);
    const result = await verifyCms(huge, { ...options, maxBytes: 1024 });
    expect(result.subIndication).toBe('FORMAT_FAILURE');
    expect(result.message.en).toMatch(/too large/);
  });

  it('random bytes never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const result = await verifyCms(bytes, options);
        expectSane(result);
        expect(result.indication).not.toBe('TOTAL-PASSED');
      }),
      { seed: 0x5157, numRuns: 400 },
    );
  });

  it('random DER-ish structures (SEQUENCE / SET / context tags around random content) never throw', async () => {
    const element: fc.Arbitrary<Uint8Array> = fc.letrec<{ node: Uint8Array }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.uint8Array({ maxLength: 40 }).map((bytes) => encode(0x04, bytes)),
        fc.constantFrom(oid(OID.signedData), oid(OID.data), oid(OID.sha256), oid(OID.messageDigest)),
        fc
          .tuple(fc.constantFrom(0x30, 0x31, 0xa0, 0xa1), fc.array(tie('node'), { maxLength: 5 }))
          .map(([id, parts]) => encode(id, ...parts)),
      ),
    })).node;
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 6 }), async (parts) => {
        expectSane(await verifyCms(signedDataHeader(sequence(...parts)), options));
      }),
      { seed: 0x0c35, numRuns: 300 },
    );
  });

  it('random mutations of the corpus vectors never throw and never yield other content', async () => {
    const mutation = fc.record({
      vector: fc.constantFrom('detached', 'attached'),
      edits: fc.array(
        fc.record({
          at: fc.nat(),
          kind: fc.constantFrom('flip', 'set', 'delete', 'insert'),
          byte: fc.integer({ min: 0, max: 255 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ vector, edits }) => {
        let bytes = Array.from(vector === 'detached' ? detached : attached);
        for (const edit of edits) {
          const at = edit.at % Math.max(1, bytes.length);
          if (edit.kind === 'flip') bytes[at] = (bytes[at] as number) ^ (1 << (edit.byte % 8));
          else if (edit.kind === 'set') bytes[at] = edit.byte;
          else if (edit.kind === 'delete') bytes.splice(at, 1);
          else bytes.splice(at, 0, edit.byte);
        }
        const input = Uint8Array.from(bytes);
        bytes = [];
        const result = await verifyCms(input, vector === 'detached' ? options : { trust, at: CORPUS_TIME });
        expectSane(result);
      }),
      { seed: 0xbad5, numRuns: 500 },
    );
  });
});
