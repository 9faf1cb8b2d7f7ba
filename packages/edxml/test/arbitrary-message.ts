import fc from 'fast-check';
import type { Attachment, Reference } from '../src/model/attachment';
import type { Business, DocumentHeader, TraceHeaderList } from '../src/model/document';
import type { DocumentMessage, EdxmlMessage, StatusMessage } from '../src/model/message';
import type { Organization, ResponseFor, StaffInfo } from '../src/model/organization';

/*
 * fast-check generators of edXML messages: every field present or absent, any text XML can carry (Vietnamese,
 * markup characters, surrounding whitespace, carriage returns), unknown code values, empty lists.
 */

const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g;
const vietnamese = fc.constantFrom(
  'Văn bản',
  'Ủy ban nhân dân',
  'Hỏa tốc',
  'ĐỀ NGHỊ',
  'Nguyễn Thị Ngọc Trâm',
  'ấ ầ ẩ ẫ ậ',
);
const markup = fc.constantFrom('<', '>', '&', '"', "'", ']]>', '&amp;', '<!--', '\r\n', '\t', '  ');

/** Any text XML 1.0 can carry. */
export const text: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), vietnamese, markup), { maxLength: 4 })
  .map((parts) => parts.join('').replace(XML_UNSAFE, ''));

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Keeps only the keys whose value is defined, as the reader does. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const organization: fc.Arbitrary<Organization> = fc
  .record({
    organId: text,
    organizationInCharge: optional(text),
    organName: optional(text),
    organAdd: optional(text),
    email: optional(text),
    telephone: optional(text),
    fax: optional(text),
    website: optional(text),
  })
  .map(defined);

const staffInfo: fc.Arbitrary<StaffInfo> = fc
  .record({
    department: optional(text),
    staff: optional(text),
    email: optional(text),
    mobile: optional(text),
    departmentId: optional(text),
    staffId: optional(text),
  })
  .map(defined);

const responseFor: fc.Arbitrary<ResponseFor> = fc
  .record({
    organId: optional(text),
    code: optional(text),
    promulgationDate: optional(text),
    documentId: optional(text),
  })
  .map(defined);

const code = fc.oneof(fc.constantFrom('0', '1', '2', '3', '4', '01', '13', '99'), text);

const documentHeader: fc.Arbitrary<DocumentHeader> = fc
  .record({
    from: organization,
    to: fc.array(organization, { minLength: 1, maxLength: 3 }),
    documentId: optional(text),
    code: optional(fc.record({ codeNumber: optional(text), codeNotation: optional(text) }).map(defined)),
    promulgationInfo: optional(fc.record({ place: optional(text), promulgationDate: optional(text) }).map(defined)),
    documentType: optional(
      fc.record({ type: optional(code), typeDetail: optional(code), typeName: optional(text) }).map(defined),
    ),
    subject: optional(text),
    content: optional(text),
    signerInfo: optional(
      fc.record({ competence: optional(text), position: optional(text), fullName: optional(text) }).map(defined),
    ),
    dueDate: optional(text),
    toPlaces: optional(fc.array(text, { maxLength: 3 })),
    otherInfo: optional(
      fc
        .record({
          priority: optional(code),
          sphereOfPromulgation: optional(text),
          typerNotation: optional(text),
          promulgationAmount: optional(code),
          pageAmount: optional(code),
          direction: optional(fc.constantFrom('true', 'false', 'maybe')),
          appendixes: optional(fc.array(text, { maxLength: 2 })),
        })
        .map(defined),
    ),
    responseFor: fc.array(responseFor, { maxLength: 2 }),
    steeringType: optional(code),
    responseForTask: optional(fc.array(text, { maxLength: 2 })),
    applicationType: optional(text),
  })
  .map(defined);

const business: fc.Arbitrary<Business> = fc
  .record({
    documentId: optional(text),
    businessDocType: optional(code),
    businessDocReason: optional(text),
    paper: optional(code),
    staffInfo: optional(staffInfo),
    businessDocumentInfo: optional(
      fc
        .record({
          documentInfo: optional(code),
          documentReceiver: optional(code),
          receiverList: optional(
            fc.array(fc.record({ organId: optional(text), receiverType: optional(code) }).map(defined), {
              maxLength: 2,
            }),
          ),
        })
        .map(defined),
    ),
    replacementInfoList: optional(
      fc.array(fc.record({ documentId: optional(text), organIdList: fc.array(text, { maxLength: 2 }) }).map(defined), {
        maxLength: 2,
      }),
    ),
  })
  .map(defined);

const traceHeaderList: fc.Arbitrary<TraceHeaderList> = fc
  .record({
    attributes: optional(
      fc.dictionary(fc.constantFrom('id', 'version', 'mustUnderstand', 'actor'), text, { minKeys: 1, maxKeys: 3 }),
    ),
    traceHeaders: fc.array(fc.record({ organId: optional(text), timestamp: optional(text) }).map(defined), {
      maxLength: 3,
    }),
    business: optional(business),
  })
  .map(defined);

const contentId = fc.oneof(
  fc.uuid().map((id) => `cid:${id}`),
  fc.uuid(),
  text,
);
const base64 = fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64'));

const reference: fc.Arbitrary<Reference> = fc
  .record({
    contentId: optional(contentId),
    contentType: optional(fc.constantFrom('application/pdf', 'application/zip', 'text/plain')),
    description: optional(text),
    attachmentName: optional(text),
    xlink: optional(
      fc.record({ href: optional(text), role: optional(text), type: optional(fc.constant('simple')) }).map(defined),
    ),
  })
  .map(defined)
  .map((value) =>
    value.xlink !== undefined && Object.keys(value.xlink).length === 0 ? { ...value, xlink: undefined } : value,
  )
  .map(defined);

const attachment: fc.Arbitrary<Attachment> = fc
  .record({
    contentId: optional(contentId),
    attachmentName: optional(text),
    description: optional(text),
    contentType: optional(fc.constantFrom('application/pdf', 'application/zip')),
    fieldName: optional(text),
    mimeType: optional(text),
    contentTransferEncoded: fc.oneof(base64, text),
  })
  .map(defined);

/** Signature slots as the reader produces them (XMLDSig namespace, edXML namespace, .NET's empty element). */
const signature = fc.constantFrom(
  {
    localName: 'Signature',
    namespace: 'http://www.w3.org/2000/09/xmldsig#',
    xml: '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo><Reference URI=""><DigestValue>AAAA</DigestValue></Reference></SignedInfo><SignatureValue>QUJD</SignatureValue></Signature>',
  },
  {
    localName: 'Signature',
    namespace: 'http://www.mic.gov.vn/TBT/QCVN_102_2016',
    xml: '<Signature xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><SignatureValue>QUJD</SignatureValue></Signature>',
  },
  {
    localName: 'DigitalSignature',
    namespace: 'http://www.mic.gov.vn/TBT/QCVN_102_2016',
    xml: '<edXML:DigitalSignature xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>',
  },
);

export const arbitraryDocument: fc.Arbitrary<DocumentMessage> = fc
  .record({
    kind: fc.constant('document' as const),
    header: documentHeader,
    traceHeaderList: optional(traceHeaderList),
    signature: optional(signature),
    manifest: optional(
      fc
        .record({ version: optional(fc.constant('1.0')), references: fc.array(reference, { maxLength: 3 }) })
        .map(defined),
    ),
    attachments: fc.array(attachment, { maxLength: 3 }),
  })
  .map(defined);

export const arbitraryStatus: fc.Arbitrary<StatusMessage> = fc
  .record({
    kind: fc.constant('status' as const),
    header: fc
      .record({
        from: organization,
        responseFor: optional(responseFor),
        staffInfo: optional(staffInfo),
        statusCode: fc.oneof(fc.constantFrom('01', '02', '03', '04', '05', '06', '13', '15', '16', '07'), text),
        description: optional(text),
        timestamp: optional(text),
      })
      .map(defined),
    signature: optional(signature),
  })
  .map(defined);

export const arbitraryMessage: fc.Arbitrary<EdxmlMessage> = fc.oneof(arbitraryDocument, arbitraryStatus);
