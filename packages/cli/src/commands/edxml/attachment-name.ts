/*
 * Attachment names come from the envelope, i.e. from whoever sent it: a name such as `../../.bashrc` or
 * `/etc/passwd` must never choose where a file is written.
 */

/** Why a name cannot be used as a file name inside the output folder, or undefined when it can. */
export function unsafeNameReason(name: string): { vi: string; en: string } | undefined {
  if (name.trim() === '') return { vi: 'tên rỗng', en: 'the name is empty' };
  if (name === '.' || name === '..') return { vi: 'tên là một thư mục', en: 'the name is a directory' };
  if (/[/\\]/.test(name))
    return { vi: 'tên chứa dấu phân cách thư mục (/ hoặc \\)', en: 'the name contains a path separator (/ or \\)' };
  if (/^[A-Za-z]:/.test(name)) return { vi: 'tên bắt đầu bằng ổ đĩa', en: 'the name starts with a drive letter' };
  if (/[\u0000-\u001f]/.test(name))
    return { vi: 'tên chứa ký tự điều khiển', en: 'the name contains a control character' };
  return undefined;
}

/** `name`, or `name-2.ext`, `name-3.ext`, … when an earlier attachment already took it (case-insensitively). */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let counter = 2; taken.has(candidate.toLowerCase()); counter++) candidate = `${stem}-${counter}${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
