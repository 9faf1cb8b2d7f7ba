import type { LocalizedText } from '@lienthong/report';
import { TIER_ORDER, type Tier } from './indicator';

/* The words for tiers, one tier or several together, shared by the validator's messages and the renderings. */

export const TIER_NAMES: Record<Tier, LocalizedText> = {
  tinh: { vi: 'cấp tỉnh', en: 'provincial tier' },
  huyen: { vi: 'cấp huyện', en: 'district tier' },
  xa: { vi: 'cấp xã', en: 'commune tier' },
};

const TIER_ADJECTIVES: Record<Tier, string> = { tinh: 'province', huyen: 'district', xa: 'commune' };

function joinWithAnd(words: readonly string[], and: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)}`;
}

/** Several tiers together: `cấp tỉnh và cấp huyện` / `province and district tiers`. */
export function combinedTiersName(tiers: readonly Tier[]): LocalizedText {
  return {
    vi: joinWithAnd(
      tiers.map((tier) => TIER_NAMES[tier].vi),
      'và',
    ),
    en: `${joinWithAnd(
      tiers.map((tier) => TIER_ADJECTIVES[tier]),
      'and',
    )} tiers`,
  };
}

/** The tier part of a value's or figure's scope: one tier, several tiers together, or neither (the whole). */
export interface TierScope {
  readonly tier?: Tier | undefined;
  readonly tiers?: readonly Tier[] | undefined;
}

/** Equal for the same tier part: `''` for the whole, `tinh`, or `tinh+huyen` for several together. */
export function tierKey(scope: TierScope): string {
  return scope.tier ?? scope.tiers?.join('+') ?? '';
}

/**
 * The position of a tier part in listings: the whole first, then the tiers from province down, several tiers
 * together right after the first of them (`cấp tỉnh`, `cấp tỉnh và cấp huyện`, `cấp huyện`).
 */
export function tierRank(scope: TierScope): number {
  if (scope.tier !== undefined) return TIER_ORDER.indexOf(scope.tier);
  const first = scope.tiers?.[0];
  return first === undefined ? -1 : TIER_ORDER.indexOf(first) + 0.5;
}
