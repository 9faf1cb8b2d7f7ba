/*
 * Signing an edXML envelope the way QCVN 102 receivers and standard XMLDSig libraries both read it: an
 * enveloped XMLDSig signature (RSA-SHA256, SHA-256 reference digest, exc-c14n, one Reference URI="" with the
 * enveloped-signature and exc-c14n transforms, KeyInfo/X509Data with the signer certificate and its chain),
 * in the XMLDSig namespace under its own `ds:` prefix, as the last child of edXMLHeader. Because
 * AttachmentEncoded is inside the root, URI="" covers the attachments too.
 */
import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { SignatureError } from '../errors';
import { resolvePkcs12, type SigningCredential, usesPkcs12 } from '../pkcs12/credential';
import { ENVELOPED_SIGNATURE, EXC_C14N } from './algorithms';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  elementChildren,
  findElements,
  isIntakeFailure,
  readXml,
} from './document';
import { EDXML_NS, isEdxmlRoot } from './structure';

/**
 * The signer: a PEM key and certificate (`{ key, certificate, chain? }`, RSA of at least 2048 bits, chain
 * signer's issuer first) or a PKCS#12 file (`{ pkcs12, password }`, whose chain goes into KeyInfo). Either
 * way KeyInfo carries the signer's certificate first, then the chain.
 */
export type SignEdxmlOptions = SigningCredential;

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

function certificateFrom(pem: string, what: string): X509Certificate {
  if (typeof pem !== 'string') throw new SignatureError('INVALID_ARGUMENT', `${what} must be a PEM string`);
  try {
    return new X509Certificate(pem);
  } catch (error) {
    throw new SignatureError('INVALID_ARGUMENT', `${what} is not a PEM certificate`, { cause: error });
  }
}

function spki(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

/**
 * Signs an edXML document: returns the document with an enveloped XMLDSig signature appended to
 * edXMLHeader. Throws `SignatureError` for what the caller must fix: a key that is not RSA ≥ 2048 or does
 * not match the certificate (`KEY_UNUSABLE`), input that is not an unsigned, well-formed edXML document
 * without DOCTYPE (`INVALID_ARGUMENT`), a .p12 that cannot be read (the PKCS12_* codes of readPkcs12).
 */
export function signEdxml(xml: string, options: SignEdxmlOptions): string {
  if (typeof xml !== 'string') throw new SignatureError('INVALID_ARGUMENT', 'xml must be a string');
  if (options === null || typeof options !== 'object')
    throw new SignatureError('INVALID_ARGUMENT', 'options { key, certificate } or { pkcs12, password } are required');

  let privateKey: KeyObject;
  let certificate: X509Certificate;
  let chain: X509Certificate[];
  if (usesPkcs12(options)) {
    const credential = resolvePkcs12(options);
    privateKey = credential.privateKey;
    certificate = new X509Certificate(credential.certificate);
    chain = credential.chain.map((der) => new X509Certificate(der));
  } else {
    try {
      privateKey = createPrivateKey(options.key);
    } catch (error) {
      throw new SignatureError('KEY_UNUSABLE', 'key is not a readable, unencrypted PEM private key', { cause: error });
    }
    certificate = certificateFrom(options.certificate, 'certificate');
    chain = (options.chain ?? []).map((pem, i) => certificateFrom(pem, `chain[${i}]`));
  }
  if (privateKey.asymmetricKeyType !== 'rsa')
    throw new SignatureError('KEY_UNUSABLE', `key is ${privateKey.asymmetricKeyType}; signEdxml signs with RSA-SHA256`);
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048) throw new SignatureError('KEY_UNUSABLE', `RSA key of ${bits} bits; at least 2048 are required`);
  if (!spki(createPublicKey(privateKey)).equals(spki(certificate.publicKey)))
    throw new SignatureError('KEY_UNUSABLE', 'the certificate does not hold the public key of key');

  const parsed = readXml(xml, { maxBytes: DEFAULT_MAX_BYTES, maxDepth: DEFAULT_MAX_DEPTH });
  if (isIntakeFailure(parsed)) throw new SignatureError('INVALID_ARGUMENT', parsed.message.en);
  if (!isEdxmlRoot(parsed.root))
    throw new SignatureError('INVALID_ARGUMENT', `not an edXML document (root <${parsed.root.tagName}>)`);
  const envelope =
    parsed.root.localName === 'edXMLEnvelope'
      ? parsed.root
      : elementChildren(parsed.root).find((e) => e.namespaceURI === EDXML_NS && e.localName === 'edXMLEnvelope');
  const headers = envelope
    ? elementChildren(envelope).filter((e) => e.namespaceURI === EDXML_NS && e.localName === 'edXMLHeader')
    : [];
  if (headers.length !== 1)
    throw new SignatureError('INVALID_ARGUMENT', `expected one edXMLEnvelope/edXMLHeader, found ${headers.length}`);
  const existing = findElements(parsed.root, (e) => e.localName === 'Signature');
  if (existing.length > 0)
    throw new SignatureError(
      'INVALID_ARGUMENT',
      `the document already holds a Signature (${existing[0]?.namespaceURI ?? 'no namespace'}); remove it before signing`,
    );

  const pems = [certificate, ...chain].map((c) => c.toString().trim()).join('\n');
  const signer = new SignedXml({
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }),
    publicCert: pems,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
    getCertFromKeyInfo: () => null,
  });
  signer.addReference({
    xpath: '/*',
    transforms: [ENVELOPED_SIGNATURE, EXC_C14N],
    digestAlgorithm: SHA256,
    isEmptyUri: true,
  });
  try {
    signer.computeSignature(parsed.text, {
      prefix: 'ds',
      location: {
        reference: headerPath(parsed.root.localName === 'edXMLEnvelope'),
        action: 'append',
      },
    });
  } catch (error) {
    // Inputs were checked above; a failure here is xml-crypto's, reported as such.
    throw new SignatureError('INVALID_ARGUMENT', `xml-crypto could not sign the document: ${String(error)}`, {
      cause: error,
    });
  }
  return signer.getSignedXml();
}

function headerPath(rootIsEnvelope: boolean): string {
  const step = (name: string) => `*[local-name(.)='${name}' and namespace-uri(.)='${EDXML_NS}']`;
  return rootIsEnvelope ? `/*/${step('edXMLHeader')}` : `/*/${step('edXMLEnvelope')}/${step('edXMLHeader')}`;
}
