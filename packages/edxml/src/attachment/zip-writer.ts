import { crc32, deflateRawSync } from 'node:zlib';

const encoder = new TextEncoder();

/** DOS date/time fields for a ZIP entry; a fixed stamp keeps output deterministic (1980-01-01 00:00). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Builds a ZIP archive holding one deflated file, as the VNPT SDK does for attachments that are not
 * PDF/DOC/DOCX/XLS(X)/ZIP. The entry name is stored as UTF-8 (flag bit 11).
 */
export function zipSingleFile(name: string, data: Uint8Array): Uint8Array {
  const nameBytes = encoder.encode(name);
  const compressed = deflateRawSync(data);
  const checksum = crc32(data);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true); // version needed: 2.0 (deflate)
  local.setUint16(6, 0x0800, true); // UTF-8 names
  local.setUint16(8, 8, true); // deflate
  local.setUint16(10, DOS_TIME, true);
  local.setUint16(12, DOS_DATE, true);
  local.setUint32(14, checksum, true);
  local.setUint32(18, compressed.length, true);
  local.setUint32(22, data.length, true);
  local.setUint16(26, nameBytes.length, true);
  local.setUint16(28, 0, true);

  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true); // made by
  central.setUint16(6, 20, true);
  central.setUint16(8, 0x0800, true);
  central.setUint16(10, 8, true);
  central.setUint16(12, DOS_TIME, true);
  central.setUint16(14, DOS_DATE, true);
  central.setUint32(16, checksum, true);
  central.setUint32(20, compressed.length, true);
  central.setUint32(24, data.length, true);
  central.setUint16(28, nameBytes.length, true);
  central.setUint32(42, 0, true); // local header at offset 0

  const centralOffset = 30 + nameBytes.length + compressed.length;
  const centralSize = 46 + nameBytes.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, centralOffset, true);

  const out = new Uint8Array(centralOffset + centralSize + 22);
  let at = 0;
  for (const part of [
    new Uint8Array(local.buffer),
    nameBytes,
    compressed,
    new Uint8Array(central.buffer),
    nameBytes,
    new Uint8Array(end.buffer),
  ]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
