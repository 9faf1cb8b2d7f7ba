/*
 * Test support (not exported by the package): the corpus PDFs, a small PDF writer that produces real
 * documents and real incremental signatures (CMS made by ../cms from keys generated at test time), helpers
 * to append hand-made increments to any PDF, and the poppler/NSS command-line tools used as an independent
 * oracle. Nothing here fakes a signature: every signature is made with a real key over the real bytes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { signCmsDetached } from '../cms';
import { parseSignedData } from '../cms/parse';
import { PdfDocument } from './document';
import { checkByteRange, findSignatures } from './signatures';

export const FIXTURES = fileURLToPath(new URL('../../test/fixtures/pdf/', import.meta.url));

export type CorpusName =
  | 'signed.pdf'
  | 'signed-twice.pdf'
  | 'incrementally_signed.pdf'
  | 'signed-tampered.pdf'
  | 'signed-appended.pdf';

/** A corpus PDF (see test/fixtures/pdf/README.md). */
export function corpus(name: CorpusName): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/**
 * Validation times for the corpus: the node-signpdf certificate CN=signpdf is valid 2018-08-08 → 2292; the
 * second signer of signed-twice.pdf (CN=SignPdf) only 2018-09-25 → 2018-10-25, although its CMS claims a
 * signing time of 2019-10-31 — a claim only; the pinned time sits inside both validity windows.
 */
export const CORPUS_TIME = new Date('2019-06-01T00:00:00Z');
export const SIGNED_TWICE_TIME = new Date('2018-10-01T00:00:00Z');

/** Every certificate carried by the CMS of every signature of a PDF (DER), in order, without duplicates. */
export function embeddedCertificates(pdf: Uint8Array): Uint8Array[] {
  const doc = new PdfDocument(pdf);
  const out: Uint8Array[] = [];
  const seen = new Set<string>();
  for (const candidate of findSignatures(doc)) {
    const check = checkByteRange(doc, candidate);
    if (!check.ok) continue;
    for (const der of parseSignedData(check.cms).certificates) {
      const key = Buffer.from(der).toString('hex');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(new Uint8Array(der));
    }
  }
  return out;
}

export const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts.map((part) => Buffer.from(part.buffer, part.byteOffset, part.length))));
}

/** Replaces the first occurrence of `from` (at or after `after`) with `to`, which must have the same length. */
export function patch(pdf: Uint8Array, from: string, to: string, after = 0): Uint8Array {
  if (from.length !== to.length) throw new Error(`patch: "${from}" and "${to}" differ in length`);
  const at = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length).indexOf(from, after, 'latin1');
  if (at < 0) throw new Error(`patch: "${from}" not found`);
  const out = new Uint8Array(pdf);
  out.set(latin1(to), at);
  return out;
}

/** The values of the last `startxref` and of /Root, /Size in the last trailer (a test shortcut). */
export function lastTrailer(pdf: Uint8Array): { startxref: number; root: number; size: number } {
  const doc = new PdfDocument(pdf);
  const last = doc.last;
  if (!last) throw new Error('no revision');
  const root = last.trailer.entries.get('Root');
  const size = last.trailer.entries.get('Size');
  if (root?.kind !== 'ref' || size?.kind !== 'num') throw new Error('no /Root or /Size');
  return { startxref: last.startxref, root: root.num, size: size.value };
}

export interface IncrementObject {
  readonly num: number;
  readonly gen?: number;
  /** The object body (between `obj` and `endobj`); a stream body includes `stream … endstream`. */
  readonly body: string | Uint8Array;
}

/**
 * Appends an incremental update (objects, a classic xref table listing them, a trailer with /Prev) —
 * the way a conforming writer does. `freed` object numbers get free entries.
 */
export function appendIncrement(
  pdf: Uint8Array,
  objects: readonly IncrementObject[],
  options: { freed?: readonly number[]; trailerExtra?: string; prev?: number | null; eol?: string; root?: number } = {},
): Uint8Array {
  const last = lastTrailer(pdf);
  const { startxref, size } = last;
  const root = options.root ?? last.root;
  const eol = options.eol ?? '\n';
  const parts: Uint8Array[] = [pdf];
  let offset = pdf.length;
  const add = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a && pdf[pdf.length - 1] !== 0x0d) add(latin1(eol));
  const entries = new Map<number, string>();
  for (const object of objects) {
    const gen = object.gen ?? 0;
    entries.set(object.num, `${String(offset).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\n`);
    add(latin1(`${object.num} ${gen} obj\n`));
    add(typeof object.body === 'string' ? latin1(object.body) : object.body);
    add(latin1('\nendobj\n'));
  }
  for (const num of options.freed ?? []) entries.set(num, '0000000000 00001 f\r\n');
  const xref = offset;
  let table = 'xref\n';
  for (const num of [...entries.keys()].sort((x, y) => x - y)) table += `${num} 1\n${entries.get(num)}`;
  const newSize = Math.max(size, ...[...entries.keys()].map((n) => n + 1));
  const prev = options.prev === null ? '' : ` /Prev ${options.prev ?? startxref}`;
  table += `trailer\n<< /Size ${newSize} /Root ${root} 0 R${prev}${options.trailerExtra ?? ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  add(latin1(table));
  return concatBytes(parts);
}

/** A stream object body. */
export function streamBody(data: Uint8Array | string, dict = ''): Uint8Array {
  const bytes = typeof data === 'string' ? latin1(data) : data;
  return concatBytes([latin1(`<< /Length ${bytes.length}${dict} >>\nstream\n`), bytes, latin1('\nendstream')]);
}

export interface SignOptions {
  /** PEM private key and certificate; `chain` PEM certificates to embed. */
  readonly key: string;
  readonly certificate: string;
  readonly chain?: readonly string[];
  readonly fieldName?: string;
  readonly subFilter?: string;
  /** Bytes reserved for the CMS in /Contents (hex is twice that). Default 12 KiB. */
  readonly contentsBytes?: number;
  /** Make this a certification signature with DocMDP permission P. */
  readonly docMdp?: 1 | 2 | 3;
  readonly reason?: string;
  readonly signingTime?: Date;
  /** Makes the CMS from the signed bytes (default: ../cms signCmsDetached with the key). */
  readonly cms?: (content: Uint8Array) => Uint8Array;
  /** /Type of the signature dictionary (default Sig). */
  readonly type?: 'Sig' | 'DocTimeStamp';
  /** Put the widget under a parent field of this name (/Kids; /FT and /V inherited from the parent). */
  readonly parentField?: string;
}

/**
 * A small PDF writer: one page with text, optional large image, optional compressed structure (object
 * streams and xref streams), then incremental revisions and signatures on top.
 */
export class PdfBuilder {
  private parts: Uint8Array[] = [];
  private length = 0;
  private lastXref = 0;
  private size = 0;
  readonly annots: number[] = [];
  readonly fields: number[] = [];
  private perms: number | undefined;
  private catalogExtra = '';
  readonly rootNum = 1;
  readonly pagesNum = 2;
  readonly pageNum = 3;
  readonly contentNum = 4;
  readonly fontNum = 5;
  readonly imageNum = 6;
  private readonly image: boolean;
  private readonly xrefStreams: boolean;
  private readonly pageExtra: string;

  constructor(
    options: {
      /** Text drawn on the page. */
      text?: string;
      /** Size of a random-data image XObject drawn on the page (bytes). */
      imageBytes?: number;
      /** Extra raw page dictionary entries (e.g. a dangling reference). */
      pageExtra?: string;
      /** Extra page content operators. */
      contentExtra?: string;
      /** Catalog, pages, page and font inside an object stream; xref streams for every revision. */
      compressed?: boolean;
      header?: string;
    } = {},
  ) {
    this.image = options.imageBytes !== undefined;
    this.xrefStreams = options.compressed ?? false;
    this.pageExtra = options.pageExtra ?? '';
    this.add(latin1(`${options.header ?? '%PDF-1.7'}\n%\xe2\xe3\xcf\xd3\n`));
    const draw = this.image ? 'q 200 0 0 200 72 400 cm /Im1 Do Q\n' : '';
    const content = `BT /F1 18 Tf 72 760 Td (${options.text ?? 'Cong hoa xa hoi chu nghia Viet Nam'}) Tj ET\n${draw}${options.contentExtra ?? ''}`;
    const objects = new Map<number, string | Uint8Array>([
      [this.rootNum, this.catalogBody()],
      [this.pagesNum, `<< /Type /Pages /Kids [${this.pageNum} 0 R] /Count 1 >>`],
      [this.pageNum, this.pageBody()],
      [this.contentNum, streamBody(content)],
      [this.fontNum, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
    ]);
    if (this.image) {
      const bytes = options.imageBytes as number;
      const side = Math.max(1, Math.floor(Math.sqrt(bytes)));
      const data = new Uint8Array(side * side);
      // Deterministic pseudo-random pixels (incompressible enough, no crypto needed).
      let x = 0x9e3779b9;
      for (let i = 0; i < data.length; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        data[i] = x & 0xff;
      }
      objects.set(
        this.imageNum,
        streamBody(
          data,
          ` /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8`,
        ),
      );
    }
    this.size = (this.image ? this.imageNum : this.fontNum) + 1;
    if (this.xrefStreams) this.commitCompressed(objects);
    else this.commit(objects);
  }

  private add(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.length;
  }

  allocate(): number {
    return this.size++;
  }

  catalogBody(): string {
    const form =
      this.fields.length > 0
        ? ` /AcroForm << /Fields [${this.fields.map((n) => `${n} 0 R`).join(' ')}] /SigFlags 3 >>`
        : '';
    const perms = this.perms === undefined ? '' : ` /Perms << /DocMDP ${this.perms} 0 R >>`;
    return `<< /Type /Catalog /Pages ${this.pagesNum} 0 R${form}${perms}${this.catalogExtra} >>`;
  }

  pageBody(): string {
    const annots = this.annots.length > 0 ? ` /Annots [${this.annots.map((n) => `${n} 0 R`).join(' ')}]` : '';
    const xobject = this.image ? ` /XObject << /Im1 ${this.imageNum} 0 R >>` : '';
    return `<< /Type /Page /Parent ${this.pagesNum} 0 R /MediaBox [0 0 595 842] /Contents ${this.contentNum} 0 R /Resources << /Font << /F1 ${this.fontNum} 0 R >>${xobject} >>${annots}${this.pageExtra} >>`;
  }

  /** Writes one revision holding these objects (the first call writes the original document). */
  commit(objects: ReadonlyMap<number, string | Uint8Array>, options: { trailerExtra?: string } = {}): this {
    const first = this.lastXref === 0;
    if (this.xrefStreams && !first) return this.commitWithXrefStream(objects, options);
    const offsets = new Map<number, number>();
    for (const [num, body] of objects) {
      offsets.set(num, this.length);
      this.add(latin1(`${num} 0 obj\n`));
      this.add(typeof body === 'string' ? latin1(body) : body);
      this.add(latin1('\nendobj\n'));
    }
    const xref = this.length;
    let table = 'xref\n';
    if (first) table += '0 1\n0000000000 65535 f\r\n';
    for (const num of [...offsets.keys()].sort((x, y) => x - y))
      table += `${num} 1\n${String(offsets.get(num)).padStart(10, '0')} 00000 n\r\n`;
    const prev = first ? '' : ` /Prev ${this.lastXref}`;
    table += `trailer\n<< /Size ${this.size} /Root ${this.rootNum} 0 R${prev}${options.trailerExtra ?? ''} >>\nstartxref\n${xref}\n%%EOF\n`;
    this.add(latin1(table));
    this.lastXref = xref;
    return this;
  }

  /** The original document with catalog, pages, page and font in an object stream, indexed by an xref stream. */
  private commitCompressed(objects: ReadonlyMap<number, string | Uint8Array>): void {
    const packed = [this.rootNum, this.pagesNum, this.pageNum, this.fontNum];
    const objstmNum = this.allocate();
    let header = '';
    let body = '';
    for (const num of packed) {
      header += `${num} ${body.length} `;
      body += `${objects.get(num) as string}\n`;
    }
    const data = deflateSync(latin1(header + body));
    const rows = new Map<number, [number, number, number]>();
    const write = (num: number, bytes: Uint8Array) => {
      rows.set(num, [1, this.length, 0]);
      this.add(latin1(`${num} 0 obj\n`));
      this.add(bytes);
      this.add(latin1('\nendobj\n'));
    };
    write(
      objstmNum,
      concatBytes([
        latin1(
          `<< /Type /ObjStm /N ${packed.length} /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
        ),
        data,
        latin1('\nendstream'),
      ]),
    );
    for (const [index, num] of packed.entries()) rows.set(num, [2, objstmNum, index]);
    for (const [num, bytes] of objects)
      if (!packed.includes(num)) write(num, typeof bytes === 'string' ? latin1(bytes) : bytes);
    this.writeXrefStream(rows, '', true);
  }

  private commitWithXrefStream(
    objects: ReadonlyMap<number, string | Uint8Array>,
    options: { trailerExtra?: string },
  ): this {
    const rows = new Map<number, [number, number, number]>();
    for (const [num, body] of objects) {
      rows.set(num, [1, this.length, 0]);
      this.add(latin1(`${num} 0 obj\n`));
      this.add(typeof body === 'string' ? latin1(body) : body);
      this.add(latin1('\nendobj\n'));
    }
    this.writeXrefStream(rows, options.trailerExtra ?? '', false);
    return this;
  }

  /** An xref stream with PNG-up predicted rows (W [1 4 2]), as Acrobat and most libraries write. */
  private writeXrefStream(rows: Map<number, [number, number, number]>, trailerExtra: string, first: boolean): void {
    const num = this.allocate();
    const offset = this.length;
    rows.set(num, [1, offset, 0]);
    if (first) rows.set(0, [0, 0, 65535]);
    const nums = [...rows.keys()].sort((x, y) => x - y);
    const width = 7;
    const raw = new Uint8Array(nums.length * (width + 1));
    let previous = new Uint8Array(width);
    nums.forEach((n, i) => {
      const [type, f2, f3] = rows.get(n) as [number, number, number];
      const row = Uint8Array.of(
        type,
        (f2 >>> 24) & 255,
        (f2 >>> 16) & 255,
        (f2 >>> 8) & 255,
        f2 & 255,
        (f3 >>> 8) & 255,
        f3 & 255,
      );
      raw[i * (width + 1)] = 2; // PNG "up"
      for (let k = 0; k < width; k++)
        raw[i * (width + 1) + 1 + k] = ((row[k] as number) - (previous[k] as number)) & 255;
      previous = row;
    });
    const data = deflateSync(raw);
    const index = nums.map((n) => `${n} 1`).join(' ');
    const prev = first ? '' : ` /Prev ${this.lastXref}`;
    this.add(
      concatBytes([
        latin1(
          `${num} 0 obj\n<< /Type /XRef /Size ${this.size} /Root ${this.rootNum} 0 R${prev} /W [1 4 2] /Index [${index}] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> /Length ${data.length}${trailerExtra} >>\nstream\n`,
        ),
        data,
        latin1(`\nendstream\nendobj\nstartxref\n${offset}\n%%EOF\n`),
      ]),
    );
    this.lastXref = offset;
  }

  /** Adds an incremental revision with a signature field, its widget and a real signature over the file. */
  sign(options: SignOptions): this {
    const sigNum = this.allocate();
    const widgetNum = this.allocate();
    const contentsBytes = options.contentsBytes ?? 12 * 1024;
    const placeholder = '[0 ********** ********** **********]';
    const time = options.signingTime ?? new Date();
    const m = `D:${time.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;
    const reference =
      options.docMdp === undefined
        ? ''
        : ` /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P ${options.docMdp} /V /1.2 >> >>]`;
    const sig = `<< /Type /${options.type ?? 'Sig'} /Filter /Adobe.PPKLite /SubFilter /${options.subFilter ?? 'adbe.pkcs7.detached'} /ByteRange ${placeholder} /Contents <${'0'.repeat(contentsBytes * 2)}> /M (${m})${options.reason ? ` /Reason (${options.reason})` : ''}${reference} >>`;
    const parentNum = options.parentField === undefined ? undefined : this.allocate();
    this.fields.push(parentNum ?? widgetNum);
    this.annots.push(widgetNum);
    if (options.docMdp !== undefined) this.perms = sigNum;
    const name = options.fieldName ?? `Signature${this.fields.length}`;
    const objects = new Map<number, string | Uint8Array>([[sigNum, sig]]);
    if (parentNum === undefined)
      objects.set(
        widgetNum,
        `<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /F 132 /T (${name}) /V ${sigNum} 0 R /P ${this.pageNum} 0 R >>`,
      );
    else {
      objects.set(parentNum, `<< /FT /Sig /T (${options.parentField}) /Kids [${widgetNum} 0 R] >>`);
      objects.set(
        widgetNum,
        `<< /Type /Annot /Subtype /Widget /Parent ${parentNum} 0 R /T (${name}) /Rect [0 0 0 0] /F 132 /V ${sigNum} 0 R /P ${this.pageNum} 0 R >>`,
      );
    }
    objects.set(this.pageNum, this.pageBody());
    objects.set(this.rootNum, this.catalogBody());
    const start = this.length;
    this.commit(objects);
    // Fill in /ByteRange and /Contents now that the offsets are known.
    const pdf = concatBytes(this.parts);
    const view = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length);
    const brAt = view.indexOf(placeholder, start, 'latin1');
    const a = view.indexOf('/Contents <', brAt, 'latin1') + 10;
    const b = a + contentsBytes * 2 + 2;
    const c = pdf.length - b;
    const byteRange = `[0 ${a} ${b} ${c}]`.padEnd(placeholder.length, ' ');
    pdf.set(latin1(byteRange), brAt);
    const content = concatBytes([pdf.subarray(0, a), pdf.subarray(b)]);
    const cms =
      options.cms?.(content) ??
      signCmsDetached(content, {
        key: options.key,
        certificate: options.certificate,
        ...(options.chain ? { chain: [...options.chain] } : {}),
        signingTime: time,
      });
    if (cms.length > contentsBytes) throw new Error(`CMS of ${cms.length} bytes does not fit in ${contentsBytes}`);
    pdf.set(latin1(Buffer.from(cms).toString('hex')), a + 1);
    this.parts = [pdf];
    this.length = pdf.length;
    return this;
  }

  /** Sets extra catalog entries for the next revision that rewrites the catalog. */
  setCatalogExtra(extra: string): this {
    this.catalogExtra = extra;
    return this;
  }

  bytes(): Uint8Array {
    return concatBytes(this.parts);
  }
}

// ------------------------------------------------------------------------------- poppler / NSS oracle

export interface ToolStatus {
  readonly available: boolean;
  readonly reason: string;
  readonly version: string;
}

/** Whether pdfsig, certutil and pk12util can run; in CI their absence is a failure, elsewhere a skip. */
export function popplerStatus(): ToolStatus {
  const missing: string[] = [];
  let version = '';
  for (const [tool, args] of [
    ['pdfsig', ['-v']],
    ['certutil', ['-H']],
    ['pk12util', ['-h']],
  ] as const) {
    const run = spawnSync(tool, [...args], { encoding: 'utf8' });
    if (run.error) missing.push(tool);
    else if (tool === 'pdfsig') version = `${run.stdout}${run.stderr}`.split('\n')[0]?.trim() ?? '';
  }
  if (missing.length === 0) return { available: true, reason: '', version };
  const reason = `${missing.join(', ')} not found (Debian: poppler-utils, libnss3-tools): PDF interop tests skipped`;
  if (process.env.CI) throw new Error(`${reason} — CI must install them (.ci/run)`);
  return { available: false, reason, version };
}

export function run(
  command: string,
  args: readonly string[],
  cwd?: string,
): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, [...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

export function must(command: string, args: readonly string[], cwd?: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/** What `pdfsig` says about each signature of a file. */
export interface PdfsigSignature {
  readonly field: string;
  readonly validation: string;
  readonly certificate: string | undefined;
  readonly total: boolean;
  readonly type: string | undefined;
}

export function pdfsigReport(file: string, nssDir?: string): PdfsigSignature[] {
  const args = nssDir ? ['-nssdir', `sql:${nssDir}`, file] : ['-nocert', file];
  const result = run('pdfsig', args);
  const out: PdfsigSignature[] = [];
  for (const block of result.stdout.split(/^Signature #\d+:$/m).slice(1)) {
    const value = (label: string) =>
      block
        .split('\n')
        .find((line) => line.trimStart().startsWith(`- ${label}:`))
        ?.split(`${label}:`)[1]
        ?.trim();
    out.push({
      field: value('Signature Field Name') ?? '',
      validation: value('Signature Validation') ?? '',
      certificate: value('Certificate Validation'),
      total: block.includes('Total document signed'),
      type: value('Signature Type'),
    });
  }
  return out;
}
