import { describe, expect, it } from 'vitest';
import { describeXmlProblem, XML_PROBLEM_CODES, type XmlProblem, type XmlProblemCode } from './problems';
import { createXmlScanner } from './scanner';
import type { XmlScanOptions } from './types';

function problemsOf(input: string, options: XmlScanOptions = {}): XmlProblem[] {
  const problems: XmlProblem[] = [];
  const scanner = createXmlScanner({ onProblem: (problem) => problems.push(problem) }, options);
  scanner.write(input);
  scanner.end();
  return problems;
}

/** [input, code, line, column, options?]: the one fatal problem `input` must produce, and where. */
type FatalCase = readonly [string, XmlProblemCode, number, number, XmlScanOptions?];

const FATAL_CASES: Record<string, readonly FatalCase[]> = {
  'mismatched and unexpected end tags': [
    ['<a>\n<b></a>', 'MISMATCHED_END_TAG', 2, 4],
    ['<a><ab></a></ab>', 'MISMATCHED_END_TAG', 1, 8],
    ['<a></ab>', 'MISMATCHED_END_TAG', 1, 4],
    ['</a>', 'UNEXPECTED_END_TAG', 1, 1],
    ['<a/>\n</a>', 'UNEXPECTED_END_TAG', 2, 1],
  ],
  'unclosed elements and truncated input': [
    ['<a>\n <b>text', 'UNCLOSED_ELEMENT', 2, 2],
    ['<a>\n  <b', 'UNEXPECTED_END_OF_INPUT', 2, 3],
    ['<a x="1', 'UNEXPECTED_END_OF_INPUT', 1, 1],
    ['<a><!-- x', 'UNEXPECTED_END_OF_INPUT', 1, 4],
    ['<a><![CDATA[x', 'UNEXPECTED_END_OF_INPUT', 1, 4],
    ['<a><?pi x', 'UNEXPECTED_END_OF_INPUT', 1, 4],
    ['<a></a', 'UNEXPECTED_END_OF_INPUT', 1, 4],
    ['<a><', 'UNEXPECTED_END_OF_INPUT', 1, 4],
    ['<a><!-', 'UNEXPECTED_END_OF_INPUT', 1, 4],
    ['<a>&am', 'INVALID_ENTITY_REFERENCE', 1, 4],
    ['<a>\n <b>', 'UNCLOSED_ELEMENT', 2, 2],
  ],
  attributes: [
    ['<a x="1"\n   x="2"/>', 'DUPLICATE_ATTRIBUTE', 2, 4],
    ['<a xmlns:p="urn:u" xmlns:q="urn:u" p:x="1" q:x="2"/>', 'DUPLICATE_ATTRIBUTE', 1, 44],
    ['<a x="1<2"/>', 'LESS_THAN_IN_ATTRIBUTE_VALUE', 1, 8],
    ['<a x=1/>', 'MALFORMED_TAG', 1, 6],
    ['<a x/>', 'MALFORMED_TAG', 1, 5],
    ['<a x="1"y="2"/>', 'MALFORMED_TAG', 1, 9],
    ['<a/ >', 'MALFORMED_TAG', 1, 4],
    ['<a $>', 'MALFORMED_TAG', 1, 4],
    ['</>', 'MALFORMED_TAG', 1, 1],
    ['<a></a x>', 'MALFORMED_TAG', 1, 8],
    ['<a x="&bad;"/>', 'UNDEFINED_ENTITY', 1, 7],
  ],
  names: [
    ['<1a/>', 'INVALID_NAME', 1, 1],
    ['<a 1b="x"/>', 'INVALID_NAME', 1, 4],
    ['<a:b:c/>', 'INVALID_NAME', 1, 1],
    ['<:a/>', 'INVALID_NAME', 1, 1],
    ['<a:/>', 'INVALID_NAME', 1, 1],
    ['<p:1a xmlns:p="u"/>', 'INVALID_NAME', 1, 1],
    ['<a x:="1"/>', 'INVALID_NAME', 1, 4],
    ['<xmlns:a/>', 'INVALID_NAME', 1, 1],
  ],
  'namespace declarations': [
    ['<a xmlns:p=""/>', 'INVALID_NAMESPACE_DECLARATION', 1, 4],
    ['<a xmlns:xmlns="urn:x"/>', 'INVALID_NAMESPACE_DECLARATION', 1, 4],
    ['<a xmlns:xml="urn:x"/>', 'INVALID_NAMESPACE_DECLARATION', 1, 4],
    ['<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>', 'INVALID_NAMESPACE_DECLARATION', 1, 4],
    ['<a\nxmlns="http://www.w3.org/2000/xmlns/"/>', 'INVALID_NAMESPACE_DECLARATION', 2, 1],
  ],
  references: [
    ['<a>&nbsp;</a>', 'UNDEFINED_ENTITY', 1, 4],
    ['<a>AT&T</a>', 'INVALID_ENTITY_REFERENCE', 1, 6],
    ['<a>x & y</a>', 'INVALID_ENTITY_REFERENCE', 1, 6],
    ['<a>&;</a>', 'INVALID_ENTITY_REFERENCE', 1, 4],
    ['<a>&#xZZ;</a>', 'INVALID_ENTITY_REFERENCE', 1, 4],
    ['<a>&#X41;</a>', 'INVALID_ENTITY_REFERENCE', 1, 4],
    ['<a>&#65</a>', 'INVALID_ENTITY_REFERENCE', 1, 4],
    ['<a>&#0;</a>', 'INVALID_CHARACTER_REFERENCE', 1, 4],
    ['<a>\n &#xD800;</a>', 'INVALID_CHARACTER_REFERENCE', 2, 2],
    ['<a>&#xFFFE;</a>', 'INVALID_CHARACTER_REFERENCE', 1, 4],
    ['<a>&#x110000;</a>', 'INVALID_CHARACTER_REFERENCE', 1, 4],
    ['<a>&#99999999999999999999999999;</a>', 'INVALID_CHARACTER_REFERENCE', 1, 4],
    ['<a x="&#1;"/>', 'INVALID_CHARACTER_REFERENCE', 1, 7],
  ],
  characters: [
    ['<a>ok\u0001</a>', 'INVALID_CHARACTER', 1, 6],
    ['<a>\uD800x</a>', 'INVALID_CHARACTER', 1, 4],
    ['<a>x\uDC00</a>', 'INVALID_CHARACTER', 1, 5],
    ['<a>\uFFFF</a>', 'INVALID_CHARACTER', 1, 4],
    ['<a x="\u0002"/>', 'INVALID_CHARACTER', 1, 7],
    ['<a x="\uDC00"/>', 'INVALID_CHARACTER', 1, 7],
    ['<a><!-- \u0000 --></a>', 'INVALID_CHARACTER', 1, 9],
    ['<a><![CDATA[\u001F]]></a>', 'INVALID_CHARACTER', 1, 13],
    ['<a><?pi \u0008?></a>', 'INVALID_CHARACTER', 1, 9],
    ['<a>x]]>y</a>', 'CDATA_END_IN_TEXT', 1, 5],
  ],
  'text and elements outside the root': [
    ['<a/>x', 'TEXT_OUTSIDE_ROOT', 1, 5],
    ['<?xml version="1.0"?>\nx<a/>', 'TEXT_OUTSIDE_ROOT', 2, 1],
    ['<!-- c -->x<a/>', 'TEXT_OUTSIDE_ROOT', 1, 11],
    ['<![CDATA[x]]><a/>', 'TEXT_OUTSIDE_ROOT', 1, 1],
    ['<a/>&amp;', 'TEXT_OUTSIDE_ROOT', 1, 5],
    ['<a/>\n<b/>', 'MULTIPLE_ROOTS', 2, 1],
    ['', 'NO_ROOT_ELEMENT', 1, 1],
    ['<!-- only -->\n', 'NO_ROOT_ELEMENT', 2, 1],
    ['1212<?xml version="1.0"?><a/>', 'JUNK_BEFORE_ROOT', 1, 1],
    ['\n\n  junk<a/>', 'JUNK_BEFORE_ROOT', 3, 3],
  ],
  declaration: [
    ['  <?xml version="1.0"?><a/>', 'MISPLACED_XML_DECLARATION', 1, 3],
    ['<!--c--><?xml version="1.0"?><a/>', 'MISPLACED_XML_DECLARATION', 1, 9],
    ['<a><?xml version="1.0"?></a>', 'MISPLACED_XML_DECLARATION', 1, 4],
    ['<?xml encoding="UTF-8"?><a/>', 'INVALID_XML_DECLARATION', 1, 1],
    ['<?xml version="2.0"?><a/>', 'INVALID_XML_DECLARATION', 1, 1],
    ['<?xml version="1.0" standalone="maybe"?><a/>', 'INVALID_XML_DECLARATION', 1, 1],
    ['<?xml version="1.0"encoding="UTF-8"?><a/>', 'INVALID_XML_DECLARATION', 1, 1],
    ['<?xml encoding="UTF-8" version="1.0"?><a/>', 'INVALID_XML_DECLARATION', 1, 1],
    ['<?xml version=1.0?><a/>', 'INVALID_XML_DECLARATION', 1, 1],
    ['<?xml?><a/>', 'INVALID_XML_DECLARATION', 1, 1],
  ],
  'comments, processing instructions and other markup': [
    ['<a><!-- a -- b --></a>', 'MALFORMED_COMMENT', 1, 11],
    ['<a><!-- a ---></a>', 'MALFORMED_COMMENT', 1, 11],
    ['<a>1 < 2</a>', 'MALFORMED_MARKUP', 1, 6],
    ['<a><!ELEMENT x></a>', 'MALFORMED_MARKUP', 1, 4],
    ['<a><!-x--></a>', 'MALFORMED_MARKUP', 1, 4],
    ['<a><?XML x?></a>', 'MALFORMED_PROCESSING_INSTRUCTION', 1, 4],
    ['<a><?a:b x?></a>', 'MALFORMED_PROCESSING_INSTRUCTION', 1, 4],
    ['<a><? x?></a>', 'MALFORMED_PROCESSING_INSTRUCTION', 1, 4],
    ['<a><?pi$ x?></a>', 'MALFORMED_PROCESSING_INSTRUCTION', 1, 4],
  ],
  DOCTYPE: [
    ['<!DOCTYPE a><a/>', 'DOCTYPE_FORBIDDEN', 1, 1],
    ['<?xml version="1.0"?>\n<!DOCTYPE a SYSTEM "file:///etc/passwd"><a>&xxe;</a>', 'DOCTYPE_FORBIDDEN', 2, 1],
  ],
  limits: [
    ['<a><b><c><d/></c></b></a>', 'DEPTH_LIMIT_EXCEEDED', 1, 10, { maxDepth: 3 }],
    ['<a x="1" y="2"\n z="3"/>', 'TOO_MANY_ATTRIBUTES', 2, 2, { maxAttributesPerElement: 2 }],
    ['<abcdef/>', 'NAME_TOO_LONG', 1, 1, { maxNameLength: 5 }],
    ['<a abcdef="1"/>', 'NAME_TOO_LONG', 1, 4, { maxNameLength: 5 }],
    ['<a></abcdef>', 'NAME_TOO_LONG', 1, 4, { maxNameLength: 5 }],
    ['<a x="1234"/>', 'ATTRIBUTE_VALUE_TOO_LONG', 1, 4, { maxAttributeValueLength: 3 }],
    ['<a><!-- 123456 --></a>', 'MARKUP_TOO_LONG', 1, 4, { maxMarkupLength: 5 }],
    ['<a><?pi 123456?></a>', 'MARKUP_TOO_LONG', 1, 4, { maxMarkupLength: 5 }],
    ['<a>0123456789</a>', 'INPUT_TOO_LARGE', 1, 1, { maxInputBytes: 10 }],
  ],
};

describe('well-formedness and hostile input: one located fatal problem each', () => {
  for (const [group, cases] of Object.entries(FATAL_CASES)) {
    describe(group, () => {
      for (const [input, code, line, column, options] of cases) {
        it(`${JSON.stringify(input).slice(0, 60)} → ${code} at ${line}:${column}`, () => {
          const problems = problemsOf(input, options);
          const fatal = problems.filter((problem) => problem.severity === 'fatal');
          expect(fatal).toHaveLength(1);
          expect(problems.at(-1)).toBe(fatal[0]);
          expect(fatal[0]).toMatchObject({ code, line, column });
          expect(fatal[0]!.message.vi.length).toBeGreaterThan(0);
          expect(fatal[0]!.message.en.length).toBeGreaterThan(0);
        });
      }
    });
  }

  it('gives an offset that points at the problem', () => {
    const input = '<a>\n  <b x="1" x="2"/></a>';
    const [problem] = problemsOf(input);
    expect(problem!.offset).toBe(input.indexOf('x="2"'));
  });
});

describe('tolerated defects', () => {
  it('reports leading junk as recoverable with allowLeadingJunk and accepts the declaration after it', () => {
    const declarations: string[] = [];
    const problems: XmlProblem[] = [];
    const scanner = createXmlScanner(
      { onProblem: (p) => problems.push(p), onDeclaration: (d) => declarations.push(d.version) },
      { allowLeadingJunk: true },
    );
    scanner.write('1212<?xml version="1.0" encoding="UTF-8"?>\n<a/>');
    scanner.end();
    expect(problems).toEqual([
      expect.objectContaining({ code: 'JUNK_BEFORE_ROOT', severity: 'recoverable', line: 1, column: 1, offset: 0 }),
    ]);
    expect(declarations).toEqual(['1.0']);
  });

  it('reports whitespace before the declaration as recoverable junk with allowLeadingJunk', () => {
    const problems = problemsOf('\n <?xml version="1.0"?><a/>', { allowLeadingJunk: true });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'JUNK_BEFORE_ROOT', severity: 'recoverable', line: 1, column: 1 }),
    ]);
  });

  it('still rejects text after markup has started, even with allowLeadingJunk', () => {
    const problems = problemsOf('<?xml version="1.0"?>junk<a/>', { allowLeadingJunk: true });
    expect(problems).toEqual([expect.objectContaining({ code: 'TEXT_OUTSIDE_ROOT', severity: 'fatal', column: 22 })]);
  });

  it('reports an encoding other than UTF-8 as recoverable and goes on', () => {
    const problems = problemsOf('<?xml version="1.0" encoding="ISO-8859-1"?><a/>');
    expect(problems).toEqual([
      expect.objectContaining({ code: 'UNSUPPORTED_ENCODING', severity: 'recoverable', line: 1, column: 1 }),
    ]);
    expect(problems[0]!.message.en).toContain('ISO-8859-1');
  });

  it('accepts UTF-8 in any letter case, and whitespace before the root', () => {
    expect(problemsOf('<?xml version="1.0" encoding="utf-8"?>\n\n  <a/>')).toEqual([]);
  });
});

/** Everything the scanner reports for `input`, written in one piece: events and problems, in order. */
function eventsOf(input: string, options: XmlScanOptions = {}) {
  const events: string[] = [];
  const problems: XmlProblem[] = [];
  const scanner = createXmlScanner(
    {
      onDeclaration: () => events.push('declaration'),
      onStartElement: (tag) => events.push(`start:${tag.name}`),
      onEndElement: (tag) => events.push(`end:${tag.name}`),
      onText: (piece) => events.push(`text:${piece}`),
      onComment: () => events.push('comment'),
      onProcessingInstruction: () => events.push('pi'),
      onProblem: (problem) => problems.push(problem),
    },
    options,
  );
  scanner.write(input);
  const stoppedBeforeEnd = scanner.stopped;
  scanner.end();
  return { events, problems, stoppedBeforeEnd };
}

describe('hostile input is rejected at a limit, without recursion', () => {
  it('stops 100,000 nested elements at the depth limit, after exactly 64 start tags', () => {
    const { events, problems, stoppedBeforeEnd } = eventsOf('<a>'.repeat(100_000));
    expect(problems).toEqual([
      expect.objectContaining({ code: 'DEPTH_LIMIT_EXCEEDED', severity: 'fatal', line: 1, column: 64 * 3 + 1 }),
    ]);
    expect(problems[0]!.message.en).toContain('more than 64 levels');
    // The scanner stopped at the 65th start tag: it never looked at the other 99,935.
    expect(events).toEqual(Array.from({ length: 64 }, () => 'start:a'));
    expect(stoppedBeforeEnd).toBe(true);
  });

  it('handles 100,000 nested elements without a stack overflow when the limit allows them', () => {
    const input = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    expect(problemsOf(input, { maxDepth: 200_000 })).toEqual([]);
  });

  it('refuses a billion-laughs DOCTYPE before expanding anything', () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join(
      '\n',
    );
    const input = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n<lolz>&lol9;</lolz>`;
    const { events, problems, stoppedBeforeEnd } = eventsOf(input);
    expect(problems).toEqual([expect.objectContaining({ code: 'DOCTYPE_FORBIDDEN', line: 2, column: 1 })]);
    // Nothing after the DOCTYPE was read: no element, no text, so no entity was ever expanded.
    expect(events).toEqual(['declaration']);
    expect(stoppedBeforeEnd).toBe(true);
  });

  it('never throws on arbitrary input', () => {
    const inputs = [
      '<',
      '>',
      '&',
      ']]>',
      '<a',
      '<a b',
      '<a b=',
      '<a b="',
      '<?',
      '<?x',
      '<!',
      '<!-',
      '<![CDATA',
      '\uD800',
      '<a>\uD800',
    ];
    for (const input of inputs) {
      expect(() => problemsOf(input)).not.toThrow();
      expect(problemsOf(input).filter((problem) => problem.severity === 'fatal')).toHaveLength(1);
    }
  });
});

describe('problem messages', () => {
  it('has a Vietnamese and an English message for every code', () => {
    for (const code of XML_PROBLEM_CODES) {
      const message = describeXmlProblem(code, { name: 'x', limit: 1, found: 'y', expected: 'z' });
      expect(message.vi.length, code).toBeGreaterThan(10);
      expect(message.en.length, code).toBeGreaterThan(10);
      expect(message.vi, code).not.toBe(message.en);
    }
  });
});
