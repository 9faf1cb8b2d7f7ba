import { describe, expect, it } from 'vitest';
import { ServiceCapabilitiesSchema } from '../model/service';
import { enumerateCapabilities, levelCategoryCorrespondence } from './correspondence';
import { classifyNd42 } from './nd42-category';
import { classifyNd43 } from './nd43-level';

/*
 * NĐ 43 level → NĐ 42 category is not a function. The computed table:
 *
 *   level 0 — none, một phần      (information not published; một phần when dossiers are taken online)
 *   level 1 — toàn trình, một phần, none  (no downloadable forms, yet possibly everything online)
 *   level 2 — một phần, none      (online submission without online processing → một phần)
 *   level 3 — một phần            (fees payable only in person: never toàn trình)
 *   level 4 — toàn trình, một phần  (in-person-only results or physical presence → một phần)
 */

describe('enumerateCapabilities', () => {
  it('yields each of the 2⁵ × 3 × 7 = 672 capabilities values the schema accepts, once', () => {
    const all = [...enumerateCapabilities()];
    expect(all).toHaveLength(672);
    expect(new Set(all.map((c) => JSON.stringify(c))).size).toBe(672);
    for (const capabilities of all) expect(ServiceCapabilitiesSchema.safeParse(capabilities).success).toBe(true);
  });
});

describe('levelCategoryCorrespondence', () => {
  const table = levelCategoryCorrespondence();
  const row = (level: number) => table.find((r) => r.level === level)!;

  it('lists the categories each level can have', () => {
    expect(table.map((r) => [r.level, r.categories])).toEqual([
      [0, ['mot_phan', 'none']],
      [1, ['toan_trinh', 'mot_phan', 'none']],
      [2, ['mot_phan', 'none']],
      [3, ['mot_phan']],
      [4, ['toan_trinh', 'mot_phan']],
    ]);
  });

  it('counts every capabilities value once', () => {
    const total = table.reduce((sum, r) => sum + r.counts.toan_trinh + r.counts.mot_phan + r.counts.none, 0);
    expect(total).toBe(672);
  });

  it('gives, for every level with several categories, examples that really are of that level and category', () => {
    for (const r of table) {
      for (const category of r.categories) {
        const example = r.examples[category]!;
        expect(classifyNd43(example).level).toBe(r.level);
        expect(classifyNd42(example).category).toBe(category);
      }
    }
  });

  it('has counter-examples: two level-4 services of different categories', () => {
    const base = {
      informationPublished: true,
      formsDownloadable: true,
      onlineSubmission: true,
      onlineProcessing: true,
      payment: 'online',
      physicalPresenceRequired: false,
    } as const;
    const posted = { ...base, resultChannels: ['public-post' as const] };
    const collected = { ...base, resultChannels: ['in-person' as const] };
    expect([classifyNd43(posted).level, classifyNd43(collected).level]).toEqual([4, 4]);
    expect([classifyNd42(posted).category, classifyNd42(collected).category]).toEqual(['toan_trinh', 'mot_phan']);
    expect(row(4).counts.toan_trinh).toBeGreaterThan(0);
    expect(row(4).counts.mot_phan).toBeGreaterThan(0);
  });

  it('has counter-examples: a level-1 service that is toàn trình and one that is none', () => {
    const example = row(1).examples.toan_trinh!;
    expect(example.formsDownloadable).toBe(false);
    expect(example.onlineSubmission).toBe(true);
    expect(row(1).examples.none!.onlineSubmission).toBe(false);
  });

  it('has counter-examples: level 0 holds both none and một phần', () => {
    expect(row(0).examples.mot_phan!).toMatchObject({ informationPublished: false, onlineSubmission: true });
    expect(row(0).examples.none!).toMatchObject({ informationPublished: false, onlineSubmission: false });
  });
});
