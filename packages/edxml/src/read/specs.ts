import { XMLDSIG_NAMESPACE } from '../model/namespaces';
import type { ContainerSpec } from './children';

/*
 * Which children each edXML container allows, in the order the VNPT/VPCP SDKs and the axis write them
 * (observed in every corpus file). The reader accepts any order and reports a difference as a quirk;
 * the serializer writes this order.
 */

const set = (...names: string[]) => new Set(names);

export const ROOT: ContainerSpec = { order: ['edXMLEnvelope', 'AttachmentEncoded'] };
export const ENVELOPE: ContainerSpec = { order: ['edXMLHeader', 'edXMLBody'] };
export const HEADER: ContainerSpec = {
  order: ['MessageHeader', 'TraceHeaderList', 'Signature', 'DigitalSignature'],
  acceptForeign: (element) => element.localName === 'Signature' && element.namespace === XMLDSIG_NAMESPACE,
};
export const DOCUMENT_HEADER: ContainerSpec = {
  order: [
    'From',
    'To',
    'DocumentId',
    'Code',
    'PromulgationInfo',
    'DocumentType',
    'Subject',
    'Content',
    'SignerInfo',
    'DueDate',
    'OtherInfo',
    'ResponseFor',
    'SteeringType',
    'ToPlaces',
    'ResponseForTask',
    'ApplicationType',
  ],
  repeatable: set('To', 'ResponseFor'),
};
/** The SDK samples write From, ResponseFor, StaffInfo, StatusCode…; the VNPT jar From, StatusCode, …, ResponseFor. */
export const STATUS_HEADER: ContainerSpec = {
  order: ['From', ['ResponseFor', 'StaffInfo', 'StatusCode', 'Description', 'Timestamp']],
};
/** Document packets put OrganizationInCharge first, status packets OrganName. */
export const ORGANIZATION: ContainerSpec = {
  order: ['OrganId', ['OrganizationInCharge', 'OrganName'], 'OrganAdd', 'Email', 'Telephone', 'Fax', 'Website'],
};
/** Document packets write Email then Mobile, status packets Mobile then Email. */
export const STAFF_INFO: ContainerSpec = {
  order: ['Department', 'Staff', ['Email', 'Mobile'], 'DepartmentId', 'StaffId'],
};
export const RESPONSE_FOR: ContainerSpec = { order: ['OrganId', 'Code', 'PromulgationDate', 'DocumentId'] };
export const CODE: ContainerSpec = { order: ['CodeNumber', 'CodeNotation'] };
export const PROMULGATION_INFO: ContainerSpec = { order: ['Place', 'PromulgationDate'] };
export const DOCUMENT_TYPE: ContainerSpec = { order: ['Type', 'TypeDetail', 'TypeName'] };
export const SIGNER_INFO: ContainerSpec = { order: ['Competence', 'Position', 'FullName'] };
export const TO_PLACES: ContainerSpec = { order: ['Place'], repeatable: set('Place') };
export const OTHER_INFO: ContainerSpec = {
  order: [
    'Priority',
    'SphereOfPromulgation',
    'TyperNotation',
    'PromulgationAmount',
    'PageAmount',
    'Direction',
    'Appendixes',
  ],
};
export const APPENDIXES: ContainerSpec = { order: ['Appendix'], repeatable: set('Appendix') };
export const RESPONSE_FOR_TASK: ContainerSpec = { order: ['TaskCode'], repeatable: set('TaskCode') };
export const TRACE_HEADER_LIST: ContainerSpec = {
  order: ['TraceHeader', 'Bussiness'],
  repeatable: set('TraceHeader'),
};
export const TRACE_HEADER: ContainerSpec = { order: ['OrganId', 'Timestamp'] };
export const BUSINESS: ContainerSpec = {
  order: [
    'DocumentId',
    'BussinessDocType',
    'BussinessDocReason',
    'Paper',
    'BussinessDocumentInfo',
    'ReplacementInfoList',
    'StaffInfo',
  ],
};
export const BUSINESS_DOCUMENT_INFO: ContainerSpec = { order: ['DocumentInfo', 'DocumentReceiver', 'ReceiverList'] };
export const RECEIVER_LIST: ContainerSpec = { order: ['Receiver'], repeatable: set('Receiver') };
export const RECEIVER: ContainerSpec = { order: ['OrganId', 'ReceiverType'] };
export const REPLACEMENT_INFO_LIST: ContainerSpec = { order: ['ReplacementInfo'], repeatable: set('ReplacementInfo') };
export const REPLACEMENT_INFO: ContainerSpec = { order: ['DocumentId', 'OrganIdList'] };
export const ORGAN_ID_LIST: ContainerSpec = { order: ['OrganId'], repeatable: set('OrganId') };
export const BODY: ContainerSpec = { order: ['edXMLManifest'] };
export const MANIFEST: ContainerSpec = { order: ['Reference'], repeatable: set('Reference') };
export const REFERENCE: ContainerSpec = { order: ['ContentId', 'ContentType', 'Description', 'AttachmentName'] };
export const ATTACHMENT_ENCODED: ContainerSpec = { order: ['Attachment'], repeatable: set('Attachment') };
export const ATTACHMENT: ContainerSpec = {
  order: [
    'ContentId',
    'AttachmentName',
    'Description',
    'ContentType',
    'FieldName',
    'MimeType',
    'ContentTransferEncoded',
  ],
};
