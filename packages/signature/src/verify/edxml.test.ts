/*
 * edXML envelopes verified with their attachments, and the rule for the file's overall indication (edxml.ts): the
 * worst over the envelope's signatures and the attachments that hold or may hold a signature; none at all →
 * INDETERMINATE/SIGNED_DATA_NOT_FOUND.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { signCmsAttached } from '../cms';
import { type AttachmentResult, type VerificationResult, VerificationResultSchema } from '../model/result';
import { PdfBuilder } from '../pdf/testkit';
import { ENVELOPED_SIGNATURE, EXC_C14N } from '../xmldsig/algorithms';
import {
  envelope,
  type Material,
  material,
  SIGNING_TIME,
  signEnvelope,
  signedPdf,
  signerOf,
  standardAttachments,
  utf8,
} from './test-support';
import { verify } from './verify';

let m: Material;
beforeAll(() => {
  m = material();
}, 120_000);

function checked(result: VerificationResult): VerificationResult {
  VerificationResultSchema.parse(result);
  return result;
}

const summary = (attachment: AttachmentResult | undefined) => [
  attachment?.name,
  attachment?.kind,
  attachment?.status,
  attachment?.result?.indication ?? null,
];

/** Replaces the base64 payload of `original` in the envelope by that of `replacement` (same length). */
function swapPayload(xml: Uint8Array, original: Uint8Array, replacement: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(xml);
  const from = Buffer.from(original).toString('base64');
  const to = Buffer.from(replacement).toString('base64');
  expect(text.includes(from), 'payload found verbatim in the envelope').toBe(true);
  expect(to.length).toBe(from.length);
  return utf8(text.replace(from, to));
}

/** The same bytes with one byte of the page text changed (inside the signed range). */
function tamperedPdf(pdf: Uint8Array): Uint8Array {
  const at = Buffer.from(pdf).indexOf('Cong van');
  expect(at).toBeGreaterThan(0);
  const copy = new Uint8Array(pdf);
  copy[at] = 0x4b; // 'C' → 'K'
  return copy;
}

describe('a signed edXML envelope with a signed PDF and a detached CMS', () => {
  it('is TOTAL-PASSED: envelope, PDF and CMS all verified with the same trust, time and CRLs', async () => {
    const input = signEnvelope(envelope(standardAttachments(m)), m.signer);
    const result = checked(await verify(input, { ...m.options, subject: 'cong-van.edxml' }));
    expect([result.subject, result.format, result.indication, result.subIndication]).toEqual([
      'cong-van.edxml',
      'edxml',
      'TOTAL-PASSED',
      null,
    ]);
    expect(result.signatures.map((signature) => [signature.format, signature.indication])).toEqual([
      ['xmldsig', 'TOTAL-PASSED'],
    ]);
    const [pdf, text, cms] = result.attachments;
    expect(summary(pdf)).toEqual(['cong-van.pdf', 'pdf', 'verified', 'TOTAL-PASSED']);
    expect(summary(text)).toEqual(['bao-cao.txt', 'unknown', 'not-applicable', null]);
    expect(summary(cms)).toEqual(['bao-cao.txt.p7s', 'cms', 'verified', 'TOTAL-PASSED']);
    // Read from the bytes the envelope signature covers.
    expect(result.attachments.every((attachment) => attachment.coveredByEnvelopeSignature)).toBe(true);
    // The detached CMS found its content among the siblings, and says so.
    expect(cms?.detachedContent).toEqual({ index: 2, name: 'bao-cao.txt' });
    expect(cms?.message.vi).toContain('nội dung đã ký lấy từ tệp đính kèm «bao-cao.txt»');
    expect(cms?.result?.signatures[0]?.coverage?.kind).toBe('detached-content');
    expect(text?.detachedSignatures).toEqual([3]);
    expect(text?.message.en).toContain('Signed by the detached signature in attachment "bao-cao.txt.p7s"');
    expect([pdf?.countsTowardsIndication, text?.countsTowardsIndication, cms?.countsTowardsIndication]).toEqual([
      true,
      false,
      true,
    ]);
    // Same validation time everywhere, and the CRLs were used for every chain.
    for (const signature of [
      ...result.signatures,
      ...(pdf?.result?.signatures ?? []),
      ...(cms?.result?.signatures ?? []),
    ]) {
      expect(signature.signingTime.validatedAt).toBe(result.validatedAt);
      expect(signature.revocation.some((evidence) => evidence.source === 'crl')).toBe(true);
    }
    expect(pdf?.size).toBe(m.signedPdf.length);
    expect(result.message.vi).toContain('Chữ ký XMLDSig của phong bì edXML: hợp lệ.');
    expect(result.message.vi).toContain('2 có chữ ký hợp lệ');
  });

  it('passes the same way when the sender zipped the attachments like the VNPT SDK', async () => {
    const input = signEnvelope(envelope(standardAttachments(m), { zipLikeVnpt: true }), m.signer);
    const result = checked(await verify(input, m.options));
    expect(result.indication).toBe('TOTAL-PASSED');
    const [, text, cms] = result.attachments;
    expect([text?.unzipped, cms?.unzipped]).toEqual([true, true]);
    expect(cms?.detachedContent?.name).toBe('bao-cao.txt');
  });

  it('propagates the policy: without revocation data every signature is INDETERMINATE/TRY_LATER', async () => {
    const input = signEnvelope(envelope(standardAttachments(m)), m.signer);
    const result = checked(await verify(input, { trust: m.trust, at: m.options.at }));
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(result.signatures[0]?.subIndication).toBe('TRY_LATER');
    expect(result.attachments[0]?.result?.subIndication).toBe('TRY_LATER');
    expect(result.attachments[2]?.result?.subIndication).toBe('TRY_LATER');
  });
});

describe('a tampered attachment makes the file TOTAL-FAILED', () => {
  it('a PDF changed before the envelope was signed: the envelope passes, the PDF fails, the file fails', async () => {
    const attachments = standardAttachments(m);
    attachments[0] = { name: 'cong-van.pdf', data: tamperedPdf(m.signedPdf) };
    const result = checked(await verify(signEnvelope(envelope(attachments), m.signer), m.options));
    expect([result.indication, result.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
    expect(result.signatures[0]?.indication).toBe('TOTAL-PASSED');
    expect(summary(result.attachments[0])).toEqual(['cong-van.pdf', 'pdf', 'verified', 'TOTAL-FAILED']);
    expect(result.message.vi).toContain('Tệp đính kèm «cong-van.pdf»:');
    expect(result.message.en).toContain('1 with an invalid signature');
  });

  it('a PDF changed inside the signed envelope: both the envelope and the PDF fail', async () => {
    const signed = signEnvelope(envelope(standardAttachments(m)), m.signer);
    const input = swapPayload(signed, m.signedPdf, tamperedPdf(m.signedPdf));
    const result = checked(await verify(input, m.options));
    expect([result.indication, result.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
    expect(result.signatures[0]?.indication).toBe('TOTAL-FAILED');
    expect(summary(result.attachments[0])).toEqual(['cong-van.pdf', 'pdf', 'verified', 'TOTAL-FAILED']);
    // The envelope signature failed: the attachments were read from the input, not from signed bytes.
    expect(result.attachments.some((attachment) => attachment.coveredByEnvelopeSignature)).toBe(false);
  });

  it('the content of a detached CMS changed before the envelope was signed: the CMS fails', async () => {
    const attachments = standardAttachments(m);
    attachments[1] = { name: 'bao-cao.txt', data: utf8('Báo cáo đã bị sửa sau khi ký.\n') };
    const result = checked(await verify(signEnvelope(envelope(attachments), m.signer), m.options));
    expect([result.indication, result.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
    expect(summary(result.attachments[2])).toEqual(['bao-cao.txt.p7s', 'cms', 'verified', 'TOTAL-FAILED']);
  });

  it('a revoked signer of the PDF: TOTAL-FAILED/REVOKED for the file', async () => {
    const attachments = standardAttachments(m);
    attachments[0] = { name: 'cong-van.pdf', data: signedPdf(signerOf(m.pki, m.pki.leaves.revoked)) };
    const result = checked(await verify(signEnvelope(envelope(attachments), m.signer), m.options));
    expect([result.indication, result.subIndication]).toEqual(['TOTAL-FAILED', 'REVOKED']);
  });
});

describe('an unsigned envelope', () => {
  it('with signed attachments takes their outcome, and says the envelope itself is protected by nothing', async () => {
    const result = checked(await verify(utf8(envelope(standardAttachments(m))), m.options));
    expect([result.indication, result.subIndication, result.signatures]).toEqual(['TOTAL-PASSED', null, []]);
    expect(result.message.vi).toContain('Phong bì edXML không có chữ ký XMLDSig.');
    expect(result.message.vi).toContain('phong bì edXML không được ký');
    expect(result.message.vi).toContain('kết quả chỉ dựa trên chữ ký trong tệp đính kèm');
    expect(result.message.en).toContain("the result rests on the attachments' signatures only");
    expect(result.attachments.some((attachment) => attachment.coveredByEnvelopeSignature)).toBe(false);
  });

  it('with a failing attachment is TOTAL-FAILED, with the same warning', async () => {
    const attachments = standardAttachments(m);
    attachments[0] = { name: 'cong-van.pdf', data: tamperedPdf(m.signedPdf) };
    const result = checked(await verify(utf8(envelope(attachments)), m.options));
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.message.en).toContain('the edXML envelope is not signed');
  });

  it('without any signature anywhere is INDETERMINATE/SIGNED_DATA_NOT_FOUND (an unsigned PDF does not count)', async () => {
    const result = checked(
      await verify(
        utf8(
          envelope([
            { name: 'cong-van.pdf', data: m.unsignedPdf },
            { name: 'bao-cao.txt', data: m.report },
          ]),
        ),
        m.options,
      ),
    );
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']);
    expect(summary(result.attachments[0])).toEqual(['cong-van.pdf', 'pdf', 'unsigned', 'INDETERMINATE']);
    expect(result.attachments[0]?.countsTowardsIndication).toBe(false);
    expect(result.message.vi).toContain('Không tìm thấy chữ ký nào');
  });

  it('a signed envelope with an unsigned PDF is TOTAL-PASSED (the PDF is listed as unsigned)', async () => {
    const input = signEnvelope(envelope([{ name: 'cong-van.pdf', data: m.unsignedPdf }]), m.signer);
    const result = checked(await verify(input, m.options));
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.attachments[0]?.status).toBe('unsigned');
    expect(result.message.en).toContain('1 an unsigned PDF');
  });
});

describe('detached signatures and their content', () => {
  it('a .p7s without its content among the attachments is content-missing and INDETERMINATE', async () => {
    const input = signEnvelope(envelope([{ name: 'bao-cao.txt.p7s', data: m.reportSignature }]), m.signer);
    const result = checked(await verify(input, m.options));
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']);
    expect(result.attachments[0]?.status).toBe('content-missing');
    expect(result.attachments[0]?.message.vi).toContain('không có tệp đính kèm nào tên «bao-cao.txt»');
    expect(result.message.vi).toContain('Tệp đính kèm «bao-cao.txt.p7s»:');
  });

  it('two attachments with the content name are ambiguous: not guessed', async () => {
    const input = utf8(
      envelope([
        { name: 'bao-cao.txt', data: m.report },
        { name: 'bao-cao.txt', data: m.report },
        { name: 'bao-cao.txt.p7s', data: m.reportSignature },
      ]),
    );
    const result = checked(await verify(input, m.options));
    expect(result.attachments[2]?.status).toBe('content-missing');
    expect(result.attachments[2]?.message.en).toContain('2 attachments are named "bao-cao.txt"');
    expect(result.indication).toBe('INDETERMINATE');
  });

  it('a detached signature with a name that does not say what it signs', async () => {
    const input = utf8(envelope([{ name: 'chu-ky.bin', data: m.reportSignature }]));
    const result = checked(await verify(input, m.options));
    expect([result.attachments[0]?.kind, result.attachments[0]?.status]).toEqual(['cms', 'content-missing']);
    expect(result.attachments[0]?.message.en).toContain('does not tell which file it signs');
  });

  it('finds the content ignoring case when no exact name matches', async () => {
    const input = utf8(
      envelope([
        { name: 'BAO-CAO.TXT', data: m.report },
        { name: 'bao-cao.txt.p7s', data: m.reportSignature },
      ]),
    );
    const result = checked(await verify(input, m.options));
    expect(result.attachments[1]?.detachedContent).toEqual({ index: 1, name: 'BAO-CAO.TXT' });
    expect(result.indication).toBe('TOTAL-PASSED');
  });

  it('an attached CMS needs no sibling', async () => {
    const attached = signCmsAttached(m.report, { ...m.signer, signingTime: SIGNING_TIME });
    const result = checked(await verify(utf8(envelope([{ name: 'bao-cao.p7m', data: attached }])), m.options));
    expect(summary(result.attachments[0])).toEqual(['bao-cao.p7m', 'cms', 'verified', 'TOTAL-PASSED']);
    expect(result.attachments[0]?.detachedContent).toBeNull();
  });
});

describe('an envelope signed by ID reference (coverage { allowIdReferences: true })', () => {
  /** `xml` signed by xml-crypto with one reference, to the element `xpath` selects (xml-crypto gives it an Id). */
  function signById(xml: string, xpath: string): Uint8Array {
    const sig = new SignedXml({
      privateKey: m.signer.key,
      publicCert: m.signer.certificate,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: EXC_C14N,
    });
    sig.addReference({
      xpath,
      transforms: [ENVELOPED_SIGNATURE, EXC_C14N],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    sig.computeSignature(xml, {
      prefix: 'ds',
      location: { reference: "/*/*[local-name(.)='edXMLEnvelope']/*[local-name(.)='edXMLHeader']", action: 'append' },
    });
    return utf8(sig.getSignedXml());
  }
  const byId = () => ({
    ...m.options,
    intermediates: [m.pki.intermediate.pem],
    xml: { coverage: { allowIdReferences: true } as const },
  });

  it('lists and verifies the attachments outside the signed element, as not covered by the envelope signature', async () => {
    const xml = envelope([
      { name: 'cong-van.pdf', data: m.signedPdf },
      { name: 'phu-luc.pdf', data: tamperedPdf(m.signedPdf) },
    ]);
    const result = checked(await verify(signById(xml, "//*[local-name(.)='edXMLEnvelope']"), byId()));
    expect(result.signatures.map((signature) => [signature.indication, signature.coverage?.kind])).toEqual([
      ['TOTAL-PASSED', 'references'],
    ]);
    expect(result.attachments.map(summary)).toEqual([
      ['cong-van.pdf', 'pdf', 'verified', 'TOTAL-PASSED'],
      ['phu-luc.pdf', 'pdf', 'verified', 'TOTAL-FAILED'],
    ]);
    expect(result.attachments.some((attachment) => attachment.coveredByEnvelopeSignature)).toBe(false);
    expect(result.indication).toBe('TOTAL-FAILED');
  });

  it('reports the attachments of the file received, not those of a signed edXML wrapped inside it', async () => {
    // A genuinely signed document (by Id) carried inside another edXML whose own attachment is a tampered PDF.
    const inner = envelope([{ name: 'cong-van.pdf', data: m.signedPdf }])
      .replace(/^<\?xml[^>]*>\s*/, '')
      .replace(/^<edXML\b/, '<edXML Id="goc"');
    const outer = envelope([{ name: 'cong-van.pdf', data: tamperedPdf(m.signedPdf) }]);
    const wrapped = outer.replace(/<\/edXML>\s*$/, `${inner}</edXML>`);
    expect(wrapped).not.toBe(outer);
    const result = checked(await verify(signById(wrapped, "//*[@Id='goc']"), byId()));
    expect(result.signatures.map((signature) => signature.indication)).toEqual(['TOTAL-PASSED']);
    expect(result.attachments.map(summary)).toEqual([['cong-van.pdf', 'pdf', 'verified', 'TOTAL-FAILED']]);
    expect(result.attachments[0]?.coveredByEnvelopeSignature).toBe(false);
    expect(result.indication).toBe('TOTAL-FAILED');
  });
});

describe('attachments that cannot be read are reported, never dropped', () => {
  it('a payload that is not base64 is undecodable and makes the file INDETERMINATE/FORMAT_FAILURE', async () => {
    const xml = envelope([
      { name: 'cong-van.pdf', data: m.signedPdf },
      { name: 'hong.pdf', data: signedPdf(m.signer, 'Phu luc') },
    ]);
    const payload = Buffer.from(signedPdf(m.signer, 'Phu luc')).toString('base64');
    const broken = xml.replace(payload, `${payload.slice(0, 100)}!!!${payload.slice(103)}`);
    expect(broken).not.toBe(xml);
    const result = checked(await verify(utf8(broken), m.options));
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'FORMAT_FAILURE']);
    const [good, bad] = result.attachments;
    expect(summary(good)).toEqual(['cong-van.pdf', 'pdf', 'verified', 'TOTAL-PASSED']);
    expect([bad?.name, bad?.status, bad?.kind, bad?.size, bad?.countsTowardsIndication]).toEqual([
      'hong.pdf',
      'undecodable',
      null,
      null,
      true,
    ]);
    expect(bad?.message.vi).toContain('Không giải mã được tệp đính kèm');
  });

  it('an attachment over maxAttachmentBytes is undecodable, not read', async () => {
    const result = checked(
      await verify(utf8(envelope(standardAttachments(m))), { ...m.options, maxAttachmentBytes: 1024 }),
    );
    expect(result.attachments.map((attachment) => attachment.status)).toEqual([
      'undecodable',
      'not-applicable',
      'undecodable',
    ]);
    expect(result.indication).toBe('INDETERMINATE');
  });

  it('attachments past maxTotalAttachmentBytes are not decoded: undecodable, INDETERMINATE, never dropped', async () => {
    const attachments = standardAttachments(m);
    const total = m.signedPdf.length + m.report.length;
    const input = signEnvelope(envelope(attachments), m.signer);
    const result = checked(await verify(input, { ...m.options, maxTotalAttachmentBytes: total }));
    expect(result.attachments.map((attachment) => [attachment.name, attachment.status])).toEqual([
      ['cong-van.pdf', 'verified'],
      ['bao-cao.txt', 'not-applicable'],
      ['bao-cao.txt.p7s', 'undecodable'],
    ]);
    expect(result.attachments[2]?.message.en).toContain('maxTotalAttachmentBytes');
    expect(result.attachments[2]?.message.vi).toContain('tổng giới hạn');
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'FORMAT_FAILURE']);
  });

  it('ZIP wrappers inflate only within what is left of the total (a small envelope cannot hold gigabytes)', async () => {
    // Zeros deflate a thousandfold: each 256 KiB file travels as a few hundred bytes of base64.
    const zeros = new Uint8Array(256 * 1024);
    const files = [1, 2, 3, 4].map((n) => ({ name: `phu-luc-${n}.bin`, data: zeros }));
    const xml = envelope(files, { zipLikeVnpt: true });
    expect(xml.length).toBeLessThan(16 * 1024);
    const result = checked(await verify(utf8(xml), { ...m.options, maxTotalAttachmentBytes: 300 * 1024 }));
    expect(result.attachments.map((attachment) => [attachment.status, attachment.size, attachment.unzipped])).toEqual([
      ['not-applicable', zeros.length, true],
      ['undecodable', null, false],
      ['undecodable', null, false],
      ['undecodable', null, false],
    ]);
    for (const attachment of result.attachments.slice(1))
      expect(attachment.message.en).toContain('the attachments together reach the 307,200-byte limit');
    expect(result.indication).toBe('INDETERMINATE');
  });

  it('an envelope that is not well-formed XML is INDETERMINATE/FORMAT_FAILURE', async () => {
    const xml = envelope(standardAttachments(m));
    const result = checked(await verify(utf8(xml.slice(0, xml.length - 40)), m.options));
    expect([result.format, result.indication, result.subIndication]).toEqual([
      'edxml',
      'INDETERMINATE',
      'FORMAT_FAILURE',
    ]);
    expect(result.message.en).toContain("The envelope's attachments could not be read");
  });

  it('a PDF attachment that is not a readable PDF counts as INDETERMINATE (it may hold a signature)', async () => {
    const garbage = utf8('%PDF-1.7\nnot really a pdf');
    const result = checked(await verify(utf8(envelope([{ name: 'x.pdf', data: garbage }])), m.options));
    expect(summary(result.attachments[0])).toEqual(['x.pdf', 'pdf', 'verified', 'INDETERMINATE']);
    expect([result.indication, result.subIndication]).toEqual(['INDETERMINATE', 'FORMAT_FAILURE']);
  });

  it('a PDF whose signature its structure does not lead to is not "unsigned": it counts, INDETERMINATE', async () => {
    // The catalog's /AcroForm renamed: the signature field is unreachable, its /ByteRange and CMS still there.
    const hidden = new Uint8Array(
      Buffer.from(Buffer.from(m.signedPdf).toString('latin1').replace('/AcroForm', '/AcroFxrm'), 'latin1'),
    );
    expect(hidden.length).toBe(m.signedPdf.length);
    const alone = checked(await verify(hidden, m.options));
    expect([alone.indication, alone.subIndication]).toEqual(['INDETERMINATE', 'FORMAT_FAILURE']);
    expect(alone.message.en).toContain('/ByteRange');
    const input = signEnvelope(envelope([{ name: 'cong-van.pdf', data: hidden }]), m.signer);
    const result = checked(await verify(input, m.options));
    expect(summary(result.attachments[0])).toEqual(['cong-van.pdf', 'pdf', 'verified', 'INDETERMINATE']);
    expect(result.attachments[0]?.countsTowardsIndication).toBe(true);
    expect(result.indication).toBe('INDETERMINATE');
  });

  it('an XML attachment is checked for its own XMLDSig signature: a signed one counts, an unsigned one does not', async () => {
    const signedXml = signEnvelope(envelope([]), m.signer); // a signed edXML carried as an attachment
    const tamperedXml = utf8(new TextDecoder().decode(signedXml).replace('Nghệ An', 'Hà Tĩnh'));
    const plainXml = utf8('<?xml version="1.0" encoding="UTF-8"?><bao-cao><so>12</so></bao-cao>');
    const input = signEnvelope(
      envelope([
        { name: 'goc.edxml', data: signedXml },
        { name: 'sua.xml', data: tamperedXml },
        { name: 'bao-cao.xml', data: plainXml },
      ]),
      m.signer,
    );
    const result = checked(await verify(input, m.options));
    expect(result.attachments.map(summary)).toEqual([
      ['goc.edxml', 'xml', 'verified', 'TOTAL-PASSED'],
      ['sua.xml', 'xml', 'verified', 'TOTAL-FAILED'],
      ['bao-cao.xml', 'xml', 'not-applicable', null],
    ]);
    expect(result.attachments[0]?.result?.format).toBe('edxml');
    expect(result.attachments[2]?.countsTowardsIndication).toBe(false);
    expect([result.indication, result.subIndication]).toEqual(['TOTAL-FAILED', 'HASH_FAILURE']);
  });

  it('a PDF attachment with two signatures (person, then agency seal) is verified whole', async () => {
    const organisation = signerOf(m.pki, m.pki.leaves.organisation);
    const pdf = new PdfBuilder({ text: 'Cong van so 12/UBND-TH' })
      .sign({ ...m.signer, signingTime: SIGNING_TIME, docMdp: 2 })
      .sign({ ...organisation, signingTime: SIGNING_TIME })
      .bytes();
    const result = checked(await verify(utf8(envelope([{ name: 'cong-van.pdf', data: pdf }])), m.options));
    expect(result.attachments[0]?.result?.signatures.map((signature) => signature.indication)).toEqual([
      'TOTAL-PASSED',
      'TOTAL-PASSED',
    ]);
    expect(result.indication).toBe('TOTAL-PASSED');
  });
});
