import type { LocalizedText } from '@lienthong/report';
import type { ServiceCapabilities } from '../model/service';

/**
 * The legal provisions the classification reasons cite, in Vietnamese (the `article` of a criterion, the
 * `reference` of an issue) and in English (inside English messages).
 */
export const CITATIONS = {
  /** The four levels of online public services (in force until 2022-08-14). */
  nd43Levels: {
    vi: 'khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP',
    en: 'Article 3(4) of Decree 43/2011/NĐ-CP',
  },
  /** The detailed requirements per level: the level-1 information items, level-2 forms, level-4 payment. */
  tt32: { vi: 'Thông tư 32/2017/TT-BTTTT', en: 'Circular 32/2017/TT-BTTTT' },
  /** What an online public service is under NĐ 42 (toàn trình or một phần). */
  nd42OnlineService: {
    vi: 'khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP',
    en: 'Article 11(1) of Decree 42/2022/NĐ-CP',
  },
  nd42ToanTrinh: {
    vi: 'điểm a khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP',
    en: 'Article 11(1)(a) of Decree 42/2022/NĐ-CP',
  },
  nd42MotPhan: {
    vi: 'điểm b khoản 1 Điều 11 Nghị định 42/2022/NĐ-CP',
    en: 'Article 11(1)(b) of Decree 42/2022/NĐ-CP',
  },
  /** NĐ 42/2022 replaces NĐ 43/2011 from 2022-08-15. */
  nd42Decree: { vi: 'Nghị định 42/2022/NĐ-CP', en: 'Decree 42/2022/NĐ-CP' },
} as const satisfies Record<string, LocalizedText>;

/** Joins several citations: "khoản 4 Điều 3 Nghị định 43/2011/NĐ-CP; Thông tư 32/2017/TT-BTTTT". */
export function joinCitations(...citations: readonly LocalizedText[]): LocalizedText {
  return {
    vi: citations.map((citation) => citation.vi).join('; '),
    en: citations.map((citation) => citation.en).join('; '),
  };
}

/** A sentence followed by its citation in brackets, in both languages. */
export function cite(sentence: LocalizedText, citation: LocalizedText): LocalizedText {
  return { vi: `${sentence.vi} (${citation.vi}).`, en: `${sentence.en} (${citation.en}).` };
}

/** A condition of a classification scheme, as data: what it checks and the provision that sets it. */
export interface CriterionDefinition {
  readonly title: LocalizedText;
  readonly citation: LocalizedText;
  readonly evaluate: (capabilities: ServiceCapabilities) => { readonly met: boolean; readonly sentence: LocalizedText };
}

/** A criterion evaluated for one service: the definition's own fields, met or not, and why, citing the provision. */
export type EvaluatedCriterion<D extends CriterionDefinition> = Omit<D, 'citation' | 'evaluate'> & {
  readonly met: boolean;
  readonly message: LocalizedText;
  /** The provision, in Vietnamese. */
  readonly article: string;
};

/** Evaluates one criterion of either scheme (NĐ 43 levels, NĐ 42 categories) the same way. */
export function evaluateCriterion<D extends CriterionDefinition>(
  definition: D,
  capabilities: ServiceCapabilities,
): EvaluatedCriterion<D> {
  const { citation, evaluate, ...fields } = definition;
  const { met, sentence } = evaluate(capabilities);
  return { ...fields, met, message: cite(sentence, citation), article: citation.vi };
}
