/*
 * The Vietnamese and English texts of every PKCS#12 failure, and the one way to throw them: a SignatureError
 * whose message is the English text and whose `text` carries both (a CLI shows the Vietnamese one).
 */
import type { LocalizedText } from '@lienthong/report';
import { SignatureError, type SignatureErrorCode } from '../errors';

type Pkcs12Code = Extract<SignatureErrorCode, `PKCS12_${string}`>;

export function pkcs12Error(code: Pkcs12Code, text: LocalizedText, cause?: unknown): SignatureError {
  return new SignatureError(code, text.en, { cause, text });
}

export const PKCS12_TEXT = {
  tooLarge: (size: number, max: number): LocalizedText => ({
    vi: `Tệp PKCS#12 dài ${size} byte, vượt giới hạn ${max} byte.`,
    en: `The PKCS#12 file is ${size} bytes, over the limit of ${max} bytes.`,
  }),
  malformed: (detail: string): LocalizedText => ({
    vi: `Dữ liệu không phải là một tệp PKCS#12 (.p12/.pfx) đọc được (${detail}).`,
    en: `Not a readable PKCS#12 (.p12/.pfx) file (${detail}).`,
  }),
  badPassword: (): LocalizedText => ({
    vi: 'Mật khẩu của tệp PKCS#12 không đúng.',
    en: 'Wrong password for the PKCS#12 file.',
  }),
  unsupported: (what: string): LocalizedText => ({
    vi: `Tệp PKCS#12 dùng ${what}, chưa được hỗ trợ.`,
    en: `The PKCS#12 file uses ${what}, which is not supported.`,
  }),
  tooManyIterations: (iterations: number, max: number): LocalizedText => ({
    vi: `Tệp PKCS#12 yêu cầu ${iterations} vòng lặp dẫn xuất khóa, vượt giới hạn ${max} (tùy chọn maxIterations).`,
    en: `The PKCS#12 file asks for ${iterations} key-derivation iterations, over the limit of ${max} (option maxIterations).`,
  }),
  tooManyIterationsInAll: (max: number, derivations: number): LocalizedText => ({
    vi: `Tệp PKCS#12 yêu cầu tổng cộng hơn ${derivations} × ${max} vòng lặp dẫn xuất khóa (nhiều khóa hoặc nhiều phần mã hóa), vượt giới hạn (tùy chọn maxIterations).`,
    en: `The PKCS#12 file asks for more than ${derivations} × ${max} key-derivation iterations in all (many keys or encrypted contents), over the limit (option maxIterations).`,
  }),
  noKey: (): LocalizedText => ({
    vi: 'Tệp PKCS#12 không chứa khóa bí mật nào.',
    en: 'The PKCS#12 file holds no private key.',
  }),
  noKeyNamed: (name: string): LocalizedText => ({
    vi: `Tệp PKCS#12 không chứa khóa bí mật nào có tên “${name}”.`,
    en: `The PKCS#12 file holds no private key named “${name}”.`,
  }),
  noMatchingCertificate: (certificates: number): LocalizedText => ({
    vi: `Tệp PKCS#12 không chứa chứng thư số của khóa bí mật (trong tệp có ${certificates} chứng thư số khác).`,
    en: `The PKCS#12 file holds no certificate for its private key (it holds ${certificates} other certificates).`,
  }),
  ambiguousKey: (names: readonly string[]): LocalizedText => ({
    vi: `Tệp PKCS#12 chứa ${names.length} khóa bí mật có chứng thư số; chọn một bằng tùy chọn friendlyName (${names.join(', ')}).`,
    en: `The PKCS#12 file holds ${names.length} private keys with certificates; pick one with the friendlyName option (${names.join(', ')}).`,
  }),
};
