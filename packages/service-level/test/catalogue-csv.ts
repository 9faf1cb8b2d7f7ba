/*
 * Test support: writes a catalogue as the CSV a spreadsheet would export (Vietnamese or English headers, `,`
 * or `;`, with or without a byte order mark), and fast-check arbitraries of services that such a file can
 * carry, so that the importer can be tested by round trip.
 */
import fc from 'fast-check';
import { capabilitiesArbitrary } from '../src/classify/capabilities.arbitrary';
import type { Catalogue, Payment, ResultChannel, Service, Tier } from '../src/model/service';

export interface CsvWriteOptions {
  readonly delimiter: ',' | ';';
  readonly headers: 'vi' | 'en' | 'vi-unaccented-upper';
  readonly lineEnd?: '\n' | '\r\n';
  readonly byteOrderMark?: boolean;
  /** Write dates as 31/12/2024 instead of 2024-12-31. */
  readonly dayFirstDates?: boolean;
}

const HEADERS = {
  vi: [
    'STT',
    'Mã thủ tục',
    'Tên thủ tục',
    'Cơ quan',
    'Mã cơ quan',
    'Cấp',
    'Mã lĩnh vực',
    'Công khai thông tin',
    'Tải biểu mẫu',
    'Nộp trực tuyến',
    'Xử lý trực tuyến',
    'Thanh toán',
    'Trả kết quả',
    'Phải có mặt',
    'Hiệu lực từ',
    'Hiệu lực đến',
    'Mức độ khai báo',
  ],
  en: [
    'No.',
    'procedureCode',
    'name',
    'agency',
    'agencyCode',
    'tier',
    'fieldCode',
    'informationPublished',
    'formsDownloadable',
    'onlineSubmission',
    'onlineProcessing',
    'payment',
    'resultChannels',
    'physicalPresenceRequired',
    'effectiveFrom',
    'effectiveTo',
    'declaredLevel',
  ],
} as const;

const TIER_TEXT: Readonly<Record<Tier, string>> = { tinh: 'Tỉnh', huyen: 'Huyện', xa: 'Xã' };
const PAYMENT_TEXT: Readonly<Record<Payment, string>> = {
  'no-fee': 'Không thu phí',
  online: 'Trực tuyến',
  'offline-only': 'Trực tiếp',
};
const CHANNEL_TEXT: Readonly<Record<ResultChannel, string>> = {
  online: 'Trực tuyến',
  'public-post': 'Bưu chính',
  'in-person': 'Trực tiếp',
};

function unaccentedUpper(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase();
}

function quote(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replaceAll('"', '""')}"` : field;
}

function dateText(date: string | undefined, dayFirst: boolean | undefined): string {
  if (date === undefined) return '';
  if (!dayFirst) return date;
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

function declaredText(declared: Service['declared']): string {
  if (declared?.nd43Level !== undefined) return `Mức độ ${declared.nd43Level}`;
  if (declared?.nd42Category === 'toan_trinh') return 'Toàn trình';
  if (declared?.nd42Category === 'mot_phan') return 'Một phần';
  return '';
}

const yesNo = (value: boolean) => (value ? 'Có' : 'Không');

/** One row of cells for a service, in the column order of `HEADERS`. */
export function serviceCells(
  service: Service,
  index: number,
  options: Pick<CsvWriteOptions, 'dayFirstDates'>,
): string[] {
  const { capabilities } = service;
  return [
    String(index + 1),
    service.procedureCode,
    service.name,
    service.agency.name,
    service.agency.code ?? '',
    TIER_TEXT[service.tier],
    service.fieldCode ?? '',
    yesNo(capabilities.informationPublished),
    yesNo(capabilities.formsDownloadable),
    yesNo(capabilities.onlineSubmission),
    yesNo(capabilities.onlineProcessing),
    PAYMENT_TEXT[capabilities.payment],
    capabilities.resultChannels.map((channel) => CHANNEL_TEXT[channel]).join('; '),
    yesNo(capabilities.physicalPresenceRequired),
    dateText(service.effectiveFrom, options.dayFirstDates),
    dateText(service.effectiveTo, options.dayFirstDates),
    declaredText(service.declared),
  ];
}

export function headerCells(headers: CsvWriteOptions['headers']): string[] {
  return headers === 'vi-unaccented-upper' ? HEADERS.vi.map(unaccentedUpper) : [...HEADERS[headers]];
}

export function joinCsv(
  rows: readonly (readonly string[])[],
  options: Pick<CsvWriteOptions, 'delimiter' | 'lineEnd' | 'byteOrderMark'>,
): string {
  const lineEnd = options.lineEnd ?? '\r\n';
  const body = rows
    .map((row) => row.map((field) => quote(field, options.delimiter)).join(options.delimiter))
    .join(lineEnd);
  return `${options.byteOrderMark ? '\uFEFF' : ''}${body}${lineEnd}`;
}

export function writeCatalogueCsv(catalogue: Catalogue, options: CsvWriteOptions): string {
  return joinCsv(
    [
      headerCells(options.headers),
      ...catalogue.services.map((service, index) => serviceCells(service, index, options)),
    ],
    options,
  );
}

/** Text a spreadsheet cell holds and the importer keeps as is: NFC, trimmed, non-empty. */
const cellText = fc
  .string({
    unit: fc.constantFrom('a', 'b', 'Đ', 'ệ', 'ư', 'ơ', ' ', ',', ';', '"', '\n', '-', '.', '1'),
    minLength: 1,
    maxLength: 12,
  })
  .map((text) => text.trim())
  .filter((text) => text.length > 0);

const day = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** A service a catalogue CSV can carry (the CSV has one declared column, so one declared value at most). */
export const csvServiceArbitrary: fc.Arbitrary<Service> = fc
  .record(
    {
      procedureCode: cellText,
      name: cellText,
      agency: fc.record({ name: cellText, code: cellText }, { requiredKeys: ['name'] }),
      tier: fc.constantFrom<Tier>('tinh', 'huyen', 'xa'),
      fieldCode: cellText,
      capabilities: capabilitiesArbitrary,
      effectiveFrom: day,
      effectiveTo: day,
      declared: fc.oneof(
        fc.record({ nd43Level: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4> }),
        fc.record({
          nd42Category: fc.constantFrom('toan_trinh', 'mot_phan') as fc.Arbitrary<'toan_trinh' | 'mot_phan'>,
        }),
      ),
    },
    { requiredKeys: ['procedureCode', 'name', 'agency', 'tier', 'capabilities'] },
  )
  .map((service) => service as Service);
