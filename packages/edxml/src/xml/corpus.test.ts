import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseXmlTree, type XmlElement } from './tree';

const CORPUS = new URL('../../test/fixtures/corpus/', import.meta.url);
const corpusFiles = readdirSync(CORPUS).filter((name) => /\.(edxml|xml)$/.test(name));
const EDXML = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
const XLINK = 'http://www.w3.org/1999/xlink';

function readCorpus(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, CORPUS)));
}

function* walk(element: XmlElement): Generator<XmlElement> {
  const pending = [element];
  while (pending.length > 0) {
    const next = pending.pop()!;
    yield next;
    for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]!);
  }
}

function withoutPositions(element: XmlElement): unknown {
  return {
    name: element.name,
    namespace: element.namespace,
    attributes: element.attributes,
    text: element.text,
    children: element.children.map(withoutPositions),
  };
}

describe('the edXML corpus', () => {
  it('has files to test', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(26);
  });

  it.each(corpusFiles)('%s parses to an edXML root, the same from bytes and from text', (name) => {
    const bytes = readCorpus(name);
    const fromBytes = parseXmlTree(bytes);
    expect(fromBytes.problems.filter((problem) => problem.severity === 'fatal')).toEqual([]);
    expect(fromBytes.root).toMatchObject({ localName: 'edXML', namespace: EDXML, line: 2, column: 1 });
    expect(fromBytes.declaration).toMatchObject({ version: '1.0', encoding: 'UTF-8' });
    expect(fromBytes.byteOrderMark).toBe(false);
    expect(parseXmlTree(new TextDecoder().decode(bytes))).toEqual(fromBytes);
  });

  it('every file except the signed sample is namespace-well-formed and every element is in the edXML namespace or XMLDSig', () => {
    for (const name of corpusFiles.filter((file) => file !== 'vpcp-sdk_edoc_signed-sample.edxml')) {
      const result = parseXmlTree(readCorpus(name));
      expect(result.problems, name).toEqual([]);
      for (const element of walk(result.root!)) {
        expect([EDXML, 'http://www.w3.org/2000/09/xmldsig#', null], `${name} ${element.name}`).toContain(
          element.namespace,
        );
      }
    }
  });

  describe('vpcp-sdk_edoc_signed-sample.edxml (not namespace-well-formed)', () => {
    const bytes = readCorpus('vpcp-sdk_edoc_signed-sample.edxml');

    it('reports the undeclared xlink: prefix at line 116 as recoverable, and the edXML: prefix used outside its scope on lines 125-129', () => {
      const { problems, root } = parseXmlTree(bytes);
      expect(root).toBeDefined();
      expect(problems.map(({ code, severity, line, column }) => ({ code, severity, line, column }))).toEqual([
        { code: 'UNBOUND_PREFIX', severity: 'recoverable', line: 116, column: 26 },
        { code: 'UNBOUND_PREFIX', severity: 'recoverable', line: 125, column: 3 },
        { code: 'UNBOUND_PREFIX', severity: 'recoverable', line: 126, column: 5 },
        { code: 'UNBOUND_PREFIX', severity: 'recoverable', line: 127, column: 7 },
        { code: 'UNBOUND_PREFIX', severity: 'recoverable', line: 128, column: 7 },
        { code: 'UNBOUND_PREFIX', severity: 'recoverable', line: 129, column: 7 },
      ]);
      expect(problems[0]!.message.en).toContain("'xlink'");
      expect(problems.slice(1).every((problem) => problem.message.en.includes("'edXML'"))).toBe(true);
    });

    it('resolves those prefixes when a tolerant reader supplies fallback namespaces, still reporting them', () => {
      const { problems, root } = parseXmlTree(bytes, { fallbackNamespaces: { xlink: XLINK, edXML: EDXML } });
      expect(problems).toHaveLength(6);
      const elements = [...walk(root!)];
      const reference = elements.find((element) => element.localName === 'Reference' && element.namespace === EDXML)!;
      expect(reference.attributes).toEqual([
        { name: 'xlink:href', prefix: 'xlink', localName: 'href', namespace: XLINK, value: '' },
      ]);
      const attachmentEncoded = elements.find((element) => element.localName === 'AttachmentEncoded')!;
      expect(attachmentEncoded.namespace).toBe(EDXML);
    });

    it('keeps the XMLDSig Signature in its own namespace and the commented-out Object out of the tree', () => {
      const { root } = parseXmlTree(bytes);
      const signature = [...walk(root!)].find((element) => element.localName === 'Signature')!;
      expect(signature.namespace).toBe('http://www.w3.org/2000/09/xmldsig#');
      expect(signature.children.map((child) => child.localName)).not.toContain('Object');
    });
  });

  describe('stray bytes before the declaration (the JDK 1.8 copy of edoc_new.edxml starts with "1212")', () => {
    const clean = readCorpus('vpcp-sdk_edoc_new.edxml');
    const withJunk = new Uint8Array([...new TextEncoder().encode('1212'), ...clean]);

    it('is fatal by default', () => {
      const result = parseXmlTree(withJunk);
      expect(result.root).toBeUndefined();
      expect(result.problems).toEqual([
        expect.objectContaining({ code: 'JUNK_BEFORE_ROOT', severity: 'fatal', line: 1, column: 1 }),
      ]);
    });

    it('is recoverable with allowLeadingJunk, and the tree is the same as without the junk', () => {
      const result = parseXmlTree(withJunk, { allowLeadingJunk: true });
      expect(result.problems).toEqual([
        expect.objectContaining({ code: 'JUNK_BEFORE_ROOT', severity: 'recoverable', line: 1, column: 1, offset: 0 }),
      ]);
      expect(result.declaration).toMatchObject({ version: '1.0', column: 5, offset: 4 });
      expect(withoutPositions(result.root!)).toEqual(withoutPositions(parseXmlTree(clean).root!));
    });
  });

  it.each(corpusFiles)('%s: diverting ContentTransferEncoded to a sink gives the sink exactly its text', (name) => {
    const bytes = readCorpus(name);
    const buffered = parseXmlTree(bytes);
    const expectedPayloads = [...walk(buffered.root!)]
      .filter((element) => element.localName === 'ContentTransferEncoded')
      .map((element) => element.text);
    const received: string[] = [];
    const streamed = parseXmlTree(bytes, {
      streamText: (element) => {
        if (element.localName !== 'ContentTransferEncoded') return undefined;
        let text = '';
        return {
          write: (piece) => {
            text += piece;
          },
          end: () => received.push(text),
        };
      },
    });
    expect(received).toEqual(expectedPayloads);
    for (const element of [...walk(streamed.root!)].filter((e) => e.localName === 'ContentTransferEncoded')) {
      expect(element.text).toBe('');
      expect(element.textStreamed).toBe(true);
    }
  });
});
