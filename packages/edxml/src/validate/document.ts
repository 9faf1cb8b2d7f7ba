import type { Findings } from '../findings';
import { PRIORITY_CODES, STEERING_TYPES } from '../model/codes';
import type { DocumentMessage } from '../model/message';
import type { Organization, ResponseFor } from '../model/organization';
import {
  documentIdMismatch,
  documentIdUnconventional,
  dueBeforePromulgation,
  expectedFieldMissing,
  requiredField,
  responseForInconsistent,
} from '../rules/header';
import { compareLocalDates } from '../time';
import { parseDocumentId } from './document-id';
import { checkCode, checkDate, checkInteger, checkNotBlank, checkOrganId, checkSurroundingWhitespace } from './fields';

function checkOrganization(findings: Findings, organization: Organization, path: string, clause: string): void {
  if (organization.organId.trim() === '') {
    findings.report(requiredField, { field: `${path}/OrganId`, clause }, `${path}/OrganId`);
    return;
  }
  checkOrganId(findings, organization.organId, `${path}/OrganId`);
}

/**
 * Checks a DocumentId written by the convention against the header it belongs to. `header` gives the values
 * to compare and the paths that name them.
 */
export function checkDocumentIdConsistency(
  findings: Findings,
  documentId: string,
  path: string,
  header: {
    organId?: { value: string | undefined; path: string };
    date?: { value: string | undefined; path: string };
    code?: { value: string | undefined; path: string };
  },
  options: { reportUnconventional: boolean },
): void {
  const parts = parseDocumentId(documentId);
  if (parts === undefined) {
    if (options.reportUnconventional) findings.report(documentIdUnconventional, { documentId }, path);
    return;
  }
  checkDate(findings, parts.date, path, { vi: `${path} (phần ngày)`, en: `${path} (date part)` });
  const compare = (
    part: { vi: string; en: string },
    inDocumentId: string,
    against?: { value: string | undefined; path: string },
  ) => {
    if (against?.value === undefined || against.value === inDocumentId) return;
    findings.report(
      documentIdMismatch,
      { documentId, part, inDocumentId, field: against.path, inHeader: against.value },
      path,
    );
  };
  compare({ vi: 'mã đơn vị gửi', en: 'the sender id' }, parts.organId, header.organId);
  compare({ vi: 'ngày ban hành', en: 'the promulgation date' }, parts.date, header.date);
  compare(
    { vi: 'số và ký hiệu', en: 'the number and notation' },
    `${parts.codeNumber}/${parts.codeNotation}`,
    header.code,
  );
}

function checkResponseFor(findings: Findings, responseFor: ResponseFor, path: string): void {
  const present = Object.values(responseFor).some((value) => value !== undefined && value.trim() !== '');
  if (!present) {
    findings.report(
      responseForInconsistent,
      {
        field: path,
        detail: { vi: 'phần tử rỗng, không chỉ văn bản nào.', en: 'the element is empty and names no document.' },
      },
      path,
    );
    return;
  }
  checkOrganId(findings, responseFor.organId, `${path}/OrganId`);
  checkDate(findings, responseFor.promulgationDate, `${path}/PromulgationDate`);
  if (responseFor.documentId === undefined) {
    findings.report(
      responseForInconsistent,
      {
        field: path,
        detail: {
          vi: 'thiếu DocumentId của văn bản được trả lời.',
          en: 'the DocumentId of the answered document is missing.',
        },
      },
      path,
    );
    return;
  }
  checkDocumentIdConsistency(
    findings,
    responseFor.documentId,
    `${path}/DocumentId`,
    {
      organId: { value: responseFor.organId, path: `${path}/OrganId` },
      date: { value: responseFor.promulgationDate, path: `${path}/PromulgationDate` },
      code: { value: responseFor.code, path: `${path}/Code` },
    },
    { reportUnconventional: false },
  );
}

/** Checks the MessageHeader of a document message (§1.1–1.14). */
export function checkDocumentHeader(findings: Findings, message: DocumentMessage): void {
  const header = message.header;
  const at = (field: string) => `MessageHeader/${field}`;

  checkOrganization(findings, header.from, at('From'), '§1.1');
  if (header.to.length === 0) findings.report(requiredField, { field: at('To'), clause: '§1.2' }, 'MessageHeader');
  header.to.forEach((to, index) => {
    checkOrganization(findings, to, at(`To[${index + 1}]`), '§1.2');
  });

  if (header.documentId === undefined || header.documentId.trim() === '') {
    findings.report(requiredField, { field: at('DocumentId'), clause: '§1.14' }, at('DocumentId'));
  } else {
    checkSurroundingWhitespace(findings, header.documentId, at('DocumentId'));
    const code =
      header.code?.codeNumber !== undefined && header.code.codeNotation !== undefined
        ? `${header.code.codeNumber}/${header.code.codeNotation}`
        : undefined;
    checkDocumentIdConsistency(
      findings,
      header.documentId,
      at('DocumentId'),
      {
        organId: { value: header.from.organId || undefined, path: at('From/OrganId') },
        date: { value: header.promulgationInfo?.promulgationDate, path: at('PromulgationInfo/PromulgationDate') },
        code: { value: code, path: at('Code') },
      },
      { reportUnconventional: true },
    );
  }

  // Fields QCVN 102 lists but the axis accepts without: a warning, an error in strict mode.
  const expected: [unknown, string, string][] = [
    [header.code, 'Code', '§1.3'],
    [header.promulgationInfo, 'PromulgationInfo', '§1.4'],
    [header.documentType, 'DocumentType', '§1.5'],
    [header.signerInfo, 'SignerInfo', '§1.8'],
  ];
  for (const [value, field, clause] of expected) {
    if (value === undefined) findings.report(expectedFieldMissing, { field: at(field), clause }, 'MessageHeader');
  }
  if (header.code) {
    if (header.code.codeNumber === undefined) {
      findings.report(expectedFieldMissing, { field: at('Code/CodeNumber'), clause: '§1.3.1' }, at('Code'));
    } else checkNotBlank(findings, header.code.codeNumber, at('Code/CodeNumber'));
    if (header.code.codeNotation === undefined) {
      findings.report(expectedFieldMissing, { field: at('Code/CodeNotation'), clause: '§1.3.2' }, at('Code'));
    } else checkNotBlank(findings, header.code.codeNotation, at('Code/CodeNotation'));
  }
  const promulgationDate = checkDate(
    findings,
    header.promulgationInfo?.promulgationDate,
    at('PromulgationInfo/PromulgationDate'),
  );
  if (header.promulgationInfo && header.promulgationInfo.promulgationDate === undefined) {
    findings.report(
      expectedFieldMissing,
      { field: at('PromulgationInfo/PromulgationDate'), clause: '§1.4' },
      at('PromulgationInfo'),
    );
  }
  checkInteger(findings, header.documentType?.type, at('DocumentType/Type'));
  checkInteger(findings, header.documentType?.typeDetail, at('DocumentType/TypeDetail'));

  if (header.subject === undefined)
    findings.report(requiredField, { field: at('Subject'), clause: '§1.6' }, 'MessageHeader');
  else if (!checkNotBlank(findings, header.subject, at('Subject'))) {
    // An empty subject is as bad as none: recipients file documents by it.
    findings.report(requiredField, { field: at('Subject'), clause: '§1.6' }, at('Subject'));
  }

  const dueDate = checkDate(findings, header.dueDate, at('DueDate'));
  if (dueDate && promulgationDate && compareLocalDates(dueDate, promulgationDate) < 0) {
    findings.report(
      dueBeforePromulgation,
      { dueDate: header.dueDate ?? '', promulgationDate: header.promulgationInfo?.promulgationDate ?? '' },
      at('DueDate'),
    );
  }

  const other = header.otherInfo;
  if (other) {
    checkCode(findings, other.priority, PRIORITY_CODES, at('OtherInfo/Priority'));
    checkInteger(findings, other.promulgationAmount, at('OtherInfo/PromulgationAmount'));
    checkInteger(findings, other.pageAmount, at('OtherInfo/PageAmount'));
    checkCode(findings, other.direction, ['true', 'false'], at('OtherInfo/Direction'));
  }
  checkCode(findings, header.steeringType, STEERING_TYPES, at('SteeringType'));
  header.responseFor.forEach((responseFor, index) => {
    checkResponseFor(findings, responseFor, at(`ResponseFor[${index + 1}]`));
  });
}
