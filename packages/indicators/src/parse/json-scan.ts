import type { LocalizedText } from '@lienthong/report';

/*
 * A single pass over JSON text that finds the first syntax error, with its offset, and refuses nesting deeper
 * than a limit — before `JSON.parse` runs, whose messages on Node 20 often give no position. It keeps an
 * explicit stack, so hostile nesting cannot overflow the call stack.
 */

export type JsonScanResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly kind: 'syntax'; readonly offset: number; readonly problem: LocalizedText }
  | { readonly ok: false; readonly kind: 'depth'; readonly offset: number };

type Expectation = 'value' | 'value_or_close' | 'key' | 'key_or_close' | 'colon' | 'after_value';

const EXPECTED: Record<Expectation | 'end', LocalizedText> = {
  value: { vi: 'một giá trị', en: 'a value' },
  value_or_close: { vi: 'một giá trị hoặc «]»', en: 'a value or «]»' },
  key: { vi: 'tên thuộc tính trong ngoặc kép', en: 'a property name in double quotes' },
  key_or_close: { vi: 'tên thuộc tính trong ngoặc kép hoặc «}»', en: 'a property name in double quotes or «}»' },
  colon: { vi: '«:»', en: '«:»' },
  after_value: { vi: '«,» hoặc dấu đóng', en: '«,» or a closing bracket' },
  end: { vi: 'hết tệp', en: 'the end of the input' },
};

function found(text: string, offset: number): LocalizedText {
  if (offset >= text.length) return { vi: 'hết tệp', en: 'the end of the input' };
  const char = String.fromCodePoint(text.codePointAt(offset) as number);
  const shown = /[\p{Cc}\p{Z}]/u.test(char)
    ? `U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`
    : char;
  return { vi: `ký tự «${shown}»`, en: `the character «${shown}»` };
}

function unexpected(text: string, offset: number, expected: Expectation | 'end'): JsonScanResult {
  const what = found(text, offset);
  return {
    ok: false,
    kind: 'syntax',
    offset,
    problem: {
      vi: `gặp ${what.vi} trong khi cần ${EXPECTED[expected].vi}`,
      en: `found ${what.en} where ${EXPECTED[expected].en} was expected`,
    },
  };
}

function problemAt(offset: number, vi: string, en: string): JsonScanResult {
  return { ok: false, kind: 'syntax', offset, problem: { vi, en } };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** Scans one string starting at the opening quote; returns the offset after the closing quote, or an error. */
function scanString(text: string, start: number): number | JsonScanResult {
  let index = start + 1;
  while (index < text.length) {
    const unit = text.charCodeAt(index);
    if (unit === 0x22) return index + 1;
    if (unit < 0x20) {
      return problemAt(
        index,
        'ký tự điều khiển không được viết trực tiếp trong chuỗi',
        'a control character cannot appear unescaped in a string',
      );
    }
    if (unit === 0x5c) {
      const escaped = text[index + 1];
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
          return problemAt(index, 'chuỗi thoát \\u cần đúng 4 chữ số hex', 'a \\u escape needs exactly 4 hex digits');
        }
        index += 6;
        continue;
      }
      if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) {
        return problemAt(index, 'chuỗi thoát không hợp lệ', 'invalid escape sequence');
      }
      index += 2;
      continue;
    }
    index++;
  }
  return problemAt(start, 'chuỗi không được đóng bằng dấu ngoặc kép', 'the string is never closed');
}

export function scanJson(text: string, maxDepth: number): JsonScanResult {
  const containers: ('object' | 'array')[] = [];
  let expect: Expectation = 'value';
  let index = 0;
  for (;;) {
    WHITESPACE.lastIndex = index;
    WHITESPACE.test(text);
    index = WHITESPACE.lastIndex;
    const char = text[index];
    if (expect === 'after_value') {
      const top = containers.at(-1);
      if (top === undefined) return index >= text.length ? { ok: true } : unexpected(text, index, 'end');
      if (char === ',') {
        expect = top === 'object' ? 'key' : 'value';
        index++;
      } else if ((char === '}' && top === 'object') || (char === ']' && top === 'array')) {
        containers.pop();
        index++;
      } else return unexpected(text, index, 'after_value');
      continue;
    }
    if (expect === 'colon') {
      if (char !== ':') return unexpected(text, index, 'colon');
      expect = 'value';
      index++;
      continue;
    }
    if (expect === 'key' || expect === 'key_or_close') {
      if (char === '}' && expect === 'key_or_close') {
        containers.pop();
        index++;
        expect = 'after_value';
        continue;
      }
      if (char !== '"') return unexpected(text, index, expect);
      const end = scanString(text, index);
      if (typeof end !== 'number') return end;
      index = end;
      expect = 'colon';
      continue;
    }
    // A value is expected.
    if (char === ']' && expect === 'value_or_close') {
      containers.pop();
      index++;
      expect = 'after_value';
      continue;
    }
    if (char === '{' || char === '[') {
      containers.push(char === '{' ? 'object' : 'array');
      if (containers.length > maxDepth) return { ok: false, kind: 'depth', offset: index };
      index++;
      expect = char === '{' ? 'key_or_close' : 'value_or_close';
      continue;
    }
    if (char === '"') {
      const end = scanString(text, index);
      if (typeof end !== 'number') return end;
      index = end;
    } else {
      const pattern = char === '-' || (char !== undefined && char >= '0' && char <= '9') ? NUMBER : LITERAL;
      pattern.lastIndex = index;
      if (!pattern.test(text)) return unexpected(text, index, expect);
      index = pattern.lastIndex;
      // "01", "1.", "truex": what follows a number or literal must end it.
      if (/[0-9A-Za-z.]/.test(text[index] ?? '')) return unexpected(text, index, 'after_value');
    }
    expect = 'after_value';
  }
}

/** 1-based line and column (in UTF-16 code units) of a 0-based offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
