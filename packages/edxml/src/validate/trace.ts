import type { LocalizedText } from '@lienthong/report';
import type { Findings } from '../findings';
import { BUSINESS_DOC_TYPE_LABELS, BUSINESS_DOC_TYPES, type KnownBusinessDocType } from '../model/codes';
import type { Business } from '../model/document';
import type { DocumentMessage } from '../model/message';
import {
  businessDocTypeInvalid,
  businessMissing,
  businessPartUnexpected,
  businessTargetMissing,
  flagInvalid,
  replacementInfoMissing,
  revocationResponseFor,
  traceHeaderMissing,
  traceListMissing,
  traceOrganIdMissing,
  traceTimeBackwards,
  traceTimestampMissing,
  updateInfoMissing,
} from '../rules/trace';
import { checkDocumentIdConsistency } from './document';
import { checkOrganId, checkTimestamp } from './fields';

const operation = (type: KnownBusinessDocType): LocalizedText => {
  const label = BUSINESS_DOC_TYPE_LABELS[type];
  return { vi: label.vi.toLowerCase(), en: label.en.toLowerCase() };
};

function checkFlag(findings: Findings, value: string | undefined, path: string): void {
  if (value !== undefined && value !== '0' && value !== '1') findings.report(flagInvalid, { field: path, value }, path);
}

function checkBusiness(findings: Findings, message: DocumentMessage, business: Business): void {
  const at = (field: string) => `TraceHeaderList/Bussiness/${field}`;
  const type = business.businessDocType;
  if (type === undefined) {
    findings.report(businessDocTypeInvalid, { value: '' }, 'TraceHeaderList/Bussiness');
    return;
  }
  if (!(BUSINESS_DOC_TYPES as readonly string[]).includes(type)) {
    findings.report(businessDocTypeInvalid, { value: type }, at('BussinessDocType'));
    return;
  }
  const known = type as KnownBusinessDocType;
  checkFlag(findings, business.paper, at('Paper'));
  if (business.documentId !== undefined) {
    checkDocumentIdConsistency(findings, business.documentId, at('DocumentId'), {}, { reportUnconventional: false });
  }
  // The document acted on is named by Bussiness/DocumentId; the SDK samples name it instead through ResponseFor
  // (revocation) or ReplacementInfo (replacement), which is accepted too.
  const named = (id: string | undefined) => id !== undefined && id.trim() !== '';
  const targetNamed =
    named(business.documentId) ||
    (known === '1' && message.header.responseFor.some((responseFor) => named(responseFor.documentId))) ||
    (known === '3' && (business.replacementInfoList ?? []).some((info) => named(info.documentId)));
  if (known !== '0' && !targetNamed) {
    findings.report(businessTargetMissing, { operation: operation(known) }, 'TraceHeaderList/Bussiness');
  }

  const info = business.businessDocumentInfo;
  if (known === '2') {
    if (info === undefined) {
      findings.report(updateInfoMissing, { field: at('BussinessDocumentInfo') }, 'TraceHeaderList/Bussiness');
    } else {
      const infoPath = at('BussinessDocumentInfo');
      checkFlag(findings, info.documentInfo, `${infoPath}/DocumentInfo`);
      checkFlag(findings, info.documentReceiver, `${infoPath}/DocumentReceiver`);
      if (info.documentReceiver === '1' && (info.receiverList === undefined || info.receiverList.length === 0)) {
        findings.report(updateInfoMissing, { field: `${infoPath}/ReceiverList/Receiver` }, infoPath);
      }
      info.receiverList?.forEach((receiver, index) => {
        const receiverPath = `${infoPath}/ReceiverList/Receiver[${index + 1}]`;
        if (receiver.organId === undefined) {
          findings.report(updateInfoMissing, { field: `${receiverPath}/OrganId` }, receiverPath);
        } else checkOrganId(findings, receiver.organId, `${receiverPath}/OrganId`);
        if (receiver.receiverType === undefined) {
          findings.report(updateInfoMissing, { field: `${receiverPath}/ReceiverType` }, receiverPath);
        } else checkFlag(findings, receiver.receiverType, `${receiverPath}/ReceiverType`);
      });
    }
  } else if (info !== undefined) {
    findings.report(
      businessPartUnexpected,
      { field: at('BussinessDocumentInfo'), operation: operation('2'), value: type },
      at('BussinessDocumentInfo'),
    );
  }

  const replacements = business.replacementInfoList;
  if (known === '3') {
    if (replacements === undefined || replacements.length === 0) {
      findings.report(
        replacementInfoMissing,
        { field: at('ReplacementInfoList/ReplacementInfo') },
        'TraceHeaderList/Bussiness',
      );
    }
    replacements?.forEach((replacement, index) => {
      const path = at(`ReplacementInfoList/ReplacementInfo[${index + 1}]`);
      if (replacement.documentId === undefined || replacement.documentId.trim() === '') {
        findings.report(replacementInfoMissing, { field: `${path}/DocumentId` }, path);
      }
      if (replacement.organIdList.length === 0) {
        findings.report(replacementInfoMissing, { field: `${path}/OrganIdList/OrganId` }, path);
      }
      replacement.organIdList.forEach((organId, organIndex) => {
        checkOrganId(findings, organId, `${path}/OrganIdList/OrganId[${organIndex + 1}]`);
      });
    });
  } else if (replacements !== undefined) {
    findings.report(
      businessPartUnexpected,
      { field: at('ReplacementInfoList'), operation: operation('3'), value: type },
      at('ReplacementInfoList'),
    );
  }

  if (known === '1' && business.documentId !== undefined) {
    const answered = message.header.responseFor.map((responseFor) => responseFor.documentId);
    if (answered.length === 0) {
      findings.report(
        revocationResponseFor,
        { target: business.documentId, detail: { vi: 'không có ResponseFor.', en: 'there is no ResponseFor.' } },
        'MessageHeader',
      );
    } else if (!answered.includes(business.documentId)) {
      findings.report(
        revocationResponseFor,
        {
          target: business.documentId,
          detail: {
            vi: `ResponseFor trỏ tới ${answered.map((id) => `"${id ?? ''}"`).join(', ')}.`,
            en: `ResponseFor points at ${answered.map((id) => `"${id ?? ''}"`).join(', ')}.`,
          },
        },
        'MessageHeader/ResponseFor[1]',
      );
    }
  }
}

/** Checks TraceHeaderList (§2): traces in time order and the requirements of each BussinessDocType. */
export function checkTraceHeaderList(findings: Findings, message: DocumentMessage): void {
  const list = message.traceHeaderList;
  if (list === undefined) {
    findings.report(traceListMissing, {}, 'edXMLHeader');
    return;
  }
  if (list.traceHeaders.length === 0) findings.report(traceHeaderMissing, {}, 'TraceHeaderList');
  let previous: { instant: Date; text: string } | undefined;
  list.traceHeaders.forEach((trace, index) => {
    const path = `TraceHeaderList/TraceHeader[${index + 1}]`;
    if (trace.organId === undefined) findings.report(traceOrganIdMissing, { field: path }, path);
    else checkOrganId(findings, trace.organId, `${path}/OrganId`);
    if (trace.timestamp === undefined) {
      findings.report(traceTimestampMissing, { field: path }, path);
      return;
    }
    const instant = checkTimestamp(findings, trace.timestamp, `${path}/Timestamp`);
    if (instant === undefined) return;
    if (previous && instant.getTime() < previous.instant.getTime()) {
      findings.report(
        traceTimeBackwards,
        { field: `${path}/Timestamp`, later: trace.timestamp, earlier: previous.text },
        `${path}/Timestamp`,
      );
    }
    previous = { instant, text: trace.timestamp };
  });
  if (list.business === undefined) {
    findings.report(businessMissing, {}, 'TraceHeaderList');
    return;
  }
  checkBusiness(findings, message, list.business);
}
