/**
 * Quotes a value for a user-facing message. Values come from untrusted documents, so long ones are cut
 * (a 10 MB "date" must not end up in a report) and control characters are made visible.
 */
export function quoteForMessage(value: unknown, maxLength = 40): string {
  const text = typeof value === 'string' ? value : String(value);
  const shortened = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  // JSON.stringify escapes quotes, backslashes and control characters in one linear pass.
  return JSON.stringify(shortened);
}
