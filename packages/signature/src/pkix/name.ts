import type { DistinguishedName, Identifier, NameAttribute } from '../model/result';
import {
  bytesEqual,
  childrenOf,
  DerError,
  type DerNode,
  decodeOid,
  decodeString,
  encodingOf,
  expectSequence,
  expectUniversal,
  isStringType,
  readSingle,
  toHex,
  UNIVERSAL,
} from './der';
import { failureReason, type LocalizedText } from './messages';
import { NAME_ATTRIBUTE_NAMES, OID } from './oids';

/*
 * Distinguished names, parsed structurally from ASN.1: attributes in certificate order, multi-valued RDNs kept,
 * every string type decoded. The RFC 4514 text is built for display only and is never parsed back.
 */

/** Most relative distinguished names, and attributes per RDN, accepted in one name. */
const MAX_RDNS = 64;
const MAX_ATTRIBUTES_PER_RDN = 16;
/** Largest encoded name accepted by `describeName`/`readName`. */
const MAX_NAME_BYTES = 16 * 1024;

/** A name as read: the display model, the RDN grouping, its DER, and a key for RFC 5280 name matching. */
export interface ParsedName {
  name: DistinguishedName;
  /** Attributes grouped by relative distinguished name, in order (most have one attribute). */
  rdns: NameAttribute[][];
  /** The encoded Name exactly as it appears in the certificate. */
  der: Uint8Array;
  /** Comparison key: NFC, trimmed, inner spaces collapsed, case-folded; attribute order within an RDN ignored. */
  matchKey: string;
}

/** Reads a Name element (SEQUENCE OF RelativeDistinguishedName). Throws `DerError` on malformed input. */
export function parseNameNode(node: DerNode): ParsedName {
  const sequence = expectSequence(node, 'Name');
  const rdnNodes = childrenOf(sequence, MAX_RDNS);
  const rdns: NameAttribute[][] = [];
  for (const rdnNode of rdnNodes) {
    const set = expectUniversal(rdnNode, UNIVERSAL.set, 'RelativeDistinguishedName');
    const attributeNodes = childrenOf(set, MAX_ATTRIBUTES_PER_RDN);
    if (attributeNodes.length === 0) throw new DerError('unexpected-element', set.start, 'empty RDN');
    const rdn: NameAttribute[] = [];
    for (const attributeNode of attributeNodes) {
      const [typeNode, valueNode, ...rest] = childrenOf(expectSequence(attributeNode, 'AttributeTypeAndValue'), 3);
      if (typeNode === undefined || valueNode === undefined || rest.length > 0)
        throw new DerError('unexpected-element', attributeNode.start, 'malformed AttributeTypeAndValue');
      const oid = decodeOid(typeNode);
      const value = isStringType(valueNode) ? decodeString(valueNode) : `#${toHex(encodingOf(valueNode))}`;
      rdn.push({ oid, name: NAME_ATTRIBUTE_NAMES[oid] ?? oid, value });
    }
    rdns.push(rdn);
  }
  return {
    name: { attributes: rdns.flat(), text: formatRfc4514(rdns) },
    rdns,
    der: encodingOf(node),
    matchKey: nameMatchKey(rdns),
  };
}

/** Reads an encoded Name; never throws. */
export function readName(der: Uint8Array): { ok: true; name: ParsedName } | { ok: false; reason: LocalizedText } {
  if (der.length > MAX_NAME_BYTES)
    return { ok: false, reason: failureReason('name', new DerError('too-many-elements', 0, 'name too large')) };
  try {
    return { ok: true, name: parseNameNode(readSingle(der)) };
  } catch (error) {
    return { ok: false, reason: failureReason('name', error) };
  }
}

/**
 * The attributes of an encoded distinguished name, in order, with an RFC 4514 string for display. Malformed input
 * gives an empty name whose text says so (use `readName` to get the reason).
 */
export function describeName(der: Uint8Array): DistinguishedName {
  const result = readName(der);
  return result.ok ? result.name.name : { attributes: [], text: '(malformed name)' };
}

/** Whether two names match under RFC 5280 §7.1 (after NFC normalisation, case-insensitively). */
export function namesMatch(left: ParsedName, right: ParsedName): boolean {
  if (bytesEqual(left.der, right.der)) return true;
  return left.matchKey === right.matchKey;
}

/** The value normalised for comparison (RFC 4518 in spirit): NFC, trimmed, inner whitespace collapsed, case-folded. */
export function normaliseForComparison(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

function nameMatchKey(rdns: NameAttribute[][]): string {
  return JSON.stringify(
    rdns.map((rdn) => rdn.map((attribute) => `${attribute.oid}=${normaliseForComparison(attribute.value)}`).sort()),
  );
}

/** RFC 4514 text: RDNs in reverse order, `+` between the attributes of a multi-valued RDN, special characters escaped. */
function formatRfc4514(rdns: NameAttribute[][]): string {
  return rdns
    .slice()
    .reverse()
    .map((rdn) => rdn.map((attribute) => `${attribute.name}=${escapeRfc4514(attribute.value)}`).join('+'))
    .join(', ');
}

function escapeRfc4514(value: string): string {
  if (value.startsWith('#') && /^#[0-9A-F]*$/.test(value)) return value; // hex form of a non-string value
  let escaped = value.replace(/[\\,+"<>;]/g, (character) => `\\${character}`).replace(/\0/g, '\\00');
  if (escaped.startsWith(' ') || escaped.startsWith('#')) escaped = `\\${escaped}`;
  if (escaped.endsWith(' ') && escaped.length > 1) escaped = `${escaped.slice(0, -1)}\\ `;
  return escaped;
}

const UID_PREFIX = /^\s*(MST|CCCD|CMND|HC|MNS)\s*:\s*(.*?)\s*$/isu;
const VAT_VN_PREFIX = /^\s*VATVN-\s*(.*?)\s*$/isu;
const MST_PREFIX = /^\s*MST\s*:\s*(.*?)\s*$/isu;

/**
 * The Vietnamese identifiers of a subject: every UID value with a `MST:`, `CCCD:`, `CMND:`, `HC:` or `MNS:`
 * prefix (prefix case-insensitive, value kept as written; other UIDs give type `other`), and every
 * organizationIdentifier (type `organizationIdentifier`, whole value). An organizationIdentifier written
 * `VATVN-<tax code>` or `MST:<tax code>` also gives an `MST` identifier. Order follows the name.
 */
export function identifiersOf(subject: DistinguishedName): Identifier[] {
  const identifiers: Identifier[] = [];
  for (const attribute of subject.attributes) {
    const source = `${attribute.name}=${attribute.value}`;
    if (attribute.oid === OID.userId) {
      const match = UID_PREFIX.exec(attribute.value);
      if (match) {
        const type = (match[1] as string).toUpperCase() as Identifier['type'];
        identifiers.push({ type, value: match[2] as string, source });
      } else {
        identifiers.push({ type: 'other', value: attribute.value.trim(), source });
      }
    } else if (attribute.oid === OID.organizationIdentifier) {
      identifiers.push({ type: 'organizationIdentifier', value: attribute.value.trim(), source });
      const taxCode = VAT_VN_PREFIX.exec(attribute.value) ?? MST_PREFIX.exec(attribute.value);
      if (taxCode && (taxCode[1] as string).length > 0)
        identifiers.push({ type: 'MST', value: taxCode[1] as string, source });
    }
  }
  return identifiers;
}

/** The common name, or the whole display text when there is none (for messages). */
export function displayLabel(name: DistinguishedName): string {
  const commonName = name.attributes.findLast((attribute) => attribute.oid === OID.commonName);
  return commonName?.value ?? (name.text || '(empty name)');
}
