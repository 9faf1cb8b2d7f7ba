import type { LocalizedText } from '@lienthong/report';
import type { z } from 'zod';
import { HTTP_URL_MESSAGE, TIERS_MESSAGE } from '../model/indicator';

/*
 * Zod's issues, in words a report author understands in both languages, with a path written the way people
 * write it (`values[3].value`). Zod's own messages are English only and name TypeScript types.
 */

/** `['values', 3, 'value']` → `values[3].value`; the root is `$`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '$' : text;
}

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { vi: 'một chuỗi', en: 'a string' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'giá trị đúng/sai', en: 'true or false' },
  object: { vi: 'một đối tượng', en: 'an object' },
  array: { vi: 'một mảng', en: 'an array' },
  null: { vi: 'null', en: 'null' },
  undefined: { vi: 'không có gì', en: 'nothing' },
};

/** What kind of JSON value something is, in words. */
export function describeType(value: unknown): LocalizedText {
  if (value === null) return TYPE_NAMES.null as LocalizedText;
  if (Array.isArray(value)) return TYPE_NAMES.array as LocalizedText;
  if (typeof value === 'number' && !Number.isFinite(value)) return { vi: `số ${value}`, en: `the number ${value}` };
  return TYPE_NAMES[typeof value] ?? { vi: typeof value, en: typeof value };
}

function typeName(name: string): LocalizedText {
  return TYPE_NAMES[name] ?? { vi: name, en: name };
}

/** Messages of the model's own refinements and patterns, translated. */
const KNOWN_MESSAGES: Record<string, string> = {
  [HTTP_URL_MESSAGE]: 'phải là một địa chỉ web bắt đầu bằng http:// hoặc https://',
  [TIERS_MESSAGE]: 'danh sách cấp gồm hai hoặc ba cấp khác nhau, theo thứ tự tinh, huyen, xa',
  'a machine name is lower-case ASCII words joined by "_"': 'tên máy phải là các từ ASCII viết thường nối bằng «_»',
  'an organisation code is dot-separated upper-case letters and digits':
    'mã cơ quan gồm chữ in hoa và chữ số, phân cách bằng dấu chấm',
};

const FORMATS: Record<string, LocalizedText> = {
  date: { vi: 'phải là một ngày có thật, viết YYYY-MM-DD', en: 'must be a real date written YYYY-MM-DD' },
  url: { vi: 'phải là một địa chỉ URL', en: 'must be a URL' },
};

function listValues(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/** The problem a zod issue reports, in both languages. */
export function describeModelIssue(issue: z.core.$ZodIssue): LocalizedText {
  const known = KNOWN_MESSAGES[issue.message];
  if (known !== undefined) return { vi: known, en: issue.message };
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeName(issue.expected);
      if (issue.input === undefined) {
        return {
          vi: `thiếu trường bắt buộc (cần ${expected.vi})`,
          en: `required field missing (expected ${expected.en})`,
        };
      }
      const received = describeType(issue.input);
      return { vi: `cần ${expected.vi}, nhưng có ${received.vi}`, en: `expected ${expected.en}, got ${received.en}` };
    }
    case 'invalid_value':
      return {
        vi: `phải là một trong: ${listValues(issue.values)}`,
        en: `must be one of: ${listValues(issue.values)}`,
      };
    case 'invalid_format': {
      const format = FORMATS[issue.format];
      if (format) return format;
      const pattern = 'pattern' in issue && issue.pattern ? String(issue.pattern) : issue.format;
      return { vi: `không đúng dạng ${pattern}`, en: `does not match ${pattern}` };
    }
    case 'too_small':
      if (issue.origin === 'string') return { vi: 'không được để trống', en: 'must not be empty' };
      if (issue.origin === 'array') {
        return { vi: `cần ít nhất ${issue.minimum} phần tử`, en: `needs at least ${issue.minimum} item(s)` };
      }
      return {
        vi: `phải ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`,
        en: `must be ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`,
      };
    case 'too_big':
      if (issue.origin === 'array') {
        return { vi: `chỉ được tối đa ${issue.maximum} phần tử`, en: `allows at most ${issue.maximum} item(s)` };
      }
      return {
        vi: `phải ${issue.inclusive ? '≤' : '<'} ${issue.maximum}`,
        en: `must be ${issue.inclusive ? '≤' : '<'} ${issue.maximum}`,
      };
    case 'unrecognized_keys':
      return {
        vi: `trường «${issue.keys.join('», «')}» không có trong mô hình (gõ sai tên trường?)`,
        en: `unknown field «${issue.keys.join('», «')}» (a misspelt field name?)`,
      };
    case 'invalid_union':
      return {
        vi: `kiểu giá trị không được chấp nhận ở đây (${describeType(issue.input).vi})`,
        en: `a value of a type not accepted here (${describeType(issue.input).en})`,
      };
    default:
      return { vi: `giá trị không hợp lệ (${issue.message})`, en: `invalid value (${issue.message})` };
  }
}
