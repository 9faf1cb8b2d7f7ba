/**
 * Signing from a .p12 file: signEdxml and signCmsDetached / signCmsAttached take `{ pkcs12, password }` in
 * place of `{ key, certificate, chain }`. What they sign verifies with us (chain from the file, root as the only
 * anchor, revocation from the test PKI's CRLs) and with independent implementations: `xmlsec1 --verify` for
 * the edXML envelope, `openssl cms -verify` for CMS. The files come from `openssl pkcs12 -export`.
 */
import { spawnSync } from 'node:child_process';
import { createDocument, parseEdxml, serializeEdxml } from '@lienthong/edxml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, TEST_PKI_AT, type TestPki } from '../../test/pki';
import { signCmsAttached, signCmsDetached, verifyCms } from '../cms';
import { SignatureError } from '../errors';
import { createTrustStore, type TrustStore } from '../pkix';
import { signEdxml, verifyXmlSignature } from '../xmldsig';
import { hasCommand, Pkcs12Lab } from './test-support';

const PASSWORD = 'Mật khẩu ký số';
const XMLSEC1 = hasCommand('xmlsec1');
const IN_CI = Boolean(process.env.CI);
if (!XMLSEC1 && !IN_CI) console.warn('[pkcs12] xmlsec1 not found: its verification of our envelopes is skipped');

function unsignedEdxml(): string {
  return serializeEdxml(
    createDocument({
      from: { organId: '000.00.00.H41', organName: 'UBND tỉnh Nghệ An' },
      to: [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }],
      code: { codeNumber: '15', codeNotation: 'UBND-VX' },
      promulgation: { place: 'Nghệ An', date: '2026/05/20' },
      documentType: { type: '1', typeName: 'Công văn' },
      subject: 'V/v ký số từ tệp PKCS#12',
      signerInfo: { competence: 'TM. ỦY BAN NHÂN DÂN', position: 'Chủ tịch', fullName: 'Nguyễn Văn A' },
      attachments: [{ name: 'cong-van.pdf', data: Buffer.from('%PDF-1.4\n% p12\n%%EOF\n') }],
    }),
  );
}

/** A time xmlsec1 and openssl accept (`--verification-time`, `-attime`): TEST_PKI_AT. */
const AT_XMLSEC = TEST_PKI_AT.toISOString().slice(0, 19).replace('T', '+');
const AT_EPOCH = String(Math.floor(TEST_PKI_AT.getTime() / 1000));

describe('signing from a PKCS#12 file', () => {
  let pki: TestPki;
  let lab: Pkcs12Lab;
  let trust: TrustStore;
  let modern: Uint8Array;
  let legacy: Uint8Array;
  let unsigned: string;
  const revocation = () => ({ crls: [pki.crls.root.der, pki.crls.intermediate.der] });

  beforeAll(() => {
    pki = createTestPki();
    lab = new Pkcs12Lab(pki);
    trust = createTrustStore({ anchors: [pki.root.pem] });
    modern = lab.export({ signer: pki.leaves.valid, chain: [pki.intermediate, pki.root], password: PASSWORD });
    const legacyArgs = ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'];
    legacy = lab.export({ signer: pki.leaves.valid, chain: [pki.intermediate], password: PASSWORD, args: legacyArgs });
    unsigned = unsignedEdxml();
  }, 180_000);
  afterAll(() => lab?.dispose());

  /** `xmlsec1 --verify` with the root as the only trusted certificate; returns its exit status and output. */
  function xmlsecVerify(xml: string) {
    const path = lab.lab.write(`signed-${Math.random().toString(36).slice(2)}.xml`, xml);
    const run = spawnSync(
      'xmlsec1',
      ['--verify', '--trusted-pem', pki.root.certificatePath, '--verification-time', AT_XMLSEC, path],
      { encoding: 'utf8' },
    );
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  }

  /** `openssl cms -verify` (CAdES checks on) with the root as the only CA; true when it verifies. */
  function opensslVerify(cms: Uint8Array, content: Uint8Array, detached: boolean): [boolean, string] {
    lab.lab.write('ours.p7s', cms);
    lab.lab.write('content.bin', content);
    const args = [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'ours.p7s',
      '-CAfile',
      pki.root.certificatePath,
    ];
    if (detached) args.push('-content', 'content.bin');
    const run = lab.lab.run([...args, '-cades', '-purpose', 'any', '-attime', AT_EPOCH, '-out', 'verified.bin']);
    const passed = run.status === 0 && Buffer.from(lab.lab.read('verified.bin')).equals(Buffer.from(content));
    return [passed, run.stderr];
  }

  it('signEdxml from a modern .p12: KeyInfo carries signer, intermediate and root; we verify it', async () => {
    const signed = signEdxml(unsigned, { pkcs12: modern, password: PASSWORD });
    expect(signed.match(/<ds:X509Certificate>/g)).toHaveLength(3);
    const result = await verifyXmlSignature(signed, { trust, at: TEST_PKI_AT, revocation: revocation() });
    expect(result.indication, result.message.en).toBe('TOTAL-PASSED');
    const [signature] = result.signatures;
    expect(signature?.signer?.subject.text).toContain('CN=Nguyễn Văn A');
    expect(signature?.signer?.identifiers.map((i) => i.type)).toEqual(expect.arrayContaining(['MST', 'CCCD', 'MNS']));
    expect(signature?.chain).toHaveLength(3);
    expect(result.signedMessage).toEqual(parseEdxml(unsigned).message);
  });

  it.runIf(XMLSEC1 || IN_CI)(
    'xmlsec1 --verify accepts what signEdxml signed from .p12 files (modern and legacy)',
    () => {
      for (const [label, p12] of [
        ['modern', modern],
        ['legacy', legacy],
      ] as const) {
        const signed = signEdxml(unsigned, { pkcs12: p12, password: PASSWORD });
        const run = xmlsecVerify(signed);
        expect(run.status, `${label}: ${run.output}`).toBe(0);
        expect(run.output).toContain('OK');
        const tampered = xmlsecVerify(signed.replace('V/v ký số từ tệp PKCS#12', 'V/v ký số từ tệp PKCS#11'));
        expect(tampered.status, label).not.toBe(0);
      }
    },
  );

  it('signCmsDetached / signCmsAttached from .p12 files: openssl cms -verify and verifyCms both pass', async () => {
    const content = new TextEncoder().encode('Quyết định số 12/QĐ-UBND — bản điện tử\n');
    for (const [label, p12] of [
      ['modern', modern],
      ['legacy', legacy],
    ] as const) {
      const options = { pkcs12: p12, password: PASSWORD, signingTime: TEST_PKI_AT };
      const detached = signCmsDetached(content, options);
      const attached = signCmsAttached(content, { ...options, pss: true });
      const [detachedOk, detachedError] = opensslVerify(detached, content, true);
      expect(detachedOk, `${label} detached: ${detachedError}`).toBe(true);
      const [attachedOk, attachedError] = opensslVerify(attached, content, false);
      expect(attachedOk, `${label} attached: ${attachedError}`).toBe(true);

      const result = await verifyCms(detached, { trust, content, at: TEST_PKI_AT, revocation: revocation() });
      expect(result.indication, `${label}: ${result.message.en}`).toBe('TOTAL-PASSED');
      expect(result.signatures[0]?.chain).toHaveLength(3);
    }
  });

  it('an EC key from a .p12: CMS signs with ECDSA (openssl verifies); signEdxml refuses it (RSA-SHA256 only)', () => {
    const ec = lab.export({ signer: pki.leaves.ecP256, chain: [pki.intermediate], password: PASSWORD });
    const content = new TextEncoder().encode('ECDSA P-256');
    const [ok, error] = opensslVerify(signCmsDetached(content, { pkcs12: ec, password: PASSWORD }), content, true);
    expect(ok, error).toBe(true);
    expect(() => signEdxml(unsigned, { pkcs12: ec, password: PASSWORD })).toThrow(
      expect.objectContaining({ code: 'KEY_UNUSABLE' }),
    );
  });

  it('errors: a wrong password or a broken file is a PKCS12_* SignatureError; mixing both forms is refused', () => {
    const content = new Uint8Array(1);
    const attempts: [() => unknown, string][] = [
      [() => signEdxml(unsigned, { pkcs12: modern, password: 'sai mật khẩu' }), 'PKCS12_BAD_PASSWORD'],
      [() => signCmsDetached(content, { pkcs12: modern, password: 'sai mật khẩu' }), 'PKCS12_BAD_PASSWORD'],
      [() => signCmsAttached(content, { pkcs12: modern.subarray(0, 100), password: PASSWORD }), 'PKCS12_MALFORMED'],
      [
        () =>
          signEdxml(unsigned, {
            pkcs12: modern,
            password: PASSWORD,
            key: 'PEM',
          } as unknown as Parameters<typeof signEdxml>[1]),
        'INVALID_ARGUMENT',
      ],
      [
        () =>
          signCmsDetached(content, {
            key: 'PEM',
            certificate: 'PEM',
            password: PASSWORD,
          } as unknown as Parameters<typeof signCmsDetached>[1]),
        'INVALID_ARGUMENT',
      ],
    ];
    for (const [attempt, code] of attempts) {
      try {
        attempt();
        expect.unreachable(`expected ${code}`);
      } catch (error) {
        expect(error).toBeInstanceOf(SignatureError);
        expect((error as SignatureError).code).toBe(code);
      }
    }
  });
});
