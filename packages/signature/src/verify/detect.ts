/*
 * Format detection by content, never by file name: a `.pdf` that is really XML is verified as XML. Only a bounded
 * prefix is looked at (no DOM, no full decode), so detection is cheap on any size and never throws.
 */
import type { DetectedFormat } from '../model/result';

const EDXML_NAMESPACE = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/** PDF readers accept up to 1 KiB of junk before `%PDF-`; so does detection (as `verifyPdf` does). */
const PDF_HEADER_WINDOW = 1024;
/** How far an XML root start tag is looked for (declaration, comments, a long attribute list included). */
const XML_WINDOW = 64 * 1024;
/** Base64 characters decoded to recognise a base64-encoded CMS (17 bytes are enough: tag, 4-byte length, OID). */
const BASE64_PREFIX_CHARS = 32;

/** DER of the OID 1.2.840.113549.1.7.2 (signedData), tag and length included. */
const SIGNED_DATA_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02] as const;

/**
 * What a file is, from its bytes: `pdf` (`%PDF-` within the first 1024 bytes), `cms` (a DER/BER ContentInfo of
 * type signedData, PEM armour `PKCS7`/`CMS`, or base64 of such DER), `edxml` (XML whose root is edXML's `edXML` or
 * `edXMLEnvelope` in the QCVN 102:2016 namespace), `xmldsig` (any other XML) or `unknown`. Never throws.
 */
export function detectSignatureFormat(bytes: Uint8Array): DetectedFormat {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return 'unknown';
  try {
    if (hasPdfHeader(bytes)) return 'pdf';
    if (isSignedDataContentInfo(bytes)) return 'cms';
    const root = xmlRootElement(bytes);
    if (root !== undefined) return isEdxmlRoot(root) ? 'edxml' : 'xmldsig';
    if (isPemCms(bytes) || isBase64SignedData(bytes)) return 'cms';
  } catch {
    // Detection only reads a bounded prefix with explicit bounds checks; this guard keeps the contract regardless.
  }
  return 'unknown';
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, PDF_HEADER_WINDOW + 5) - 5;
  for (let i = 0; i <= end; i++)
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46)
      if (bytes[i + 4] === 0x2d) return true;
  return false;
}

/**
 * A ContentInfo `SEQUENCE { contentType OBJECT IDENTIFIER signedData, … }`, definite (DER) or indefinite (BER)
 * length. The declared length is not checked against the input: a truncated CMS is still a CMS, and `verifyCms`
 * says it is truncated.
 */
export function isSignedDataContentInfo(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30 || bytes.length < 2) return false;
  const first = bytes[1] as number;
  let at: number;
  if (first <= 0x80)
    at = 2; // short form, or 0x80: indefinite length
  else {
    const count = first & 0x7f;
    if (count > 4) return false;
    at = 2 + count;
  }
  for (let i = 0; i < SIGNED_DATA_OID.length; i++) if (bytes[at + i] !== SIGNED_DATA_OID[i]) return false;
  return true;
}

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function skipWhitespace(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i < bytes.length && isWhitespace(bytes[i])) i++;
  return i;
}

function asciiAt(bytes: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function isPemCms(bytes: Uint8Array): boolean {
  const at = skipWhitespace(bytes, 0);
  return asciiAt(bytes, at, '-----BEGIN PKCS7-----') || asciiAt(bytes, at, '-----BEGIN CMS-----');
}

const BASE64_VALUES = (() => {
  const table = new Int8Array(256).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();

/** Base64 text (line breaks allowed) whose first decoded bytes are a signedData ContentInfo. */
function isBase64SignedData(bytes: Uint8Array): boolean {
  const sextets: number[] = [];
  for (let i = skipWhitespace(bytes, 0); i < bytes.length && sextets.length < BASE64_PREFIX_CHARS; i++) {
    const byte = bytes[i] as number;
    if (isWhitespace(byte)) continue;
    const value = BASE64_VALUES[byte] as number;
    if (value < 0) break; // `=` padding or anything else: decode what came before
    sextets.push(value);
  }
  const decoded: number[] = [];
  for (let i = 0; i + 3 < sextets.length; i += 4) {
    const [a, b, c, d] = sextets.slice(i, i + 4) as [number, number, number, number];
    decoded.push((a << 2) | (b >> 4), ((b & 15) << 4) | (c >> 2), ((c & 3) << 6) | d);
  }
  return isSignedDataContentInfo(Uint8Array.from(decoded));
}

/** The text of the first bytes of an XML document, or undefined when it does not look like XML at all. */
function xmlPrefix(bytes: Uint8Array): string | undefined {
  const window = bytes.subarray(0, XML_WINDOW);
  let text: string;
  if (window[0] === 0xff && window[1] === 0xfe) text = new TextDecoder('utf-16le').decode(window.subarray(2));
  else if (window[0] === 0xfe && window[1] === 0xff) text = new TextDecoder('utf-16be').decode(window.subarray(2));
  else if (window[0] === 0xef && window[1] === 0xbb && window[2] === 0xbf)
    text = new TextDecoder('utf-8').decode(window.subarray(3));
  else text = new TextDecoder('utf-8').decode(window);
  const start = text.search(/\S/);
  if (start >= 0 && text[start] === '<') return text.slice(start);
  // Some senders put junk before the XML declaration (the edXML reader tolerates it); only a declaration counts.
  const declaration = text.indexOf('<?xml');
  return declaration >= 0 && declaration < PDF_HEADER_WINDOW ? text.slice(declaration) : undefined;
}

/** Skips the prolog (declaration, comments, processing instructions, DOCTYPE); the index of the root's `<`. */
function rootStart(text: string): number | undefined {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at] as string)) at++;
    if (text[at] !== '<') return undefined;
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end < 0) return undefined;
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) return undefined;
      at = end + 3;
    } else if (text.startsWith('<!DOCTYPE', at)) {
      // Classified as XML all the same: the verifier refuses any DOCTYPE and says so.
      const subset = text.indexOf('[', at);
      const close = text.indexOf('>', at);
      if (close < 0) return undefined;
      if (subset >= 0 && subset < close) {
        const subsetEnd = text.indexOf(']', subset);
        if (subsetEnd < 0) return undefined;
        const end = text.indexOf('>', subsetEnd);
        if (end < 0) return undefined;
        at = end + 1;
      } else at = close + 1;
    } else if (text.startsWith('<!', at)) return undefined;
    else return at;
  }
}

const NAME =
  /^[A-Za-z_\u00C0-\uFFEF][\w.\-\u00B7\u00C0-\uFFEF]*(?::[A-Za-z_\u00C0-\uFFEF][\w.\-\u00B7\u00C0-\uFFEF]*)?/;
const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/y;

/** The root element of an XML document, read from its start tag; undefined when the bytes are not XML. */
export function xmlRootElement(bytes: Uint8Array): { namespace: string | undefined; localName: string } | undefined {
  const text = xmlPrefix(bytes);
  if (text === undefined) return undefined;
  const start = rootStart(text);
  if (start === undefined) return undefined;
  const name = NAME.exec(text.slice(start + 1, start + 1 + 1024))?.[0];
  if (name === undefined) return undefined;
  const colon = name.indexOf(':');
  const prefix = colon >= 0 ? name.slice(0, colon) : '';
  const localName = colon >= 0 ? name.slice(colon + 1) : name;

  let namespace: string | undefined;
  const attributes = new RegExp(ATTRIBUTE.source, 'y');
  attributes.lastIndex = start + 1 + name.length;
  for (let attribute = attributes.exec(text); attribute !== null; attribute = attributes.exec(text)) {
    const [, attributeName, quoted] = attribute as unknown as [string, string, string];
    if (attributeName === (prefix === '' ? 'xmlns' : `xmlns:${prefix}`)) namespace = quoted.slice(1, -1);
  }
  // The edXML reader accepts the `edXML:` prefix left undeclared (a quirk of real traffic); so does detection.
  if (namespace === undefined && prefix === 'edXML') namespace = EDXML_NAMESPACE;
  return { namespace, localName };
}

function isEdxmlRoot(root: { namespace: string | undefined; localName: string }): boolean {
  return root.namespace === EDXML_NAMESPACE && (root.localName === 'edXML' || root.localName === 'edXMLEnvelope');
}
