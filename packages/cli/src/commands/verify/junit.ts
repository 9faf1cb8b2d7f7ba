/*
 * `verify --format junit`: one <testsuite> per input file, one <testcase> per signature — the file's own signatures,
 * then those of its attachments. TOTAL-FAILED is a <failure> (proven wrong), INDETERMINATE an <error> (could not
 * be decided). A file with nothing verified (unreadable, unsigned, an unknown format) gets one test case for the
 * file itself, so no input disappears from a CI dashboard.
 */
import { displayLabel, type FileResult, type SignatureResult, type VerificationResult } from '@lienthong/signature';
import type { Language } from '../../framework/command';

interface Case {
  readonly name: string;
  readonly indication: SignatureResult['indication'];
  readonly subIndication: string | null;
  readonly message: string;
}

const SEVERITY: Readonly<Record<SignatureResult['indication'], number>> = {
  'TOTAL-PASSED': 0,
  INDETERMINATE: 1,
  'TOTAL-FAILED': 2,
};
const FILE_CASE = { vi: 'tệp', en: 'file' } as const;
const SIGNATURE = { vi: 'chữ ký', en: 'signature' } as const;
const ATTACHMENT = { vi: 'tệp đính kèm', en: 'attachment' } as const;

/** Escapes text for an XML attribute or text node; drops characters XML 1.0 cannot carry. */
function xml(text: string): string {
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function signatureCases(result: Pick<FileResult, 'signatures'>, prefix: string, lang: Language): Case[] {
  const count = result.signatures.length;
  return result.signatures.map((signature, index) => {
    const signer = signature.signer === null ? '' : ` — ${displayLabel(signature.signer.subject)}`;
    return {
      name: `${prefix}${SIGNATURE[lang]} ${index + 1}/${count} (${signature.format})${signer}`,
      indication: signature.indication,
      subIndication: signature.subIndication,
      message: signature.message[lang],
    };
  });
}

function casesOf(result: VerificationResult, lang: Language): Case[] {
  const cases = signatureCases(result, '', lang);
  for (const attachment of result.attachments) {
    if (attachment.result === null || !attachment.countsTowardsIndication) continue;
    const prefix = `${ATTACHMENT[lang]} ${attachment.index} ${attachment.name ?? ''}: `.replace(/ {2}/, ' ');
    const attached = signatureCases(attachment.result, prefix, lang);
    if (attached.length > 0) cases.push(...attached);
    else
      cases.push({
        name: prefix.replace(/: $/, ''),
        indication: attachment.result.indication,
        subIndication: attachment.result.subIndication,
        message: attachment.message[lang],
      });
  }
  // The file's verdict can be worse than every signature's (an undecodable attachment, signature data outside
  // every signature, nothing signed): then the file itself is a test case too.
  const worst = Math.max(-1, ...cases.map((c) => SEVERITY[c.indication]));
  if (SEVERITY[result.indication] > worst)
    cases.unshift({
      name: FILE_CASE[lang],
      indication: result.indication,
      subIndication: result.subIndication,
      message: (result.error?.message ?? result.message)[lang],
    });
  return cases;
}

function caseXml(testCase: Case, classname: string): string {
  const open = `    <testcase classname="${xml(classname)}" name="${xml(testCase.name)}"`;
  if (testCase.indication === 'TOTAL-PASSED') return `${open}/>`;
  const element = testCase.indication === 'TOTAL-FAILED' ? 'failure' : 'error';
  const type = [testCase.indication, testCase.subIndication].filter(Boolean).join('/');
  return `${open}>\n      <${element} type="${xml(type)}" message="${xml(testCase.message)}">${xml(testCase.message)}</${element}>\n    </testcase>`;
}

/** The JUnit XML document for the results of one run. */
export function formatVerificationJUnit(results: readonly VerificationResult[], lang: Language): string {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites = results.map((result) => {
    const cases = casesOf(result, lang);
    const suiteFailures = cases.filter((c) => c.indication === 'TOTAL-FAILED').length;
    const suiteErrors = cases.filter((c) => c.indication === 'INDETERMINATE').length;
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    const body = cases.map((testCase) => caseXml(testCase, result.subject)).join('\n');
    return `  <testsuite name="${xml(result.subject)}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0" timestamp="${xml(result.validatedAt)}">\n${body}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="lienthong verify" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}
