// Shared by the CLI tests: fixture paths, a temporary folder per test file, JSON Schema validators, test keys.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportDocumentJsonSchema } from '@lienthong/report';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const fixture = (name: string): string => join(FIXTURES, name);

/** A document with warnings and one PDF attachment wrapped in a one-file ZIP (VNPT SDK style). */
export const VALID_DOCUMENT = fixture('axis-downloaded_2025_edoc_pdf.edxml');
export const VALID_STATUS = fixture('vpcp-sdk_status_03_acceptance.edxml');
/** DocumentId disagrees with the header: 4 errors. */
export const INVALID_DOCUMENT = fixture('vpcp-sdk_edoc_new.edxml');
export const NOT_XML = fixture('pdf-instead-of-edxml.pdf');

export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'lienthong-cli-test-'));
}

function compile(schema: Record<string, unknown>): ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** The published JSON Schema of the report document (`--format json` of validating commands). */
export const validateReportDocument = compile(reportDocumentJsonSchema());
/** The JSON Schema shipped in this package for `edxml inspect --format json`. */
export const validateInspectResult = compile(
  JSON.parse(readFileSync(new URL('../schema/edxml-inspect.schema.json', import.meta.url), 'utf8')),
);

export interface TestSigner {
  readonly keyPath: string;
  readonly certificatePath: string;
  readonly p12Path: string;
  readonly p12Password: string;
}

/** A throw-away RSA 2048 key, self-signed certificate and .p12, generated with openssl (never committed). */
export function createTestSigner(directory: string): TestSigner {
  const keyPath = join(directory, 'signer.key.pem');
  const certificatePath = join(directory, 'signer.cert.pem');
  const p12Path = join(directory, 'signer.p12');
  const p12Password = 'mật-khẩu-thử';
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certificatePath,
      '-days',
      '3650',
      '-subj',
      '/CN=Test Signer/O=UBND tinh Test/C=VN',
    ],
    { stdio: 'ignore' },
  );
  execFileSync(
    'openssl',
    [
      'pkcs12',
      '-export',
      '-inkey',
      keyPath,
      '-in',
      certificatePath,
      '-out',
      p12Path,
      '-passout',
      `pass:${p12Password}`,
      '-keypbe',
      'AES-256-CBC',
      '-certpbe',
      'AES-256-CBC',
      '-macalg',
      'sha256',
    ],
    { stdio: 'ignore' },
  );
  return { keyPath, certificatePath, p12Path, p12Password };
}

export function writeText(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}
