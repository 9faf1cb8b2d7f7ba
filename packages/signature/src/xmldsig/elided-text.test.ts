import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  C14nCanonicalization,
  C14nCanonicalizationWithComments,
  ExclusiveCanonicalization,
  ExclusiveCanonicalizationWithComments,
} from 'xml-crypto';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, isIntakeFailure, type ParsedXml, readXml } from './document';
import { canonicalBytes, canonicalText, type ElidedXml, isElidedXml, readXmlEliding } from './elided-text';
import { randomDocument } from './xml-arbitrary';

const LIMITS = { maxBytes: DEFAULT_MAX_BYTES, maxDepth: DEFAULT_MAX_DEPTH };
const CANONICALIZERS = {
  'exc-c14n': ExclusiveCanonicalization,
  'exc-c14n#WithComments': ExclusiveCanonicalizationWithComments,
  c14n: C14nCanonicalization,
  'c14n#WithComments': C14nCanonicalizationWithComments,
} as const;
type Algorithm = keyof typeof CANONICALIZERS;
const ALGORITHMS = Object.keys(CANONICALIZERS) as Algorithm[];

/**
 * xml-crypto's canonical form of the document element, as a Reference URI="" digests it — or its error (it
 * throws on a processing instruction without data inside the document element).
 */
function canonicalOf(root: unknown, algorithm: Algorithm): string {
  try {
    return new CANONICALIZERS[algorithm]().process(root as never, {});
  } catch (error) {
    return `error: ${String(error)}`;
  }
}

function expectSameIntake(input: string | Uint8Array, minElidedBytes = 1): ElidedXml | undefined {
  const whole = readXml(input, LIMITS);
  const read = readXmlEliding(input, LIMITS, { minElidedBytes });
  if (isIntakeFailure(whole)) {
    expect(isElidedXml(read)).toBe(false);
    expect(read).toEqual(whole);
    return undefined;
  }
  expect(isElidedXml(read), isElidedXml(read) ? '' : JSON.stringify(read)).toBe(true);
  return read as ElidedXml;
}

function expectSameCanonical(input: string | Uint8Array, minElidedBytes = 1): ElidedXml | undefined {
  const read = expectSameIntake(input, minElidedBytes);
  if (read === undefined) return undefined;
  const whole = readXml(input, LIMITS) as ParsedXml;
  for (const algorithm of ALGORITHMS) {
    const expected = canonicalOf(whole.root, algorithm);
    const skeleton = canonicalOf(read.parsed.root, algorithm);
    if (expected.startsWith('error: ')) {
      expect(skeleton, algorithm).toBe(expected);
      continue;
    }
    expect(canonicalText(skeleton, read.elided), algorithm).toBe(expected);
    expect(Buffer.compare(canonicalBytes(skeleton, read.elided), Buffer.from(expected, 'utf8')), algorithm).toBe(0);
  }
  return read;
}

describe('canonical form through the skeleton = xml-crypto on the whole DOM', () => {
  it('for generated documents (namespaces, prefixes, attributes, references, CR/LF, CDATA, comments, PIs, Vietnamese), with every plain run elided (property)', () => {
    let elidedDocuments = 0;
    let elidedRuns = 0;
    fc.assert(
      fc.property(randomDocument(), (xml) => {
        const read = expectSameCanonical(xml);
        if (read?.elided) {
          elidedDocuments++;
          elidedRuns += read.elided.runs.length;
        }
        // The same through bytes, and with a byte order mark.
        expectSameCanonical(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]));
      }),
      { numRuns: 300 },
    );
    // The property is only worth something if the skeleton path was taken.
    expect(elidedDocuments).toBeGreaterThan(150);
    expect(elidedRuns).toBeGreaterThan(250);
  });

  it('refuses exactly what readXml refuses, with the same message, after any one-byte change (property)', () => {
    const specials = [0x00, 0x01, 0x0d, 0x0b, 0x26, 0x3c, 0x3e, 0x22, 0x27, 0x5d, 0xef, 0xff, 0x80];
    fc.assert(
      fc.property(
        randomDocument(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...specials),
        (xml, where, byte) => {
          const bytes = Buffer.from(xml, 'utf8');
          bytes[Math.min(bytes.length - 1, Math.floor(where * bytes.length))] = byte;
          expectSameCanonical(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps long runs out of the skeleton: a 1 MB base64 text becomes one placeholder', () => {
    const base64 = Buffer.alloc(768 * 1024, 7).toString('base64');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<a xmlns="urn:x"><b>Tên đơn vị</b><c>${base64}</c></a>\n`;
    const read = expectSameCanonical(xml, 1024);
    const start = Buffer.byteLength(xml.slice(0, xml.indexOf(base64)));
    expect(read?.elided?.runs).toEqual([{ start, end: start + base64.length }]);
    expect(read?.parsed.text.length).toBeLessThan(200);
  });

  it('never elides inside a Signature element (its content is what the policy reads)', () => {
    const certificate = 'MIIB'.repeat(600);
    const xml = `<r><x>${'A'.repeat(2000)}</x><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo><ds:Object>${'B'.repeat(3000)}</ds:Object></ds:Signature></r>`;
    const read = expectSameCanonical(xml, 1024);
    expect(read?.elided?.runs).toHaveLength(1);
    expect(read?.parsed.text).toContain(certificate);
    // When the lexer cannot tell (a prefix-less Signature in another namespace is still a Signature), the check
    // after parsing keeps the run on a second try.
    const foreign = `<r><Signature xmlns="urn:other"><v>${'C'.repeat(2000)}</v></Signature><x>${'A'.repeat(2000)}</x></r>`;
    const second = expectSameCanonical(foreign, 1024);
    expect(second?.parsed.text).toContain('C'.repeat(2000));
  });

  it('chooses another placeholder character when the document holds one, or reads the whole input', () => {
    const long = 'D'.repeat(50);
    for (const xml of [
      `<r a="\uE000"><x>${long}</x></r>`,
      `<r><x>${long}</x><y>&#xE000;0&#xE000;</y></r>`,
      `<r><y>&#xE000;1&#xE000;</y><x>${long}</x><z>${long}</z></r>`,
      `<r><!--\uE000--><x>${long}</x><?pi \uE000?></r>`,
      `<r b="&#xE000;0&#xE000;"><x>${long}</x></r>`,
      `<r>${Array.from({ length: 16 }, (_, i) => String.fromCharCode(0xe000 + i)).join('')}<x>${long}</x></r>`,
    ])
      expectSameCanonical(xml, 10);
  });

  it('reads runs as they are: CR LF line ends, tabs, astral and Vietnamese characters, U+FFFD', () => {
    const lines = Buffer.alloc(3000, 1).toString('base64').replace(/.{76}/g, '$&\r\n');
    expectSameCanonical(`<r><a>${lines}</a><b>${lines.replace(/\r/g, '')}</b></r>`, 16);
    expectSameCanonical(`<r><a>\tNghị định 30/2020/NĐ-CP 😀 ${'ệ'.repeat(500)}\t</a></r>`, 16);
    // Characters @xmldom/xmldom treats specially stay in the skeleton: U+FFFD (refused), NEL/LS/PS (line ends).
    for (const special of ['\uFFFD', '\u0085', '\u2028', '\u2029', '\r\u0085', '\uFFEE'])
      expectSameCanonical(`<r><a>${'F'.repeat(100)}${special}${'F'.repeat(100)}</a><b>${'G'.repeat(100)}</b></r>`, 16);
    // A lone surrogate in a string has no UTF-8 form: the whole string is parsed as before.
    expectSameCanonical(`<r><a>\uD800${'H'.repeat(100)}</a></r>`, 16);
  });

  it('gives readXml’s own refusal for bad input (size, encoding, DOCTYPE, forbidden characters, depth, duplicate IDs)', () => {
    const long = 'E'.repeat(5000);
    const cases: (string | Uint8Array)[] = [
      `<r><a>${long}\u0001${long}</a></r>`,
      `<r><a>${long}\uFFFE</a></r>`,
      `<r><a>${long}</a></r><!DOCTYPE r>`,
      `<!DOCTYPE r [<!ENTITY e "x">]><r><a>${long}</a></r>`,
      `<?xml version="1.0" encoding="ISO-8859-1"?><r><a>${long}</a></r>`,
      `<r><a Id="x">${long}</a><b Id="x"/></r>`,
      `<r>${'<d>'.repeat(70)}${long}${'</d>'.repeat(70)}</r>`,
      `<r><a>${long}</a>`,
      `<r><a>${long}</b></r>`,
      `<r><a>${long}</a></r>trailing ${long}`,
      `<r><p:a>${long}</p:a></r>`,
      Buffer.concat([Buffer.from(`<r><a>${long}`), Buffer.from([0xc3, 0x28]), Buffer.from('</a></r>')]),
    ];
    for (const input of cases) {
      const read = readXmlEliding(input, LIMITS, { minElidedBytes: 100 });
      expect(isElidedXml(read), String(input).slice(0, 40)).toBe(false);
      expect(read).toEqual(readXml(input, LIMITS));
    }
    // A control character at every offset of a 16-byte step, in buffers at every 4-byte alignment.
    for (const control of [0x00, 0x08, 0x0b, 0x0c, 0x0d, 0x1f])
      for (let offset = 0; offset < 20; offset++)
        for (let shift = 0; shift < 4; shift++) {
          const xml = Buffer.from(`${' '.repeat(shift)}<r><a>${'A'.repeat(200)}</a></r>`).subarray(shift);
          xml[6 + 100 + offset] = control;
          // A CR is an XML character (so both readings accept it, and the run stays in the skeleton).
          expectSameCanonical(xml, 100);
        }
    const small = { maxBytes: 1000, maxDepth: 64 };
    expect(readXmlEliding(`<r>${long}</r>`, small)).toEqual(readXml(`<r>${long}</r>`, small));
    expect(readXmlEliding(Buffer.from(`<r>${long}</r>`), small)).toEqual(readXml(Buffer.from(`<r>${long}</r>`), small));
  });
});
