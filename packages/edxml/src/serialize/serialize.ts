import type { Attachment, Manifest, Reference } from '../model/attachment';
import type { Business, DocumentHeader, TraceHeaderList } from '../model/document';
import type { EdxmlMessage, SignatureSlot, StatusHeader } from '../model/message';
import { EDXML_NAMESPACE, XLINK_NAMESPACE } from '../model/namespaces';
import type { Organization, ResponseFor, StaffInfo } from '../model/organization';
import { escapeAttribute, escapeText } from './escape';

/** Receives the output piece by piece; the in-memory serializer joins the pieces, the streaming writer sends them. */
export type Emit = (piece: string) => void;

const P = 'edXML:';
const pad = (depth: number) => '  '.repeat(depth);

/** Writes elements the way the VNPT/VPCP SDKs do: two-space indentation, one element per line. */
class EnvelopeWriter {
  constructor(private readonly emit: Emit) {}

  leaf(depth: number, name: string, value: string | undefined): void {
    if (value === undefined) return;
    this.emit(`${pad(depth)}<${name}>${escapeText(value, name)}</${name}>\n`);
  }

  open(depth: number, name: string, attributes = ''): void {
    this.emit(`${pad(depth)}<${name}${attributes}>\n`);
  }

  close(depth: number, name: string): void {
    this.emit(`${pad(depth)}</${name}>\n`);
  }

  /** A container whose children are written by `body`; an empty list is written as an empty element. */
  group(depth: number, name: string, body: () => void, attributes = ''): void {
    this.open(depth, name, attributes);
    body();
    this.close(depth, name);
  }

  raw(depth: number, xml: string): void {
    this.emit(`${pad(depth)}${xml}\n`);
  }
}

function writeOrganization(w: EnvelopeWriter, depth: number, name: string, organization: Organization): void {
  w.group(depth, `${P}${name}`, () => {
    const d = depth + 1;
    w.leaf(d, `${P}OrganId`, organization.organId);
    w.leaf(d, `${P}OrganizationInCharge`, organization.organizationInCharge);
    w.leaf(d, `${P}OrganName`, organization.organName);
    w.leaf(d, `${P}OrganAdd`, organization.organAdd);
    w.leaf(d, `${P}Email`, organization.email);
    w.leaf(d, `${P}Telephone`, organization.telephone);
    w.leaf(d, `${P}Fax`, organization.fax);
    w.leaf(d, `${P}Website`, organization.website);
  });
}

function writeStaffInfo(w: EnvelopeWriter, depth: number, staff: StaffInfo | undefined): void {
  if (staff === undefined) return;
  w.group(depth, `${P}StaffInfo`, () => {
    const d = depth + 1;
    w.leaf(d, `${P}Department`, staff.department);
    w.leaf(d, `${P}Staff`, staff.staff);
    w.leaf(d, `${P}Email`, staff.email);
    w.leaf(d, `${P}Mobile`, staff.mobile);
    w.leaf(d, `${P}DepartmentId`, staff.departmentId);
    w.leaf(d, `${P}StaffId`, staff.staffId);
  });
}

function writeResponseFor(w: EnvelopeWriter, depth: number, responseFor: ResponseFor): void {
  w.group(depth, `${P}ResponseFor`, () => {
    const d = depth + 1;
    w.leaf(d, `${P}OrganId`, responseFor.organId);
    w.leaf(d, `${P}Code`, responseFor.code);
    w.leaf(d, `${P}PromulgationDate`, responseFor.promulgationDate);
    w.leaf(d, `${P}DocumentId`, responseFor.documentId);
  });
}

function writeList(
  w: EnvelopeWriter,
  depth: number,
  name: string,
  item: string,
  values: readonly string[] | undefined,
): void {
  if (values === undefined) return;
  w.group(depth, `${P}${name}`, () => {
    for (const value of values) w.leaf(depth + 1, `${P}${item}`, value);
  });
}

function writeDocumentHeader(w: EnvelopeWriter, depth: number, header: DocumentHeader): void {
  w.group(depth, `${P}MessageHeader`, () => {
    const d = depth + 1;
    writeOrganization(w, d, 'From', header.from);
    for (const to of header.to) writeOrganization(w, d, 'To', to);
    w.leaf(d, `${P}DocumentId`, header.documentId);
    if (header.code) {
      const code = header.code;
      w.group(d, `${P}Code`, () => {
        w.leaf(d + 1, `${P}CodeNumber`, code.codeNumber);
        w.leaf(d + 1, `${P}CodeNotation`, code.codeNotation);
      });
    }
    if (header.promulgationInfo) {
      const info = header.promulgationInfo;
      w.group(d, `${P}PromulgationInfo`, () => {
        w.leaf(d + 1, `${P}Place`, info.place);
        w.leaf(d + 1, `${P}PromulgationDate`, info.promulgationDate);
      });
    }
    if (header.documentType) {
      const type = header.documentType;
      w.group(d, `${P}DocumentType`, () => {
        w.leaf(d + 1, `${P}Type`, type.type);
        w.leaf(d + 1, `${P}TypeDetail`, type.typeDetail);
        w.leaf(d + 1, `${P}TypeName`, type.typeName);
      });
    }
    w.leaf(d, `${P}Subject`, header.subject);
    w.leaf(d, `${P}Content`, header.content);
    if (header.signerInfo) {
      const signer = header.signerInfo;
      w.group(d, `${P}SignerInfo`, () => {
        w.leaf(d + 1, `${P}Competence`, signer.competence);
        w.leaf(d + 1, `${P}Position`, signer.position);
        w.leaf(d + 1, `${P}FullName`, signer.fullName);
      });
    }
    w.leaf(d, `${P}DueDate`, header.dueDate);
    if (header.otherInfo) {
      const other = header.otherInfo;
      w.group(d, `${P}OtherInfo`, () => {
        w.leaf(d + 1, `${P}Priority`, other.priority);
        w.leaf(d + 1, `${P}SphereOfPromulgation`, other.sphereOfPromulgation);
        w.leaf(d + 1, `${P}TyperNotation`, other.typerNotation);
        w.leaf(d + 1, `${P}PromulgationAmount`, other.promulgationAmount);
        w.leaf(d + 1, `${P}PageAmount`, other.pageAmount);
        w.leaf(d + 1, `${P}Direction`, other.direction);
        writeList(w, d + 1, 'Appendixes', 'Appendix', other.appendixes);
      });
    }
    for (const responseFor of header.responseFor) writeResponseFor(w, d, responseFor);
    w.leaf(d, `${P}SteeringType`, header.steeringType);
    writeList(w, d, 'ToPlaces', 'Place', header.toPlaces);
    writeList(w, d, 'ResponseForTask', 'TaskCode', header.responseForTask);
    w.leaf(d, `${P}ApplicationType`, header.applicationType);
  });
}

function writeBusiness(w: EnvelopeWriter, depth: number, business: Business): void {
  w.group(depth, `${P}Bussiness`, () => {
    const d = depth + 1;
    w.leaf(d, `${P}DocumentId`, business.documentId);
    w.leaf(d, `${P}BussinessDocType`, business.businessDocType);
    w.leaf(d, `${P}BussinessDocReason`, business.businessDocReason);
    w.leaf(d, `${P}Paper`, business.paper);
    const info = business.businessDocumentInfo;
    if (info) {
      w.group(d, `${P}BussinessDocumentInfo`, () => {
        w.leaf(d + 1, `${P}DocumentInfo`, info.documentInfo);
        w.leaf(d + 1, `${P}DocumentReceiver`, info.documentReceiver);
        if (info.receiverList) {
          const receivers = info.receiverList;
          w.group(d + 1, `${P}ReceiverList`, () => {
            for (const receiver of receivers) {
              w.group(d + 2, `${P}Receiver`, () => {
                w.leaf(d + 3, `${P}OrganId`, receiver.organId);
                w.leaf(d + 3, `${P}ReceiverType`, receiver.receiverType);
              });
            }
          });
        }
      });
    }
    if (business.replacementInfoList) {
      const list = business.replacementInfoList;
      w.group(d, `${P}ReplacementInfoList`, () => {
        for (const info of list) {
          w.group(d + 1, `${P}ReplacementInfo`, () => {
            w.leaf(d + 2, `${P}DocumentId`, info.documentId);
            writeList(w, d + 2, 'OrganIdList', 'OrganId', info.organIdList);
          });
        }
      });
    }
    writeStaffInfo(w, d, business.staffInfo);
  });
}

function writeTraceHeaderList(w: EnvelopeWriter, depth: number, list: TraceHeaderList): void {
  const attributes = Object.entries(list.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeAttribute(value, `TraceHeaderList/@${name}`)}"`)
    .join('');
  w.group(
    depth,
    `${P}TraceHeaderList`,
    () => {
      for (const trace of list.traceHeaders) {
        w.group(depth + 1, `${P}TraceHeader`, () => {
          w.leaf(depth + 2, `${P}OrganId`, trace.organId);
          w.leaf(depth + 2, `${P}Timestamp`, trace.timestamp);
        });
      }
      if (list.business) writeBusiness(w, depth + 1, list.business);
    },
    attributes,
  );
}

function writeSignature(w: EnvelopeWriter, depth: number, signature: SignatureSlot | undefined): void {
  if (signature !== undefined) w.raw(depth, signature.xml);
}

function writeReference(w: EnvelopeWriter, depth: number, reference: Reference): void {
  const xlink = reference.xlink;
  const attributes = xlink
    ? ` xmlns:xlink="${XLINK_NAMESPACE}"${(['href', 'role', 'type'] as const)
        .filter((name) => xlink[name] !== undefined)
        .map((name) => ` xlink:${name}="${escapeAttribute(xlink[name] as string, `Reference/@xlink:${name}`)}"`)
        .join('')}`
    : '';
  w.group(
    depth,
    `${P}Reference`,
    () => {
      w.leaf(depth + 1, `${P}ContentId`, reference.contentId);
      w.leaf(depth + 1, `${P}ContentType`, reference.contentType);
      w.leaf(depth + 1, `${P}Description`, reference.description);
      w.leaf(depth + 1, `${P}AttachmentName`, reference.attachmentName);
    },
    attributes,
  );
}

function writeManifest(w: EnvelopeWriter, depth: number, manifest: Manifest | undefined): void {
  if (manifest === undefined) return;
  w.group(depth, `${P}edXMLBody`, () => {
    const version =
      manifest.version === undefined ? '' : ` version="${escapeAttribute(manifest.version, 'edXMLManifest/@version')}"`;
    w.group(
      depth + 1,
      `${P}edXMLManifest`,
      () => {
        for (const reference of manifest.references) writeReference(w, depth + 2, reference);
      },
      version,
    );
  });
}

/** How an attachment's payload is written: inline text, or pieces from a stream. */
export type PayloadWriter = (attachment: Omit<Attachment, 'contentTransferEncoded'>, index: number, emit: Emit) => void;

const inlinePayload =
  (attachments: readonly Attachment[]): PayloadWriter =>
  (_attachment, index, emit) => {
    emit(escapeText((attachments[index] as Attachment).contentTransferEncoded, 'ContentTransferEncoded'));
  };

/** Writes the opening of an Attachment up to its payload; the caller then writes the payload and {@link ATTACHMENT_CLOSE}. */
export function attachmentOpening(attachment: Omit<Attachment, 'contentTransferEncoded'>): string {
  const pieces: string[] = [];
  const w = new EnvelopeWriter((piece) => pieces.push(piece));
  w.open(2, 'Attachment');
  w.leaf(3, 'ContentId', attachment.contentId);
  w.leaf(3, 'AttachmentName', attachment.attachmentName);
  w.leaf(3, 'Description', attachment.description);
  w.leaf(3, 'ContentType', attachment.contentType);
  w.leaf(3, 'FieldName', attachment.fieldName);
  w.leaf(3, 'MimeType', attachment.mimeType);
  pieces.push(`${pad(3)}<${P}ContentTransferEncoded xmlns:edXML="${EDXML_NAMESPACE}">`);
  return pieces.join('');
}

export const ATTACHMENT_CLOSE = `</${P}ContentTransferEncoded>\n${pad(2)}</Attachment>\n`;
export const ATTACHMENTS_OPEN = `${pad(1)}<AttachmentEncoded>\n`;
export const ATTACHMENTS_CLOSE = `${pad(1)}</AttachmentEncoded>\n`;
export const ROOT_CLOSE = '</edXML>\n';

/** Writes everything up to the attachments: declaration, root, envelope. */
export function writeEnvelope(emit: Emit, message: EdxmlMessage): void {
  const w = new EnvelopeWriter(emit);
  emit(`<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="${EDXML_NAMESPACE}">\n`);
  w.group(
    1,
    `${P}edXMLEnvelope`,
    () => {
      w.group(2, `${P}edXMLHeader`, () => {
        if (message.kind === 'status') writeStatusHeader(w, 3, message.header);
        else {
          writeDocumentHeader(w, 3, message.header);
          if (message.traceHeaderList) writeTraceHeaderList(w, 3, message.traceHeaderList);
        }
        writeSignature(w, 3, message.signature);
      });
      if (message.kind === 'document') writeManifest(w, 2, message.manifest);
    },
    ` xmlns:edXML="${EDXML_NAMESPACE}"`,
  );
}

function writeStatusHeader(w: EnvelopeWriter, depth: number, header: StatusHeader): void {
  w.group(depth, `${P}MessageHeader`, () => {
    const d = depth + 1;
    writeOrganization(w, d, 'From', header.from);
    if (header.responseFor) writeResponseFor(w, d, header.responseFor);
    writeStaffInfo(w, d, header.staffInfo);
    w.leaf(d, `${P}StatusCode`, header.statusCode);
    w.leaf(d, `${P}Description`, header.description);
    w.leaf(d, `${P}Timestamp`, header.timestamp);
  });
}

/** Writes a whole message; payloads come from `payload`. */
export function writeMessage(
  emit: Emit,
  message: EdxmlMessage,
  attachments: readonly Omit<Attachment, 'contentTransferEncoded'>[],
  payload: PayloadWriter,
): void {
  writeEnvelope(emit, message);
  if (message.kind === 'document' && attachments.length > 0) {
    emit(ATTACHMENTS_OPEN);
    attachments.forEach((attachment, index) => {
      emit(attachmentOpening(attachment));
      payload(attachment, index, emit);
      emit(ATTACHMENT_CLOSE);
    });
    emit(ATTACHMENTS_CLOSE);
  }
  emit(ROOT_CLOSE);
}

/**
 * Writes a message as edXML text the way the VNPT/VPCP SDKs do: root `edXML` in the default namespace,
 * `edXML:`-prefixed envelope, `AttachmentEncoded` beside the envelope. Deterministic: the same message always
 * gives the same text. Encode it as UTF-8 without BOM (`serializeEdxmlToBytes`).
 *
 * Throws `EdxmlError('UNSERIALIZABLE_CHARACTER')` for a value XML cannot carry (a C0 control character).
 */
export function serializeEdxml(message: EdxmlMessage): string {
  const pieces: string[] = [];
  const attachments = message.kind === 'document' ? message.attachments : [];
  writeMessage(
    (piece) => pieces.push(piece),
    message,
    attachments.map(({ contentTransferEncoded: _payload, ...metadata }) => metadata),
    inlinePayload(attachments),
  );
  return pieces.join('');
}

/** {@link serializeEdxml} as UTF-8 bytes without BOM. */
export function serializeEdxmlToBytes(message: EdxmlMessage): Uint8Array {
  return new TextEncoder().encode(serializeEdxml(message));
}
