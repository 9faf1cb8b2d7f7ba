import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createXmlTreeParser, parseXmlTree, type XmlElement, type XmlTreeOptions, type XmlTreeResult } from './tree';
import { type ExpectedElement, wellFormedXmlDocument } from './well-formed-xml.arbitrary';

const CORPUS = new URL('../../test/fixtures/corpus/', import.meta.url);
const corpusFiles = readdirSync(CORPUS).filter((name) => /\.(edxml|xml)$/.test(name));
const SMALL_FILE_BYTES = 32 * 1024;

/** Parses `input` fed in the pieces that `cuts` (increasing indexes) delimit. */
function parseInPieces(
  input: string | Uint8Array,
  cuts: readonly number[],
  options: XmlTreeOptions = {},
): XmlTreeResult {
  const parser = createXmlTreeParser(options);
  let start = 0;
  for (const cut of [...cuts, input.length]) {
    if (cut > start) parser.write(typeof input === 'string' ? input.slice(start, cut) : input.subarray(start, cut));
    start = Math.max(start, cut);
  }
  return parser.end();
}

function cutsEvery(size: number, length: number): number[] {
  const cuts: number[] = [];
  for (let cut = size; cut < length; cut += size) cuts.push(cut);
  return cuts;
}

/** The part of an element a generated document predicts. */
function project(element: XmlElement): ExpectedElement {
  return {
    name: element.name,
    namespace: element.namespace,
    attributes: element.attributes.map(({ name, namespace, value }) => ({ name, namespace, value })),
    text: element.text,
    children: element.children.map(project),
    line: element.line,
    column: element.column,
    offset: element.offset,
  };
}

const encoder = new TextEncoder();

describe('chunked input gives the same result as one-shot input', () => {
  const tricky =
    '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- Văn bản -->\r\n' +
    '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:x="urn:x">\r\n' +
    '  <Subject x:k="Tr&#x1B0;ơng &amp; &quot;Đống Đa&quot;\r\n">Văn bản liên thông 😀&lt;&#128512;a<!-- x -->b</Subject>\r' +
    '  <Data><![CDATA[<b>]]]]><![CDATA[>\r\n]]></Data><?pi dữ liệu?>\n' +
    "  <x:Empty/><Tên đơn-vị='Hà Nội'>]]&gt;]]</Tên>\r\n" +
    '</edXML>\r\n';

  it('the hand-written tricky document parses without problems', () => {
    const result = parseXmlTree(tricky);
    expect(result.problems).toEqual([]);
    expect(result.root!.children.map((child) => child.text)).toEqual([
      'Văn bản liên thông 😀<😀ab',
      '<b>]]>\n',
      '',
      ']]>]]',
    ]);
    expect(result.root!.children[0]!.attributes[0]!.value).toBe('Trương & "Đống Đa" ');
  });

  it('at every string split size from 1 to 64, including inside surrogate pairs, references and markup', () => {
    const whole = parseXmlTree(tricky);
    for (let size = 1; size <= 64; size++) {
      expect(parseInPieces(tricky, cutsEvery(size, tricky.length)), `size ${size}`).toEqual(whole);
    }
  });

  it('at every byte split size from 1 to 64, including inside multi-byte UTF-8 characters', () => {
    const bytes = encoder.encode(tricky);
    const whole = parseXmlTree(bytes);
    expect(whole).toEqual(parseXmlTree(tricky));
    for (let size = 1; size <= 64; size++) {
      expect(parseInPieces(bytes, cutsEvery(size, bytes.length)), `size ${size}`).toEqual(whole);
    }
  });

  it('at every single split point of the tricky document, as bytes and as text', () => {
    const bytes = encoder.encode(tricky);
    const whole = parseXmlTree(bytes);
    for (let cut = 1; cut < bytes.length; cut++) expect(parseInPieces(bytes, [cut]), `byte ${cut}`).toEqual(whole);
    for (let cut = 1; cut < tricky.length; cut++) expect(parseInPieces(tricky, [cut]), `unit ${cut}`).toEqual(whole);
  });

  it('for bad documents too: the same problems at the same places', () => {
    const bad = '<a>\r\n  <b x="1" x="2">Đà Nẵng</b>\r\n</a>';
    const whole = parseXmlTree(bad);
    expect(whole.problems.map((problem) => problem.code)).toEqual(['DUPLICATE_ATTRIBUTE']);
    for (let size = 1; size <= 16; size++) {
      expect(parseInPieces(encoder.encode(bad), cutsEvery(size, bad.length))).toEqual(whole);
    }
  });

  describe.each(corpusFiles)('corpus file %s', (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, CORPUS)));
    const sizes =
      bytes.length <= SMALL_FILE_BYTES ? Array.from({ length: 64 }, (_, i) => i + 1) : [1, 3, 7, 13, 64, 1000, 65_536];

    it(`gives identical trees and problems for split sizes ${sizes.length === 64 ? '1..64' : sizes.join(', ')}`, () => {
      const whole = parseXmlTree(bytes, { allowLeadingJunk: true });
      for (const size of sizes) {
        expect(parseInPieces(bytes, cutsEvery(size, bytes.length), { allowLeadingJunk: true }), `size ${size}`).toEqual(
          whole,
        );
      }
    });
  });
});

describe('generated well-formed documents', () => {
  it('parse to exactly the expected tree, with exact positions', () => {
    fc.assert(
      fc.property(wellFormedXmlDocument, ({ xml, root }) => {
        const result = parseXmlTree(xml);
        expect(result.problems).toEqual([]);
        expect(project(result.root!)).toEqual(root);
      }),
      { numRuns: 400 },
    );
  });

  it('give the same result whatever the chunk boundaries, as text and as UTF-8 bytes', () => {
    fc.assert(
      fc.property(
        wellFormedXmlDocument,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        ({ xml }, fractions) => {
          const bytes = encoder.encode(xml);
          const whole = parseXmlTree(bytes);
          const byteCuts = [...new Set(fractions.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
          const textCuts = [...new Set(fractions.map((f) => Math.floor(f * xml.length)))].sort((a, b) => a - b);
          expect(parseInPieces(bytes, byteCuts)).toEqual(whole);
          expect(parseInPieces(xml, textCuts)).toEqual(whole);
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Fragments that, strung together at random, make mostly malformed documents that probe every state. */
const TOKENS = [
  ...['<a>', '</a>', '<b x="1">', '</b>', '<c/>', '<p:d xmlns:p="u">', '</p:d>', '<e', ' f="', '"', "'", '>', '/>'],
  ...['<', '</', '&', '&amp;', '&#x', '1F600', ';', '&lt', '&#13;', '<!--', '--', '-->', '<!-- a -->'],
  ...['<![CDATA[', ']]>', ']', '<![CDATA[x]]>', '<?', '?>', '<?pi d?>', 'xml', ' version="1.0"'],
  ...['<?xml version="1.0"?>', '<!DOCTYPE', 'text', 'Đà Nẵng', 'é', '😀', '\uD83D', '\uFFFE', '\u0001'],
  ...['\r', '\n', '\r\n', ' ', '\t', '=', 'xmlns', ':', 'q:', 'xmlns:q="v"', ' xlink:href="1"', '\uFEFF'],
  ' g="&amp;&#x41;\r\n"',
];

const scanOptions = fc.record({
  allowLeadingJunk: fc.boolean(),
  maxDepth: fc.constantFrom(3, 64),
  maxNameLength: fc.constantFrom(4, 1000),
  maxAttributeValueLength: fc.constantFrom(3, 1000),
  maxAttributesPerElement: fc.constantFrom(1, 256),
  maxMarkupLength: fc.constantFrom(4, 1000),
  maxTextNodeLength: fc.constantFrom(5, 1000),
});

describe('arbitrary (mostly malformed) input', () => {
  it('never throws, ends with at most one fatal problem, and gives the same result chunked, limits included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((tokens) => tokens.join('')),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        scanOptions,
        (input, fractions, options) => {
          const whole = parseXmlTree(input, options);
          const fatal = whole.problems.filter((problem) => problem.severity === 'fatal');
          expect(fatal.length).toBeLessThanOrEqual(1);
          if (fatal.length === 1) expect(whole.problems.at(-1)).toBe(fatal[0]);
          expect(whole.root === undefined).toBe(fatal.length === 1);
          const cuts = [...new Set(fractions.map((f) => Math.floor(f * input.length)))].sort((a, b) => a - b);
          expect(parseInPieces(input, cuts, options)).toEqual(whole);
          const bytes = encoder.encode(input);
          const byteCuts = [...new Set(fractions.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
          expect(parseInPieces(bytes, byteCuts, options)).toEqual(parseXmlTree(bytes, options));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
