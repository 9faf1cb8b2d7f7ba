import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { parseXmlTree, type XmlElement } from './tree';
import { wellFormedXmlDocument } from './well-formed-xml.arbitrary';

/** What two namespace-aware parsers must agree on. */
interface ComparableElement {
  name: string;
  namespace: string | null;
  attributes: { name: string; namespace: string | null; value: string }[];
  text: string;
  children: ComparableElement[];
}

function comparable(element: XmlElement): ComparableElement {
  return {
    name: element.name,
    namespace: element.namespace,
    attributes: element.attributes.map(({ name, namespace, value }) => ({ name, namespace, value })),
    text: element.text,
    children: element.children.map(comparable),
  };
}

/**
 * The same projection built from saxes events. saxes reports "no namespace" as '' and an unbound
 * prefix by using the prefix itself as the URI; both become null here, as in our tree.
 */
function parseWithSaxes(xml: string): { root: ComparableElement | undefined; errors: string[] } {
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  const unboundPrefixes = new Set<string>();
  const open: ComparableElement[] = [];
  let root: ComparableElement | undefined;
  const namespaceOf = (prefix: string, uri: string | undefined): string | null =>
    uri === undefined || uri === '' || (uri === prefix && unboundPrefixes.has(prefix)) ? null : uri;
  parser.on('error', (error) => {
    errors.push(error.message);
    const unbound = /unbound namespace prefix: "([^"]+)"/.exec(error.message);
    if (unbound !== null) unboundPrefixes.add(unbound[1]!);
  });
  parser.on('opentag', (tag) => {
    const element: ComparableElement = {
      name: tag.name,
      namespace: namespaceOf(tag.prefix, tag.uri),
      attributes: Object.values(tag.attributes).map((attribute) => ({
        name: attribute.name,
        namespace: namespaceOf(attribute.prefix, attribute.uri),
        value: attribute.value,
      })),
      text: '',
      children: [],
    };
    const parent = open.at(-1);
    if (parent === undefined) root = element;
    else parent.children.push(element);
    open.push(element);
  });
  const addText = (text: string): void => {
    const current = open.at(-1);
    if (current !== undefined) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(xml).close();
  return { root, errors };
}

const CORPUS = new URL('../../test/fixtures/corpus/', import.meta.url);
const corpusFiles = readdirSync(CORPUS).filter((name) => /\.(edxml|xml)$/.test(name));

describe('differential test against saxes (xmlns: true)', () => {
  it.each(corpusFiles)('agrees on elements, namespaces, attributes and text of %s', (name) => {
    const xml = readFileSync(new URL(name, CORPUS), 'utf8');
    const ours = parseXmlTree(xml);
    const theirs = parseWithSaxes(xml);
    expect(comparable(ours.root!)).toEqual(theirs.root);
    // Both report the same unbound prefixes (only the signed sample has any) and nothing else.
    expect(ours.problems.map((problem) => `${problem.code} ${problem.line}`)).toEqual(
      theirs.errors.map((error) => `UNBOUND_PREFIX ${error.split(':')[0]}`),
    );
  });

  it('agrees on generated well-formed documents', () => {
    fc.assert(
      fc.property(wellFormedXmlDocument, ({ xml }) => {
        const theirs = parseWithSaxes(xml);
        expect(theirs.errors).toEqual([]);
        const ours = parseXmlTree(xml);
        expect(ours.problems).toEqual([]);
        expect(comparable(ours.root!)).toEqual(theirs.root);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a mismatched end tag', '<a><b></a>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>AT&T</a>'],
    ["'<' in an attribute value", '<a x="<"/>'],
    ["']]>' in text", '<a>]]></a>'],
    ['text after the root', '<a/>x'],
    ['two roots', '<a/><b/>'],
    ['an unclosed element', '<a>'],
    ['a control character', '<a>\u0001</a>'],
    ['a bad character reference', '<a>&#0;</a>'],
    ["'--' in a comment", '<a><!-- -- --></a>'],
    ['a misplaced declaration', '<a/><?xml version="1.0"?>'],
  ])('agrees that a document with %s is not well-formed', (_what, xml) => {
    expect(parseWithSaxes(xml).errors.length).toBeGreaterThan(0);
    expect(parseXmlTree(xml).problems.some((problem) => problem.severity === 'fatal')).toBe(true);
  });
});
