import type { LocalizedText } from '@lienthong/report';
import { z } from 'zod';
import type { CodeParseOptions, CodeParseResult } from '../codes/parse-result';
import { lookupExact, parseExact } from './enum-value';
import { dossierStatusUnknown } from './rules';

/**
 * The dossier status codes (TrangThaiHoSo) a one-stop-shop system sends to the National Public Service
 * Portal (Cổng DVCQG) in `DongBoHoSoMC` and `CapNhatTienDoHoSoMC`: the text `"1"` to `"10"`.
 *
 * No published VPCP specification of these codes was found; the table is the one vendor systems share
 * (domain notes §2.4, §6). A system with statuses of its own maps them to these codes.
 */
export const DossierStatusCodeSchema = z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
export type DossierStatusCode = z.infer<typeof DossierStatusCodeSchema>;

export type DossierStatusMachineName =
  | 'moi_dang_ky'
  | 'duoc_tiep_nhan'
  | 'khong_duoc_tiep_nhan'
  | 'dang_xu_ly'
  | 'yeu_cau_bo_sung'
  | 'yeu_cau_nghia_vu_tai_chinh'
  | 'cong_dan_rut_ho_so'
  | 'dung_xu_ly'
  | 'da_xu_ly_xong'
  | 'da_tra_ket_qua';

export interface DossierStatus {
  readonly code: DossierStatusCode;
  /** A stable name for programs, from the Vietnamese label. */
  readonly machineName: DossierStatusMachineName;
  readonly label: LocalizedText;
  /**
   * The dossier's life ends here: rejected at intake (3), withdrawn (7), stopped (8) or result returned
   * (10). `9` (processed, result not yet handed over) is not terminal.
   */
  readonly terminal: boolean;
}

const status = (
  code: DossierStatusCode,
  machineName: DossierStatusMachineName,
  vi: string,
  en: string,
  terminal: boolean,
): DossierStatus => Object.freeze({ code, machineName, label: Object.freeze({ vi, en }), terminal });

/** Every status, by code. */
export const DOSSIER_STATUSES: Readonly<Record<DossierStatusCode, DossierStatus>> = Object.freeze({
  '1': status('1', 'moi_dang_ky', 'Mới đăng ký', 'Newly submitted, not yet accepted', false),
  '2': status('2', 'duoc_tiep_nhan', 'Được tiếp nhận', 'Accepted', false),
  '3': status('3', 'khong_duoc_tiep_nhan', 'Không được tiếp nhận', 'Not accepted', true),
  '4': status('4', 'dang_xu_ly', 'Đang xử lý', 'Being processed', false),
  '5': status('5', 'yeu_cau_bo_sung', 'Yêu cầu bổ sung giấy tờ', 'Supplementary documents requested', false),
  '6': status(
    '6',
    'yeu_cau_nghia_vu_tai_chinh',
    'Yêu cầu thực hiện nghĩa vụ tài chính',
    'Financial obligations requested',
    false,
  ),
  '7': status('7', 'cong_dan_rut_ho_so', 'Công dân yêu cầu rút hồ sơ', "Withdrawn at the applicant's request", true),
  '8': status('8', 'dung_xu_ly', 'Dừng xử lý', 'Processing stopped', true),
  '9': status('9', 'da_xu_ly_xong', 'Đã xử lý xong', 'Processed, result not yet returned', false),
  '10': status('10', 'da_tra_ket_qua', 'Đã trả kết quả', 'Result returned', true),
});

const byCode: ReadonlyMap<string, DossierStatus> = new Map(Object.values(DOSSIER_STATUSES).map((s) => [s.code, s]));

/** The status with this code, or `undefined` (`lookupDossierStatus('11')`). Never throws. */
export function lookupDossierStatus(code: string): DossierStatus | undefined {
  return lookupExact(byCode, code);
}

/** The status with this code, or an `SL-ENUM-001` issue. The code must be exactly `"1"`…`"10"`. Never throws. */
export function parseDossierStatus(code: string, options?: CodeParseOptions): CodeParseResult<DossierStatus> {
  return parseExact(byCode, code, dossierStatusUnknown, options);
}
