/*
 * Test support for src/xmldsig tests (not exported by the package): throw-away keys and certificates made
 * with openssl in a temporary folder, xmlsec1 as the independent XMLDSig implementation, and the corpus
 * paths. Private keys live only in the temporary folder, removed by `dispose()`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../test/fixtures/xmldsig/', import.meta.url));
export const EDXML_CORPUS = fileURLToPath(new URL('../../../edxml/test/fixtures/corpus/', import.meta.url));

export function fixture(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export interface Credential {
  readonly keyPath: string;
  readonly certPath: string;
  readonly key: string;
  readonly certificate: string;
}

/** A temporary PKI: a root CA, leaves issued by it, self-signed certificates; removed by `dispose()`. */
export class TestPki {
  readonly dir = mkdtempSync(join(tmpdir(), 'lienthong-xmldsig-'));
  private serial = 1;

  private openssl(args: string[]): void {
    execFileSync('openssl', args, { cwd: this.dir, stdio: ['ignore', 'ignore', 'pipe'] });
  }

  private read(name: string, keyName: string): Credential {
    const keyPath = join(this.dir, keyName);
    const certPath = join(this.dir, name);
    return { keyPath, certPath, key: readFileSync(keyPath, 'utf8'), certificate: readFileSync(certPath, 'utf8') };
  }

  private newKey(name: string, algorithm: 'rsa' | 'ec' = 'rsa', bits = 2048): string {
    const keyName = `${name}.key`;
    if (algorithm === 'ec')
      this.openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', keyName]);
    else this.openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', keyName]);
    return keyName;
  }

  /** A self-signed certificate (CA:TRUE), usable both as a trust anchor and as a signer. */
  selfSigned(
    name: string,
    subject = `/C=VN/O=Test Org/CN=${name}`,
    algorithm: 'rsa' | 'ec' = 'rsa',
    bits = 2048,
  ): Credential {
    const keyName = this.newKey(name, algorithm, bits);
    this.openssl([
      'req',
      '-x509',
      '-new',
      '-key',
      keyName,
      '-sha256',
      '-days',
      '30',
      '-utf8',
      '-subj',
      subject,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,digitalSignature,nonRepudiation,keyCertSign,cRLSign',
      '-out',
      `${name}.pem`,
    ]);
    return this.read(`${name}.pem`, keyName);
  }

  /** A root CA (keyCertSign, cRLSign). */
  rootCa(name: string): Credential {
    const keyName = this.newKey(name);
    this.openssl([
      'req',
      '-x509',
      '-new',
      '-key',
      keyName,
      '-sha256',
      '-days',
      '60',
      '-subj',
      `/C=VN/O=Test PKI/CN=${name}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-addext',
      'subjectKeyIdentifier=hash',
      '-out',
      `${name}.pem`,
    ]);
    return this.read(`${name}.pem`, keyName);
  }

  /** An end-entity certificate issued by `issuer` (or an intermediate CA with `ca: true`). */
  issue(
    issuer: Credential,
    name: string,
    options: { ca?: boolean; algorithm?: 'rsa' | 'ec'; subject?: string } = {},
  ): Credential {
    const keyName = this.newKey(name, options.algorithm ?? 'rsa');
    const subject = options.subject ?? `/C=VN/O=Test Org/CN=${name}/UID=MST:0101234567`;
    this.openssl(['req', '-new', '-key', keyName, '-utf8', '-subj', subject, '-out', `${name}.csr`]);
    const extensions = options.ca
      ? 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n'
      : 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n';
    writeFileSync(join(this.dir, `${name}.ext`), extensions);
    this.openssl([
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      issuer.certPath,
      '-CAkey',
      issuer.keyPath,
      '-set_serial',
      String(this.serial++ + 1000),
      '-days',
      '30',
      '-sha256',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    ]);
    return this.read(`${name}.pem`, keyName);
  }

  /** A CRL (PEM) issued by `ca` now, valid 7 days, listing `revoked`. */
  crl(ca: Credential, revoked: readonly Credential[] = []): string {
    const base = `${ca.certPath}.ca`;
    writeFileSync(`${base}.index`, '');
    writeFileSync(`${base}.crlnumber`, '1000\n');
    writeFileSync(
      `${base}.cnf`,
      `[ ca ]\ndefault_ca = CA_default\n[ CA_default ]\ndatabase = ${base}.index\ncrlnumber = ${base}.crlnumber\ndefault_md = sha256\ndefault_crl_days = 7\n`,
    );
    const common = ['-config', `${base}.cnf`, '-keyfile', ca.keyPath, '-cert', ca.certPath];
    for (const certificate of revoked) this.openssl(['ca', ...common, '-revoke', certificate.certPath]);
    this.openssl(['ca', ...common, '-gencrl', '-out', `${base}.crl`]);
    return readFileSync(`${base}.crl`, 'utf8');
  }

  file(name: string, content: string | Uint8Array): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface ToolRun {
  readonly status: number | null;
  readonly output: string;
}

/** Runs xmlsec1; returns its exit status and combined output (never throws on a non-zero exit). */
export function xmlsec1(args: string[]): ToolRun {
  const run = spawnSync('xmlsec1', args, { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}

/** An empty enveloped-signature template xmlsec1 fills in (`--sign`), for `signatureMethod`. */
export function xmlsecTemplate(
  signatureMethod: string,
  digestMethod = 'http://www.w3.org/2001/04/xmlenc#sha256',
): string {
  return [
    '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">',
    '<ds:SignedInfo>',
    '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
    `<ds:SignatureMethod Algorithm="${signatureMethod}"/>`,
    '<ds:Reference URI="">',
    '<ds:Transforms>',
    '<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>',
    '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
    '</ds:Transforms>',
    `<ds:DigestMethod Algorithm="${digestMethod}"/>`,
    '<ds:DigestValue></ds:DigestValue>',
    '</ds:Reference>',
    '</ds:SignedInfo>',
    '<ds:SignatureValue></ds:SignatureValue>',
    '<ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo>',
    '</ds:Signature>',
  ].join('');
}
