import type { LocalizedText } from '@lienthong/report';
import { z } from 'zod';

/**
 * How a dossier stands against its due date (domain notes §2.6): settled `early`, `on-time` or `late`, or,
 * at the end of a reporting period, still `pending-in-time` or `overdue`. Which comparison decides between
 * early, on time and late (instant, calendar day, working half-day) is the timeliness classifier's
 * parameter; this is only the enumeration and its labels.
 */
export const TimelinessClassSchema = z.enum(['early', 'on-time', 'late', 'pending-in-time', 'overdue']);
export type TimelinessClass = z.infer<typeof TimelinessClassSchema>;

export interface TimelinessClassInfo {
  readonly id: TimelinessClass;
  /** The Vietnamese label is the one provincial reports print (báo cáo số 06 of one-stop-shop systems). */
  readonly label: LocalizedText;
  /** True for the classes of settled dossiers, false for those still being processed. */
  readonly settled: boolean;
  /** The column of the vendor's report the class corresponds to (`BaoCaoSo06WhereBuilder`). */
  readonly reportColumn: string;
}

const timelinessClass = (
  id: TimelinessClass,
  vi: string,
  en: string,
  settled: boolean,
  reportColumn: string,
): TimelinessClassInfo => Object.freeze({ id, label: Object.freeze({ vi, en }), settled, reportColumn });

/** Every timeliness class, by id, in report order. */
export const TIMELINESS_CLASSES: Readonly<Record<TimelinessClass, TimelinessClassInfo>> = Object.freeze({
  early: timelinessClass('early', 'Đã xử lý trước hạn (sớm hạn)', 'Settled early', true, 'DaXuLyTruocHan'),
  'on-time': timelinessClass('on-time', 'Đã xử lý đúng hạn', 'Settled on time', true, 'DaXuLyDungHan'),
  late: timelinessClass('late', 'Đã xử lý quá hạn', 'Settled late', true, 'DaXuLyQuaHan'),
  'pending-in-time': timelinessClass(
    'pending-in-time',
    'Đang xử lý trong hạn',
    'Pending, within the time limit',
    false,
    'DangXuLyTrongHan',
  ),
  overdue: timelinessClass('overdue', 'Đang xử lý quá hạn', 'Pending, overdue', false, 'DangXuLyQuaHan'),
});
