import { EDXML_NAMESPACE } from '../model/namespaces';
import { namespaceOf, type ReadableElement } from './element';

function isEdxml(element: ReadableElement, localName: string): boolean {
  return element.localName === localName && namespaceOf(element) === EDXML_NAMESPACE;
}

/**
 * Whether an element is an attachment payload (`edXML/AttachmentEncoded/Attachment/ContentTransferEncoded`),
 * given its open ancestors (root first). Both readers divert exactly these elements' text away from the tree,
 * so they treat the same bytes the same way.
 */
export function isPayloadElement(element: ReadableElement, ancestors: readonly ReadableElement[]): boolean {
  if (ancestors.length !== 3 || !isEdxml(element, 'ContentTransferEncoded')) return false;
  const [, list, attachment] = ancestors as [ReadableElement, ReadableElement, ReadableElement];
  return isEdxml(attachment, 'Attachment') && isEdxml(list, 'AttachmentEncoded');
}
