/*
 * Stream decoding for the streams the structure layer reads (xref streams, object streams): no filter or
 * FlateDecode, with the PNG predictors xref streams use. Output is capped while inflating (`#inflate`: zlib in
 * Node, fflate in the browser build), so a compression bomb costs at most the cap.
 */
import { inflate } from '#inflate';
import { asDict, dictGet, intOf, nameOf, type PdfObject, type PdfStream, PdfSyntaxError } from './syntax';

/** Decodes a stream's data (`data` is the buffer the stream's positions refer to); throws PdfSyntaxError. */
export function decodeStream(data: Uint8Array, stream: PdfStream, maxOutput: number): Uint8Array {
  const raw = data.subarray(stream.dataStart, stream.dataEnd);
  const filters = listOf(dictGet(stream.dict, 'Filter'));
  const params = listOf(dictGet(stream.dict, 'DecodeParms'));
  if (filters.length === 0) {
    if (raw.length > maxOutput) throw new PdfSyntaxError('stream too large');
    return raw;
  }
  if (filters.length > 1) throw new PdfSyntaxError('stream filter chains are not supported here');
  const filter = nameOf(filters[0]);
  if (filter !== 'FlateDecode' && filter !== 'Fl') throw new PdfSyntaxError(`unsupported filter /${filter}`);
  const inflated = inflate(raw, maxOutput);
  const parms = asDict(params[0]);
  const predictor = intOf(dictGet(parms, 'Predictor')) ?? 1;
  if (predictor === 1) return inflated;
  if (predictor < 10 || predictor > 15) throw new PdfSyntaxError(`unsupported predictor ${predictor}`);
  const colors = intOf(dictGet(parms, 'Colors')) ?? 1;
  const bits = intOf(dictGet(parms, 'BitsPerComponent')) ?? 8;
  const columns = intOf(dictGet(parms, 'Columns')) ?? 1;
  if (colors < 1 || colors > 32 || ![1, 2, 4, 8, 16].includes(bits) || columns < 1 || columns > 1 << 20)
    throw new PdfSyntaxError('bad predictor parameters');
  return unpredictPng(inflated, Math.ceil((colors * bits * columns) / 8), Math.max(1, Math.ceil((colors * bits) / 8)));
}

function listOf(object: PdfObject | undefined): readonly PdfObject[] {
  if (object === undefined || object.kind === 'null') return [];
  if (object.kind === 'array') return object.items;
  return [object];
}

/** Undoes PNG row predictors (each row starts with its filter type byte). */
export function unpredictPng(data: Uint8Array, rowBytes: number, pixelBytes: number): Uint8Array {
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowBytes + 1)] as number;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    const prev = dst - rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const x = data[src + i] as number;
      const left = i >= pixelBytes ? (out[dst + i - pixelBytes] as number) : 0;
      const up = r > 0 ? (out[prev + i] as number) : 0;
      const upLeft = r > 0 && i >= pixelBytes ? (out[prev + i - pixelBytes] as number) : 0;
      let v: number;
      switch (type) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + left;
          break;
        case 2:
          v = x + up;
          break;
        case 3:
          v = x + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          throw new PdfSyntaxError(`bad PNG predictor type ${type}`);
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}
