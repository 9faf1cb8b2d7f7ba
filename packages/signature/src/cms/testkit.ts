/*
 * Test support (not exported by the package): the corpus vectors, and throw-away keys, certificates and CMS made
 * with the `openssl` CLI in a temporary directory at test time — no private key is ever committed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../test/fixtures/cms/', import.meta.url));

/** The corpus vectors (see test/fixtures/cms/README.md). */
export function fixture(name: 'attached.p7s' | 'detached.p7s' | 'content.txt' | 'test-signer-selfsigned.pem') {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** Inside the validity of test-signer-selfsigned.pem (2026-11-22 03:20:25 UTC to 2027-11-22 03:20:25 UTC). */
export const CORPUS_TIME = new Date('2027-01-15T00:00:00Z');

/** Whether `openssl` can be run; in CI its absence is a failure, elsewhere a reason to skip. */
export function opensslStatus(): { available: boolean; version: string; reason: string } {
  const run = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if (run.status === 0) return { available: true, version: run.stdout.trim(), reason: '' };
  const reason = 'openssl CLI not found: interop tests skipped';
  if (process.env.CI) throw new Error(`${reason} — CI must install openssl`);
  return { available: false, version: '', reason };
}

/** A temporary working directory for openssl; `dispose()` removes it (keys included). */
export class OpensslLab {
  readonly dir = mkdtempSync(join(tmpdir(), 'lienthong-cms-'));
  private serial = 1;

  path(name: string): string {
    return join(this.dir, name);
  }

  run(args: readonly string[], input?: Uint8Array): { status: number; stdout: Buffer; stderr: string } {
    const result = spawnSync('openssl', args, { cwd: this.dir, input, maxBuffer: 64 * 1024 * 1024 });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr?.toString('utf8') ?? '' };
  }

  /** Runs openssl and throws with its stderr when it fails. */
  must(args: readonly string[], input?: Uint8Array): Buffer {
    const result = this.run(args, input);
    if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed:\n${result.stderr}`);
    return result.stdout;
  }

  write(name: string, data: Uint8Array | string): string {
    writeFileSync(this.path(name), data);
    return this.path(name);
  }

  read(name: string): Uint8Array {
    return new Uint8Array(readFileSync(this.path(name)));
  }

  text(name: string): string {
    return readFileSync(this.path(name), 'utf8');
  }

  /** A private key: rsa:<bits>, ec:<curve>, or rsa-pss:<bits>. Written to `<name>.key`. */
  key(name: string, spec: string): string {
    const [type, param] = spec.split(':') as [string, string];
    const args =
      type === 'ec'
        ? ['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${param}`]
        : type === 'rsa-pss'
          ? ['genpkey', '-algorithm', 'RSA-PSS', '-pkeyopt', `rsa_keygen_bits:${param}`]
          : ['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${param}`];
    this.must([...args, '-out', `${name}.key`]);
    return this.path(`${name}.key`);
  }

  /** A self-signed certificate `<name>.pem` for key `<name>.key` (CA when `ca`). */
  selfSigned(name: string, spec: string, options: { ca?: boolean; days?: number; subject?: string } = {}): string {
    this.key(name, spec);
    const extensions = options.ca
      ? ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']
      : ['-addext', 'keyUsage=critical,digitalSignature,nonRepudiation'];
    this.must([
      'req',
      '-x509',
      '-new',
      '-key',
      `${name}.key`,
      '-sha256',
      '-days',
      String(options.days ?? 30),
      '-subj',
      options.subject ?? `/C=VN/O=Lienthong Test/CN=${name}`,
      '-utf8',
      ...extensions,
      '-out',
      `${name}.pem`,
    ]);
    return this.text(`${name}.pem`);
  }

  /** A certificate `<name>.pem` for a new key `<name>.key`, issued by `<issuer>.pem`/`<issuer>.key`. */
  issued(name: string, spec: string, issuer: string, options: { ca?: boolean; days?: number } = {}): string {
    this.key(name, spec);
    this.must([
      'req',
      '-new',
      '-key',
      `${name}.key`,
      '-subj',
      `/C=VN/O=Lienthong Test/CN=${name}`,
      '-out',
      `${name}.csr`,
    ]);
    const extensions = options.ca
      ? 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n'
      : 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n';
    this.write(`${name}.ext`, extensions);
    this.must([
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${issuer}.pem`,
      '-CAkey',
      `${issuer}.key`,
      '-set_serial',
      String(1000 + this.serial++),
      '-sha256',
      '-days',
      String(options.days ?? 30),
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    ]);
    return this.text(`${name}.pem`);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
