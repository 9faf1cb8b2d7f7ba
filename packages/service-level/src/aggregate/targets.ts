/*
 * Government targets on online public services, as data, and their check against an aggregation. Only targets
 * about the share of procedures offered at a level can be computed from a catalogue; the others (dossiers,
 * portals, users) are listed with the reason, so a report shows them as "not computable" instead of hiding them.
 * Sources: domain notes §1.5 (Nghị quyết 17/NQ-CP; evaluation index 9 of the one-stop regime).
 */
import type { Issue, LocalizedText } from '@lienthong/report';
import type { ServiceLevelIndicatorName } from './indicators';
import { targetMet, targetNotComputable, targetNotMet, targetUndetermined } from './rules';

const NQ17: LocalizedText = {
  vi: 'Nghị quyết 17/NQ-CP ngày 07/3/2019 (mục tiêu 2019–2020)',
  en: 'Resolution 17/NQ-CP of 2019-03-07 (targets for 2019–2020)',
};
const INDEX_9: LocalizedText = {
  vi: 'chỉ số 9 của bộ chỉ số đánh giá việc giải quyết thủ tục hành chính (cơ chế một cửa, một cửa liên thông)',
  en: 'index 9 of the indices evaluating the settlement of administrative procedures (one-stop regime)',
};

export interface ServiceLevelTarget {
  readonly id: string;
  readonly source: LocalizedText;
  /** The target as the source states it. */
  readonly target: LocalizedText;
  /** The percentage the indicator must reach (inclusive). */
  readonly threshold: number;
  /** The indicator it is checked on, when a catalogue can compute it. */
  readonly indicator?: ServiceLevelIndicatorName;
  /**
   * Set when the target's denominator is narrower than all procedures ("eligible" ones): a catalogue share at
   * or above the threshold proves the target met, a share below it proves nothing.
   */
  readonly narrowerDenominator?: LocalizedText;
  /** Why a catalogue cannot compute it. */
  readonly notComputable?: LocalizedText;
}

export const SERVICE_LEVEL_TARGETS: readonly ServiceLevelTarget[] = [
  {
    id: 'NQ17-DVCTT-LEVEL4',
    source: NQ17,
    target: { vi: '≥ 30% DVCTT ở mức độ 4', en: '≥ 30% of online public services at level 4' },
    threshold: 30,
    indicator: 'dvctt_level4_pct',
  },
  {
    id: 'NQ17-DVCTT-DVCQG',
    source: NQ17,
    target: {
      vi: '30% DVCTT mức độ 3, 4 được tích hợp lên Cổng Dịch vụ công quốc gia',
      en: '30% of level-3/4 online public services integrated with the National Public Service Portal',
    },
    threshold: 30,
    notComputable: {
      vi: 'danh mục không ghi dịch vụ nào đã tích hợp lên Cổng Dịch vụ công quốc gia',
      en: 'a catalogue does not record which services are integrated with the National Public Service Portal',
    },
  },
  {
    id: 'NQ17-HOSO-TRUC-TUYEN',
    source: NQ17,
    target: {
      vi: '≥ 20% hồ sơ được giải quyết trực tuyến',
      en: '≥ 20% of dossiers settled online',
    },
    threshold: 20,
    notComputable: {
      vi: 'cần số hồ sơ tiếp nhận và giải quyết trong kỳ, không phải danh mục dịch vụ',
      en: 'it needs the dossiers received and settled in the period, not the catalogue of services',
    },
  },
  {
    id: 'NQ17-HOSO-MOT-CUA-DIEN-TU',
    source: NQ17,
    target: {
      vi: '100% hồ sơ TTHC được xử lý trên Hệ thống thông tin một cửa điện tử',
      en: '100% of dossiers processed through the electronic one-stop systems',
    },
    threshold: 100,
    notComputable: {
      vi: 'cần số hồ sơ theo kênh xử lý, không phải danh mục dịch vụ',
      en: 'it needs dossiers by processing channel, not the catalogue of services',
    },
  },
  {
    id: 'NQ17-CONG-DVC-DI-DONG',
    source: NQ17,
    target: {
      vi: '50% cổng dịch vụ công cấp bộ, tỉnh có giao diện cho thiết bị di động',
      en: '50% of ministerial and provincial service portals with a mobile interface',
    },
    threshold: 50,
    notComputable: {
      vi: 'đây là chỉ tiêu về cổng thông tin, không về thủ tục',
      en: 'it is about portals, not procedures',
    },
  },
  {
    id: 'NQ17-XAC-THUC-DIEN-TU',
    source: NQ17,
    target: {
      vi: '20% người dân và doanh nghiệp dùng hệ thống xác thực điện tử thống nhất',
      en: '20% of people and businesses using the unified electronic authentication',
    },
    threshold: 20,
    notComputable: {
      vi: 'đây là chỉ tiêu về người dùng, không về thủ tục',
      en: 'it is about users, not procedures',
    },
  },
  {
    id: 'DGGQ-CHI-SO-9-DVCTT-LEVEL34',
    source: INDEX_9,
    target: {
      vi: '≥ 20% TTHC đủ điều kiện được cung cấp DVCTT mức độ 3, 4 (điều kiện về thủ tục để đạt 2 điểm; điều kiện về hồ sơ không tính từ danh mục)',
      en: '≥ 20% of eligible procedures offered at level 3 or 4 (the procedure condition for 2 points; the dossier conditions are not computable from a catalogue)',
    },
    threshold: 20,
    indicator: 'dvctt_level34_pct',
    narrowerDenominator: {
      vi: 'các TTHC đủ điều kiện cung cấp DVCTT mức độ 3, 4',
      en: 'the procedures eligible for level-3/4 online services',
    },
  },
];

export type TargetStatus = 'met' | 'not-met' | 'undetermined' | 'not-computable';

/** One target checked against an aggregation. */
export interface TargetCheck {
  readonly target: ServiceLevelTarget;
  readonly status: TargetStatus;
  /** The figure checked (count over total, rounded percentage), when computed. */
  readonly figure?: { readonly count: number; readonly total: number; readonly percent: number | null };
  /** The finding, with the numbers quoted in both languages. */
  readonly issue: Issue;
}

/** What an indicator's ratio is at the scope checked. */
export interface TargetFigure {
  readonly label: LocalizedText;
  readonly count: number;
  readonly total: number;
  readonly percent: number | null;
}

const NO_SERVICES: LocalizedText = {
  vi: 'không có dịch vụ nào có hiệu lực vào thời điểm tính',
  en: 'no service is in force at the date aggregated',
};

/**
 * Checks one target. The comparison uses the exact fraction (100 × count ≥ threshold × total), not the rounded
 * percentage, so rounding can never turn 29.996 % into a met 30 % target.
 */
export function checkTarget(target: ServiceLevelTarget, figure: TargetFigure | undefined): TargetCheck {
  const common = { target: target.target, source: target.source };
  if (target.notComputable !== undefined || figure === undefined) {
    const reason = target.notComputable ?? NO_SERVICES;
    return { target, status: 'not-computable', issue: targetNotComputable.issue({ ...common, reason }) };
  }
  const { count, total, percent, label } = figure;
  if (total === 0) {
    return { target, status: 'not-computable', issue: targetNotComputable.issue({ ...common, reason: NO_SERVICES }) };
  }
  const params = { ...common, indicator: label, count, total, percent };
  const summary = { count, total, percent };
  if (100 * count >= target.threshold * total) {
    return { target, status: 'met', figure: summary, issue: targetMet.issue(params) };
  }
  if (target.narrowerDenominator !== undefined) {
    return {
      target,
      status: 'undetermined',
      figure: summary,
      issue: targetUndetermined.issue({ ...params, denominator: target.narrowerDenominator }),
    };
  }
  // The fewest more procedures at the level that would meet the target, the total unchanged (integer ceiling).
  const missing = Math.floor((target.threshold * total + 99) / 100) - count;
  return { target, status: 'not-met', figure: summary, issue: targetNotMet.issue({ ...params, missing }) };
}
