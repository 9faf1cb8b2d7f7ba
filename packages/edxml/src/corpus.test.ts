import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpus } from '../test/corpus';
import { parseEdxml, validateEdxml } from './index';

interface Expected {
  readonly kind: 'document' | 'status';
  readonly valid: boolean;
  /** Every rule reported as an error, and why (the data really is wrong). */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** Whether strict mode still reads the message (it refuses XML that is not namespace-well-formed). */
  readonly strictReads: boolean;
}

/**
 * The recorded outcome of every real file. A change here is a change of behaviour on real traffic:
 * review it as such.
 */
const EXPECTED: Record<string, Expected> = {
  // The attachment is a ZIP wrapper whose single entry, named .PDF, is 17 bytes that are not a PDF (ATT-009).
  'axis-downloaded_2019_edoc.edxml': {
    kind: 'document',
    valid: false,
    errors: ['EDXML-ATT-009'],
    warnings: ['EDXML-BUS-001', 'EDXML-HDR-005', 'EDXML-HDR-010', 'EDXML-HDR-014', 'EDXML-HDR-018', 'EDXML-STR-008'],
    strictReads: true,
  },
  // The PDF went through a text round trip: thousands of U+FFFD (ATT-011).
  'axis-downloaded_2025_edoc_corrupted-binary.edxml': {
    kind: 'document',
    valid: false,
    errors: ['EDXML-ATT-011'],
    warnings: ['EDXML-BUS-001', 'EDXML-HDR-004', 'EDXML-HDR-005', 'EDXML-HDR-010'],
    strictReads: true,
  },
  'axis-downloaded_2025_edoc_pdf.edxml': {
    kind: 'document',
    valid: true,
    errors: [],
    warnings: ['EDXML-BUS-001', 'EDXML-HDR-004', 'EDXML-HDR-005', 'EDXML-HDR-010'],
    strictReads: true,
  },
  'gateway_minimal_edoc.xml': {
    kind: 'document',
    valid: true,
    errors: [],
    warnings: ['EDXML-HDR-002', 'EDXML-HDR-005', 'EDXML-HDR-010', 'EDXML-TRC-001'],
    strictReads: true,
  },
  // The ZIP wrapper is truncated: its end-of-central-directory record lacks its last two bytes (ATT-010).
  'gateway_test_with_content.edxml': {
    kind: 'document',
    valid: false,
    errors: ['EDXML-ATT-010'],
    warnings: ['EDXML-HDR-002', 'EDXML-HDR-005', 'EDXML-HDR-010', 'EDXML-TRC-001'],
    strictReads: true,
  },
  // Attachments in a made-up edXMLAttachments element and no manifest (ATT-001).
  'gateway_txt_attachment.edxml': {
    kind: 'document',
    valid: false,
    errors: ['EDXML-ATT-001'],
    warnings: ['EDXML-ATT-015', 'EDXML-HDR-005', 'EDXML-HDR-010', 'EDXML-STR-004', 'EDXML-TRC-001'],
    strictReads: true,
  },
  'gateway_upload_1da394ba-2117-4354-a23f-6ec3e47ba81b.edxml': {
    kind: 'document',
    valid: true,
    errors: [],
    warnings: ['EDXML-HDR-005', 'EDXML-HDR-010', 'EDXML-STR-005'],
    strictReads: true,
  },
  'gateway_upload_1f881896-6e3a-4a5f-87f1-c380878e148e.edxml': {
    kind: 'document',
    valid: true,
    errors: [],
    warnings: ['EDXML-BUS-001', 'EDXML-HDR-005', 'EDXML-HDR-010'],
    strictReads: true,
  },
  'gateway_upload_b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml': {
    kind: 'document',
    valid: true,
    errors: [],
    warnings: ['EDXML-BUS-001', 'EDXML-HDR-005', 'EDXML-HDR-010'],
    strictReads: true,
  },
  'gateway_upload_bb5d2f68-bbce-49da-aa9a-2197cabec3bf.edxml': {
    kind: 'document',
    valid: true,
    errors: [],
    warnings: ['EDXML-HDR-005', 'EDXML-HDR-010', 'EDXML-STR-005'],
    strictReads: true,
  },
  'gateway_upload_bdb98a62-a2be-4c25-9075-8dcdbcdb1402.edxml': {
    kind: 'document',
    valid: true,
    errors: [],
    warnings: ['EDXML-HDR-005', 'EDXML-HDR-010', 'EDXML-STR-005'],
    strictReads: true,
  },
  // DocumentId disagrees with From, PromulgationDate and Code (HDR-011); Bussiness/DocumentId is 2014/02/30 (HDR-012).
  'vpcp-sdk_edoc_new.edxml': {
    kind: 'document',
    valid: false,
    errors: ['EDXML-HDR-011', 'EDXML-HDR-012'],
    warnings: ['EDXML-HDR-005', 'EDXML-HDR-014', 'EDXML-STR-008'],
    strictReads: true,
  },
  // DocumentId dated 2015/09/30 on a document promulgated 2018/09/28 (HDR-011).
  'vpcp-sdk_edoc_replacement.edxml': {
    kind: 'document',
    valid: false,
    errors: ['EDXML-HDR-011'],
    warnings: ['EDXML-STR-008'],
    strictReads: true,
  },
  'vpcp-sdk_edoc_revocation.edxml': {
    kind: 'document',
    valid: false,
    errors: ['EDXML-HDR-011'],
    warnings: ['EDXML-STR-005', 'EDXML-STR-008'],
    strictReads: true,
  },
  // Undeclared xlink/edXML prefixes (XML-006, a warning when tolerant); the payload is a JMeter placeholder (ATT-007).
  'vpcp-sdk_edoc_signed-sample.edxml': {
    kind: 'document',
    valid: false,
    errors: ['EDXML-ATT-007'],
    warnings: [
      'EDXML-ATT-014',
      'EDXML-BUS-001',
      'EDXML-HDR-005',
      'EDXML-HDR-010',
      'EDXML-HDR-014',
      'EDXML-HDR-018',
      'EDXML-STR-005',
      'EDXML-XML-006',
    ],
    strictReads: false,
  },
  'vpcp-sdk_edoc_update.edxml': {
    kind: 'document',
    valid: false,
    errors: ['EDXML-HDR-011', 'EDXML-HDR-012'],
    warnings: ['EDXML-STR-008'],
    strictReads: true,
  },
  // ResponseFor/DocumentId is dated 2015/09/30, ResponseFor/PromulgationDate 2018/09/28 (HDR-011).
  'vpcp-sdk_status_01_generic.edxml': {
    kind: 'status',
    valid: false,
    errors: ['EDXML-HDR-011'],
    warnings: ['EDXML-STR-005'],
    strictReads: true,
  },
  'vpcp-sdk_status_01_inbox.edxml': { kind: 'status', valid: true, errors: [], warnings: [], strictReads: true },
  'vpcp-sdk_status_02_rejection.edxml': { kind: 'status', valid: true, errors: [], warnings: [], strictReads: true },
  'vpcp-sdk_status_03_acceptance.edxml': { kind: 'status', valid: true, errors: [], warnings: [], strictReads: true },
  'vpcp-sdk_status_04_assignment.edxml': { kind: 'status', valid: true, errors: [], warnings: [], strictReads: true },
  'vpcp-sdk_status_05_processing.edxml': { kind: 'status', valid: true, errors: [], warnings: [], strictReads: true },
  'vpcp-sdk_status_06_finish.edxml': { kind: 'status', valid: true, errors: [], warnings: [], strictReads: true },
  // ResponseFor/DocumentId names G22 as the sender but ResponseFor/OrganId says H41 (HDR-011); who sent the
  // original is then in doubt, so the direction of status 13 is not judged.
  'vpcp-sdk_status_13_cancellation.edxml': {
    kind: 'status',
    valid: false,
    errors: ['EDXML-HDR-011'],
    warnings: [],
    strictReads: true,
  },
  'vpcp-sdk_status_15_change-acceptance.edxml': {
    kind: 'status',
    valid: true,
    errors: [],
    warnings: [],
    strictReads: true,
  },
  'vpcp-sdk_status_16_change-rejection.edxml': {
    kind: 'status',
    valid: true,
    errors: [],
    warnings: [],
    strictReads: true,
  },
};

const idsOf = (issues: readonly { ruleId: string; severity: string }[], severity: string) =>
  [...new Set(issues.filter((issue) => issue.severity === severity).map((issue) => issue.ruleId))].sort();

describe('the real edXML corpus', () => {
  it('has an expected outcome recorded for every file', () => {
    expect(corpusFiles).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(corpusFiles)('%s gives its recorded outcome', (name) => {
    const expected = EXPECTED[name] as Expected;
    const { message, report } = validateEdxml(readCorpus(name), { subject: name });
    expect(message?.kind).toBe(expected.kind);
    expect(report.valid).toBe(expected.valid);
    expect(idsOf(report.issues, 'error')).toEqual(expected.errors);
    expect(idsOf(report.issues, 'warning')).toEqual(expected.warnings);
    expect(report.steps.map((step) => [step.name, step.status])).toEqual([
      ['read', 'completed'],
      ['validate', 'completed'],
    ]);
    for (const issue of report.issues) {
      expect(issue.message.vi.length).toBeGreaterThan(0);
      expect(issue.message.en.length).toBeGreaterThan(0);
    }
  });

  it.each(corpusFiles)('%s in strict mode: quirks become errors', (name) => {
    const expected = EXPECTED[name] as Expected;
    const strict = validateEdxml(readCorpus(name), { subject: name, mode: 'strict' });
    expect(strict.message !== undefined).toBe(expected.strictReads);
    if (
      expected.warnings.some((id) => ['EDXML-STR-005', 'EDXML-HDR-004', 'EDXML-XML-006', 'EDXML-TRC-001'].includes(id))
    ) {
      expect(strict.report.valid).toBe(false);
    }
    if (!expected.valid) expect(strict.report.valid).toBe(false);
  });

  it('reads the signed SDK sample tolerantly and refuses it strictly', () => {
    const bytes = readCorpus('vpcp-sdk_edoc_signed-sample.edxml');
    const tolerant = parseEdxml(bytes);
    expect(tolerant.message?.kind).toBe('document');
    const xlink = tolerant.report.issues.find((issue) => issue.ruleId === 'EDXML-XML-006');
    expect(xlink).toMatchObject({ severity: 'warning', location: { line: 116 } });
    expect(tolerant.message?.kind === 'document' && tolerant.message.manifest?.references[0]?.xlink).toEqual({
      href: '',
    });

    const strict = parseEdxml(bytes, { mode: 'strict' });
    expect(strict.message).toBeUndefined();
    expect(strict.report.valid).toBe(false);
    expect(strict.report.issues.find((issue) => issue.ruleId === 'EDXML-XML-006')).toMatchObject({
      severity: 'error',
      location: { line: 116 },
    });
  });

  it('reports the corrupted PDF as corrupted, with the count of replacement characters', () => {
    const { report } = validateEdxml(readCorpus('axis-downloaded_2025_edoc_corrupted-binary.edxml'));
    const corrupted = report.issues.find((issue) => issue.ruleId === 'EDXML-ATT-011');
    expect(corrupted?.severity).toBe('error');
    expect(corrupted?.params?.count).toBeGreaterThan(100);
    expect(corrupted?.message.vi).toContain('U+FFFD');
    expect(corrupted?.location?.path).toBe('AttachmentEncoded/Attachment[1]/ContentTransferEncoded');
  });

  it.each(corpusFiles)('%s: every finding has a line and column', (name) => {
    const { report } = validateEdxml(readCorpus(name), { subject: name });
    for (const issue of report.issues) {
      expect(issue.location?.line, `${issue.ruleId} ${issue.location?.path}`).toBeGreaterThan(0);
      expect(issue.location?.column).toBeGreaterThan(0);
    }
  });

  it('locates findings by logical path and by line and column', () => {
    const { report } = validateEdxml(readCorpus('vpcp-sdk_edoc_new.edxml'));
    const mismatch = report.issues.find((issue) => issue.ruleId === 'EDXML-HDR-011');
    expect(mismatch?.location).toMatchObject({ path: 'MessageHeader/DocumentId', line: 27 });
    expect(mismatch?.location?.column).toBeGreaterThan(0);
    expect(mismatch?.reference).toBe('QCVN 102:2016 §1.14');
  });
});
