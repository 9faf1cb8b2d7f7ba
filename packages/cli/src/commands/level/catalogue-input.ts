/*
 * The catalogue named on the command line, read as CSV or JSON, and the day (`--date`) it is classified or
 * aggregated for. Bad rows are findings of the import (exit 1); only an unreadable file or a bad option stops the
 * command (exit 2).
 */
import { extname } from 'node:path';
import type { Report } from '@lienthong/report';
import {
  type Catalogue,
  readCatalogueCsv,
  readCatalogueJson,
  type Scheme,
  schemeOn,
  toVietnamIsoString,
} from '@lienthong/service-level';
import { CliError, type CliIO } from '../../framework/command';
import { readInputFile } from '../../framework/files';
import { unreadableFileReport } from '../../framework/input-report';

export type CatalogueFormat = 'csv' | 'json';

export interface CatalogueInput {
  readonly path: string;
  readonly format: CatalogueFormat;
  readonly catalogue: Catalogue;
  readonly report: Report;
}

/** JSON by extension (.json), CSV by extension (.csv, .tsv, .txt); otherwise JSON when it starts with { or [. */
export function catalogueFormatOf(path: string, bytes: Uint8Array): CatalogueFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d))
    at++;
  return bytes[at] === 0x7b || bytes[at] === 0x5b ? 'json' : 'csv';
}

/** A Vietnam calendar day and the classification scheme in force on it. */
export interface ReportDay {
  readonly date: string;
  readonly scheme: Scheme;
}

/** The day of `--date` (validated), or today in Vietnam. */
export function dayOption(text: string | undefined, now: () => Date = () => new Date()): ReportDay {
  const day = schemeOn(text ?? toVietnamIsoString(now()).slice(0, 10));
  if (day.valid && (text === undefined || /^\d{4}-\d{2}-\d{2}$/.test(text)))
    return { date: day.date, scheme: day.scheme };
  throw new CliError('INVALID_OPTION_VALUE', {
    vi: `--date «${text}» không hợp lệ: cần một ngày có thật, viết YYYY-MM-DD (giờ Việt Nam), ví dụ 2024-12-31.`,
    en: `--date "${text}" is not valid: give a day that exists, written YYYY-MM-DD (Vietnam time), e.g. 2024-12-31.`,
  });
}

/**
 * Reads and imports the catalogue. CSV rows are read with `date` as the catalogue's date unless it has its own.
 * A file that cannot be read gives an empty catalogue whose report holds the error (CLI-IO-001) and the CliError
 * to print, so that `--format json` still writes a complete, valid document.
 */
export async function readCatalogueInput(
  io: CliIO,
  path: string,
  date: string,
): Promise<CatalogueInput & { readonly failure?: CliError }> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(io, path);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    const report = unreadableFileReport(path, 'service-catalogue', error.cause);
    const format = catalogueFormatOf(path, new Uint8Array());
    return { path, format, catalogue: { services: [] }, report, failure: error };
  }
  const format = catalogueFormatOf(path, bytes);
  const imported =
    format === 'json'
      ? readCatalogueJson(bytes, { subject: path })
      : readCatalogueCsv(bytes, { subject: path, asOf: date });
  return { path, format, ...imported };
}

/** Which input the findings came from, for the JSON outputs. */
export function catalogueSummary(input: CatalogueInput) {
  const { catalogue, report } = input;
  return {
    path: input.path,
    format: input.format,
    publisher:
      catalogue.publisher === undefined
        ? null
        : { name: catalogue.publisher.name, code: catalogue.publisher.code ?? null },
    asOf: catalogue.asOf ?? null,
    valid: report.valid,
    counts: { error: report.counts.error, warning: report.counts.warning, info: report.counts.info },
  };
}
