import { encodeBase64 } from '../attachment/base64';
import { expectedKindOf } from '../attachment/content-kind';
import { zipSingleFile } from '../attachment/zip-writer';
import { EdxmlError } from '../errors';
import type { Attachment, Reference } from '../model/attachment';
import type { KnownBusinessDocType } from '../model/codes';
import type {
  Business,
  BusinessDocumentInfo,
  DocumentHeader,
  DocumentType,
  OtherInfo,
  ReplacementInfo,
  SignerInfo,
} from '../model/document';
import type { DocumentMessage } from '../model/message';
import type { Organization, ResponseFor, StaffInfo } from '../model/organization';
import { formatEdxmlDate, formatEdxmlTimestamp, type LocalDate } from '../time';
import { formatDocumentId } from '../validate/document-id';
import { newContentId } from './ids';

/** A file to attach. */
export interface AttachmentInput {
  /** The original file name, e.g. `12-UBND-TH.signed.pdf`. Vietnamese and spaces are fine. */
  readonly name: string;
  readonly data: Uint8Array;
  /** MIME type of the file; guessed from the name's extension when absent. */
  readonly contentType?: string;
  readonly description?: string;
  /** ContentId to use; a fresh `cid:<uuid>` by default. */
  readonly contentId?: string;
}

/** What a document packet does (BussinessDocType). */
export type BusinessOperation = 'new' | 'revocation' | 'update' | 'replacement';

const OPERATION_CODES: Record<BusinessOperation, KnownBusinessDocType> = {
  new: '0',
  revocation: '1',
  update: '2',
  replacement: '3',
};

const OPERATION_REASONS: Record<BusinessOperation, string> = {
  new: 'Văn bản điện tử mới',
  revocation: 'Thu hồi văn bản',
  update: 'Cập nhật văn bản điện tử',
  replacement: 'Văn bản thay thế',
};

export interface CreateDocumentInput {
  readonly from: Organization;
  /** One entry per recipient (at least one). */
  readonly to: readonly Organization[];
  readonly code: { readonly codeNumber: string; readonly codeNotation: string };
  readonly promulgation: {
    readonly place?: string;
    /** `yyyy/MM/dd` text, a local date, or an instant (converted to its Vietnam date). */
    readonly date: string | LocalDate | Date;
  };
  readonly subject: string;
  readonly content?: string;
  readonly documentType?: DocumentType;
  readonly signerInfo?: SignerInfo;
  readonly dueDate?: string | LocalDate | Date;
  readonly toPlaces?: readonly string[];
  readonly otherInfo?: OtherInfo;
  readonly responseFor?: readonly ResponseFor[];
  readonly steeringType?: string;
  readonly business?: {
    readonly operation?: BusinessOperation;
    /** The document revoked, updated or replaced (required for those operations). */
    readonly documentId?: string;
    readonly reason?: string;
    readonly paper?: '0' | '1';
    readonly staffInfo?: StaffInfo;
    readonly documentInfo?: BusinessDocumentInfo;
    readonly replacementInfoList?: readonly ReplacementInfo[];
  };
  readonly attachments?: readonly AttachmentInput[];
  /** The DocumentId; computed by convention (`{From},{date},{number}/{notation}`) when absent. */
  readonly documentId?: string;
  /** When the sender's TraceHeader is stamped; now by default. Written in Vietnam local time. */
  readonly sentAt?: Date;
  /**
   * Zip every file that is not PDF, DOC, DOCX, XLS(X) or ZIP into a one-entry ZIP, as the VNPT SDK does
   * (`Attachment/ContentType` becomes `application/zip`; the manifest keeps the original type). Default false.
   */
  readonly zipLikeVnpt?: boolean;
}

const EXTENSION_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  txt: 'text/plain',
  xml: 'application/xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  odt: 'application/vnd.oasis.opendocument.text',
  rar: 'application/vnd.rar',
};

/** Extensions the VNPT SDK sends as they are; it zips everything else. */
const SENT_RAW_BY_VNPT = new Set(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'zip']);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The MIME type of a file name, `application/octet-stream` when unknown. */
export function contentTypeOfName(name: string): string {
  return EXTENSION_TYPES[extensionOf(name)] ?? 'application/octet-stream';
}

function toEdxmlDate(value: string | LocalDate | Date): string {
  return typeof value === 'string' ? value : formatEdxmlDate(value);
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** What describes a file in the manifest and in its Attachment, before its bytes are known. */
export interface AttachmentDescription {
  readonly reference: Reference;
  readonly attachment: Omit<Attachment, 'contentTransferEncoded'>;
}

/**
 * Describes a file whose bytes will be streamed (`writeEdxmlStream`): a fresh ContentId, the MIME type from the
 * name when not given, and the manifest Reference to add to the message. No ZIP wrapping: the bytes are sent as
 * they come.
 */
export function describeAttachment(input: Omit<AttachmentInput, 'data'>): AttachmentDescription {
  const contentId = input.contentId ?? newContentId();
  const contentType = input.contentType ?? contentTypeOfName(input.name);
  const reference: Reference = { contentId, contentType };
  assign(reference, 'description', input.description);
  reference.attachmentName = input.name;
  const attachment: Omit<Attachment, 'contentTransferEncoded'> = { contentId, attachmentName: input.name };
  assign(attachment, 'description', input.description);
  attachment.contentType = contentType;
  return { reference, attachment };
}

/** Builds the manifest Reference and the encoded Attachment of one file. */
export function encodeAttachment(
  input: AttachmentInput,
  options: { zipLikeVnpt: boolean },
): {
  reference: Reference;
  attachment: Attachment;
} {
  const described = describeAttachment(input);
  const extension = extensionOf(input.name);
  const contentType = described.reference.contentType;
  const zip = options.zipLikeVnpt && !SENT_RAW_BY_VNPT.has(extension) && expectedKindOf(contentType) !== 'zip';
  const contentId = described.reference.contentId ?? '';
  const payload = zip
    ? zipSingleFile(`${contentId.replace(/^cid:/, '')}${extension ? `.${extension}` : ''}`, input.data)
    : input.data;
  const attachment: Attachment = {
    ...described.attachment,
    ...(zip ? { contentType: 'application/zip' } : {}),
    contentTransferEncoded: encodeBase64(payload),
  };
  const reference = described.reference;
  return { reference, attachment };
}

/**
 * Builds a document packet: the DocumentId computed by convention, the sender's TraceHeader stamped in Vietnam
 * local time, every attachment base64-encoded with a fresh ContentId, and the manifest kept consistent with
 * the attachments. Run `validateMessage` on the result to check it against every rule.
 *
 * @example
 * const message = createDocument({
 *   from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
 *   to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
 *   code: { codeNumber: '12', codeNotation: 'UBND-TH' },
 *   promulgation: { place: 'Nghệ An', date: '2025/01/15' },
 *   subject: 'V/v báo cáo tình hình triển khai',
 *   attachments: [{ name: '12-UBND-TH.pdf', data: pdfBytes }],
 * });
 */
export function createDocument(input: CreateDocumentInput): DocumentMessage {
  if (input.to.length === 0)
    throw new EdxmlError('INVALID_ARGUMENT', 'createDocument needs at least one recipient in `to`');
  const operation = input.business?.operation ?? 'new';
  if (operation !== 'new' && !input.business?.documentId) {
    throw new EdxmlError('INVALID_ARGUMENT', `a ${operation} needs business.documentId: the document it acts on`);
  }
  const promulgationDate = toEdxmlDate(input.promulgation.date);
  const header: DocumentHeader = {
    from: { ...input.from },
    to: input.to.map((organization) => ({ ...organization })),
    documentId:
      input.documentId ??
      formatDocumentId({
        organId: input.from.organId,
        date: promulgationDate,
        codeNumber: input.code.codeNumber,
        codeNotation: input.code.codeNotation,
      }),
    code: { codeNumber: input.code.codeNumber, codeNotation: input.code.codeNotation },
    promulgationInfo: {
      ...(input.promulgation.place === undefined ? {} : { place: input.promulgation.place }),
      promulgationDate,
    },
    responseFor: (input.responseFor ?? []).map((responseFor) => ({ ...responseFor })),
  };
  assign(header, 'documentType', input.documentType && { ...input.documentType });
  header.subject = input.subject;
  assign(header, 'content', input.content);
  assign(header, 'signerInfo', input.signerInfo && { ...input.signerInfo });
  assign(header, 'dueDate', input.dueDate === undefined ? undefined : toEdxmlDate(input.dueDate));
  assign(header, 'otherInfo', input.otherInfo && { ...input.otherInfo });
  assign(header, 'steeringType', input.steeringType);
  assign(header, 'toPlaces', input.toPlaces && [...input.toPlaces]);

  const business: Business = {};
  assign(business, 'documentId', input.business?.documentId);
  business.businessDocType = OPERATION_CODES[operation];
  business.businessDocReason = input.business?.reason ?? OPERATION_REASONS[operation];
  business.paper = input.business?.paper ?? '0';
  assign(business, 'businessDocumentInfo', input.business?.documentInfo);
  assign(
    business,
    'replacementInfoList',
    input.business?.replacementInfoList && [...input.business.replacementInfoList],
  );
  assign(business, 'staffInfo', input.business?.staffInfo && { ...input.business.staffInfo });

  const encoded = (input.attachments ?? []).map((attachment) =>
    encodeAttachment(attachment, { zipLikeVnpt: input.zipLikeVnpt ?? false }),
  );
  return {
    kind: 'document',
    header,
    traceHeaderList: {
      traceHeaders: [{ organId: input.from.organId, timestamp: formatEdxmlTimestamp(input.sentAt ?? new Date()) }],
      business,
    },
    manifest: { version: '1.0', references: encoded.map((item) => item.reference) },
    attachments: encoded.map((item) => item.attachment),
  };
}
