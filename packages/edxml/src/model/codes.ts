import type { LocalizedText } from '@lienthong/report';
import { KNOWN_STATUS_CODES } from '../lifecycle/status-codes';
import { openEnum } from './open-enum';

/** §1.11.1 Priority (độ khẩn). */
export const PRIORITY_CODES = ['0', '1', '2', '3', '4'] as const;
export type KnownPriority = (typeof PRIORITY_CODES)[number];
export const PrioritySchema = openEnum(PRIORITY_CODES);
export const PRIORITY_LABELS: Readonly<Record<KnownPriority, LocalizedText>> = {
  '0': { vi: 'Thường', en: 'Normal' },
  '1': { vi: 'Khẩn', en: 'Urgent' },
  '2': { vi: 'Thượng khẩn', en: 'Very urgent' },
  '3': { vi: 'Hỏa tốc', en: 'Express' },
  '4': { vi: 'Hỏa tốc hẹn giờ', en: 'Express, timed' },
};

/** §2.2.1 BussinessDocType: what a document packet does. */
export const BUSINESS_DOC_TYPES = ['0', '1', '2', '3'] as const;
export type KnownBusinessDocType = (typeof BUSINESS_DOC_TYPES)[number];
export const BusinessDocTypeSchema = openEnum(BUSINESS_DOC_TYPES);
export const BUSINESS_DOC_TYPE_LABELS: Readonly<Record<KnownBusinessDocType, LocalizedText>> = {
  '0': { vi: 'Văn bản mới', en: 'New document' },
  '1': { vi: 'Thu hồi văn bản', en: 'Revocation' },
  '2': { vi: 'Cập nhật văn bản', en: 'Update' },
  '3': { vi: 'Thay thế văn bản', en: 'Replacement' },
};

/** §1.13 SteeringType: 0 appears in real traffic, 1–3 in the SDK documentation. */
export const STEERING_TYPES = ['0', '1', '2', '3'] as const;
export const SteeringTypeSchema = openEnum(STEERING_TYPES);

/** Status packet codes (§2.2); their meaning, direction and transitions live in `../lifecycle`. */
export const StatusCodeSchema = openEnum(KNOWN_STATUS_CODES);
