import { describe, expect, it } from 'vitest';
import { type Derivation, derivationInputs, type IndicatorDefinition } from '../model/indicator';
import {
  getIndicator,
  INDICATOR_CATALOGUE,
  IndicatorCatalogueSchema,
  listIndicators,
  suggestIndicatorName,
} from './index';

const { indicators, targets } = INDICATOR_CATALOGUE;
const names = new Set(indicators.map((indicator) => indicator.name));

function termsOf(derivation: Derivation | undefined): readonly string[] {
  return derivation === undefined ? [] : derivationInputs(derivation);
}

function definition(name: string): IndicatorDefinition {
  const found = getIndicator(name);
  if (found === undefined) throw new Error(`no indicator ${name}`);
  return found;
}

describe('INDICATOR_CATALOGUE', () => {
  it('satisfies IndicatorCatalogueSchema', () => {
    const parsed = IndicatorCatalogueSchema.safeParse(INDICATOR_CATALOGUE);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('has unique indicator names and target ids', () => {
    expect(names.size).toBe(indicators.length);
    expect(new Set(targets.map((target) => target.id)).size).toBe(targets.length);
  });

  it('refers only to indicators it defines (derivations, partOf, targets)', () => {
    const dangling = [
      ...indicators.flatMap((indicator) =>
        [...termsOf(indicator.derivation), ...(indicator.partOf ?? [])]
          .filter((name) => !names.has(name))
          .map((name) => `${indicator.name} → ${name}`),
      ),
      ...targets.filter((target) => !names.has(target.indicator)).map((target) => `${target.id} → ${target.indicator}`),
    ];
    expect(dangling).toEqual([]);
  });

  it('gives every percentage ratio the unit percent and every sum the unit of its terms', () => {
    const mismatches = indicators.flatMap((indicator) => {
      const derivation = indicator.derivation;
      if (derivation === undefined) return [];
      if (derivation.kind === 'ratio') {
        const wrong = derivation.scale === 100 && indicator.unit !== 'percent';
        return wrong ? [`${indicator.name}: ratio ×100 in ${indicator.unit}`] : [];
      }
      return derivation.terms
        .filter((term) => getIndicator(term)?.unit !== indicator.unit)
        .map((term) => `${indicator.name} (${indicator.unit}) sums ${term} (${getIndicator(term)?.unit})`);
    });
    expect(mismatches).toEqual([]);
  });

  it('has counts as the parts and wholes of every ratio', () => {
    const ratios = indicators.flatMap((indicator) =>
      indicator.derivation?.kind === 'ratio' ? [indicator.derivation] : [],
    );
    const units = new Set(
      ratios.flatMap((ratio) => [ratio.numerator, ratio.denominator]).map((n) => definition(n).unit),
    );
    expect([...units]).toEqual(['count']);
  });

  it('has no derivation cycles', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (name: string, path: string[]): void => {
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'visiting') {
        cycles.push([...path, name].join(' → '));
        return;
      }
      state.set(name, 'visiting');
      for (const term of termsOf(getIndicator(name)?.derivation)) visit(term, [...path, name]);
      state.set(name, 'done');
    };
    for (const name of names) visit(name, []);
    expect(cycles).toEqual([]);
  });

  it('keeps a partOf relation from pointing at the indicator itself or across units', () => {
    const wrong = indicators.flatMap((indicator) =>
      (indicator.partOf ?? [])
        .filter((whole) => whole === indicator.name || definition(whole).unit !== indicator.unit)
        .map((whole) => `${indicator.name} ⊂ ${whole}`),
    );
    expect(wrong).toEqual([]);
  });

  it('never derives a composite score, and scores every points indicator out of maxPoints', () => {
    const composites = indicators.filter((indicator) => indicator.composite === true);
    expect(composites.filter((indicator) => indicator.derivation !== undefined).map((i) => i.name)).toEqual([]);
    expect(
      composites.map((indicator) => indicator.group).filter((group) => !['dti', 'qd766', 'ict_index'].includes(group)),
    ).toEqual([]);
    // DTI index 6 (smart city) is assessed but not scored, and the model's maxPoints must be positive.
    const unscored = indicators.filter((indicator) => indicator.unit === 'points' && indicator.maxPoints === undefined);
    expect(unscored.map((indicator) => indicator.name)).toEqual(['dti_smart_city']);
    expect(indicators.filter((i) => i.maxPoints !== undefined && i.unit !== 'points').map((i) => i.name)).toEqual([]);
  });

  it('labels every indicator and target in two different, non-empty languages', () => {
    const labels = [
      ...indicators.map((indicator) => ({ name: indicator.name, label: indicator.label })),
      ...indicators.flatMap((indicator) =>
        indicator.description ? [{ name: `${indicator.name} (description)`, label: indicator.description }] : [],
      ),
      ...targets.map((target) => ({ name: target.id, label: target.label })),
    ];
    const bad = labels.filter(({ label }) => !label.vi.trim() || !label.en.trim() || label.vi === label.en);
    expect(bad.map(({ name }) => name)).toEqual([]);
  });

  it('scores the provincial DTI out of 1000 and QĐ 766 out of 100, as their groups add up', () => {
    const maxOf = (name: string) => definition(name).maxPoints;
    const sumOfGroup = (prefix: string, total: string) =>
      listIndicators({ group: definition(total).group })
        .filter((indicator) => indicator.name.startsWith(prefix) && indicator.name !== total)
        .reduce((sum, indicator) => sum + (indicator.maxPoints ?? 0), 0);
    expect(maxOf('dti_total')).toBe(1000);
    expect(sumOfGroup('dti_', 'dti_total')).toBe(1000);
    expect(maxOf('qd766_total')).toBe(100);
    expect(sumOfGroup('qd766_', 'qd766_total')).toBe(100);
    expect(listIndicators({ group: 'dti' })).toHaveLength(10);
    expect(listIndicators({ group: 'qd766' }).map((indicator) => [indicator.name, indicator.maxPoints])).toEqual([
      ['qd766_total', 100],
      ['qd766_transparency', 18],
      ['qd766_progress_and_results', 20],
      ['qd766_dossier_digitisation', 22],
      ['qd766_online_service_provision', 22],
      ['qd766_satisfaction', 18],
    ]);
    expect(listIndicators({ group: 'ict_index' }).map((indicator) => [indicator.name, indicator.unit])).toEqual([
      ['ict_index', 'score'],
      ['ict_infra', 'score'],
      ['ict_hr', 'score'],
      ['ict_app', 'score'],
    ]);
  });

  it('has every machine name of the domain notes §3.2 (A–E)', () => {
    const section32 = [
      'tthc_total',
      'dvctt_level3_count',
      'dvctt_level4_count',
      'dvctt_level34_count',
      'dvctt_level4_pct',
      'dvctt_toan_trinh_count',
      'dvctt_mot_phan_count',
      'dvctt_total',
      'dvctt_toan_trinh_pct',
      'dvctt_dvcqg_integrated_count',
      'dvctt_dvcqg_integrated_pct',
      'dvctt_with_online_dossier_pct',
      'ho_so_ky_truoc',
      'ho_so_tiep_nhan_truc_tiep',
      'ho_so_tiep_nhan_bcci',
      'ho_so_tiep_nhan_truc_tuyen',
      'ho_so_tiep_nhan_trong_ky',
      'ho_so_truc_tuyen_pct',
      'ho_so_da_xu_ly',
      'ho_so_da_xu_ly_truoc_han',
      'ho_so_da_xu_ly_dung_han',
      'ho_so_da_xu_ly_qua_han',
      'ho_so_dang_xu_ly',
      'ho_so_dang_xu_ly_trong_han',
      'ho_so_dang_xu_ly_qua_han',
      'ho_so_dung_han_pct',
      'ho_so_thanh_toan_truc_tuyen_count',
      'ho_so_thanh_toan_truc_tuyen_pct',
      'ho_so_so_hoa_pct',
      'qlvb_agency_coverage_pct',
      'qlvb_accounts',
      'van_ban_dien_tu_pct',
      'thu_cong_vu_accounts',
      'thu_cong_vu_usage_pct',
      'lien_thong_van_ban_cap',
      'internet_subscribers_per_100',
      'fibre_household_pct',
      'tsldcd_agency_coverage_pct',
      'dti_total',
      'qd766_total',
      'ict_index',
      'ict_infra',
      'ict_hr',
      'ict_app',
    ];
    expect(section32.filter((name) => !names.has(name))).toEqual([]);
    expect(definition('internet_subscribers_per_100').unit).toBe('per_100');
  });

  it('derives the one-stop dossier figures the way the validator expects', () => {
    expect(definition('ho_so_tiep_nhan_trong_ky').derivation).toEqual({
      kind: 'sum',
      terms: ['ho_so_tiep_nhan_truc_tiep', 'ho_so_tiep_nhan_bcci', 'ho_so_tiep_nhan_truc_tuyen'],
      relation: 'components',
    });
    expect(definition('ho_so_da_xu_ly').derivation).toEqual({
      kind: 'sum',
      terms: ['ho_so_da_xu_ly_truoc_han', 'ho_so_da_xu_ly_dung_han', 'ho_so_da_xu_ly_qua_han'],
      relation: 'timeliness',
    });
    expect(definition('ho_so_dang_xu_ly').derivation).toEqual({
      kind: 'sum',
      terms: ['ho_so_dang_xu_ly_trong_han', 'ho_so_dang_xu_ly_qua_han'],
      relation: 'components',
    });
    expect(definition('ho_so_da_xu_ly_dung_han_hoac_som').derivation).toMatchObject({
      kind: 'sum',
      terms: ['ho_so_da_xu_ly_truoc_han', 'ho_so_da_xu_ly_dung_han'],
    });
    const ratio = (numerator: string, denominator: string) => ({ kind: 'ratio', numerator, denominator, scale: 100 });
    expect(definition('ho_so_da_xu_ly_pct').derivation).toEqual(ratio('ho_so_da_xu_ly', 'ho_so_tiep_nhan_trong_ky'));
    expect(definition('ho_so_dung_han_pct').derivation).toEqual(
      ratio('ho_so_da_xu_ly_dung_han_hoac_som', 'ho_so_da_xu_ly'),
    );
    for (const kind of ['truoc_han', 'dung_han', 'qua_han']) {
      expect(definition(`ho_so_da_xu_ly_${kind}_pct`).derivation).toEqual(
        ratio(`ho_so_da_xu_ly_${kind}`, 'ho_so_da_xu_ly'),
      );
      expect(definition(`ho_so_da_xu_ly_${kind}`).partOf).toContain('ho_so_da_xu_ly');
    }
    expect(definition('ho_so_ky_truoc').unit).toBe('count');
    expect(definition('ho_so_cho_bo_sung').unit).toBe('count');
  });

  /*
   * The names @lienthong/service-level's SERVICE_LEVEL_INDICATORS yields, with their unit and arithmetic. That
   * package is not a dependency of this one, so the lead's cross-package test compares the two tables; this copy
   * keeps the catalogue side honest.
   */
  const SERVICE_LEVEL_NAMES: ReadonlyArray<[string, 'count' | 'percent', Derivation | undefined]> = [
    [
      'tthc_total',
      'count',
      {
        kind: 'sum',
        terms: [
          'tthc_below_level1_count',
          'dvctt_level1_count',
          'dvctt_level2_count',
          'dvctt_level3_count',
          'dvctt_level4_count',
        ],
        relation: 'levels',
      },
    ],
    ['tthc_below_level1_count', 'count', undefined],
    ['dvctt_level1_count', 'count', undefined],
    ['dvctt_level2_count', 'count', undefined],
    ['dvctt_level3_count', 'count', undefined],
    ['dvctt_level4_count', 'count', undefined],
    [
      'dvctt_level34_count',
      'count',
      { kind: 'sum', terms: ['dvctt_level3_count', 'dvctt_level4_count'], relation: 'levels' },
    ],
    [
      'dvctt_level34_pct',
      'percent',
      { kind: 'ratio', numerator: 'dvctt_level34_count', denominator: 'tthc_total', scale: 100 },
    ],
    [
      'dvctt_level4_pct',
      'percent',
      { kind: 'ratio', numerator: 'dvctt_level4_count', denominator: 'tthc_total', scale: 100 },
    ],
    ['tthc_not_online_count', 'count', undefined],
    ['dvctt_toan_trinh_count', 'count', undefined],
    ['dvctt_mot_phan_count', 'count', undefined],
    [
      'dvctt_total',
      'count',
      { kind: 'sum', terms: ['dvctt_toan_trinh_count', 'dvctt_mot_phan_count'], relation: 'levels' },
    ],
    [
      'dvctt_toan_trinh_pct',
      'percent',
      { kind: 'ratio', numerator: 'dvctt_toan_trinh_count', denominator: 'tthc_total', scale: 100 },
    ],
  ];

  it.each(SERVICE_LEVEL_NAMES)('matches @lienthong/service-level on %s', (name, unit, derivation) => {
    const found = definition(name);
    expect(found.unit).toBe(unit);
    expect(found.derivation).toEqual(derivation);
  });

  it('puts level counts under the procedures they are part of', () => {
    for (const level of [1, 2, 3, 4]) expect(definition(`dvctt_level${level}_count`).partOf).toContain('tthc_total');
    expect(definition('dvctt_level34_count').partOf).toEqual(['tthc_total']);
  });

  it('sets the Nghị quyết 17/NQ-CP targets on percentages', () => {
    expect(targets.map((target) => [target.indicator, target.comparison, target.value])).toEqual([
      ['dvctt_level4_pct', '>=', 30],
      ['dvctt_dvcqg_integrated_pct', '>=', 30],
      ['ho_so_truc_tuyen_pct', '>=', 20],
      ['ho_so_qua_mot_cua_dien_tu_pct', '>=', 100],
      ['cong_dvc_giao_dien_di_dong_pct', '>=', 50],
      ['xac_thuc_dien_tu_pct', '>=', 20],
    ]);
    expect(targets.every((target) => definition(target.indicator).unit === 'percent')).toBe(true);
    expect(new Set(targets.map((target) => target.source.document))).toEqual(
      new Set(['Nghị quyết 17/NQ-CP (07/3/2019)']),
    );
  });
});

describe('catalogue look-ups', () => {
  it('gets an indicator by name, and nothing for an unknown name', () => {
    expect(getIndicator('dvctt_level4_pct')?.derivation).toEqual({
      kind: 'ratio',
      numerator: 'dvctt_level4_count',
      denominator: 'tthc_total',
      scale: 100,
    });
    expect(getIndicator('dvctt_level5_pct')).toBeUndefined();
    expect(getIndicator('')).toBeUndefined();
  });

  it('lists every indicator, or those of one group, in catalogue order', () => {
    expect(listIndicators()).toEqual(indicators);
    expect(listIndicators({}).length).toBe(indicators.length);
    expect(listIndicators({ group: 'certificates' }).map((indicator) => indicator.name)).toEqual([
      'chung_thu_so_count',
      'chung_thu_so_to_chuc_count',
      'chung_thu_so_ca_nhan_count',
      'chu_ky_so_agency_count',
      'chu_ky_so_agency_coverage_pct',
    ]);
    const groups = new Set(indicators.map((indicator) => indicator.group));
    const total = [...groups].reduce((sum, group) => sum + listIndicators({ group }).length, 0);
    expect(total).toBe(indicators.length);
  });

  it('suggests the closest known name for a typo, and nothing for an unrelated word', () => {
    expect(suggestIndicatorName('dvctt_level4_pc')).toBe('dvctt_level4_pct');
    expect(suggestIndicatorName('ho_so_da_xu_li')).toBe('ho_so_da_xu_ly');
    expect(suggestIndicatorName('ho_so_tiep_nhan_truc_tuyén')).toBe('ho_so_tiep_nhan_truc_tuyen');
    expect(suggestIndicatorName('tthc_total')).toBe('tthc_total');
    expect(suggestIndicatorName('population_density_of_the_province')).toBeUndefined();
  });
});
