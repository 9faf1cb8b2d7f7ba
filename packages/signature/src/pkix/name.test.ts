import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../test/pki';
import { DistinguishedNameSchema, IdentifierSchema } from '../model/result';
import { parseCertificate } from './certificate';
import { encodeOid, encodeSequence, encodeTlv } from './der';
import { describeName, identifiersOf, namesMatch, readName } from './name';

/** A Name from [oid, string tag, value] RDNs; an inner array is a multi-valued RDN. */
function encodeName(rdns: ([string, number, string] | [string, number, string][])[]): Uint8Array {
  const attribute = ([oid, tag, value]: [string, number, string]) => {
    const bytes = tag === 0x1e ? Buffer.from(value, 'utf16le').swap16() : Buffer.from(value, 'utf8');
    return encodeSequence(encodeOid(oid), encodeTlv(tag, bytes));
  };
  return encodeSequence(
    ...rdns.map((rdn) =>
      encodeTlv(
        0x31,
        ...(Array.isArray(rdn[0]) ? (rdn as [string, number, string][]) : [rdn as [string, number, string]]).map(
          attribute,
        ),
      ),
    ),
  );
}

const CN = '2.5.4.3';
const O = '2.5.4.10';
const C = '2.5.4.6';
const UID = '0.9.2342.19200300.100.1.1';
const ORGANIZATION_IDENTIFIER = '2.5.4.97';
const UTF8 = 0x0c;
const PRINTABLE = 0x13;
const BMP = 0x1e;

describe('describeName', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = createTestPki();
  }, 180_000);

  it('reads a Vietnamese subject structurally, in certificate order, with repeated UIDs', () => {
    const parsed = parseCertificate(pki.leaves.valid.der);
    if (!parsed.ok) throw new Error(parsed.reason.en);
    const subject = parsed.certificate.info.subject;
    expect(DistinguishedNameSchema.parse(subject)).toEqual(subject);
    expect(subject.attributes.map((attribute) => `${attribute.name}=${attribute.value}`)).toEqual([
      'C=VN',
      'ST=Nghệ An',
      'L=Thành phố Vinh',
      'O=UBND tỉnh Nghệ An',
      'OU=Văn phòng',
      'CN=Nguyễn Văn A',
      'UID=MST:0101234567',
      'UID=CCCD:001234567890',
      'UID=MNS:1047665',
    ]);
    expect(subject.text).toBe(
      'UID=MNS:1047665, UID=CCCD:001234567890, UID=MST:0101234567, CN=Nguyễn Văn A, OU=Văn phòng, O=UBND tỉnh Nghệ An, L=Thành phố Vinh, ST=Nghệ An, C=VN',
    );
    expect(parsed.certificate.info.identifiers).toEqual([
      { type: 'MST', value: '0101234567', source: 'UID=MST:0101234567' },
      { type: 'CCCD', value: '001234567890', source: 'UID=CCCD:001234567890' },
      { type: 'MNS', value: '1047665', source: 'UID=MNS:1047665' },
    ]);
  });

  it('keeps a quoted comma inside CN, a multi-valued RDN and organizationIdentifier', () => {
    const parsed = parseCertificate(pki.leaves.organisation.pem);
    if (!parsed.ok) throw new Error(parsed.reason.en);
    const { subjectName } = parsed.certificate;
    // DER sorts the values of a SET, so the shorter encoding comes first.
    expect(subjectName.rdns.at(-1)?.map((attribute) => attribute.value)).toEqual(['MNS:1047665', 'MST:0400260612']);
    const commonName = subjectName.name.attributes.find((attribute) => attribute.name === 'CN');
    expect(commonName?.value).toBe('Nguyễn Văn B, A101.0001 - 003848/HCM-CCHN');
    expect(subjectName.name.text).toBe(
      'UID=MNS:1047665+UID=MST:0400260612, CN=Nguyễn Văn B\\, A101.0001 - 003848/HCM-CCHN, organizationIdentifier=VATVN-0400260612, O=ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG, L=Đà Nẵng, C=VN',
    );
    expect(parsed.certificate.info.identifiers).toEqual([
      { type: 'organizationIdentifier', value: 'VATVN-0400260612', source: 'organizationIdentifier=VATVN-0400260612' },
      { type: 'MST', value: '0400260612', source: 'organizationIdentifier=VATVN-0400260612' },
      { type: 'MNS', value: '1047665', source: 'UID=MNS:1047665' },
      { type: 'MST', value: '0400260612', source: 'UID=MST:0400260612' },
    ]);
  });

  it('decodes BMPString and PrintableString values and escapes RFC 4514 specials for display', () => {
    const name = describeName(
      encodeName([
        [C, PRINTABLE, 'VN'],
        [O, BMP, 'Bộ Tài chính'],
        [CN, UTF8, ' #a+b;c<d>"e\\ '],
      ]),
    );
    expect(name.attributes.map((attribute) => attribute.value)).toEqual(['VN', 'Bộ Tài chính', ' #a+b;c<d>"e\\ ']);
    expect(name.text).toBe('CN=\\ #a\\+b\\;c\\<d\\>\\"e\\\\\\ , O=Bộ Tài chính, C=VN');
  });

  it('shows a non-string attribute value as RFC 4514 hex and names unknown attribute types by OID', () => {
    const der = encodeSequence(encodeTlv(0x31, encodeSequence(encodeOid('1.2.3.4'), Uint8Array.of(0x02, 0x01, 0x05))));
    expect(describeName(der)).toEqual({
      attributes: [{ oid: '1.2.3.4', name: '1.2.3.4', value: '#020105' }],
      text: '1.2.3.4=#020105',
    });
  });

  it('gives an empty name, not an exception, for malformed input', () => {
    expect(describeName(Uint8Array.of(0x30, 0x05, 0x31))).toEqual({ attributes: [], text: '(malformed name)' });
    const result = readName(Uint8Array.of(0x31, 0x00));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.vi).toContain('Không giải mã được');
  });
});

describe('namesMatch', () => {
  it('matches after NFC normalisation, case folding and whitespace collapsing, across string types', () => {
    const composed = readName(
      encodeName([
        [C, PRINTABLE, 'VN'],
        [CN, UTF8, 'Nguyễn Văn A'],
      ]),
    );
    const decomposed = readName(
      encodeName([
        [C, UTF8, 'vn'],
        [CN, BMP, '  NGUYỄN   VĂN A '.normalize('NFD')],
      ]),
    );
    if (!composed.ok || !decomposed.ok) throw new Error('fixture');
    expect(namesMatch(composed.name, decomposed.name)).toBe(true);
  });

  it('treats a multi-valued RDN as a set, but never merges separate RDNs', () => {
    const ab = readName(
      encodeName([
        [
          [UID, UTF8, 'MST:1'],
          [UID, UTF8, 'MNS:2'],
        ],
      ]),
    );
    const ba = readName(
      encodeName([
        [
          [UID, UTF8, 'MNS:2'],
          [UID, UTF8, 'MST:1'],
        ],
      ]),
    );
    const separate = readName(
      encodeName([
        [UID, UTF8, 'MST:1'],
        [UID, UTF8, 'MNS:2'],
      ]),
    );
    if (!ab.ok || !ba.ok || !separate.ok) throw new Error('fixture');
    expect(namesMatch(ab.name, ba.name)).toBe(true);
    expect(namesMatch(ab.name, separate.name)).toBe(false);
  });
});

describe('identifiersOf', () => {
  it('reads every UID prefix case-insensitively and keeps the value as written', () => {
    const name = describeName(
      encodeName([
        [UID, UTF8, 'mst:0100686209-199'],
        [UID, UTF8, 'CCCD: 001234567890'],
        [UID, UTF8, 'CMND:123456789'],
        [UID, UTF8, 'Hc:B1234567'],
        [UID, UTF8, 'MNS:1047665'],
        [UID, UTF8, 'khác-123'],
        [ORGANIZATION_IDENTIFIER, UTF8, 'MST:0400260612'],
        [CN, UTF8, 'MST:9999999999'],
      ]),
    );
    const identifiers = identifiersOf(name);
    for (const identifier of identifiers) IdentifierSchema.parse(identifier);
    expect(identifiers.map(({ type, value }) => `${type} ${value}`)).toEqual([
      'MST 0100686209-199',
      'CCCD 001234567890',
      'CMND 123456789',
      'HC B1234567',
      'MNS 1047665',
      'other khác-123',
      'organizationIdentifier MST:0400260612',
      'MST 0400260612',
    ]);
    expect(identifiers[0]?.source).toBe('UID=mst:0100686209-199');
  });
});
