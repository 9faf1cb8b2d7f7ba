/*
 * The verification result as text for people, in Vietnamese by default (Circular 15/2025/TT-BKHCN asks that
 * verification results be shown in Vietnamese) or English: the verdict, then for each signature who signed (name,
 * organisation, MST/CCCD…), when (a claim unless timestamped), what it covers and the chain to the trusted root;
 * then each attachment of an edXML envelope. Times are shown in Vietnam time (UTC+7). No colour: the CLI adds it.
 */
import type { LocalizedText } from '@lienthong/report';
import type {
  AttachmentResult,
  CertificateInfo,
  ChainEntry,
  Coverage,
  Identifier,
  RevocationEvidence,
  SignatureResult,
  VerificationResult,
} from '../model/result';
import { displayLabel } from '../pkix';
import {
  ATTACHMENT_KIND_LABELS,
  FORMAT_LABELS,
  INDICATION_LABELS,
  INDICATION_WORDS,
  SUB_INDICATION_LABELS,
} from './messages';

export type TextLanguage = 'vi' | 'en';

export interface VerificationTextOptions {
  /** Default `vi`. */
  readonly lang?: TextLanguage;
}

type Lines = string[];

const t = (vi: string, en: string): LocalizedText => ({ vi, en });

const L = {
  result: t('KẾT QUẢ', 'RESULT'),
  format: t('Định dạng', 'Format'),
  validatedAt: t('Thời điểm kiểm tra', 'Validated at'),
  error: t('Lỗi', 'Error'),
  reason: t('Lý do', 'Reason'),
  signature: t('Chữ ký', 'Signature'),
  noSignature: t('Không có chữ ký nào được kiểm tra.', 'No signature was verified.'),
  signer: t('Người ký', 'Signer'),
  signerUnknown: t('không xác định (không tìm thấy chứng thư số)', 'unknown (certificate not found)'),
  identifiers: t('Định danh', 'Identifiers'),
  issuer: t('Cấp bởi', 'Issued by'),
  certificateValidity: t('Hiệu lực chứng thư', 'Certificate validity'),
  signingTime: t('Thời điểm ký', 'Signing time'),
  timestamped: t('theo dấu thời gian đã kiểm tra', 'from a verified timestamp'),
  claimedOnly: t(
    'do người ký tự khai, không có dấu thời gian xác thực',
    'claimed by the signer, not backed by a timestamp',
  ),
  claimedAlso: t('người ký khai', 'claimed by the signer'),
  noSigningTime: t('không có thông tin', 'not stated'),
  coverage: t('Phạm vi ký', 'Coverage'),
  unsignedBytes: (count: number) =>
    t(`còn ${bytes(count, 'vi')} sau phần đã ký`, `${bytes(count, 'en')} after the signed part`),
  chain: t('Chuỗi chứng thư', 'Certificate chain'),
  revocation: t('Tình trạng thu hồi', 'Revocation'),
  algorithms: t('Thuật toán', 'Algorithms'),
  legacy: t(
    'chấp nhận theo chế độ tương thích với thuật toán lỗi thời (SHA-1)',
    'accepted only in legacy mode with an obsolete algorithm (SHA-1)',
  ),
  problems: t('Các kiểm tra không đạt', 'Failed checks'),
  attachments: t('Tệp đính kèm', 'Attachments'),
  envelopeCovers: t('được chữ ký phong bì bao phủ', 'covered by the envelope signature'),
  unzipped: t('đã giải nén khỏi tệp ZIP bọc ngoài', 'unwrapped from a ZIP'),
  summary: t('Tổng kết', 'Summary'),
  files: t('tệp', 'files'),
  vietnamTime: t('giờ Việt Nam', 'Vietnam time, UTC+7'),
} as const;

const COVERAGE_LABELS: Readonly<Record<Coverage['kind'], LocalizedText>> = {
  'whole-document': t('toàn bộ tài liệu', 'the whole document'),
  'partial-document': t(
    'một phần tài liệu (có dữ liệu thêm vào sau khi ký)',
    'part of the document (data added after signing)',
  ),
  'detached-content': t('nội dung tách rời', 'detached content'),
  'attached-content': t('nội dung đính kèm trong chữ ký', 'content attached in the signature'),
  references: t('các phần được tham chiếu', 'the referenced parts'),
};

const CHAIN_SOURCE_LABELS: Readonly<Record<ChainEntry['source'], LocalizedText>> = {
  'trust-anchor': t('chứng thư gốc được tin cậy', 'trust anchor'),
  embedded: t('kèm trong chữ ký', 'embedded in the signature'),
  supplied: t('do người dùng cung cấp', 'supplied by the caller'),
};

const IDENTIFIER_LABELS: Readonly<Record<Identifier['type'], LocalizedText>> = {
  MST: t('MST', 'Tax code (MST)'),
  CCCD: t('CCCD', 'Citizen ID (CCCD)'),
  CMND: t('CMND', 'ID card (CMND)'),
  HC: t('Hộ chiếu', 'Passport'),
  MNS: t('Mã ngân sách', 'Budget code (MNS)'),
  organizationIdentifier: t('Mã tổ chức', 'Organisation identifier'),
  other: t('Khác', 'Other'),
};

const REVOCATION_STATUS_LABELS: Readonly<Record<RevocationEvidence['status'], LocalizedText>> = {
  good: t('chưa bị thu hồi', 'not revoked'),
  revoked: t('ĐÃ BỊ THU HỒI', 'REVOKED'),
  unknown: t('không rõ', 'unknown'),
};

const REVOCATION_SOURCE_LABELS: Readonly<Record<RevocationEvidence['source'], LocalizedText>> = {
  crl: t('CRL', 'CRL'),
  ocsp: t('OCSP', 'OCSP'),
  none: t('không có dữ liệu', 'no data'),
};

/** An ISO instant as Vietnam local time: `dd/MM/yyyy HH:mm:ss` in Vietnamese, `yyyy-MM-dd HH:mm:ss` in English. */
function vietnamTime(iso: string, lang: TextLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = new Date(date.getTime() + 7 * 3600 * 1000).toISOString();
  const [day, time] = [local.slice(0, 10), local.slice(11, 19)];
  const [year, month, dayOfMonth] = day.split('-');
  return lang === 'vi'
    ? `${dayOfMonth}/${month}/${year} ${time} (${L.vietnamTime.vi})`
    : `${day} ${time} (${L.vietnamTime.en})`;
}

function vietnamDate(iso: string, lang: TextLanguage): string {
  return vietnamTime(iso, lang).slice(0, 10);
}

function bytes(size: number, lang: TextLanguage): string {
  return lang === 'vi' ? `${size.toLocaleString('vi-VN')} byte` : `${size.toLocaleString('en-US')} bytes`;
}

function verdict(result: Pick<VerificationResult, 'indication' | 'subIndication'>, lang: TextLanguage): string {
  const sub = result.subIndication === null ? '' : `/${result.subIndication}`;
  return `${INDICATION_LABELS[result.indication][lang]} (${result.indication}${sub})`;
}

function certificateName(info: CertificateInfo): string {
  const organization = info.subject.attributes.findLast((attribute) => attribute.name === 'O')?.value;
  const name = displayLabel(info.subject);
  return organization && organization !== name ? `${name} — ${organization}` : name;
}

const SIGNATURE_FORMAT_NAMES: Readonly<Record<SignatureResult['format'], string>> = {
  xmldsig: 'XMLDSig',
  pdf: 'PDF',
  cms: 'CMS',
};

/** One signature; its validation time only when it differs from the file's (a timestamp moved it). */
function signatureLines(signature: SignatureResult, position: string, fileTime: string, lang: TextLanguage): Lines {
  const lines: Lines = [];
  const label = position === '' ? L.signature[lang] : `${L.signature[lang]} ${position}`;
  lines.push(`${label} (${SIGNATURE_FORMAT_NAMES[signature.format]}): ${verdict(signature, lang)}`);
  const detail = (label: LocalizedText, value: string) => lines.push(`  ${label[lang]}: ${value}`);
  if (signature.indication !== 'TOTAL-PASSED') {
    const meaning = signature.subIndication === null ? undefined : SUB_INDICATION_LABELS[signature.subIndication];
    detail(L.reason, meaning ? `${meaning[lang]}. ${signature.message[lang]}` : signature.message[lang]);
  }

  const signer = signature.signer;
  if (signer === null) detail(L.signer, L.signerUnknown[lang]);
  else {
    detail(L.signer, certificateName(signer));
    if (signer.identifiers.length > 0)
      detail(
        L.identifiers,
        // A certificate may carry one MST twice (organizationIdentifier VATVN-… and UID=MST:…): say it once.
        [
          ...new Set(
            signer.identifiers.map((identifier) => `${IDENTIFIER_LABELS[identifier.type][lang]}: ${identifier.value}`),
          ),
        ].join('; '),
      );
    detail(L.issuer, displayLabel(signer.issuer));
    detail(L.certificateValidity, `${vietnamDate(signer.notBefore, lang)} – ${vietnamDate(signer.notAfter, lang)}`);
  }

  const { claimed, timestamp, validatedAt } = signature.signingTime;
  if (timestamp !== undefined)
    detail(
      L.signingTime,
      `${vietnamTime(timestamp, lang)}, ${L.timestamped[lang]}` +
        (claimed !== undefined && claimed !== timestamp
          ? ` (${L.claimedAlso[lang]}: ${vietnamTime(claimed, lang)})`
          : ''),
    );
  else if (claimed !== undefined) detail(L.signingTime, `${vietnamTime(claimed, lang)} — ${L.claimedOnly[lang]}`);
  else detail(L.signingTime, L.noSigningTime[lang]);
  if (validatedAt !== fileTime) detail(L.validatedAt, vietnamTime(validatedAt, lang));

  if (signature.coverage !== null) {
    const { kind, description, unsignedTrailingBytes } = signature.coverage;
    let text = COVERAGE_LABELS[kind][lang];
    if (lang === 'en' && description !== '') text += ` (${description})`;
    if (unsignedTrailingBytes !== undefined && unsignedTrailingBytes > 0)
      text += `; ${L.unsignedBytes(unsignedTrailingBytes)[lang]}`;
    detail(L.coverage, text);
  }

  if (signature.chain.length > 0) {
    lines.push(`  ${L.chain[lang]}:`);
    signature.chain.forEach((entry, index) => {
      const validity = `${vietnamDate(entry.notBefore, lang)} – ${vietnamDate(entry.notAfter, lang)}`;
      lines.push(
        `    ${index + 1}. ${displayLabel(entry.subject)} (${CHAIN_SOURCE_LABELS[entry.source][lang]}; ${validity})`,
      );
    });
  }

  if (signature.revocation.length > 0) {
    lines.push(`  ${L.revocation[lang]}:`);
    for (const evidence of signature.revocation) {
      const who = signature.chain.find((entry) => entry.fingerprintSha256 === evidence.certificateFingerprintSha256);
      const name = who ? displayLabel(who.subject) : evidence.certificateFingerprintSha256.slice(0, 16);
      let text = `${REVOCATION_STATUS_LABELS[evidence.status][lang]} (${REVOCATION_SOURCE_LABELS[evidence.source][lang]}`;
      if (evidence.thisUpdate !== undefined) text += `, ${vietnamDate(evidence.thisUpdate, lang)}`;
      text += ')';
      if (evidence.reason !== undefined) text += ` — ${evidence.reason}`;
      if (evidence.revokedAt !== undefined) text += ` ${vietnamTime(evidence.revokedAt, lang)}`;
      lines.push(`    - ${name}: ${text}`);
    }
  }

  const { digest, signature: algorithm } = signature.algorithms;
  if (digest !== null || algorithm !== null)
    detail(L.algorithms, [digest, algorithm].filter((name) => name !== null).join(', '));
  if (signature.legacy) lines.push(`  ${L.legacy[lang]}`);

  const failed = signature.checks.filter((check) => !check.passed);
  if (failed.length > 0) {
    lines.push(`  ${L.problems[lang]}:`);
    for (const check of failed) lines.push(`    - ${check.message[lang]}`);
  }
  return lines;
}

function signaturesLines(signatures: readonly SignatureResult[], fileTime: string, lang: TextLanguage): Lines {
  return signatures.flatMap((signature, index) =>
    signatureLines(signature, signatures.length > 1 ? `${index + 1}/${signatures.length}` : '', fileTime, lang),
  );
}

const ATTACHMENT_OUTCOME_LABELS: Readonly<Record<'unsigned' | 'not-applicable', LocalizedText>> = {
  unsigned: t('không có chữ ký', 'not signed'),
  'not-applicable': t('không kiểm tra chữ ký', 'no signature to check'),
};

function attachmentLines(attachment: AttachmentResult, fileTime: string, lang: TextLanguage): Lines {
  const name = attachment.name ?? `#${attachment.index}`;
  const facts: string[] = [];
  if (attachment.kind !== null) facts.push(ATTACHMENT_KIND_LABELS[attachment.kind][lang]);
  if (attachment.size !== null) facts.push(bytes(attachment.size, lang));
  if (attachment.unzipped) facts.push(L.unzipped[lang]);
  if (attachment.coveredByEnvelopeSignature) facts.push(L.envelopeCovers[lang]);
  const outcome =
    attachment.status === 'unsigned' || attachment.status === 'not-applicable'
      ? ATTACHMENT_OUTCOME_LABELS[attachment.status][lang]
      : attachment.result !== null
        ? verdict(attachment.result, lang)
        : verdict({ indication: 'INDETERMINATE', subIndication: 'FORMAT_FAILURE' }, lang);
  const described = facts.length > 0 ? `${name} (${facts.join(', ')})` : name;
  const lines: Lines = [`${attachment.index}. ${described}: ${outcome}`];
  lines.push(`   ${attachment.message[lang]}`);
  if (attachment.result !== null && attachment.result.signatures.length > 0)
    for (const line of signaturesLines(attachment.result.signatures, fileTime, lang)) lines.push(`   ${line}`);
  return lines;
}

function resultLines(result: VerificationResult, lang: TextLanguage): Lines {
  const lines: Lines = [`${L.result[lang]}: ${verdict(result, lang)} — ${result.subject}`];
  if (result.error !== null) {
    lines.push(`${L.error[lang]}: ${result.error.message[lang]}`);
    return lines;
  }
  lines.push(`${L.format[lang]}: ${FORMAT_LABELS[result.format][lang]}`);
  lines.push(`${L.validatedAt[lang]}: ${vietnamTime(result.validatedAt, lang)}`);
  lines.push(result.message[lang]);
  lines.push('');
  if (result.signatures.length > 0) lines.push(...signaturesLines(result.signatures, result.validatedAt, lang));
  else if (result.format !== 'edxml') lines.push(L.noSignature[lang]);
  if (result.attachments.length > 0) {
    if (result.signatures.length > 0) lines.push('');
    lines.push(`${L.attachments[lang]} (${result.attachments.length}):`);
    for (const attachment of result.attachments)
      for (const line of attachmentLines(attachment, result.validatedAt, lang)) lines.push(`  ${line}`);
  }
  while (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Controls (C0, DEL, C1), line and paragraph separators and bidi formatting characters. They come from what the
 * sender chose — attachment names, certificate names, messages quoting them — and printed as they are, a line
 * feed would start a line of the sender's (a forged verdict), a CSI would drive the terminal and a right-to-left
 * override would reverse a file extension.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** One line as printed: each unprintable character shown as its `\uXXXX` escape. */
function printable(line: string): string {
  return line.replace(
    UNPRINTABLE,
    (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/**
 * The result(s) of `verify`/`verifyFile` as text, in Vietnamese (default) or English. Several results are separated
 * by a blank line and followed by a summary line. Ends with a newline. Control and bidi characters in names and
 * messages are shown escaped (`\u000A`), so every line is one the rendering wrote.
 */
export function formatVerificationText(
  results: VerificationResult | readonly VerificationResult[],
  options: VerificationTextOptions = {},
): string {
  const lang: TextLanguage = options.lang === 'en' ? 'en' : 'vi';
  const list: readonly VerificationResult[] = Array.isArray(results)
    ? (results as readonly VerificationResult[])
    : [results as VerificationResult];
  const blocks = list.map((result) => resultLines(result, lang).map(printable).join('\n'));
  if (list.length > 1) {
    const count = (indication: VerificationResult['indication']) =>
      list.filter((result) => result.indication === indication).length;
    const parts = (['TOTAL-PASSED', 'TOTAL-FAILED', 'INDETERMINATE'] as const)
      .map((indication) => [count(indication), INDICATION_WORDS[indication][lang]] as const)
      .filter(([n]) => n > 0)
      .map(([n, word]) => `${n} ${word}`);
    blocks.push(`${L.summary[lang]}: ${list.length} ${L.files[lang]} — ${parts.join(', ')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}
