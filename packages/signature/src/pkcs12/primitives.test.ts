/**
 * The two primitives node:crypto does not offer: the PKCS#12 KDF (RFC 7292 B.2), checked against a published
 * vector and against OpenSSL's own PKCS12KDF (`openssl kdf`), and RC2 decryption (RFC 2268), checked against
 * the RFC's test vectors. Both are then exercised end to end by the legacy .p12 files of read.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bmpPassword, KDF_PURPOSE, type KdfDigest, pkcs12Kdf } from './kdf';
import { rc2CbcDecrypt, rc2DecryptBlock, rc2ExpandKey } from './rc2';

const hex = (text: string) => new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** OpenSSL's PKCS12KDF, when this openssl has `openssl kdf` (3.0+). Its password is taken as given (BMP here). */
function opensslKdf(
  digest: KdfDigest,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  id: number,
  length: number,
) {
  const run = spawnSync(
    'openssl',
    [
      'kdf',
      '-keylen',
      String(length),
      '-kdfopt',
      `digest:${digest.toUpperCase()}`,
      '-kdfopt',
      `hexpass:${toHex(password)}`,
      '-kdfopt',
      `hexsalt:${toHex(salt)}`,
      '-kdfopt',
      `iter:${iterations}`,
      '-kdfopt',
      `id:${id}`,
      'PKCS12KDF',
    ],
    { encoding: 'utf8' },
  );
  return run.status === 0 ? run.stdout.trim().replace(/:/g, '').toLowerCase() : undefined;
}
const OPENSSL_KDF = opensslKdf('sha1', bmpPassword('a'), hex('00'), 1, 1, 8) !== undefined;
if (!OPENSSL_KDF) console.warn('[pkcs12] `openssl kdf PKCS12KDF` unavailable (OpenSSL < 3.0): oracle cases skipped');

/** `openssl enc` with the legacy provider (RC2 lives there in OpenSSL 3), or undefined when it is missing. */
function opensslRc2(cipher: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array | undefined {
  const args = ['enc', '-provider', 'legacy', '-provider', 'default', `-${cipher}`, '-K', toHex(key), '-iv', toHex(iv)];
  const run = spawnSync('openssl', args, { input: data });
  return run.status === 0 ? new Uint8Array(run.stdout) : undefined;
}
const OPENSSL_RC2 = opensslRc2('rc2-cbc', new Uint8Array(16), new Uint8Array(8), new Uint8Array(1)) !== undefined;
if (!OPENSSL_RC2) console.warn('[pkcs12] openssl has no legacy provider (RC2): the RC2-CBC oracle case is skipped');

describe('PKCS#12 KDF (RFC 7292 B.2)', () => {
  it('encodes the password as a BMPString with a two-byte terminator', () => {
    expect(toHex(bmpPassword('smeg'))).toBe('0073006d006500670000');
    expect(toHex(bmpPassword('Mật'))).toBe('004d1ead00740000');
    expect(toHex(bmpPassword(''))).toBe('0000');
  });

  it('reproduces the published vector (password "smeg", SHA-1, one iteration, 24 key bytes)', () => {
    const key = pkcs12Kdf('sha1', bmpPassword('smeg'), hex('0A58CF64530D823F'), 1, KDF_PURPOSE.key, 24);
    expect(toHex(key)).toBe('8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3');
  });

  it.runIf(OPENSSL_KDF)('agrees with OpenSSL for every digest, purpose, long output and long inputs', () => {
    const cases: [KdfDigest, string, string, number, number, number][] = [
      ['sha1', 'queeg', '1682C0FC5B3F7EC5', 1000, 1, 24],
      ['sha1', 'queeg', '1682C0FC5B3F7EC5', 1000, 2, 8],
      ['sha256', 'Mật khẩu số 1', '0102030405060708', 2048, 3, 32],
      ['sha256', 'p', '00', 3, 1, 100], // several rounds: the I update between them
      ['sha384', 'x'.repeat(70), 'ab'.repeat(70), 5, 1, 120], // password and salt longer than one block
      ['sha512', 'Nguyễn Văn A', 'ff'.repeat(9), 7, 3, 64],
      ['sha224', '', 'cafe', 2, 2, 50],
    ];
    for (const [digest, password, salt, iterations, id, length] of cases) {
      const ours = toHex(pkcs12Kdf(digest, bmpPassword(password), hex(salt), iterations, id, length));
      expect(ours, `${digest} ${JSON.stringify(password)} id ${id}`).toBe(
        opensslKdf(digest, bmpPassword(password), hex(salt), iterations, id, length),
      );
    }
  });
});

describe('RC2 (RFC 2268)', () => {
  // RFC 2268 §5: key, effective key bits, plaintext, ciphertext.
  const VECTORS: [string, number, string, string][] = [
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88', 64, '0000000000000000', '61a8a244adacccf0'],
    ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
    ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
    ['88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e', 129, '0000000000000000', '5b78d3a43dfff1f1'],
  ];

  it('decrypts every RFC 2268 test vector', () => {
    for (const [key, bits, plaintext, ciphertext] of VECTORS) {
      const out = new Uint8Array(8);
      rc2DecryptBlock(rc2ExpandKey(hex(key), bits), hex(ciphertext), out, 0);
      expect(toHex(out), `key ${key} at ${bits} bits`).toBe(plaintext);
    }
  });

  it.runIf(OPENSSL_RC2)('CBC with padding: decrypts what `openssl enc -rc2-cbc` / `-rc2-40-cbc` encrypted', () => {
    const message = new TextEncoder().encode('Chứng thư số của Nguyễn Văn A — hai mươi ba khối RC2 trở lên cho chắc.');
    const iv = hex('0102030405060708');
    for (const [cipher, key, bits] of [
      ['rc2-cbc', hex('88bca90e90875a7f0f79c384627bafb2'), 128],
      ['rc2-40-cbc', hex('0a1b2c3d4e'), 40],
    ] as const) {
      const encrypted = opensslRc2(cipher, key, iv, message);
      expect(encrypted, cipher).toBeDefined();
      expect(rc2CbcDecrypt(key, bits, iv, encrypted as Uint8Array), cipher).toEqual(message);
    }
  });

  it('reports ciphertext that is not whole blocks, a wrong IV size or bad padding as undefined', () => {
    const key = hex('88bca90e90875a7f0f79c384627bafb2');
    expect(rc2CbcDecrypt(key, 128, new Uint8Array(8), hex('2269552ab0f85ca6ff'))).toBeUndefined();
    expect(rc2CbcDecrypt(key, 128, new Uint8Array(7), hex('2269552ab0f85ca6'))).toBeUndefined();
    expect(rc2CbcDecrypt(key, 128, new Uint8Array(8), new Uint8Array(0))).toBeUndefined();
    // One RFC vector block under a zero IV decrypts to eight zero bytes: padding byte 0 is invalid.
    expect(rc2CbcDecrypt(key, 128, new Uint8Array(8), hex('2269552ab0f85ca6'))).toBeUndefined();
  });
});
