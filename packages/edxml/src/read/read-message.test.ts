import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../test/corpus';
import { parseEdxml } from '../parse/parse-edxml';

const minimal = readCorpus('gateway_minimal_edoc.xml').toString('utf8');

function subjectOf(xml: string): string | undefined {
  const { message } = parseEdxml(xml);
  return message?.kind === 'document' ? message.header.subject : undefined;
}

describe('reading edXML', () => {
  it('reads text whole across comments, CDATA sections and character references', () => {
    const xml = minimal.replace(
      /<edXML:Subject>[^<]*<\/edXML:Subject>/,
      '<edXML:Subject>V/v <!-- ghi chú -->báo cáo <![CDATA[<quý IV> & ]]>&#273;&#x1EA7;y &amp; đủ</edXML:Subject>',
    );
    expect(subjectOf(xml)).toBe('V/v báo cáo <quý IV> & đầy & đủ');
  });

  it('matches elements by namespace, whatever the prefix', () => {
    const xml = minimal.replaceAll('edXML:', 'vb:').replaceAll('xmlns:edXML=', 'xmlns:vb=');
    const { message, report } = parseEdxml(xml);
    expect(message).toEqual(parseEdxml(minimal).message);
    expect(report.issues).toEqual(parseEdxml(minimal).report.issues);
  });

  it('does not take an element of another namespace for an edXML one', () => {
    const xml = minimal
      .replace('<edXML:Subject>', '<x:Subject xmlns:x="urn:other">')
      .replace('</edXML:Subject>', '</x:Subject>');
    const { message, report } = parseEdxml(xml);
    expect(message?.kind === 'document' && message.header.subject).toBe(undefined);
    expect(report.issues.map((issue) => issue.ruleId)).toContain('EDXML-STR-004');
  });

  it('reads a status packet whatever the order of its fields (SDK samples and the VNPT jar differ)', () => {
    const status = readCorpus('vpcp-sdk_status_03_acceptance.edxml').toString('utf8');
    const jarOrder = status.replace(
      /(<edXML:ResponseFor>[\s\S]*?<\/edXML:ResponseFor>\s*)(<edXML:StaffInfo>[\s\S]*?<\/edXML:StaffInfo>\s*)?([\s\S]*?)(\s*<\/edXML:MessageHeader>)/,
      '$3$1$2$4',
    );
    expect(jarOrder).not.toBe(status);
    const { message, report } = parseEdxml(jarOrder);
    expect(message).toEqual(parseEdxml(status).message);
    expect(report.issues).toEqual([]);
  });

  it('keeps the signature as standalone XML with the namespaces it needs', () => {
    const { message } = parseEdxml(readCorpus('vpcp-sdk_edoc_update.edxml'));
    expect(message?.signature?.namespace).toBe('http://www.mic.gov.vn/TBT/QCVN_102_2016');
    expect(message?.signature?.xml.startsWith('<Signature xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">')).toBe(
      true,
    );
    expect(message?.signature?.xml).toContain('<DigestValue>FwgIqsSYJshUS2+wlOM61L+q7Aw=</DigestValue>');
  });
});
