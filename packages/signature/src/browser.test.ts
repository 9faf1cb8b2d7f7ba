/**
 * The browser build of the verification core, in a real browser. src/browser.ts is bundled by esbuild for the
 * browser platform — the bundle must reach no `node:` module and must carry the WebCrypto backend — then loaded
 * into Debian's Chromium through playwright-core (one launch for the file; no browser is ever downloaded), where it
 * verifies the same inputs as Node: the CMS and PDF fixtures, and CMS freshly signed by the test PKI with RSA
 * PKCS#1 v1.5, RSA-PSS and ECDSA P-256 (certificates and CRLs signed with PSS and ECDSA too), with tampered
 * content, an untrusted root, a revoked signer and OCSP evidence. Indication, sub-indication, signer, chain,
 * revocation evidence and the list of checks must be the same on both sides, and the expected ones. Where WebCrypto
 * lacks an algorithm (SHA-3), the page must answer INDETERMINATE, not a verdict.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCases, type VerificationCase, type VerificationSummary } from '../test/browser-runner';
import { createTestPki, TEST_PKI_AT, type TestCertificate, type TestPki } from '../test/pki';
import * as browserApi from './browser';
import { signCmsDetached } from './cms/sign';
import { OpensslLab, opensslStatus } from './cms/testkit';
import { embeddedCertificates } from './pdf/testkit';
import { encodePem } from './pkix';

const CHROMIUM = '/usr/bin/chromium';

/** What the page bundle puts on `globalThis`. */
interface PageGlobals {
  signatureApi: typeof browserApi;
  runCases(cases: readonly VerificationCase[]): Promise<VerificationSummary[]>;
}

function parsedFingerprint(der: Uint8Array): string {
  const parsed = browserApi.parseCertificateDer(der);
  if (!parsed.ok) throw new Error(parsed.reason.en);
  return parsed.certificate.fingerprintSha256;
}
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../test/fixtures/${path}`, import.meta.url)));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const skipReason = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is missing (Debian package chromium; .ci/run installs it)`
  : !opensslStatus().available
    ? 'the openssl CLI is missing (the test PKI is generated with it)'
    : undefined;

/** The browser entry bundled for a page: the API and the shared runner on `globalThis`. */
async function bundleForPage(): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    stdin: {
      contents: [
        "import * as api from './src/browser';",
        "import { runCases } from './test/browser-runner';",
        'globalThis.signatureApi = api;',
        'globalThis.runCases = (cases) => runCases(api, cases);',
      ].join('\n'),
      resolveDir: packageRoot,
      loader: 'ts',
      sourcefile: 'page-entry.ts',
    },
    absWorkingDir: packageRoot,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]?.text ?? '', metafile: result.metafile };
}

describe.skipIf(skipReason !== undefined)(
  `the verification core in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let bundle: { code: string; metafile: Metafile };
    let browser: Browser;
    let page: Page;
    let pki: TestPki;
    const cases: VerificationCase[] = [];

    beforeAll(async () => {
      pki = createTestPki();
      bundle = await bundleForPage();
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu'],
      });
      page = await browser.newPage();
      // An https origin served from memory: WebCrypto needs a secure context, and nothing goes to the network.
      await page.route('https://signature.test/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>signature</title>' }),
      );
      await page.goto('https://signature.test/');
      await page.addScriptTag({ content: bundle.code });
      buildCases();
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
    });

    function buildCases(): void {
      const detachedContent = fixture('cms/content.txt');
      const corpusAnchor = readFileSync(
        new URL('../test/fixtures/cms/test-signer-selfsigned.pem', import.meta.url),
        'utf8',
      );
      const corpusAt = '2027-01-15T00:00:00Z';
      cases.push(
        {
          name: 'fixture detached.p7s',
          kind: 'cms',
          input: base64(fixture('cms/detached.p7s')),
          content: base64(detachedContent),
          anchors: [corpusAnchor],
          at: corpusAt,
        },
        {
          name: 'fixture attached.p7s',
          kind: 'cms',
          input: base64(fixture('cms/attached.p7s')),
          anchors: [corpusAnchor],
          at: corpusAt,
        },
        {
          name: 'fixture detached.p7s, other content',
          kind: 'cms',
          input: base64(fixture('cms/detached.p7s')),
          content: base64(new TextEncoder().encode('not what was signed')),
          anchors: [corpusAnchor],
          at: corpusAt,
        },
      );

      const pdf = fixture('pdf/signed.pdf');
      const pdfAnchors = embeddedCertificates(pdf).map((der) => encodePem('CERTIFICATE', der));
      for (const [name, file] of [
        ['fixture signed.pdf', 'pdf/signed.pdf'],
        ['fixture signed-tampered.pdf', 'pdf/signed-tampered.pdf'],
      ] as const)
        cases.push({
          name,
          kind: 'pdf',
          input: base64(fixture(file)),
          anchors: pdfAnchors,
          at: '2019-06-01T00:00:00Z',
          revocationPolicy: 'skip',
        });

      const content = new TextEncoder().encode('Quyết định số 12/QĐ-UBND — bản ký số\n');
      const sign = (leaf: TestCertificate, chain: TestCertificate[], pss = false) =>
        signCmsDetached(content, {
          key: readFileSync(leaf.keyPath, 'utf8'),
          certificate: leaf.pem,
          chain: chain.map((certificate) => certificate.pem),
          signingTime: TEST_PKI_AT,
          pss,
        });
      const at = TEST_PKI_AT.toISOString();
      const anchors = [pki.root.pem];
      const crls = [base64(pki.crls.root.der), base64(pki.crls.intermediate.der)];
      const signed = (
        name: string,
        cms: Uint8Array,
        extra: Partial<VerificationCase> = {},
        signedContent: Uint8Array = content,
      ): VerificationCase => ({
        name,
        kind: 'cms',
        input: base64(cms),
        content: base64(signedContent),
        anchors,
        crls,
        at,
        ...extra,
      });
      const rsa = sign(pki.leaves.valid, [pki.intermediate]);
      cases.push(
        signed('test PKI, RSA PKCS#1 v1.5, CRLs', rsa),
        signed('test PKI, RSA-PSS', sign(pki.leaves.valid, [pki.intermediate], true)),
        signed('test PKI, ECDSA P-256 signer', sign(pki.leaves.ecP256, [pki.intermediate])),
        signed('test PKI, ECDSA all the way (certificates and CRL)', sign(pki.leaves.underEcCa, [pki.ecCa]), {
          crls: [base64(pki.crls.root.der), base64(pki.crls.ecCa.der)],
        }),
        signed('test PKI, certificate and CRL signed with RSA-PSS', sign(pki.leaves.rsaPssSigned, [pki.intermediate]), {
          crls: [base64(pki.crls.root.der), base64(pki.crls.intermediatePss.der)],
        }),
        signed('test PKI, OCSP from a delegated responder', rsa, {
          crls: [base64(pki.crls.root.der)],
          ocspResponses: [base64(pki.ocsp.validByResponder.der)],
        }),
        signed('test PKI, tampered content', rsa, {}, new TextEncoder().encode('Quyết định số 13/QĐ-UBND\n')),
        signed('test PKI, untrusted root', sign(pki.leaves.underUntrustedRoot, [pki.untrustedRoot])),
        signed('test PKI, revoked signer', sign(pki.leaves.revoked, [pki.intermediate])),
      );
    }

    it('bundles for the browser without node: modules, with the WebCrypto backend', () => {
      const inputs = Object.keys(bundle.metafile.inputs);
      expect(inputs.some((input) => input.startsWith('node:'))).toBe(false);
      expect(bundle.code).not.toMatch(/\bnode:[a-z]/);
      expect(bundle.code).not.toMatch(/\brequire\(/);
      expect(inputs).toContain('src/crypto/web.ts');
      expect(inputs).not.toContain('src/crypto/node.ts');
      expect(inputs).toContain('src/bytes/portable.ts');
      expect(inputs).not.toContain('src/bytes/node.ts');
      expect(inputs).toContain('src/pdf/inflate-browser.ts');
    });

    it('verifies in Chromium exactly as in Node, with the expected indications', async () => {
      const expected: Record<string, [string, string | null]> = {
        'fixture detached.p7s': ['TOTAL-PASSED', null],
        'fixture attached.p7s': ['TOTAL-PASSED', null],
        'fixture detached.p7s, other content': ['TOTAL-FAILED', 'HASH_FAILURE'],
        'fixture signed.pdf': ['TOTAL-PASSED', null],
        'fixture signed-tampered.pdf': ['TOTAL-FAILED', 'HASH_FAILURE'],
        'test PKI, RSA PKCS#1 v1.5, CRLs': ['TOTAL-PASSED', null],
        'test PKI, RSA-PSS': ['TOTAL-PASSED', null],
        'test PKI, ECDSA P-256 signer': ['TOTAL-PASSED', null],
        'test PKI, ECDSA all the way (certificates and CRL)': ['TOTAL-PASSED', null],
        'test PKI, certificate and CRL signed with RSA-PSS': ['TOTAL-PASSED', null],
        'test PKI, OCSP from a delegated responder': ['TOTAL-PASSED', null],
        'test PKI, tampered content': ['TOTAL-FAILED', 'HASH_FAILURE'],
        'test PKI, untrusted root': ['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND'],
        'test PKI, revoked signer': ['TOTAL-FAILED', 'REVOKED'],
      };
      expect(cases.map((item) => item.name).sort()).toEqual(Object.keys(expected).sort());

      const inNode = await runCases(browserApi, cases);
      const inBrowser = await page.evaluate((input) => (globalThis as unknown as PageGlobals).runCases(input), cases);
      expect(inBrowser).toEqual(inNode);

      for (const summary of inBrowser) {
        const [indication, subIndication] = expected[summary.name] as [string, string | null];
        expect([summary.name, summary.indication, summary.subIndication]).toEqual([
          summary.name,
          indication,
          subIndication,
        ]);
        expect(summary.signatures.length, summary.name).toBeGreaterThan(0);
      }
      const byName = new Map(inBrowser.map((summary) => [summary.name, summary]));
      const passed = byName.get('test PKI, RSA PKCS#1 v1.5, CRLs')?.signatures[0];
      expect(passed?.chain).toHaveLength(3);
      expect(passed?.revocation).toEqual(['crl good', 'crl good']);
      expect(passed?.signerFingerprint).toBe(parsedFingerprint(pki.leaves.valid.der));
      expect(byName.get('test PKI, OCSP from a delegated responder')?.signatures[0]?.revocation[0]).toBe('ocsp good');
      expect(byName.get('test PKI, ECDSA all the way (certificates and CRL)')?.signatures[0]?.chain).toHaveLength(3);
    }, 120_000);

    it('where WebCrypto lacks the algorithm (a certificate signed with SHA3-256), the page says INDETERMINATE', async () => {
      const lab = new OpensslLab();
      try {
        lab.selfSigned('root', 'rsa:2048', { ca: true });
        lab.key('leaf', 'rsa:2048');
        lab.must([
          'req',
          '-new',
          '-key',
          'leaf.key',
          '-subj',
          '/C=VN/O=Lienthong Test/CN=SHA-3 leaf',
          '-out',
          'leaf.csr',
        ]);
        lab.write('leaf.ext', 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n');
        lab.must([
          ...['x509', '-req', '-in', 'leaf.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-set_serial', '7'],
          ...['-sha3-256', '-days', '30', '-extfile', 'leaf.ext', '-out', 'leaf.pem'],
        ]);
        const content = new TextEncoder().encode('Báo cáo tháng 11');
        const cms = signCmsDetached(content, {
          key: lab.text('leaf.key'),
          certificate: lab.text('leaf.pem'),
          signingTime: new Date(),
        });
        const sha3Case: VerificationCase = {
          name: 'SHA3-256 certificate',
          kind: 'cms',
          input: base64(cms),
          content: base64(content),
          anchors: [lab.text('root.pem')],
          at: new Date().toISOString(),
          revocationPolicy: 'skip',
        };
        const [inNode] = await runCases(browserApi, [sha3Case]);
        const [inBrowser] = await page.evaluate(
          (input) => (globalThis as unknown as PageGlobals).runCases(input),
          [sha3Case],
        );
        expect([inNode?.indication, inNode?.subIndication]).toEqual(['TOTAL-PASSED', null]);
        expect([inBrowser?.indication, inBrowser?.subIndication]).toEqual([
          'INDETERMINATE',
          'CRYPTO_CONSTRAINTS_FAILURE',
        ]);
        // Same signer and chain; only the check of the certificate's signature differs.
        expect(inBrowser?.signatures[0]?.chain).toEqual(inNode?.signatures[0]?.chain);
        expect(inBrowser?.signatures[0]?.checks).toContain('fail pkix.signature-algorithm');
      } finally {
        lab.dispose();
      }
    });

    it('trusts the bundled Vietnamese roots by name, their SHA-256 pins checked in the page', async () => {
      const names = ['vgca-root-g2', 'vn-national-root'] as const;
      const inPage = await page.evaluate(
        (roots) =>
          (globalThis as unknown as PageGlobals).signatureApi
            .createTrustStore({ vietnameseRoots: [...roots] })
            .anchors.map((anchor) => [anchor.info.subject.text, anchor.fingerprintSha256]),
        names,
      );
      const inNode = browserApi
        .createTrustStore({ vietnameseRoots: [...names] })
        .anchors.map((anchor) => [anchor.info.subject.text, anchor.fingerprintSha256]);
      expect(inPage).toEqual(inNode);
      expect(inPage.map(([, fingerprint]) => fingerprint)).toEqual(
        names.map((name) => browserApi.VIETNAMESE_ROOTS[name].sha256),
      );
    });

    it('refuses trust-anchor files in the browser as a programmer error (no file system)', async () => {
      const outcome = await page.evaluate(() => {
        try {
          (globalThis as unknown as PageGlobals).signatureApi.createTrustStore({ files: ['/etc/ssl/certs'] });
          return 'no error';
        } catch (error) {
          return `${(error as Error).name} ${(error as { code?: string }).code}`;
        }
      });
      expect(outcome).toBe('SignatureError INVALID_ARGUMENT');
    });
  },
);
