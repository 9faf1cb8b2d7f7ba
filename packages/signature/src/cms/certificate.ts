/*
 * The few fields of an X.509 certificate the CMS layer needs to pick the signer's certificate by SID — issuer
 * and serial number, subject key identifier — and its public key, read straight from the DER. Everything
 * else about certificates (names, validity, extensions, chains) belongs to ../pkix.
 */
import { children, DerError, raw, readOid, readTlv, value } from './der';
import { OID } from './oids';

export interface CertificateFields {
  readonly der: Uint8Array;
  /** The issuer Name element, as encoded. */
  readonly issuer: Uint8Array;
  /** The serialNumber INTEGER value octets, as encoded. */
  readonly serial: Uint8Array;
  /** The subjectKeyIdentifier extension value, if any. */
  readonly subjectKeyIdentifier: Uint8Array | undefined;
  /** The SubjectPublicKeyInfo element. */
  readonly spki: Uint8Array;
}

/** Reads a DER certificate; throws DerError when it is not one. */
export function readCertificateFields(der: Uint8Array): CertificateFields {
  const certificate = readTlv(der, 0, der.length);
  if (certificate.id !== 0x30 || certificate.end !== der.length) throw new DerError('not a certificate');
  const [tbs] = children(der, certificate, 3);
  if (tbs?.id !== 0x30) throw new DerError('not a certificate');
  const fields = children(der, tbs, 10);
  let index = fields[0]?.id === 0xa0 ? 1 : 0; // [0] EXPLICIT version
  const serial = fields[index++];
  index++; // signature
  const issuer = fields[index++];
  index += 2; // validity, subject
  const spki = fields[index++];
  if (serial?.id !== 0x02 || !issuer || issuer.id !== 0x30 || !spki || spki.id !== 0x30)
    throw new DerError('not a certificate');
  let subjectKeyIdentifier: Uint8Array | undefined;
  for (const field of fields.slice(index)) {
    if (field.id !== 0xa3) continue;
    const [extensions] = children(der, field, 1);
    if (extensions?.id !== 0x30) throw new DerError('malformed extensions');
    for (const extension of children(der, extensions, 256)) {
      const parts = children(der, extension, 3);
      const id = parts[0];
      const octets = parts[parts.length - 1];
      if (!id || !octets || octets.id !== 0x04) throw new DerError('malformed extension');
      if (readOid(der, id) !== OID.subjectKeyIdentifier) continue;
      const inner = readTlv(der, octets.valueStart, octets.valueEnd);
      if (inner.id !== 0x04) throw new DerError('malformed subject key identifier');
      subjectKeyIdentifier = value(der, inner);
    }
  }
  return {
    der,
    issuer: raw(der, issuer),
    serial: value(der, serial),
    subjectKeyIdentifier,
    spki: raw(der, spki),
  };
}

/** The fields of each of `ders` that is a certificate; the others are left out (they cannot be a signer's). */
export function readEachCertificateFields(ders: readonly Uint8Array[]): CertificateFields[] {
  const out: CertificateFields[] = [];
  for (const der of ders) {
    try {
      out.push(readCertificateFields(der));
    } catch {
      // Not a certificate we can read: it cannot be the signer's, and ../pkix would refuse it too.
    }
  }
  return out;
}
