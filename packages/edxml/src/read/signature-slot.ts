import type { SignatureSlot } from '../model/message';
import { escapeAttribute, escapeText } from '../serialize/escape';
import type { ReadableElement } from './element';

const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

function isDeclaration(attribute: ReadableElement['attributes'][number]): boolean {
  return attribute.name === 'xmlns' || attribute.prefix === 'xmlns' || attribute.namespace === XMLNS_NAMESPACE;
}

/**
 * Writes an element subtree as standalone XML: every namespace the subtree uses is declared where needed,
 * whatever ancestors declared it in the source, so the slot can be handed to a signature verifier on its own.
 * Comments and processing instructions inside the subtree are not kept.
 */
export function elementToStandaloneXml(root: ReadableElement): string {
  const out: string[] = [];
  // Iterative walk: the subtree comes from untrusted input.
  type Frame = { element: ReadableElement; scope: ReadonlyMap<string, string | null>; next: number };
  const open = (element: ReadableElement, parentScope: ReadonlyMap<string, string | null>): Frame => {
    const scope = new Map(parentScope);
    const declarations: string[] = [];
    const bind = (prefix: string, namespace: string | null) => {
      if (prefix === 'xml') return;
      if (prefix !== '' && namespace === null) return; // an unbound prefix stays as it was written
      const current = scope.has(prefix) ? scope.get(prefix) : prefix === '' ? null : undefined;
      if (current === namespace) return;
      scope.set(prefix, namespace);
      const value = escapeAttribute(namespace ?? '', 'Signature namespace');
      declarations.push(prefix === '' ? ` xmlns="${value}"` : ` xmlns:${prefix}="${value}"`);
    };
    bind(element.prefix, element.namespace);
    const attributes: string[] = [];
    for (const attribute of element.attributes) {
      if (isDeclaration(attribute)) continue;
      if (attribute.prefix && attribute.namespace !== XML_NAMESPACE) bind(attribute.prefix, attribute.namespace);
      attributes.push(` ${attribute.name}="${escapeAttribute(attribute.value, attribute.name)}"`);
    }
    out.push(`<${element.name}${declarations.join('')}${attributes.join('')}`);
    if (element.children.length === 0 && element.text === '') {
      out.push('/>');
    } else {
      out.push('>');
      if (element.text.trim() !== '' || element.children.length === 0) out.push(escapeText(element.text, element.name));
    }
    return { element, scope, next: 0 };
  };

  const stack: Frame[] = [open(root, new Map())];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const { element } = frame;
    if (frame.next < element.children.length) {
      const child = element.children[frame.next++] as ReadableElement;
      stack.push(open(child, frame.scope));
      continue;
    }
    stack.pop();
    if (element.children.length > 0 || element.text !== '') out.push(`</${element.name}>`);
  }
  return out.join('');
}

export function readSignatureSlot(element: ReadableElement): SignatureSlot {
  return { localName: element.localName, namespace: element.namespace, xml: elementToStandaloneXml(element) };
}
