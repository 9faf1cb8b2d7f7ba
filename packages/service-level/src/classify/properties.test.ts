import type { LocalizedText } from '@lienthong/report';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_RANK,
  capabilitiesArbitrary,
  improvedCapabilitiesArbitrary,
  singleStepImprovements,
} from './capabilities.arbitrary';
import { enumerateCapabilities } from './correspondence';
import { classifyNd42 } from './nd42-category';
import { classifyNd43 } from './nd43-level';

// Letters only Vietnamese has (đ, and vowels with a tone or shape mark): a Vietnamese text must use some.
const VIETNAMESE_LETTER = /[đĐăâêôơưĂÂÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/;

function expectBilingual(text: LocalizedText): void {
  expect(text.vi.trim().length).toBeGreaterThan(0);
  expect(text.en.trim().length).toBeGreaterThan(0);
  expect(text.vi).toMatch(VIETNAMESE_LETTER);
  expect(text.vi).not.toBe(text.en);
}

describe('classification properties', () => {
  it('never lowers the NĐ 43 level or the NĐ 42 category when a capability is added', () => {
    fc.assert(
      fc.property(improvedCapabilitiesArbitrary, ([less, more]) => {
        expect(classifyNd43(more).level).toBeGreaterThanOrEqual(classifyNd43(less).level);
        expect(CATEGORY_RANK[classifyNd42(more).category]).toBeGreaterThanOrEqual(
          CATEGORY_RANK[classifyNd42(less).category],
        );
      }),
    );
  });

  it('is monotone over every single-step improvement of every capabilities value (exhaustive)', () => {
    let pairs = 0;
    for (const capabilities of enumerateCapabilities()) {
      const level = classifyNd43(capabilities).level;
      const rank = CATEGORY_RANK[classifyNd42(capabilities).category];
      for (const improved of singleStepImprovements(capabilities)) {
        pairs += 1;
        if (classifyNd43(improved).level < level || CATEGORY_RANK[classifyNd42(improved).category] < rank) {
          expect.fail(`lowered by ${JSON.stringify(capabilities)} → ${JSON.stringify(improved)}`);
        }
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it('makes toàn trình imply online submission, online processing and a result online or by post', () => {
    fc.assert(
      fc.property(capabilitiesArbitrary, (capabilities) => {
        if (classifyNd42(capabilities).category !== 'toan_trinh') return;
        expect(capabilities.onlineSubmission).toBe(true);
        expect(capabilities.onlineProcessing).toBe(true);
        expect(capabilities.physicalPresenceRequired).toBe(false);
        expect(capabilities.payment).not.toBe('offline-only');
        expect(capabilities.resultChannels.some((c) => c === 'online' || c === 'public-post')).toBe(true);
      }),
    );
  });

  it('makes none exactly the services without online submission', () => {
    fc.assert(
      fc.property(capabilitiesArbitrary, (capabilities) => {
        expect(classifyNd42(capabilities).category === 'none').toBe(!capabilities.onlineSubmission);
      }),
    );
  });

  it('keeps the level consistent with its criteria: all criteria up to the level met, the next level not', () => {
    fc.assert(
      fc.property(capabilitiesArbitrary, (capabilities) => {
        const { level, criteria, missingForNextLevel, nextLevel } = classifyNd43(capabilities);
        expect(criteria.filter((c) => c.level <= level).every((c) => c.met)).toBe(true);
        if (nextLevel === null) {
          expect(level).toBe(4);
          expect(missingForNextLevel).toEqual([]);
        } else {
          expect(nextLevel).toBe(level + 1);
          expect(missingForNextLevel.length).toBeGreaterThan(0);
          expect(missingForNextLevel.every((c) => c.level === nextLevel && !c.met)).toBe(true);
        }
      }),
    );
  });

  it('writes every criterion, reason and summary in both languages, with a citation, for every capabilities value', () => {
    for (const capabilities of enumerateCapabilities()) {
      const nd43 = classifyNd43(capabilities);
      expectBilingual(nd43.summary);
      for (const criterion of nd43.criteria) {
        expectBilingual(criterion.message);
        expectBilingual(criterion.title);
        expect(criterion.message.vi).toContain('Nghị định 43/2011/NĐ-CP');
        expect(criterion.message.en).toContain('Decree 43/2011/NĐ-CP');
      }
      const nd42 = classifyNd42(capabilities);
      expect(nd42.reasons.length).toBeGreaterThan(1);
      for (const reason of nd42.reasons) {
        expectBilingual(reason);
        expect(reason.vi).toContain('Điều 11 Nghị định 42/2022/NĐ-CP');
        expect(reason.en).toContain('Article 11(1)');
      }
      for (const criterion of nd42.criteria) expectBilingual(criterion.message);
    }
  });

  it('shares one frozen result between capabilities that differ only in channel order or repetition', () => {
    fc.assert(
      fc.property(capabilitiesArbitrary, (capabilities) => {
        const shuffled = { ...capabilities, resultChannels: [...capabilities.resultChannels].reverse() };
        const repeated = {
          ...capabilities,
          resultChannels: [...capabilities.resultChannels, ...capabilities.resultChannels],
        };
        expect(classifyNd43(shuffled)).toBe(classifyNd43(capabilities));
        expect(classifyNd43(repeated)).toBe(classifyNd43(capabilities));
        expect(classifyNd42(shuffled)).toBe(classifyNd42(capabilities));
        expect(classifyNd42(repeated)).toBe(classifyNd42(capabilities));
      }),
    );
    const [sample] = enumerateCapabilities();
    const result = classifyNd42(sample!);
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.criteria)).toBe(true);
    expect(Object.isFrozen(result.criteria[0]!.message)).toBe(true);
    expect(() => {
      (result.criteria[0] as { met: boolean }).met = !result.criteria[0]!.met;
    }).toThrow(TypeError);
  });
});
