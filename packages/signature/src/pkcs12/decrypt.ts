/*
 * Password-based decryption of PKCS#12 contents and keys: PBES2 (RFC 8018: PBKDF2 with HMAC-SHA-1/2 and
 * AES-CBC or 3DES-CBC — what OpenSSL 3, Windows "AES256-SHA256" and Java 17+ write) and the PKCS#12 PBE
 * schemes of RFC 7292 Appendix C (3DES and RC2 with the PKCS#12 KDF — what `openssl pkcs12 -legacy`, older
 * Windows and Java write). RC4 schemes are refused as unsupported. A ciphertext that does not decrypt (bad
 * padding) is reported as `undefined`: with PKCS#12 that almost always means a wrong password.
 */
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { children, DerError, octetStringContent, readOid, smallInteger, type Tlv } from '../cms/der';
import { bmpPassword, KDF_PURPOSE, type KdfDigest, pkcs12Kdf } from './kdf';
import { PKCS12_TEXT, pkcs12Error } from './messages';
import { HMAC_DIGEST_BY_OID, PKCS12_OID } from './oids';
import { rc2CbcDecrypt } from './rc2';

/** The password in the two forms PKCS#12 needs (read.ts tries several variants: passwordCandidates). */
export interface PasswordForms {
  /** BMPString with terminator, or empty for an absent password: PKCS#12 KDF (MAC, 3DES, RC2). */
  readonly bmp: Uint8Array;
  /** UTF-8 bytes: PBKDF2 (PBES2). */
  readonly utf8: Uint8Array;
}

export function passwordForms(password: string): PasswordForms {
  return { bmp: bmpPassword(password), utf8: new TextEncoder().encode(password) };
}

export interface Decryption {
  /** The plaintext, or undefined when it does not decrypt under this password. */
  readonly plain: Uint8Array | undefined;
  /** What protected it, e.g. "PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC, 2048 iterations)". */
  readonly label: string;
}

const PKCS12_PBE: Readonly<
  Record<string, { label: string; keyLength: number; cipher: 'des-ede3' | 'des-ede' | 'rc2' }>
> = {
  [PKCS12_OID.pbeWithSHAAnd3KeyTripleDESCBC]: {
    label: 'pbeWithSHAAnd3-KeyTripleDES-CBC',
    keyLength: 24,
    cipher: 'des-ede3',
  },
  [PKCS12_OID.pbeWithSHAAnd2KeyTripleDESCBC]: {
    label: 'pbeWithSHAAnd2-KeyTripleDES-CBC',
    keyLength: 16,
    cipher: 'des-ede',
  },
  [PKCS12_OID.pbeWithSHAAnd128BitRC2CBC]: { label: 'pbeWithSHAAnd128BitRC2-CBC', keyLength: 16, cipher: 'rc2' },
  [PKCS12_OID.pbeWithSHAAnd40BitRC2CBC]: { label: 'pbeWithSHAAnd40BitRC2-CBC', keyLength: 5, cipher: 'rc2' },
};

const PBES2_CIPHERS: Readonly<Record<string, { label: string; cipher: string; keyLength: number; ivLength: number }>> =
  {
    [PKCS12_OID.aes128Cbc]: { label: 'AES-128-CBC', cipher: 'aes-128-cbc', keyLength: 16, ivLength: 16 },
    [PKCS12_OID.aes192Cbc]: { label: 'AES-192-CBC', cipher: 'aes-192-cbc', keyLength: 24, ivLength: 16 },
    [PKCS12_OID.aes256Cbc]: { label: 'AES-256-CBC', cipher: 'aes-256-cbc', keyLength: 32, ivLength: 16 },
    [PKCS12_OID.desEde3Cbc]: { label: 'DES-EDE3-CBC', cipher: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
  };

/** How many derivations at the full `maxIterations` one file may ask for in all (MAC, contents, keys, retries). */
export const DERIVATIONS_AT_CAP = 16;

/**
 * Iteration counts are attacker-controlled: each one costs a hash. One derivation is capped at `maxIterations`
 * before any work, and so is the sum over the whole file — otherwise a file with many keys (or contents), each
 * under the cap, could ask for as much work as it likes.
 */
export class DerivationBudget {
  private left: number;

  constructor(readonly maxIterations: number) {
    this.left = maxIterations * DERIVATIONS_AT_CAP;
  }

  /** Takes `iterations` from the budget, or throws PKCS12_UNSUPPORTED before any of them is run. */
  spend(iterations: number): void {
    if (iterations > this.maxIterations)
      throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.tooManyIterations(iterations, this.maxIterations));
    if (iterations > this.left)
      throw pkcs12Error(
        'PKCS12_UNSUPPORTED',
        PKCS12_TEXT.tooManyIterationsInAll(this.maxIterations, DERIVATIONS_AT_CAP),
      );
    this.left -= iterations;
  }
}

/**
 * Decrypts `ciphertext` protected by the AlgorithmIdentifier `algorithm` (an element of `buf`) with `password`,
 * the key derivation paid from `budget`.
 * Throws SignatureError PKCS12_UNSUPPORTED for schemes we do not implement; DerError for malformed parameters.
 */
export function decrypt(
  buf: Uint8Array,
  algorithm: Tlv,
  ciphertext: Uint8Array,
  password: PasswordForms,
  budget: DerivationBudget,
): Decryption {
  const [oidTlv, params] = children(buf, algorithm, 2);
  if (!oidTlv) throw new DerError('empty AlgorithmIdentifier');
  const oid = readOid(buf, oidTlv);
  if (oid === PKCS12_OID.pbes2) {
    if (!params) throw new DerError('PBES2 without parameters');
    return decryptPbes2(buf, params, ciphertext, password, budget);
  }
  const scheme = PKCS12_PBE[oid];
  if (scheme) {
    if (params?.id !== 0x30) throw new DerError('PKCS#12 PBE without parameters');
    const [saltTlv, iterationsTlv] = children(buf, params, 2);
    if (!saltTlv || !iterationsTlv) throw new DerError('PKCS#12 PBE parameters incomplete');
    const salt = octetStringContent(buf, saltTlv);
    const iterations = smallInteger(buf, iterationsTlv);
    budget.spend(iterations);
    const key = pkcs12Kdf('sha1', password.bmp, salt, iterations, KDF_PURPOSE.key, scheme.keyLength);
    budget.spend(iterations);
    const iv = pkcs12Kdf('sha1', password.bmp, salt, iterations, KDF_PURPOSE.iv, 8);
    const plain =
      scheme.cipher === 'rc2'
        ? rc2CbcDecrypt(key, scheme.keyLength * 8, iv, ciphertext)
        : nodeDecrypt(`${scheme.cipher}-cbc`, key, iv, ciphertext);
    return { plain, label: `${scheme.label} (${iterations} iterations)` };
  }
  if (oid === PKCS12_OID.pbeWithSHAAnd128BitRC4 || oid === PKCS12_OID.pbeWithSHAAnd40BitRC4)
    throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.unsupported(`RC4 encryption (${oid})`));
  throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.unsupported(`the encryption algorithm ${oid}`));
}

function decryptPbes2(
  buf: Uint8Array,
  params: Tlv,
  ciphertext: Uint8Array,
  password: PasswordForms,
  budget: DerivationBudget,
): Decryption {
  const [kdf, scheme] = children(buf, params, 2);
  if (!kdf || !scheme) throw new DerError('PBES2 parameters incomplete');
  const [kdfOid, kdfParams] = children(buf, kdf, 2);
  if (!kdfOid) throw new DerError('empty key derivation AlgorithmIdentifier');
  const kdfName = readOid(buf, kdfOid);
  if (kdfName !== PKCS12_OID.pbkdf2 || !kdfParams)
    throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.unsupported(`the PBES2 key derivation ${kdfName}`));

  const [schemeOid, ivTlv] = children(buf, scheme, 2);
  if (!schemeOid) throw new DerError('empty encryption scheme');
  const schemeName = readOid(buf, schemeOid);
  const cipher = PBES2_CIPHERS[schemeName];
  if (!cipher) throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.unsupported(`the PBES2 cipher ${schemeName}`));
  if (!ivTlv) throw new DerError('PBES2 cipher without IV');
  const iv = octetStringContent(buf, ivTlv);
  if (iv.length !== cipher.ivLength) throw new DerError('PBES2 IV of the wrong length');

  // PBKDF2-params ::= SEQUENCE { salt, iterationCount, keyLength OPTIONAL, prf DEFAULT hmacWithSHA1 }
  const fields = children(buf, kdfParams, 4);
  const [saltTlv, iterationsTlv] = fields;
  if (!saltTlv || !iterationsTlv) throw new DerError('PBKDF2 parameters incomplete');
  if (saltTlv.id !== 0x04 && saltTlv.id !== 0x24)
    throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.unsupported('a PBKDF2 salt from another source'));
  const salt = octetStringContent(buf, saltTlv);
  const iterations = smallInteger(buf, iterationsTlv);
  budget.spend(iterations);
  let rest = fields.slice(2);
  if (rest[0]?.id === 0x02) {
    if (smallInteger(buf, rest[0]) !== cipher.keyLength) throw new DerError('PBKDF2 keyLength does not fit the cipher');
    rest = rest.slice(1);
  }
  let prf: KdfDigest = 'sha1';
  if (rest[0]) {
    const [prfOid] = children(buf, rest[0], 2);
    if (!prfOid) throw new DerError('empty PBKDF2 prf');
    const name = readOid(buf, prfOid);
    const digest = HMAC_DIGEST_BY_OID[name];
    if (!digest) throw pkcs12Error('PKCS12_UNSUPPORTED', PKCS12_TEXT.unsupported(`the PBKDF2 PRF ${name}`));
    prf = digest;
  }
  const key = pbkdf2Sync(password.utf8, salt, iterations, cipher.keyLength, prf);
  return {
    plain: nodeDecrypt(cipher.cipher, key, iv, ciphertext),
    label: `PBES2 (PBKDF2-HMAC-${prf.toUpperCase()}, ${cipher.label}, ${iterations} iterations)`,
  };
}

function nodeDecrypt(cipher: string, key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array | undefined {
  try {
    const decipher = createDecipheriv(cipher, key, iv);
    return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  } catch {
    return undefined; // bad padding or a ciphertext that is not whole blocks: a wrong password, as a rule
  }
}
