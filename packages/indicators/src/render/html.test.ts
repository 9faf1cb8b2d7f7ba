import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareIndicatorReports } from '../compare';
import { LEVELS_2019, report, SON_LA_2018, SON_LA_2019, TEST_CATALOGUE, withScriptUrl } from '../compare/test-support';
import { renderComparisonHtml, renderReportHtml } from './html';

const xmllintMissing = spawnSync('xmllint', ['--version']).error !== undefined;

/** xmllint's verdict on the page as XML (the pages are XHTML-compatible); empty when well-formed. */
function xmlErrors(html: string): string {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: html, encoding: 'utf8' });
  return `${result.status === 0 ? '' : `exit ${result.status}\n`}${result.stderr}`;
}

/** The page's tags (text is escaped, so every `<` left starts real markup). */
function tagsOf(html: string): string[] {
  return [...html.matchAll(/<[^>]+>/g)].map((match) => match[0]);
}

/** Every `http(s)://` in the page's markup (not its text) that is not the target of an `<a href>`. */
function externalReferences(html: string): string[] {
  return tagsOf(html)
    .map((tag) => tag.replace(/^<a href="[^"]*"/, '<a'))
    .flatMap((tag) => [...tag.matchAll(/https?:\/\/[^\s"'<>)]*/g)].map((match) => match[0]));
}

// The model refuses a `javascript:` URL; the renderers must still be safe with a report built without parsing.
const hostile = withScriptUrl({
  reportingUnit: { name: 'Tỉnh <script>alert("đơn vị")</script>', kind: 'province' },
  period: { from: '2019-01-01', to: '2019-12-31' },
  source: { title: 'Báo cáo \' " & <img src=x onerror=alert(1)>' },
  values: [
    { indicator: 'cong_dvc_name', value: '<script>alert(1)</script>', note: '</td></tr></table><script>x()</script>' },
    { indicator: 'dvctt_level4_pct', agency: { name: 'Sở <b>TT&TT</b>' }, value: 40 },
  ],
  notes: ['<iframe src="https://evil.example/"></iframe>'],
});

const pages = {
  report: renderReportHtml(SON_LA_2018, { catalogue: TEST_CATALOGUE, issues: [] }),
  levels: renderReportHtml(LEVELS_2019, { catalogue: TEST_CATALOGUE, lang: 'en' }),
  comparison: renderComparisonHtml(compareIndicatorReports(SON_LA_2018, SON_LA_2019, { catalogue: TEST_CATALOGUE })),
  hostile: renderReportHtml(hostile, {
    catalogue: TEST_CATALOGUE,
    issues: [
      {
        ruleId: 'IND-TEXT-001',
        severity: 'error',
        message: {
          vi: 'Giá trị <script>alert(2)</script> không hợp lệ',
          en: 'Value <script>alert(2)</script> is invalid',
        },
        location: { path: 'values[0].value', line: 3 },
      },
    ],
  }),
};

describe('renderReportHtml and renderComparisonHtml', () => {
  it.skipIf(xmllintMissing)('write well-formed pages (checked by xmllint as XHTML)', () => {
    for (const [name, html] of Object.entries(pages)) expect(xmlErrors(html), name).toBe('');
  });

  it('write standalone pages: charset, language, inline CSS, nothing fetched', () => {
    for (const [name, html] of Object.entries(pages)) {
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="'), name).toBe(true);
      expect(html, name).toContain('<meta charset="utf-8" />');
      expect(html, name).toContain('<style>');
      expect(html, name).not.toMatch(/url\(|@import/i);
      for (const tag of tagsOf(html)) {
        expect(tag, name).not.toMatch(
          /^<\/?(?:script|link|img|iframe|object|embed|image|use)\b|\s(?:src|srcset|on\w+)=/i,
        );
      }
      expect(externalReferences(html), name).toEqual([]);
    }
    expect(pages.levels).toContain('<html lang="en">');
    expect(pages.report).toContain('<html lang="vi">');
  });

  it('link the source document only when its URL is a web address', () => {
    const linked = renderReportHtml(
      report({ ...SON_LA_2018, source: { title: 'Báo cáo', url: 'https://sonla.gov.vn/bc?so=14&nam=2019' } }),
    );
    expect(linked).toContain(
      '<a href="https://sonla.gov.vn/bc?so=14&amp;nam=2019" rel="noopener noreferrer">Báo cáo</a>',
    );
    expect(externalReferences(linked)).toEqual([]);
    expect(pages.hostile).not.toContain('href=');
  });

  it('escape every text: hostile values, notes, names and titles appear as text', () => {
    const html = pages.hostile;
    expect(html).toContain(
      '<title>Báo cáo chỉ số: Tỉnh &lt;script&gt;alert(&quot;đơn vị&quot;)&lt;/script&gt;, năm 2019</title>',
    );
    expect(html).toContain('<td class="num">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(externalReferences(html)).toEqual([]);
    expect(html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(html).toContain('Báo cáo &#39; &quot; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<li>&lt;iframe src=&quot;https://evil.example/&quot;&gt;&lt;/iframe&gt;</li>');
    expect(html).toContain(
      '<ul class="findings"><li class="error"><strong>lỗi</strong> <code>IND-TEXT-001</code> (values[0].value, dòng 3): Giá trị &lt;script&gt;alert(2)&lt;/script&gt; không hợp lệ</li></ul>',
    );
    expect(pages.report).toContain('<h2>Kết quả kiểm tra</h2><p>Không phát hiện vấn đề nào.</p>');
    // In the chart too: the bar's title and label.
    expect(html).toContain('<title>Tỷ lệ DVCTT mức độ 4 (Sở &lt;b&gt;TT&amp;TT&lt;/b&gt;): 40%</title>');
  });

  it('draw percentages on a 0–100 axis, with titles and descriptions for screen readers', () => {
    const html = pages.report;
    // 260 px of plot for 100%: 31.60% → 82.16 px, 67.53% → 175.58 px.
    expect(html).toContain('<rect x="230" y="8" width="82.16" height="16" fill="#1f5fa8" />');
    expect(html).toContain('<rect x="230" y="8" width="175.58" height="16" fill="#1f5fa8" />');
    expect(html).toContain(
      '<svg class="chart" role="img" aria-labelledby="chart-2-title" aria-describedby="chart-2-desc" width="640" height="42" viewBox="0 0 640 42"><title id="chart-2-title">Tỷ lệ (%): Hồ sơ thủ tục hành chính</title><desc id="chart-2-desc">Tỷ lệ giải quyết đúng hạn: 67,53%</desc>',
    );
  });

  it('draw services by level as one stacked bar per tier, in tier order', () => {
    const html = pages.levels;
    expect(html).toContain(
      '<desc id="chart-2-desc">province level: Online public services at level 3 300, Online public services at level 4 413; district level: Online public services at level 3 80, Online public services at level 4 120</desc>',
    );
    // 713 services fill the 260 px plot: 300 → 109.4 px, then 413 → 150.6 px.
    expect(html).toContain(
      '<rect x="230" y="8" width="109.4" height="16" fill="#1f5fa8"><title>province level — Online public services at level 3: 300</title></rect>',
    );
    expect(html).toContain(
      '<rect x="339.4" y="8" width="150.6" height="16" fill="#c2571a"><title>province level — Online public services at level 4: 413</title></rect>',
    );
    expect(html).toContain('>713</text>');
    // The wider sum (levels 1 to 4) would show the same figures: it is not drawn again.
    expect(html.match(/<figcaption aria-hidden="true">Breakdown by level: [^<]*/g)).toEqual([
      '<figcaption aria-hidden="true">Breakdown by level: Online public services at levels 3 and 4',
    ]);
  });

  it('draw several tiers together as a bar of their own, after the first of their tiers', () => {
    const joint = report({
      ...LEVELS_2019,
      values: [
        { indicator: 'dvctt_level3_count', tiers: ['tinh', 'huyen'], value: 380 },
        { indicator: 'dvctt_level4_count', tiers: ['tinh', 'huyen'], value: 533 },
        ...LEVELS_2019.values.slice(0, 4),
      ],
    });
    const html = renderReportHtml(joint, { catalogue: TEST_CATALOGUE, lang: 'vi' });
    const description = html.match(/<desc id="chart-\d+-desc">cấp tỉnh: [^<]*/)?.[0] ?? '';
    expect(
      description.split('; ').map((part) => part.replace(/^<desc id="chart-\d+-desc">/, '').split(':')[0]),
    ).toEqual(['cấp tỉnh', 'cấp tỉnh và cấp huyện', 'cấp huyện']);
  });

  it('draw a comparison as A/B bars for percentages and relative changes for the other figures', () => {
    const html = pages.comparison;
    expect(html).toContain('<title id="chart-1-title">So sánh A và B: Dịch vụ công trực tuyến</title>');
    expect(html).toContain('<desc id="chart-1-desc">Tỷ lệ DVCTT mức độ 4: A 31,60%, B 36,53%</desc>');
    expect(html).toContain('<title id="chart-2-title">Thay đổi tương đối (%): Dịch vụ công trực tuyến</title>');
    expect(html).toContain('<desc id="chart-2-desc">Số DVCTT mức độ 4: +16,51%</desc>');
    // A decrease goes left of the zero line, in the second colour.
    expect(html).toContain('<desc id="chart-5-desc">Chỉ số ICT Index: -66,67%</desc>');
    expect(html).toMatch(
      /<title>Chỉ số ICT Index: -66,67%<\/title><text [^>]*>Chỉ số ICT Index<\/text><rect x="230" y="8" width="260" height="16" fill="#c2571a" \/>/,
    );
  });
});
