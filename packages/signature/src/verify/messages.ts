/** The messages of `verify` and of the text rendering, in Vietnamese and English. */
import type { LocalizedText } from '@lienthong/report';
import type { AttachmentKind, DetectedFormat, Indication, SubIndication } from '../model/result';

const t = (vi: string, en: string): LocalizedText => ({ vi, en });

/** The indication as a verdict a person reads. */
export const INDICATION_LABELS: Readonly<Record<Indication, LocalizedText>> = {
  'TOTAL-PASSED': t('HỢP LỆ', 'VALID'),
  'TOTAL-FAILED': t('KHÔNG HỢP LỆ', 'INVALID'),
  INDETERMINATE: t('KHÔNG XÁC ĐỊNH', 'INDETERMINATE'),
};

/** The same verdicts, lower case, inside a sentence. */
export const INDICATION_WORDS: Readonly<Record<Indication, LocalizedText>> = {
  'TOTAL-PASSED': t('hợp lệ', 'valid'),
  'TOTAL-FAILED': t('không hợp lệ', 'invalid'),
  INDETERMINATE: t('không xác định được', 'indeterminate'),
};

/** What each ETSI EN 319 102-1 sub-indication means for the reader. */
export const SUB_INDICATION_LABELS: Readonly<Record<SubIndication, LocalizedText>> = {
  FORMAT_FAILURE: t(
    'dữ liệu chữ ký sai định dạng hoặc không đọc được',
    'the signature data is malformed or unreadable',
  ),
  HASH_FAILURE: t('nội dung đã bị thay đổi sau khi ký', 'the signed content was changed after signing'),
  SIG_CRYPTO_FAILURE: t(
    'giá trị chữ ký không khớp với khóa của người ký',
    "the signature value does not match the signer's key",
  ),
  REVOKED: t('chứng thư số của người ký đã bị thu hồi', "the signer's certificate was revoked"),
  NOT_YET_VALID: t('chứng thư số chưa đến thời hạn có hiệu lực', 'the certificate was not yet valid'),
  SIG_CONSTRAINTS_FAILURE: t(
    'chữ ký không đáp ứng chính sách (phạm vi ký, thay đổi sau khi ký…)',
    'the signature does not meet the policy (coverage, changes after signing…)',
  ),
  CHAIN_CONSTRAINTS_FAILURE: t(
    'chuỗi chứng thư không đáp ứng ràng buộc (mục đích sử dụng khóa, độ dài chuỗi…)',
    'the certificate chain breaks a constraint (key usage, path length…)',
  ),
  CERTIFICATE_CHAIN_GENERAL_FAILURE: t(
    'lỗi khi kiểm tra chuỗi chứng thư',
    'the certificate chain could not be checked',
  ),
  CRYPTO_CONSTRAINTS_FAILURE: t(
    'thuật toán hoặc độ dài khóa không được chấp nhận',
    'an algorithm or key size is not accepted',
  ),
  EXPIRED: t('chứng thư số đã hết hạn', 'the certificate has expired'),
  OUT_OF_BOUNDS_NO_POE: t(
    'chứng thư số không còn hiệu lực tại thời điểm kiểm tra và không có bằng chứng thời điểm ký',
    'the certificate is outside its validity at the validation time, with no proof of when it was signed',
  ),
  OUT_OF_BOUNDS_NOT_REVOKED: t(
    'chứng thư số ngoài thời hạn hiệu lực (không bị thu hồi)',
    'the certificate is outside its validity period (not revoked)',
  ),
  NO_CERTIFICATE_CHAIN_FOUND: t(
    'không dựng được chuỗi tới một chứng thư gốc được tin cậy',
    'no chain to a trusted root certificate could be built',
  ),
  NO_SIGNING_CERTIFICATE_FOUND: t('không tìm thấy chứng thư số của người ký', "the signer's certificate was not found"),
  REVOKED_NO_POE: t(
    'chứng thư số đã bị thu hồi và không có bằng chứng chữ ký có trước khi thu hồi',
    'the certificate was revoked, with no proof that the signature predates the revocation',
  ),
  REVOKED_CA_NO_POE: t(
    'một chứng thư của tổ chức cung cấp dịch vụ trong chuỗi đã bị thu hồi',
    'a CA certificate of the chain was revoked',
  ),
  TRY_LATER: t(
    'chưa có thông tin thu hồi (CRL/OCSP) để kết luận; hãy thử lại khi có',
    'no revocation information (CRL/OCSP) to conclude; try again when it is available',
  ),
  SIGNED_DATA_NOT_FOUND: t('không tìm thấy chữ ký hoặc dữ liệu đã ký', 'no signature or no signed data was found'),
  POLICY_PROCESSING_ERROR: t('không áp dụng được chính sách kiểm tra', 'the validation policy could not be applied'),
};

export const FORMAT_LABELS: Readonly<Record<DetectedFormat, LocalizedText>> = {
  edxml: t('phong bì edXML (QCVN 102:2016)', 'edXML envelope (QCVN 102:2016)'),
  xmldsig: t('tài liệu XML (chữ ký XMLDSig)', 'XML document (XMLDSig signature)'),
  pdf: t('tệp PDF', 'PDF file'),
  cms: t('chữ ký CMS/PKCS#7', 'CMS/PKCS#7 signature'),
  unknown: t('định dạng không nhận dạng được', 'unrecognised format'),
};

export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, LocalizedText>> = {
  pdf: t('tệp PDF', 'a PDF file'),
  cms: t('chữ ký CMS/PKCS#7', 'a CMS/PKCS#7 signature'),
  zip: t('tệp nén ZIP (hoặc DOCX/XLSX)', 'a ZIP archive (or DOCX/XLSX)'),
  ole: t('tệp Office cũ (DOC/XLS)', 'a legacy Office file (DOC/XLS)'),
  png: t('ảnh PNG', 'a PNG image'),
  jpeg: t('ảnh JPEG', 'a JPEG image'),
  gif: t('ảnh GIF', 'a GIF image'),
  tiff: t('ảnh TIFF', 'a TIFF image'),
  xml: t('văn bản XML', 'XML text'),
  empty: t('tệp rỗng', 'an empty file'),
  unknown: t('dữ liệu không nhận dạng được', 'unrecognised data'),
};

const formatBytes = (size: number, lang: 'vi' | 'en') =>
  lang === 'vi' ? size.toLocaleString('vi-VN') : size.toLocaleString('en-US');

export const MSG = {
  unknownFormat: t(
    'Không nhận dạng được định dạng: dữ liệu không phải PDF, chữ ký CMS/PKCS#7 hay XML, nên không có chữ ký nào được kiểm tra.',
    'Unrecognised format: the data is not a PDF, a CMS/PKCS#7 signature or XML, so no signature was verified.',
  ),
  tooLarge: (size: number, max: number) =>
    t(
      `Dữ liệu quá lớn (${formatBytes(size, 'vi')} byte, tối đa ${formatBytes(max, 'vi')} byte): không kiểm tra.`,
      `The input is too large (${formatBytes(size, 'en')} bytes, at most ${formatBytes(max, 'en')} bytes): not verified.`,
    ),
  internal: (detail: string) =>
    t(
      `Lỗi khi kiểm tra (${detail}); kết quả không xác định được.`,
      `Verification failed unexpectedly (${detail}); the result is indeterminate.`,
    ),

  // Reading a file (verifyFile)
  notFound: (path: string) => t(`Không tìm thấy tệp «${path}».`, `File "${path}" not found.`),
  notAFile: (path: string) => t(`«${path}» không phải là một tệp.`, `"${path}" is not a file.`),
  permissionDenied: (path: string) => t(`Không có quyền đọc tệp «${path}».`, `Permission denied reading "${path}".`),
  readFailed: (path: string) => t(`Không đọc được tệp «${path}».`, `File "${path}" could not be read.`),
  fileTooLarge: (path: string, size: number, max: number) =>
    t(
      `Tệp «${path}» quá lớn (${formatBytes(size, 'vi')} byte, tối đa ${formatBytes(max, 'vi')} byte): không kiểm tra.`,
      `File "${path}" is too large (${formatBytes(size, 'en')} bytes, at most ${formatBytes(max, 'en')} bytes): not verified.`,
    ),

  // edXML attachments
  attachmentUndecodable: (reason: LocalizedText) =>
    t(
      `Không giải mã được tệp đính kèm (${reason.vi}): không kiểm tra được chữ ký có thể có trong tệp.`,
      `The attachment could not be decoded (${reason.en}): any signature it holds could not be checked.`,
    ),
  /** `reason`: what stopped the decoding within what was left of the total. */
  attachmentsTotalTooLarge: (max: number, reason?: LocalizedText) =>
    t(
      `các tệp đính kèm đạt tổng giới hạn ${formatBytes(max, 'vi')} byte sau khi giải mã (tùy chọn maxTotalAttachmentBytes) nên tệp này không được giải mã${reason ? `: ${reason.vi}` : ''}`,
      `the attachments together reach the ${formatBytes(max, 'en')}-byte limit once decoded (option maxTotalAttachmentBytes), so this one was not decoded${reason ? `: ${reason.en}` : ''}`,
    ),
  attachmentNotApplicable: (kind: AttachmentKind) =>
    t(
      `Tệp đính kèm là ${ATTACHMENT_KIND_LABELS[kind].vi}, không phải PDF hay chữ ký CMS: không có chữ ký để kiểm tra.`,
      `The attachment is ${ATTACHMENT_KIND_LABELS[kind].en}, neither a PDF nor a CMS signature: no signature to check.`,
    ),
  attachmentUnsignedPdf: t('Tệp PDF đính kèm không có chữ ký số.', 'The attached PDF carries no digital signature.'),
  signedByDetached: (names: readonly string[]) =>
    t(
      `Được ký bằng chữ ký tách rời trong tệp đính kèm ${names.map((name) => `«${name}»`).join(', ')}.`,
      `Signed by the detached signature in attachment ${names.map((name) => `"${name}"`).join(', ')}.`,
    ),
  detachedContentFound: (name: string, index: number) =>
    t(
      `Chữ ký tách rời: nội dung đã ký lấy từ tệp đính kèm «${name}» (tệp số ${index}).`,
      `Detached signature: the signed content is attachment "${name}" (number ${index}).`,
    ),
  detachedContentMissing: (expected: string) =>
    t(
      `Chữ ký tách rời nhưng không có tệp đính kèm nào tên «${expected}» để làm nội dung đã ký.`,
      `The signature is detached but no attachment named "${expected}" holds the signed content.`,
    ),
  detachedContentAmbiguous: (expected: string, count: number) =>
    t(
      `Chữ ký tách rời nhưng có ${count} tệp đính kèm cùng tên «${expected}»: không biết tệp nào là nội dung đã ký.`,
      `The signature is detached but ${count} attachments are named "${expected}": the signed content is ambiguous.`,
    ),
  detachedContentUnnamed: t(
    'Chữ ký tách rời nhưng tên tệp không cho biết nội dung đã ký (cần dạng «tên-tệp.p7s» bên cạnh «tên-tệp»).',
    'The signature is detached but its name does not tell which file it signs (expected "name.p7s" beside "name").',
  ),
  detachedContentUndecodable: (name: string) =>
    t(
      `Chữ ký tách rời: tệp đính kèm «${name}» là nội dung đã ký nhưng không giải mã được.`,
      `Detached signature: attachment "${name}" is the signed content but could not be decoded.`,
    ),
  attachmentsUnreadable: (reason: LocalizedText | undefined) =>
    t(
      `Không đọc được danh sách tệp đính kèm của phong bì${reason ? ` (${reason.vi})` : ''}: chữ ký trong tệp đính kèm không được kiểm tra.`,
      `The envelope's attachments could not be read${reason ? ` (${reason.en})` : ''}: signatures inside attachments were not checked.`,
    ),
};
