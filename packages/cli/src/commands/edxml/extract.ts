import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decodeAttachment, detectContentKind, type Reference } from '@lienthong/edxml';
import { CliError, type CommandDefinition, EXIT, type ExitCode } from '../../framework/command';
import { ioError, writeError } from '../../framework/files';
import { outputOf } from '../../framework/output';
import { createProgressBar, type ProgressBar } from '../../framework/progress';
import { formatBytes } from '../../framework/text';
import { uniqueName, unsafeNameReason } from './attachment-name';
import { tapPayload } from './payload-tap';
import { openEnvelope } from './read-envelope';

/** ZIP wrappers above this size are left zipped: opening one means holding it in memory. */
const MAX_UNWRAP_BYTES = 100 * 1024 * 1024;
/** Office files are ZIP archives too, and are never unwrapped. */
const ZIP_BASED_DOCUMENT = /\.(docx|xlsx|pptx|odt|ods|odp)$/i;

/**
 * Opens a one-file ZIP wrapper (the VNPT SDK zips most attachments before base64): the file at `target` is
 * replaced by the file the sender attached. Only the edXML wrapper case is opened — through @lienthong/edxml's
 * decodeAttachment, which caps the output — an archive the sender attached on purpose (a `.zip` name, a ZIP
 * declared in the manifest, or several entries) is kept as it is.
 */
async function unwrapZip(target: string, name: string, reference: Reference | undefined): Promise<number | undefined> {
  const data = await readFile(target);
  const decoded = decodeAttachment(
    { contentTransferEncoded: data.toString('base64'), contentType: 'application/zip', attachmentName: name },
    reference === undefined ? {} : { reference },
  );
  if (!decoded.ok || !decoded.unzipped) return undefined;
  await writeFile(target, decoded.data);
  return decoded.data.length;
}

export const extractCommand: CommandDefinition = {
  path: ['edxml', 'extract'],
  summary: {
    vi: 'Giải mã các tệp đính kèm của một tệp edXML ra thư mục',
    en: 'Decode the attachments of an edXML file into a folder',
  },
  usage: 'edxml extract <file> --out <dir> [--force]',
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  optionValues: { out: 'dir' },
  optionHelp: {
    out: { vi: 'Thư mục ghi tệp (tạo nếu chưa có)', en: 'Folder to write the files to (created when missing)' },
    force: { vi: 'Ghi đè tệp đã có', en: 'Overwrite existing files' },
  },
  positionals: { min: 1, max: 1, names: '<file>' },
  examples: [
    {
      command: 'lienthong edxml extract van-ban.edxml --out dinh-kem/',
      description: {
        vi: 'Ghi các tệp đính kèm vào dinh-kem/ (tệp bị bọc trong ZIP được giải nén)',
        en: 'Write the attachments into dinh-kem/ (files wrapped in a ZIP are unzipped)',
      },
    },
  ],
  exitCodes: {
    0: { vi: 'đã ghi mọi tệp đính kèm', en: 'every attachment was written' },
    1: {
      vi: 'có tệp đính kèm bị bỏ qua (tên không an toàn) hoặc tệp không phải gói tin edXML',
      en: 'an attachment was skipped (unsafe name) or the file is not an edXML envelope',
    },
    2: {
      vi: 'sai cách dùng, không đọc được tệp, hoặc không ghi được (tệp đã có: dùng --force)',
      en: 'usage error, the file cannot be read, or a file cannot be written (existing file: use --force)',
    },
  },
  async run({ values, positionals }, context): Promise<ExitCode> {
    if (typeof values.out !== 'string')
      throw new CliError('MISSING_ARGUMENT', {
        vi: 'thiếu --out <thư mục>; xem lienthong edxml extract --help',
        en: 'missing --out <dir>; see lienthong edxml extract --help',
      });
    const { lang } = context;
    const [file] = positionals as [string];
    const outDir = resolve(context.io.cwd, values.out);
    const stdout = outputOf(context.io.stdout);
    const stderr = outputOf(context.io.stderr);
    try {
      await mkdir(outDir, { recursive: true });
    } catch (error) {
      throw writeError(error, values.out);
    }
    let opened: Awaited<ReturnType<typeof openEnvelope>>;
    let bar: ProgressBar | undefined;
    try {
      opened = await openEnvelope(resolve(context.io.cwd, file), {
        subject: file,
        onBytes: (done) => bar?.update(done),
      });
    } catch (error) {
      throw ioError(error, file);
    }
    bar = createProgressBar(context.io, opened.size, { lang, quiet: context.quiet });
    const taken = new Set<string>();
    let references: readonly Reference[] = [];
    let skipped = 0;
    let written = 0;
    const messages: string[] = [];
    for await (const part of opened.reader) {
      if (part.type === 'header') {
        references = part.message?.kind === 'document' ? (part.message.manifest?.references ?? []) : [];
        continue;
      }
      const reference = references.find((candidate) => candidate.contentId === part.attachment.contentId);
      const declaredName = part.attachment.attachmentName ?? reference?.attachmentName;
      const number = part.index + 1;
      const name = declaredName ?? `attachment-${number}`;
      const unsafe = unsafeNameReason(name);
      if (unsafe) {
        skipped++;
        messages.push(
          lang === 'vi'
            ? `lienthong: bỏ qua tệp đính kèm ${number} "${name}": ${unsafe.vi} (UNSAFE_NAME)`
            : `lienthong: skipped attachment ${number} "${name}": ${unsafe.en} (UNSAFE_NAME)`,
        );
        continue;
      }
      const fileName = uniqueName(name, taken);
      const target = join(outDir, fileName);
      const shown = join(values.out, fileName);
      const tap = tapPayload(part.bytes);
      try {
        await pipeline(Readable.from(tap.chunks), createWriteStream(target, { flags: values.force ? 'w' : 'wx' }));
      } catch (error) {
        bar.finish();
        if ((error as NodeJS.ErrnoException).code === 'EEXIST')
          throw new CliError('FILE_EXISTS', {
            vi: `tệp ${shown} đã có; dùng --force để ghi đè`,
            en: `${shown} already exists; use --force to overwrite it`,
          });
        throw writeError(error, shown);
      }
      written++;
      const facts = tap.facts();
      if (!context.quiet) messages.push(`${shown}  ${formatBytes(facts.size, lang)}`);
      const isWrapperCandidate =
        detectContentKind(facts.head) === 'zip' && !ZIP_BASED_DOCUMENT.test(name) && facts.size <= MAX_UNWRAP_BYTES;
      if (isWrapperCandidate) {
        const unwrappedSize = await unwrapZip(target, name, reference);
        if (unwrappedSize !== undefined && !context.quiet)
          messages[messages.length - 1] =
            lang === 'vi'
              ? `${shown}  ${formatBytes(unwrappedSize, lang)} (đã giải nén từ tệp bọc ZIP)`
              : `${shown}  ${formatBytes(unwrappedSize, lang)} (unzipped from its ZIP wrapper)`;
      }
    }
    const { message } = await opened.reader.result;
    bar.finish();
    for (const line of messages) await (line.startsWith('lienthong:') ? stderr : stdout).write(`${line}\n`);
    if (message === undefined) {
      await stderr.write(
        lang === 'vi'
          ? `lienthong: ${file} không phải gói tin edXML đọc được; xem lienthong edxml validate ${file} (NOT_EDXML)\n`
          : `lienthong: ${file} is not a readable edXML envelope; see lienthong edxml validate ${file} (NOT_EDXML)\n`,
      );
      return EXIT.failed;
    }
    if (written === 0 && skipped === 0 && !context.quiet)
      await stdout.write(lang === 'vi' ? 'Không có tệp đính kèm.\n' : 'No attachments.\n');
    return skipped > 0 ? EXIT.failed : EXIT.ok;
  },
};
