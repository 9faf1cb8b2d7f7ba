/** parseTstInfo on TSTInfo structures written field by field (RFC 3161 §2.4.2), optional fields included. */
import { describe, expect, it } from 'vitest';
import { digestAlgorithmDer, digestByName } from '../cms/algorithms';
import { DerError, encode, octetString, oid, sequence } from '../cms/der';
import { parseTstInfo } from './tstinfo';

const text = (s: string) => new TextEncoder().encode(s);
const integer = (...bytes: number[]) => encode(0x02, Uint8Array.from(bytes));
const imprint = sequence(digestAlgorithmDer(digestByName('sha256')), octetString(new Uint8Array(32).fill(7)));
const name = sequence(encode(0x31, sequence(oid('2.5.4.3'), encode(0x0c, text('Máy chủ dấu thời gian')))));

function tstInfo(...optional: Uint8Array[]): Uint8Array {
  return sequence(
    integer(1),
    oid('1.3.6.1.4.1.99999.3161.1'),
    imprint,
    integer(0x01, 0x23),
    encode(0x18, text('20260601080000.25Z')),
    ...optional,
  );
}

describe('parseTstInfo', () => {
  it('reads the mandatory fields', () => {
    const tst = parseTstInfo(tstInfo());
    expect(tst).toMatchObject({
      version: 1,
      policy: '1.3.6.1.4.1.99999.3161.1',
      serialNumber: '0123',
      accuracyMs: undefined,
      ordering: false,
      nonce: undefined,
      tsaName: undefined,
      criticalExtensions: [],
    });
    expect(tst.genTime.toISOString()).toBe('2026-06-01T08:00:00.250Z');
    expect(tst.messageImprint.digest?.label).toBe('SHA-256');
    expect(tst.messageImprint.hashedMessage).toEqual(new Uint8Array(32).fill(7));
  });

  it('reads accuracy (seconds, millis, micros), ordering, nonce, a directoryName tsa and critical extensions', () => {
    const accuracy = sequence(
      integer(1),
      encode(0x80, Uint8Array.of(0x01, 0xf4)),
      encode(0x81, Uint8Array.of(0x00, 0xfa)),
    );
    const extensions = encode(
      0xa1,
      sequence(oid('1.2.3.4'), Uint8Array.of(0x01, 0x01, 0xff), octetString(Uint8Array.of(0x05, 0x00))),
      sequence(oid('1.2.3.5'), octetString(Uint8Array.of(0x05, 0x00))),
    );
    const tst = parseTstInfo(
      tstInfo(
        accuracy,
        Uint8Array.of(0x01, 0x01, 0xff),
        integer(0x12, 0x34),
        encode(0xa0, encode(0xa4, name)),
        extensions,
      ),
    );
    expect(tst.accuracyMs).toBeCloseTo(1500.25, 5);
    expect(tst.ordering).toBe(true);
    expect(tst.nonce).toBe('1234');
    expect(tst.tsaName?.text).toBe('CN=Máy chủ dấu thời gian');
    expect(tst.criticalExtensions).toEqual(['1.2.3.4']);
  });

  it('notes a tsa given in another GeneralName form without reading it as a name', () => {
    const tst = parseTstInfo(tstInfo(encode(0xa0, encode(0x86, text('https://tsa.example.vn')))));
    expect(tst.tsaName).toBeUndefined();
    expect(tst.tsaNameOtherForm).toBe(true);
  });

  it('refuses what RFC 3161 does not allow', () => {
    const bad = [
      sequence(integer(2), oid('1.2.3'), imprint, integer(1), encode(0x18, text('20260601080000Z'))),
      sequence(integer(1), oid('1.2.3'), imprint, integer(1), encode(0x17, text('260601080000Z'))),
      sequence(integer(1), oid('1.2.3'), imprint, integer(1)),
      tstInfo(sequence(encode(0x80, Uint8Array.of(0x03, 0xe8)))), // millis 1000
      tstInfo(integer(1), integer(2)), // two nonces
      Uint8Array.of(0x30, 0x80, 0x00, 0x00),
    ];
    for (const der of bad) expect(() => parseTstInfo(der)).toThrow(DerError);
  });
});
