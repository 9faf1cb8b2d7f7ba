/** Text for HTML and XML, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Text for a Markdown table cell or line: characters that would start markup (emphasis, links, HTML, code, a cell
 * boundary) are backslash-escaped, and line breaks become spaces so a note cannot break the table.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_[\]<>|]/g, (character) => `\\${character}`);
}
