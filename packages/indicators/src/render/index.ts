export { escapeHtml, escapeMarkdown } from './escape';
export { formatIndicatorValue, formatIsoDate, formatNumber, formatPeriod } from './format';
export { renderComparisonHtml, renderReportHtml } from './html';
export { renderComparisonMarkdown, renderReportMarkdown } from './markdown';
export type { RenderOptions, ReportRenderOptions } from './view';
