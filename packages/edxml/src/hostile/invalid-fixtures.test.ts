/**
 * The named invalid and hostile fixtures (test/fixtures/invalid, test/fixtures/hostile; how each was made is in
 * their README.md): the exact rules each one triggers, in tolerant and strict reading, and the same report from
 * the streaming reader as from the in-memory one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Report, ReportSchema } from '@lienthong/report';
import { describe, expect, it } from 'vitest';
import { type EdxmlMessage, type ReadMode, readEdxmlStream, validateEdxml } from '../index';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const FIXED_CLOCK = () => new Date(0);

interface Outcome {
  readonly valid: boolean;
  /** Whether a message was read (a refused input has none). */
  readonly read: boolean;
  /** The rules reported as errors, each once, sorted. */
  readonly errors: readonly string[];
  /** The rules reported as warnings or info, each once, sorted. */
  readonly notes: readonly string[];
  /** Where the first issue of the first error rule is: [line, column]. */
  readonly at?: readonly [number, number];
}

interface Expected {
  readonly tolerant: Outcome;
  readonly strict: Outcome;
}

const refused = (rule: string, at: readonly [number, number]): Outcome => ({
  valid: false,
  read: false,
  errors: [rule, 'REPORT-STEP-002'].sort(),
  notes: [],
  at,
});
const both = (outcome: Outcome): Expected => ({ tolerant: outcome, strict: outcome });

/** What the gateway's minimal envelope (the source of most fixtures) is warned about when read. */
const MINIMAL_NOTES = ['EDXML-HDR-002', 'EDXML-HDR-005', 'EDXML-HDR-010', 'EDXML-TRC-001'];
/** In strict reading, the tolerated quirks among them become errors. */
const MINIMAL_STRICT_ERRORS = ['EDXML-HDR-002', 'EDXML-TRC-001'];

const EXPECTED: Record<string, Expected> = {
  // DOCTYPE is refused where it starts, before any entity is declared or expanded.
  'invalid/doctype-billion-laughs.edxml': both(refused('EDXML-XML-002', [2, 1])),
  'invalid/doctype-external-entity-file-etc-passwd.edxml': both(refused('EDXML-XML-002', [2, 1])),
  'invalid/doctype-parameter-entity-remote-dtd.edxml': both(refused('EDXML-XML-002', [2, 1])),
  // Declared ISO-8859-1 but the bytes are ASCII: tolerant reading goes on, the error remains.
  'invalid/encoding-declared-iso-8859-1.edxml': {
    tolerant: { valid: false, read: true, errors: ['EDXML-XML-004'], notes: MINIMAL_NOTES, at: [1, 1] },
    strict: refused('EDXML-XML-004', [1, 1]),
  },
  // Bytes C3 28 after "T" in <edXML:Subject>.
  'invalid/invalid-utf8-in-subject.edxml': both(refused('EDXML-XML-004', [13, 25])),
  // "1212" before <?xml, as in the JDK 1.8 copy of the SDK's edoc_new.edxml.
  'invalid/junk-before-xml-declaration.edxml': {
    tolerant: { valid: true, read: true, errors: [], notes: [...MINIMAL_NOTES, 'EDXML-XML-005'].sort() },
    strict: refused('EDXML-XML-005', [1, 1]),
  },
  // The first non-ASCII byte is the "à" of "Hà Nội" (the "ố" before it became "?").
  'invalid/latin1-encoded.edxml': both(refused('EDXML-XML-004', [8, 34])),
  // ContentTransferEncoded before ContentId, AttachmentName and ContentType: only an order warning.
  'invalid/payload-before-attachment-metadata.edxml': {
    tolerant: { valid: true, read: true, errors: [], notes: [...MINIMAL_NOTES, 'EDXML-STR-005'].sort() },
    strict: {
      valid: false,
      read: true,
      errors: [...MINIMAL_STRICT_ERRORS, 'EDXML-STR-005'].sort(),
      notes: ['EDXML-HDR-005', 'EDXML-HDR-010'],
      at: [29, 7],
    },
  },
  // Attachment 2 of 3 has no ContentTransferEncoded: STR-002 and ATT-008 on attachment 2, nothing on 3.
  'invalid/second-of-three-attachments-without-payload.edxml': {
    tolerant: {
      valid: false,
      read: true,
      errors: ['EDXML-ATT-008', 'EDXML-STR-002'],
      notes: ['EDXML-HDR-005', 'EDXML-HDR-010', 'EDXML-STR-005'],
      at: [83, 5],
    },
    strict: {
      valid: false,
      read: true,
      errors: ['EDXML-ATT-008', 'EDXML-STR-002', 'EDXML-STR-005'],
      notes: ['EDXML-HDR-005', 'EDXML-HDR-010'],
      // TraceHeader after Bussiness (line 50) is out of order: an error in strict reading.
      at: [50, 9],
    },
  },
  // Cut 100 characters into the base64 payload: the payload element is reported unclosed.
  'invalid/truncated-in-attachment.edxml': both(refused('EDXML-XML-001', [31, 7])),
  // xmlns:edXML removed from edXMLEnvelope: every edXML: element has an unbound prefix (tolerated, warned).
  'invalid/unbound-edxml-prefix.edxml': {
    tolerant: { valid: true, read: true, errors: [], notes: [...MINIMAL_NOTES, 'EDXML-XML-006'].sort() },
    strict: refused('EDXML-XML-006', [3, 3]),
  },
  'invalid/utf16le-with-bom.edxml': both(refused('EDXML-XML-004', [1, 1])),
  // The first non-ASCII byte is the "ô" (F4) of "Số", followed by its tone mark.
  'invalid/windows-1258-encoded.edxml': both(refused('EDXML-XML-004', [8, 28])),

  // An HTML error page starts with <!DOCTYPE html>.
  'hostile/html-page-instead-of-edxml.html': both(refused('EDXML-XML-002', [1, 1])),
  // Tolerant reading skips the JSON up to the "<edXML/>" in a string value, then finds text after that root.
  'hostile/json-instead-of-edxml.json': {
    tolerant: {
      valid: false,
      read: false,
      errors: ['EDXML-XML-001', 'REPORT-STEP-002'],
      notes: ['EDXML-XML-005'],
      at: [6, 23],
    },
    strict: refused('EDXML-XML-005', [1, 1]),
  },
  // Tolerant reading skips "%PDF-1.4" and stops at the binary marker line.
  'hostile/pdf-instead-of-edxml.pdf': {
    tolerant: {
      valid: false,
      read: false,
      errors: ['EDXML-XML-004', 'REPORT-STEP-002'],
      notes: ['EDXML-XML-005'],
      at: [2, 2],
    },
    strict: refused('EDXML-XML-005', [1, 1]),
  },
  'hostile/utf8-bom.edxml': {
    tolerant: { valid: true, read: true, errors: [], notes: [...MINIMAL_NOTES, 'EDXML-XML-007'].sort() },
    strict: {
      valid: false,
      read: true,
      errors: MINIMAL_STRICT_ERRORS,
      notes: ['EDXML-HDR-005', 'EDXML-HDR-010', 'EDXML-XML-007'],
      at: [5, 7],
    },
  },
};

const fixtureNames = ['invalid', 'hostile'].flatMap((dir) =>
  readdirSync(`${FIXTURES}${dir}`)
    .filter((name) => name !== 'README.md')
    .map((name) => `${dir}/${name}`),
);
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(`${FIXTURES}${name}`));

function outcomeOf(report: Report, message: EdxmlMessage | undefined): Outcome {
  const unique = (ids: string[]) => [...new Set(ids)].sort();
  const errors = report.issues.filter((issue) => issue.severity === 'error');
  const firstError = errors[0]?.location;
  return {
    valid: report.valid,
    read: message !== undefined,
    errors: unique(errors.map((issue) => issue.ruleId)),
    notes: unique(report.issues.filter((issue) => issue.severity !== 'error').map((issue) => issue.ruleId)),
    ...(firstError?.line !== undefined ? { at: [firstError.line, firstError.column as number] as const } : {}),
  };
}

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

function withoutPayloads(message: EdxmlMessage | undefined): EdxmlMessage | undefined {
  if (message?.kind !== 'document') return message;
  return {
    ...message,
    attachments: message.attachments.map((attachment) => ({ ...attachment, contentTransferEncoded: '' })),
  };
}

describe('named invalid and hostile fixtures', () => {
  it('every fixture file has its expected outcome, and every expected outcome its file', () => {
    expect([...fixtureNames].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(['tolerant', 'strict'] as const)('%s reading', (mode: ReadMode) => {
    it.each(fixtureNames)('%s', (name) => {
      const { report, message } = validateEdxml(read(name), { subject: name, mode, now: FIXED_CLOCK });
      expect(ReportSchema.safeParse(report).success).toBe(true);
      expect(outcomeOf(report, message)).toEqual(EXPECTED[name]?.[mode]);
    });
  });

  describe.each(['tolerant', 'strict'] as const)('readEdxmlStream, %s: the report validateEdxml gives', (mode) => {
    it.each(fixtureNames)('%s', async (name) => {
      const bytes = read(name);
      const options = { subject: name, mode, now: FIXED_CLOCK };
      const expected = validateEdxml(bytes, options);
      for (const size of [1, 7, 4096]) {
        const reader = readEdxmlStream(inChunks(bytes, size), options);
        for await (const part of reader) {
          if (part.type === 'attachment') for await (const _ of part.bytes);
        }
        const streamed = await reader.result;
        expect(streamed.report).toEqual(expected.report);
        expect(streamed.message).toEqual(withoutPayloads(expected.message));
      }
    });
  });

  it('streamed parts of second-of-three-attachments-without-payload: attachments numbered by their position', async () => {
    const bytes = read('invalid/second-of-three-attachments-without-payload.edxml');
    const reader = readEdxmlStream(inChunks(bytes, 4096));
    const parts: [number, string | undefined][] = [];
    for await (const part of reader) {
      if (part.type === 'attachment') {
        parts.push([part.index, part.attachment.attachmentName]);
        for await (const _ of part.bytes);
      }
    }
    // Attachment 2 (localB.txt) has no payload to stream; localC.txt is still the third attachment.
    expect(parts.find(([, name]) => name === 'localA.txt')?.[0]).toBe(0);
    expect(parts.find(([, name]) => name === 'localC.txt')?.[0]).toBe(2);
  });
});
