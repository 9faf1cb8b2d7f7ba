import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../test/corpus';
import { SAMPLE_PDF } from '../test/sample-files';
import { buildAndReply } from './build-and-reply';
import { extractByStream } from './extract-by-stream';
import { validateAndPrint } from './validate-and-print';

// The README's examples, run for real.
describe('README examples', () => {
  it('build a document and a status reply', () => {
    const { edxml, statusEdxml, documentId } = buildAndReply(SAMPLE_PDF);
    expect(documentId).toBe('000.00.00.H41,2025/01/15,12/UBND-TH');
    expect(edxml).toContain('<edXML:Subject>V/v báo cáo tình hình triển khai</edXML:Subject>');
    expect(statusEdxml).toContain('<edXML:StatusCode>03</edXML:StatusCode>');
  });

  it('validate and print a report', () => {
    const { valid, text } = validateAndPrint(
      readCorpus('axis-downloaded_2025_edoc_corrupted-binary.edxml'),
      'tai-ve.edxml',
    );
    expect(valid).toBe(false);
    expect(text).toContain('KHÔNG HỢP LỆ  tai-ve.edxml');
    expect(text).toContain('EDXML-ATT-011');
  });

  it('extract attachments by stream', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lienthong-extract-'));
    try {
      const envelope = join(dir, 'van-ban.edxml');
      writeFileSync(envelope, buildAndReply(SAMPLE_PDF).edxml);
      const { written, valid } = await extractByStream(envelope, dir);
      expect(valid).toBe(true);
      expect(written).toEqual([join(dir, '12-UBND-TH.pdf')]);
      expect(readFileSync(written[0] as string).equals(Buffer.from(SAMPLE_PDF))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
