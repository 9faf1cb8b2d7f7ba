import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { inspectJsonSchema } from '../src/commands/edxml/inspect-model';
import { runCli } from './run-cli';
import { INVALID_DOCUMENT, NOT_XML, VALID_DOCUMENT, VALID_STATUS, validateInspectResult } from './support';

// Each case starts the built binary (a Node process loading every package); a busy CI machine needs time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

function parseInspect(stdout: string) {
  const result = JSON.parse(stdout);
  expect(validateInspectResult(result), JSON.stringify(validateInspectResult.errors)).toBe(true);
  return result;
}

describe('lienthong edxml inspect', () => {
  it('the committed schema/edxml-inspect.schema.json is the one the zod model generates (run schema:write)', () => {
    const committed = JSON.parse(readFileSync(new URL('../schema/edxml-inspect.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(inspectJsonSchema());
  });

  it('a document as JSON: header, recipients, attachments with name, decoded size and detected type; exit 0', async () => {
    const run = await runCli(['edxml', 'inspect', VALID_DOCUMENT, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const result = parseInspect(run.stdout);
    expect(result).toMatchObject({
      formatVersion: '1.0',
      file: VALID_DOCUMENT,
      size: 18124,
      kind: 'document',
      valid: true,
      counts: { error: 0, warning: 5, info: 1 },
      errors: [],
      header: {
        from: { organId: 'vxp.saas.03' },
        documentId: '5e515fca-3627-4f2e-b517-7169acdc8bda',
        code: 'BINTEST123/GW-AUTO',
        subject: 'Binary fix test',
        documentType: 'Công văn',
        promulgationPlace: 'Hà Nội',
        promulgationDate: '2025/10/23',
        signer: 'Gateway Auto',
      },
      recipients: [{ organId: 'vxp.saas.03' }],
      signed: false,
    });
    // The PDF travels inside a one-file ZIP wrapper: the bytes say zip, whatever the declared type.
    expect(result.attachments).toEqual([
      expect.objectContaining({
        number: 1,
        name: '1761211722949_TestTrucLienThong.pdf',
        contentType: 'application/pdf',
        size: 10689,
        detectedType: 'zip',
      }),
    ]);
  });

  it('a status packet as text, in English', async () => {
    const run = await runCli(['edxml', 'inspect', VALID_STATUS, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `File         ${VALID_STATUS} (1,715 bytes)`,
        'Packet       status',
        'Verdict      VALID — 0 errors, 0 warnings, 0 info',
        'From         000.00.00.H41 UBND Tỉnh Nghệ An',
        'Sent at      2015/09/20 11:08:36',
        'In reply to  000.00.00.G22,2015/09/30,7816/VPCP-TTĐT',
        'Status       03 — Accepted',
        'Signature    no',
        '',
      ].join('\n'),
    );
    const json = parseInspect((await runCli(['edxml', 'inspect', VALID_STATUS, '--format', 'json'])).stdout);
    expect(json.status).toEqual({
      code: '03',
      label: { vi: 'Đã tiếp nhận', en: 'Accepted' },
      description: expect.any(String),
    });
  });

  it('an invalid document is still inspected (exit 0) and lists its errors', async () => {
    const run = await runCli(['edxml', 'inspect', INVALID_DOCUMENT, '--format', 'json']);
    expect(run.code).toBe(0);
    const result = parseInspect(run.stdout);
    expect(result.valid).toBe(false);
    expect(result.errors.map((error: { ruleId: string }) => error.ruleId)).toEqual([
      'EDXML-HDR-011',
      'EDXML-HDR-011',
      'EDXML-HDR-011',
      'EDXML-HDR-012',
    ]);
  });

  it('a file that holds no edXML envelope: kind null, exit 1', async () => {
    const run = await runCli(['edxml', 'inspect', NOT_XML, '--format', 'json']);
    expect(run.code).toBe(1);
    const result = parseInspect(run.stdout);
    expect(result.kind).toBeNull();
    expect(result.attachments).toEqual([]);
  });

  it('a missing file: one line on stderr, and with --format json still a valid JSON result with an error; exit 2', async () => {
    const text = await runCli(['edxml', 'inspect', 'missing.edxml']);
    expect(text).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lienthong: không tìm thấy tệp missing.edxml (FILE_NOT_FOUND)\n',
    });
    const json = await runCli(['edxml', 'inspect', 'missing.edxml', '--format', 'json']);
    expect(json.code).toBe(2);
    const result = parseInspect(json.stdout);
    expect(result.error).toEqual({
      code: 'FILE_NOT_FOUND',
      message: { vi: 'không tìm thấy tệp missing.edxml', en: 'file not found: missing.edxml' },
    });
  });
});
