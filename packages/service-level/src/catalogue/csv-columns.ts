/*
 * The columns of a catalogue spreadsheet and the headers each is recognised by, in Vietnamese and English.
 * Headers are compared by `comparisonKey` (NFC, case-insensitive, with or without diacritics, punctuation and
 * spaces ignored), so "Mã thủ tục", "MÃ THỦ TỤC", "Ma thu tuc" and "procedureCode" all name the same column.
 */
import { comparisonKey } from './cell-values';

export type CatalogueColumn =
  | 'procedureCode'
  | 'name'
  | 'agencyName'
  | 'agencyCode'
  | 'tier'
  | 'fieldCode'
  | 'informationPublished'
  | 'formsDownloadable'
  | 'onlineSubmission'
  | 'onlineProcessing'
  | 'payment'
  | 'resultChannels'
  | 'physicalPresenceRequired'
  | 'effectiveFrom'
  | 'effectiveTo'
  | 'declaredLevel';

export interface CatalogueColumnDefinition {
  readonly column: CatalogueColumn;
  /** The header written in the error message when the column is missing. */
  readonly label: string;
  /** Every header the column is recognised by; the first is the Vietnamese one, then the English ones. */
  readonly headers: readonly string[];
  /** A row without a value in a required column is left out. */
  readonly required: boolean;
}

/** The catalogue columns, in the order a template spreadsheet lists them. */
export const CATALOGUE_COLUMNS: readonly CatalogueColumnDefinition[] = [
  {
    column: 'procedureCode',
    label: 'Mã thủ tục',
    headers: ['Mã thủ tục', 'Mã TTHC', 'Mã thủ tục hành chính', 'procedureCode', 'procedure code'],
    required: true,
  },
  {
    column: 'name',
    label: 'Tên thủ tục',
    headers: ['Tên thủ tục', 'Tên TTHC', 'Tên thủ tục hành chính', 'name', 'procedureName', 'procedure name'],
    required: true,
  },
  {
    column: 'agencyName',
    label: 'Cơ quan',
    headers: ['Cơ quan', 'Cơ quan thực hiện', 'Cơ quan giải quyết', 'Đơn vị', 'agency', 'agencyName', 'agency name'],
    required: true,
  },
  {
    column: 'agencyCode',
    label: 'Mã cơ quan',
    headers: ['Mã cơ quan', 'Mã đơn vị', 'Mã định danh', 'agencyCode', 'agency code'],
    required: false,
  },
  {
    column: 'tier',
    label: 'Cấp',
    headers: ['Cấp', 'Cấp thực hiện', 'Cấp hành chính', 'tier'],
    required: true,
  },
  {
    column: 'fieldCode',
    label: 'Mã lĩnh vực',
    headers: ['Mã lĩnh vực', 'fieldCode', 'field code'],
    required: false,
  },
  {
    column: 'informationPublished',
    label: 'Công khai thông tin',
    headers: ['Công khai thông tin', 'informationPublished', 'information published'],
    required: true,
  },
  {
    column: 'formsDownloadable',
    label: 'Tải biểu mẫu',
    headers: ['Tải biểu mẫu', 'Tải mẫu đơn', 'formsDownloadable', 'forms downloadable'],
    required: true,
  },
  {
    column: 'onlineSubmission',
    label: 'Nộp trực tuyến',
    headers: ['Nộp trực tuyến', 'Nộp hồ sơ trực tuyến', 'onlineSubmission', 'online submission'],
    required: true,
  },
  {
    column: 'onlineProcessing',
    label: 'Xử lý trực tuyến',
    headers: ['Xử lý trực tuyến', 'Giải quyết trực tuyến', 'onlineProcessing', 'online processing'],
    required: true,
  },
  {
    column: 'payment',
    label: 'Thanh toán',
    headers: ['Thanh toán', 'Thanh toán phí', 'Thanh toán phí, lệ phí', 'payment'],
    required: true,
  },
  {
    column: 'resultChannels',
    label: 'Trả kết quả',
    headers: ['Trả kết quả', 'Hình thức trả kết quả', 'Kênh trả kết quả', 'resultChannels', 'result channels'],
    required: true,
  },
  {
    column: 'physicalPresenceRequired',
    label: 'Phải có mặt',
    headers: ['Phải có mặt', 'Yêu cầu có mặt', 'physicalPresenceRequired', 'physical presence required'],
    required: true,
  },
  {
    column: 'effectiveFrom',
    label: 'Hiệu lực từ',
    headers: ['Hiệu lực từ', 'Ngày hiệu lực', 'Từ ngày', 'effectiveFrom', 'effective from'],
    required: false,
  },
  {
    column: 'effectiveTo',
    label: 'Hiệu lực đến',
    headers: ['Hiệu lực đến', 'Ngày hết hiệu lực', 'Đến ngày', 'effectiveTo', 'effective to'],
    required: false,
  },
  {
    column: 'declaredLevel',
    label: 'Mức độ khai báo',
    headers: ['Mức độ khai báo', 'Mức độ', 'Mức độ DVC', 'declaredLevel', 'declared level'],
    required: false,
  },
];

/**
 * Headers recognised and deliberately ignored: the running number (STT) every Vietnamese table starts with.
 * They raise no "unknown column" warning.
 */
export const IGNORED_HEADERS: readonly string[] = ['STT', 'TT', 'Số thứ tự', 'No.'];

const COLUMN_BY_KEY = new Map<string, CatalogueColumnDefinition>();
for (const definition of CATALOGUE_COLUMNS) {
  for (const header of definition.headers) COLUMN_BY_KEY.set(comparisonKey(header), definition);
}
const IGNORED_KEYS = new Set(IGNORED_HEADERS.map(comparisonKey));

/** What a header cell names: a catalogue column, a column deliberately ignored, nothing (blank), or unknown. */
export type HeaderMeaning =
  | { readonly kind: 'column'; readonly definition: CatalogueColumnDefinition }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'unknown' };

export function headerMeaning(header: string): HeaderMeaning {
  const key = comparisonKey(header);
  if (key === '') return header.trim() === '' ? { kind: 'blank' } : { kind: 'unknown' };
  const definition = COLUMN_BY_KEY.get(key);
  if (definition) return { kind: 'column', definition };
  if (IGNORED_KEYS.has(key)) return { kind: 'ignored' };
  return { kind: 'unknown' };
}
