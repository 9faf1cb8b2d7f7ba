/*
 * Where the signature is and what it says, checked against the XMLDSig core schema and our policy before
 * xml-crypto sees it: exactly one ds:Signature at an expected position; exactly one SignedInfo; SignedInfo,
 * Reference, Transforms and KeyInfo holding only what the schema allows (so xml-crypto's `local-name()`
 * look-ups can only find the nodes checked here); DigestValue and SignatureValue pure base64 text
 * (CVE-2025-29775 hid a comment inside DigestValue); allow-listed algorithms; references covering what the
 * coverage policy requires.
 */

import type { LocalizedText } from '@lienthong/report';
import type { Element, Node } from '@xmldom/xmldom';
import type { Check, Indication, SubIndication } from '../model/result';
import {
  algorithmLabel,
  allowedCanonicalizations,
  type DigestMethod,
  digestMethod,
  ENVELOPED_SIGNATURE,
  EXC_C14N,
  EXC_C14N_WITH_COMMENTS,
  isWithComments,
  type SignatureMethod,
  signatureMethod,
  XMLDSIG_NS,
} from './algorithms';
import { elementChildren, findElements, type ParsedXml } from './document';

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
const EXC_C14N_NS = 'http://www.w3.org/2001/10/xml-exc-c14n#';

export const MAX_REFERENCES = 16;
export const MAX_TRANSFORMS = 2;
export const MAX_CERTIFICATES = 10;

export type CoveragePolicy = 'whole-document' | { readonly allowIdReferences: true };

export interface StructurePolicy {
  readonly coverage: CoveragePolicy;
  readonly allowSha1: boolean;
  readonly allowWithComments: boolean;
}

/** One failed (or passed) check with the indication it implies when failed. */
export interface Finding extends Check {
  readonly indication?: Indication;
  readonly subIndication?: SubIndication;
}

export interface ReferenceModel {
  /** As written: `""` or `#id`. */
  readonly uri: string;
  readonly transforms: readonly string[];
  readonly digest: DigestMethod | undefined;
  readonly digestUri: string;
  /** The element the reference points to (the document element for `URI=""`). */
  readonly target: Element | undefined;
}

export interface SignatureModel {
  readonly element: Element;
  /** Where it was found, for reports: `edXMLHeader (last child)`, `document element`, … */
  readonly placement: string;
  readonly edxml: boolean;
  readonly canonicalization: string;
  readonly method: SignatureMethod | undefined;
  readonly methodUri: string;
  readonly references: readonly ReferenceModel[];
  /** base64 DER of each KeyInfo/X509Data/X509Certificate, in document order. */
  readonly certificates: readonly string[];
  /** True when a SHA-1 algorithm was let through by `allowSha1`. */
  readonly legacy: boolean;
}

/** Every Signature-like element and the document kind, before judging any of them. */
export interface LocatedSignatures {
  readonly edxml: boolean;
  /** ds:Signature elements (XMLDSig namespace), in document order. */
  readonly xmldsig: readonly Element[];
  /** `Signature` elements outside the XMLDSig namespace in an edXML document (VNPT SDK output). */
  readonly foreign: readonly Element[];
}

export function isEdxmlRoot(root: Element): boolean {
  return root.namespaceURI === EDXML_NS && (root.localName === 'edXML' || root.localName === 'edXMLEnvelope');
}

export function locateSignatures(parsed: ParsedXml): LocatedSignatures {
  const edxml = isEdxmlRoot(parsed.root);
  const all = findElements(parsed.root, (element) => element.localName === 'Signature');
  return {
    edxml,
    xmldsig: all.filter((element) => element.namespaceURI === XMLDSIG_NS),
    foreign: edxml ? all.filter((element) => element.namespaceURI !== XMLDSIG_NS) : [],
  };
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isDs(element: Element | undefined, localName: string): element is Element {
  return element !== undefined && element.namespaceURI === XMLDSIG_NS && element.localName === localName;
}

function describe(element: Element): string {
  return element.namespaceURI ? `<${element.localName}> (${element.namespaceURI})` : `<${element.localName}>`;
}

/** Text directly inside an element other than whitespace (mixed content), if any. */
function strayText(element: Element): string | undefined {
  for (let child = element.firstChild; child !== null; child = child.nextSibling)
    if (child.nodeType === TEXT_NODE && (child.nodeValue ?? '').trim() !== '') return (child.nodeValue ?? '').trim();
  return undefined;
}

/** The text of an element whose children must all be text nodes; undefined when anything else is inside. */
function pureText(element: Element): string | undefined {
  let text = '';
  for (let child: Node | null = element.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType !== TEXT_NODE) return undefined;
    text += child.nodeValue ?? '';
  }
  return text;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64Bytes(text: string): Buffer | undefined {
  const compact = text.replace(/[ \t\r\n]/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  const bytes = Buffer.from(compact, 'base64');
  // Canonical encoding only: unused bits set in the last character would let the text change while the bytes
  // stay the same (the SignatureValue and KeyInfo are not themselves signed).
  return bytes.toString('base64') === compact ? bytes : undefined;
}

function allowedAttributes(element: Element, names: readonly string[]): string | undefined {
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i);
    if (!attribute) continue;
    if (attribute.name === 'xmlns' || attribute.prefix === 'xmlns') continue;
    if (!names.includes(attribute.name)) return attribute.name;
  }
  return undefined;
}

class Findings {
  readonly list: Finding[] = [];

  fail(id: string, subIndication: SubIndication, message: LocalizedText, indication?: Indication): void {
    this.list.push({
      id,
      passed: false,
      message,
      subIndication,
      indication:
        indication ??
        (subIndication === 'HASH_FAILURE' || subIndication === 'SIG_CRYPTO_FAILURE' ? 'TOTAL-FAILED' : 'INDETERMINATE'),
    });
  }

  pass(id: string, message: LocalizedText): void {
    this.list.push({ id, passed: true, message });
  }

  format(id: string, vi: string, en: string): void {
    this.fail(id, 'FORMAT_FAILURE', { vi, en });
  }

  get failed(): boolean {
    return this.list.some((finding) => !finding.passed);
  }
}

/** Where a ds:Signature sits, when that place is one the policy expects; undefined otherwise. */
function placementOf(signature: Element, root: Element, edxml: boolean, coverage: CoveragePolicy): string | undefined {
  const parent = signature.parentNode as Element | null;
  if (parent === null || parent.nodeType !== ELEMENT_NODE) return undefined;
  if (parent === root) return edxml ? `direct child of <${root.localName}>` : 'direct child of the document element';
  if (edxml && parent.namespaceURI === EDXML_NS && parent.localName === 'edXMLHeader') {
    const envelope = parent.parentNode as Element | null;
    const envelopeOk =
      envelope !== null &&
      envelope.namespaceURI === EDXML_NS &&
      envelope.localName === 'edXMLEnvelope' &&
      (envelope === root || envelope.parentNode === root);
    const siblings = elementChildren(parent);
    if (envelopeOk && siblings[siblings.length - 1] === signature) return 'last child of edXMLHeader';
    return undefined;
  }
  // Outside edXML, with ID references allowed, an enveloped signature may sit in the element it signs.
  if (!edxml && coverage !== 'whole-document') return `child of <${parent.localName}>`;
  return undefined;
}

function expectedPlacement(edxml: boolean): LocalizedText {
  return edxml
    ? {
        vi: 'là phần tử con cuối cùng của edXMLHeader, hoặc con trực tiếp của phần tử gốc',
        en: 'the last child of edXMLHeader, or a direct child of the root element',
      }
    : { vi: 'là con trực tiếp của phần tử gốc', en: 'a direct child of the document element' };
}

function readAlgorithmChild(
  element: Element,
  findings: Findings,
  where: string,
  allowInclusiveNamespaces: boolean,
): void {
  for (const child of elementChildren(element)) {
    const inclusive =
      allowInclusiveNamespaces && child.namespaceURI === EXC_C14N_NS && child.localName === 'InclusiveNamespaces';
    if (!inclusive)
      findings.format(
        'xmldsig-structure',
        `${where} chứa phần tử không được phép ${describe(child)}.`,
        `${where} contains the element ${describe(child)}, which is not allowed.`,
      );
  }
}

/**
 * Checks one ds:Signature against the schema and the policy. Returns the model xml-crypto will be given and
 * every check made; the model is only usable when no finding failed.
 */
export function examineSignature(
  parsed: ParsedXml,
  located: LocatedSignatures,
  signature: Element,
  policy: StructurePolicy,
): { model: SignatureModel | undefined; findings: Finding[] } {
  const findings = new Findings();
  const { edxml } = located;
  const total = located.xmldsig.length + located.foreign.length;

  // Exactly one signature in the document.
  if (total !== 1)
    findings.format(
      'xmldsig-count',
      `Tài liệu có ${total} chữ ký; chính sách chỉ chấp nhận đúng một chữ ký.`,
      `The document has ${total} signatures; the policy accepts exactly one.`,
    );
  else
    findings.pass('xmldsig-count', {
      vi: 'Tài liệu có đúng một chữ ký.',
      en: 'The document has exactly one signature.',
    });

  // Signature: SignedInfo, SignatureValue, KeyInfo?, Object*.
  const badSignatureAttribute = allowedAttributes(signature, ['Id']);
  if (badSignatureAttribute)
    findings.format(
      'xmldsig-structure',
      `Signature có thuộc tính không được phép "${badSignatureAttribute}".`,
      `Signature has the attribute "${badSignatureAttribute}", which is not allowed.`,
    );
  const children = elementChildren(signature);
  const signedInfos = findElements(parsed.root, (element) => element.localName === 'SignedInfo');
  if (signedInfos.length !== 1 || !isDs(children[0], 'SignedInfo'))
    findings.format(
      'xmldsig-signedinfo',
      `Cần đúng một SignedInfo là phần tử con đầu tiên của Signature; tài liệu có ${signedInfos.length} phần tử SignedInfo (CVE-2025-29774).`,
      `Exactly one SignedInfo is required, as the first child of Signature; the document has ${signedInfos.length} SignedInfo elements (CVE-2025-29774).`,
    );
  let index = isDs(children[0], 'SignedInfo') ? 1 : 0;
  const signatureValueElement = isDs(children[index], 'SignatureValue') ? children[index++] : undefined;
  const keyInfoElement = isDs(children[index], 'KeyInfo') ? children[index++] : undefined;
  while (isDs(children[index], 'Object')) index++;
  const unexpected = children[index];
  if (unexpected !== undefined)
    findings.format(
      'xmldsig-structure',
      `Signature chứa phần tử không được phép hoặc sai thứ tự ${describe(unexpected)}.`,
      `Signature contains ${describe(unexpected)}, which is not allowed there.`,
    );
  else if (signatureValueElement === undefined)
    findings.format(
      'xmldsig-structure',
      'Thiếu SignatureValue ngay sau SignedInfo.',
      'SignatureValue is missing right after SignedInfo.',
    );
  const stray = strayText(signature);
  if (stray !== undefined)
    findings.format(
      'xmldsig-structure',
      'Signature chứa văn bản lẫn giữa các phần tử.',
      'Signature contains stray text.',
    );

  // SignatureValue: pure base64 text.
  if (signatureValueElement) {
    const text = pureText(signatureValueElement);
    if (text === undefined || base64Bytes(text) === undefined)
      findings.format(
        'xmldsig-signature-value',
        'SignatureValue phải chỉ chứa văn bản base64 (không chú thích, không phần tử con).',
        'SignatureValue must hold base64 text only (no comment, no child element).',
      );
  }

  // SignedInfo: CanonicalizationMethod, SignatureMethod, Reference+.
  const signedInfo = isDs(children[0], 'SignedInfo') ? children[0] : undefined;
  let canonicalization = '';
  let methodUri = '';
  let method: SignatureMethod | undefined;
  let legacy = false;
  const references: ReferenceModel[] = [];
  if (signedInfo) {
    const parts = elementChildren(signedInfo);
    if (strayText(signedInfo) !== undefined)
      findings.format('xmldsig-structure', 'SignedInfo chứa văn bản lẫn.', 'SignedInfo contains stray text.');
    const badAttribute = allowedAttributes(signedInfo, ['Id']);
    if (badAttribute)
      findings.format(
        'xmldsig-structure',
        `SignedInfo có thuộc tính không được phép "${badAttribute}".`,
        `SignedInfo has the attribute "${badAttribute}", which is not allowed.`,
      );
    const c14nElement = isDs(parts[0], 'CanonicalizationMethod') ? parts[0] : undefined;
    const methodElement = isDs(parts[1], 'SignatureMethod') ? parts[1] : undefined;
    const referenceElements = parts.slice(2);
    if (!c14nElement || !methodElement)
      findings.format(
        'xmldsig-structure',
        'SignedInfo phải bắt đầu bằng CanonicalizationMethod rồi SignatureMethod.',
        'SignedInfo must start with CanonicalizationMethod, then SignatureMethod.',
      );
    if (c14nElement) {
      canonicalization = c14nElement.getAttribute('Algorithm') ?? '';
      readAlgorithmChild(
        c14nElement,
        findings,
        'CanonicalizationMethod',
        canonicalization === EXC_C14N || canonicalization === EXC_C14N_WITH_COMMENTS,
      );
      if (!allowedCanonicalizations(policy.allowWithComments).has(canonicalization))
        findings.fail('xmldsig-canonicalization', 'CRYPTO_CONSTRAINTS_FAILURE', {
          vi: `Thuật toán chuẩn hóa SignedInfo "${algorithmLabel(canonicalization)}" không được phép (chỉ exc-c14n, c14n 1.0${policy.allowWithComments ? ' và biến thể WithComments' : ''}).`,
          en: `The SignedInfo canonicalization "${algorithmLabel(canonicalization)}" is not allowed (only exc-c14n, c14n 1.0${policy.allowWithComments ? ' and their WithComments variants' : ''}).`,
        });
      else
        findings.pass('xmldsig-canonicalization', {
          vi: `Chuẩn hóa SignedInfo: ${algorithmLabel(canonicalization)}.`,
          en: `SignedInfo canonicalization: ${algorithmLabel(canonicalization)}.`,
        });
    }
    if (methodElement) {
      methodUri = methodElement.getAttribute('Algorithm') ?? '';
      readAlgorithmChild(methodElement, findings, 'SignatureMethod', false);
      const verdict = signatureMethod(methodUri, policy.allowSha1);
      method = verdict.method;
      if (verdict.verdict === 'rejected')
        findings.fail('xmldsig-signature-algorithm', 'CRYPTO_CONSTRAINTS_FAILURE', {
          vi: `Thuật toán chữ ký "${algorithmLabel(methodUri)}" không được phép theo TT 15/2025/TT-BKHCN (chấp nhận RSA PKCS#1 v1.5/PSS, ECDSA với SHA-256/384/512${method?.hash === 'sha1' ? '; SHA-1 chỉ khi cho phép chữ ký cũ' : ''}).`,
          en: `The signature algorithm "${algorithmLabel(methodUri)}" is not allowed under TT 15/2025/TT-BKHCN (RSA PKCS#1 v1.5/PSS and ECDSA with SHA-256/384/512 are${method?.hash === 'sha1' ? '; SHA-1 only when legacy signatures are allowed' : ''}).`,
        });
      else {
        if (verdict.verdict === 'legacy') legacy = true;
        findings.pass('xmldsig-signature-algorithm', {
          vi: `Thuật toán chữ ký: ${method?.label}${verdict.verdict === 'legacy' ? ' (cũ, được cho phép)' : ''}.`,
          en: `Signature algorithm: ${method?.label}${verdict.verdict === 'legacy' ? ' (legacy, allowed)' : ''}.`,
        });
      }
    }

    if (referenceElements.length === 0 || referenceElements.length > MAX_REFERENCES)
      findings.format(
        'xmldsig-references',
        `SignedInfo có ${referenceElements.length} Reference; cần từ 1 đến ${MAX_REFERENCES}.`,
        `SignedInfo has ${referenceElements.length} references; 1 to ${MAX_REFERENCES} are accepted.`,
      );
    for (const [position, reference] of referenceElements.slice(0, MAX_REFERENCES).entries()) {
      const read = readReference(parsed, reference, position + 1, findings, policy);
      if (read) {
        references.push(read);
        if (read.digest?.hash === 'sha1') legacy = true;
      }
    }
  }

  // Position.
  const placement = placementOf(signature, parsed.root, edxml, policy.coverage);
  if (placement === undefined) {
    const expected = expectedPlacement(edxml);
    const parent = signature.parentNode as Element | null;
    const at = parent ? `<${parent.localName}>` : '?';
    findings.format(
      'xmldsig-placement',
      `Chữ ký nằm trong ${at}, không ở vị trí mong đợi (${expected.vi}).`,
      `The signature sits in ${at}, not where expected (${expected.en}).`,
    );
  } else
    findings.pass('xmldsig-placement', { vi: `Vị trí chữ ký: ${placement}.`, en: `Signature position: ${placement}.` });

  // Coverage policy.
  checkCoverage(parsed, signature, references, findings, policy.coverage);

  // KeyInfo: certificates only; nothing else in it is ever used to pick a key.
  const certificates: string[] = [];
  if (keyInfoElement) {
    const x509 = findElements(keyInfoElement, (element) => isDs(element, 'X509Certificate'));
    for (const certificate of x509.slice(0, MAX_CERTIFICATES)) {
      const text = pureText(certificate);
      const der = text === undefined ? undefined : base64Bytes(text);
      if (der === undefined)
        findings.format(
          'xmldsig-keyinfo',
          'X509Certificate trong KeyInfo không phải base64 thuần.',
          'An X509Certificate in KeyInfo is not plain base64.',
        );
      else certificates.push(der.toString('base64'));
    }
    if (x509.length > MAX_CERTIFICATES)
      findings.format(
        'xmldsig-keyinfo',
        `KeyInfo có ${x509.length} chứng thư; tối đa ${MAX_CERTIFICATES}.`,
        `KeyInfo carries ${x509.length} certificates; at most ${MAX_CERTIFICATES} are accepted.`,
      );
  }

  if (findings.failed) return { model: undefined, findings: findings.list };
  return {
    model: {
      element: signature,
      placement: placement ?? '',
      edxml,
      canonicalization,
      method,
      methodUri,
      references,
      certificates,
      legacy,
    },
    findings: findings.list,
  };
}

function readReference(
  parsed: ParsedXml,
  reference: Element,
  position: number,
  findings: Findings,
  policy: StructurePolicy,
): ReferenceModel | undefined {
  const where = `Reference[${position}]`;
  if (!isDs(reference, 'Reference')) {
    findings.format(
      'xmldsig-structure',
      `SignedInfo chứa phần tử không được phép ${describe(reference)}.`,
      `SignedInfo contains ${describe(reference)}, which is not allowed.`,
    );
    return undefined;
  }
  const badAttribute = allowedAttributes(reference, ['URI', 'Id', 'Type']);
  if (badAttribute)
    findings.format(
      'xmldsig-structure',
      `${where} có thuộc tính không được phép "${badAttribute}".`,
      `${where} has the attribute "${badAttribute}", which is not allowed.`,
    );
  if (strayText(reference) !== undefined)
    findings.format('xmldsig-structure', `${where} chứa văn bản lẫn.`, `${where} contains stray text.`);
  const parts = elementChildren(reference);
  let next = 0;
  const transformsElement = isDs(parts[next], 'Transforms') ? parts[next++] : undefined;
  const digestMethodElement = isDs(parts[next], 'DigestMethod') ? parts[next++] : undefined;
  const digestValueElement = isDs(parts[next], 'DigestValue') ? parts[next++] : undefined;
  if (!digestMethodElement || !digestValueElement || parts[next] !== undefined) {
    findings.format(
      'xmldsig-structure',
      `${where} phải gồm Transforms (tùy chọn), DigestMethod và DigestValue, không gì khác.`,
      `${where} must hold Transforms (optional), DigestMethod and DigestValue, nothing else.`,
    );
    return undefined;
  }

  // Transforms: allow-listed, at most MAX_TRANSFORMS, enveloped-signature only first.
  const transforms: string[] = [];
  if (transformsElement) {
    if (strayText(transformsElement) !== undefined)
      findings.format(
        'xmldsig-structure',
        `${where}/Transforms chứa văn bản lẫn.`,
        `${where}/Transforms contains stray text.`,
      );
    const list = elementChildren(transformsElement);
    if (list.length === 0 || list.length > MAX_TRANSFORMS)
      findings.fail('xmldsig-transforms', 'CRYPTO_CONSTRAINTS_FAILURE', {
        vi: `${where} có ${list.length} phép biến đổi; chấp nhận từ 1 đến ${MAX_TRANSFORMS}.`,
        en: `${where} has ${list.length} transforms; 1 to ${MAX_TRANSFORMS} are accepted.`,
      });
    const allowed = allowedCanonicalizations(policy.allowWithComments);
    for (const transform of list.slice(0, MAX_TRANSFORMS + 1)) {
      if (!isDs(transform, 'Transform')) {
        findings.format(
          'xmldsig-structure',
          `${where}/Transforms chứa phần tử không được phép ${describe(transform)}.`,
          `${where}/Transforms contains ${describe(transform)}, which is not allowed.`,
        );
        continue;
      }
      const uri = transform.getAttribute('Algorithm') ?? '';
      const isEnveloped = uri === ENVELOPED_SIGNATURE;
      const transformAllowed = isEnveloped ? transforms.length === 0 : allowed.has(uri);
      // The content of a refused transform (an XPath expression, a stylesheet) is not looked at.
      if (transformAllowed)
        readAlgorithmChild(
          transform,
          findings,
          `${where}/Transform`,
          uri === EXC_C14N || uri === EXC_C14N_WITH_COMMENTS,
        );
      else
        findings.fail('xmldsig-transforms', 'CRYPTO_CONSTRAINTS_FAILURE', {
          vi: `${where}: phép biến đổi "${algorithmLabel(uri)}" không được phép${isWithComments(uri) ? ' (biến thể WithComments bị tắt)' : isEnveloped ? ' ở vị trí này' : ''} (chỉ enveloped-signature, exc-c14n, c14n 1.0).`,
          en: `${where}: the transform "${algorithmLabel(uri)}" is not allowed${isWithComments(uri) ? ' (WithComments variants are disabled)' : isEnveloped ? ' in that position' : ''} (only enveloped-signature, exc-c14n, c14n 1.0).`,
        });
      transforms.push(uri);
    }
  }

  // DigestMethod, DigestValue.
  const digestUri = digestMethodElement.getAttribute('Algorithm') ?? '';
  readAlgorithmChild(digestMethodElement, findings, `${where}/DigestMethod`, false);
  const { method: digest, verdict } = digestMethod(digestUri, policy.allowSha1);
  if (verdict === 'rejected')
    findings.fail('xmldsig-digest-algorithm', 'CRYPTO_CONSTRAINTS_FAILURE', {
      vi: `${where}: thuật toán băm "${algorithmLabel(digestUri)}" không được phép (chỉ SHA-256/384/512${digest?.hash === 'sha1' ? '; SHA-1 chỉ khi cho phép chữ ký cũ' : ''}).`,
      en: `${where}: the digest algorithm "${algorithmLabel(digestUri)}" is not allowed (only SHA-256/384/512${digest?.hash === 'sha1' ? '; SHA-1 only when legacy signatures are allowed' : ''}).`,
    });
  const digestText = pureText(digestValueElement);
  const digestBytes = digestText === undefined ? undefined : base64Bytes(digestText);
  if (digestBytes === undefined)
    findings.format(
      'xmldsig-digest-value',
      `${where}: DigestValue phải chỉ chứa văn bản base64 (không chú thích, không phần tử con — CVE-2025-29775).`,
      `${where}: DigestValue must hold base64 text only (no comment, no child element — CVE-2025-29775).`,
    );
  else if (digest && verdict !== 'rejected' && digestBytes.length !== digest.length)
    findings.format(
      'xmldsig-digest-value',
      `${where}: DigestValue dài ${digestBytes.length} byte, không khớp ${digest.label} (${digest.length} byte).`,
      `${where}: DigestValue is ${digestBytes.length} bytes, not the ${digest.length} bytes of ${digest.label}.`,
    );

  // The target.
  const uri = reference.getAttribute('URI');
  let target: Element | undefined;
  if (uri === null) {
    findings.fail('xmldsig-reference-uri', 'SIG_CONSTRAINTS_FAILURE', {
      vi: `${where} không có thuộc tính URI; chính sách không chấp nhận tham chiếu ngầm định.`,
      en: `${where} has no URI attribute; the policy does not accept implicit references.`,
    });
  } else if (uri === '') {
    target = parsed.root;
  } else if (/^#[A-Za-z_][A-Za-z0-9_.-]*$/.test(uri)) {
    target = parsed.ids.get(uri.slice(1));
    if (target === undefined)
      findings.fail('xmldsig-reference-target', 'SIGNED_DATA_NOT_FOUND', {
        vi: `${where} trỏ tới "${uri}" nhưng không phần tử nào có định danh đó.`,
        en: `${where} points to "${uri}" but no element has that ID.`,
      });
  } else {
    findings.fail('xmldsig-reference-uri', 'SIG_CONSTRAINTS_FAILURE', {
      vi: `${where}: URI "${uri.slice(0, 200)}" không được phép (chỉ "" hoặc "#định-danh"; không URI ngoài, không xpointer).`,
      en: `${where}: URI "${uri.slice(0, 200)}" is not allowed (only "" or "#id"; no external URI, no xpointer).`,
    });
  }
  return { uri: uri ?? '', transforms, digest, digestUri, target };
}

function checkCoverage(
  parsed: ParsedXml,
  signature: Element,
  references: readonly ReferenceModel[],
  findings: Findings,
  coverage: CoveragePolicy,
): void {
  if (references.length === 0) return;
  if (coverage === 'whole-document') {
    const [only] = references;
    if (references.length !== 1 || only?.uri !== '') {
      findings.fail('xmldsig-coverage', 'SIG_CONSTRAINTS_FAILURE', {
        vi: `Chính sách yêu cầu đúng một Reference URI="" bao phủ toàn bộ tài liệu; chữ ký có ${references.map((r) => `URI="${r.uri}"`).join(', ')}. Tham chiếu theo định danh chỉ được chấp nhận khi bật coverage { allowIdReferences: true }.`,
        en: `The policy requires exactly one Reference URI="" covering the whole document; the signature has ${references.map((r) => `URI="${r.uri}"`).join(', ')}. ID references are accepted only with coverage { allowIdReferences: true }.`,
      });
      return;
    }
    if (only.transforms[0] !== ENVELOPED_SIGNATURE) {
      findings.fail('xmldsig-coverage', 'SIG_CONSTRAINTS_FAILURE', {
        vi: 'Reference URI="" phải bắt đầu bằng phép biến đổi enveloped-signature (chữ ký nằm trong tài liệu được ký).',
        en: 'The Reference URI="" must start with the enveloped-signature transform (the signature is inside the signed document).',
      });
      return;
    }
    findings.pass('xmldsig-coverage', {
      vi: 'Reference URI="" bao phủ toàn bộ tài liệu (trừ chính chữ ký).',
      en: 'Reference URI="" covers the whole document (except the signature itself).',
    });
    return;
  }
  // ID references: outside edXML (where the position is fixed), a signature not at the top level must sit
  // inside an element it signs, as SAML-style enveloped signatures do.
  const holder = signature.parentNode as Element | null;
  const inside = (target: Element | undefined) => {
    for (let node: Element | null = holder; node !== null; node = node.parentNode as Element | null)
      if (node === target) return true;
    return false;
  };
  if (!isEdxmlRoot(parsed.root) && holder !== parsed.root && !references.some((reference) => inside(reference.target)))
    findings.fail('xmldsig-coverage', 'SIG_CONSTRAINTS_FAILURE', {
      vi: `Chữ ký nằm trong <${holder?.localName}> nhưng không Reference nào bao phần tử đó.`,
      en: `The signature sits in <${holder?.localName}> but no reference covers that element.`,
    });
  else
    findings.pass('xmldsig-coverage', {
      vi: `Các Reference: ${references.map((r) => `URI="${r.uri}"`).join(', ')} (tham chiếu theo định danh được cho phép).`,
      en: `References: ${references.map((r) => `URI="${r.uri}"`).join(', ')} (ID references allowed).`,
    });
}
