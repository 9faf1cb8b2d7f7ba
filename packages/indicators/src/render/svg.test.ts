import { describe, expect, it } from 'vitest';
import { groupedBarChart, stackedBarChart } from './svg';

const chart = { id: 'chart-1', title: 'Số DVCTT theo mức độ', description: 'mô tả' };

/** Each legend entry: its swatch's x and y, and the text it shows. */
function legendEntries(svg: string): { x: number; y: number; text: string }[] {
  const legend = /<g class="legend">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
  return [...legend.matchAll(/<rect x="([\d.]+)" y="([\d.]+)"[^>]*\/><text[^>]*>([^<]*)<\/text>/g)].map((match) => ({
    x: Number(match[1]),
    y: Number(match[2]),
    text: match[3] ?? '',
  }));
}

describe('chart legends', () => {
  const levels = [
    'Số TTHC chưa đạt mức độ 1',
    'Số DVCTT mức độ 1',
    'Số DVCTT mức độ 2',
    'Số DVCTT mức độ 3',
    'Số DVCTT mức độ 4',
  ];

  it('wrap onto further rows instead of running past the chart (five levels: three, then two)', () => {
    const svg = stackedBarChart(
      chart,
      [
        {
          label: 'toàn đơn vị',
          totalText: '15',
          segments: levels.map((label) => ({ label, value: 3, valueText: '3' })),
        },
      ],
      levels,
    );
    const entries = legendEntries(svg);
    expect(entries.map((entry) => entry.text)).toEqual(levels);
    // Every entry (swatch, gap, up to 30 characters of about 7 px) starts within the 640-px chart with room for its text.
    for (const entry of entries) expect(entry.x + 16 + 30 * 6).toBeLessThanOrEqual(640);
    expect(new Set(entries.map((entry) => entry.y)).size).toBe(2);
    const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);
    expect(Math.max(...entries.map((entry) => entry.y + 12))).toBeLessThanOrEqual(height);
  });

  it('keep one row when the entries fit (A against B)', () => {
    const svg = groupedBarChart(
      chart,
      [
        {
          label: 'Tỷ lệ DVCTT mức độ 4',
          bars: [
            { label: 'A', value: 2, valueText: '2%' },
            { label: 'B', value: 9, valueText: '9%' },
          ],
        },
      ],
      ['A: Tỉnh Sơn La, năm 2018', 'B: Tỉnh Sơn La, năm 2019'],
    );
    expect(new Set(legendEntries(svg).map((entry) => entry.y)).size).toBe(1);
  });
});
