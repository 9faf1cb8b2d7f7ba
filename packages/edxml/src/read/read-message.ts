import type { Findings } from '../findings';
import type { Attachment, Manifest, Reference } from '../model/attachment';
import type {
  Business,
  BusinessDocumentInfo,
  DocumentHeader,
  OtherInfo,
  ReplacementInfo,
  TraceHeaderList,
} from '../model/document';
import type { DocumentMessage, EdxmlMessage, SignatureSlot, StatusHeader, StatusMessage } from '../model/message';
import { EDXML_NAMESPACE, XLINK_NAMESPACE, XMLDSIG_NAMESPACE } from '../model/namespaces';
import type { Organization, ResponseFor, StaffInfo } from '../model/organization';
import { messageKindUnknown, missingStructure, notEdxmlRoot, signatureNonStandardNamespace } from '../rules/structure';
import { Children, type ContainerSpec, type Located } from './children';
import { namespaceOf, type ReadableElement } from './element';
import { readSignatureSlot } from './signature-slot';
import * as spec from './specs';

/** Sets `target[key]` only when the value exists, so absent elements stay absent after a round trip. */
function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function container(ctx: Findings, found: Located, containerSpec: ContainerSpec): Children {
  return new Children(ctx, found.element, found.path, containerSpec);
}

function optional<T>(
  ctx: Findings,
  parent: Children,
  name: string,
  containerSpec: ContainerSpec,
  read: (children: Children) => T,
): T | undefined {
  const found = parent.one(name);
  return found === undefined ? undefined : read(container(ctx, found, containerSpec));
}

function readOrganization(children: Children): Organization {
  // A missing OrganId reads as empty; the validator reports it as a required field.
  const organization: Organization = { organId: children.text('OrganId') ?? '' };
  assign(organization, 'organizationInCharge', children.text('OrganizationInCharge'));
  assign(organization, 'organName', children.text('OrganName'));
  assign(organization, 'organAdd', children.text('OrganAdd'));
  assign(organization, 'email', children.text('Email'));
  assign(organization, 'telephone', children.text('Telephone'));
  assign(organization, 'fax', children.text('Fax'));
  assign(organization, 'website', children.text('Website'));
  return organization;
}

function readStaffInfo(children: Children): StaffInfo {
  const staff: StaffInfo = {};
  assign(staff, 'department', children.text('Department'));
  assign(staff, 'staff', children.text('Staff'));
  assign(staff, 'email', children.text('Email'));
  assign(staff, 'mobile', children.text('Mobile'));
  assign(staff, 'departmentId', children.text('DepartmentId'));
  assign(staff, 'staffId', children.text('StaffId'));
  return staff;
}

function readResponseFor(children: Children): ResponseFor {
  const responseFor: ResponseFor = {};
  assign(responseFor, 'organId', children.text('OrganId'));
  assign(responseFor, 'code', children.text('Code'));
  assign(responseFor, 'promulgationDate', children.text('PromulgationDate'));
  assign(responseFor, 'documentId', children.text('DocumentId'));
  return responseFor;
}

function readFrom(ctx: Findings, header: Children): Organization {
  const from = header.one('From');
  if (from === undefined) {
    ctx.report(missingStructure, { element: 'From', parent: 'MessageHeader' }, 'MessageHeader');
    return { organId: '' };
  }
  return readOrganization(container(ctx, from, spec.ORGANIZATION));
}

function readOtherInfo(ctx: Findings, children: Children): OtherInfo {
  const other: OtherInfo = {};
  assign(other, 'priority', children.text('Priority'));
  assign(other, 'sphereOfPromulgation', children.text('SphereOfPromulgation'));
  assign(other, 'typerNotation', children.text('TyperNotation'));
  assign(other, 'promulgationAmount', children.text('PromulgationAmount'));
  assign(other, 'pageAmount', children.text('PageAmount'));
  assign(other, 'direction', children.text('Direction'));
  assign(
    other,
    'appendixes',
    optional(ctx, children, 'Appendixes', spec.APPENDIXES, (list) => list.texts('Appendix')),
  );
  return other;
}

function readDocumentHeader(ctx: Findings, header: Children): DocumentHeader {
  const result: DocumentHeader = {
    from: readFrom(ctx, header),
    to: header.all('To').map((to) => readOrganization(container(ctx, to, spec.ORGANIZATION))),
    responseFor: header.all('ResponseFor').map((found) => readResponseFor(container(ctx, found, spec.RESPONSE_FOR))),
  };
  assign(result, 'documentId', header.text('DocumentId'));
  assign(
    result,
    'code',
    optional(ctx, header, 'Code', spec.CODE, (code) => {
      const value: NonNullable<DocumentHeader['code']> = {};
      assign(value, 'codeNumber', code.text('CodeNumber'));
      assign(value, 'codeNotation', code.text('CodeNotation'));
      return value;
    }),
  );
  assign(
    result,
    'promulgationInfo',
    optional(ctx, header, 'PromulgationInfo', spec.PROMULGATION_INFO, (info) => {
      const value: NonNullable<DocumentHeader['promulgationInfo']> = {};
      assign(value, 'place', info.text('Place'));
      assign(value, 'promulgationDate', info.text('PromulgationDate'));
      return value;
    }),
  );
  assign(
    result,
    'documentType',
    optional(ctx, header, 'DocumentType', spec.DOCUMENT_TYPE, (type) => {
      const value: NonNullable<DocumentHeader['documentType']> = {};
      assign(value, 'type', type.text('Type'));
      assign(value, 'typeDetail', type.text('TypeDetail'));
      assign(value, 'typeName', type.text('TypeName'));
      return value;
    }),
  );
  assign(result, 'subject', header.text('Subject'));
  assign(result, 'content', header.text('Content'));
  assign(
    result,
    'signerInfo',
    optional(ctx, header, 'SignerInfo', spec.SIGNER_INFO, (signer) => {
      const value: NonNullable<DocumentHeader['signerInfo']> = {};
      assign(value, 'competence', signer.text('Competence'));
      assign(value, 'position', signer.text('Position'));
      assign(value, 'fullName', signer.text('FullName'));
      return value;
    }),
  );
  assign(result, 'dueDate', header.text('DueDate'));
  assign(
    result,
    'toPlaces',
    optional(ctx, header, 'ToPlaces', spec.TO_PLACES, (places) => places.texts('Place')),
  );
  assign(
    result,
    'otherInfo',
    optional(ctx, header, 'OtherInfo', spec.OTHER_INFO, (other) => readOtherInfo(ctx, other)),
  );
  assign(result, 'steeringType', header.text('SteeringType'));
  assign(
    result,
    'responseForTask',
    optional(ctx, header, 'ResponseForTask', spec.RESPONSE_FOR_TASK, (task) => task.texts('TaskCode')),
  );
  assign(result, 'applicationType', header.text('ApplicationType'));
  return result;
}

function readBusinessDocumentInfo(ctx: Findings, children: Children): BusinessDocumentInfo {
  const info: BusinessDocumentInfo = {};
  assign(info, 'documentInfo', children.text('DocumentInfo'));
  assign(info, 'documentReceiver', children.text('DocumentReceiver'));
  assign(
    info,
    'receiverList',
    optional(ctx, children, 'ReceiverList', spec.RECEIVER_LIST, (list) =>
      list.all('Receiver').map((found) => {
        const receiver = container(ctx, found, spec.RECEIVER);
        const value: NonNullable<BusinessDocumentInfo['receiverList']>[number] = {};
        assign(value, 'organId', receiver.text('OrganId'));
        assign(value, 'receiverType', receiver.text('ReceiverType'));
        return value;
      }),
    ),
  );
  return info;
}

function readReplacementInfo(ctx: Findings, children: Children): ReplacementInfo {
  const info: ReplacementInfo = {
    organIdList: optional(ctx, children, 'OrganIdList', spec.ORGAN_ID_LIST, (list) => list.texts('OrganId')) ?? [],
  };
  assign(info, 'documentId', children.text('DocumentId'));
  return info;
}

function readBusiness(ctx: Findings, children: Children): Business {
  const business: Business = {};
  assign(business, 'documentId', children.text('DocumentId'));
  assign(business, 'businessDocType', children.text('BussinessDocType'));
  assign(business, 'businessDocReason', children.text('BussinessDocReason'));
  assign(business, 'paper', children.text('Paper'));
  assign(business, 'staffInfo', optional(ctx, children, 'StaffInfo', spec.STAFF_INFO, readStaffInfo));
  assign(
    business,
    'businessDocumentInfo',
    optional(ctx, children, 'BussinessDocumentInfo', spec.BUSINESS_DOCUMENT_INFO, (info) =>
      readBusinessDocumentInfo(ctx, info),
    ),
  );
  assign(
    business,
    'replacementInfoList',
    optional(ctx, children, 'ReplacementInfoList', spec.REPLACEMENT_INFO_LIST, (list) =>
      list
        .all('ReplacementInfo')
        .map((found) => readReplacementInfo(ctx, container(ctx, found, spec.REPLACEMENT_INFO))),
    ),
  );
  return business;
}

function readTraceHeaderList(ctx: Findings, children: Children): TraceHeaderList {
  const list: TraceHeaderList = {
    traceHeaders: children.all('TraceHeader').map((found) => {
      const trace = container(ctx, found, spec.TRACE_HEADER);
      const value: TraceHeaderList['traceHeaders'][number] = {};
      assign(value, 'organId', trace.text('OrganId'));
      assign(value, 'timestamp', trace.text('Timestamp'));
      return value;
    }),
  };
  const attributes = children.parent.attributes.filter(
    (attribute) => attribute.name !== 'xmlns' && attribute.prefix !== 'xmlns',
  );
  if (attributes.length > 0) list.attributes = Object.fromEntries(attributes.map((a) => [a.name, a.value]));
  assign(
    list,
    'business',
    optional(ctx, children, 'Bussiness', spec.BUSINESS, (business) => readBusiness(ctx, business)),
  );
  return list;
}

function readReference(ctx: Findings, found: Located): Reference {
  const children = container(ctx, found, spec.REFERENCE);
  const reference: Reference = {};
  assign(reference, 'contentId', children.text('ContentId'));
  assign(reference, 'contentType', children.text('ContentType'));
  assign(reference, 'description', children.text('Description'));
  assign(reference, 'attachmentName', children.text('AttachmentName'));
  const xlink: NonNullable<Reference['xlink']> = {};
  for (const attribute of found.element.attributes) {
    if (namespaceOf(attribute) !== XLINK_NAMESPACE) continue;
    if (attribute.localName === 'href' || attribute.localName === 'role' || attribute.localName === 'type') {
      xlink[attribute.localName] = attribute.value;
    }
  }
  if (Object.keys(xlink).length > 0) reference.xlink = xlink;
  return reference;
}

function readManifest(ctx: Findings, found: Located): Manifest {
  const children = container(ctx, found, spec.MANIFEST);
  const manifest: Manifest = {
    references: children.all('Reference').map((reference) => readReference(ctx, reference)),
  };
  const version = found.element.attributes.find((attribute) => attribute.localName === 'version' && !attribute.prefix);
  if (version) manifest.version = version.value;
  return manifest;
}

/** Reads one Attachment; the payload text comes from `payloadOf` (the streaming reader diverts it). */
export function readAttachmentMetadata(
  ctx: Findings,
  found: Located,
): Omit<Attachment, 'contentTransferEncoded'> & {
  payload: Located | undefined;
} {
  const children = container(ctx, found, spec.ATTACHMENT);
  const attachment: Omit<Attachment, 'contentTransferEncoded'> & { payload: Located | undefined } = {
    payload: children.one('ContentTransferEncoded'),
  };
  assign(attachment, 'contentId', children.text('ContentId'));
  assign(attachment, 'attachmentName', children.text('AttachmentName'));
  assign(attachment, 'description', children.text('Description'));
  assign(attachment, 'contentType', children.text('ContentType'));
  assign(attachment, 'fieldName', children.text('FieldName'));
  assign(attachment, 'mimeType', children.text('MimeType'));
  if (attachment.payload === undefined) {
    ctx.report(missingStructure, { element: 'ContentTransferEncoded', parent: 'Attachment' }, found.path);
  }
  return attachment;
}

/**
 * Where the text of an attachment's ContentTransferEncoded element is (the readers divert payloads away from
 * the tree), given that element and the attachment's 0-based position.
 */
export type PayloadTextOf = (element: ReadableElement, index: number) => string;

function readAttachments(ctx: Findings, found: Located | undefined, payloadText: PayloadTextOf): Attachment[] {
  if (found === undefined) return [];
  const list = container(ctx, found, spec.ATTACHMENT_ENCODED);
  return list.all('Attachment').map((attachment, index) => {
    const { payload, ...metadata } = readAttachmentMetadata(ctx, attachment);
    return { ...metadata, contentTransferEncoded: payload === undefined ? '' : payloadText(payload.element, index) };
  });
}

function readSignature(ctx: Findings, header: Children): SignatureSlot | undefined {
  const candidates = [...header.foreign, ...header.all('Signature'), ...header.all('DigitalSignature')];
  const found = candidates[0];
  if (found === undefined) return undefined;
  if (found.element.namespace !== XMLDSIG_NAMESPACE && found.element.localName === 'Signature') {
    ctx.report(
      signatureNonStandardNamespace,
      { element: found.element.localName, namespace: found.element.namespace ?? '(none)' },
      found.path,
    );
  }
  return readSignatureSlot(found.element);
}

/** The envelope parts both message kinds share. */
export interface EnvelopeParts {
  readonly root: Children;
  readonly header: Children;
  readonly messageHeader: Children;
  readonly body: Located | undefined;
  readonly kind: 'document' | 'status';
}

/**
 * Walks the root, envelope and header; undefined when the structure is too broken to say what the message is
 * (the reasons are in the context).
 */
export function readEnvelope(ctx: Findings, rootElement: ReadableElement): EnvelopeParts | undefined {
  if (rootElement.localName !== 'edXML' || namespaceOf(rootElement) !== EDXML_NAMESPACE) {
    ctx.locate('edXML', rootElement);
    ctx.report(
      notEdxmlRoot,
      { name: rootElement.name, namespace: rootElement.namespace ?? '(none)', expected: EDXML_NAMESPACE },
      'edXML',
    );
    return undefined;
  }
  ctx.locate('edXML', rootElement);
  const root = new Children(ctx, rootElement, 'edXML', spec.ROOT);
  const envelope = root.one('edXMLEnvelope');
  if (envelope === undefined) {
    ctx.report(missingStructure, { element: 'edXMLEnvelope', parent: 'edXML' }, 'edXML');
    return undefined;
  }
  ctx.locate('edXMLEnvelope', envelope.element);
  const envelopeChildren = new Children(ctx, envelope.element, 'edXMLEnvelope', spec.ENVELOPE);
  const headerFound = envelopeChildren.one('edXMLHeader');
  if (headerFound === undefined) {
    ctx.report(missingStructure, { element: 'edXMLHeader', parent: 'edXMLEnvelope' }, 'edXMLEnvelope');
    return undefined;
  }
  ctx.locate('edXMLHeader', headerFound.element);
  const header = new Children(ctx, headerFound.element, 'edXMLHeader', spec.HEADER);
  const messageHeaderFound = header.one('MessageHeader');
  if (messageHeaderFound === undefined) {
    ctx.report(missingStructure, { element: 'MessageHeader', parent: 'edXMLHeader' }, 'edXMLHeader');
    return undefined;
  }
  ctx.locate('MessageHeader', messageHeaderFound.element);
  const isStatus = messageHeaderFound.element.children.some(
    (child) => child.localName === 'StatusCode' && namespaceOf(child) === EDXML_NAMESPACE,
  );
  const isDocument = messageHeaderFound.element.children.some(
    (child) => (child.localName === 'To' || child.localName === 'DocumentId') && namespaceOf(child) === EDXML_NAMESPACE,
  );
  if (!isStatus && !isDocument) {
    ctx.report(messageKindUnknown, {}, 'MessageHeader');
    return undefined;
  }
  const kind = isStatus ? 'status' : 'document';
  const messageHeader = new Children(
    ctx,
    messageHeaderFound.element,
    'MessageHeader',
    kind === 'status' ? spec.STATUS_HEADER : spec.DOCUMENT_HEADER,
  );
  const body = envelopeChildren.one('edXMLBody');
  return { root, header, messageHeader, kind, body: body && { element: body.element, path: 'edXMLBody' } };
}

function readStatusHeader(ctx: Findings, header: Children): StatusHeader {
  const result: StatusHeader = { from: readFrom(ctx, header) };
  assign(result, 'responseFor', optional(ctx, header, 'ResponseFor', spec.RESPONSE_FOR, readResponseFor));
  assign(result, 'staffInfo', optional(ctx, header, 'StaffInfo', spec.STAFF_INFO, readStaffInfo));
  assign(result, 'statusCode', header.text('StatusCode'));
  assign(result, 'description', header.text('Description'));
  assign(result, 'timestamp', header.text('Timestamp'));
  return result;
}

/** The document parts outside the attachments: header, trace list, signature and manifest. */
export function readDocumentParts(ctx: Findings, parts: EnvelopeParts): Omit<DocumentMessage, 'attachments'> {
  const message: Omit<DocumentMessage, 'attachments'> = {
    kind: 'document',
    header: readDocumentHeader(ctx, parts.messageHeader),
  };
  const traceHeaderList = parts.header.one('TraceHeaderList');
  if (traceHeaderList !== undefined) {
    // Logical paths start at TraceHeaderList, like they start at MessageHeader.
    const located = { element: traceHeaderList.element, path: 'TraceHeaderList' };
    ctx.locate('TraceHeaderList', traceHeaderList.element);
    message.traceHeaderList = readTraceHeaderList(ctx, container(ctx, located, spec.TRACE_HEADER_LIST));
  }
  assign(message, 'signature', readSignature(ctx, parts.header));
  if (parts.body !== undefined) {
    const manifest = container(ctx, parts.body, spec.BODY).one('edXMLManifest');
    if (manifest !== undefined)
      message.manifest = readManifest(ctx, { element: manifest.element, path: 'edXMLManifest' });
  }
  return message;
}

export function readStatusParts(ctx: Findings, parts: EnvelopeParts): StatusMessage {
  const message: StatusMessage = { kind: 'status', header: readStatusHeader(ctx, parts.messageHeader) };
  assign(message, 'signature', readSignature(ctx, parts.header));
  return message;
}

/** Reads a whole message from an element tree. */
export function readMessage(
  ctx: Findings,
  rootElement: ReadableElement,
  payloadText: PayloadTextOf = (element) => element.text,
): EdxmlMessage | undefined {
  const parts = readEnvelope(ctx, rootElement);
  if (parts === undefined) return undefined;
  if (parts.kind === 'status') return readStatusParts(ctx, parts);
  const attachmentEncoded = parts.root.one('AttachmentEncoded');
  if (attachmentEncoded !== undefined) ctx.locate('AttachmentEncoded', attachmentEncoded.element);
  return {
    ...readDocumentParts(ctx, parts),
    attachments: readAttachments(
      ctx,
      attachmentEncoded && { element: attachmentEncoded.element, path: 'AttachmentEncoded' },
      payloadText,
    ),
  };
}
