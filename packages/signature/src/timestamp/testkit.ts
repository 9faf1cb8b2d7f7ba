/*
 * Test support (not exported by the package): a throw-away time-stamping authority made with the `openssl` CLI
 * at test time — its own root CA, TSA certificates (critical EKU timeStamping; and non-compliant variants), a CRL
 * — and tokens made two ways: `openssl ts -query`/`-reply` (the real TSA code path, genTime = now), and a TSTInfo
 * written here and signed with `openssl cms -sign -cades` (for a chosen genTime, or certificates `ts -reply`
 * refuses to sign with). No key is ever committed: everything lives in a temporary directory.
 */
import { createHash } from 'node:crypto';
import { digestAlgorithmDer, digestByName } from '../cms/algorithms';
import { encode, octetString, oid, sequence } from '../cms/der';
import { OpensslLab } from '../cms/testkit';
import { TST_INFO_OID } from './tstinfo';

export const TSA_POLICY = '1.3.6.1.4.1.99999.3161.1';

/** Fixed validity windows (UTC) so that fixed genTimes and validation times work whatever today's date is. */
const VALIDITY = {
  root: ['20200101000000Z', '20450101000000Z'],
  tsa: ['20210101000000Z', '20400101000000Z'],
  crl: ['200101000000Z', '400101000000Z'],
} as const;

export type TsaName = 'tsa' | 'tsaNonCriticalEku' | 'tsaWithoutEku' | 'tsaExtraEku';

const EXTENSIONS = `
[ root_ext ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ tsa_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ tsaNonCriticalEku_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ tsaWithoutEku_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ tsaExtraEku_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping,codeSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
`;

const SUBJECTS: Record<'root' | TsaName, string> = {
  root: '/C=VN/O=Dịch vụ dấu thời gian (thử nghiệm)/CN=Lienthong Test TSA Root',
  tsa: '/C=VN/O=Dịch vụ dấu thời gian (thử nghiệm)/CN=Máy chủ cấp dấu thời gian',
  tsaNonCriticalEku: '/C=VN/O=Dịch vụ dấu thời gian (thử nghiệm)/CN=TSA EKU không critical',
  tsaWithoutEku: '/C=VN/O=Dịch vụ dấu thời gian (thử nghiệm)/CN=TSA thiếu EKU',
  tsaExtraEku: '/C=VN/O=Dịch vụ dấu thời gian (thử nghiệm)/CN=TSA thêm EKU',
};

export class TsaLab {
  readonly lab = new OpensslLab();
  private serial = 0;

  constructor() {
    const lab = this.lab;
    lab.write('ext.cnf', EXTENSIONS);
    lab.write('index.txt', '');
    lab.write('crlnumber', '1000\n');
    lab.write('serial', '1000\n');
    lab.write(
      'ca.cnf',
      `[ ca ]\ndefault_ca = tsa_ca\n[ tsa_ca ]\ndatabase = ${lab.path('index.txt')}\nnew_certs_dir = ${lab.dir}\ncrlnumber = ${lab.path('crlnumber')}\nserial = ${lab.path('serial')}\ndefault_md = sha256\npolicy = any\nunique_subject = no\ncopy_extensions = none\nstring_mask = utf8only\nutf8 = yes\n[ any ]\ncountryName = optional\norganizationName = optional\ncommonName = supplied\n[ crl_ext ]\nauthorityKeyIdentifier = keyid:always\n`,
    );
    this.issue('root', 'root', VALIDITY.root, true);
    for (const name of ['tsa', 'tsaNonCriticalEku', 'tsaWithoutEku', 'tsaExtraEku'] as const)
      this.issue(name, 'root', VALIDITY.tsa, false);
    lab.must([
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-gencrl',
      '-cert',
      'root.pem',
      '-keyfile',
      'root.key',
      '-crl_lastupdate',
      VALIDITY.crl[0],
      '-crl_nextupdate',
      VALIDITY.crl[1],
      '-crlexts',
      'crl_ext',
      '-out',
      'root.crl.pem',
    ]);
    lab.write(
      'ts.cnf',
      `[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\nserial = ${lab.path('tsaserial')}\ncrypto_device = builtin\nsigner_cert = ${lab.path('tsa.pem')}\nsigner_key = ${lab.path('tsa.key')}\nsigner_digest = sha256\ndefault_policy = ${TSA_POLICY}\ndigests = sha256, sha384, sha512\naccuracy = secs:1\nordering = no\ntsa_name = yes\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n`,
    );
    lab.write('tsaserial', '01\n');
  }

  /** PEM of a certificate: `root` or one of the TSAs. */
  certificate(name: 'root' | TsaName): string {
    return this.lab.text(`${name}.pem`);
  }

  /** The TSA root's CRL (PEM, empty, 2020–2040). */
  get crl(): string {
    return this.lab.text('root.crl.pem');
  }

  /** A token from `openssl ts -query` and `-reply` over `data` (genTime = now). */
  opensslToken(data: Uint8Array, options: { digest?: 'sha256' | 'sha384' | 'sha512' } = {}): { token: Uint8Array } {
    const lab = this.lab;
    const n = ++this.serial;
    lab.write(`data-${n}.bin`, data);
    lab.must([
      'ts',
      '-query',
      '-data',
      `data-${n}.bin`,
      `-${options.digest ?? 'sha256'}`,
      '-cert',
      '-out',
      `q-${n}.tsq`,
    ]);
    lab.must(['ts', '-reply', '-config', 'ts.cnf', '-queryfile', `q-${n}.tsq`, '-token_out', '-out', `t-${n}.der`]);
    return { token: lab.read(`t-${n}.der`) };
  }

  /** `openssl ts -reply` for a TimeStampReq made elsewhere; returns the TimeStampResp. */
  opensslReply(request: Uint8Array): Uint8Array {
    const n = ++this.serial;
    this.lab.write(`q-${n}.tsq`, request);
    this.lab.must(['ts', '-reply', '-config', 'ts.cnf', '-queryfile', `q-${n}.tsq`, '-out', `r-${n}.tsr`]);
    return this.lab.read(`r-${n}.tsr`);
  }

  /**
   * A token with a chosen genTime (and TSA), signed by `openssl cms -sign -cades` over a TSTInfo written here.
   * `imprintOf` is the data the imprint is computed over (default `data`, i.e. a correct token).
   */
  craftedToken(
    data: Uint8Array,
    options: { genTime: Date; tsa?: TsaName; digest?: 'sha256' | 'sha384' | 'sha512'; includeCertificate?: boolean },
  ): Uint8Array {
    const digest = digestByName(options.digest ?? 'sha256');
    const imprint = createHash(digest.name).update(data).digest();
    const generalized = `${options.genTime.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;
    const serial = ++this.serial;
    const tstInfo = sequence(
      encode(0x02, Uint8Array.of(1)),
      oid(TSA_POLICY),
      sequence(digestAlgorithmDer(digest), octetString(new Uint8Array(imprint))),
      encode(0x02, Uint8Array.of(0x10, serial & 0xff)),
      encode(0x18, new TextEncoder().encode(generalized)),
    );
    const tsa = options.tsa ?? 'tsa';
    this.lab.write(`tst-${serial}.der`, tstInfo);
    this.lab.must([
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-nosmimecap',
      '-cades',
      '-md',
      'sha256',
      '-econtent_type',
      TST_INFO_OID,
      '-signer',
      `${tsa}.pem`,
      '-inkey',
      `${tsa}.key`,
      ...(options.includeCertificate === false ? ['-nocerts'] : []),
      '-in',
      `tst-${serial}.der`,
      '-outform',
      'DER',
      '-out',
      `ct-${serial}.der`,
    ]);
    return this.lab.read(`ct-${serial}.der`);
  }

  /** `openssl ts -verify` of a token over `data`, trusting the TSA root; `attime` pins the chain check. */
  opensslVerify(token: Uint8Array, data: Uint8Array, options: { attime?: Date } = {}): { ok: boolean; output: string } {
    const n = ++this.serial;
    this.lab.write(`vt-${n}.der`, token);
    this.lab.write(`vd-${n}.bin`, data);
    const run = this.lab.run([
      'ts',
      '-verify',
      '-token_in',
      '-in',
      `vt-${n}.der`,
      '-data',
      `vd-${n}.bin`,
      '-CAfile',
      'root.pem',
      ...(options.attime ? ['-attime', String(Math.floor(options.attime.getTime() / 1000))] : []),
    ]);
    return { ok: run.status === 0, output: `${run.stdout.toString()}${run.stderr}` };
  }

  dispose(): void {
    this.lab.dispose();
  }

  private issue(
    name: 'root' | TsaName,
    issuer: 'root',
    validity: readonly [string, string],
    selfSigned: boolean,
  ): void {
    const lab = this.lab;
    // The TSA that `openssl ts -reply` uses has an RSA key; the others EC P-256 keys, which are quick to make.
    const key = name === 'tsa' ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
    lab.must([
      'req',
      '-new',
      '-utf8',
      ...key,
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-subj',
      SUBJECTS[name],
      '-out',
      `${name}.csr`,
    ]);
    lab.must([
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-notext',
      '-utf8',
      ...(selfSigned ? ['-selfsign'] : ['-cert', `${issuer}.pem`]),
      '-keyfile',
      `${issuer}.key`,
      '-in',
      `${name}.csr`,
      '-startdate',
      validity[0],
      '-enddate',
      validity[1],
      '-md',
      'sha256',
      '-extfile',
      'ext.cnf',
      '-extensions',
      `${name}_ext`,
      '-out',
      `${name}.pem`,
    ]);
  }
}
