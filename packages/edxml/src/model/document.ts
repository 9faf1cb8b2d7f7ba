import { z } from 'zod';
import { BusinessDocTypeSchema, PrioritySchema, SteeringTypeSchema } from './codes';
import { OrganizationSchema, ResponseForSchema, StaffInfoSchema } from './organization';

/*
 * The document message of QCVN 102:2016. Field names are the element names in camelCase; values are kept
 * as written (dates as `yyyy/MM/dd` text, numbers as text) so that whatever real traffic carries round-trips
 * unchanged. Whether a value is acceptable is the validator's call, not the reader's.
 */

/** §1.3 Code: số và ký hiệu văn bản. */
export const CodeSchema = z.object({
  codeNumber: z.string().optional(),
  codeNotation: z.string().optional(),
});
export type Code = z.infer<typeof CodeSchema>;

/** §1.4 PromulgationInfo. */
export const PromulgationInfoSchema = z.object({
  place: z.string().optional(),
  /** `yyyy/MM/dd`, Vietnam local date. */
  promulgationDate: z.string().optional(),
});
export type PromulgationInfo = z.infer<typeof PromulgationInfoSchema>;

/** §1.5 DocumentType. `type` numbering differs between senders; show `typeName`. */
export const DocumentTypeSchema = z.object({
  type: z.string().optional(),
  typeDetail: z.string().optional(),
  typeName: z.string().optional(),
});
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

/** §1.8 SignerInfo. */
export const SignerInfoSchema = z.object({
  competence: z.string().optional(),
  position: z.string().optional(),
  fullName: z.string().optional(),
});
export type SignerInfo = z.infer<typeof SignerInfoSchema>;

/** §1.11 OtherInfo. */
export const OtherInfoSchema = z.object({
  priority: PrioritySchema.optional(),
  sphereOfPromulgation: z.string().optional(),
  typerNotation: z.string().optional(),
  promulgationAmount: z.string().optional(),
  pageAmount: z.string().optional(),
  /** `true`/`false`; its meaning is not documented anywhere. */
  direction: z.string().optional(),
  /** §1.11.6 Appendixes/Appendix. `undefined` when the element is absent, `[]` when it is empty. */
  appendixes: z.array(z.string()).optional(),
});
export type OtherInfo = z.infer<typeof OtherInfoSchema>;

/** The MessageHeader of a document message (§1.1–1.14 plus VNPT extensions). */
export const DocumentHeaderSchema = z.object({
  from: OrganizationSchema,
  to: z.array(OrganizationSchema),
  documentId: z.string().optional(),
  code: CodeSchema.optional(),
  promulgationInfo: PromulgationInfoSchema.optional(),
  documentType: DocumentTypeSchema.optional(),
  subject: z.string().optional(),
  content: z.string().optional(),
  signerInfo: SignerInfoSchema.optional(),
  dueDate: z.string().optional(),
  /** §1.10 ToPlaces/Place: the "Nơi nhận" list printed on paper, not routing. */
  toPlaces: z.array(z.string()).optional(),
  otherInfo: OtherInfoSchema.optional(),
  responseFor: z.array(ResponseForSchema),
  steeringType: SteeringTypeSchema.optional(),
  /** VNPT extension: ResponseForTask/TaskCode. */
  responseForTask: z.array(z.string()).optional(),
  /** VNPT extension. */
  applicationType: z.string().optional(),
});
export type DocumentHeader = z.infer<typeof DocumentHeaderSchema>;

/** §2.1 TraceHeader: one node that handled the message. The axis appends its own. */
export const TraceHeaderSchema = z.object({
  organId: z.string().optional(),
  /** `yyyy/MM/dd HH:mm:ss`, Vietnam local time. */
  timestamp: z.string().optional(),
});
export type TraceHeader = z.infer<typeof TraceHeaderSchema>;

/** §2.2.3 BussinessDocumentInfo/ReceiverList/Receiver (update messages). */
export const ReceiverSchema = z.object({
  organId: z.string().optional(),
  /** 0 = recipient removed, 1 = recipient added. */
  receiverType: z.string().optional(),
});
export type Receiver = z.infer<typeof ReceiverSchema>;

/** §2.2.3 BussinessDocumentInfo: which parts of a document an update changes. */
export const BusinessDocumentInfoSchema = z.object({
  documentInfo: z.string().optional(),
  documentReceiver: z.string().optional(),
  receiverList: z.array(ReceiverSchema).optional(),
});
export type BusinessDocumentInfo = z.infer<typeof BusinessDocumentInfoSchema>;

/** §2.2.8 ReplacementInfoList/ReplacementInfo (replacement messages). */
export const ReplacementInfoSchema = z.object({
  documentId: z.string().optional(),
  organIdList: z.array(z.string()),
});
export type ReplacementInfo = z.infer<typeof ReplacementInfoSchema>;

/** §2.2 Bussiness (sic): what this packet does to a document. */
export const BusinessSchema = z.object({
  /** §2.2.4 the document revoked, updated or replaced. */
  documentId: z.string().optional(),
  /** §2.2.1 0 new, 1 revocation, 2 update, 3 replacement. */
  businessDocType: BusinessDocTypeSchema.optional(),
  /** §2.2.2 */
  businessDocReason: z.string().optional(),
  paper: z.string().optional(),
  staffInfo: StaffInfoSchema.optional(),
  businessDocumentInfo: BusinessDocumentInfoSchema.optional(),
  replacementInfoList: z.array(ReplacementInfoSchema).optional(),
});
export type Business = z.infer<typeof BusinessSchema>;

/** §2 TraceHeaderList. */
export const TraceHeaderListSchema = z.object({
  /** Attributes such as `version`, `mustUnderstand`, `actor` seen in the .NET SDK sample. */
  attributes: z.record(z.string(), z.string()).optional(),
  traceHeaders: z.array(TraceHeaderSchema),
  business: BusinessSchema.optional(),
});
export type TraceHeaderList = z.infer<typeof TraceHeaderListSchema>;
