import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryMessage } from '../../test/arbitrary-message';
import { corpusFiles, readCorpus } from '../../test/corpus';
import { hasXmllint, requireXmllint, xmllintErrors } from '../../test/xmllint';
import { EdxmlError } from '../errors';
import type { EdxmlMessage } from '../model/message';
import { parseEdxml } from '../parse/parse-edxml';
import { serializeEdxml, serializeEdxmlToBytes } from './serialize';

function reread(message: EdxmlMessage): EdxmlMessage | undefined {
  return parseEdxml(serializeEdxml(message)).message;
}

describe('serializeEdxml', () => {
  it.each(corpusFiles)('%s survives parse → serialize → parse with no field lost', (name) => {
    const first = parseEdxml(readCorpus(name)).message;
    expect(first).toBeDefined();
    const again = reread(first as EdxmlMessage);
    expect(again).toEqual(first);
    // And serializing is a fixed point from there on.
    expect(serializeEdxml(again as EdxmlMessage)).toBe(serializeEdxml(first as EdxmlMessage));
  });

  it('round-trips generated messages exactly: parse(serialize(m)) equals m', () => {
    fc.assert(
      fc.property(arbitraryMessage, (message) => {
        const written = serializeEdxml(message);
        const { message: read, report } = parseEdxml(written);
        expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
        expect(read).toEqual(message);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and writes UTF-8 without a byte order mark', () => {
    const message = parseEdxml(readCorpus('axis-downloaded_2025_edoc_pdf.edxml')).message as EdxmlMessage;
    const bytes = serializeEdxmlToBytes(message);
    expect([...bytes.subarray(0, 5)]).toEqual([...Buffer.from('<?xml')]);
    expect(Buffer.from(serializeEdxmlToBytes(message)).equals(Buffer.from(bytes))).toBe(true);
    expect(new TextDecoder().decode(bytes)).toBe(serializeEdxml(message));
  });

  it('writes what the SDKs write: default-namespace root, edXML: envelope, AttachmentEncoded beside it', () => {
    const message = parseEdxml(readCorpus('vpcp-sdk_edoc_update.edxml')).message as EdxmlMessage;
    const xml = serializeEdxml(message);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">\n',
      ),
    ).toBe(true);
    expect(xml).toContain('  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">\n');
    expect(xml).toContain(
      '  </edXML:edXMLEnvelope>\n  <AttachmentEncoded>\n    <Attachment>\n      <ContentId>cid:209</ContentId>',
    );
    expect(xml).toContain('<edXML:ContentTransferEncoded xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">UEsDB');
    expect(xml.endsWith('</edXML>\n')).toBe(true);
  });

  it('keeps text exactly: markup characters, carriage returns, surrounding spaces, Vietnamese', () => {
    const message = parseEdxml(readCorpus('gateway_minimal_edoc.xml')).message as EdxmlMessage;
    if (message.kind !== 'document') throw new Error('expected a document');
    const subject = ' V/v <thử> & "kiểm tra"\r\n\tđa dòng ]]> ';
    const again = reread({ ...message, header: { ...message.header, subject } });
    expect(again?.kind === 'document' && again.header.subject).toBe(subject);
  });

  it('refuses, as a programmer error, a value XML cannot carry', () => {
    const message = parseEdxml(readCorpus('gateway_minimal_edoc.xml')).message as EdxmlMessage;
    if (message.kind !== 'document') throw new Error('expected a document');
    expect(() => serializeEdxml({ ...message, header: { ...message.header, subject: 'bell \u0007' } })).toThrowError(
      EdxmlError,
    );
  });

  describe.skipIf(!hasXmllint && !requireXmllint)('checked by xmllint (libxml2), an independent parser', () => {
    it('xmllint is installed', () => {
      expect(hasXmllint, 'xmllint (libxml2-utils) is required in CI').toBe(true);
    });

    it.each(corpusFiles)('%s, serialized, is well-formed and namespace-correct', (name) => {
      const message = parseEdxml(readCorpus(name)).message as EdxmlMessage;
      expect(xmllintErrors(serializeEdxml(message))).toBe('');
    });

    it('generated messages, serialized, are well-formed and namespace-correct', () => {
      fc.assert(
        fc.property(arbitraryMessage, (message) => {
          expect(xmllintErrors(serializeEdxml(message))).toBe('');
        }),
        { numRuns: 40 },
      );
    });
  });
});
