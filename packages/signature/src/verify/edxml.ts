/*
 * An edXML envelope verified as a whole: its own XMLDSig signature, then every attachment — the legally binding
 * signatures usually sit in the attached PDFs, outside the envelope (signatures.md §1.5, §3 (a) 9).
 *
 * Where the attachments are read from: when the envelope signature passed over the whole document, from the
 * signed bytes it returned (`signedMessage`), never from the input, so nothing unsigned is read in their place;
 * they are then marked `coveredByEnvelopeSignature`. Otherwise (no signature, a failed one, or one by Id reference)
 * from the input as received.
 *
 * The overall indication of the file is the worst (TOTAL-FAILED over INDETERMINATE over TOTAL-PASSED) of:
 *   - each signature of the envelope, or the envelope's own failure when it could not be read as XML;
 *   - each attachment that holds, or may hold, a signature: a PDF with at least one signature (or signature data
 *     its structure does not lead to), any CMS (a detached one whose content is not among the attachments is
 *     INDETERMINATE/SIGNED_DATA_NOT_FOUND), an XML file with an XMLDSig signature (its own signature only: the
 *     attachments of an edXML inside an edXML are not opened), and an attachment that could not be decoded
 *     (INDETERMINATE/FORMAT_FAILURE: it may hold a signature no one checked);
 *   - the attachment list itself when it could not be read (INDETERMINATE/FORMAT_FAILURE).
 * Attachments without a signature (an unsigned PDF, a DOCX, an image) are listed but do not count: they are what
 * they are, signed by nothing or by the envelope. When nothing counts — no signature anywhere — the file is
 * INDETERMINATE/SIGNED_DATA_NOT_FOUND. An unsigned envelope with signed attachments takes the attachments'
 * outcome, and its message says that the envelope itself (sender, recipients, number, subject) is protected by no
 * signature.
 */
import {
  type Attachment,
  type DecodedAttachment,
  decodeAttachment,
  detectContentKind,
  type EdxmlMessage,
  normalizeContentId,
  parseEdxml,
  type Reference,
} from '@lienthong/edxml';
import type { LocalizedText } from '@lienthong/report';
import { indexOfAscii } from '../bytes';
import { parseSignedData } from '../cms/parse';
import { DEFAULT_MAX_CMS_BYTES, decodeCmsInput } from '../cms/verify';
import {
  type AttachmentKind,
  type AttachmentResult,
  type Indication,
  overallIndication,
  type SubIndication,
} from '../model/result';
import { verifyPdf } from '../pdf';
import { verifyXmlSignature, type XmlSignatureVerification } from '../xmldsig';
import { detectSignatureFormat, xmlRootElement } from './detect';
import { INDICATION_WORDS, MSG } from './messages';
import { pdfOptions, type Settings, xmlOptions } from './options';
import { cmsInput, fileResult, guarded, nestedResult, type Outcome, verifyCmsBytes } from './outcome';
import { type VerificationResultWithSignedContent, withSignedContent } from './signed-content';

/** One decoded attachment, before verification. */
interface Entry {
  readonly index: number;
  readonly attachment: Attachment;
  readonly reference: Reference | undefined;
  readonly decoded: DecodedAttachment;
  readonly name: string | null;
  readonly kind: AttachmentKind | null;
  /** For a detached CMS: how its content was looked for. */
  detached?: DetachedLookup;
  /** The detached CMS attachments whose content this is. */
  readonly signedBy: Entry[];
}

type DetachedLookup =
  | { readonly found: true; readonly content: Entry }
  | { readonly found: false; readonly message: LocalizedText };

/** One input to the overall indication, and where it came from (for the message). */
interface Contribution {
  readonly indication: Indication;
  readonly subIndication: SubIndication | null;
  readonly from: 'envelope' | Entry;
  readonly message: LocalizedText;
}

/**
 * An XML attachment that cannot be read but names this namespace may hold a signature no one checked: it counts
 * (INDETERMINATE), as an undecodable attachment does.
 */
const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

/** Names that say "the detached signature of the file named like me without this extension". */
const DETACHED_EXTENSION = /\.(p7s|p7m|sig)$/i;

export async function verifyEdxml(input: Uint8Array, settings: Settings): Promise<VerificationResultWithSignedContent> {
  let signedMessage: EdxmlMessage | undefined;
  let verification: XmlSignatureVerification | undefined;
  const envelope = await guarded(async () => {
    verification = await verifyXmlSignature(input, xmlOptions(settings));
    // Only a signature over the whole document (URI="") signs this file's own attachments. One by Id (under the
    // allowIdReferences policy) signs one element — possibly a signed edXML wrapped inside another, whose
    // attachments are not those of the file received.
    if (verification.signatures.every((signature) => signature.coverage?.kind === 'whole-document'))
      signedMessage = verification.signedMessage;
    return verification;
  });

  // A bare edXMLEnvelope root has no AttachmentEncoded (it is the envelope's sibling): no attachment to read.
  const bareEnvelope = xmlRootElement(input)?.localName === 'edXMLEnvelope';
  const read = bareEnvelope ? NO_ATTACHMENTS : readAttachments(input, signedMessage, settings);
  const budget = { remaining: settings.maxTotalAttachmentBytes };
  const entries = read.attachments.map((attachment, position) =>
    decodeEntry(attachment, position + 1, read.references, settings, budget),
  );
  pairDetachedSignatures(entries, settings);
  const attachments: AttachmentResult[] = [];
  for (const entry of entries) attachments.push(await verifyEntry(entry, read.covered, settings));

  const contributions: Contribution[] = [];
  const envelopeSigned = envelope.signatures.length > 0;
  if (envelopeSigned)
    for (const signature of envelope.signatures) contributions.push({ ...signature, from: 'envelope' });
  else if (envelope.subIndication !== 'SIGNED_DATA_NOT_FOUND') contributions.push({ ...envelope, from: 'envelope' }); // the envelope could not be read: we cannot tell
  if (read.unreadable !== null)
    contributions.push({
      indication: 'INDETERMINATE',
      subIndication: 'FORMAT_FAILURE',
      message: read.unreadable,
      from: 'envelope',
    });
  for (const [position, attachment] of attachments.entries()) {
    if (!attachment.countsTowardsIndication) continue;
    const outcome = attachment.result ?? { indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE' };
    contributions.push({
      indication: outcome.indication,
      subIndication: outcome.subIndication,
      message: attachment.message,
      from: entries[position] as Entry,
    });
  }

  const overall = overallIndication(contributions);
  const message = summarise({ envelope, envelopeSigned, read, attachments, contributions, overall });
  const result = {
    ...fileResult(settings, 'edxml', { ...overall, message, signatures: envelope.signatures }),
    attachments,
  };
  return withSignedContent(result, verification);
}

interface ReadAttachments {
  readonly attachments: readonly Attachment[];
  readonly references: ReadonlyMap<string, Reference>;
  readonly covered: boolean;
  /** Why the attachment list could not be read, or null. */
  readonly unreadable: LocalizedText | null;
}

const NO_ATTACHMENTS: ReadAttachments = { attachments: [], references: new Map(), covered: false, unreadable: null };

function readAttachments(input: Uint8Array, signed: EdxmlMessage | undefined, settings: Settings): ReadAttachments {
  let message = signed;
  let unreadable: LocalizedText | null = null;
  if (message === undefined) {
    try {
      // The envelope cap is the edXML reader's own unless the caller set one (as for the XMLDSig verifier).
      const maxBytes = settings.options.maxBytes;
      const limits = {
        maxAttachmentBytes: settings.maxAttachmentBytes,
        ...(maxBytes !== undefined ? { maxBytes } : {}),
      };
      const parsed = parseEdxml(input, { limits });
      message = parsed.message;
      if (message === undefined) {
        const reason = parsed.report.issues.find((issue) => issue.severity === 'error')?.message;
        unreadable = MSG.attachmentsUnreadable(reason);
      }
    } catch (error) {
      unreadable = MSG.attachmentsUnreadable(MSG.internal(error instanceof Error ? error.message : String(error)));
    }
  }
  if (message?.kind !== 'document') return { attachments: [], references: new Map(), covered: false, unreadable };
  const references = new Map<string, Reference>();
  for (const reference of message.manifest?.references ?? [])
    if (reference.contentId !== undefined) {
      const id = normalizeContentId(reference.contentId);
      if (!references.has(id)) references.set(id, reference);
    }
  return { attachments: message.attachments, references, covered: signed !== undefined, unreadable };
}

/**
 * Decodes one attachment within what is left of the envelope's total (`budget`, spent here): a decoded attachment
 * is held until the file's result is made, and ZIP wrappers inflate, so the input cap alone does not bound them.
 * Past the total an attachment is not decoded at all, and says why.
 */
function decodeEntry(
  attachment: Attachment,
  index: number,
  references: ReadonlyMap<string, Reference>,
  settings: Settings,
  budget: { remaining: number },
): Entry {
  const reference =
    attachment.contentId === undefined ? undefined : references.get(normalizeContentId(attachment.contentId));
  const limitedByTotal = budget.remaining < settings.maxAttachmentBytes;
  let decoded: DecodedAttachment;
  try {
    decoded =
      budget.remaining === 0
        ? { ok: false, reason: MSG.attachmentsTotalTooLarge(settings.maxTotalAttachmentBytes) }
        : decodeAttachment(attachment, {
            ...(reference !== undefined ? { reference } : {}),
            maxBytes: Math.min(settings.maxAttachmentBytes, budget.remaining),
          });
  } catch (error) {
    decoded = { ok: false, reason: MSG.internal(error instanceof Error ? error.message : String(error)) };
  }
  if (decoded.ok) budget.remaining -= decoded.data.length;
  else if (limitedByTotal && budget.remaining > 0)
    decoded = { ok: false, reason: MSG.attachmentsTotalTooLarge(settings.maxTotalAttachmentBytes, decoded.reason) };
  const declaredName = attachment.attachmentName ?? reference?.attachmentName;
  if (!decoded.ok)
    return { index, attachment, reference, decoded, name: declaredName ?? null, kind: null, signedBy: [] };
  const name = decoded.name ?? decoded.entryName ?? null;
  return { index, attachment, reference, decoded, name, kind: kindOf(decoded.data), signedBy: [] };
}

function kindOf(data: Uint8Array): AttachmentKind {
  const format = detectSignatureFormat(data);
  if (format === 'pdf' || format === 'cms') return format;
  if (format === 'edxml' || format === 'xmldsig') return 'xml';
  return detectContentKind(data);
}

/**
 * Whether a CMS (DER, PEM or bare base64) carries no content of its own, read as `verifyCms` reads it; undefined
 * when it cannot be parsed (verifyCms will say why).
 */
function isDetached(data: Uint8Array, settings: Settings): boolean | undefined {
  const decoded = decodeCmsInput(cmsInput(data), settings.options.maxBytes ?? DEFAULT_MAX_CMS_BYTES);
  if (!decoded.ok) return undefined;
  try {
    return parseSignedData(decoded.bytes).eContent === undefined;
  } catch {
    return undefined;
  }
}

/** For each detached CMS `x.p7s`, the sibling attachment named `x` (exactly, else ignoring case) is its content. */
function pairDetachedSignatures(entries: readonly Entry[], settings: Settings): void {
  for (const entry of entries) {
    if (entry.kind !== 'cms' || !entry.decoded.ok || isDetached(entry.decoded.data, settings) !== true) continue;
    const base = entry.name?.replace(DETACHED_EXTENSION, '');
    if (entry.name === null || base === undefined || base === entry.name || base === '') {
      entry.detached = { found: false, message: MSG.detachedContentUnnamed };
      continue;
    }
    const others = entries.filter((other) => other !== entry && other.name !== null);
    let candidates = others.filter((other) => other.name === base);
    if (candidates.length === 0)
      candidates = others.filter((other) => other.name?.toLowerCase() === base.toLowerCase());
    const [content, ...more] = candidates;
    if (content === undefined) entry.detached = { found: false, message: MSG.detachedContentMissing(base) };
    else if (more.length > 0)
      entry.detached = { found: false, message: MSG.detachedContentAmbiguous(base, candidates.length) };
    else if (!content.decoded.ok)
      entry.detached = { found: false, message: MSG.detachedContentUndecodable(content.name ?? base) };
    else {
      entry.detached = { found: true, content };
      content.signedBy.push(entry);
    }
  }
}

function join(...parts: readonly (LocalizedText | undefined)[]): LocalizedText {
  const present = parts.filter((part): part is LocalizedText => part !== undefined);
  return { vi: present.map((part) => part.vi).join(' '), en: present.map((part) => part.en).join(' ') };
}

async function verifyEntry(entry: Entry, covered: boolean, settings: Settings): Promise<AttachmentResult> {
  const base = {
    index: entry.index,
    name: entry.name,
    contentId: entry.attachment.contentId ?? null,
    contentType: (entry.decoded.ok ? entry.decoded.contentType : undefined) ?? entry.reference?.contentType ?? null,
    size: entry.decoded.ok ? entry.decoded.data.length : null,
    unzipped: entry.decoded.ok ? entry.decoded.unzipped : false,
    kind: entry.kind,
    coveredByEnvelopeSignature: covered,
    detachedContent: null,
    detachedSignatures: entry.signedBy.map((signature) => signature.index),
  };
  const subject = entry.name ?? `#${entry.index}`;
  const signedBy =
    entry.signedBy.length > 0
      ? MSG.signedByDetached(entry.signedBy.map((signature) => signature.name ?? `#${signature.index}`))
      : undefined;

  if (!entry.decoded.ok)
    return {
      ...base,
      status: 'undecodable',
      countsTowardsIndication: true,
      message: MSG.attachmentUndecodable(entry.decoded.reason),
      result: null,
    };
  const data = entry.decoded.data;

  if (entry.kind === 'pdf') {
    const outcome = await guarded(() => verifyPdf(data, pdfOptions(settings)));
    const unsigned = outcome.signatures.length === 0 && outcome.subIndication === 'SIGNED_DATA_NOT_FOUND';
    return {
      ...base,
      status: unsigned ? 'unsigned' : 'verified',
      countsTowardsIndication: !unsigned,
      message: unsigned ? join(MSG.attachmentUnsignedPdf, signedBy) : join(outcome.message, signedBy),
      result: nestedResult(subject, 'pdf', outcome),
    };
  }

  if (entry.kind === 'xml') {
    // Its own XMLDSig signature only: the attachments of an edXML carried as an attachment are not opened.
    const outcome = await guarded(() => verifyXmlSignature(data, xmlOptions(settings)));
    const signed =
      outcome.signatures.length > 0 ||
      (outcome.subIndication !== 'SIGNED_DATA_NOT_FOUND' && indexOfAscii(data, XMLDSIG_NAMESPACE) >= 0);
    if (signed) {
      const format = detectSignatureFormat(data) === 'edxml' ? 'edxml' : 'xmldsig';
      return {
        ...base,
        status: 'verified',
        countsTowardsIndication: true,
        message: join(outcome.message, signedBy),
        result: nestedResult(subject, format, outcome),
      };
    }
  }

  if (entry.kind === 'cms') {
    const detached = entry.detached;
    const content = detached?.found ? detached.content : undefined;
    const contentData = content?.decoded.ok ? content.decoded.data : undefined;
    const outcome: Outcome = await guarded(() => verifyCmsBytes(data, settings, contentData));
    const missing = detached !== undefined && !detached.found;
    const lookup = detached === undefined ? undefined : detached.found ? undefined : detached.message;
    const found = content ? MSG.detachedContentFound(content.name ?? `#${content.index}`, content.index) : undefined;
    return {
      ...base,
      status: missing ? 'content-missing' : 'verified',
      countsTowardsIndication: true,
      detachedContent: content ? { index: content.index, name: content.name ?? `#${content.index}` } : null,
      message: join(found ?? lookup, outcome.message, signedBy),
      result: nestedResult(subject, 'cms', outcome),
    };
  }

  return {
    ...base,
    status: 'not-applicable',
    countsTowardsIndication: false,
    message: join(MSG.attachmentNotApplicable(entry.kind ?? 'unknown'), signedBy),
    result: null,
  };
}

interface Summary {
  readonly envelope: Outcome;
  readonly envelopeSigned: boolean;
  readonly read: ReadAttachments;
  readonly attachments: readonly AttachmentResult[];
  readonly contributions: readonly Contribution[];
  readonly overall: { indication: Indication; subIndication: SubIndication | null };
}

/** The file's message: the envelope, the attachments, and what decided the indication. */
function summarise(summary: Summary): LocalizedText {
  const { envelope, envelopeSigned, read, attachments, contributions, overall } = summary;
  const parts: LocalizedText[] = [];

  if (envelopeSigned) {
    const word = INDICATION_WORDS[envelope.indication];
    parts.push({
      vi: `Chữ ký XMLDSig của phong bì edXML: ${word.vi}.`,
      en: `The edXML envelope's XMLDSig signature: ${word.en}.`,
    });
    if (envelope.indication !== 'TOTAL-PASSED') parts.push(envelope.message);
  } else if (envelope.subIndication !== 'SIGNED_DATA_NOT_FOUND')
    parts.push(
      join(
        { vi: 'Không kiểm tra được phong bì edXML:', en: 'The edXML envelope could not be checked:' },
        envelope.message,
      ),
    );
  else
    parts.push({
      vi: 'Phong bì edXML không có chữ ký XMLDSig.',
      en: 'The edXML envelope carries no XMLDSig signature.',
    });

  if (read.unreadable !== null) parts.push(read.unreadable);
  else parts.push(attachmentCounts(attachments));
  if (envelope.indication === 'TOTAL-PASSED' && !read.covered && attachments.length > 0)
    parts.push({
      vi: 'Chữ ký của phong bì không bao phủ các tệp đính kèm.',
      en: "The envelope's signature does not cover the attachments.",
    });

  const signedAttachments = attachments.filter((attachment) => attachment.countsTowardsIndication).length;
  if (contributions.length === 0)
    parts.push({
      vi: 'Không tìm thấy chữ ký nào: phong bì không được ký và không tệp đính kèm nào có chữ ký.',
      en: 'No signature was found: the envelope is not signed and no attachment carries a signature.',
    });
  else if (!envelopeSigned && envelope.subIndication === 'SIGNED_DATA_NOT_FOUND' && signedAttachments > 0)
    parts.push({
      vi: 'Lưu ý: phong bì edXML không được ký, nên thông tin của phong bì (nơi gửi, nơi nhận, số ký hiệu, trích yếu) không được chữ ký nào bảo vệ; kết quả chỉ dựa trên chữ ký trong tệp đính kèm.',
      en: "Note: the edXML envelope is not signed, so the envelope's information (sender, recipients, number, subject) is protected by no signature; the result rests on the attachments' signatures only.",
    });

  if (overall.indication !== 'TOTAL-PASSED') {
    const decider = contributions.find((contribution) => contribution.indication === overall.indication);
    if (decider !== undefined && decider.from !== 'envelope') {
      const name = decider.from.name ?? `#${decider.from.index}`;
      parts.push(join({ vi: `Tệp đính kèm «${name}»:`, en: `Attachment "${name}":` }, decider.message));
    }
  }
  return join(...parts);
}

function attachmentCounts(attachments: readonly AttachmentResult[]): LocalizedText {
  if (attachments.length === 0) return { vi: 'Không có tệp đính kèm.', en: 'No attachment.' };
  const count = (test: (attachment: AttachmentResult) => boolean) => attachments.filter(test).length;
  const withSignature = (indication: Indication) => (attachment: AttachmentResult) =>
    attachment.status === 'verified' && attachment.result?.indication === indication;
  const groups: [number, string, string][] = [
    [count(withSignature('TOTAL-PASSED')), 'có chữ ký hợp lệ', 'with a valid signature'],
    [count(withSignature('TOTAL-FAILED')), 'có chữ ký không hợp lệ', 'with an invalid signature'],
    [count(withSignature('INDETERMINATE')), 'có chữ ký không xác định được', 'with an indeterminate signature'],
    [
      count((attachment) => attachment.status === 'content-missing'),
      'là chữ ký tách rời thiếu nội dung',
      'a detached signature without its content',
    ],
    [count((attachment) => attachment.status === 'unsigned'), 'là PDF không có chữ ký', 'an unsigned PDF'],
    [
      count((attachment) => attachment.status === 'not-applicable'),
      'không phải PDF hay chữ ký CMS',
      'neither a PDF nor a CMS signature',
    ],
    [count((attachment) => attachment.status === 'undecodable'), 'không giải mã được', 'undecodable'],
  ];
  const present = groups.filter(([n]) => n > 0);
  return {
    vi: `Tệp đính kèm (${attachments.length}): ${present.map(([n, vi]) => `${n} ${vi}`).join(', ')}.`,
    en: `Attachments (${attachments.length}): ${present.map(([n, , en]) => `${n} ${en}`).join(', ')}.`,
  };
}
