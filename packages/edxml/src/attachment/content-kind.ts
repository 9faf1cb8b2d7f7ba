import type { LocalizedText } from '@lienthong/report';

/** What a payload's first bytes say it is. */
export type ContentKind = 'pdf' | 'zip' | 'ole' | 'png' | 'jpeg' | 'gif' | 'tiff' | 'xml' | 'empty' | 'unknown';

export const CONTENT_KIND_LABELS: Readonly<Record<ContentKind, LocalizedText>> = {
  pdf: { vi: 'tệp PDF', en: 'a PDF file' },
  zip: { vi: 'tệp nén ZIP (hoặc DOCX/XLSX)', en: 'a ZIP archive (or DOCX/XLSX)' },
  ole: { vi: 'tệp Office cũ (DOC/XLS)', en: 'a legacy Office file (DOC/XLS)' },
  png: { vi: 'ảnh PNG', en: 'a PNG image' },
  jpeg: { vi: 'ảnh JPEG', en: 'a JPEG image' },
  gif: { vi: 'ảnh GIF', en: 'a GIF image' },
  tiff: { vi: 'ảnh TIFF', en: 'a TIFF image' },
  xml: { vi: 'văn bản XML', en: 'XML text' },
  empty: { vi: 'rỗng', en: 'empty' },
  unknown: { vi: 'dữ liệu không nhận dạng được', en: 'unrecognised data' },
};

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  for (let index = 0; index < signature.length; index++) if (bytes[at + index] !== signature[index]) return false;
  return true;
}

/** Recognises a payload by its signature bytes. PDFs may have up to 1 KiB of junk before `%PDF-`, as readers allow. */
export function detectContentKind(bytes: Uint8Array): ContentKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x3c, 0x3f, 0x78, 0x6d, 0x6c])) return 'xml';
  return 'unknown';
}

/**
 * The content kind a MIME type or file name promises, when it promises one we can check. The VNPT SDK writes
 * non-standard types (`application/doc`, `application/docx`); they are understood too.
 */
export function expectedKindOf(contentType: string | undefined, fileName?: string): ContentKind | undefined {
  const type = (contentType ?? '').trim().toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (type === 'application/zip' || type === 'application/x-zip-compressed') return 'zip';
  if (
    type === 'application/msword' ||
    type === 'application/doc' ||
    type === 'application/vnd.ms-excel' ||
    type === 'application/xls' ||
    type === 'application/xsl'
  )
    return 'ole';
  if (
    type.startsWith('application/vnd.openxmlformats-officedocument') ||
    type === 'application/docx' ||
    type === 'application/xlsx' ||
    type === 'application/xslx'
  )
    return 'zip';
  if (type === 'image/png') return 'png';
  if (type === 'image/jpeg') return 'jpeg';
  if (type === 'image/gif') return 'gif';
  if (type === 'image/tiff') return 'tiff';
  if (type === '' || type === 'application/octet-stream') {
    const extension = fileName?.toLowerCase().match(/\.([a-z0-9]{1,5})$/)?.[1];
    if (extension === 'pdf') return 'pdf';
    if (extension === 'zip' || extension === 'docx' || extension === 'xlsx') return 'zip';
    if (extension === 'doc' || extension === 'xls') return 'ole';
  }
  return undefined;
}

/** Binary kinds in which text-encoding damage (U+FFFD) means corruption. */
export function isBinaryKind(kind: ContentKind | undefined): boolean {
  return kind !== undefined && kind !== 'xml' && kind !== 'empty' && kind !== 'unknown';
}

/**
 * Whether UTF-8 replacement characters (EF BF BD) are damage rather than chance. A binary that went through
 * bytes → text → bytes has one wherever a byte was not valid UTF-8; random binary data has EF BF BD about once
 * per 16 MiB, so a few per MiB (and at least four) is proof of corruption.
 */
export function looksTextRoundTripped(replacementCount: number, byteLength: number): boolean {
  const perMiB = replacementCount / Math.max(1, byteLength / (1024 * 1024));
  return replacementCount >= 4 && perMiB >= 4;
}
