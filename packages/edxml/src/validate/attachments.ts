import { CONTENT_KIND_LABELS, expectedKindOf, isBinaryKind, looksTextRoundTripped } from '../attachment/content-kind';
import type { PayloadInspection } from '../attachment/payload-inspector';
import type { Findings } from '../findings';
import type { Attachment, Reference } from '../model/attachment';
import type { DocumentMessage } from '../model/message';
import {
  attachmentNameMismatch,
  attachmentNameMissing,
  attachmentWithoutReference,
  binaryCorrupted,
  contentIdMissing,
  contentIdWithoutCid,
  contentTypeMissing,
  duplicateContentId,
  manifestMissing,
  noAttachments,
  payloadEmpty,
  payloadNotBase64,
  payloadTypeMismatch,
  referenceWithoutAttachment,
  zipEntryCount,
} from '../rules/attachment';

/** ContentIds are compared without their optional `cid:` prefix (the VNPT jar's resolveContentId does the same). */
export function normalizeContentId(contentId: string): string {
  const trimmed = contentId.trim();
  return trimmed.toLowerCase().startsWith('cid:') ? trimmed.slice(4) : trimmed;
}

/** The metadata of one attachment and what inspecting its payload found. */
export interface InspectedAttachment {
  readonly attachment: Omit<Attachment, 'contentTransferEncoded'>;
  readonly inspection: PayloadInspection;
}

function checkContentIds(
  findings: Findings,
  items: readonly { readonly contentId?: string | undefined }[],
  container: string,
  itemPath: (index: number) => string,
): Map<string, number> {
  const byId = new Map<string, number[]>();
  items.forEach((item, index) => {
    const path = itemPath(index);
    if (item.contentId === undefined || item.contentId.trim() === '') {
      findings.report(contentIdMissing, { field: path }, path);
      return;
    }
    if (!item.contentId.trim().toLowerCase().startsWith('cid:')) {
      findings.report(
        contentIdWithoutCid,
        { contentId: item.contentId, field: `${path}/ContentId` },
        `${path}/ContentId`,
      );
    }
    const id = normalizeContentId(item.contentId);
    const indexes = byId.get(id);
    if (indexes === undefined) byId.set(id, [index]);
    else indexes.push(index);
  });
  const first = new Map<string, number>();
  for (const [id, indexes] of byId) {
    first.set(id, indexes[0] as number);
    if (indexes.length > 1) {
      const path = itemPath(indexes[1] as number);
      findings.report(duplicateContentId, { contentId: id, count: indexes.length, container }, `${path}/ContentId`);
    }
  }
  return first;
}

function checkPayload(
  findings: Findings,
  item: InspectedAttachment,
  reference: Reference | undefined,
  path: string,
): void {
  const { attachment, inspection } = item;
  const name = attachment.attachmentName ?? reference?.attachmentName ?? attachment.contentId ?? path;
  const payloadPath = `${path}/ContentTransferEncoded`;
  if (inspection.base64Error !== undefined) {
    findings.report(payloadNotBase64, { name, reason: inspection.base64Error.reason }, payloadPath);
    return;
  }
  if (inspection.byteLength === 0) {
    findings.report(payloadEmpty, { name }, payloadPath);
    return;
  }
  // Attachment/ContentType describes the payload (often application/zip); Reference/ContentType the original file.
  const declared = expectedKindOf(attachment.contentType, attachment.attachmentName);
  const original = expectedKindOf(reference?.contentType, reference?.attachmentName ?? attachment.attachmentName);
  const payloadExpected = declared ?? original;
  if (
    isBinaryKind(payloadExpected ?? inspection.kind) &&
    looksTextRoundTripped(inspection.replacementCount, inspection.byteLength)
  ) {
    findings.report(binaryCorrupted, { name, count: inspection.replacementCount }, payloadPath);
  }
  if (inspection.kind === 'zip' && payloadExpected !== 'zip' && payloadExpected !== undefined) {
    // A zipped payload under a non-zip type: the VNPT SDK does this; read the entry and judge it instead.
  } else if (payloadExpected !== undefined && inspection.kind !== payloadExpected) {
    findings.report(
      payloadTypeMismatch,
      {
        name,
        declared: attachment.contentType ?? reference?.contentType ?? '',
        detected: CONTENT_KIND_LABELS[inspection.kind],
      },
      payloadPath,
    );
    return;
  }
  if (inspection.kind !== 'zip' || inspection.zip === undefined) return;
  const zipped = inspection.zip;
  if (!zipped.ok) {
    findings.report(zipEntryCount, { name, detail: zipped.reason }, payloadPath);
    return;
  }
  // A DOCX/XLSX is a ZIP of many parts; only a ZIP used as a wrapper must hold one file.
  const wrapper =
    declared === 'zip' && !isOfficeOpenXml(attachment.contentType) && !isOfficeOpenXml(reference?.contentType);
  if (!wrapper) return;
  if (zipped.entryCount !== 1) {
    findings.report(
      zipEntryCount,
      {
        name,
        detail: { vi: `chứa ${zipped.entryCount} tệp`, en: `it holds ${zipped.entryCount} files` },
      },
      payloadPath,
    );
    return;
  }
  const inner = original !== 'zip' ? original : undefined;
  if (inner !== undefined && zipped.firstEntryKind !== undefined && zipped.firstEntryKind !== inner) {
    findings.report(
      payloadTypeMismatch,
      {
        name,
        declared: reference?.contentType ?? '',
        detected: CONTENT_KIND_LABELS[zipped.firstEntryKind],
      },
      payloadPath,
    );
  }
}

function isOfficeOpenXml(contentType: string | undefined): boolean {
  const type = (contentType ?? '').toLowerCase();
  return (
    type.startsWith('application/vnd.openxmlformats-officedocument') ||
    type === 'application/docx' ||
    type === 'application/xlsx'
  );
}

/** Checks the manifest against the attachments (one Attachment per Reference and back) and every payload. */
export function checkAttachments(
  findings: Findings,
  message: Pick<DocumentMessage, 'manifest'>,
  attachments: readonly InspectedAttachment[],
): void {
  const references = message.manifest?.references ?? [];
  if (message.manifest === undefined) findings.report(manifestMissing, {}, 'edXMLEnvelope');
  if (references.length === 0 && attachments.length === 0) {
    findings.report(noAttachments, {}, message.manifest === undefined ? 'edXMLEnvelope' : 'edXMLManifest');
  }

  const referencePath = (index: number) => `edXMLManifest/Reference[${index + 1}]`;
  const attachmentPath = (index: number) => `AttachmentEncoded/Attachment[${index + 1}]`;
  const referenceIds = checkContentIds(findings, references, 'edXMLManifest', referencePath);
  const attachmentIds = checkContentIds(
    findings,
    attachments.map((item) => item.attachment),
    'AttachmentEncoded',
    attachmentPath,
  );

  references.forEach((reference, index) => {
    const path = referencePath(index);
    if (reference.contentType === undefined) findings.report(contentTypeMissing, { field: path }, path);
    if (reference.attachmentName === undefined) findings.report(attachmentNameMissing, { field: path }, path);
  });
  for (const [id, index] of referenceIds) {
    if (!attachmentIds.has(id)) {
      findings.report(
        referenceWithoutAttachment,
        { contentId: references[index]?.contentId ?? id },
        `${referencePath(index)}/ContentId`,
      );
    }
  }
  for (const [id, index] of attachmentIds) {
    if (!referenceIds.has(id)) {
      findings.report(
        attachmentWithoutReference,
        { contentId: attachments[index]?.attachment.contentId ?? id },
        `${attachmentPath(index)}/ContentId`,
      );
    }
  }

  attachments.forEach((item, index) => {
    const path = attachmentPath(index);
    const { attachment } = item;
    if (attachment.contentType === undefined) findings.report(contentTypeMissing, { field: path }, path);
    if (attachment.attachmentName === undefined) findings.report(attachmentNameMissing, { field: path }, path);
    const id = attachment.contentId === undefined ? undefined : normalizeContentId(attachment.contentId);
    const referenceIndex = id === undefined ? undefined : referenceIds.get(id);
    const reference = referenceIndex === undefined ? undefined : references[referenceIndex];
    if (
      reference?.attachmentName !== undefined &&
      attachment.attachmentName !== undefined &&
      reference.attachmentName !== attachment.attachmentName
    ) {
      findings.report(
        attachmentNameMismatch,
        {
          contentId: attachment.contentId ?? '',
          inManifest: reference.attachmentName,
          inAttachment: attachment.attachmentName,
        },
        `${path}/AttachmentName`,
      );
    }
    checkPayload(findings, item, reference, path);
  });
}
