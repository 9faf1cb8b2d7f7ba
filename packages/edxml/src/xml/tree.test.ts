import { describe, expect, it } from 'vitest';
import { createXmlTreeParser, parseXmlTree, type XmlTextSink } from './tree';

/** A sink that records what it receives. */
function recordingSink(): XmlTextSink & { pieces: string[]; ended: number } {
  const sink = {
    pieces: [] as string[],
    ended: 0,
    write(piece: string) {
      sink.pieces.push(piece);
    },
    end() {
      sink.ended++;
    },
  };
  return sink;
}

describe('parseXmlTree', () => {
  it('builds elements with attributes, children, direct text and positions', () => {
    const xml = '<?xml version="1.0"?>\n<a x="1">t1<b>inner</b>t2<!-- no --><![CDATA[c]]><?pi no?>t3<c/></a>';
    const { root, declaration, problems, byteOrderMark } = parseXmlTree(xml);
    expect(problems).toEqual([]);
    expect(byteOrderMark).toBe(false);
    expect(declaration).toEqual({ version: '1.0', line: 1, column: 1, offset: 0 });
    expect(root).toEqual({
      name: 'a',
      prefix: '',
      localName: 'a',
      namespace: null,
      attributes: [{ name: 'x', prefix: '', localName: 'x', namespace: null, value: '1' }],
      text: 't1t2ct3',
      line: 2,
      column: 1,
      offset: 22,
      endOffset: xml.length,
      children: [
        expect.objectContaining({ name: 'b', text: 'inner', line: 2, column: 12, offset: 33, endOffset: 45 }),
        expect.objectContaining({ name: 'c', text: '', children: [], endOffset: xml.length - 4 }),
      ],
    });
  });

  it('keeps whitespace between child elements in the parent text', () => {
    expect(parseXmlTree('<a>\n  <b/>\n</a>').root!.text).toBe('\n  \n');
  });

  it('reports a byte order mark', () => {
    expect(parseXmlTree('\uFEFF<a/>').byteOrderMark).toBe(true);
    expect(parseXmlTree(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e])).byteOrderMark).toBe(true);
  });

  it('returns no root after a fatal problem, but the problems found before it', () => {
    const result = parseXmlTree('<a xlink:href="x"><b></a>');
    expect(result.root).toBeUndefined();
    expect(result.problems.map((problem) => `${problem.code}/${problem.severity}`)).toEqual([
      'UNBOUND_PREFIX/recoverable',
      'MISMATCHED_END_TAG/fatal',
    ]);
  });

  it('returns the root when only recoverable problems were found', () => {
    const result = parseXmlTree('<a xlink:href="x"/>');
    expect(result.root?.name).toBe('a');
    expect(result.problems).toHaveLength(1);
  });

  it('reports an empty input as having no root', () => {
    expect(parseXmlTree('').problems).toEqual([
      expect.objectContaining({ code: 'NO_ROOT_ELEMENT', line: 1, column: 1 }),
    ]);
    expect(parseXmlTree(new Uint8Array()).problems).toEqual([expect.objectContaining({ code: 'NO_ROOT_ELEMENT' })]);
  });

  it('builds a 100,000-deep tree without recursion when the depth limit allows it', () => {
    const depth = 100_000;
    const { root, problems } = parseXmlTree(`${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`, { maxDepth: depth });
    expect(problems).toEqual([]);
    let element = root!;
    let levels = 1;
    while (element.children.length > 0) {
      element = element.children[0]!;
      levels++;
    }
    expect(levels).toBe(depth);
    expect(element.text).toBe('x');
  });
});

describe('text limits', () => {
  it('stops with TEXT_TOO_LONG at the element when its buffered text exceeds maxTextNodeLength', () => {
    const result = parseXmlTree('<a>\n <b>12345</b></a>', { maxTextNodeLength: 4 });
    expect(result.root).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'TEXT_TOO_LONG', severity: 'fatal', line: 2, column: 2, offset: 5 }),
    ]);
    expect(result.problems[0]!.message.en).toContain("'b'");
  });

  it('counts pieces of one text node together', () => {
    const parser = createXmlTreeParser({ maxTextNodeLength: 4 });
    for (const piece of ['<a>12', '3<!-- -->4', '5</a>']) parser.write(piece);
    expect(parser.failed).toBe(true);
    expect(parser.end().problems.map((problem) => problem.code)).toEqual(['TEXT_TOO_LONG']);
  });

  it('does not count text diverted to a sink', () => {
    const sink = recordingSink();
    const result = parseXmlTree('<a><big>123456789</big></a>', {
      maxTextNodeLength: 4,
      streamText: (element) => (element.name === 'big' ? sink : undefined),
    });
    expect(result.problems).toEqual([]);
    expect(sink.pieces.join('')).toBe('123456789');
  });
});

describe('streamText: diverting an element text to a sink', () => {
  const payload = 'UEsDBBQACAgIABCSsU4AAAAAAAAAAAAAAAAoAAAANWM3MDgyZmUtNGFj'.repeat(20);
  const xml = `<edXML><Attachment><ContentId>cid:1</ContentId><ContentTransferEncoded>${payload}</ContentTransferEncoded></Attachment></edXML>`;

  it('gives the sink exactly the text, in several pieces when the input comes in chunks, and buffers none', () => {
    const sink = recordingSink();
    const parser = createXmlTreeParser({
      streamText: (element, ancestors) => {
        if (element.localName !== 'ContentTransferEncoded') return undefined;
        // The reader can pair the payload with the ContentId read just before it.
        expect(ancestors.map((ancestor) => ancestor.name)).toEqual(['edXML', 'Attachment']);
        expect(ancestors[1]!.children[0]!.text).toBe('cid:1');
        return sink;
      },
    });
    const bytes = new TextEncoder().encode(xml);
    for (let start = 0; start < bytes.length; start += 100) parser.write(bytes.subarray(start, start + 100));
    const { root, problems } = parser.end();
    expect(problems).toEqual([]);
    expect(sink.pieces.length).toBeGreaterThan(5);
    expect(sink.pieces.join('')).toBe(payload);
    expect(sink.ended).toBe(1);
    const encoded = root!.children[0]!.children[1]!;
    expect(encoded).toMatchObject({ localName: 'ContentTransferEncoded', text: '', textStreamed: true });
  });

  it('diverts only direct text: children of a diverted element are built as usual', () => {
    const sink = recordingSink();
    const { root } = parseXmlTree('<a>x<b>inner</b>y<![CDATA[z]]></a>', {
      streamText: (element) => (element.name === 'a' ? sink : undefined),
    });
    expect(sink.pieces.join('')).toBe('xyz');
    expect(root!.text).toBe('');
    expect(root!.children[0]!.text).toBe('inner');
  });

  it('decodes references and normalizes line breaks before the sink sees the text', () => {
    const sink = recordingSink();
    parseXmlTree('<a>1&amp;2\r\n3</a>', { streamText: () => sink });
    expect(sink.pieces.join('')).toBe('1&2\n3');
  });

  it('does not end the sink when a fatal problem stops parsing first', () => {
    const sink = recordingSink();
    const { problems } = parseXmlTree('<a><b>text</c></a>', { streamText: (e) => (e.name === 'b' ? sink : undefined) });
    expect(problems.map((problem) => problem.code)).toEqual(['MISMATCHED_END_TAG']);
    expect(sink.ended).toBe(0);
  });

  it('skips the XML character check for a sink that validates characters itself, and only for its element', () => {
    const validating: XmlTextSink = { validatesCharacters: true, write: () => {} };
    const options = {
      streamText: (element: { name: string }) => (element.name === 'payload' ? validating : undefined),
    };
    expect(parseXmlTree('<a><payload>\u0001</payload></a>', options).problems).toEqual([]);
    expect(parseXmlTree('<a><payload>x</payload>\u0001</a>', options).problems).toEqual([
      expect.objectContaining({ code: 'INVALID_CHARACTER', column: 24 }),
    ]);
    expect(parseXmlTree('<a><payload>\u0001</payload></a>', { ...options, checkCharacters: true }).problems).toEqual(
      [],
    );
  });

  it('serves a header-only parse: a discarding sink keeps payloads out of memory', () => {
    const { root } = parseXmlTree(xml, {
      streamText: (element) => (element.localName === 'ContentTransferEncoded' ? { write: () => {} } : undefined),
    });
    expect(root!.children[0]!.children[0]!.text).toBe('cid:1');
    expect(root!.children[0]!.children[1]!.text).toBe('');
  });
});

describe('createXmlTreeParser', () => {
  it('refuses to mix string and byte chunks (a programmer error)', () => {
    const parser = createXmlTreeParser();
    parser.write('<a>');
    expect(() => parser.write(new Uint8Array([0x3c]))).toThrow(TypeError);
    const byteParser = createXmlTreeParser();
    byteParser.write(new Uint8Array([0x3c]));
    expect(() => byteParser.write('<')).toThrow(TypeError);
  });

  it('ends an input that was never written as an empty document', () => {
    expect(
      createXmlTreeParser()
        .end()
        .problems.map((problem) => problem.code),
    ).toEqual(['NO_ROOT_ELEMENT']);
  });
});
