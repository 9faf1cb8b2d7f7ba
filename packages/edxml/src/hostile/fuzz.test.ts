/**
 * Mutation fuzzing of the real corpus: whatever is done to the bytes, `validateEdxml` answers with a report
 * (never a throw, never a crashed step), and the report is self-consistent. A sample of the
 * same mutations also goes through `readEdxmlStream` in random chunks: the streaming reader must report
 * exactly what the in-memory reader reports for the same bytes.
 *
 * Every property runs with a fixed seed, so a failure is reproducible; fast-check prints the shrunk case.
 */
import { type Report, ReportSchema } from '@lienthong/report';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpus } from '../../test/corpus';
import type { EdxmlMessage } from '../index';
import { readEdxmlStream, validateEdxml } from '../index';

/** The corpus files small enough to validate in a few milliseconds (the 360 KB SDK samples are sampled apart). */
const LARGE_FILE_BYTES = 64 * 1024;
const corpus = corpusFiles.map((name) => ({ name, bytes: new Uint8Array(readCorpus(name)) }));
const smallFiles = corpus.filter((file) => file.bytes.length < LARGE_FILE_BYTES);
const largeFiles = corpus.filter((file) => file.bytes.length >= LARGE_FILE_BYTES);

const MARKUP_FRAGMENTS = [
  '<',
  '>',
  '&',
  ']]>',
  '<!DOCTYPE x>',
  '<![CDATA[',
  'xmlns:a="',
  '</',
  '/>',
  '"',
  "'",
  '=',
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<!--',
  '-->',
  '&lt;',
  '&#0;',
  '&#x110000;',
  '&lol;',
  '&#xD800;',
  '\u0000',
  '\uFEFF',
  '\r',
  'cid:',
  'edXML:',
  'xmlns="urn:x"',
  'xmlns:edXML=""',
  '<edXML:Attachment>',
  '</AttachmentEncoded>',
  '<ContentTransferEncoded>',
] as const;

/** Letters of Vietnamese text, precomposed and decomposed (base letter + combining tone mark). */
const VIETNAMESE_UNITS = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ ,./-0123456789',
  ...'áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ',
  'e\u0301',
  'a\u0323',
  'o\u031B\u0300',
  'Ủy ban nhân dân',
  'Công văn',
  'Nghệ An',
];

const vietnameseSnippet = fc.string({ unit: fc.constantFrom(...VIETNAMESE_UNITS), minLength: 1, maxLength: 24 });
const fragment = fc.oneof(fc.constantFrom(...MARKUP_FRAGMENTS), vietnameseSnippet);
/** A position, reduced modulo the current length when the mutation is applied. */
const position = fc.nat();

type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly mask: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly fragment: string }
  | { readonly kind: 'duplicate'; readonly from: number; readonly length: number; readonly to: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'swap'; readonly first: number; readonly second: number }
  | { readonly kind: 'text'; readonly which: number; readonly value: string };

const flip = fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) });
const deletion = fc.record({
  kind: fc.constant('delete' as const),
  at: position,
  length: fc.integer({ min: 1, max: 64 }),
});
const insertion = fc.record({ kind: fc.constant('insert' as const), at: position, fragment });
const duplication = fc.record({
  kind: fc.constant('duplicate' as const),
  from: position,
  length: fc.integer({ min: 1, max: 2048 }),
  to: position,
});
const truncation = fc.record({ kind: fc.constant('truncate' as const), at: position });
const swap = fc.record({ kind: fc.constant('swap' as const), first: position, second: position });
/** Values that keep the XML well-formed but try the field rules: dates, numbers, ids, odd Unicode. */
const fieldValue = fc.oneof(
  vietnameseSnippet,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.stringMatching(/^[0-9A-Za-z/ :.,+-]{0,40}$/),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '99999999999999999999',
    '1e308',
    'NaN',
    'null',
    'true',
    '2025/02/30',
    '2025/13/01 25:61:61',
    '0000/00/00 00:00:00',
    '000.00.00.H41',
    '000.00.00.h41',
    ' 000.00.00.H41 ',
    'H41.01.02',
    'cid:',
    'cid:cid:x',
    '000.00.00.H41,2025/01/15,12/UBND-TH',
    ',,/',
    '%PDF-1.4',
    'UEsDBA==',
    '====',
    'JVBERi0xLjcK',
  ),
);
const textReplacement = fc.record({ kind: fc.constant('text' as const), which: position, value: fieldValue });
const anyMutation: fc.Arbitrary<Mutation> = fc.oneof(
  flip,
  deletion,
  insertion,
  duplication,
  truncation,
  swap,
  textReplacement,
);

const encoder = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Byte ranges of elements (start tag to matching end tag, or an empty-element tag), nested ones included. */
function elementRanges(bytes: Uint8Array): [number, number][] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const ranges: [number, number][] = [];
  const startTag = /<([A-Za-z_][\w.:-]*)/g;
  for (let match = startTag.exec(text); match !== null; match = startTag.exec(text)) {
    const name = match[1] as string;
    const close = text.indexOf('>', startTag.lastIndex);
    if (close < 0) break;
    if (text[close - 1] === '/') {
      ranges.push([match.index, close + 1]);
      continue;
    }
    const end = text.indexOf(`</${name}>`, close);
    if (end >= 0) ranges.push([match.index, end + name.length + 3]);
  }
  return ranges;
}

/** Byte ranges of the text of leaf elements (`>text</`), empty ones included. */
function textRanges(bytes: Uint8Array): [number, number][] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const ranges: [number, number][] = [];
  const leafText = />([^<>]*)<\//g;
  for (let match = leafText.exec(text); match !== null; match = leafText.exec(text)) {
    ranges.push([match.index + 1, match.index + 1 + (match[1] as string).length]);
  }
  return ranges;
}

const escapeText = (value: string): string =>
  value.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));

function applyMutation(bytes: Uint8Array, mutation: Mutation): Uint8Array {
  const length = bytes.length;
  switch (mutation.kind) {
    case 'flip': {
      if (length === 0) return bytes;
      const out = bytes.slice();
      const at = mutation.at % length;
      out[at] = (out[at] as number) ^ mutation.mask;
      return out;
    }
    case 'delete': {
      if (length === 0) return bytes;
      const at = mutation.at % length;
      return concat(bytes.subarray(0, at), bytes.subarray(at + mutation.length));
    }
    case 'insert': {
      const at = mutation.at % (length + 1);
      return concat(bytes.subarray(0, at), encoder.encode(mutation.fragment), bytes.subarray(at));
    }
    case 'duplicate': {
      if (length === 0) return bytes;
      const from = mutation.from % length;
      const slice = bytes.slice(from, from + mutation.length);
      const to = mutation.to % (length + 1);
      return concat(bytes.subarray(0, to), slice, bytes.subarray(to));
    }
    case 'truncate':
      return bytes.slice(0, mutation.at % (length + 1));
    case 'swap': {
      const ranges = elementRanges(bytes);
      if (ranges.length < 2) return bytes;
      const first = ranges[mutation.first % ranges.length] as [number, number];
      const disjoint = ranges.filter(([start, end]) => end <= first[0] || start >= first[1]);
      if (disjoint.length === 0) return bytes;
      const second = disjoint[mutation.second % disjoint.length] as [number, number];
      const [a, b] = first[0] < second[0] ? [first, second] : [second, first];
      return concat(
        bytes.subarray(0, a[0]),
        bytes.subarray(b[0], b[1]),
        bytes.subarray(a[1], b[0]),
        bytes.subarray(a[0], a[1]),
        bytes.subarray(b[1]),
      );
    }
    case 'text': {
      const ranges = textRanges(bytes);
      if (ranges.length === 0) return bytes;
      const [start, end] = ranges[mutation.which % ranges.length] as [number, number];
      return concat(bytes.subarray(0, start), encoder.encode(escapeText(mutation.value)), bytes.subarray(end));
    }
  }
}

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  return mutations.reduce(applyMutation, bytes);
}

const RULE_ID = /^EDXML-|^REPORT-/;
const FIXED_CLOCK = () => new Date(0);

/** What every report must satisfy, whatever the input. */
function expectSoundReport(report: Report): void {
  expect(typeof report.valid).toBe('boolean');
  const hasError = report.issues.some((issue) => issue.severity === 'error');
  const allCompleted = report.steps.length > 0 && report.steps.every((step) => step.status === 'completed');
  expect(report.valid).toBe(!hasError && allCompleted);
  // A crashed step is an exception inside the reader or a rule, caught by the report builder: a bug.
  expect(report.steps.filter((step) => step.status === 'crashed')).toEqual([]);
  expect(report.issues.filter((issue) => issue.ruleId === 'REPORT-STEP-001')).toEqual([]);
  for (const issue of report.issues) {
    expect(issue.ruleId).toMatch(RULE_ID);
    expect(typeof issue.message.vi === 'string' && issue.message.vi.length > 0).toBe(true);
    expect(typeof issue.message.en === 'string' && issue.message.en.length > 0).toBe(true);
  }
  // The report's own schema re-derives validity and counts and checks every location is well-formed.
  const parsed = ReportSchema.safeParse(report);
  expect(parsed.error?.issues ?? []).toEqual([]);
}

/** Validates in memory with the fixed clock; returns the result for further checks. */
function validateFuzzed(bytes: Uint8Array) {
  return validateEdxml(bytes, { subject: 'fuzz', now: FIXED_CLOCK });
}

const SEED = 0x1e47_7b0a;

interface Family {
  readonly name: string;
  readonly runs: number;
  readonly mutations: fc.Arbitrary<Mutation[]>;
  readonly files: typeof corpus;
}

const FAMILIES: readonly Family[] = [
  { name: 'byte flips', runs: 1800, mutations: fc.array(flip, { minLength: 1, maxLength: 8 }), files: smallFiles },
  { name: 'deletions', runs: 1300, mutations: fc.array(deletion, { minLength: 1, maxLength: 3 }), files: smallFiles },
  {
    name: 'insertions of markup fragments and Vietnamese text',
    runs: 1800,
    mutations: fc.array(insertion, { minLength: 1, maxLength: 3 }),
    files: smallFiles,
  },
  {
    name: 'duplications of random slices',
    runs: 1000,
    mutations: fc.array(duplication, { minLength: 1, maxLength: 2 }),
    files: smallFiles,
  },
  { name: 'truncations', runs: 1000, mutations: fc.tuple(truncation), files: smallFiles },
  {
    name: 'swaps of two element slices',
    runs: 1000,
    mutations: fc.array(swap, { minLength: 1, maxLength: 2 }),
    files: smallFiles,
  },
  {
    name: 'replacements of field values (well-formed XML, odd values)',
    runs: 1000,
    mutations: fc.array(textReplacement, { minLength: 1, maxLength: 4 }),
    files: smallFiles,
  },
  {
    name: 'mixed mutations',
    runs: 1000,
    mutations: fc.array(anyMutation, { minLength: 1, maxLength: 5 }),
    files: smallFiles,
  },
  {
    name: 'mixed mutations of the 360 KB SDK samples',
    runs: 100,
    mutations: fc.array(anyMutation, { minLength: 1, maxLength: 3 }),
    files: largeFiles,
  },
];

describe('fuzz: validateEdxml on mutated corpus files', () => {
  it('has the corpus to mutate', () => {
    expect(smallFiles.length).toBeGreaterThanOrEqual(8);
    expect(largeFiles.length).toBeGreaterThan(0);
    expect(FAMILIES.reduce((sum, family) => sum + family.runs, 0)).toBe(10_000);
  });

  FAMILIES.forEach((family, index) => {
    // The 60 s timeout is a hang guard for the whole family, not a performance claim.
    it(`${family.name} (${family.runs} cases): a sound report, never a throw`, () => {
      const file = fc.integer({ min: 0, max: family.files.length - 1 });
      fc.assert(
        fc.property(file, family.mutations, (fileIndex, mutations) => {
          const source = family.files[fileIndex] as (typeof corpus)[number];
          const { report, message } = validateFuzzed(mutate(source.bytes, mutations));
          expectSoundReport(report);
          if (message === undefined) expect(report.valid).toBe(false);
        }),
        { numRuns: family.runs, seed: SEED + index },
      );
    }, 60_000);
  });
});

async function* inChunks(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  let index = 0;
  while (at < bytes.length) {
    const size = sizes[index++ % sizes.length] as number;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** Reads the stream to its end, draining every attachment's bytes. */
async function readStreamed(bytes: Uint8Array, sizes: readonly number[]) {
  const reader = readEdxmlStream(inChunks(bytes, sizes), { subject: 'fuzz', now: FIXED_CLOCK });
  for await (const part of reader) {
    if (part.type === 'attachment') for await (const _ of part.bytes);
  }
  return reader.result;
}

function withoutPayloads(message: EdxmlMessage | undefined): EdxmlMessage | undefined {
  if (message?.kind !== 'document') return message;
  return {
    ...message,
    attachments: message.attachments.map((attachment) => ({ ...attachment, contentTransferEncoded: '' })),
  };
}

describe('fuzz: readEdxmlStream against validateEdxml on the same mutated bytes', () => {
  it('300 mutated files in random chunks: the same report (fixed clock) and the same message', async () => {
    const file = fc.integer({ min: 0, max: smallFiles.length - 1 });
    // Small chunks cut every token somewhere; large ones are what a socket delivers.
    const chunkSize = fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 17, max: 4096 }));
    const chunkSizes = fc.array(chunkSize, { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.array(anyMutation, { minLength: 1, maxLength: 4 }),
        chunkSizes,
        async (fileIndex, mutations, sizes) => {
          const bytes = mutate((smallFiles[fileIndex] as (typeof corpus)[number]).bytes, mutations);
          const expected = validateFuzzed(bytes);
          const streamed = await readStreamed(bytes, sizes);
          expectSoundReport(streamed.report);
          expect(streamed.report).toEqual(expected.report);
          expect(streamed.message).toEqual(withoutPayloads(expected.message));
        },
      ),
      { numRuns: 300, seed: SEED - 1 },
    );
  }, 60_000);
});
