/**
 * The HTML pages in a real browser: Debian's Chromium through playwright-core (no browser is ever downloaded; the
 * test is skipped when /usr/bin/chromium is missing). Each page is loaded from memory with every network request
 * refused, and must render its SVG charts with a non-zero size, bars as wide as their values say, accessible names
 * for every chart, and no console error or failed request.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIndicatorReports } from '../compare';
import { LEVELS_2019, SON_LA_2018, SON_LA_2019, TEST_CATALOGUE } from '../compare/test-support';
import { renderComparisonHtml, renderReportHtml } from './html';

const CHROMIUM = '/usr/bin/chromium';
/** A browser page can be slow to start on a loaded machine; this is a ceiling, not a timing assertion. */
const PAGE_TIMEOUT = 60_000;
const skipReason = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} is missing (Debian package chromium; .ci/run installs it)`;

interface ChartMeasure {
  name: string;
  description: string;
  width: number;
  height: number;
  bars: number;
  zeroSizedBars: number;
  /** Rendered bar widths as a share of the chart's rendered width. */
  barShares: number[];
}

describe.skipIf(skipReason !== undefined)(
  `the HTML pages in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu'],
      });
    }, PAGE_TIMEOUT);

    afterAll(async () => {
      await browser?.close();
    });

    async function load(html: string) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      // A standalone page fetches nothing: any request is a failure.
      await page.route('**/*', (route) => {
        problems.push(`request: ${route.request().url()}`);
        return route.abort();
      });
      await page.setContent(html, { waitUntil: 'load' });
      const charts = await page.$$eval('svg.chart', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const byId = (attribute: string) =>
            (svg.getAttribute(attribute) ?? '')
              .split(' ')
              .map((id: string) => svg.ownerDocument.getElementById(id)?.textContent ?? '')
              .join(' ');
          const rects = [...svg.querySelectorAll('g.bar rect')].map((rect) => rect.getBoundingClientRect());
          return {
            name: byId('aria-labelledby'),
            description: byId('aria-describedby'),
            width: box.width,
            height: box.height,
            bars: rects.length,
            zeroSizedBars: rects.filter((rect) => rect.width <= 0 || rect.height <= 0).length,
            barShares: rects.map((rect) => rect.width / box.width),
          };
        }),
      );
      const lang = await page.$eval('html', (root) => root.getAttribute('lang'));
      await page.close();
      return { charts: charts as ChartMeasure[], problems, lang };
    }

    it(
      'renders the report page: charts with size, bars and names, no console error',
      async () => {
        const { charts, problems, lang } = await load(renderReportHtml(SON_LA_2018, { catalogue: TEST_CATALOGUE }));
        expect(problems).toEqual([]);
        expect(lang).toBe('vi');
        expect(charts.map((chart) => [chart.name, chart.description, chart.bars, chart.zeroSizedBars])).toEqual([
          ['Tỷ lệ (%): Dịch vụ công trực tuyến', 'Tỷ lệ DVCTT mức độ 4: 31,60%', 1, 0],
          ['Tỷ lệ (%): Hồ sơ thủ tục hành chính', 'Tỷ lệ giải quyết đúng hạn: 67,53%', 1, 0],
        ]);
        for (const chart of charts) {
          expect(chart.width).toBeGreaterThan(0);
          expect(chart.height).toBeGreaterThan(0);
        }
        // The 0–100 axis spans 260 of the chart's 640 units, whatever size the browser draws it at.
        expect(charts[0]?.barShares[0]).toBeCloseTo((31.6 / 100) * (260 / 640), 3);
        expect(charts[1]?.barShares[0]).toBeCloseTo((67.53 / 100) * (260 / 640), 3);
      },
      PAGE_TIMEOUT,
    );

    it(
      'renders the stacked bars of services by level, one per tier, with both parts drawn',
      async () => {
        const { charts, problems } = await load(
          renderReportHtml(LEVELS_2019, { catalogue: TEST_CATALOGUE, lang: 'en' }),
        );
        expect(problems).toEqual([]);
        const stacked = charts.find((chart) => chart.name.startsWith('Breakdown by level'));
        expect(stacked).toMatchObject({ bars: 4, zeroSizedBars: 0 });
        expect(stacked?.width).toBeGreaterThan(0);
        expect(stacked?.height).toBeGreaterThan(0);
      },
      PAGE_TIMEOUT,
    );

    it(
      'renders the comparison page and keeps bar lengths proportional to the values',
      async () => {
        const comparison = compareIndicatorReports(SON_LA_2018, SON_LA_2019, { catalogue: TEST_CATALOGUE });
        const html = renderComparisonHtml(comparison, { lang: 'en' });
        const { charts, problems, lang } = await load(html);
        expect(problems).toEqual([]);
        expect(lang).toBe('en');
        expect(charts.map((chart) => chart.name)).toEqual([
          'A and B compared: Online public services',
          'Relative change (%): Online public services',
          'A and B compared: Administrative dossiers',
          'Relative change (%): Administrative dossiers',
          'Relative change (%): Vietnam ICT Index',
        ]);
        for (const chart of charts) {
          expect(chart.width, chart.name).toBeGreaterThan(0);
          expect(chart.height, chart.name).toBeGreaterThan(0);
          expect(chart.bars, chart.name).toBeGreaterThan(0);
          expect(chart.zeroSizedBars, chart.name).toBe(0);
        }
        // A against B on one axis: 31.60% and 36.53% keep their ratio.
        const [barA, barB] = charts[0]?.barShares ?? [];
        expect((barB as number) / (barA as number)).toBeCloseTo(36.53 / 31.6, 2);
      },
      PAGE_TIMEOUT,
    );
  },
);
