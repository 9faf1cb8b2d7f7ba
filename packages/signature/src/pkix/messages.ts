import type { LocalizedText } from '@lienthong/report';
import { DerError, type DerFailure } from './der';

export type { LocalizedText };

/** What was being decoded, for messages. */
export type DecodedThing = 'certificate' | 'name' | 'crl' | 'ocsp-response' | 'pem';

const THING: Record<DecodedThing, LocalizedText> = {
  certificate: { vi: 'chứng thư số', en: 'certificate' },
  name: { vi: 'tên phân biệt (DN)', en: 'distinguished name' },
  crl: { vi: 'danh sách thu hồi (CRL)', en: 'CRL' },
  'ocsp-response': { vi: 'phản hồi OCSP', en: 'OCSP response' },
  pem: { vi: 'khối PEM', en: 'PEM block' },
};

const DER_FAILURES: Record<DerFailure, LocalizedText> = {
  empty: { vi: 'dữ liệu rỗng', en: 'the input is empty' },
  truncated: {
    vi: 'dữ liệu bị cắt cụt (một phần tử vượt quá cuối dữ liệu)',
    en: 'the data is truncated (an element runs past the end)',
  },
  'indefinite-length': {
    vi: 'mã hóa độ dài không xác định không được phép trong DER',
    en: 'indefinite-length encoding is not allowed in DER',
  },
  'length-overflow': { vi: 'trường độ dài quá lớn', en: 'a length field is too large' },
  'tag-overflow': { vi: 'số hiệu thẻ (tag) quá lớn', en: 'a tag number is too large' },
  'nesting-too-deep': { vi: 'các phần tử lồng nhau quá sâu', en: 'the elements are nested too deeply' },
  'too-many-elements': { vi: 'quá nhiều phần tử', en: 'there are too many elements' },
  'oid-too-long': { vi: 'mã định danh đối tượng (OID) quá dài', en: 'an object identifier (OID) is too long' },
  'invalid-oid': { vi: 'mã định danh đối tượng (OID) không hợp lệ', en: 'an object identifier (OID) is malformed' },
  'unexpected-element': {
    vi: 'cấu trúc không khớp với lược đồ ASN.1 mong đợi',
    en: 'the structure does not match the expected ASN.1 schema',
  },
  'trailing-data': { vi: 'có byte thừa sau cấu trúc đã mã hóa', en: 'extra bytes follow the encoded structure' },
  'invalid-string': { vi: 'một chuỗi ký tự không hợp lệ', en: 'a character string is malformed' },
  'invalid-time': { vi: 'một giá trị ngày giờ không hợp lệ', en: 'a date/time value is malformed' },
  'invalid-integer': { vi: 'một số nguyên không hợp lệ', en: 'an INTEGER is malformed' },
  'invalid-boolean': { vi: 'một giá trị BOOLEAN không hợp lệ', en: 'a BOOLEAN is malformed' },
  'invalid-bit-string': { vi: 'một BIT STRING không hợp lệ', en: 'a BIT STRING is malformed' },
  'duplicate-extension': { vi: 'một phần mở rộng xuất hiện hai lần', en: 'an extension appears twice' },
  'invalid-extension': { vi: 'một phần mở rộng không hợp lệ', en: 'an extension is malformed' },
};

/** The reason a decoding failed, in both languages. */
export function failureReason(thing: DecodedThing, error: unknown): LocalizedText {
  const what = THING[thing];
  if (error instanceof DerError) {
    const failure = DER_FAILURES[error.failure];
    const isAboutExtension = error.failure === 'invalid-extension' || error.failure === 'duplicate-extension';
    const named = isAboutExtension && error.detail ? ` (${error.detail})` : '';
    return {
      vi: `Không giải mã được ${what.vi}: ${failure.vi}${named}, tại byte ${error.offset}.`,
      en: `The ${what.en} cannot be decoded: ${failure.en}${named}, at byte ${error.offset}.`,
    };
  }
  return {
    vi: `Không giải mã được ${what.vi}: dữ liệu không hợp lệ.`,
    en: `The ${what.en} cannot be decoded: the data is invalid.`,
  };
}

export function tooLarge(thing: DecodedThing, size: number, limit: number): LocalizedText {
  const what = THING[thing];
  return {
    vi: `${capitalise(what.vi)} quá lớn: ${size} byte, tối đa ${limit} byte.`,
    en: `The ${what.en} is too large: ${size} bytes, at most ${limit} allowed.`,
  };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Quotes a certificate label inside a message. */
export function quoted(label: string): string {
  return `“${label}”`;
}

/** A date as ISO 8601 (UTC) for messages. */
export function isoDate(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
