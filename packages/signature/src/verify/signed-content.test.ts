/*
 * `result.signed` of verify/verifyFile: what a passed XMLDSig signature over the whole document covers, read from
 * the signed bytes, kept out of the JSON report and of every copy of the result.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrustStore } from '../pkix';
import { fixture as xmlFixture } from '../xmldsig/test-support';
import { verifyFile } from './file';
import { toVerificationReportJson } from './report';
import { envelope, type Material, material, signEnvelope, standardAttachments, utf8 } from './test-support';
import { verify } from './verify';

let m: Material;
let dir: string;
beforeAll(() => {
  m = material();
  dir = mkdtempSync(join(tmpdir(), 'lienthong-signed-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SUBJECT = 'V/v báo cáo tình hình triển khai dịch vụ công trực tuyến';

describe('verify: the signed content of an envelope whose signature passed', () => {
  it('gives the signed bytes and the edXML message read from them', async () => {
    const result = await verify(signEnvelope(envelope(standardAttachments(m)), m.signer), m.options);
    expect(result.indication).toBe('TOTAL-PASSED');
    const signed = result.signed;
    if (!signed) throw new Error('a passed envelope has signed content');
    const text = new TextDecoder().decode(signed.bytes());
    // Booleans, not toContain: a failure would print the whole envelope.
    expect(text.includes('edXMLHeader>')).toBe(true);
    expect(text.includes(SUBJECT)).toBe(true);
    expect(text.includes('SignatureValue')).toBe(false);
    expect(signed.bytes()).toBe(signed.bytes()); // made once
    const message = signed.message();
    expect(message?.kind).toBe('document');
    if (message?.kind !== 'document') return;
    expect(message.header.subject).toBe(SUBJECT);
    expect(message.header.from.organId).toBe('000.00.00.H41');
    expect(message.attachments.map((attachment) => attachment.attachmentName)).toEqual(
      result.attachments.map((attachment) => attachment.name),
    );
  });

  it('is never part of the JSON report, a spread, a clone or the enumerable keys', async () => {
    const result = await verify(signEnvelope(envelope(standardAttachments(m)), m.signer), m.options);
    expect(result.signed).toBeDefined();
    expect(Object.getOwnPropertyDescriptor(result, 'signed')?.enumerable).toBe(false);
    expect(Object.keys(result)).not.toContain('signed');
    expect({ ...result }).not.toHaveProperty('signed');
    expect(structuredClone(result)).not.toHaveProperty('signed');
    expect(JSON.parse(JSON.stringify(result))).not.toHaveProperty('signed');
    const report = toVerificationReportJson([result]);
    expect(report.includes('"signed"')).toBe(false);
    expect(report.includes('edXMLHeader>')).toBe(false);
  });

  it('is there when the envelope passed though an attachment failed, and from verifyFile too', async () => {
    const pdf = new Uint8Array(m.signedPdf);
    pdf[Buffer.from(pdf).indexOf('Cong van')] = 0x4b;
    const path = join(dir, 'pdf-sua.edxml');
    writeFileSync(path, signEnvelope(envelope([{ name: 'cong-van.pdf', data: pdf }]), m.signer));
    const result = await verifyFile(path, m.options);
    expect([result.indication, result.signatures[0]?.indication]).toEqual(['TOTAL-FAILED', 'TOTAL-PASSED']);
    expect(result.signed?.message()?.kind).toBe('document');
  });

  it('is absent when the envelope is unsigned or its signature did not pass', async () => {
    const unsigned = await verify(utf8(envelope(standardAttachments(m))), m.options);
    expect(unsigned.signed).toBeUndefined();
    const signed = Buffer.from(signEnvelope(envelope(standardAttachments(m)), m.signer));
    const at = signed.indexOf('000.00.00.H41');
    signed.write('000.00.00.H42', at); // another sender: the digest no longer matches
    const tampered = await verify(new Uint8Array(signed), m.options);
    expect(tampered.signatures[0]?.indication).toBe('TOTAL-FAILED');
    expect(tampered.signed).toBeUndefined();
    expect('signed' in tampered).toBe(false);
  });

  it('is absent for PDF and CMS inputs', async () => {
    const pdf = await verify(m.signedPdf, m.options);
    expect(pdf.indication).toBe('TOTAL-PASSED');
    expect(pdf.signed).toBeUndefined();
  });
});

describe('verify: the signed content of other XMLDSig documents', () => {
  it('gives the signed bytes, and no edXML message', async () => {
    const trust = createTrustStore({ anchors: [xmlFixture('generated/test-signer-selfsigned.pem')] });
    const result = await verify(xmlFixture('generated/edxml-like-enveloped-rsa-sha256.xml'), {
      trust,
      at: new Date('2027-01-01T00:00:00Z'),
    });
    expect(result.indication).toBe('TOTAL-PASSED');
    const text = new TextDecoder().decode(result.signed?.bytes());
    expect(text.includes('<Subject>Về việc thử nghiệm ký số</Subject>')).toBe(true);
    expect(text.includes('Signature')).toBe(false);
    // The root is edXMLEnvelope, not a message @lienthong/edxml reads.
    expect(result.signed?.message()).toBeUndefined();
  });
});
