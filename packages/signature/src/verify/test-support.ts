/*
 * Test support for src/verify tests (not exported by the package): real signed material made at test time with the
 * generated test PKI (test/pki.ts) — a signed PDF (PdfBuilder), a detached CMS over a text file, and edXML envelopes
 * carrying them, signed or not with signEdxml. Nothing is faked: every signature is made with a real key.
 */
import { readFileSync } from 'node:fs';
import { type AttachmentInput, createDocument, serializeEdxml } from '@lienthong/edxml';
import { createTestPki, TEST_PKI_AT, type TestCertificate, type TestPki } from '../../test/pki';
import { signCmsDetached } from '../cms';
import { PdfBuilder } from '../pdf/testkit';
import { createTrustStore, type TrustStore } from '../pkix';
import { signEdxml } from '../xmldsig';
import type { VerifyOptions } from './options';

export { TEST_PKI_AT };

/** When the test material claims to be signed: before TEST_PKI_AT, inside every "valid" certificate's window. */
export const SIGNING_TIME = new Date('2026-05-15T03:00:00Z');

export interface Material {
  readonly pki: TestPki;
  readonly trust: TrustStore;
  /** Trust, time and the CRLs of the test PKI: every "valid" signature is TOTAL-PASSED under these. */
  readonly options: VerifyOptions;
  readonly signer: Signer;
  /** A one-page PDF with one signature of the valid leaf. */
  readonly signedPdf: Uint8Array;
  /** The same document, unsigned. */
  readonly unsignedPdf: Uint8Array;
  /** A text file and its detached CMS signature (valid leaf). */
  readonly report: Uint8Array;
  readonly reportSignature: Uint8Array;
}

export interface Signer {
  readonly key: string;
  readonly certificate: string;
  readonly chain: string[];
}

export function signerOf(pki: TestPki, leaf: TestCertificate): Signer {
  return { key: readFileSync(leaf.keyPath, 'utf8'), certificate: leaf.pem, chain: [pki.intermediate.pem] };
}

let cached: Material | undefined;

/** The material, made once per test file (the PKI itself is cached across files by test/pki.ts). */
export function material(): Material {
  if (cached) return cached;
  const pki = createTestPki();
  const trust = createTrustStore({ anchors: [pki.root.pem] });
  const signer = signerOf(pki, pki.leaves.valid);
  const report = new TextEncoder().encode('Báo cáo tình hình triển khai dịch vụ công trực tuyến quý II/2026.\n');
  cached = {
    pki,
    trust,
    options: { trust, at: TEST_PKI_AT, revocation: { crls: [pki.crls.root.der, pki.crls.intermediate.der] } },
    signer,
    signedPdf: signedPdf(signer),
    unsignedPdf: new PdfBuilder({ text: 'Cong van so 12/UBND-TH' }).bytes(),
    report,
    reportSignature: signCmsDetached(report, { ...signer, signingTime: SIGNING_TIME }),
  };
  return cached;
}

export function signedPdf(signer: Signer, text = 'Cong van so 12/UBND-TH'): Uint8Array {
  return new PdfBuilder({ text }).sign({ ...signer, signingTime: SIGNING_TIME, reason: 'Ky ban hanh' }).bytes();
}

/** An edXML document (QCVN 102:2016) carrying these attachments, serialized; unsigned. */
export function envelope(attachments: AttachmentInput[], options: { zipLikeVnpt?: boolean } = {}): string {
  return serializeEdxml(
    createDocument({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
      code: { codeNumber: '12', codeNotation: 'UBND-TH' },
      promulgation: { place: 'Nghệ An', date: '2026/05/15' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject: 'V/v báo cáo tình hình triển khai dịch vụ công trực tuyến',
      signerInfo: { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn A' },
      attachments,
      ...(options.zipLikeVnpt ? { zipLikeVnpt: true } : {}),
    }),
  );
}

/** The usual file from the axis: a signed PDF, a text report and its detached signature. */
export function standardAttachments(m: Material): AttachmentInput[] {
  return [
    { name: 'cong-van.pdf', data: m.signedPdf },
    { name: 'bao-cao.txt', data: m.report },
    { name: 'bao-cao.txt.p7s', data: m.reportSignature },
  ];
}

export function signEnvelope(xml: string, signer: Signer): Uint8Array {
  return new TextEncoder().encode(signEdxml(xml, signer));
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
