/**
 * Bad input never crashes us: hostile and broken inputs through the public API (`parseEdxml`,
 * `validateEdxml`, `readEdxmlStream`). Each gives a report with a clear, located error, and never a throw; where a
 * limit refuses the input, the tests check that it was refused at that limit (the issue, its location, what was
 * left unread) rather than timing it: wall-clock assertions are flaky on shared CI machines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Report, ReportSchema } from '@lienthong/report';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../test/corpus';
import {
  type EdxmlParseResult,
  parseEdxml,
  readEdxmlStream,
  type StreamedResult,
  type ValidateOptions,
  validateEdxml,
} from '../index';
import { DEFAULT_LIMITS } from '../parse/options';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(`${FIXTURES}${path}`));
const corpus = (name: string): Uint8Array => new Uint8Array(readCorpus(name));
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const bytesOf = (value: string): Uint8Array => new TextEncoder().encode(value);

const FIXED_CLOCK = () => new Date(0);
const MINIMAL = 'gateway_minimal_edoc.xml';
/** Three attachments of about 200 bytes each. */
const THREE_ATTACHMENTS = 'gateway_upload_1da394ba-2117-4354-a23f-6ec3e47ba81b.edxml';
/** Valid, with Vietnamese text in the header. */
const VIETNAMESE = 'axis-downloaded_2025_edoc_pdf.edxml';

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Reads the stream to its end (draining every attachment) and returns its result. */
async function readStreamed(
  bytes: Uint8Array,
  chunkSize: number,
  options: ValidateOptions = {},
): Promise<StreamedResult> {
  const reader = readEdxmlStream(inChunks(bytes, chunkSize), { subject: 'hostile', now: FIXED_CLOCK, ...options });
  for await (const part of reader) {
    if (part.type === 'attachment') for await (const _ of part.bytes);
  }
  return reader.result;
}

function validate(input: string | Uint8Array, options: ValidateOptions = {}): EdxmlParseResult {
  return validateEdxml(input, { subject: 'hostile', now: FIXED_CLOCK, ...options });
}

const errorIds = (report: Report): string[] =>
  report.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.ruleId);
const ruleIds = (report: Report): string[] => [...new Set(report.issues.map((issue) => issue.ruleId))].sort();
const issueOf = (report: Report, ruleId: string) => report.issues.find((issue) => issue.ruleId === ruleId);

/** What every report satisfies, whatever the input: derived validity, no crashed step, bilingual messages. */
function expectSoundReport(report: Report): void {
  expect(ReportSchema.safeParse(report).error?.issues ?? []).toEqual([]);
  expect(report.steps.filter((step) => step.status === 'crashed')).toEqual([]);
  for (const issue of report.issues) {
    expect(issue.ruleId).toMatch(/^EDXML-|^REPORT-/);
    expect(issue.message.vi.length).toBeGreaterThan(0);
    expect(issue.message.en.length).toBeGreaterThan(0);
  }
}

/** The input was refused while reading: an error of `ruleId`, no message, the 'validate' step skipped. */
function expectRefused(result: EdxmlParseResult | StreamedResult, ruleId: string): void {
  expectSoundReport(result.report);
  expect(result.report.valid).toBe(false);
  expect(result.message).toBeUndefined();
  expect(errorIds(result.report)).toContain(ruleId);
  const validateStep = result.report.steps.find((step) => step.name === 'validate');
  if (validateStep !== undefined) {
    expect(validateStep.status).toBe('skipped');
    expect(errorIds(result.report)).toContain('REPORT-STEP-002');
  }
}

/** The issue of `ruleId` points at a line and a column. */
function expectLocated(report: Report, ruleId: string): { line: number; column: number } {
  const location = issueOf(report, ruleId)?.location;
  expect(location?.line).toBeGreaterThanOrEqual(1);
  expect(location?.column).toBeGreaterThanOrEqual(1);
  return { line: location?.line as number, column: location?.column as number };
}

/** 1-based line and column (in characters) of the first byte that is not ASCII. */
function firstNonAscii(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (const byte of bytes) {
    if (byte >= 0x80) return { line, column };
    if (byte === 0x0a) {
      line++;
      column = 1;
    } else column++;
  }
  throw new Error('all ASCII');
}

/** 1-based line and column (in characters) where `marker` first occurs in `source`. */
function positionOf(source: string, marker: string): { line: number; column: number } {
  const index = source.indexOf(marker);
  if (index < 0) throw new Error(`marker not found: ${marker}`);
  const before = source.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

describe('DOCTYPE: refused (EDXML-XML-002) before any entity is expanded', () => {
  const minimal = text(corpus(MINIMAL));
  const body = minimal.slice(minimal.indexOf('<edXML '));
  const DOCTYPES: readonly [string, Uint8Array][] = [
    ['billion laughs (10^9 "lol" from 10 nested internal entities)', fixture('invalid/doctype-billion-laughs.edxml')],
    ['external entity SYSTEM "file:///etc/passwd"', fixture('invalid/doctype-external-entity-file-etc-passwd.edxml')],
    ['parameter entities from a remote DTD', fixture('invalid/doctype-parameter-entity-remote-dtd.edxml')],
    [
      'external DTD subset',
      bytesOf(`<?xml version="1.0"?>\n<!DOCTYPE edXML SYSTEM "http://attacker.example/edxml.dtd">\n${body}`),
    ],
    [
      'quadratic blow-up (one 100 KB entity referenced 10,000 times)',
      bytesOf(
        `<!DOCTYPE edXML [<!ENTITY big "${'x'.repeat(100_000)}">]>\n${body.replace('>Test<', `>${'&big;'.repeat(10_000)}<`)}`,
      ),
    ],
    [
      'DOCTYPE inside the root element',
      bytesOf(minimal.replace('<edXML:Subject>', '<!DOCTYPE x [<!ENTITY a "b">]><edXML:Subject>')),
    ],
  ];

  /** Nothing was expanded or fetched: the report stays small and holds neither the expansion nor a file's content. */
  function expectNotExpanded(report: Report): void {
    const json = JSON.stringify(report);
    expect(json.length).toBeLessThan(20_000);
    expect(json).not.toContain('lollol');
    expect(json).not.toContain('xxxxxxxxxx');
    expect(json).not.toMatch(/root:x?:0:0/);
  }

  it.each(DOCTYPES)('%s: validateEdxml refuses it at the DOCTYPE itself', (_name, input) => {
    for (const mode of ['tolerant', 'strict'] as const) {
      const result = validate(input, { mode });
      expectRefused(result, 'EDXML-XML-002');
      // Refused at the `<!DOCTYPE` token itself; the scanner stops at a fatal problem, so nothing after it is parsed.
      expect(expectLocated(result.report, 'EDXML-XML-002')).toEqual(positionOf(text(input), '<!DOCTYPE'));
      expectNotExpanded(result.report);
    }
  });

  it.each(DOCTYPES)('%s: parseEdxml refuses it at the DOCTYPE itself', (_name, input) => {
    const result = parseEdxml(input, { subject: 'hostile' });
    expectRefused(result, 'EDXML-XML-002');
    expect(expectLocated(result.report, 'EDXML-XML-002')).toEqual(positionOf(text(input), '<!DOCTYPE'));
    expectNotExpanded(result.report);
  });

  it.each(DOCTYPES)('%s: readEdxmlStream refuses it as validateEdxml does', async (_name, input) => {
    const result = await readStreamed(input, 64);
    expectRefused(result, 'EDXML-XML-002');
    expect(result.report).toEqual(validate(input).report);
  });
});

describe('nesting depth: 100,000 levels give EDXML-XML-003 at the depth limit, without a stack overflow', () => {
  const DEPTH = 100_000;
  const deep = '<a>'.repeat(DEPTH) + '</a>'.repeat(DEPTH);
  const minimal = text(corpus(MINIMAL));
  const INPUTS: readonly [string, string][] = [
    ['as the whole document', deep],
    ['inside the Subject of an envelope', minimal.replace('>Test<', `>${deep}<`)],
    ['inside AttachmentEncoded', minimal.replace('<AttachmentEncoded>', `<AttachmentEncoded>${deep}`)],
  ];

  /**
   * Refused at the depth limit: the issue names the limit and points at a `<a>` within the first
   * `maxDepth` of the 100,000 nested ones, so reading stopped there.
   */
  function expectStoppedAtDepthLimit(report: Report, input: string): void {
    const maxDepth = DEFAULT_LIMITS.maxDepth;
    expect(issueOf(report, 'EDXML-XML-003')?.message.en).toContain(`more than ${maxDepth} levels`);
    const first = positionOf(input, '<a>');
    const { line, column } = expectLocated(report, 'EDXML-XML-003');
    expect(line).toBe(first.line);
    expect(column).toBeGreaterThanOrEqual(first.column);
    expect(column).toBeLessThanOrEqual(first.column + '<a>'.length * maxDepth);
  }

  it.each(INPUTS)('%s: validateEdxml on bytes and on a string', (_name, input) => {
    for (const form of [bytesOf(input), input]) {
      const result = validate(form);
      expectRefused(result, 'EDXML-XML-003');
      expectStoppedAtDepthLimit(result.report, input);
    }
  });

  it.each(INPUTS)('%s: readEdxmlStream', async (_name, input) => {
    const bytes = bytesOf(input);
    const result = await readStreamed(bytes, 4096);
    expectRefused(result, 'EDXML-XML-003');
    expectStoppedAtDepthLimit(result.report, input);
    expect(result.report).toEqual(validate(bytes).report);
  });

  it('with maxDepth raised to 200,010, 100,000 levels inside the Signature are read without a crash', () => {
    const document = text(corpus('axis-downloaded_2019_edoc.edxml'));
    const input = document.replace(/(<Signature[^>]*>)/, `$1${deep}`);
    expect(input).not.toBe(document);
    const result = validate(input, { limits: { maxDepth: 2 * DEPTH + 10 } });
    expectSoundReport(result.report);
    expect(result.report.steps.map((step) => step.status)).toEqual(['completed', 'completed']);
    expect(result.message?.kind).toBe('document');
  });
});

describe('size limits', () => {
  it('an input over limits.maxBytes is refused with EDXML-XML-003 before it is scanned', () => {
    const size = 64 * 1024 * 1024;
    // 0xFF is never valid UTF-8: had a single byte been decoded, EDXML-XML-004 at 1:1 would be reported.
    const huge = new Uint8Array(size).fill(0xff);
    const limits = { maxBytes: 1024 * 1024 };
    const scanned = validate(huge.subarray(0, 1024), { limits });
    expect(errorIds(scanned.report)[0]).toBe('EDXML-XML-004');
    for (const result of [validate(huge, { limits }), parseEdxml(huge, { limits })]) {
      expectRefused(result, 'EDXML-XML-003');
      // Refused by its length alone: the only reading error is the size, with no line (nothing was scanned).
      expect(errorIds(result.report).filter((id) => id !== 'REPORT-STEP-002')).toEqual(['EDXML-XML-003']);
      const issue = issueOf(result.report, 'EDXML-XML-003');
      expect(issue?.location?.line).toBeUndefined();
      expect(issue?.message.en).toContain(String(size));
    }
    // A string is measured in UTF-16 code units; U+0001 is not allowed in XML, so scanning it would be an error too.
    const controls = '\u0001'.repeat(2 * 1024 * 1024);
    expect(errorIds(validate(controls.slice(0, 1024), { limits }).report)[0]).toBe('EDXML-XML-001');
    const result = validate(controls, { limits });
    expectRefused(result, 'EDXML-XML-003');
    expect(errorIds(result.report).filter((id) => id !== 'REPORT-STEP-002')).toEqual(['EDXML-XML-003']);
    expect(issueOf(result.report, 'EDXML-XML-003')?.message.en).toContain(String(2 * 1024 * 1024));
  });

  it('an input of exactly limits.maxBytes is read', () => {
    const bytes = corpus(MINIMAL);
    const result = validate(bytes, { limits: { maxBytes: bytes.length } });
    expect(errorIds(result.report)).not.toContain('EDXML-XML-003');
    expect(result.message?.kind).toBe('document');
  });

  it('readEdxmlStream refuses an input over limits.maxBytes with EDXML-XML-003', async () => {
    const bytes = corpus(THREE_ATTACHMENTS);
    const result = await readStreamed(bytes, 256, { limits: { maxBytes: 1000 } });
    expectRefused(result, 'EDXML-XML-003');
  });

  it('more attachments than limits.maxAttachments: EDXML-XML-003, the validate step skipped (REPORT-STEP-002)', async () => {
    const bytes = corpus(THREE_ATTACHMENTS);
    const options = { limits: { maxAttachments: 2 } };
    const inMemory = validate(bytes, options);
    expectRefused(inMemory, 'EDXML-XML-003');
    expect(issueOf(inMemory.report, 'EDXML-XML-003')?.message.en).toContain('3 attachments');
    expect(inMemory.report.steps.map((step) => [step.name, step.status])).toEqual([
      ['read', 'completed'],
      ['validate', 'skipped'],
    ]);
    const streamed = await readStreamed(bytes, 100, options);
    expect(streamed.report).toEqual(inMemory.report);
    // At the limit, nothing is refused.
    expect(errorIds(validate(bytes, { limits: { maxAttachments: 3 } }).report)).not.toContain('EDXML-XML-003');
  });

  it('an attachment over limits.maxAttachmentBytes: EDXML-XML-003 located at it, validate skipped (REPORT-STEP-002)', async () => {
    const bytes = corpus(THREE_ATTACHMENTS);
    const options = { limits: { maxAttachmentBytes: 100 } };
    const inMemory = validate(bytes, options);
    expectSoundReport(inMemory.report);
    expect(inMemory.report.valid).toBe(false);
    expect(ruleIds(inMemory.report)).toEqual(expect.arrayContaining(['EDXML-XML-003', 'REPORT-STEP-002']));
    expect(inMemory.report.steps.find((step) => step.name === 'validate')?.status).toBe('skipped');
    expect(issueOf(inMemory.report, 'EDXML-XML-003')?.location?.path).toBe('AttachmentEncoded/Attachment[1]');
    expectLocated(inMemory.report, 'EDXML-XML-003');

    const streamed = await readStreamed(bytes, 100, options);
    expectSoundReport(streamed.report);
    expect(streamed.report.valid).toBe(false);
    expect(ruleIds(streamed.report)).toEqual(expect.arrayContaining(['EDXML-XML-003', 'REPORT-STEP-002']));
    expect(streamed.report.steps.find((step) => step.name === 'validate')?.status).toBe('skipped');
  });

  it.each([
    ['on one line', 1],
    ['wrapped in lines of 76 (MIME style)', 76],
  ])(
    'an attachment of exactly limits.maxAttachmentBytes, its base64 %s, is accepted by both readers',
    async (_name, width) => {
      // 206 decoded bytes: 276 base64 characters ending in one "=".
      const minimal = text(corpus(MINIMAL));
      const payload = /<edXML:ContentTransferEncoded[^>]*>([^<]*)</.exec(minimal)?.[1] as string;
      const decodedSize = Buffer.from(payload, 'base64').length;
      const lines = width === 1 ? [payload] : (payload.match(new RegExp(`.{1,${width}}`, 'g')) as string[]);
      const input = bytesOf(minimal.replace(payload, lines.join('\r\n')));
      const options = { limits: { maxAttachmentBytes: decodedSize } };
      const streamed = await readStreamed(input, 64, options);
      expect(errorIds(streamed.report)).not.toContain('EDXML-XML-003');
      expect(errorIds(validate(input, options).report)).not.toContain('EDXML-XML-003');
      // One byte less is over the limit for both.
      const under = { limits: { maxAttachmentBytes: decodedSize - 1 } };
      expect(errorIds((await readStreamed(input, 64, under)).report)).toContain('EDXML-XML-003');
      expect(errorIds(validate(input, under).report)).toContain('EDXML-XML-003');
    },
  );

  it('per-element limits (attributes, attribute value, name) give EDXML-XML-003 at what is over the limit', () => {
    const minimal = text(corpus(MINIMAL));
    const attributes = Array.from({ length: 257 }, (_, index) => `a${index}="1"`).join(' ');
    // [input, where the issue must point]: the 257th attribute, the over-long value's attribute, the long name.
    const inputs: [string, string][] = [
      [minimal.replace('<edXML:Subject>', `<edXML:Subject ${attributes}>`), 'a256="1"'],
      [minimal.replace('<edXML:Subject>', `<edXML:Subject a="${'x'.repeat(1024 * 1024 + 1)}">`), 'a="x'],
      [minimal.replace('<edXML:Subject>Test</edXML:Subject>', `<${'n'.repeat(1001)}/>`), '<nnn'],
    ];
    for (const [input, marker] of inputs) {
      const result = validate(input);
      expectRefused(result, 'EDXML-XML-003');
      expect(expectLocated(result.report, 'EDXML-XML-003')).toEqual(positionOf(input, marker));
    }
  });
});

describe('truncated documents: cut at every 97th byte, never a throw, EDXML-XML-001 with a line and column', () => {
  const FILES = ['axis-downloaded_2019_edoc.edxml', VIETNAMESE, THREE_ATTACHMENTS, 'vpcp-sdk_status_01_generic.edxml'];

  it.each(FILES)('%s', (name) => {
    const bytes = corpus(name);
    let cuts = 0;
    for (let length = 0; length < bytes.length; length += 97) {
      const cut = bytes.subarray(0, length);
      for (const result of [validate(cut), parseEdxml(cut, { subject: 'hostile' })]) {
        expectRefused(result, errorIds(result.report)[0] as string);
        // A cut inside a multi-byte UTF-8 sequence leaves an invalid sequence at the end: EDXML-XML-004 then.
        const insideSequence = length < bytes.length && ((bytes[length] as number) & 0xc0) === 0x80;
        const ruleId = insideSequence ? 'EDXML-XML-004' : 'EDXML-XML-001';
        expect(errorIds(result.report)[0]).toBe(ruleId);
        expectLocated(result.report, ruleId);
      }
      cuts++;
    }
    expect(cuts).toBe(Math.ceil(bytes.length / 97));
  });

  it('readEdxmlStream reports each cut as validateEdxml does', async () => {
    const bytes = corpus(THREE_ATTACHMENTS);
    for (let length = 0; length < bytes.length; length += 97) {
      const cut = bytes.subarray(0, length);
      expect((await readStreamed(cut, 13)).report).toEqual(validate(cut).report);
    }
  });
});

describe('wrong encodings: EDXML-XML-004 (or XML-001) with a location, never a throw', () => {
  const minimal = text(corpus(MINIMAL));

  it('UTF-16LE with a BOM: EDXML-XML-004 at 1:1', () => {
    const result = validate(fixture('invalid/utf16le-with-bom.edxml'));
    expectRefused(result, 'EDXML-XML-004');
    expect(expectLocated(result.report, 'EDXML-XML-004')).toEqual({ line: 1, column: 1 });
  });

  it('UTF-16BE with a BOM: EDXML-XML-004 at 1:1', () => {
    const result = validate(Buffer.from(`\uFEFF${minimal}`, 'utf16le').swap16());
    expectRefused(result, 'EDXML-XML-004');
    expect(expectLocated(result.report, 'EDXML-XML-004')).toEqual({ line: 1, column: 1 });
  });

  it('a UTF-16LE copy of a corpus file without a BOM: an error at 1:1', () => {
    const result = validate(Buffer.from(text(corpus(VIETNAMESE)), 'utf16le'));
    expectRefused(result, errorIds(result.report)[0] as string);
    expect(['EDXML-XML-001', 'EDXML-XML-004']).toContain(errorIds(result.report)[0]);
    expect(expectLocated(result.report, errorIds(result.report)[0] as string)).toEqual({ line: 1, column: 1 });
  });

  it.each([
    ['ISO-8859-1 (Java getBytes, "?" for what Latin-1 lacks)', 'invalid/latin1-encoded.edxml'],
    ['windows-1258 (base letters and combining tone marks)', 'invalid/windows-1258-encoded.edxml'],
  ])('a %s copy of a Vietnamese corpus file: EDXML-XML-004 at its first non-ASCII byte', async (_name, path) => {
    const bytes = fixture(path);
    const result = validate(bytes);
    expectRefused(result, 'EDXML-XML-004');
    expect(expectLocated(result.report, 'EDXML-XML-004')).toEqual(firstNonAscii(bytes));
    expect((await readStreamed(bytes, 1)).report).toEqual(result.report);
  });

  it.each([
    ['C3 28 (a lead byte without its continuation)', [0xc3, 0x28]],
    ['FF (never in UTF-8)', [0xff]],
    ['80 (a lone continuation byte)', [0x80]],
    ['C0 AF (overlong "/")', [0xc0, 0xaf]],
    ['ED A0 80 (an encoded surrogate, CESU-8)', [0xed, 0xa0, 0x80]],
    ['F0 9F then "t" (a 4-byte sequence cut short)', [0xf0, 0x9f]],
    ['F4 90 80 80 (above U+10FFFF)', [0xf4, 0x90, 0x80, 0x80]],
    ['F8 88 80 80 80 (a 5-byte form)', [0xf8, 0x88, 0x80, 0x80, 0x80]],
  ])(
    'invalid UTF-8 bytes %s in the Subject: EDXML-XML-004 at 13:25, in memory and streamed byte by byte',
    async (_name, invalid) => {
      const [head, tail] = minimal.split('>Test<') as [string, string];
      const bytes = new Uint8Array([...bytesOf(`${head}>T`), ...invalid, ...bytesOf(`t<${tail}`)]);
      const result = validate(bytes);
      expectRefused(result, 'EDXML-XML-004');
      expect(expectLocated(result.report, 'EDXML-XML-004')).toEqual({ line: 13, column: 25 });
      expect((await readStreamed(bytes, 1)).report).toEqual(result.report);
    },
  );

  it.each([
    ['in the root element name', 'XML xmlns', [2, 4]],
    ['in a namespace URI', 'mic.gov', [2, 26]],
    ['in an element name', 'ubject>Test', [13, 17]],
    ['in the Subject text', 'est</edXML:Subject>', [13, 25]],
  ])('a byte FF %s is located at that byte however the stream is cut', async (_name, marker, [line, column]) => {
    const bytes = new Uint8Array(bytesOf(minimal));
    bytes[Buffer.from(bytes).indexOf(marker)] = 0xff;
    const result = validate(bytes);
    expectRefused(result, 'EDXML-XML-004');
    expect(expectLocated(result.report, 'EDXML-XML-004')).toEqual({ line, column });
    for (const size of [1, 2, 3, 5, 7, 13, 64]) {
      const streamed = await readStreamed(bytes, size);
      expect({ size, location: issueOf(streamed.report, 'EDXML-XML-004')?.location }).toEqual({
        size,
        location: issueOf(result.report, 'EDXML-XML-004')?.location,
      });
    }
  });

  it('encoding="ISO-8859-1" in the declaration: EDXML-XML-004 at 1:1; tolerant reading goes on, strict refuses', () => {
    const bytes = fixture('invalid/encoding-declared-iso-8859-1.edxml');
    const tolerant = validate(bytes);
    expectSoundReport(tolerant.report);
    expect(tolerant.report.valid).toBe(false);
    expect(errorIds(tolerant.report)).toEqual(['EDXML-XML-004']);
    expect(expectLocated(tolerant.report, 'EDXML-XML-004')).toEqual({ line: 1, column: 1 });
    expect(tolerant.message?.kind).toBe('document');

    const strict = validate(bytes, { mode: 'strict' });
    expectRefused(strict, 'EDXML-XML-004');
  });

  it('encoding="ISO-8859-1" declared on Latin-1 bytes: EDXML-XML-004, never read as Latin-1', () => {
    const bytes = new Uint8Array(
      Buffer.from(fixture('invalid/latin1-encoded.edxml'))
        .toString('latin1')
        .replace('UTF-8', 'ISO-8859-1')
        .split('')
        .map((c) => c.charCodeAt(0)),
    );
    const result = validate(bytes);
    expectRefused(result, 'EDXML-XML-004');
    expect(
      result.report.issues.filter((issue) => issue.ruleId === 'EDXML-XML-004').map((issue) => issue.location?.line),
    ).toEqual([1, 8]);
  });

  it('a string holding characters XML forbids (lone surrogates, U+FFFE, controls): a located error, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), (inserted) => {
        const result = validate(minimal.replace('>Test<', `>${inserted.replace(/[<&]/g, '')}<`));
        expectSoundReport(result.report);
        for (const issue of result.report.issues.filter((each) => each.ruleId.startsWith('EDXML-XML-'))) {
          expect(issue.location?.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300, seed: 0x5eed },
    );
  });
});

describe('a UTF-8 byte order mark is accepted with info EDXML-XML-007', () => {
  it('in bytes, in a string and streamed: the same message as without it', async () => {
    const plain = validate(corpus(MINIMAL));
    const withBom = fixture('hostile/utf8-bom.edxml');
    const streamed = await readStreamed(withBom, 1);
    for (const result of [validate(withBom), validate(`\uFEFF${text(corpus(MINIMAL))}`), streamed]) {
      expectSoundReport(result.report);
      const bom = issueOf(result.report, 'EDXML-XML-007');
      expect(bom?.severity).toBe('info');
      expect(bom?.location).toMatchObject({ line: 1, column: 1 });
      expect(result.report.valid).toBe(plain.report.valid);
    }
    expect(validate(withBom).message).toEqual(plain.message);
    expect(streamed.report).toEqual(validate(withBom).report);
  });
});

describe('not XML at all: a report with a clear error, never a throw', () => {
  /** Refused with an error of the XML layer or the structure, located when it is an XML error. */
  async function expectClearError(input: Uint8Array): Promise<void> {
    const results = [validate(input), parseEdxml(input, { subject: 'hostile' }), await readStreamed(input, 512)];
    for (const result of results) {
      const first = errorIds(result.report).find((id) => /^EDXML-(XML|STR)-/.test(id));
      expect(first).toBeDefined();
      expectRefused(result, first as string);
      if (first?.startsWith('EDXML-XML-')) expectLocated(result.report, first);
    }
    expect(results[2]?.report).toEqual(results[0]?.report);
  }

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4096 }), (bytes) => expectClearError(bytes)),
      { numRuns: 200, seed: 0xbad },
    );
  });

  it.each([
    ['an empty file', new Uint8Array()],
    ['whitespace only', bytesOf('  \r\n\t\n')],
    ['a BOM only', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['a PDF', fixture('hostile/pdf-instead-of-edxml.pdf')],
    ['a JSON answer of the axis', fixture('hostile/json-instead-of-edxml.json')],
    ['an HTML error page', fixture('hostile/html-page-instead-of-edxml.html')],
    ['HTML without a DOCTYPE', bytesOf('<html><head><title>Lỗi</title></head><body><p>Lỗi<br></body></html>')],
    ['XHTML (well-formed, wrong root)', bytesOf('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')],
    [
      'a ZIP archive',
      new Uint8Array(Buffer.from('504b03041400080808000000000000000000000000000000000000000000', 'hex')),
    ],
    ['a gzip-compressed edXML file', new Uint8Array(gzipSync(corpus(MINIMAL)))],
    ['an XML declaration only', bytesOf('<?xml version="1.0" encoding="UTF-8"?>')],
    ['a UTF-32LE BOM', new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x3c, 0x00, 0x00, 0x00])],
  ])('%s', async (_name, input) => {
    await expectClearError(input);
  });

  it('an empty string', () => {
    const result = validate('');
    expectRefused(result, 'EDXML-XML-001');
    expectLocated(result.report, 'EDXML-XML-001');
  });
});

describe('junk before the XML declaration ("1212<?xml …", seen in an SDK sample)', () => {
  const input = fixture('invalid/junk-before-xml-declaration.edxml');

  it('tolerant: warning EDXML-XML-005 at 1:1 and the message is read as without the junk', async () => {
    const plain = validate(corpus(MINIMAL));
    const result = validate(input);
    expectSoundReport(result.report);
    const junk = issueOf(result.report, 'EDXML-XML-005');
    expect(junk?.severity).toBe('warning');
    expect(junk?.location).toMatchObject({ line: 1, column: 1 });
    expect(result.message).toEqual(plain.message);
    expect(result.report.valid).toBe(plain.report.valid);
    expect((await readStreamed(input, 3)).report).toEqual(result.report);
  });

  it('strict: no message, EDXML-XML-005 is an error', async () => {
    const result = validate(input, { mode: 'strict' });
    expectRefused(result, 'EDXML-XML-005');
    expect(parseEdxml(input, { mode: 'strict' }).message).toBeUndefined();
    expect((await readStreamed(input, 3, { mode: 'strict' })).report).toEqual(result.report);
  });
});

describe('regex safety: pathological values in every text field give a sound report', () => {
  const MB = 1024 * 1024;
  const VALUES: readonly [string, string][] = [
    ['1 MB of "a,"', 'a,'.repeat(MB / 2)],
    ['1 MB of "/"', '/'.repeat(MB)],
    ['1 MB of spaces', ' '.repeat(MB)],
    ['100,000 "cid:" prefixes', `${'cid:'.repeat(100_000)}x`],
    ['1 MB of digits and a letter', `${'0'.repeat(MB)}x`],
    ['1 MB of "."', '.'.repeat(MB)],
    ['1 MB of "1:" (clock-like)', '1:'.repeat(MB / 2)],
    ['512 Ki decomposed "é" (e + U+0301)', 'e\u0301'.repeat(MB / 2)],
  ];
  /** A document rich in header fields, with a signature, and a status packet. */
  const TEMPLATES = ['axis-downloaded_2019_edoc.edxml', 'vpcp-sdk_status_01_generic.edxml'].map((name) =>
    text(corpus(name)),
  );

  /** Every leaf element's text, as [start, end) offsets. */
  function leafTexts(source: string): [number, number][] {
    return [...source.matchAll(/>([^<>]*)<\//g)].map((match) => [
      match.index + 1,
      match.index + 1 + (match[1] as string).length,
    ]);
  }

  // A catastrophic backtracking regex on a megabyte never finishes: the 60 s timeout is the hang guard for the
  // 60-odd validations of each value, not a performance claim.
  it.each(VALUES)(
    '%s',
    (_name, value) => {
      let fields = 0;
      for (const template of TEMPLATES) {
        for (const [start, end] of leafTexts(template)) {
          const input = template.slice(0, start) + value + template.slice(end);
          expectSoundReport(validate(input).report);
          fields++;
        }
      }
      expect(fields).toBeGreaterThan(60);
    },
    60_000,
  );
});

describe('work stays linear in the input', () => {
  // A deterministic measure instead of a timing: what the duplicate check reports for n and for 2n References.
  // It tallies: one issue with the count, whatever n (reporting pairs would grow with n²).
  it('a ContentId shared by 10,000 or 20,000 manifest References is reported once, with its count', () => {
    const minimal = text(corpus(MINIMAL));
    const reference = /<edXML:Reference>[\s\S]*?<\/edXML:Reference>/.exec(minimal)?.[0] as string;
    const shared = (count: number) => {
      const result = validate(minimal.replace(reference, reference.repeat(count)));
      expectSoundReport(result.report);
      return result.report;
    };
    const [n, twice] = [shared(10_000), shared(20_000)];
    // The same issues for n and 2n: only the count in the one duplicate issue differs.
    expect(twice.issues.map((issue) => issue.ruleId)).toEqual(n.issues.map((issue) => issue.ruleId));
    for (const [report, count] of [
      [n, 10_000],
      [twice, 20_000],
    ] as const) {
      const duplicates = report.issues.filter((issue) => issue.ruleId === 'EDXML-ATT-004');
      expect(duplicates).toHaveLength(1);
      expect(duplicates[0]?.params).toMatchObject({ count });
    }
  }, 30_000);

  it('20,000 distinct ContentIds without attachments give one issue per Reference, none about duplicates', () => {
    const minimal = text(corpus(MINIMAL));
    const reference = /<edXML:Reference>[\s\S]*?<\/edXML:Reference>/.exec(minimal)?.[0] as string;
    const count = 20_000;
    const distinct = minimal.replace(
      reference,
      Array.from({ length: count }, (_, index) => reference.replace('e97bfe2b', String(index).padStart(8, '0'))).join(
        '',
      ),
    );
    const { report } = validate(distinct);
    expectSoundReport(report);
    expect(ruleIds(report)).not.toContain('EDXML-ATT-004');
    expect(report.issues.filter((issue) => issue.ruleId === 'EDXML-ATT-002')).toHaveLength(count);
  }, 30_000);

  // A cut start tag is resumed where it stopped, not rescanned from its `<` at every chunk. Nothing counts that
  // work from outside, so this checks the result; the 30 s timeout is a hang guard for a quadratic rescan
  // (2,048 rescans of up to 2 MiB), not a performance claim.
  it('readEdxmlStream reads a 2 MiB start tag cut into 2,048 chunks as validateEdxml reads it', async () => {
    const minimal = text(corpus(MINIMAL));
    const size = 2 * 1024 * 1024;
    const longTag = bytesOf(minimal.replace('<edXML:Subject>', `<edXML:Subject${' '.repeat(size)}>`));
    const result = await readStreamed(longTag, 1024);
    expectSoundReport(result.report);
    expect(result.report).toEqual(validate(longTag).report);
    expect(result.message?.kind).toBe('document');
  }, 30_000);

  it.each([
    ['a DOCTYPE', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><edXML>', {}],
    ['limits.maxBytes', '<?xml version="1.0"?><edXML>', { limits: { maxBytes: 64 * 1024 } }],
  ])(
    'readEdxmlStream stops pulling the source after %s made the input unreadable',
    async (_name, head, options) => {
      let pulled = 0;
      let closed = false;
      const filler = new Uint8Array(1024).fill(0x20);
      async function* endless(): AsyncGenerator<Uint8Array> {
        try {
          yield bytesOf(head);
          // Bounded so that the test ends even when the reader does not stop: 100 MiB.
          for (; pulled < 100 * 1024; pulled++) yield filler;
        } finally {
          closed = true;
        }
      }
      const reader = readEdxmlStream(endless(), { subject: 'hostile', now: FIXED_CLOCK, ...options });
      for await (const _ of reader);
      const result = await reader.result;
      expect(result.report.valid).toBe(false);
      expect(closed).toBe(true);
      expect(pulled).toBeLessThan(200);
    },
    30_000,
  );
});
