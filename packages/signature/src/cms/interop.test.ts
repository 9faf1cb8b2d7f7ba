/**
 * Interoperability with OpenSSL, both directions, on throw-away PKIs made with the `openssl` CLI in a temporary
 * directory (nothing committed): CMS made by `openssl cms -sign` verifies with verifyCms — RSA PKCS#1 v1.5 and
 * PSS, ECDSA P-256/P-384, SHA-1 only as legacy, several signers, BER streaming, SKI signer identifiers — and
 * CMS made by signCmsDetached / signCmsAttached verifies with `openssl cms -verify` (CAdES checks included).
 * Without openssl these tests are skipped with a reason, except in CI where its absence fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrustStore } from '../pkix';
import { children, encode, raw, readTlv } from './der';
import { signCmsAttached, signCmsDetached, verifyCms } from './index';
import { OpensslLab, opensslStatus } from './testkit';

const openssl = opensslStatus();
if (!openssl.available) console.warn(openssl.reason);

describe.skipIf(!openssl.available)(`CMS interop with ${openssl.version || 'openssl'}`, () => {
  let lab: OpensslLab;
  let content: Uint8Array;
  let trust: ReturnType<typeof createTrustStore>;
  const pem: Record<string, string> = {};
  const key = (name: string): string => lab.text(`${name}.key`);
  const options = () => ({ trust, content, revocationPolicy: 'skip' as const });

  beforeAll(() => {
    lab = new OpensslLab();
    content = new TextEncoder().encode('Công văn số 123/UBND-VP — nội dung được ký.\n'.repeat(20));
    lab.write('content.bin', content);
    pem.root = lab.selfSigned('root', 'rsa:2048', { ca: true, subject: '/C=VN/O=Lienthong Test/CN=Test Root' });
    pem.inter = lab.issued('inter', 'rsa:2048', 'root', { ca: true });
    pem.rsa = lab.issued('rsa', 'rsa:2048', 'inter');
    pem.rsa3072 = lab.issued('rsa3072', 'rsa:3072', 'inter');
    pem.ec = lab.issued('ec', 'ec:P-256', 'inter');
    pem.ec384 = lab.issued('ec384', 'ec:P-384', 'inter');
    pem.weak = lab.issued('weak', 'rsa:1024', 'inter');
    pem.other = lab.selfSigned('other', 'rsa:2048', { ca: true, subject: '/C=VN/O=Elsewhere/CN=Other Root' });
    pem.stranger = lab.issued('stranger', 'rsa:2048', 'other');
    trust = createTrustStore({ anchors: [pem.root] });
  }, 60_000);

  afterAll(() => lab?.dispose());

  /** `openssl cms -sign` over content.bin with the intermediate embedded; DER unless told otherwise. */
  function opensslSign(signers: readonly string[], extra: readonly string[] = []): Uint8Array {
    const args = ['cms', '-sign', '-binary', '-in', 'content.bin', '-certfile', 'inter.pem', '-outform', 'DER'];
    for (const signer of signers) args.push('-signer', `${signer}.pem`, '-inkey', `${signer}.key`);
    return new Uint8Array(lab.must([...args, ...extra]));
  }

  /** `openssl cms -verify` of our output; returns [passed, stderr]. */
  function opensslVerify(cms: Uint8Array, detachedContent: boolean, anchor = 'root'): [boolean, string] {
    lab.write('ours.p7s', cms);
    const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'ours.p7s', '-CAfile', `${anchor}.pem`];
    if (detachedContent) args.push('-content', 'content.bin');
    const result = lab.run([...args, '-cades', '-purpose', 'any', '-out', 'verified.bin']);
    const passed = result.status === 0 && Buffer.from(lab.read('verified.bin')).equals(Buffer.from(content));
    return [passed, result.stderr];
  }

  describe('openssl cms -sign → verifyCms', () => {
    it('RSA PKCS#1 v1.5, SHA-256, detached: TOTAL-PASSED with the path signer → intermediate → root', async () => {
      const result = await verifyCms(opensslSign(['rsa'], ['-md', 'sha256']), options());
      expect(result.indication).toBe('TOTAL-PASSED');
      const [signature] = result.signatures;
      expect(signature?.algorithms).toEqual({ digest: 'SHA-256', signature: 'RSASSA-PKCS1-v1_5 (RSA 2048)' });
      expect(signature?.chain.map((entry) => entry.source)).toEqual(['embedded', 'embedded', 'trust-anchor']);
      expect(signature?.signingTime.claimed).toBeDefined();
      expect(result.signedContent).toEqual(content);
    });

    it('attached (DER, PEM and BER streaming with indefinite lengths)', async () => {
      for (const extra of [['-nodetach'], ['-nodetach', '-stream']]) {
        const result = await verifyCms(opensslSign(['rsa'], extra), { trust, revocationPolicy: 'skip' });
        expect(result.indication, extra.join(' ')).toBe('TOTAL-PASSED');
        expect(result.signedContent).toEqual(content);
      }
      const text = lab
        .must([
          'cms',
          '-sign',
          '-binary',
          '-nodetach',
          '-in',
          'content.bin',
          '-signer',
          'rsa.pem',
          '-inkey',
          'rsa.key',
          '-outform',
          'PEM',
        ]) // prettier-ignore
        .toString('utf8');
      expect(text).toContain('-----BEGIN CMS-----');
      const result = await verifyCms(text, { trust, intermediates: [pem.inter as string], revocationPolicy: 'skip' });
      expect(result.indication).toBe('TOTAL-PASSED');
      expect(result.signatures[0]?.chain.map((entry) => entry.source)).toEqual([
        'embedded',
        'supplied',
        'trust-anchor',
      ]);
    });

    it('RSASSA-PSS (salt from the parameters) and RSA-3072 with SHA-512', async () => {
      for (const [signer, extra] of [
        ['rsa', ['-keyopt', 'rsa_padding_mode:pss']],
        ['rsa', ['-keyopt', 'rsa_padding_mode:pss', '-keyopt', 'rsa_pss_saltlen:32']],
        ['rsa3072', ['-md', 'sha512', '-keyopt', 'rsa_padding_mode:pss']],
        ['rsa3072', ['-md', 'sha512']],
      ] as const) {
        const result = await verifyCms(opensslSign([signer], extra), options());
        expect(result.indication, `${signer} ${extra.join(' ')}`).toBe('TOTAL-PASSED');
        if ((extra as readonly string[]).includes('rsa_padding_mode:pss'))
          expect(result.signatures[0]?.algorithms.signature).toMatch(/^RSASSA-PSS/);
      }
    });

    it('ECDSA P-256 (SHA-256) and P-384 (SHA-384)', async () => {
      const p256 = await verifyCms(opensslSign(['ec']), options());
      expect(p256.indication).toBe('TOTAL-PASSED');
      expect(p256.signatures[0]?.algorithms.signature).toBe('ECDSA (EC P-256)');
      const p384 = await verifyCms(opensslSign(['ec384'], ['-md', 'sha384']), options());
      expect(p384.indication).toBe('TOTAL-PASSED');
      expect(p384.signatures[0]?.algorithms).toEqual({ digest: 'SHA-384', signature: 'ECDSA (EC P-384)' });
    });

    it('SHA-1: rejected by default (CRYPTO_CONSTRAINTS_FAILURE), accepted as legacy with allowSha1', async () => {
      const cms = opensslSign(['rsa'], ['-md', 'sha1']);
      const strict = await verifyCms(cms, options());
      expect(strict).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' });
      expect(strict.signatures[0]?.legacy).toBe(false);
      expect(strict.signedContent).toBeUndefined();
      const legacy = await verifyCms(cms, { ...options(), allowSha1: true });
      expect(legacy.indication).toBe('TOTAL-PASSED');
      expect(legacy.signatures[0]).toMatchObject({ legacy: true, algorithms: { digest: 'SHA-1' } });
      // ESS signing-certificate (v1, SHA-1 by definition) as written by `-cades` with SHA-1.
      const cades = await verifyCms(opensslSign(['rsa'], ['-md', 'sha1', '-cades']), { ...options(), allowSha1: true });
      expect(cades.indication).toBe('TOTAL-PASSED');
      expect(cades.signatures[0]?.checks).toContainEqual(
        expect.objectContaining({ id: 'cms.signing-certificate', passed: true }),
      );
      // Tampering is still TOTAL-FAILED, whatever the digest.
      const tampered = await verifyCms(cms, { ...options(), content: content.subarray(1) });
      expect(tampered.subIndication).toBe('HASH_FAILURE');
    });

    it('MD5 is never accepted', async () => {
      const result = lab.run([
        'cms',
        '-sign',
        '-binary',
        '-in',
        'content.bin',
        '-signer',
        'rsa.pem',
        '-inkey',
        'rsa.key',
        '-md',
        'md5',
        '-outform',
        'DER',
        '-out',
        'md5.p7s',
      ]); // prettier-ignore
      if (result.status !== 0) return; // this OpenSSL build cannot make MD5 signatures
      const verdict = await verifyCms(lab.read('md5.p7s'), { ...options(), allowSha1: true });
      expect(verdict).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' });
    });

    it('two signers (RSA and ECDSA) are both reported; one untrusted signer makes the file INDETERMINATE', async () => {
      const both = await verifyCms(opensslSign(['rsa', 'ec']), options());
      expect(both.indication).toBe('TOTAL-PASSED');
      // SignerInfos is a DER SET OF: openssl writes them in encoding order, not in command-line order.
      const subjects = both.signatures.map((signature) => signature.signer?.subject.text ?? '').sort();
      expect(subjects).toEqual([expect.stringMatching(/^CN=ec,/), expect.stringMatching(/^CN=rsa,/)]);
      expect(both.signedContent).toEqual(content);

      const mixed = await verifyCms(opensslSign(['rsa', 'stranger']), options());
      expect(mixed).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
      const bySigner = Object.fromEntries(
        mixed.signatures.map((signature) => [
          signature.signer?.subject.attributes.find((attribute) => attribute.name === 'CN')?.value,
          signature.indication,
        ]),
      );
      expect(bySigner).toEqual({ rsa: 'TOTAL-PASSED', stranger: 'INDETERMINATE' });
      expect(mixed.signedContent).toBeUndefined();
    });

    it('a signer added with -resign is reported too', async () => {
      lab.write('first.p7s', opensslSign(['rsa'], ['-nodetach']));
      lab.must([
        'cms',
        '-resign',
        '-binary',
        '-inform',
        'DER',
        '-in',
        'first.p7s',
        '-signer',
        'ec.pem',
        '-inkey',
        'ec.key',
        '-nodetach',
        '-outform',
        'DER',
        '-out',
        'second.p7s',
      ]); // prettier-ignore
      const result = await verifyCms(lab.read('second.p7s'), { trust, revocationPolicy: 'skip' });
      expect(result.signatures).toHaveLength(2);
      expect(result.signatures.map((signature) => signature.indication)).toEqual(['TOTAL-PASSED', 'TOTAL-PASSED']);
    });

    it('an untrusted signer (valid signature, chain to another root) is NO_CERTIFICATE_CHAIN_FOUND', async () => {
      lab.must([
        'cms',
        '-sign',
        '-binary',
        '-in',
        'content.bin',
        '-signer',
        'stranger.pem',
        '-inkey',
        'stranger.key',
        '-certfile',
        'other.pem',
        '-outform',
        'DER',
        '-out',
        'stranger.p7s',
      ]); // prettier-ignore
      const result = await verifyCms(lab.read('stranger.p7s'), options());
      expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
      expect(result.signatures[0]?.checks.find((check) => check.id === 'cms.signature')?.passed).toBe(true);
      const anchored = await verifyCms(lab.read('stranger.p7s'), {
        ...options(),
        trust: createTrustStore({ anchors: [pem.other as string] }),
      });
      expect(anchored.indication).toBe('TOTAL-PASSED');
    });

    it('a CMS without certificates: NO_SIGNING_CERTIFICATE_FOUND, unless the caller supplies them', async () => {
      const cms = opensslSign(['rsa'], ['-nocerts']);
      const bare = await verifyCms(cms, options());
      expect(bare).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND' });
      const supplied = await verifyCms(cms, { ...options(), intermediates: [pem.rsa as string, pem.inter as string] });
      expect(supplied.indication).toBe('TOTAL-PASSED');
      expect(supplied.signatures[0]?.chain[0]?.source).toBe('supplied');
    });

    it('a signer identified by subjectKeyIdentifier (-keyid)', async () => {
      const result = await verifyCms(opensslSign(['rsa'], ['-keyid']), options());
      expect(result.indication).toBe('TOTAL-PASSED');
    });

    it('CAdES signing-certificate-v2 (-cades) is checked', async () => {
      const result = await verifyCms(opensslSign(['rsa'], ['-cades']), options());
      expect(result.indication).toBe('TOTAL-PASSED');
      expect(result.signatures[0]?.checks).toContainEqual(
        expect.objectContaining({ id: 'cms.signing-certificate-v2', passed: true }),
      );
    });

    it('no signed attributes (-noattr): refused by default, accepted with allowNoSignedAttributes', async () => {
      const cms = opensslSign(['rsa'], ['-noattr']);
      const strict = await verifyCms(cms, options());
      expect(strict).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' });
      const allowed = await verifyCms(cms, { ...options(), allowNoSignedAttributes: true });
      expect(allowed.indication).toBe('TOTAL-PASSED');
      expect(allowed.signatures[0]?.signingTime.claimed).toBeUndefined();
      const tampered = await verifyCms(cms, { ...options(), allowNoSignedAttributes: true, content: content.slice(1) });
      expect(tampered.subIndication).toBe('SIG_CRYPTO_FAILURE');
    });

    it('RSA-1024 is refused (CRYPTO_CONSTRAINTS_FAILURE)', async () => {
      const result = await verifyCms(opensslSign(['weak']), options());
      expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' });
    });

    it('a substituted certificate (same key, issuer and serial) fails the signing-certificate-v2 binding', async () => {
      // twin: the same key, issuer and serial number as `rsa`, but another certificate (other subject).
      lab.must(['req', '-new', '-key', 'rsa.key', '-subj', '/C=VN/O=Lienthong Test/CN=twin', '-out', 'twin.csr']);
      const serial = lab.must(['x509', '-in', 'rsa.pem', '-noout', '-serial']).toString().trim().split('=')[1];
      lab.must([
        'x509',
        '-req',
        '-in',
        'twin.csr',
        '-CA',
        'inter.pem',
        '-CAkey',
        'inter.key',
        '-set_serial',
        `0x${serial}`,
        '-days',
        '30',
        '-sha256',
        '-extfile',
        'rsa.ext',
        '-out',
        'twin.pem',
      ]); // prettier-ignore
      const original = signCmsDetached(content, { key: key('rsa'), certificate: pem.rsa as string });
      const forged = replaceCertificates(original, [pemToDer(lab.text('twin.pem')), pemToDer(pem.inter as string)]);
      const result = await verifyCms(forged, options());
      expect(result).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' });
      expect(result.signatures[0]?.checks).toContainEqual(
        expect.objectContaining({ id: 'cms.signature', passed: true }),
      );
    });
  });

  describe('signCmsDetached / signCmsAttached → openssl cms -verify', () => {
    const cases = [
      ['rsa', {}],
      ['rsa', { pss: true }],
      ['rsa3072', { pss: true, digest: 'sha512' }],
      ['rsa', { digest: 'sha384' }],
      ['ec', {}],
      ['ec384', { digest: 'sha384' }],
    ] as const;

    it.each(cases)('detached, signer %s %o: openssl verifies it (with -cades), and so do we', async (signer, extra) => {
      const cms = signCmsDetached(content, {
        key: key(signer),
        certificate: pem[signer] as string,
        chain: [pem.inter as string],
        ...extra,
      });
      const [passed, stderr] = opensslVerify(cms, true);
      expect(passed, stderr).toBe(true);
      const ours = await verifyCms(cms, options());
      expect(ours.indication).toBe('TOTAL-PASSED');
      expect(ours.signatures[0]?.checks).toContainEqual(
        expect.objectContaining({ id: 'cms.signing-certificate-v2', passed: true }),
      );
    });

    it('attached: openssl verifies it and outputs the content', async () => {
      const cms = signCmsAttached(content, {
        key: key('ec'),
        certificate: pem.ec as string,
        chain: [pem.inter as string],
      });
      const [passed, stderr] = opensslVerify(cms, false);
      expect(passed, stderr).toBe(true);
      expect((await verifyCms(cms, { trust, revocationPolicy: 'skip' })).signedContent).toEqual(content);
    });

    it('openssl rejects our signature over tampered content, and a signature from an untrusted root', () => {
      const cms = signCmsDetached(content, {
        key: key('rsa'),
        certificate: pem.rsa as string,
        chain: [pem.inter as string],
      });
      lab.write('content.bin', content.slice(1));
      try {
        expect(opensslVerify(cms, true)[0]).toBe(false);
      } finally {
        lab.write('content.bin', content);
      }
      expect(opensslVerify(cms, true, 'other')[0]).toBe(false);
    });
  });
});

function pemToDer(text: string): Uint8Array {
  const body = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(text)?.[1] ?? '';
  return new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
}

/** The same ContentInfo with another certificates set (the signature is untouched). */
function replaceCertificates(cms: Uint8Array, certificates: readonly Uint8Array[]): Uint8Array {
  const outer = readTlv(cms, 0, cms.length);
  const [type, explicit] = children(cms, outer) as [ReturnType<typeof readTlv>, ReturnType<typeof readTlv>];
  const signedData = children(cms, explicit)[0] as ReturnType<typeof readTlv>;
  const parts = children(cms, signedData).map((part) =>
    part.id === 0xa0 ? encode(0xa0, ...certificates) : raw(cms, part),
  );
  return encode(0x30, raw(cms, type), encode(0xa0, encode(0x30, ...parts)));
}
