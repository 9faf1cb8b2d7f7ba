/*
 * A throw-away test PKI, generated at test time with the `openssl` CLI (`openssl ca` for fixed validity dates,
 * `openssl ca -gencrl` for CRLs with fixed dates, `openssl ocsp` for OCSP responses). Nothing here is committed:
 * the keys live in a temporary directory.
 *
 * Usage:
 *   const pki = createTestPki();            // generated once, then cached (see below)
 *   pki.leaves.valid.der / .pem              // certificate bytes / PEM text
 *   pki.leaves.valid.keyPath                 // PEM private key (unencrypted PKCS#8) for signing tests
 *   pki.leaves.valid.certificatePath         // PEM certificate file; .derPath for DER
 *   pki.crls.intermediate.der                // CRL of the intermediate CA (revoked + on-hold leaves)
 *   pki.ocsp.validByResponder                // OCSP response (delegated responder) for leaves.valid
 *   TEST_PKI_AT                              // a validation time at which the "valid" certificates are valid
 *
 * Timeline (UTC): root 2020–2045, intermediate 2020–2040, leaves 2025–2030 unless named otherwise; CRLs issued
 * 2026-05-01 with nextUpdate 2026-07-01; validate at TEST_PKI_AT = 2026-06-01. OCSP responses are produced when
 * the PKI is generated, with nextUpdate ten years later.
 *
 * Caching: the PKI depends only on this file, so it is generated once per content of this file (and OpenSSL
 * version) into `$TMPDIR/lienthong-test-pki-<hash>` and reused by every test file and run. Concurrent test workers
 * coordinate through a lock directory: one generates (into a staging directory, renamed into place when done), the
 * others wait. Pass `{ directory }` to build a fresh copy elsewhere.
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A validation time inside every "valid" certificate's window and before the CRLs' nextUpdate. */
export const TEST_PKI_AT = new Date('2026-06-01T00:00:00Z');
/** After the CRLs' nextUpdate (2026-07-01): the CRLs are stale then. */
export const TEST_PKI_AFTER_CRL_NEXT_UPDATE = new Date('2026-08-01T00:00:00Z');
/** Revocation dates written into the CAs' databases. */
export const TEST_PKI_REVOCATION_DATES = {
  revoked: new Date('2026-03-01T00:00:00Z'),
  onHold: new Date('2026-04-01T00:00:00Z'),
  revokedAfterAt: new Date('2026-09-01T00:00:00Z'),
  revokedCa: new Date('2026-02-01T00:00:00Z'),
} as const;

/** URLs written into the certificates (never contacted; tests fetch through a hook). */
export const TEST_PKI_URLS = {
  rootCrl: 'http://ca.test.lienthong.vn/crl/root.crl',
  intermediateCrl: 'http://ca.test.lienthong.vn/crl/intermediate.crl',
  /** The VGCA quirk: an internal OCSP host name that callers rewrite. */
  ocsp: 'http://ocsp.ca.ptc',
  rootOcsp: 'http://ocsp.test.lienthong.vn/root',
} as const;

export interface TestCertificate {
  name: string;
  /** PEM certificate file. */
  certificatePath: string;
  /** DER certificate file. */
  derPath: string;
  /** PEM private key file (PKCS#8, unencrypted). Test keys only. */
  keyPath: string;
  pem: string;
  der: Uint8Array;
}

export interface TestCrl {
  path: string;
  derPath: string;
  pem: string;
  der: Uint8Array;
}

export interface TestOcspResponse {
  path: string;
  der: Uint8Array;
}

export interface TestPki {
  directory: string;
  /** CN=Lienthong Test Root CA. */
  root: TestCertificate;
  /** Issued by root; pathLenConstraint 0; issues the leaves. */
  intermediate: TestCertificate;
  leaves: {
    /** CN=Nguyễn Văn A, O=UBND tỉnh Nghệ An, UID=MST:…, UID=CCCD:…, UID=MNS:…; digitalSignature + nonRepudiation. */
    valid: TestCertificate;
    /** Organisation seal: quoted-comma CN, organizationIdentifier VATVN-…, multi-valued RDN UID=MST:…+UID=MNS:…. */
    organisation: TestCertificate;
    /** 2022–2024. */
    expired: TestCertificate;
    /** 2027–2030. */
    notYetValid: TestCertificate;
    /** keyCompromise on 2026-03-01 (in the intermediate's CRL and OCSP). */
    revoked: TestCertificate;
    /** certificateHold on 2026-04-01. */
    onHold: TestCertificate;
    /** superseded on 2026-09-01, after TEST_PKI_AT. */
    revokedAfterAt: TestCertificate;
    /** keyUsage keyEncipherment + dataEncipherment only. */
    enciphermentOnly: TestCertificate;
    /** A critical private extension 1.3.6.1.4.1.99999.1. */
    unknownCriticalExtension: TestCertificate;
    /** Signed by the intermediate with sha1WithRSAEncryption. */
    sha1Signed: TestCertificate;
    /** RSA-1024 key. */
    rsa1024: TestCertificate;
    /** EC P-256 key. */
    ecP256: TestCertificate;
    /** id-kp-timeStamping (critical). */
    timestamping: TestCertificate;
    /** Delegated OCSP responder of the intermediate: id-kp-OCSPSigning, id-pkix-ocsp-nocheck. */
    ocspResponder: TestCertificate;
    /** Issued by `caWithoutKeyCertSign`. */
    underCaWithoutKeyCertSign: TestCertificate;
    /** Issued by `subCaBeyondPathLength`, which the pathlen:0 intermediate issued: violates pathLenConstraint. */
    underPathLengthViolation: TestCertificate;
    /** Issued by `notCa` (an end-entity certificate with cA false). */
    underNotCa: TestCertificate;
    /** Issued by `revokedCa`, which the root revoked on 2026-02-01. */
    underRevokedCa: TestCertificate;
    /** Issued by the untrusted root. */
    underUntrustedRoot: TestCertificate;
    /** Issued by `impostorRoot` (same name as the real root, other key; no key identifiers). */
    underImpostorRoot: TestCertificate;
    /** Signed by the intermediate with RSASSA-PSS (SHA-256, salt 32). */
    rsaPssSigned: TestCertificate;
    /** EC P-256 key, issued (ecdsa-with-SHA256) by `ecCa`. */
    underEcCa: TestCertificate;
    /** Issued by deepCas[7]: leaf + 8 CAs + root = 10 certificates, beyond the path-length cap of 8. */
    underDeepChain: TestCertificate;
    /** Issued by loopCaX, whose issuer loopCaY is in turn issued by loopCaX (a cross-certification loop). */
    underLoop: TestCertificate;
  };
  /** Issued by root: cA true but keyUsage digitalSignature + cRLSign, no keyCertSign. */
  caWithoutKeyCertSign: TestCertificate;
  /** Issued by the intermediate (pathlen:0), so any certificate it issues breaks the path length. */
  subCaBeyondPathLength: TestCertificate;
  /** An end-entity certificate (cA false) issued by the intermediate, which then issues `leaves.underNotCa`. */
  notCa: TestCertificate;
  /** Issued by root, revoked by it (keyCompromise, 2026-02-01). */
  revokedCa: TestCertificate;
  /** A self-signed root nobody trusts. */
  untrustedRoot: TestCertificate;
  /** Self-signed with the real root's name but another key, and without key identifiers. */
  impostorRoot: TestCertificate;
  /** An EC P-256 CA issued by root. */
  ecCa: TestCertificate;
  /** CA tầng 1 … 8: each issued by the previous one, the first by root. */
  deepCas: TestCertificate[];
  /** CA vòng X, issued by CA vòng Y (key of loopCaYSelfSigned). */
  loopCaX: TestCertificate;
  /** CA vòng Y (same name and key as loopCaYSelfSigned), issued by CA vòng X. */
  loopCaY: TestCertificate;
  /** CA vòng Y, self-signed. */
  loopCaYSelfSigned: TestCertificate;
  crls: {
    /** Root's CRL: lists revokedCa. 2026-05-01 → 2026-07-01. */
    root: TestCrl;
    /** Intermediate's CRL: lists revoked, onHold, revokedAfterAt. 2026-05-01 → 2026-07-01. */
    intermediate: TestCrl;
    /** revokedCa's CRL (empty). */
    revokedCa: TestCrl;
    /** The intermediate's CRL again, signed with RSASSA-PSS. */
    intermediatePss: TestCrl;
    /** ecCa's CRL (empty), signed with ECDSA. */
    ecCa: TestCrl;
    /** Root's CRL with a critical issuingDistributionPoint onlyContainsCACerts. */
    rootOnlyCa: TestCrl;
    /** The intermediate's CRL marked indirectCRL (not supported: never used). */
    intermediateIndirect: TestCrl;
    /** The intermediate's CRL restricted to CA certificates (so it says nothing about its end entities). */
    intermediateOnlyCa: TestCrl;
  };
  ocsp: {
    /** leaves.valid: good, signed by leaves.ocspResponder (delegated). */
    validByResponder: TestOcspResponse;
    /** leaves.valid: good, signed by the intermediate itself. */
    validByCa: TestOcspResponse;
    /** leaves.revoked: revoked (keyCompromise), signed by leaves.ocspResponder. */
    revokedByResponder: TestOcspResponse;
    /** leaves.revokedAfterAt: revoked on 2026-09-01, signed by leaves.ocspResponder. */
    revokedAfterAtByResponder: TestOcspResponse;
    /** leaves.valid: good, but signed by leaves.organisation, which lacks id-kp-OCSPSigning. */
    validByUnauthorisedSigner: TestOcspResponse;
    /** intermediate: good, signed by the root. */
    intermediateByRoot: TestOcspResponse;
    /** leaves.valid: good, signed by the intermediate with RSASSA-PSS. */
    validByCaPss: TestOcspResponse;
    /** leaves.valid: good, signed by the intermediate, responder identified by key hash, no certificates. */
    validByCaKeyId: TestOcspResponse;
    /** leaves.underEcCa: good, signed by ecCa with ECDSA. */
    underEcCaByCa: TestOcspResponse;
  };
  /** Runs `openssl` with `args` in the PKI directory and returns stdout. */
  openssl(args: string[], input?: Uint8Array): Buffer;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const cache = new Map<string, TestPki>();

/** Creates (or reuses) the test PKI. Synchronous: call it in `beforeAll` with a generous timeout. */
export function createTestPki(options: { directory?: string } = {}): TestPki {
  const directory = options.directory ?? defaultDirectory();
  const known = cache.get(directory);
  if (known) return known;
  if (!isComplete(directory)) {
    if (options.directory) {
      mkdirSync(directory, { recursive: true });
      generate(directory);
    } else {
      generateOnce(directory);
    }
  }
  const pki = load(directory);
  cache.set(directory, pki);
  return pki;
}

function isComplete(directory: string): boolean {
  return existsSync(join(directory, 'COMPLETE'));
}

/**
 * Generates into `directory` unless another process is already doing so: the one that creates the lock directory
 * generates into a staging directory and renames it into place; the others wait for it. A lock older than two
 * minutes is considered abandoned.
 */
function generateOnce(directory: string): void {
  const lock = `${directory}.lock`;
  const deadline = Date.now() + 170_000;
  while (!isComplete(directory)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the test PKI in ${directory}`);
    try {
      mkdirSync(lock);
    } catch {
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') continue; // released meanwhile
        throw error;
      }
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      continue;
    }
    try {
      if (!isComplete(directory)) {
        const staging = mkdtempSync(`${directory}.staging-`);
        generate(staging);
        rmSync(directory, { recursive: true, force: true });
        renameSync(staging, directory);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

function defaultDirectory(): string {
  const source = readFileSync(join(HERE, 'pki.ts'));
  const version = execFileSync('openssl', ['version']);
  const hash = createHash('sha256').update(source).update(version).digest('hex').slice(0, 16);
  return join(tmpdir(), `lienthong-test-pki-${hash}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Generation

const VALIDITY = {
  root: ['200101000000Z', '450101000000Z'],
  ca: ['200101000000Z', '400101000000Z'],
  leaf: ['250101000000Z', '300101000000Z'],
  expired: ['220101000000Z', '240101000000Z'],
  notYetValid: ['270101000000Z', '300101000000Z'],
} as const;

const CRL_DATES = ['260501000000Z', '260701000000Z'] as const;

const SUBJECTS = {
  root: '/C=VN/O=Ban Cơ yếu Chính phủ (thử nghiệm)/CN=Lienthong Test Root CA',
  intermediate: '/C=VN/O=Ban Cơ yếu Chính phủ (thử nghiệm)/CN=CA phục vụ các cơ quan Nhà nước (thử nghiệm)',
  valid:
    '/C=VN/ST=Nghệ An/L=Thành phố Vinh/O=UBND tỉnh Nghệ An/OU=Văn phòng/CN=Nguyễn Văn A/UID=MST:0101234567/UID=CCCD:001234567890/UID=MNS:1047665',
  organisation:
    '/C=VN/L=Đà Nẵng/O=ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG/organizationIdentifier=VATVN-0400260612/CN=Nguyễn Văn B, A101.0001 - 003848\\/HCM-CCHN/UID=MST:0400260612+UID=MNS:1047665',
  untrustedRoot: '/C=VN/O=Tổ chức không tin cậy/CN=Untrusted Test Root',
} as const;

function leafSubject(commonName: string): string {
  return `/C=VN/O=UBND tỉnh Nghệ An/CN=${commonName}/UID=MST:0101234567`;
}

const EXTENSIONS = `
[ root_ext ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ impostor_root_ext ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = none
authorityKeyIdentifier = none

[ intermediate_ext ]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints = URI:${TEST_PKI_URLS.rootCrl}
authorityInfoAccess = OCSP;URI:${TEST_PKI_URLS.rootOcsp}
certificatePolicies = 2.16.704.1.1.1.1.1

[ ca_ext ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints = URI:${TEST_PKI_URLS.rootCrl}

[ ca_without_key_cert_sign_ext ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ leaf_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = clientAuth,emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints = URI:${TEST_PKI_URLS.intermediateCrl}
authorityInfoAccess = OCSP;URI:${TEST_PKI_URLS.ocsp}
certificatePolicies = 2.16.704.1.1.1.1.1

[ plain_leaf_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ impostor_leaf_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = none
authorityKeyIdentifier = none

[ encipherment_only_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,keyEncipherment,dataEncipherment
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints = URI:${TEST_PKI_URLS.intermediateCrl}

[ unknown_critical_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints = URI:${TEST_PKI_URLS.intermediateCrl}
1.3.6.1.4.1.99999.1 = critical,ASN1:UTF8String:lienthong

[ timestamping_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints = URI:${TEST_PKI_URLS.intermediateCrl}

[ ocsp_responder_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = OCSPSigning
noCheck = ignored
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
`;

interface CaState {
  name: string;
  directory: string;
  config: string;
  certificate: string;
  key: string;
}

function generate(directory: string): void {
  const run = (args: string[], input?: Uint8Array) => openssl(directory, args, input);
  writeFileSync(join(directory, 'extensions.cnf'), EXTENSIONS);

  const key = (name: string, kind: 'rsa2048' | 'rsa1024' | 'p256' = 'rsa2048') => {
    const path = join(directory, `${name}.key.pem`);
    const algorithm =
      kind === 'p256'
        ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']
        : ['-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${kind === 'rsa1024' ? 1024 : 2048}`];
    run(['genpkey', ...algorithm, '-out', path]);
    return path;
  };
  const request = (name: string, subject: string, keyPath: string) => {
    const path = join(directory, `${name}.csr`);
    run(['req', '-new', '-utf8', '-multivalue-rdn', '-key', keyPath, '-subj', subject, '-out', path]);
    return path;
  };
  const newCa = (name: string): Omit<CaState, 'certificate' | 'key'> => {
    const caDirectory = join(directory, `ca-${name}`);
    mkdirSync(join(caDirectory, 'newcerts'), { recursive: true });
    writeFileSync(join(caDirectory, 'index.txt'), '');
    writeFileSync(
      join(caDirectory, 'serial'),
      `${(0x1000 + Object.keys(cas).length * 0x100).toString(16).toUpperCase()}\n`,
    );
    writeFileSync(join(caDirectory, 'crlnumber'), '01\n');
    const config = join(caDirectory, 'ca.cnf');
    writeFileSync(config, caConfig(caDirectory));
    return { name, directory: caDirectory, config };
  };
  const issue = (
    ca: CaState | Omit<CaState, 'certificate' | 'key'>,
    name: string,
    subject: string,
    extensions: string,
    validity: readonly [string, string],
    options: {
      keyKind?: 'rsa2048' | 'rsa1024' | 'p256';
      md?: string;
      existingKey?: string;
      signatureOptions?: string[];
    } = {},
  ) => {
    let keyPath: string;
    if (options.existingKey) {
      keyPath = join(directory, `${name}.key.pem`);
      copyFileSync(options.existingKey, keyPath);
    } else {
      keyPath = key(name, options.keyKind);
    }
    const csr = request(name, subject, keyPath);
    const certificatePath = join(directory, `${name}.pem`);
    const signer =
      'certificate' in ca ? ['-cert', ca.certificate, '-keyfile', ca.key] : ['-selfsign', '-keyfile', keyPath];
    run([
      'ca',
      '-batch',
      '-notext',
      '-utf8',
      '-multivalue-rdn',
      '-preserveDN',
      '-config',
      ca.config,
      ...signer,
      '-in',
      csr,
      '-out',
      certificatePath,
      '-startdate',
      validity[0],
      '-enddate',
      validity[1],
      '-md',
      options.md ?? 'sha256',
      ...(options.signatureOptions ?? []).flatMap((option) => ['-sigopt', option]),
      '-extfile',
      join(directory, 'extensions.cnf'),
      '-extensions',
      extensions,
    ]);
    run(['x509', '-in', certificatePath, '-outform', 'DER', '-out', join(directory, `${name}.der`)]);
    return { certificatePath, keyPath };
  };
  const cas: Record<string, CaState> = {};
  const newRoot = (name: string, subject: string, extensions: string): CaState => {
    const base = newCa(name);
    const { certificatePath, keyPath } = issue(base, name, subject, extensions, VALIDITY.root);
    const state = { ...base, certificate: certificatePath, key: keyPath };
    cas[name] = state;
    return state;
  };
  const newSubCa = (
    parent: CaState,
    name: string,
    subject: string,
    extensions: string,
    validity: readonly [string, string] = VALIDITY.ca,
    keyKind: 'rsa2048' | 'p256' = 'rsa2048',
  ): CaState => {
    const base = newCa(name);
    const { certificatePath, keyPath } = issue(parent, name, subject, extensions, validity, { keyKind });
    const state = { ...base, certificate: certificatePath, key: keyPath };
    cas[name] = state;
    return state;
  };
  const serialOf = (name: string) =>
    run(['x509', '-in', join(directory, `${name}.pem`), '-noout', '-serial'])
      .toString()
      .trim()
      .replace(/^serial=/, '');
  const revoke = (ca: CaState, name: string, date: string, reason: string) => {
    // `openssl ca -revoke` would record the current time; write the database entry with a fixed date instead.
    const index = join(ca.directory, 'index.txt');
    const serial = serialOf(name);
    const lines = readFileSync(index, 'utf8')
      .split('\n')
      .map((line) => {
        const fields = line.split('\t');
        if (fields[3] !== serial) return line;
        fields[0] = 'R';
        fields[2] = `${date},${reason}`;
        return fields.join('\t');
      });
    writeFileSync(index, lines.join('\n'));
  };
  const crl = (ca: CaState, name: string, signatureOptions: string[] = [], extensions = 'crl_ext') => {
    const path = join(directory, `${name}.crl.pem`);
    run([
      'ca',
      '-batch',
      '-gencrl',
      ...signatureOptions.flatMap((option) => ['-sigopt', option]),
      '-config',
      ca.config,
      '-cert',
      ca.certificate,
      '-keyfile',
      ca.key,
      '-crl_lastupdate',
      CRL_DATES[0],
      '-crl_nextupdate',
      CRL_DATES[1],
      '-crlexts',
      extensions,
      '-out',
      path,
    ]);
    run(['crl', '-in', path, '-outform', 'DER', '-out', join(directory, `${name}.crl.der`)]);
  };
  const ocsp = (
    ca: CaState,
    name: string,
    subjectName: string,
    signer: { certificate: string; key: string },
    extra: string[] = [],
  ) => {
    const requestPath = join(directory, `${name}.ocsp-request.der`);
    run([
      'ocsp',
      '-issuer',
      ca.certificate,
      '-cert',
      join(directory, `${subjectName}.pem`),
      '-no_nonce',
      '-reqout',
      requestPath,
    ]);
    run([
      'ocsp',
      '-index',
      join(ca.directory, 'index.txt'),
      '-CA',
      ca.certificate,
      '-rsigner',
      signer.certificate,
      '-rkey',
      signer.key,
      '-reqin',
      requestPath,
      '-respout',
      join(directory, `${name}.ocsp.der`),
      '-ndays',
      '3650',
      ...extra,
    ]);
  };
  const leaf = (
    ca: CaState,
    name: string,
    subject: string,
    extensions = 'leaf_ext',
    options: Parameters<typeof issue>[5] = {},
  ) => issue(ca, name, subject, extensions, VALIDITY.leaf, options);

  const root = newRoot('root', SUBJECTS.root, 'root_ext');
  const intermediate = newSubCa(root, 'intermediate', SUBJECTS.intermediate, 'intermediate_ext');
  leaf(intermediate, 'valid', SUBJECTS.valid);
  leaf(intermediate, 'organisation', SUBJECTS.organisation);
  issue(intermediate, 'expired', leafSubject('Chứng thư đã hết hạn'), 'leaf_ext', VALIDITY.expired);
  issue(intermediate, 'notYetValid', leafSubject('Chứng thư chưa có hiệu lực'), 'leaf_ext', VALIDITY.notYetValid);
  leaf(intermediate, 'revoked', leafSubject('Chứng thư bị thu hồi'));
  leaf(intermediate, 'onHold', leafSubject('Chứng thư bị tạm dừng'));
  leaf(intermediate, 'revokedAfterAt', leafSubject('Chứng thư bị thu hồi sau'));
  leaf(intermediate, 'enciphermentOnly', leafSubject('Chỉ mã hóa'), 'encipherment_only_ext');
  leaf(intermediate, 'unknownCriticalExtension', leafSubject('Phần mở rộng lạ'), 'unknown_critical_ext');
  leaf(intermediate, 'sha1Signed', leafSubject('Ký bằng SHA-1'), 'leaf_ext', { md: 'sha1' });
  leaf(intermediate, 'rsa1024', leafSubject('RSA 1024'), 'leaf_ext', { keyKind: 'rsa1024' });
  leaf(intermediate, 'ecP256', leafSubject('EC P-256'), 'leaf_ext', { keyKind: 'p256' });
  leaf(
    intermediate,
    'timestamping',
    '/C=VN/O=Ban Cơ yếu Chính phủ (thử nghiệm)/CN=Máy chủ dấu thời gian',
    'timestamping_ext',
  );
  const responder = leaf(
    intermediate,
    'ocspResponder',
    '/C=VN/O=Ban Cơ yếu Chính phủ (thử nghiệm)/CN=OCSP thử nghiệm',
    'ocsp_responder_ext',
  );

  const caWithoutKeyCertSign = newSubCa(
    root,
    'caWithoutKeyCertSign',
    '/C=VN/O=Thử nghiệm/CN=CA thiếu keyCertSign',
    'ca_without_key_cert_sign_ext',
  );
  leaf(caWithoutKeyCertSign, 'underCaWithoutKeyCertSign', leafSubject('Dưới CA thiếu keyCertSign'), 'plain_leaf_ext');
  const subCa = newSubCa(
    intermediate,
    'subCaBeyondPathLength',
    '/C=VN/O=Thử nghiệm/CN=CA cấp 3 vượt pathLen',
    'ca_ext',
  );
  leaf(subCa, 'underPathLengthViolation', leafSubject('Dưới CA vượt pathLen'), 'plain_leaf_ext');
  const notCa = newSubCa(intermediate, 'notCa', leafSubject('Không phải CA'), 'plain_leaf_ext', VALIDITY.leaf);
  leaf(notCa, 'underNotCa', leafSubject('Dưới chứng thư không phải CA'), 'plain_leaf_ext');
  const revokedCa = newSubCa(root, 'revokedCa', '/C=VN/O=Thử nghiệm/CN=CA bị thu hồi', 'ca_ext');
  leaf(revokedCa, 'underRevokedCa', leafSubject('Dưới CA bị thu hồi'), 'plain_leaf_ext');
  const untrustedRoot = newRoot('untrustedRoot', SUBJECTS.untrustedRoot, 'root_ext');
  leaf(untrustedRoot, 'underUntrustedRoot', leafSubject('Dưới gốc không tin cậy'), 'plain_leaf_ext');
  const impostorRoot = newRoot('impostorRoot', SUBJECTS.root, 'impostor_root_ext');
  leaf(impostorRoot, 'underImpostorRoot', leafSubject('Dưới gốc giả mạo'), 'impostor_leaf_ext');

  const pss = ['rsa_padding_mode:pss', 'rsa_pss_saltlen:32'];
  leaf(intermediate, 'rsaPssSigned', leafSubject('Ký bằng RSA-PSS'), 'leaf_ext', { signatureOptions: pss });
  const ecCa = newSubCa(root, 'ecCa', '/C=VN/O=Thử nghiệm/CN=CA ECDSA P-256', 'ca_ext', VALIDITY.ca, 'p256');
  leaf(ecCa, 'underEcCa', leafSubject('Dưới CA ECDSA'), 'leaf_ext', { keyKind: 'p256' });

  let deepest = root;
  for (let level = 1; level <= 8; level++)
    deepest = newSubCa(deepest, `deepCa${level}`, `/C=VN/O=Thử nghiệm/CN=CA tầng ${level}`, 'ca_ext');
  leaf(deepest, 'underDeepChain', leafSubject('Dưới tám tầng CA'), 'plain_leaf_ext');

  const loopY = newRoot('loopCaYSelfSigned', '/C=VN/O=Thử nghiệm/CN=CA vòng Y', 'root_ext');
  const loopX = newSubCa(loopY, 'loopCaX', '/C=VN/O=Thử nghiệm/CN=CA vòng X', 'ca_ext');
  issue(loopX, 'loopCaY', '/C=VN/O=Thử nghiệm/CN=CA vòng Y', 'ca_ext', VALIDITY.ca, { existingKey: loopY.key });
  leaf(loopX, 'underLoop', leafSubject('Dưới vòng chứng thực chéo'), 'plain_leaf_ext');

  revoke(intermediate, 'revoked', '260301000000Z', 'keyCompromise');
  revoke(intermediate, 'onHold', '260401000000Z', 'certificateHold,holdInstructionReject');
  revoke(intermediate, 'revokedAfterAt', '260901000000Z', 'superseded');
  revoke(root, 'revokedCa', '260201000000Z', 'keyCompromise');
  crl(root, 'root');
  crl(intermediate, 'intermediate');
  crl(revokedCa, 'revokedCa');
  crl(intermediate, 'intermediatePss', pss);
  crl(ecCa, 'ecCa');
  crl(root, 'rootOnlyCa', [], 'crl_only_ca_ext');
  crl(intermediate, 'intermediateIndirect', [], 'crl_indirect_ext');
  crl(intermediate, 'intermediateOnlyCa', [], 'crl_only_ca_ext');

  const responderSigner = { certificate: responder.certificatePath, key: responder.keyPath };
  ocsp(intermediate, 'validByResponder', 'valid', responderSigner);
  ocsp(intermediate, 'validByCa', 'valid', { certificate: intermediate.certificate, key: intermediate.key });
  ocsp(intermediate, 'revokedByResponder', 'revoked', responderSigner);
  ocsp(intermediate, 'revokedAfterAtByResponder', 'revokedAfterAt', responderSigner);
  ocsp(intermediate, 'validByUnauthorisedSigner', 'valid', {
    certificate: join(directory, 'organisation.pem'),
    key: join(directory, 'organisation.key.pem'),
  });
  ocsp(root, 'intermediateByRoot', 'intermediate', { certificate: root.certificate, key: root.key });
  ocsp(intermediate, 'validByCaPss', 'valid', { certificate: intermediate.certificate, key: intermediate.key }, [
    ...pss.flatMap((option) => ['-rsigopt', option]),
  ]);
  ocsp(intermediate, 'validByCaKeyId', 'valid', { certificate: intermediate.certificate, key: intermediate.key }, [
    '-resp_key_id',
    '-resp_no_certs',
  ]);
  ocsp(ecCa, 'underEcCaByCa', 'underEcCa', { certificate: ecCa.certificate, key: ecCa.key });

  writeFileSync(join(directory, 'COMPLETE'), new Date().toISOString());
}

function caConfig(caDirectory: string): string {
  return `
[ ca ]
default_ca = CA_default

[ CA_default ]
dir = ${caDirectory}
database = $dir/index.txt
new_certs_dir = $dir/newcerts
serial = $dir/serial
crlnumber = $dir/crlnumber
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
email_in_dn = yes
string_mask = utf8only
utf8 = yes

[ policy_any ]
countryName = optional
stateOrProvinceName = optional
localityName = optional
organizationName = optional
organizationalUnitName = optional
commonName = optional
userId = optional
organizationIdentifier = optional
emailAddress = optional
title = optional

[ crl_ext ]
authorityKeyIdentifier = keyid:always

[ crl_only_ca_ext ]
authorityKeyIdentifier = keyid:always
issuingDistributionPoint = critical,@idp_only_ca

[ idp_only_ca ]
fullname = URI:${TEST_PKI_URLS.rootCrl}
onlyCA = TRUE

[ crl_indirect_ext ]
authorityKeyIdentifier = keyid:always
issuingDistributionPoint = critical,@idp_indirect

[ idp_indirect ]
fullname = URI:${TEST_PKI_URLS.intermediateCrl}
indirectCRL = TRUE
`;
}

function openssl(directory: string, args: string[], input?: Uint8Array): Buffer {
  try {
    return execFileSync('openssl', args, { cwd: directory, input, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`openssl ${args.join(' ')} failed: ${stderr}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

function load(directory: string): TestPki {
  const certificate = (name: string): TestCertificate => {
    const certificatePath = join(directory, `${name}.pem`);
    const derPath = join(directory, `${name}.der`);
    return {
      name,
      certificatePath,
      derPath,
      keyPath: join(directory, `${name}.key.pem`),
      pem: readFileSync(certificatePath, 'utf8'),
      der: new Uint8Array(readFileSync(derPath)),
    };
  };
  const crl = (name: string): TestCrl => {
    const path = join(directory, `${name}.crl.pem`);
    const derPath = join(directory, `${name}.crl.der`);
    return { path, derPath, pem: readFileSync(path, 'utf8'), der: new Uint8Array(readFileSync(derPath)) };
  };
  const ocsp = (name: string): TestOcspResponse => {
    const path = join(directory, `${name}.ocsp.der`);
    return { path, der: new Uint8Array(readFileSync(path)) };
  };
  const leafNames = [
    'valid',
    'organisation',
    'expired',
    'notYetValid',
    'revoked',
    'onHold',
    'revokedAfterAt',
    'enciphermentOnly',
    'unknownCriticalExtension',
    'sha1Signed',
    'rsa1024',
    'ecP256',
    'timestamping',
    'ocspResponder',
    'underCaWithoutKeyCertSign',
    'underPathLengthViolation',
    'underNotCa',
    'underRevokedCa',
    'underUntrustedRoot',
    'underImpostorRoot',
    'underDeepChain',
    'underLoop',
    'rsaPssSigned',
    'underEcCa',
  ] as const;
  return {
    directory,
    root: certificate('root'),
    intermediate: certificate('intermediate'),
    leaves: Object.fromEntries(leafNames.map((name) => [name, certificate(name)])) as TestPki['leaves'],
    caWithoutKeyCertSign: certificate('caWithoutKeyCertSign'),
    subCaBeyondPathLength: certificate('subCaBeyondPathLength'),
    notCa: certificate('notCa'),
    revokedCa: certificate('revokedCa'),
    untrustedRoot: certificate('untrustedRoot'),
    impostorRoot: certificate('impostorRoot'),
    ecCa: certificate('ecCa'),
    deepCas: Array.from({ length: 8 }, (_, index) => certificate(`deepCa${index + 1}`)),
    loopCaX: certificate('loopCaX'),
    loopCaY: certificate('loopCaY'),
    loopCaYSelfSigned: certificate('loopCaYSelfSigned'),
    crls: {
      root: crl('root'),
      intermediate: crl('intermediate'),
      revokedCa: crl('revokedCa'),
      intermediatePss: crl('intermediatePss'),
      ecCa: crl('ecCa'),
      rootOnlyCa: crl('rootOnlyCa'),
      intermediateIndirect: crl('intermediateIndirect'),
      intermediateOnlyCa: crl('intermediateOnlyCa'),
    },
    ocsp: {
      validByResponder: ocsp('validByResponder'),
      validByCa: ocsp('validByCa'),
      revokedByResponder: ocsp('revokedByResponder'),
      revokedAfterAtByResponder: ocsp('revokedAfterAtByResponder'),
      validByUnauthorisedSigner: ocsp('validByUnauthorisedSigner'),
      intermediateByRoot: ocsp('intermediateByRoot'),
      validByCaPss: ocsp('validByCaPss'),
      underEcCaByCa: ocsp('underEcCaByCa'),
      validByCaKeyId: ocsp('validByCaKeyId'),
    },
    openssl: (args, input) => openssl(directory, args, input),
  };
}
