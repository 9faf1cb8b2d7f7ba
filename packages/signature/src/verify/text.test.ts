import { beforeAll, describe, expect, it } from 'vitest';
import type { VerificationResult } from '../model/result';
import { verifyFile } from './file';
import { envelope, type Material, material, signEnvelope, standardAttachments, utf8 } from './test-support';
import { formatVerificationText } from './text';
import { verify } from './verify';

let m: Material;
let passed: VerificationResult;
let unsignedEnvelope: VerificationResult;
let tampered: VerificationResult;
beforeAll(async () => {
  m = material();
  passed = await verify(signEnvelope(envelope(standardAttachments(m)), m.signer), {
    ...m.options,
    subject: 'cong-van.edxml',
  });
  unsignedEnvelope = await verify(utf8(envelope(standardAttachments(m))), { ...m.options, subject: 'khong-ky.edxml' });
  const pdf = new Uint8Array(m.signedPdf);
  pdf[Buffer.from(pdf).indexOf('Cong van')] = 0x4b;
  tampered = await verify(pdf, { ...m.options, subject: 'sua.pdf' });
}, 120_000);

describe('formatVerificationText in Vietnamese (the default)', () => {
  it('shows the verdict, the signer with MST/CCCD, the claimed signing time, the coverage and the chain', () => {
    const text = formatVerificationText(passed);
    expect(text).toMatch(/^KẾT QUẢ: HỢP LỆ \(TOTAL-PASSED\) — cong-van\.edxml\n/);
    expect(text).toContain('Định dạng: phong bì edXML (QCVN 102:2016)');
    // TEST_PKI_AT is 2026-06-01T00:00Z: 07:00 in Vietnam.
    expect(text).toContain('Thời điểm kiểm tra: 01/06/2026 07:00:00 (giờ Việt Nam)');
    expect(text).toContain('Chữ ký (XMLDSig): HỢP LỆ (TOTAL-PASSED)');
    expect(text).toContain('Người ký: Nguyễn Văn A — UBND tỉnh Nghệ An');
    expect(text).toContain('Định danh: MST: 0101234567; CCCD: 001234567890');
    expect(text).toContain('Phạm vi ký: toàn bộ tài liệu');
    expect(text).toContain('Chuỗi chứng thư:');
    expect(text).toContain('3. Lienthong Test Root CA (chứng thư gốc được tin cậy; 01/01/2020 – 01/01/2045)');
    expect(text).toContain('chưa bị thu hồi (CRL, 01/05/2026)');
    // The PDF's /M and the CMS signing-time: 2026-05-15T03:00Z, a claim.
    expect(text).toContain('Thời điểm ký: 15/05/2026 10:00:00 (giờ Việt Nam) — do người ký tự khai');
    expect(text).toContain('Tệp đính kèm (3):');
    expect(text).toContain('1. cong-van.pdf (tệp PDF, ');
    expect(text).toContain('được chữ ký phong bì bao phủ): HỢP LỆ (TOTAL-PASSED)');
    expect(text).toContain(
      '2. bao-cao.txt (dữ liệu không nhận dạng được, 82 byte, được chữ ký phong bì bao phủ): không kiểm tra chữ ký',
    );
    expect(text).toContain('Phạm vi ký: nội dung tách rời');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/undefined|null|\[object/);
  });

  it('gives the reason of a failure in words', () => {
    const text = formatVerificationText(tampered);
    expect(text).toMatch(/^KẾT QUẢ: KHÔNG HỢP LỆ \(TOTAL-FAILED\/HASH_FAILURE\) — sua\.pdf/);
    expect(text).toContain('Lý do: nội dung đã bị thay đổi sau khi ký.');
    expect(text).toContain('Các kiểm tra không đạt:');
  });

  it('states that an unsigned envelope is protected by no signature', () => {
    const text = formatVerificationText(unsignedEnvelope);
    expect(text).toContain('Phong bì edXML không có chữ ký XMLDSig.');
    expect(text).toContain('kết quả chỉ dựa trên chữ ký trong tệp đính kèm');
  });

  it('shows an unreadable file as an error, and several files with a summary', async () => {
    const missing = await verifyFile('/nonexistent/lienthong/x.pdf', m.options);
    const text = formatVerificationText([passed, tampered, missing]);
    expect(text).toContain(
      'KẾT QUẢ: KHÔNG XÁC ĐỊNH (INDETERMINATE) — /nonexistent/lienthong/x.pdf\nLỗi: Không tìm thấy tệp «/nonexistent/lienthong/x.pdf».',
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe('Tổng kết: 3 tệp — 1 hợp lệ, 1 không hợp lệ, 1 không xác định được');
  });

  it('shows an identifier the certificate carries twice once, and formats every byte count as a number', () => {
    const result = structuredClone(passed);
    const signature = result.signatures[0];
    if (!signature?.signer) throw new Error('the envelope has a signer');
    // As a seal's certificate does: the MST in organizationIdentifier (VATVN-…) and in UID=MST:….
    signature.signer.identifiers = [
      { type: 'organizationIdentifier', value: 'VATVN-0400260612', source: 'organizationIdentifier=VATVN-0400260612' },
      { type: 'MST', value: '0400260612', source: 'organizationIdentifier=VATVN-0400260612' },
      { type: 'MNS', value: '1047665', source: 'UID=MNS:1047665' },
      { type: 'MST', value: '0400260612', source: 'UID=MST:0400260612' },
    ];
    signature.coverage = { kind: 'partial-document', description: 'bytes', unsignedTrailingBytes: 25307 };
    const vi = formatVerificationText(result);
    expect(vi).toContain('Định danh: Mã tổ chức: VATVN-0400260612; MST: 0400260612; Mã ngân sách: 1047665\n');
    expect(vi).toContain('còn 25.307 byte sau phần đã ký');
    const en = formatVerificationText(result, { lang: 'en' });
    expect(en.match(/0400260612/g)).toHaveLength(2);
    expect(en).toContain('25,307 bytes after the signed part');
    // The result itself keeps every identifier with its source.
    expect(signature.signer.identifiers).toHaveLength(4);
  });

  it('says when a time comes from a verified timestamp rather than the signer', () => {
    const signature = passed.attachments[0]?.result?.signatures[0];
    if (!signature) throw new Error('the PDF attachment has a signature');
    const stamped: VerificationResult = {
      ...passed,
      attachments: [],
      signatures: [
        {
          ...signature,
          signingTime: {
            claimed: '2026-05-15T03:00:00.000Z',
            timestamp: '2026-05-15T03:01:00.000Z',
            validatedAt: '2026-05-15T03:01:00.000Z',
          },
        },
      ],
    };
    const text = formatVerificationText(stamped);
    expect(text).toContain(
      'Thời điểm ký: 15/05/2026 10:01:00 (giờ Việt Nam), theo dấu thời gian đã kiểm tra (người ký khai: 15/05/2026 10:00:00 (giờ Việt Nam))',
    );
    // Validated at the timestamp, not at the file's time: shown for that signature.
    expect(text).toContain('  Thời điểm kiểm tra: 15/05/2026 10:01:00 (giờ Việt Nam)');
  });

  it('shows what became of every attachment: unsigned, not checked, undecodable, content missing', async () => {
    const xml = envelope([
      { name: 'cong-van.pdf', data: m.unsignedPdf },
      { name: 'anh.png', data: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
      { name: 'rieng.txt.p7s', data: m.reportSignature },
      { name: 'hong.pdf', data: m.signedPdf },
    ]);
    const payload = Buffer.from(m.signedPdf).toString('base64');
    const result = await verify(utf8(xml.replace(payload, `!${payload.slice(1)}`)), m.options);
    const text = formatVerificationText(result);
    expect(text).toContain('1. cong-van.pdf (tệp PDF, ');
    expect(text).toMatch(/1\. cong-van\.pdf \(tệp PDF, [\d.]+ byte\): không có chữ ký\n/);
    expect(text).toContain('2. anh.png (ảnh PNG, 8 byte): không kiểm tra chữ ký');
    expect(text).toMatch(
      /3\. rieng\.txt\.p7s \(chữ ký CMS\/PKCS#7, [\d.]+ byte\): KHÔNG XÁC ĐỊNH \(INDETERMINATE\/SIGNED_DATA_NOT_FOUND\)/,
    );
    expect(text).toContain('không có tệp đính kèm nào tên «rieng.txt»');
    expect(text).toContain('4. hong.pdf: KHÔNG XÁC ĐỊNH (INDETERMINATE/FORMAT_FAILURE)');
    expect(text).toContain('Không giải mã được tệp đính kèm');
  });
});

describe('formatVerificationText with names the sender chose', () => {
  it('shows control and bidi characters escaped: a name cannot start a line of its own or drive the terminal', async () => {
    // XML carries no C0 control but LF; a C1 CSI (U+009B) and bidi overrides it does carry.
    const spoof = 'cong-van.pdf\nKẾT QUẢ: HỢP LỆ (TOTAL-PASSED) — cong-van.edxml\u009b2K\u202Efdp.exe';
    const result = await verify(utf8(envelope([{ name: spoof, data: m.signedPdf }])), m.options);
    expect(result.attachments[0]?.name).toBe(spoof);
    for (const lang of ['vi', 'en'] as const) {
      const text = formatVerificationText(result, { lang });
      const lines = text.trimEnd().split('\n');
      expect(
        lines.filter((line) => /^(KẾT QUẢ|RESULT):/.test(line)),
        lang,
      ).toHaveLength(1);
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(text).toContain(
        'cong-van.pdf\\u000AKẾT QUẢ: HỢP LỆ (TOTAL-PASSED) — cong-van.edxml\\u009B2K\\u202Efdp.exe',
      );
    }
  });
});

describe('formatVerificationText in English', () => {
  it('uses English labels and ISO-like Vietnam times', () => {
    const text = formatVerificationText(passed, { lang: 'en' });
    expect(text).toMatch(/^RESULT: VALID \(TOTAL-PASSED\) — cong-van\.edxml\n/);
    expect(text).toContain('Validated at: 2026-06-01 07:00:00 (Vietnam time, UTC+7)');
    expect(text).toContain('Identifiers: Tax code (MST): 0101234567; Citizen ID (CCCD): 001234567890');
    expect(text).toContain('claimed by the signer, not backed by a timestamp');
    expect(text).toContain('Coverage: the whole document (URI=""');
    expect(text).toContain('3. Lienthong Test Root CA (trust anchor; 2020-01-01 – 2045-01-01)');
    expect(formatVerificationText(tampered, { lang: 'en' })).toContain(
      'Reason: the signed content was changed after signing.',
    );
  });
});
