/** The messages of the CMS verifier, in Vietnamese and English. */
import type { LocalizedText } from '@lienthong/report';

const t = (vi: string, en: string): LocalizedText => ({ vi, en });

export const MSG = {
  tooLarge: (size: number, max: number) =>
    t(
      `Dữ liệu CMS quá lớn (${size} byte, tối đa ${max} byte).`,
      `The CMS data is too large (${size} bytes, at most ${max} bytes).`,
    ),
  notPem: t('Chuỗi CMS không phải PEM hay base64 hợp lệ.', 'The CMS string is not valid PEM or base64.'),
  malformed: (detail: string) =>
    t(`Cấu trúc CMS không hợp lệ: ${detail}.`, `The CMS structure is malformed: ${detail}.`),
  notSignedData: (type: string) =>
    t(
      `Tệp CMS không chứa dữ liệu đã ký (SignedData); loại nội dung là ${type}.`,
      `The CMS does not hold SignedData; its content type is ${type}.`,
    ),
  noSigners: t('Tệp CMS không có chữ ký nào (không có SignerInfo).', 'The CMS carries no signature (no SignerInfo).'),
  detachedWithoutContent: t(
    'Chữ ký tách rời (detached) nhưng không có nội dung được cung cấp để kiểm tra.',
    'The signature is detached but no content was supplied to check it against.',
  ),
  attachedDiffers: t(
    'Tệp CMS chứa nội dung riêng, khác với nội dung được cung cấp.',
    'The CMS carries its own content, which differs from the supplied content.',
  ),
  attachedWithDigest: t(
    'Tệp CMS chứa nội dung riêng, nhưng chỉ có giá trị băm của một nội dung tách rời được cung cấp.',
    'The CMS carries its own content, but only the digest of detached content was supplied.',
  ),
  contentDigestSupplied: t(
    'Nội dung tách rời được cung cấp dưới dạng giá trị băm.',
    'Detached content supplied as its digest.',
  ),
  contentFound: (kind: 'attached' | 'detached', size: number) =>
    kind === 'attached'
      ? t(`Nội dung đính kèm trong CMS (${size} byte).`, `Content attached in the CMS (${size} bytes).`)
      : t(`Nội dung tách rời được cung cấp (${size} byte).`, `Detached content supplied (${size} bytes).`),

  digestUnknown: (oid: string) =>
    t(`Thuật toán băm không được hỗ trợ (${oid}).`, `Unsupported digest algorithm (${oid}).`),
  digestRejected: (label: string) =>
    t(
      `Thuật toán băm ${label} không được chấp nhận (chỉ SHA-256, SHA-384, SHA-512).`,
      `Digest algorithm ${label} is not accepted (only SHA-256, SHA-384, SHA-512).`,
    ),
  digestLegacy: (label: string) =>
    t(
      `Thuật toán băm ${label} đã lỗi thời, chỉ được chấp nhận vì được cho phép rõ ràng (allowSha1).`,
      `Digest algorithm ${label} is obsolete, accepted only because it was explicitly allowed (allowSha1).`,
    ),
  digestAllowed: (label: string) => t(`Thuật toán băm ${label}.`, `Digest algorithm ${label}.`),
  signatureAlgorithmUnknown: (oid: string) =>
    t(`Thuật toán chữ ký không được hỗ trợ (${oid}).`, `Unsupported signature algorithm (${oid}).`),
  algorithmsInconsistent: (a: string, b: string) =>
    t(
      `Thuật toán băm của chữ ký (${a}) khác thuật toán băm khai báo (${b}).`,
      `The signature algorithm's digest (${a}) differs from the declared digest algorithm (${b}).`,
    ),
  pssMgfUnsupported: (mgf: string, hash: string) =>
    t(
      `RSASSA-PSS với MGF1 ${mgf} khác hàm băm ${hash} không được hỗ trợ.`,
      `RSASSA-PSS with MGF1 ${mgf} differing from the hash ${hash} is not supported.`,
    ),

  signerCertificateMissing: t(
    'Không tìm thấy chứng thư số của người ký (theo SignerIdentifier) trong tệp CMS hay trong các chứng thư được cung cấp.',
    'The signer certificate (by SignerIdentifier) is neither in the CMS nor among the supplied certificates.',
  ),
  signerCertificateFound: (where: 'embedded' | 'supplied') =>
    where === 'embedded'
      ? t('Đã tìm thấy chứng thư số của người ký trong tệp CMS.', 'The signer certificate was found in the CMS.')
      : t(
          'Đã tìm thấy chứng thư số của người ký trong các chứng thư được cung cấp.',
          'The signer certificate was found among the supplied certificates.',
        ),
  signerCertificateUnreadable: (reason: string) =>
    t(`Không đọc được chứng thư số của người ký: ${reason}.`, `The signer certificate cannot be read: ${reason}.`),
  keyUnsupported: (label: string) =>
    t(`Loại khóa công khai không được hỗ trợ (${label}).`, `Unsupported public key type (${label}).`),
  keyTooWeak: (label: string) =>
    t(
      `Khóa ${label} không đạt yêu cầu (RSA tối thiểu 2048 bit, ECDSA P-256 trở lên).`,
      `Key ${label} does not meet the policy (RSA at least 2048 bits, ECDSA P-256 or stronger).`,
    ),
  keyOk: (label: string) => t(`Khóa ${label}.`, `Key ${label}.`),
  keySchemeMismatch: (key: string, scheme: string) =>
    t(`Khóa ${key} không thể tạo chữ ký ${scheme}.`, `A ${key} key cannot make ${scheme} signatures.`),

  attributeMissing: (name: string) =>
    t(`Thiếu thuộc tính ký bắt buộc ${name}.`, `The mandatory signed attribute ${name} is missing.`),
  attributeRepeated: (name: string) =>
    t(
      `Thuộc tính ký ${name} xuất hiện nhiều lần hoặc có nhiều giá trị.`,
      `The signed attribute ${name} occurs more than once or has several values.`,
    ),
  attributeMalformed: (name: string) =>
    t(`Thuộc tính ký ${name} không hợp lệ.`, `The signed attribute ${name} is malformed.`),
  contentTypeMismatch: (signed: string, actual: string) =>
    t(
      `Thuộc tính content-type (${signed}) khác loại nội dung của CMS (${actual}).`,
      `The content-type attribute (${signed}) differs from the CMS content type (${actual}).`,
    ),
  contentTypeOk: t('Thuộc tính content-type khớp loại nội dung.', 'The content-type attribute matches.'),
  digestMismatch: t(
    'Giá trị băm của nội dung không khớp thuộc tính message-digest: nội dung đã bị thay đổi sau khi ký.',
    'The content digest does not match the message-digest attribute: the content was changed after signing.',
  ),
  digestOk: t('Giá trị băm của nội dung khớp thuộc tính message-digest.', 'The content digest matches message-digest.'),
  noSignedAttributes: t(
    'Chữ ký không có thuộc tính ký (signedAttrs): không gắn thời điểm ký hay chứng thư ký; không được chấp nhận theo chính sách.',
    'The signature has no signed attributes (no signing-time or signing-certificate binding); the policy does not accept it.',
  ),
  noSignedAttributesAllowed: t(
    'Chữ ký không có thuộc tính ký; được chấp nhận vì chính sách cho phép (allowNoSignedAttributes).',
    'The signature has no signed attributes; accepted because the policy allows it (allowNoSignedAttributes).',
  ),
  signedContentOnlyDigest: t(
    'Chữ ký không có thuộc tính ký nên ký trực tiếp trên nội dung, mà nội dung chỉ được cung cấp dưới dạng giá trị băm: không kiểm tra được.',
    'The signature has no signed attributes, so it is over the content itself, which was supplied only as a digest: it cannot be checked.',
  ),
  noSignedAttributesNonData: t(
    'Nội dung không phải id-data nhưng chữ ký không có thuộc tính ký (RFC 5652 §5.3).',
    'The content is not id-data yet the signature has no signed attributes (RFC 5652 §5.3).',
  ),
  signatureInvalid: t(
    'Giá trị chữ ký không hợp lệ với khóa công khai của người ký.',
    'The signature value does not verify with the signer public key.',
  ),
  signatureUnsupported: (algorithm: string) =>
    t(
      `Thư viện mật mã của nền tảng này không kiểm tra được chữ ký ${algorithm} (thuật toán, hàm băm hoặc đường cong không được hỗ trợ).`,
      `This platform's cryptography cannot check the ${algorithm} signature (unsupported algorithm, digest or curve).`,
    ),
  signatureOk: (scheme: string) =>
    t(`Chữ ký ${scheme} hợp lệ về mặt mật mã.`, `The ${scheme} signature verifies cryptographically.`),
  signatureNotChecked: t(
    'Không kiểm tra được giá trị chữ ký (thiếu chứng thư hoặc thuật toán không được hỗ trợ).',
    'The signature value could not be checked (no certificate, or an unsupported algorithm).',
  ),
  signingCertificateMismatch: (which: string) =>
    t(
      `Thuộc tính ${which} không khớp chứng thư số của người ký (có thể chứng thư đã bị thay thế).`,
      `The ${which} attribute does not match the signer certificate (the certificate may have been substituted).`,
    ),
  signingCertificateOk: (which: string) =>
    t(`Thuộc tính ${which} khớp chứng thư số của người ký.`, `The ${which} attribute matches the signer certificate.`),
  signingCertificateDigestRejected: (which: string, label: string) =>
    t(
      `Thuộc tính ${which} dùng thuật toán băm ${label} không được chấp nhận.`,
      `The ${which} attribute uses digest ${label}, which is not accepted.`,
    ),
  signingTimeClaimed: (iso: string) =>
    t(
      `Thời điểm ký do người ký khai báo: ${iso} (chỉ là khai báo, không phải dấu thời gian tin cậy).`,
      `Signing time claimed by the signer: ${iso} (a claim, not a trusted timestamp).`,
    ),
  chainSkipped: t(
    'Không kiểm tra đường dẫn chứng thực vì chữ ký đã không hợp lệ.',
    'The certification path was not validated since the signature already failed.',
  ),
  chainUnavailable: (detail: string) =>
    t(
      `Không kiểm tra được đường dẫn chứng thực: ${detail}.`,
      `The certification path could not be validated: ${detail}.`,
    ),

  signaturePassed: t(
    'Chữ ký hợp lệ: nội dung toàn vẹn, chữ ký đúng và chứng thư được tin cậy.',
    'The signature is valid: the content is intact, the signature verifies and the certificate is trusted.',
  ),
  allPassed: (n: number) =>
    t(`Tất cả ${n} chữ ký đều hợp lệ.`, n === 1 ? 'The signature is valid.' : `All ${n} signatures are valid.`),
  someFailed: (failed: number, n: number) =>
    t(`${failed}/${n} chữ ký không hợp lệ hoặc chưa xác định.`, `${failed} of ${n} signatures did not pass.`),
} as const;
