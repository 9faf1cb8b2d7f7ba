import type { LocalizedText } from '@lienthong/report';
import type { TimelinessGranularity } from '../model/service';

/** A comparison granularity as data: its name, its rules in words, and where the rule is attested. */
export interface TimelinessGranularityInfo {
  readonly id: TimelinessGranularity;
  readonly label: LocalizedText;
  /** How a returned dossier is classified early / on time / late. */
  readonly returnedRule: LocalizedText;
  /** How a dossier still pending at the end of a period is classified in time / overdue. */
  readonly pendingRule: LocalizedText;
  /** The vendor code the rule follows (no legal text fixes the comparison; domain notes §2.6). */
  readonly source: string;
}

const PASETO = 'HuanVu201/DichVuCong_KhoaLuan_PASETO @ 07e3b72bedc8cf70a3f356316373c78e0473bfcd';
const OPENCPS = 'VietOpenCPS/opencps-v2 @ 2c719850c86368c12636ea666ad3bce6ea34b441';

/** The three granularities, by id. */
export const TIMELINESS_GRANULARITIES: Readonly<Record<TimelinessGranularity, TimelinessGranularityInfo>> =
  Object.freeze({
    instant: Object.freeze({
      id: 'instant',
      label: { vi: 'theo thời điểm', en: 'to the instant' },
      returnedRule: {
        vi: 'So sánh theo thời điểm: trả trước thời điểm hẹn trả là trước hạn, đúng thời điểm đó là đúng hạn, sau đó là quá hạn.',
        en: 'Compared to the instant: a return before the due time is early, at it on time, after it late.',
      },
      pendingRule: {
        vi: 'Hồ sơ chưa trả tại cuối kỳ là trong hạn khi hạn trả không sớm hơn thời điểm cuối kỳ, quá hạn khi sớm hơn.',
        en: 'A dossier not returned by the period end is in time when its due time is not before the period end, overdue when it is.',
      },
      source: `${PASETO} DichVuCongApi/src/Core/Application/Statistics/BaoCaoTongHop/BaoCaoSo06WhereBuilder.cs (NgayTra so với NgayHenTra; NgayHenTra >= DenNgay)`,
    }),
    'calendar-day': Object.freeze({
      id: 'calendar-day',
      label: { vi: 'theo ngày lịch', en: 'by calendar day' },
      returnedRule: {
        vi: 'So sánh theo ngày lịch (giờ Việt Nam), như báo cáo 06a: trả trước ngày hẹn trả là trước hạn, trong ngày hẹn trả là đúng hạn, sau ngày đó là quá hạn.',
        en: 'Compared by Vietnam calendar day, as the 06a report does: a return before the due day is early, on the due day on time, after it late.',
      },
      pendingRule: {
        vi: 'Hồ sơ chưa trả tại cuối kỳ là trong hạn khi ngày hẹn trả không sớm hơn ngày cuối kỳ, quá hạn khi sớm hơn.',
        en: 'A dossier not returned by the period end is in time when its due day is not before the last day of the period, overdue when it is.',
      },
      source: `${PASETO} DichVuCongApi/src/Core/Application/Statistics/HoSo/ThongKeWhereBuilder.cs (CONVERT(DATE, …), used by BaoCaoSo06aHandler.cs and the QĐ 766 progress index)`,
    }),
    /*
     * Deliberate differences from BetimeUtils: it reads the due time in the server's zone, finds the half-day
     * without looking at weekends or holidays, falls back to 00:00 of the due day for a due time outside working
     * hours, and, for the afternoon, combines the start hour with the end's minutes (`timeCompareM = endPmM`:
     * 13:00 instead of 13:30 with the defaults). Here: Vietnam time, the working calendar, the last working
     * half-day before an out-of-hours due time (with warning SL-TIME-007), and the half-day's own start.
     */
    'working-half-day': Object.freeze({
      id: 'working-half-day',
      label: { vi: 'theo buổi làm việc', en: 'by working half-day' },
      returnedRule: {
        vi: 'So sánh theo buổi làm việc (như BetimeUtils của OpenCPS): trả trước khi bắt đầu buổi làm việc chứa hạn trả là trước hạn, từ đầu buổi đó đến hạn trả là đúng hạn, sau hạn trả là quá hạn.',
        en: 'Compared by working half-day (as OpenCPS BetimeUtils does): a return before the start of the working half-day that holds the due time is early, from that start up to the due time on time, after the due time late.',
      },
      pendingRule: {
        vi: 'Hồ sơ chưa trả tại cuối kỳ là trong hạn khi hạn trả không sớm hơn thời điểm cuối kỳ, quá hạn khi sớm hơn (mốc đầu buổi chỉ phân biệt trước hạn với đúng hạn).',
        en: 'A dossier not returned by the period end is in time when its due time is not before the period end, overdue when it is (the half-day start only separates early from on time).',
      },
      source: `${OPENCPS} modules/backend-datamgt/backend-datamgt-service/src/main/java/org/opencps/datamgt/util/BetimeUtils.java (getValueCompareRelease)`,
    }),
  });
