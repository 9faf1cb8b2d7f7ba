import { inflateRawSync } from 'node:zlib';
import type { LocalizedText } from '@lienthong/report';

/** One file inside a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export type ZipInspection =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly reason: LocalizedText };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The EOCD record is 22 bytes plus a comment of at most 65,535 bytes. */
const EOCD_SEARCH = 22 + 0xffff;
const MAX_ENTRIES = 10_000;

const broken = (vi: string, en: string): ZipInspection => ({ ok: false, reason: { vi, en } });

/** Reads a ZIP archive's central directory. Never throws; a damaged archive gives a reason. */
export function inspectZip(bytes: Uint8Array): ZipInspection {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - EOCD_SEARCH); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0)
    return broken('không tìm thấy thư mục trung tâm của tệp ZIP', 'the ZIP central directory was not found');
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count > MAX_ENTRIES)
    return broken(`tệp ZIP có quá nhiều tệp con (${count})`, `the ZIP holds too many entries (${count})`);
  if (directoryOffset + directorySize > eocd)
    return broken('thư mục trung tâm ZIP bị cắt cụt', 'the ZIP central directory is truncated');
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      return broken('mục trong thư mục trung tâm ZIP bị hỏng', 'a ZIP central directory record is damaged');
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > eocd) return broken('tên tệp trong ZIP bị cắt cụt', 'a ZIP entry name is truncated');
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

export type ZipExtraction =
  | { readonly ok: true; readonly name: string; readonly data: Uint8Array }
  | { readonly ok: false; readonly reason: LocalizedText };

/**
 * Extracts one entry (stored or deflated). The output is capped at `maxBytes` so a ZIP bomb cannot exhaust memory.
 */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): ZipExtraction {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    return {
      ok: false,
      reason: { vi: 'phần đầu tệp con trong ZIP bị hỏng', en: 'the ZIP local file header is damaged' },
    };
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) {
    return {
      ok: false,
      reason: { vi: 'dữ liệu nén trong ZIP bị cắt cụt', en: 'the compressed ZIP data is truncated' },
    };
  }
  if (entry.uncompressedSize > maxBytes) {
    return {
      ok: false,
      reason: {
        vi: `tệp con khai báo ${entry.uncompressedSize} byte, vượt giới hạn ${maxBytes} byte`,
        en: `the entry declares ${entry.uncompressedSize} bytes, over the ${maxBytes}-byte limit`,
      },
    };
  }
  const compressed = bytes.subarray(start, end);
  if (entry.method === 0) return { ok: true, name: entry.name, data: compressed };
  if (entry.method !== 8) {
    return {
      ok: false,
      reason: {
        vi: `phương pháp nén ${entry.method} không được hỗ trợ`,
        en: `compression method ${entry.method} is not supported`,
      },
    };
  }
  try {
    const data = inflateRawSync(compressed, { maxOutputLength: maxBytes });
    return { ok: true, name: entry.name, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: { vi: `không giải nén được: ${detail}`, en: `cannot be inflated: ${detail}` } };
  }
}
