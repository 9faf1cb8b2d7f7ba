/*
 * Test support for src/pkcs12 (not exported by the package): .p12 files made at test time by independent
 * producers — `openssl pkcs12 -export` (modern and legacy), NSS `pk12util -o` (BER with indefinite lengths),
 * Java `keytool` when installed — from the shared test PKI (test/pki.ts, Vietnamese subjects), and a few DER
 * rewrites for cases no tool writes (bags reordered or dropped, two keys, outer layers in BER).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { TestCertificate, TestPki } from '../../test/pki';
import {
  children,
  encode,
  octetStringContent,
  oid,
  raw,
  readOid,
  readTlv,
  sequence,
  smallIntegerDer,
  type Tlv,
} from '../cms/der';
import { OpensslLab } from '../cms/testkit';
import { PKCS12_OID } from './oids';

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export interface ExportOptions {
  readonly signer: TestCertificate;
  /** Certificates added with -certfile, in this order. */
  readonly chain?: readonly TestCertificate[];
  readonly password: string;
  /** Extra `openssl pkcs12 -export` arguments (e.g. -legacy, -keypbe, -nomac). */
  readonly args?: readonly string[];
  /** -name: the friendlyName of the key and certificate. */
  readonly name?: string;
}

/** A temporary folder for .p12 files made from the shared test PKI; `dispose()` removes it. */
export class Pkcs12Lab {
  readonly lab = new OpensslLab();
  private count = 0;

  constructor(readonly pki: TestPki) {}

  /** `openssl pkcs12 -export`; returns the file's bytes. */
  export(options: ExportOptions): Uint8Array {
    const name = `p${++this.count}`;
    const args = ['pkcs12', '-export', '-inkey', options.signer.keyPath, '-in', options.signer.certificatePath];
    if (options.chain && options.chain.length > 0) {
      this.lab.write(`${name}.chain.pem`, options.chain.map((c) => c.pem).join(''));
      args.push('-certfile', `${name}.chain.pem`);
    }
    if (options.name !== undefined) args.push('-name', options.name);
    args.push(...(options.args ?? []), '-passout', `pass:${options.password}`, '-out', `${name}.p12`);
    this.lab.must(args);
    return this.lab.read(`${name}.p12`);
  }

  /** Whether this openssl writes legacy files (`-legacy` needs OpenSSL 3's legacy provider for RC2). */
  legacySupported(): boolean {
    const args = ['pkcs12', '-export', '-legacy', '-inkey', this.pki.leaves.valid.keyPath, '-in'];
    const run = this.lab.run([
      ...args,
      this.pki.leaves.valid.certificatePath,
      '-passout',
      'pass:x',
      '-out',
      'probe.p12',
    ]);
    return run.status === 0;
  }

  /**
   * Re-exports `p12` (password `password`) with NSS: imported into a fresh database with pk12util -i, exported
   * with pk12util -o under `newPassword`. NSS writes BER (indefinite lengths, segmented OCTET STRINGs).
   */
  nssExport(p12: Uint8Array, password: string, nickname: string, newPassword: string): Uint8Array {
    const name = `nss${++this.count}`;
    const db = `sql:${this.lab.path(name)}`;
    run('mkdir', [this.lab.path(name)]);
    run('certutil', ['-N', '-d', db, '--empty-password']);
    this.lab.write(`${name}.in.p12`, p12);
    run('pk12util', ['-i', this.lab.path(`${name}.in.p12`), '-d', db, '-W', password]);
    run('pk12util', ['-o', this.lab.path(`${name}.out.p12`), '-n', nickname, '-d', db, '-W', newPassword]);
    return this.lab.read(`${name}.out.p12`);
  }

  /** Re-exports `p12` with Java's keytool (its own PKCS#12 writer). */
  keytoolExport(p12: Uint8Array, password: string, newPassword: string): Uint8Array {
    const name = `java${++this.count}`;
    this.lab.write(`${name}.in.p12`, p12);
    run('keytool', [
      '-importkeystore',
      '-srckeystore',
      this.lab.path(`${name}.in.p12`),
      '-srcstoretype',
      'PKCS12',
      '-srcstorepass',
      password,
      '-destkeystore',
      this.lab.path(`${name}.out.p12`),
      '-deststoretype',
      'PKCS12',
      '-deststorepass',
      newPassword,
      '-noprompt',
    ]);
    return new Uint8Array(readFileSync(this.lab.path(`${name}.out.p12`)));
  }

  dispose(): void {
    this.lab.dispose();
  }
}

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * The SafeBags of an unencrypted PKCS#12 file (made with `-keypbe NONE -certpbe NONE`), as DER, in file order.
 */
export function plainBags(p12: Uint8Array): Uint8Array[] {
  const pfx = readTlv(p12, 0, p12.length);
  const authSafeInfo = children(p12, pfx)[1] as Tlv;
  const wrapper = children(p12, authSafeInfo)[1] as Tlv;
  const authSafe = octetStringContent(p12, children(p12, wrapper)[0] as Tlv);
  const bags: Uint8Array[] = [];
  for (const info of children(authSafe, readTlv(authSafe, 0, authSafe.length))) {
    const [type, content] = children(authSafe, info) as [Tlv, Tlv];
    if (readOid(authSafe, type) !== PKCS12_OID.data) throw new Error('plainBags needs -keypbe NONE -certpbe NONE');
    const safeContents = octetStringContent(authSafe, children(authSafe, content)[0] as Tlv);
    for (const bag of children(safeContents, readTlv(safeContents, 0, safeContents.length)))
      bags.push(raw(safeContents, bag).slice());
  }
  return bags;
}

/** The bag's type OID. */
export function bagType(bag: Uint8Array): string {
  return readOid(bag, children(bag, readTlv(bag, 0, bag.length))[0] as Tlv);
}

/** A PKCS#12 file without MAC holding `bags` in one unencrypted SafeContents, in the order given. */
export function pkcs12FromBags(bags: readonly Uint8Array[]): Uint8Array {
  const safeContents = sequence(...bags);
  const authSafe = sequence(sequence(oid(PKCS12_OID.data), encode(0xa0, encode(0x04, safeContents))));
  return sequence(smallIntegerDer(3), sequence(oid(PKCS12_OID.data), encode(0xa0, encode(0x04, authSafe))));
}

/**
 * The same file with its outer layers in BER, as Windows and NSS write them: PFX, authSafe ContentInfo and its
 * [0] with indefinite lengths, and the authSafe OCTET STRING split into constructed segments. The MAC covers
 * the OCTET STRING's content, so it still verifies.
 */
export function outerLayersAsBer(p12: Uint8Array): Uint8Array {
  const pfx = readTlv(p12, 0, p12.length);
  const [version, authSafeInfo, macData] = children(p12, pfx) as [Tlv, Tlv, Tlv | undefined];
  const [type, wrapper] = children(p12, authSafeInfo) as [Tlv, Tlv];
  const content = octetStringContent(p12, children(p12, wrapper)[0] as Tlv);
  const segments: Uint8Array[] = [];
  for (let offset = 0; offset < content.length; offset += 1000)
    segments.push(encode(0x04, content.subarray(offset, offset + 1000)));
  const indefinite = (id: number, ...parts: Uint8Array[]) =>
    Uint8Array.from([id, 0x80, ...parts.flatMap((part) => [...part]), 0, 0]);
  return indefinite(
    0x30,
    raw(p12, version),
    indefinite(0x30, raw(p12, type), indefinite(0xa0, indefinite(0x24, ...segments))),
    ...(macData ? [raw(p12, macData)] : []),
  );
}

/** The file with the MAC's iteration count replaced by `iterations` (outside what the MAC covers). */
export function withMacIterations(p12: Uint8Array, iterations: number): Uint8Array {
  const pfx = readTlv(p12, 0, p12.length);
  const [version, authSafeInfo, macData] = children(p12, pfx) as [Tlv, Tlv, Tlv];
  const [digestInfo, salt] = children(p12, macData) as [Tlv, Tlv];
  const newMac = sequence(raw(p12, digestInfo), raw(p12, salt), smallIntegerDer(iterations));
  return sequence(raw(p12, version), raw(p12, authSafeInfo), newMac);
}
