/** The messages of the PDF verifier, in Vietnamese and English. */
import type { LocalizedText } from '@lienthong/report';
import type { ChangeKind } from './changes';
import type { ByteRangeFailure } from './signatures';

const t = (vi: string, en: string): LocalizedText => ({ vi, en });

const CHANGE_LABELS: Record<ChangeKind, LocalizedText> = {
  signature: t('thêm chữ ký', 'a further signature'),
  timestamp: t('thêm dấu thời gian tài liệu', 'a document timestamp'),
  dss: t('thêm dữ liệu kiểm tra dài hạn (DSS/VRI)', 'long-term validation data (DSS/VRI)'),
  'form-field': t('điền biểu mẫu hoặc thêm trường chữ ký', 'form filling or signature fields'),
  annotation: t('chú thích (annotation)', 'annotations'),
  metadata: t('siêu dữ liệu', 'metadata'),
  supporting: t('đối tượng hỗ trợ (hình hiển thị…)', 'supporting objects (appearances …)'),
  structure: t('dữ liệu cấu trúc (bảng tham chiếu chéo)', 'structural data (cross-reference)'),
  'page-content': t('nội dung hiển thị của trang', 'what the pages display'),
  page: t('thuộc tính trang', 'page attributes'),
  catalog: t('danh mục tài liệu (catalog)', 'the document catalog'),
  'form-definition': t('định nghĩa biểu mẫu', 'the form definition'),
  'signature-replaced': t('thay thế hoặc xóa chữ ký đã có', 'an existing signature replaced or removed'),
  'modified-object': t('sửa đối tượng đã được ký', 'signed objects modified'),
  'deleted-object': t('xóa đối tượng đã được ký', 'signed objects deleted'),
  'unlisted-object': t(
    'đối tượng nằm ngoài bảng tham chiếu chéo (định nghĩa lại ẩn)',
    'objects outside the cross-reference (hidden redefinitions)',
  ),
  'unstructured-data': t('dữ liệu không phải cấu trúc PDF', 'data that is not PDF structure'),
  'not-incremental': t('phiên bản thay thế thay vì cập nhật tăng dần', 'a revision replacing instead of updating'),
  'too-complex': t('thay đổi quá phức tạp để phân tích', 'changes too complex to analyse'),
};

function list(kinds: readonly ChangeKind[], lang: 'vi' | 'en'): string {
  return [...new Set(kinds)].map((kind) => CHANGE_LABELS[kind][lang]).join(', ');
}

const BYTERANGE: Record<ByteRangeFailure, LocalizedText> = {
  compressed: t(
    'Từ điển chữ ký nằm trong luồng đối tượng nén nên /Contents không thể là khoảng trống của /ByteRange.',
    'The signature dictionary is inside a compressed object stream, so its /Contents cannot be the /ByteRange gap.',
  ),
  'duplicate-keys': t('Từ điển chữ ký có khóa lặp lại.', 'The signature dictionary repeats a key.'),
  'byterange-shape': t(
    '/ByteRange không phải mảng trực tiếp gồm đúng 4 số nguyên không âm.',
    '/ByteRange is not a direct array of exactly 4 non-negative integers.',
  ),
  'byterange-bounds': t(
    '/ByteRange không có dạng [0 a b c] với a < b và b + c không vượt quá độ dài tệp.',
    '/ByteRange is not of the form [0 a b c] with a < b and b + c within the file.',
  ),
  'contents-not-hex': t(
    '/Contents không phải chuỗi thập lục phân trực tiếp chỉ gồm các cặp chữ số hex.',
    '/Contents is not a direct hexadecimal string of hex digit pairs only.',
  ),
  'gap-not-contents': t(
    'Khoảng trống của /ByteRange không trùng đúng với chuỗi /Contents của chính chữ ký này (dấu hiệu tấn công ByteRange/shadow).',
    "The /ByteRange gap is not exactly this signature's /Contents string (a ByteRange or shadow attack pattern).",
  ),
  'dictionary-outside-signed-bytes': t(
    'Từ điển chữ ký không nằm trong phần dữ liệu được ký.',
    'The signature dictionary is not inside the signed bytes.',
  ),
  'contents-not-der': t(
    '/Contents không chứa đúng một cấu trúc CMS DER theo sau chỉ bởi các byte 0.',
    '/Contents does not hold exactly one DER CMS structure followed only by zero bytes.',
  ),
  'not-revision-end': t(
    'Phạm vi được ký không kết thúc ở cuối một phiên bản của tài liệu (%%EOF).',
    'The signed range does not end at the end of a document revision (%%EOF).',
  ),
  'outside-signed-revision': t(
    'Từ điển chữ ký không được ghi trong phiên bản mà nó ký.',
    'The signature dictionary was not written in the revision it signs.',
  ),
  'not-in-signed-revision-structure': t(
    'Phiên bản được ký không tham chiếu tới trường chữ ký này.',
    'The signed revision does not reference this signature field.',
  ),
};

/** At most ten offsets in a message (a hostile file may hold hundreds of thousands); the rest are counted. */
function listOffsets(offsets: readonly number[], lang: 'vi' | 'en'): string {
  const shown = offsets.slice(0, 10).join(', ');
  const more = offsets.length - 10;
  if (more <= 0) return shown;
  return lang === 'vi' ? `${shown} và ${more} vị trí khác` : `${shown} and ${more} more`;
}
export const MSG = {
  tooLarge: (size: number, max: number) =>
    t(
      `Tệp PDF quá lớn (${size} byte, tối đa ${max} byte).`,
      `The PDF is too large (${size} bytes, at most ${max} bytes).`,
    ),
  notPdf: t('Dữ liệu không phải tệp PDF (thiếu tiêu đề %PDF-).', 'The data is not a PDF (no %PDF- header).'),
  unreadable: (detail: string) =>
    t(`Không đọc được cấu trúc tệp PDF: ${detail}.`, `The PDF structure cannot be read: ${detail}.`),
  noRevision: t(
    'Không tìm thấy phiên bản hợp lệ nào (startxref, bảng tham chiếu chéo, %%EOF).',
    'No readable revision found (startxref, cross-reference, %%EOF).',
  ),
  noSignature: t('Tệp PDF không có chữ ký số nào.', 'The PDF has no signature.'),
  signatureUnreachable: (scan: LocalizedText) =>
    t(
      `Cấu trúc tài liệu không dẫn tới chữ ký nào, nhưng tệp có dấu hiệu chữ ký nên không thể coi là không ký: ${scan.vi}`,
      `The document structure leads to no signature, yet the file carries signature data, so it cannot be taken as unsigned: ${scan.en}`,
    ),
  structureProblems: (count: number, first: string) =>
    t(
      `Có ${count} vấn đề cấu trúc (bỏ qua khi không ảnh hưởng tới chữ ký); đầu tiên: ${first}.`,
      `${count} structure problem(s) (ignored where they do not affect a signature); first: ${first}.`,
    ),
  revisions: (count: number) =>
    t(
      `Tài liệu có ${count} phiên bản (cập nhật tăng dần).`,
      `The document has ${count} revision(s) (incremental updates).`,
    ),
  scanAgrees: (count: number) =>
    t(
      `Dò tuyến tính tìm thấy ${count} /ByteRange, khớp với các chữ ký tìm thấy qua cấu trúc tài liệu.`,
      `The linear scan found ${count} /ByteRange, matching the signatures found through the document structure.`,
    ),
  scanExtra: (offsets: readonly number[]) =>
    t(
      `Dò tuyến tính tìm thấy /ByteRange ở vị trí ${listOffsets(offsets, 'vi')} không thuộc chữ ký nào trong cấu trúc tài liệu (chữ ký giả trong luồng hay chuỗi, hoặc tấn công shadow/ISA): tài liệu không được coi là hợp lệ hoàn toàn.`,
      `The linear scan found /ByteRange at offset(s) ${listOffsets(offsets, 'en')} belonging to no signature of the document structure (a fake signature inside a stream or string, or a shadow/incremental-saving attack): the document is not treated as fully valid.`,
    ),
  scanMissed: (count: number) =>
    t(
      `${count} chữ ký tìm thấy qua cấu trúc có tên /ByteRange viết dạng mã hóa (#xx), dò tuyến tính không thấy.`,
      `${count} signature(s) found through the structure spell /ByteRange with #xx escapes, invisible to a plain scan.`,
    ),
  scanTruncated: t('Quá nhiều /ByteRange để liệt kê hết.', 'Too many /ByteRange occurrences to list.'),
  strayEof: (offsets: readonly number[]) =>
    t(
      `Có %%EOF không đi sau startxref ở vị trí ${offsets.join(', ')}.`,
      `%%EOF marker(s) not preceded by startxref at offset(s) ${offsets.join(', ')}.`,
    ),

  byteRange: (failure: ByteRangeFailure, detail: string) => {
    const base = BYTERANGE[failure];
    return t(`${base.vi} (${detail})`, `${base.en} (${detail})`);
  },
  byteRangeOk: (a: number, b: number, c: number, padding: number) =>
    t(
      `/ByteRange [0 ${a} ${b} ${c}] hợp lệ: khoảng trống đúng bằng /Contents, chứa một CMS DER (${padding} byte 0 đệm).`,
      `/ByteRange [0 ${a} ${b} ${c}] is sound: the gap is exactly /Contents, holding one DER CMS (${padding} zero padding bytes).`,
    ),
  coverageWhole: (revision: number, total: number) =>
    t(
      `Chữ ký bao phủ toàn bộ tệp (${total} byte, phiên bản ${revision}).`,
      `The signature covers the whole file (${total} bytes, revision ${revision}).`,
    ),
  coveragePartial: (revision: number, total: number, unsigned: number) =>
    t(
      `Chữ ký bao phủ phiên bản ${revision}; tài liệu đã bị thay đổi sau khi ký: ${unsigned} byte sau phần được ký (tệp ${total} byte).`,
      `The signature covers revision ${revision}; the document was modified after signing: ${unsigned} bytes after the signed revision (file of ${total} bytes).`,
    ),
  coverageTrailingSpace: (unsigned: number) =>
    t(
      `Sau phần được ký chỉ có ${unsigned} byte khoảng trắng (không làm thay đổi tài liệu).`,
      `Only ${unsigned} whitespace byte(s) follow the signed range (the document is unchanged).`,
    ),
  docMdp: (p: 1 | 2 | 3 | undefined) =>
    p === undefined
      ? t(
          'Không có chữ ký chứng nhận (DocMDP): các thay đổi biểu mẫu, chữ ký và chú thích được chấp nhận.',
          'No certification signature (DocMDP): form filling, signatures and annotations are accepted changes.',
        )
      : t(
          `Quyền DocMDP P=${p}: ${p === 1 ? 'không cho phép thay đổi (trừ DSS và dấu thời gian)' : p === 2 ? 'cho phép điền biểu mẫu và ký' : 'cho phép điền biểu mẫu, ký và chú thích'}.`,
          `DocMDP permission P=${p}: ${p === 1 ? 'no changes (except DSS and document timestamps)' : p === 2 ? 'form filling and signing allowed' : 'form filling, signing and annotations allowed'}.`,
        ),
  changesAllowed: (kinds: readonly ChangeKind[]) =>
    t(
      `Đã bị thay đổi sau khi ký, chỉ với các thay đổi được phép: ${list(kinds, 'vi')}.`,
      `Modified after signing, with allowed changes only: ${list(kinds, 'en')}.`,
    ),
  changesDisallowed: (kinds: readonly ChangeKind[], first: string) =>
    t(
      `Tài liệu đã bị thay đổi sau khi ký với thay đổi không được phép: ${list(kinds, 'vi')} (${first}). Nội dung hiển thị có thể khác nội dung đã ký.`,
      `The document was modified after signing with changes that are not allowed: ${list(kinds, 'en')} (${first}). What is displayed may differ from what was signed.`,
    ),
  change: (allowed: boolean, detail: string) =>
    t(
      `${allowed ? 'Thay đổi được phép' : 'Thay đổi không được phép'}: ${detail}.`,
      `${allowed ? 'Allowed change' : 'Change not allowed'}: ${detail}.`,
    ),

  subFilterOk: (subFilter: string) =>
    t(`Định dạng chữ ký (SubFilter) ${subFilter}.`, `Signature format (SubFilter) ${subFilter}.`),
  subFilterSha1Rejected: t(
    'SubFilter adbe.pkcs7.sha1 (băm SHA-1) đã lỗi thời và không được chấp nhận (có thể cho phép bằng allowSha1).',
    'SubFilter adbe.pkcs7.sha1 (a SHA-1 digest) is obsolete and not accepted (allowSha1 permits it).',
  ),
  subFilterSha1Legacy: t(
    'SubFilter adbe.pkcs7.sha1 đã lỗi thời, chỉ được chấp nhận vì được cho phép rõ ràng (allowSha1).',
    'SubFilter adbe.pkcs7.sha1 is obsolete, accepted only because it was explicitly allowed (allowSha1).',
  ),
  subFilterSha1Mismatch: t(
    'Nội dung CMS (adbe.pkcs7.sha1) không phải giá trị băm SHA-1 của phần được ký.',
    'The CMS content (adbe.pkcs7.sha1) is not the SHA-1 digest of the signed bytes.',
  ),
  subFilterUnsupported: (subFilter: string | undefined) =>
    t(
      `Định dạng chữ ký (SubFilter) ${subFilter ?? '(không có)'} không được hỗ trợ.`,
      `Signature format (SubFilter) ${subFilter ?? '(none)'} is not supported.`,
    ),
  signerCount: (count: number) =>
    t(
      `Chữ ký PDF phải chứa đúng một SignerInfo (có ${count}).`,
      `A PDF signature must hold exactly one SignerInfo (it has ${count}).`,
    ),
  timestampNotTst: (type: string) =>
    t(
      `Dấu thời gian tài liệu không chứa TSTInfo (loại nội dung ${type}).`,
      `The document timestamp does not hold a TSTInfo (content type ${type}).`,
    ),
  timestampImprintOk: (time: string) =>
    t(
      `Dấu thời gian tài liệu (${time}) khớp giá trị băm của phần được ký.`,
      `The document timestamp (${time}) matches the digest of the signed bytes.`,
    ),
  timestampImprintRejected: (digest: string) =>
    t(
      `Dấu thời gian tài liệu gắn với tài liệu bằng thuật toán băm ${digest}, không được chấp nhận (TT 15/2025; tùy chọn allowSha1).`,
      `The document timestamp binds the document with the ${digest} digest, which is not accepted (TT 15/2025; option allowSha1).`,
    ),
  timestampImprintMismatch: t(
    'Giá trị băm trong dấu thời gian tài liệu không khớp phần được ký.',
    'The digest in the document timestamp does not match the signed bytes.',
  ),
  timestampUnreadable: (detail: string) =>
    t(`Không đọc được TSTInfo: ${detail}.`, `The TSTInfo cannot be read: ${detail}.`),
  allPassed: (count: number) =>
    count === 1
      ? t('Chữ ký duy nhất của tệp PDF hợp lệ.', 'The only signature of the PDF is valid.')
      : t(`Cả ${count} chữ ký của tệp PDF đều hợp lệ.`, `All ${count} signatures of the PDF are valid.`),
  someFailed: (failed: number, total: number) =>
    t(
      `${failed} trên ${total} chữ ký của tệp PDF không hợp lệ hoặc chưa xác định được.`,
      `${failed} of ${total} signatures of the PDF are not valid or could not be determined.`,
    ),
  fileNotPassed: (first: LocalizedText) =>
    t(`Tệp PDF không được coi là hợp lệ hoàn toàn: ${first.vi}`, `The PDF is not treated as fully valid: ${first.en}`),
  internal: (detail: string) =>
    t(`Không phân tích được tệp PDF (${detail}).`, `The PDF could not be analysed (${detail}).`),
} as const;
