/*
 * Test support (not exported by the package): a fast-check arbitrary of well-formed, namespace-well-formed XML
 * documents mixing what canonicalization gets wrong — default and prefixed namespaces declared, redeclared and
 * the default undeclared (xmlns=""), prefixed attributes in any order, xml:lang, entity and character references
 * (&#xD; &#x9; astral ones), CR LF and lone CR in text and attribute values, CDATA sections, comments and
 * processing instructions inside and outside the document element, whitespace outside it, Vietnamese text —
 * and the long plain runs (base64, wrapped or not) the skeleton keeps out of the DOM.
 */
import fc from 'fast-check';

const NAMESPACES = [
  'http://www.mic.gov.vn/TBT/QCVN_102_2016',
  'http://www.w3.org/2000/09/xmldsig#',
  'urn:lienthong:thử-nghiệm',
  'urn:x',
] as const;
const PREFIXES = ['edXML', 'ds', 'p', 'a1'] as const;
const LOCAL_NAMES = ['a', 'edXML', 'OrganId', 'Tên', 'đơn-vị', 'x.y', '_z', 'AttachmentEncoded', 'Signature'] as const;
const ATTRIBUTE_NAMES = ['Id', 'href', 'Algorithm', 'kiểu', 'v.1', 'b', 'a'] as const;

const TEXT_PIECES = [
  'a',
  'Z',
  '0',
  ' ',
  'Về việc thử nghiệm ký số',
  'ă',
  'Đ',
  'ệ',
  '\u0301',
  '😀',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '>',
  ']',
  '"',
  "'",
  '\u00a0',
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&apos;',
  '&#xD;',
  '&#13;',
  '&#x9;',
  '&#xA;',
  '&#233;',
  '&#x1EA1;',
  '&#x1F600;',
] as const;
const ATTRIBUTE_PIECES = [
  'x',
  ' ',
  'Nghệ An',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '>',
  "'",
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&#x9;',
  '&#xA;',
  '&#xD;',
  '&#x1F600;',
] as const;
const CDATA_PIECES = ['x', 'ư', '<', '&', '>', ']', '\r\n', '\n', 'A/+=', ' '] as const;
const COMMENT_PIECES = ['x', ' ', 'ý kiến', '<', '&', '>', '\r\n', '-x'] as const;
const PI_DATA = ['', ' a="1"', ' dữ liệu', ' x\r\ny', ' <&>'] as const;
const OUTSIDE_WHITESPACE = ['', '\n', '\r\n', ' ', '\t\n'] as const;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

type Gen = fc.GeneratorValue;

function pick<T>(g: Gen, items: readonly T[]): T {
  return items[g(fc.nat, { max: items.length - 1 })] as T;
}

function pieces(g: Gen, items: readonly string[], max: number): string {
  const count = g(fc.nat, { max });
  let out = '';
  for (let i = 0; i < count; i++) out += pick(g, items);
  return out;
}

/** A long plain run: base64 (possibly wrapped with LF or CR LF) or Vietnamese prose. */
function run(g: Gen): string {
  const length = g(fc.integer, { min: 1, max: 2500 });
  if (g(fc.boolean)) return 'Nội dung văn bản điện tử liên thông. '.repeat(Math.ceil(length / 38)).slice(0, length);
  let text = '';
  const seed = g(fc.nat);
  for (let i = 0; i < length; i++) text += BASE64[(seed + i * 7919) % 64];
  if (length % 4 === 1) text += '==';
  const wrap = pick(g, ['', '\n', '\r\n'] as const);
  return wrap === '' ? text : (text.match(/.{1,76}/g) ?? []).join(wrap);
}

function text(g: Gen): string {
  // `]]>` is not allowed in character data.
  return pieces(g, TEXT_PIECES, 6).replaceAll(']]>', ']]&gt;');
}

function misc(g: Gen): string {
  switch (g(fc.nat, { max: 3 })) {
    case 0:
      return `<!--${pieces(g, COMMENT_PIECES, 4).replaceAll('--', '-').replace(/-$/, '')}-->`;
    case 1:
      return `<?${pick(g, ['pi', 'xml-stylesheet', 't'] as const)}${pick(g, PI_DATA)}?>`;
    default:
      return pick(g, OUTSIDE_WHITESPACE);
  }
}

function element(g: Gen, scope: ReadonlySet<string>, depth: number): string {
  const declarations: string[] = [];
  const inner = new Set(scope);
  if (g(fc.nat, { max: 3 }) === 0) declarations.push(g(fc.boolean) ? 'xmlns=""' : `xmlns="${pick(g, NAMESPACES)}"`);
  for (const prefix of PREFIXES)
    if (g(fc.nat, { max: 4 }) === 0) {
      declarations.push(`xmlns:${prefix}="${pick(g, NAMESPACES)}"`);
      inner.add(prefix);
    }
  const prefixes = [...inner];
  const prefixed = (local: string) => (prefixes.length > 0 && g(fc.boolean) ? `${pick(g, prefixes)}:${local}` : local);
  const name = prefixed(pick(g, LOCAL_NAMES));
  const attributes: string[] = [];
  // Attribute local names are kept distinct, so no two can expand to the same name.
  const locals = new Set<string>();
  for (let i = g(fc.nat, { max: 3 }); i > 0; i--) {
    const local = pick(g, ATTRIBUTE_NAMES);
    if (locals.has(local)) continue;
    locals.add(local);
    attributes.push(`${prefixed(local)}="${pieces(g, ATTRIBUTE_PIECES, 5)}"`);
  }
  if (g(fc.nat, { max: 5 }) === 0) attributes.push(`xml:lang="vi"`);
  const items = [...declarations, ...attributes];
  // Declarations and attributes in any order, with any whitespace between them.
  const shuffled = g(fc.shuffledSubarray, items, { minLength: items.length });
  const open = `<${name}${shuffled.map((item) => `${pick(g, [' ', '\n', '\t', '\r\n '] as const)}${item}`).join('')}`;
  const childCount = depth >= 4 ? 0 : g(fc.nat, { max: 4 });
  if (childCount === 0 && g(fc.boolean)) return `${open}${pick(g, ['/>', ' />'] as const)}`;
  let content = '';
  for (let i = 0; i < childCount + 1; i++) {
    switch (g(fc.nat, { max: 7 })) {
      case 0:
      case 7:
        content += run(g);
        break;
      case 1:
        content += `<![CDATA[${g(fc.boolean) ? run(g) : pieces(g, CDATA_PIECES, 5).replaceAll(']]>', ']] >')}]]>`;
        break;
      case 2:
        content += misc(g);
        break;
      case 3:
        content += text(g);
        break;
      default:
        if (i < childCount) content += element(g, inner, depth + 1);
    }
  }
  return `${open}>${content}</${name}>`;
}

/** A random well-formed document as a string. */
export function randomDocument(): fc.Arbitrary<string> {
  return fc.gen().map((g) => {
    const declaration = g(fc.boolean) ? `<?xml version="1.0" encoding="UTF-8"?>${pick(g, ['', '\n'] as const)}` : '';
    let before = '';
    for (let i = g(fc.nat, { max: 2 }); i > 0; i--) before += misc(g);
    let after = '';
    for (let i = g(fc.nat, { max: 2 }); i > 0; i--) after += misc(g);
    return `${declaration}${before}${element(g, new Set(), 0)}${after}`;
  });
}
