/** The messages of timestamp evaluation, in Vietnamese and English. */
import type { LocalizedText } from '@lienthong/report';

const t = (vi: string, en: string): LocalizedText => ({ vi, en });
const iso = (date: Date): string => date.toISOString().replace('.000Z', 'Z');

export const MSG = {
  tooLarge: (size: number, max: number) =>
    t(
      `Dấu thời gian quá lớn (${size} byte, tối đa ${max} byte).`,
      `The timestamp token is too large (${size} bytes, at most ${max} bytes).`,
    ),
  malformed: (detail: string) =>
    t(
      `Dấu thời gian (RFC 3161) không đọc được: ${detail}.`,
      `The timestamp token (RFC 3161) cannot be read: ${detail}.`,
    ),
  notTstInfo: (type: string) =>
    t(
      `Dấu thời gian không chứa TSTInfo (loại nội dung ${type}).`,
      `The timestamp token does not hold a TSTInfo (content type ${type}).`,
    ),
  signerCount: (n: number) =>
    t(
      `Dấu thời gian phải có đúng một chữ ký của máy chủ cấp dấu thời gian (TSA); có ${n}.`,
      `A timestamp token must carry exactly one signature, the TSA's; it has ${n}.`,
    ),
  tsaSignature: (detail: LocalizedText) => t(`Chữ ký của TSA: ${detail.vi}`, `TSA signature: ${detail.en}`),
  essMissing: t(
    'Chữ ký của TSA thiếu thuộc tính signing-certificate(-v2) mà RFC 3161/RFC 5816 bắt buộc.',
    'The TSA signature lacks the signing-certificate(-v2) attribute RFC 3161/RFC 5816 require.',
  ),
  tsaCertificateUnreadable: (reason: LocalizedText) =>
    t(`Không đọc được chứng thư số của TSA: ${reason.vi}`, `The TSA certificate cannot be read: ${reason.en}`),

  imprintAlgorithmUnknown: (oid: string) =>
    t(
      `Thuật toán băm của messageImprint không được hỗ trợ (${oid}).`,
      `The messageImprint digest algorithm is not supported (${oid}).`,
    ),
  imprintAlgorithmRejected: (label: string) =>
    t(
      `Thuật toán băm ${label} của messageImprint không được chấp nhận (chỉ SHA-256, SHA-384, SHA-512).`,
      `The messageImprint digest ${label} is not accepted (only SHA-256, SHA-384, SHA-512).`,
    ),
  imprintMatches: (label: string, what: LocalizedText) =>
    t(`messageImprint (${label}) khớp với ${what.vi}.`, `The messageImprint (${label}) matches ${what.en}.`),
  imprintMismatch: (what: LocalizedText) =>
    t(
      `messageImprint không khớp với ${what.vi}: dấu thời gian này được cấp cho dữ liệu khác.`,
      `The messageImprint does not match ${what.en}: this timestamp was issued for other data.`,
    ),
  criticalExtension: (oids: string) =>
    t(
      `TSTInfo có phần mở rộng quan trọng (critical) không được xử lý: ${oids}.`,
      `The TSTInfo has critical extensions that are not processed: ${oids}.`,
    ),
  genTimeAfterValidation: (genTime: Date, at: Date) =>
    t(
      `Thời điểm cấp dấu thời gian ${iso(genTime)} muộn hơn thời điểm kiểm tra ${iso(at)}.`,
      `The timestamp time ${iso(genTime)} is later than the validation time ${iso(at)}.`,
    ),
  genTimeOutsideTsaValidity: (genTime: Date, from: Date, to: Date) =>
    t(
      `Thời điểm cấp dấu thời gian ${iso(genTime)} nằm ngoài thời hạn chứng thư của TSA (${iso(from)} – ${iso(to)}).`,
      `The timestamp time ${iso(genTime)} is outside the TSA certificate's validity (${iso(from)} – ${iso(to)}).`,
    ),
  ekuMissing: t(
    'Chứng thư của TSA không có phần mở rộng extendedKeyUsage (RFC 3161 §2.3 yêu cầu id-kp-timeStamping).',
    'The TSA certificate has no extendedKeyUsage extension (RFC 3161 §2.3 requires id-kp-timeStamping).',
  ),
  ekuNotCritical: t(
    'Phần mở rộng extendedKeyUsage của chứng thư TSA không được đánh dấu critical như RFC 3161 §2.3 yêu cầu.',
    'The TSA certificate’s extendedKeyUsage extension is not critical, as RFC 3161 §2.3 requires.',
  ),
  ekuNotOnlyTimestamping: (purposes: string) =>
    t(
      `extendedKeyUsage của chứng thư TSA phải chỉ gồm id-kp-timeStamping (RFC 3161 §2.3); có: ${purposes}.`,
      `The TSA certificate’s extendedKeyUsage must be id-kp-timeStamping alone (RFC 3161 §2.3); it has: ${purposes}.`,
    ),
  ekuOk: t(
    'Chứng thư TSA có extendedKeyUsage critical, chỉ gồm id-kp-timeStamping.',
    'The TSA certificate has a critical extendedKeyUsage of id-kp-timeStamping alone.',
  ),
  tsaNameMismatch: (name: string) =>
    t(
      `Trường tsa của TSTInfo (${name}) không trùng tên chủ thể của chứng thư TSA.`,
      `The TSTInfo tsa field (${name}) differs from the TSA certificate’s subject.`,
    ),
  tsaNameOk: t(
    'Trường tsa của TSTInfo trùng tên chủ thể chứng thư TSA.',
    'The TSTInfo tsa field matches the TSA certificate’s subject.',
  ),
  chainSkipped: t(
    'Không kiểm tra chuỗi chứng thực của TSA vì chữ ký của TSA đã không hợp lệ.',
    'The TSA certification path was not validated since the TSA signature already failed.',
  ),
  chainUnavailable: (detail: string) =>
    t(
      `Không kiểm tra được chuỗi chứng thực của TSA: ${detail}.`,
      `The TSA certification path could not be validated: ${detail}.`,
    ),
  tsaPath: (detail: LocalizedText) => t(`Chứng thư TSA: ${detail.vi}`, `TSA certificate: ${detail.en}`),
  passed: (genTime: Date, tsa: string) =>
    t(
      `Dấu thời gian hợp lệ: ${tsa} xác nhận dữ liệu đã tồn tại lúc ${iso(genTime)}.`,
      `The timestamp is valid: ${tsa} attests that the data existed at ${iso(genTime)}.`,
    ),

  // At the level of the signature it belongs to.
  tooManyTimestamps: (n: number, max: number) =>
    t(
      `chữ ký mang ${n} dấu thời gian, quá giới hạn ${max}; không đánh giá.`,
      `the signature carries ${n} timestamps, over the limit of ${max}; none was evaluated.`,
    ),
  signatureValue: t('giá trị chữ ký (signature của SignerInfo)', 'the signature value (SignerInfo signature)'),
  xadesSignatureValue: t('phần tử ds:SignatureValue đã chuẩn hóa', 'the canonicalized ds:SignatureValue element'),
  timestampFailed: (index: number, count: number, reason: LocalizedText) =>
    t(
      `Dấu thời gian${count > 1 ? ` thứ ${index + 1}` : ''} của chữ ký không hợp lệ nên thời điểm ký vẫn chỉ là khai báo: ${reason.vi}`,
      `The signature timestamp${count > 1 ? ` #${index + 1}` : ''} is not valid, so the signing time remains a claim: ${reason.en}`,
    ),
  timestampProves: (genTime: Date) =>
    t(
      `Dấu thời gian tin cậy chứng minh chữ ký đã tồn tại lúc ${iso(genTime)} (bằng chứng tồn tại).`,
      `A trusted timestamp proves the signature existed at ${iso(genTime)} (proof of existence).`,
    ),
  claimedAfterTimestamp: (claimed: Date, genTime: Date) =>
    t(
      `Thời điểm ký khai báo ${iso(claimed)} muộn hơn dấu thời gian ${iso(genTime)}: khai báo không nhất quán.`,
      `The claimed signing time ${iso(claimed)} is later than the timestamp ${iso(genTime)}: the claim is inconsistent.`,
    ),
  validatedAtProof: (at: Date, genTime: Date, reason: LocalizedText) =>
    t(
      `Tại thời điểm kiểm tra ${iso(at)} chứng thư không còn dùng được (${reason.vi}); dấu thời gian chứng minh chữ ký đã có lúc ${iso(genTime)}, nên chuỗi chứng thực được kiểm tra lại tại thời điểm đó.`,
      `At the validation time ${iso(at)} the certificate is no longer usable (${reason.en}); the timestamp proves the signature existed at ${iso(genTime)}, so the path is validated again at that time.`,
    ),

  xadesUnsupported: (what: string) =>
    t(
      `SignatureTimeStamp dạng ${what} không được hỗ trợ (chỉ EncapsulatedTimeStamp DER).`,
      `A SignatureTimeStamp with ${what} is not supported (only a DER EncapsulatedTimeStamp).`,
    ),
  xadesMalformed: (detail: string) =>
    t(`Thuộc tính XAdES không hợp lệ: ${detail}.`, `The XAdES properties are malformed: ${detail}.`),
  xadesTargetMismatch: (target: string) =>
    t(
      `QualifyingProperties có Target="${target}" không trỏ tới chữ ký này.`,
      `QualifyingProperties has Target="${target}", which does not point to this signature.`,
    ),
  xadesCanonicalization: (uri: string) =>
    t(
      `Thuật toán chuẩn hóa "${uri}" của SignatureTimeStamp không được phép (chỉ c14n 1.0 hoặc exc-c14n).`,
      `The SignatureTimeStamp canonicalization "${uri}" is not allowed (only c14n 1.0 or exc-c14n).`,
    ),
} as const;
