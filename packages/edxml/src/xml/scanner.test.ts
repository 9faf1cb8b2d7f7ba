import { describe, expect, it } from 'vitest';
import type { XmlProblem } from './problems';
import { createXmlScanner } from './scanner';
import { XML_NAMESPACE, XMLNS_NAMESPACE, type XmlScanOptions, type XmlStartTag } from './types';

const EDXML = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/** Scans `input` in one piece and records every event as a readable line. */
function scan(
  input: string,
  options: XmlScanOptions = {},
): { events: string[]; problems: XmlProblem[]; tags: XmlStartTag[] } {
  const events: string[] = [];
  const problems: XmlProblem[] = [];
  const tags: XmlStartTag[] = [];
  const scanner = createXmlScanner(
    {
      onByteOrderMark: () => events.push('bom'),
      onDeclaration: (d) => events.push(`declaration ${d.version} ${d.encoding ?? '-'} ${d.standalone ?? '-'}`),
      onStartElement: (tag) => {
        tags.push(tag);
        events.push(`<${tag.name}>`);
      },
      onEndElement: (tag) => events.push(`</${tag.name}>`),
      onText: (piece) => events.push(`text ${JSON.stringify(piece)}`),
      onComment: (text) => events.push(`comment ${JSON.stringify(text)}`),
      onProcessingInstruction: (target, data) => events.push(`pi ${target} ${JSON.stringify(data)}`),
      onProblem: (problem) => problems.push(problem),
    },
    options,
  );
  scanner.write(input);
  scanner.end();
  return { events, problems, tags };
}

describe('createXmlScanner: events', () => {
  it('reports the declaration, elements, text, comments and processing instructions in order', () => {
    const { events, problems } = scan(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- đầu --><?app x="1"?><a>t<b/>u</a>\n',
    );
    expect(problems).toEqual([]);
    expect(events).toEqual([
      'declaration 1.0 UTF-8 true',
      'comment " đầu "',
      'pi app "x=\\"1\\""',
      '<a>',
      'text "t"',
      '<b>',
      '</b>',
      'text "u"',
      '</a>',
    ]);
  });

  it('keeps text on both sides of a comment: "<Subject>a<!-- x -->b</Subject>" has text "a" + "b"', () => {
    const { events } = scan('<Subject>a<!-- x -->b</Subject>');
    expect(events.filter((event) => event.startsWith('text'))).toEqual(['text "a"', 'text "b"']);
  });

  it('delivers CDATA content as text, markup characters untouched', () => {
    const { events } = scan('<a>x<![CDATA[<b>&amp;]]]]>y</a>');
    expect(events).toEqual(['<a>', 'text "x"', 'text "<b>&amp;]]"', 'text "y"', '</a>']);
  });

  it('decodes the five predefined entities and decimal and hexadecimal character references', () => {
    const { events } = scan('<a>&lt;&gt;&amp;&apos;&quot; &#65;&#x1F600;&#xE9;</a>');
    expect(events[1]).toBe(`text ${JSON.stringify('<>&\'" A😀é')}`);
  });

  it('normalizes CR LF and lone CR to LF in text, and literal whitespace to spaces in attribute values', () => {
    const { events, tags } = scan('<a v="1\r\n2\t3\n4&#10;5">x\r\ny\rz</a>');
    expect(tags[0]!.attributes[0]!.value).toBe('1 2 3 4\n5');
    expect(events[1]).toBe('text "x\\ny\\nz"');
  });

  it('keeps a character reference to CR as CR', () => {
    const { events } = scan('<a>&#13;&#xD;</a>');
    expect(events[1]).toBe('text "\\r\\r"');
  });

  it('reports a self-closing element as a start tag with selfClosing followed by its end', () => {
    const { events, tags } = scan('<a><b x="1"/></a>');
    expect(events).toEqual(['<a>', '<b>', '</b>', '</a>']);
    expect(tags.map((tag) => tag.selfClosing)).toEqual([false, true]);
  });

  it('does not report whitespace outside the root element as text', () => {
    const { events } = scan('\n  <a/>\n\n');
    expect(events).toEqual(['<a>', '</a>']);
  });

  it('skips a byte order mark and says so; it does not count in columns', () => {
    const { events, tags } = scan('\uFEFF<a/>');
    expect(events[0]).toBe('bom');
    expect(tags[0]).toMatchObject({ line: 1, column: 1, offset: 1 });
  });

  it('accepts names with Vietnamese letters and astral characters', () => {
    const { tags, problems } = scan('<Tên đơn-vị="1"><𐀀/></Tên>');
    expect(problems).toEqual([]);
    expect(tags.map((tag) => tag.name)).toEqual(['Tên', '𐀀']);
    expect(tags[0]!.attributes[0]!.name).toBe('đơn-vị');
  });
});

describe('createXmlScanner: namespaces', () => {
  it('applies the default namespace to unprefixed elements but not to attributes', () => {
    const { tags } = scan(`<edXML xmlns="${EDXML}" id="1"><x/></edXML>`);
    expect(tags[0]).toMatchObject({ name: 'edXML', prefix: '', localName: 'edXML', namespace: EDXML });
    expect(tags[0]!.attributes).toEqual([
      { name: 'xmlns', prefix: '', localName: 'xmlns', namespace: XMLNS_NAMESPACE, value: EDXML },
      { name: 'id', prefix: '', localName: 'id', namespace: null, value: '1' },
    ]);
    expect(tags[1]!.namespace).toBe(EDXML);
  });

  it('resolves prefixes in scope, including on the declaring element itself and its attributes', () => {
    const { tags } = scan(`<edXML:a xmlns:edXML="${EDXML}" edXML:k="v"><edXML:b/></edXML:a>`);
    expect(tags[0]).toMatchObject({ prefix: 'edXML', localName: 'a', namespace: EDXML });
    expect(tags[0]!.attributes[1]).toEqual({
      name: 'edXML:k',
      prefix: 'edXML',
      localName: 'k',
      namespace: EDXML,
      value: 'v',
    });
    expect(tags[1]!.namespace).toBe(EDXML);
  });

  it('restores outer bindings when a redeclaring element closes', () => {
    const { tags } = scan('<p:a xmlns:p="urn:1"><p:b xmlns:p="urn:2"/><p:c/></p:a>');
    expect(tags.map((tag) => tag.namespace)).toEqual(['urn:1', 'urn:2', 'urn:1']);
  });

  it('undeclares the default namespace with xmlns=""', () => {
    const { tags } = scan('<a xmlns="urn:1"><b xmlns=""><c/></b><d/></a>');
    expect(tags.map((tag) => tag.namespace)).toEqual(['urn:1', null, null, 'urn:1']);
  });

  it('always binds the xml prefix', () => {
    const { tags, problems } = scan('<a xml:lang="vi"/>');
    expect(problems).toEqual([]);
    expect(tags[0]!.attributes[0]!.namespace).toBe(XML_NAMESPACE);
  });

  it('reports an unbound prefix as recoverable, at the attribute, and goes on with namespace null', () => {
    const { tags, problems, events } = scan('<a>\n  <r xlink:href="">x</r></a>');
    expect(problems).toEqual([
      expect.objectContaining({ code: 'UNBOUND_PREFIX', severity: 'recoverable', line: 2, column: 6, offset: 9 }),
    ]);
    expect(problems[0]!.message.en).toContain("'xlink'");
    expect(problems[0]!.message.vi).toContain("'xlink'");
    expect(tags[1]!.attributes[0]!.namespace).toBeNull();
    expect(events.at(-1)).toBe('</a>');
  });

  it('reports an unbound element prefix at the start tag', () => {
    const { tags, problems } = scan('<a>\n<edXML:b/></a>');
    expect(problems).toEqual([expect.objectContaining({ code: 'UNBOUND_PREFIX', line: 2, column: 1 })]);
    expect(tags[1]).toMatchObject({ prefix: 'edXML', localName: 'b', namespace: null });
  });

  it('resolves an unbound prefix through fallbackNamespaces but still reports it', () => {
    const { tags, problems } = scan('<a xlink:href="x"/>', {
      fallbackNamespaces: { xlink: 'http://www.w3.org/1999/xlink' },
    });
    expect(problems.map((problem) => problem.code)).toEqual(['UNBOUND_PREFIX']);
    expect(tags[0]!.attributes[0]!.namespace).toBe('http://www.w3.org/1999/xlink');
  });

  it('finds nothing inherited from Object.prototype in fallbackNamespaces', () => {
    const { tags } = scan('<constructor:a/>', { fallbackNamespaces: {} });
    expect(tags[0]!.namespace).toBeNull();
  });
});

describe('createXmlScanner: positions', () => {
  it('gives 1-based lines and columns and 0-based offsets for start tags', () => {
    const { tags } = scan('<a>\n  <b/>\r\n\t<c/>\r<d/></a>');
    expect(tags.map(({ line, column, offset }) => [line, column, offset])).toEqual([
      [1, 1, 0],
      [2, 3, 6],
      [3, 2, 13],
      [4, 1, 18],
    ]);
  });

  it('counts columns in UTF-16 code units', () => {
    const { tags } = scan('<a>😀<b/></a>');
    expect(tags[1]).toMatchObject({ line: 1, column: 6, offset: 5 });
  });

  it('reports where each element ends', () => {
    const ends: number[] = [];
    const scanner = createXmlScanner({ onEndElement: (_tag, endOffset) => ends.push(endOffset) });
    scanner.write('<a><b/><c></c ></a>');
    scanner.end();
    expect(ends).toEqual([7, 15, 19]);
  });
});

describe('createXmlScanner: misuse and state', () => {
  it('throws when written after end, or ended twice (programmer errors, not bad input)', () => {
    const scanner = createXmlScanner({});
    scanner.write('<a/>');
    scanner.end();
    expect(scanner.stopped).toBe(true);
    expect(() => scanner.write('x')).toThrow(/after end/);
    expect(() => scanner.end()).toThrow(/twice/);
  });

  it('ignores input after a fatal problem and reports nothing more', () => {
    const problems: XmlProblem[] = [];
    const starts: string[] = [];
    const scanner = createXmlScanner({
      onProblem: (p) => problems.push(p),
      onStartElement: (t) => starts.push(t.name),
    });
    scanner.write('<a></b>');
    expect(scanner.failed).toBe(true);
    scanner.write('<c/>');
    scanner.end();
    expect(problems.map((problem) => problem.code)).toEqual(['MISMATCHED_END_TAG']);
    expect(starts).toEqual(['a']);
  });

  it('lets a handler stop scanning with abort()', () => {
    const problems: XmlProblem[] = [];
    const starts: string[] = [];
    const scanner = createXmlScanner({
      onProblem: (p) => problems.push(p),
      onStartElement: (tag) => {
        starts.push(tag.name);
        if (tag.name === 'b') scanner.abort('TEXT_TOO_LONG', { name: 'b', limit: 1 }, tag);
      },
    });
    scanner.write('<a><b/><c/></a>');
    scanner.end();
    expect(starts).toEqual(['a', 'b']);
    expect(problems).toEqual([expect.objectContaining({ code: 'TEXT_TOO_LONG', severity: 'fatal', column: 4 })]);
  });

  it('can turn the character check of text off and on again', () => {
    const problems: XmlProblem[] = [];
    const scanner = createXmlScanner({
      onProblem: (p) => problems.push(p),
      onStartElement: (tag) => scanner.setTextCharacterCheck(tag.name !== 'opaque'),
    });
    scanner.write('<a><opaque>\u0001</opaque><checked>\u0001</checked></a>');
    scanner.end();
    expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_CHARACTER', column: 31 })]);
  });
});
