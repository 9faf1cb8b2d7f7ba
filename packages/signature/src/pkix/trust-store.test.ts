import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  VGCA_ROOT_G2_PEM,
  VGCA_ROOT_G2_SHA256,
  VN_NATIONAL_ROOT_PEM,
  VN_NATIONAL_ROOT_SHA256,
} from '../assets/vietnamese-roots';
import { SignatureError } from '../errors';
import { parseCertificate } from './certificate';
import { createTrustStore, loadVietnameseRoot } from './trust-store';

const CORPUS = new URL('../../test/fixtures/pkix/', import.meta.url);
const corpus = (path: string) => readFileSync(new URL(path, CORPUS), 'utf8');

function thrown(action: () => unknown): SignatureError {
  try {
    action();
  } catch (error) {
    if (error instanceof SignatureError) return error;
    throw error;
  }
  throw new Error('expected a SignatureError');
}

describe('bundled Vietnamese roots', () => {
  it('are byte-identical to the corpus copies and match the SOURCES.md pins', () => {
    for (const [pem, pin, file] of [
      [VGCA_ROOT_G2_PEM, VGCA_ROOT_G2_SHA256, 'rootcag2.pem'],
      [VN_NATIONAL_ROOT_PEM, VN_NATIONAL_ROOT_SHA256, 'vnrca256.pem'],
    ] as const) {
      expect(pem.trim()).toBe(corpus(`vn-trust-anchors/${file}`).trim());
      const parsed = parseCertificate(pem);
      if (!parsed.ok) throw new Error(parsed.reason.en);
      expect(createHash('sha256').update(parsed.certificate.der).digest('hex').toUpperCase()).toBe(pin);
    }
    expect(VGCA_ROOT_G2_SHA256.startsWith('F04BA4B4')).toBe(true);
    expect(VN_NATIONAL_ROOT_SHA256.startsWith('BAC8BF60')).toBe(true);
  });

  it('are trusted only when named', () => {
    expect(createTrustStore({}).anchors).toEqual([]);
    const vgca = createTrustStore({ vietnameseRoots: ['vgca-root-g2'] });
    expect(vgca.anchors.map((anchor) => anchor.fingerprintSha256)).toEqual([VGCA_ROOT_G2_SHA256]);
    const both = createTrustStore({ vietnameseRoots: ['vgca-root-g2', 'vn-national-root', 'vgca-root-g2'] });
    expect(both.anchors.map((anchor) => anchor.info.subject.text)).toEqual([
      'CN=RootCA chuyên dùng Chính phủ G2, O=Ban Cơ yếu Chính phủ, C=VN',
      'CN=Vietnam National Root CA, OU=National Centre of Digital Signature Authentication, O=Ministry of Information and Communications, C=VN',
    ]);
  });

  it('refuse unknown names (a programmer error)', () => {
    expect(thrown(() => createTrustStore({ vietnameseRoots: ['micnrca' as never] })).code).toBe('UNKNOWN_TRUST_ANCHOR');
    expect(thrown(() => loadVietnameseRoot('__proto__' as never)).code).toBe('UNKNOWN_TRUST_ANCHOR');
  });
});

describe('createTrustStore from caller anchors', () => {
  const directory = mkdtempSync(join(tmpdir(), 'lienthong-trust-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reads PEM and DER bytes, files and folders, and drops duplicates', () => {
    const rootPem = corpus('vn-trust-anchors/rootcag2.pem');
    const nationalPem = corpus('vn-trust-anchors/vnrca256.pem');
    const national = parseCertificate(nationalPem);
    if (!national.ok) throw new Error(national.reason.en);
    writeFileSync(join(directory, 'a.pem'), rootPem + nationalPem);
    writeFileSync(join(directory, 'b.DER'), national.certificate.der);
    writeFileSync(join(directory, 'notes.txt'), 'not a certificate');
    const store = createTrustStore({ anchors: [national.certificate.der, rootPem], files: [directory] });
    expect(store.anchors.map((anchor) => anchor.fingerprintSha256)).toEqual([
      VN_NATIONAL_ROOT_SHA256,
      VGCA_ROOT_G2_SHA256,
    ]);
    const single = createTrustStore({ files: [join(directory, 'b.DER')] });
    expect(single.anchors).toHaveLength(1);
  });

  it('throws INVALID_ARGUMENT for anchors that are not certificates or files that do not exist', () => {
    expect(thrown(() => createTrustStore({ anchors: [Uint8Array.of(1, 2, 3)] })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => createTrustStore({ anchors: ['no PEM here'] })).message).toContain('holds no certificate');
    expect(thrown(() => createTrustStore({ files: [join(directory, 'missing.pem')] })).code).toBe('INVALID_ARGUMENT');
    writeFileSync(join(directory, 'broken.crt'), 'garbage');
    expect(thrown(() => createTrustStore({ files: [directory] })).message).toContain('broken.crt');
  });
});
