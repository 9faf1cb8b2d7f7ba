/*
 * XAdES SignatureTimeStamp (ETSI EN 319 132-1 §5.3): in
 *   ds:Signature/ds:Object/xades:QualifyingProperties[@Target = #signature-id]/xades:UnsignedProperties/
 *   xades:UnsignedSignatureProperties/xades:SignatureTimeStamp
 * an RFC 3161 token (xades:EncapsulatedTimeStamp, base64 DER) whose messageImprint is the hash of the
 * ds:SignatureValue element canonicalized with the SignatureTimeStamp's ds:CanonicalizationMethod — Canonical
 * XML 1.0 when absent. Only c14n 1.0 and exc-c14n are accepted (WithComments when the caller allows it);
 * XMLTimeStamp is not supported and is reported, as is a SignatureTimeStamp anywhere else: a timestamp we cannot
 * evaluate is never silently ignored.
 */
import type { LocalizedText } from '@lienthong/report';
import type { Element, Node } from '@xmldom/xmldom';
import {
  C14nCanonicalization,
  C14nCanonicalizationWithComments,
  ExclusiveCanonicalization,
  ExclusiveCanonicalizationWithComments,
} from 'xml-crypto';
import type { Check } from '../model/result';
import { C14N, C14N_WITH_COMMENTS, EXC_C14N, EXC_C14N_WITH_COMMENTS, XMLDSIG_NS } from '../xmldsig/algorithms';
import { elementChildren, findElements } from '../xmldsig/document';
import { MSG } from './messages';
import {
  evaluateSignatureTimestamps,
  MAX_SIGNATURE_TIMESTAMPS,
  NO_TIMESTAMPS,
  type SignatureTimestamps,
} from './signature';
import type { VerifyTimestampOptions } from './token';

export const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
const DER_ENCODING = 'http://uri.etsi.org/01903/v1.2.2#DER';
const BER_ENCODING = 'http://uri.etsi.org/01903/v1.2.2#BER';

const TEXT_NODE = 3;
const CDATA_NODE = 4;

export interface XadesTimestampItem {
  readonly token: Uint8Array;
  /** The canonicalized ds:SignatureValue (what the imprint must cover). */
  readonly data: Uint8Array;
}

/** The SignatureTimeStamp tokens of a ds:Signature, and what keeps others from being evaluated. */
export function findXadesSignatureTimestamps(
  signature: Element,
  options: { readonly allowWithComments: boolean },
): { items: XadesTimestampItem[]; problems: LocalizedText[] } {
  const items: XadesTimestampItem[] = [];
  const problems: LocalizedText[] = [];
  const all = findElements(signature, (element) => element.localName === 'SignatureTimeStamp');
  if (all.length === 0) return { items, problems };

  const isX = (element: Element | undefined, name: string): boolean =>
    element !== undefined && element.namespaceURI === XADES_NS && element.localName === name;
  const qualifying = elementChildren(signature)
    .filter((child) => child.namespaceURI === XMLDSIG_NS && child.localName === 'Object')
    .flatMap((object) => elementChildren(object).filter((child) => isX(child, 'QualifyingProperties')));
  if (qualifying.length > 1) problems.push(MSG.xadesMalformed('more than one xades:QualifyingProperties'));

  const expected: Element[] = [];
  const properties = qualifying[0];
  if (properties && qualifying.length === 1) {
    const target = properties.getAttribute('Target') ?? '';
    const id = signature.getAttribute('Id');
    if (!id || target !== `#${id}`) problems.push(MSG.xadesTargetMismatch(target));
    else
      for (const unsigned of elementChildren(properties).filter((e) => isX(e, 'UnsignedProperties')))
        for (const signatureProperties of elementChildren(unsigned).filter((e) =>
          isX(e, 'UnsignedSignatureProperties'),
        ))
          expected.push(...elementChildren(signatureProperties).filter((e) => isX(e, 'SignatureTimeStamp')));
  }
  const stray = all.filter((element) => !expected.includes(element));
  if (stray.length > 0 && problems.length === 0)
    problems.push(
      MSG.xadesMalformed(
        'a SignatureTimeStamp outside ds:Object/xades:QualifyingProperties/UnsignedProperties/UnsignedSignatureProperties',
      ),
    );
  if (expected.length > MAX_SIGNATURE_TIMESTAMPS)
    problems.push(
      MSG.xadesMalformed(`${expected.length} SignatureTimeStamp elements (at most ${MAX_SIGNATURE_TIMESTAMPS})`),
    );

  const signatureValue = elementChildren(signature).find(
    (child) => child.namespaceURI === XMLDSIG_NS && child.localName === 'SignatureValue',
  );
  for (const stamp of expected.slice(0, MAX_SIGNATURE_TIMESTAMPS)) {
    const children = elementChildren(stamp);
    let index = 0;
    let algorithm = C14N;
    const method = children[0];
    if (method && method.namespaceURI === XMLDSIG_NS && method.localName === 'CanonicalizationMethod') {
      algorithm = method.getAttribute('Algorithm') ?? '';
      index++;
      if (elementChildren(method).length > 0) {
        problems.push(MSG.xadesUnsupported('ds:CanonicalizationMethod parameters (InclusiveNamespaces)'));
        continue;
      }
    }
    const allowed = [
      C14N,
      EXC_C14N,
      ...(options.allowWithComments ? [C14N_WITH_COMMENTS, EXC_C14N_WITH_COMMENTS] : []),
    ];
    if (!allowed.includes(algorithm)) {
      problems.push(MSG.xadesCanonicalization(algorithm));
      continue;
    }
    const tokens = children.slice(index);
    if (tokens.length === 0) problems.push(MSG.xadesMalformed('a SignatureTimeStamp without a token'));
    for (const element of tokens) {
      if (isX(element, 'XMLTimeStamp')) {
        problems.push(MSG.xadesUnsupported('XMLTimeStamp'));
        continue;
      }
      if (!isX(element, 'EncapsulatedTimeStamp')) {
        problems.push(MSG.xadesMalformed(`unexpected <${element.localName}> in SignatureTimeStamp`));
        continue;
      }
      const encoding = element.getAttribute('Encoding');
      if (encoding && encoding !== DER_ENCODING && encoding !== BER_ENCODING) {
        problems.push(MSG.xadesUnsupported(`Encoding="${encoding}"`));
        continue;
      }
      const token = base64Text(element);
      if (!token) {
        problems.push(MSG.xadesMalformed('EncapsulatedTimeStamp is not base64 text'));
        continue;
      }
      if (!signatureValue) {
        problems.push(MSG.xadesMalformed('no ds:SignatureValue'));
        continue;
      }
      items.push({ token, data: canonicalSignatureValue(signatureValue, algorithm) });
    }
  }
  return { items, problems };
}

/** Evaluates the XAdES signature timestamps of a ds:Signature (none: nothing to do, no cost). */
export async function evaluateXadesTimestamps(
  signature: Element,
  options: Omit<VerifyTimestampOptions, 'data'> & { readonly at: Date; readonly allowWithComments: boolean },
  extraCertificates: readonly Uint8Array[],
): Promise<SignatureTimestamps> {
  const found = findXadesSignatureTimestamps(signature, options);
  if (found.items.length === 0 && found.problems.length === 0) return NO_TIMESTAMPS;
  const evaluated: SignatureTimestamps =
    found.items.length === 0
      ? NO_TIMESTAMPS
      : await evaluateSignatureTimestamps(found.items, options, { what: MSG.xadesSignatureValue, extraCertificates });
  if (found.problems.length === 0) return evaluated;
  const problems: Check[] = found.problems.map((problem) => ({
    id: 'timestamp',
    passed: false,
    message: MSG.timestampFailed(0, 1, problem),
  }));
  return {
    ...evaluated,
    checks: [...problems, ...evaluated.checks],
    failure: evaluated.failure ?? { subIndication: 'SIG_CONSTRAINTS_FAILURE', message: (problems[0] as Check).message },
  };
}

/** The ds:SignatureValue element canonicalized as the imprint input (UTF-8). */
export function canonicalSignatureValue(signatureValue: Element, algorithm: string): Uint8Array {
  let text: string;
  if (algorithm === EXC_C14N || algorithm === EXC_C14N_WITH_COMMENTS) {
    const c14n = algorithm === EXC_C14N ? new ExclusiveCanonicalization() : new ExclusiveCanonicalizationWithComments();
    text = c14n.process(signatureValue as never, {});
  } else {
    // Inclusive c14n of a subtree carries every namespace in scope from its ancestors.
    const c14n = algorithm === C14N ? new C14nCanonicalization() : new C14nCanonicalizationWithComments();
    text = c14n.process(signatureValue as never, { ancestorNamespaces: inScopeNamespaces(signatureValue) });
  }
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/** Namespace declarations in scope at an element from its ancestors (nearest wins; an empty default is dropped). */
function inScopeNamespaces(element: Element): { prefix: string; namespaceURI: string }[] {
  const seen = new Map<string, string>();
  for (let node = element.parentNode as Node | null; node !== null && node.nodeType === 1; node = node.parentNode) {
    const attributes = (node as Element).attributes;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes.item(i);
      if (!attribute) continue;
      const prefix = attribute.name === 'xmlns' ? '' : attribute.prefix === 'xmlns' ? attribute.localName : undefined;
      if (prefix !== undefined && prefix !== null && !seen.has(prefix)) seen.set(prefix, attribute.value);
    }
  }
  const out: { prefix: string; namespaceURI: string }[] = [];
  for (const [prefix, namespaceURI] of seen) {
    // An empty default is no declaration; an unprefixed element renders the default (its own namespace) itself.
    if (prefix === '' && (namespaceURI === '' || !element.prefix)) continue;
    out.push({ prefix, namespaceURI });
  }
  return out;
}

function base64Text(element: Element): Uint8Array | undefined {
  let text = '';
  for (let child = element.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType !== TEXT_NODE && child.nodeType !== CDATA_NODE) return undefined;
    text += child.nodeValue ?? '';
  }
  const compact = text.replace(/[ \t\r\n]/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}
