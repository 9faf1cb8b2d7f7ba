import { readAnchorFiles } from '#anchor-files';
import {
  VGCA_ROOT_G2_PEM,
  VGCA_ROOT_G2_SHA256,
  VN_NATIONAL_ROOT_PEM,
  VN_NATIONAL_ROOT_SHA256,
} from '../assets/vietnamese-roots';
import { SignatureError } from '../errors';
import { type ParsedCertificate, parseCertificates } from './certificate';

/*
 * Trust anchors are explicit configuration only: certificates the caller passes as bytes or PEM, files and folders
 * the caller names, and the two bundled Vietnamese roots when — and only when — the caller names them. A certificate
 * is never trusted because a signature carries it.
 */

/** The bundled Vietnamese roots a caller may name. */
export type VietnameseRootName = 'vgca-root-g2' | 'vn-national-root';

export const VIETNAMESE_ROOTS: Readonly<
  Record<VietnameseRootName, { pem: string; sha256: string; description: string }>
> = {
  'vgca-root-g2': {
    pem: VGCA_ROOT_G2_PEM,
    sha256: VGCA_ROOT_G2_SHA256,
    description: 'RootCA chuyên dùng Chính phủ G2 (Ban Cơ yếu Chính phủ)',
  },
  'vn-national-root': {
    pem: VN_NATIONAL_ROOT_PEM,
    sha256: VN_NATIONAL_ROOT_SHA256,
    description: 'Vietnam National Root CA (NEAC)',
  },
};

export interface TrustStore {
  anchors: readonly ParsedCertificate[];
}

export interface TrustStoreOptions {
  /** Anchor certificates as DER bytes or PEM text (a PEM text may hold several). */
  anchors?: (Uint8Array | string)[];
  /**
   * PEM or DER files, or folders whose `.pem`, `.crt`, `.cer` and `.der` files are read (not recursively). Node
   * only: the browser build throws `INVALID_ARGUMENT` (use `anchors`).
   */
  files?: string[];
  /** Bundled Vietnamese roots to trust; none is trusted unless named here. */
  vietnameseRoots?: VietnameseRootName[];
}

/**
 * Builds a trust store. Configuration errors throw `SignatureError`: an anchor that cannot be parsed or a file that
 * cannot be read (`INVALID_ARGUMENT`), an unknown bundled root name or a bundled root whose SHA-256 no longer
 * matches its pin (`UNKNOWN_TRUST_ANCHOR`). Duplicates are dropped.
 */
export function createTrustStore(options: TrustStoreOptions = {}): TrustStore {
  const anchors: ParsedCertificate[] = [];
  const seen = new Set<string>();
  const add = (certificates: ParsedCertificate[]) => {
    for (const certificate of certificates) {
      if (seen.has(certificate.fingerprintSha256)) continue;
      seen.add(certificate.fingerprintSha256);
      anchors.push(certificate);
    }
  };

  for (const name of options.vietnameseRoots ?? []) add([loadVietnameseRoot(name)]);
  for (const [index, anchor] of (options.anchors ?? []).entries()) add(parseAnchor(anchor, `anchors[${index}]`));
  for (const path of options.files ?? [])
    for (const { file, bytes } of readAnchorFiles(path)) add(parseAnchor(bytes, file));
  return { anchors };
}

/** One bundled root, checked against its SHA-256 pin. */
export function loadVietnameseRoot(name: VietnameseRootName): ParsedCertificate {
  const bundled = Object.hasOwn(VIETNAMESE_ROOTS, name) ? VIETNAMESE_ROOTS[name] : undefined;
  if (bundled === undefined)
    throw new SignatureError(
      'UNKNOWN_TRUST_ANCHOR',
      `Unknown Vietnamese root "${String(name)}"; use one of: ${Object.keys(VIETNAMESE_ROOTS).join(', ')}.`,
    );
  const parsed = parseCertificates(bundled.pem);
  const certificate = parsed.ok && parsed.certificates.length === 1 ? parsed.certificates[0] : undefined;
  if (certificate === undefined || certificate.fingerprintSha256 !== bundled.sha256)
    throw new SignatureError(
      'UNKNOWN_TRUST_ANCHOR',
      `Bundled root "${name}" does not match its SHA-256 pin ${bundled.sha256}; the package may have been altered.`,
    );
  return certificate;
}

function parseAnchor(input: Uint8Array | string, where: string): ParsedCertificate[] {
  const parsed = parseCertificates(input);
  if (!parsed.ok) throw new SignatureError('INVALID_ARGUMENT', `Trust anchor ${where}: ${parsed.reason.en}`);
  if (parsed.certificates.length === 0)
    throw new SignatureError('INVALID_ARGUMENT', `Trust anchor ${where} holds no certificate.`);
  return parsed.certificates;
}
