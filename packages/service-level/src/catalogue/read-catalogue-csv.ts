/*
 * Imports a catalogue from the CSV a spreadsheet exports, with Vietnamese or English headers. Every problem is
 * an issue located at its row and column (and line and column in the text); a row with an error is left out
 * and says so; nothing is dropped without a word. The catalogue-wide checks (SL-CAT-VAL-*) run afterwards,
 * located at the rows too.
 */
import {
  createReportBuilder,
  type Issue,
  type LocalizedText,
  type Location,
  type ParamValue,
  type Report,
} from '@lienthong/report';
import { type DayInput, schemeOn } from '../classify';
import { ServiceLevelError } from '../errors';
import type { Catalogue, Nd43Level, Service, ServiceCapabilities } from '../model/service';
import {
  booleanCell,
  type CellKind,
  type DeclaredLevel,
  dateCell,
  declaredLevelCell,
  paymentCell,
  resultChannelsCell,
  tierCell,
} from './cell-values';
import { CATALOGUE_COLUMNS, type CatalogueColumn, type CatalogueColumnDefinition, headerMeaning } from './csv-columns';
import {
  type CsvDelimiter,
  type CsvRecordStart,
  type CsvSyntaxProblem,
  csvFieldIndexAt,
  detectCsvDelimiter,
  locateCsvField,
  scanCsv,
} from './csv-syntax';
import {
  CATALOGUE_RULESET,
  catalogueReportRules,
  csvBadBoolean,
  csvBadDate,
  csvBadDeclaredLevel,
  csvBadPayment,
  csvBadResultChannels,
  csvBadTier,
  csvDuplicateColumn,
  csvEmptyCell,
  csvMissingColumn,
  csvNoHeader,
  csvQuoteInUnquotedField,
  csvRowLeftOut,
  csvRowsBeforeHeader,
  csvTextAfterClosingQuote,
  csvTooFewFields,
  csvTooManyFields,
  csvUnknownColumn,
  csvUnnamedColumn,
  csvUnterminatedQuote,
  textNotUtf8,
} from './rules';
import { decodeText, type TextEncodingName } from './text-input';
import { checkCatalogue, type ServiceLocator } from './validate-catalogue';

export interface ReadCatalogueCsvOptions {
  /** The field delimiter; default `auto` (guessed from the first lines: `,`, `;` or tab). */
  readonly delimiter?: CsvDelimiter | 'auto';
  /** How bytes are decoded; default `utf-8` (a leading byte order mark is removed either way). */
  readonly encoding?: TextEncodingName;
  /**
   * The date the catalogue describes, copied to `catalogue.asOf` (it decides the district-tier check): a Vietnam
   * calendar day `YYYY-MM-DD`, or a `Date` read at UTC+7.
   */
  readonly asOf?: DayInput;
  /** Who publishes the catalogue, copied to `catalogue.publisher`. */
  readonly publisher?: Catalogue['publisher'];
  /**
   * What an empty yes/no cell means. By default it is an error (SL-CAT-CSV-030); sheets that mark "yes" with
   * an `x` and leave "no" blank pass `false`.
   */
  readonly emptyBooleanAs?: boolean;
  /** What the report is about (a file name); default `catalogue.csv`. */
  readonly subject?: string;
  /** Clock for the report's start time, for reproducible reports. */
  readonly now?: () => Date;
}

export interface CatalogueImport {
  /** The services of every row that had no error, in file order. */
  readonly catalogue: Catalogue;
  readonly report: Report;
}

const DELIMITER_OPTIONS: readonly string[] = [',', ';', '\t', 'auto'];
const ENCODINGS: readonly string[] = ['utf-8', 'windows-1258'];

/** Excel's first-line delimiter directive, e.g. `sep=;`. */
const SEPARATOR_DIRECTIVE = /^sep=([,;\t])(?:\r\n|\n|\r|$)/i;

/** How many records are searched for the header row (title lines often precede it). */
const HEADER_SEARCH_RECORDS = 10;
/** A record is taken as the header when it names at least this many catalogue columns. */
const HEADER_MIN_COLUMNS = 3;

const REQUIRED_TEXT: LocalizedText = { vi: 'một giá trị', en: 'a value' };

interface MappedColumn {
  readonly definition: CatalogueColumnDefinition;
  /** The header as written in the file, for messages. */
  readonly header: string;
  readonly index: number;
}

type BadCellRule =
  | typeof csvBadBoolean
  | typeof csvBadTier
  | typeof csvBadPayment
  | typeof csvBadResultChannels
  | typeof csvBadDate
  | typeof csvBadDeclaredLevel;

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function rowPath(row: number): string {
  return `rows[${row}]`;
}

function cellPath(row: number, header: string): string {
  return `rows[${row}][${JSON.stringify(header)}]`;
}

function countRecognisedColumns(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) if (headerMeaning(field).kind === 'column') count++;
  return count;
}

function isBlankRecord(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

/**
 * Reads a catalogue from CSV text or bytes. UTF-8 with or without a byte order mark (or Windows-1258 when
 * told), `,` `;` or tab delimiters, quoted fields with line breaks, headers in Vietnamese or English in any
 * case, with or without diacritics. Returns the services of the rows without errors and a report of every
 * finding; never throws for bad input.
 */
export function readCatalogueCsv(input: string | Uint8Array, options: ReadCatalogueCsvOptions = {}): CatalogueImport {
  checkOptions(options);
  const builder = createReportBuilder({
    subject: options.subject ?? 'catalogue.csv',
    kind: 'service-catalogue',
    ruleset: CATALOGUE_RULESET,
    rules: catalogueReportRules,
    requiredSteps: ['read'],
    ...(options.now ? { now: options.now } : {}),
  });
  const catalogue: Catalogue = { services: [] };
  if (options.publisher !== undefined) catalogue.publisher = options.publisher;
  if (options.asOf !== undefined) catalogue.asOf = vietnamDay(options.asOf) as string;

  const rowLocations = builder.step('read', () => readRows(input, options, catalogue, builder.add));
  // Nothing to validate when the file could not be read as a catalogue (that error is already reported).
  if (rowLocations) {
    const locator: ServiceLocator = {
      location: (index) => rowLocations.location(index),
      label: (index) => {
        const row = rowLocations.rows[index] ?? 0;
        return { vi: `dòng ${row}`, en: `row ${row}` };
      },
    };
    builder.step('validate', () => checkCatalogue(catalogue, locator, builder.add));
  }
  return { catalogue, report: builder.finish() };
}

/** The Vietnam calendar day of a date option, or `undefined` when it names none. */
function vietnamDay(input: DayInput): string | undefined {
  const result = schemeOn(input);
  return result.valid ? result.date : undefined;
}

/** The options are the caller's, not the file's: a wrong one is a programmer error. */
function checkOptions(options: ReadCatalogueCsvOptions): void {
  if (options.delimiter !== undefined && !DELIMITER_OPTIONS.includes(options.delimiter)) {
    throw new ServiceLevelError('INVALID_ARGUMENT', `readCatalogueCsv: delimiter must be ',', ';', a tab or 'auto'`);
  }
  if (options.encoding !== undefined && !ENCODINGS.includes(options.encoding)) {
    throw new ServiceLevelError('INVALID_ARGUMENT', `readCatalogueCsv: encoding must be 'utf-8' or 'windows-1258'`);
  }
  if (options.asOf !== undefined && vietnamDay(options.asOf) === undefined) {
    throw new ServiceLevelError(
      'INVALID_ARGUMENT',
      'readCatalogueCsv: asOf must be a real date YYYY-MM-DD or a valid Date',
    );
  }
}

/**
 * Where each kept service came from, as three parallel arrays of numbers (a location object per row would
 * double the garbage of a large import); a `Location` is built only when a finding needs one.
 */
class RowOrigins {
  readonly rows: number[] = [];
  readonly lines: number[] = [];
  readonly offsets: number[] = [];

  add(row: number, start: CsvRecordStart): void {
    this.rows.push(row);
    this.lines.push(start.line);
    this.offsets.push(start.offset);
  }

  location(index: number): Location {
    const row = this.rows[index];
    if (row === undefined) return {};
    return { path: rowPath(row), line: this.lines[index] as number, column: 1, offset: this.offsets[index] as number };
  }
}

/**
 * Reads the rows into `catalogue.services`; returns where each kept row is, in the same order, or `null` when
 * the file cannot be read as a catalogue (not UTF-8, no rows, a required column missing).
 */
function readRows(
  input: string | Uint8Array,
  options: ReadCatalogueCsvOptions,
  catalogue: Catalogue,
  add: (issue: Issue) => void,
): RowOrigins | null {
  const locations = new RowOrigins();
  const decoded = decodeText(input, options.encoding);
  if (!decoded.ok) {
    const { byteOffset, line, column } = decoded;
    add(textNotUtf8.issue({ byteOffset, line, column }, { line, column, offset: byteOffset }));
    return null;
  }
  const text = decoded.text;
  // Excel honours (and hides) a first line `sep=;`; so do we, and rows are numbered as Excel shows them.
  const directive = SEPARATOR_DIRECTIVE.exec(text);
  const delimiter =
    options.delimiter !== undefined && options.delimiter !== 'auto'
      ? options.delimiter
      : ((directive?.[1] as CsvDelimiter | undefined) ?? detectCsvDelimiter(text));
  const rowOf = directive ? (start: CsvRecordStart) => start.index : (start: CsvRecordStart) => start.index + 1;

  let reader: RowReader | undefined;
  const pending: { fields: string[]; start: CsvRecordStart; problems: readonly CsvSyntaxProblem[] | undefined }[] = [];

  const startReading = (headerAt: number) => {
    const header = pending[headerAt] as (typeof pending)[number];
    if (headerAt > 0) {
      const first = pending.slice(0, headerAt).find((record) => !isBlankRecord(record.fields));
      add(
        csvRowsBeforeHeader.issue(
          { headerRow: rowOf(header.start), count: headerAt, first: shorten(first?.fields.join(' ').trim() ?? '') },
          { path: rowPath(1), line: pending[0]?.start.line ?? 1, column: 1 },
        ),
      );
    }
    reader = new RowReader(text, delimiter, rowOf, options, header, catalogue, locations, add);
    for (const record of pending.slice(headerAt + 1)) reader.read(record.fields, record.start, record.problems);
    pending.length = 0;
  };

  scanCsv(text, delimiter, (fields, start, problems) => {
    if (directive && start.index === 0) return;
    if (reader) {
      reader.read(fields, start, problems);
      return;
    }
    pending.push({ fields, start, problems });
    if (countRecognisedColumns(fields) >= HEADER_MIN_COLUMNS) startReading(pending.length - 1);
    else if (pending.length >= HEADER_SEARCH_RECORDS) startReading(0);
  });
  if (!reader) {
    if (pending.length === 0 || pending.every((record) => isBlankRecord(record.fields))) {
      add(csvNoHeader.issue({}, { line: 1, column: 1 }));
      return null;
    }
    startReading(0);
  }
  return reader?.usable ? locations : null;
}

/** Turns the records after the header into services. */
class RowReader {
  private readonly columns: MappedColumn[] = [];
  private readonly byColumn = new Map<CatalogueColumn, MappedColumn>();
  private readonly headerLength: number;
  private readonly headerTexts: string[];
  /** Columns without a header: warned about once, at the first row that puts data in them. */
  private readonly unnamed = new Map<number, boolean>();
  readonly usable: boolean;

  constructor(
    private readonly text: string,
    private readonly delimiter: CsvDelimiter,
    private readonly rowOf: (start: CsvRecordStart) => number,
    private readonly options: ReadCatalogueCsvOptions,
    header: { fields: string[]; start: CsvRecordStart; problems: readonly CsvSyntaxProblem[] | undefined },
    private readonly catalogue: Catalogue,
    private readonly locations: RowOrigins,
    private readonly add: (issue: Issue) => void,
  ) {
    this.headerLength = header.fields.length;
    this.headerTexts = header.fields.map((field) => field.trim());
    const headerRow = rowOf(header.start);
    this.reportSyntax(header.problems, headerRow, header.start);
    header.fields.forEach((raw, index) => {
      const text = raw.trim();
      const at = this.cellLocation(header.start, index, headerRow, text);
      const meaning = headerMeaning(text);
      if (meaning.kind === 'column') {
        const first = this.byColumn.get(meaning.definition.column);
        if (first) {
          add(
            csvDuplicateColumn.issue(
              { column: text, index: index + 1, first: first.header, firstIndex: first.index + 1 },
              at,
            ),
          );
          return;
        }
        const mapped: MappedColumn = { definition: meaning.definition, header: text, index };
        this.columns.push(mapped);
        this.byColumn.set(meaning.definition.column, mapped);
      } else if (meaning.kind === 'unknown') {
        add(csvUnknownColumn.issue({ column: text, index: index + 1 }, at));
      } else if (meaning.kind === 'blank') {
        this.unnamed.set(index, false);
      }
    });
    let usable = true;
    for (const definition of CATALOGUE_COLUMNS) {
      if (definition.required && !this.byColumn.has(definition.column)) {
        usable = false;
        add(
          csvMissingColumn.issue(
            { column: definition.label, aliases: definition.headers.map((h) => `«${h}»`).join(', ') },
            { path: rowPath(headerRow), line: header.start.line, column: 1 },
          ),
        );
      }
    }
    this.usable = usable;
  }

  read(fields: string[], start: CsvRecordStart, problems: readonly CsvSyntaxProblem[] | undefined): void {
    if (!this.usable) return;
    if (problems === undefined && isBlankRecord(fields)) return;
    const row = this.rowOf(start);
    let errors = this.reportSyntax(problems, row, start);
    if (problems !== undefined && isBlankRecord(fields) && errors === 0) return;

    if (fields.length > this.headerLength) {
      const extra = fields.slice(this.headerLength).filter((field) => field.trim() !== '');
      if (extra.length > 0) {
        errors++;
        this.add(
          csvTooManyFields.issue(
            { row, count: fields.length, expected: this.headerLength, extra: shorten(extra.join(' | ')) },
            this.cellLocation(start, this.headerLength, row, undefined),
          ),
        );
      }
    } else if (fields.length < this.headerLength) {
      this.add(
        csvTooFewFields.issue(
          { row, count: fields.length, expected: this.headerLength },
          { path: rowPath(row), line: start.line, column: 1, offset: start.offset },
        ),
      );
    }
    if (this.unnamed.size > 0) this.warnUnnamed(fields, start, row);

    const context: CellContext = { fields, start, row, errors: 0 };
    const procedureCode = this.requiredText(context, 'procedureCode');
    const name = this.requiredText(context, 'name');
    const agencyName = this.requiredText(context, 'agencyName');
    const agencyCode = this.optionalText(context, 'agencyCode');
    const tier = this.requiredValue(context, 'tier', tierCell, csvBadTier);
    const fieldCode = this.optionalText(context, 'fieldCode');
    const informationPublished = this.booleanValue(context, 'informationPublished');
    const formsDownloadable = this.booleanValue(context, 'formsDownloadable');
    const onlineSubmission = this.booleanValue(context, 'onlineSubmission');
    const onlineProcessing = this.booleanValue(context, 'onlineProcessing');
    const payment = this.requiredValue(context, 'payment', paymentCell, csvBadPayment);
    const resultChannels = this.requiredValue(context, 'resultChannels', resultChannelsCell, csvBadResultChannels);
    const physicalPresenceRequired = this.booleanValue(context, 'physicalPresenceRequired');
    const effectiveFrom = this.optionalValue(context, 'effectiveFrom', dateCell, csvBadDate);
    const effectiveTo = this.optionalValue(context, 'effectiveTo', dateCell, csvBadDate);
    const declaredLevel = this.optionalValue(context, 'declaredLevel', declaredLevelCell, csvBadDeclaredLevel);
    errors += context.errors;

    if (errors > 0) {
      this.add(
        csvRowLeftOut.issue(
          { row, procedureCode: procedureCode ?? null, errors },
          { path: rowPath(row), line: start.line, column: 1, offset: start.offset },
        ),
      );
      return;
    }
    const capabilities: ServiceCapabilities = {
      informationPublished: informationPublished as boolean,
      formsDownloadable: formsDownloadable as boolean,
      onlineSubmission: onlineSubmission as boolean,
      onlineProcessing: onlineProcessing as boolean,
      payment: payment as ServiceCapabilities['payment'],
      resultChannels: resultChannels as ServiceCapabilities['resultChannels'],
      physicalPresenceRequired: physicalPresenceRequired as boolean,
    };
    const service: Service = {
      procedureCode: procedureCode as string,
      name: name as string,
      agency:
        agencyCode === undefined ? { name: agencyName as string } : { name: agencyName as string, code: agencyCode },
      tier: tier as Service['tier'],
      capabilities,
    };
    if (fieldCode !== undefined) service.fieldCode = fieldCode;
    if (effectiveFrom !== undefined) service.effectiveFrom = effectiveFrom;
    if (effectiveTo !== undefined) service.effectiveTo = effectiveTo;
    if (declaredLevel !== undefined) service.declared = toDeclared(declaredLevel);
    this.catalogue.services.push(service);
    this.locations.add(row, start);
  }

  /** Warns about the first data in each column without a header. */
  private warnUnnamed(fields: readonly string[], start: CsvRecordStart, row: number): void {
    for (const [index, warned] of this.unnamed) {
      if (!warned && (fields[index] ?? '').trim() !== '') {
        this.unnamed.set(index, true);
        this.add(csvUnnamedColumn.issue({ index: index + 1, row }, this.cellLocation(start, index, row, undefined)));
      }
    }
  }

  /** Reports the grammar breaks of a record; returns how many are errors. */
  private reportSyntax(problems: readonly CsvSyntaxProblem[] | undefined, row: number, start: CsvRecordStart): number {
    if (problems === undefined) return 0;
    let errors = 0;
    for (const problem of problems) {
      const location: Location = { line: problem.line, column: problem.column, offset: problem.offset };
      if (problem.kind === 'unterminated-quote') {
        errors++;
        this.add(
          csvUnterminatedQuote.issue(
            { line: problem.line, column: problem.column },
            { path: rowPath(row), ...location },
          ),
        );
        continue;
      }
      const index = csvFieldIndexAt(this.text, start, problem.offset, this.delimiter);
      const column = this.headerTexts[index] || `#${index + 1}`;
      const path = cellPath(row, column);
      if (problem.kind === 'text-after-closing-quote') {
        errors++;
        this.add(csvTextAfterClosingQuote.issue({ row, column }, { path, ...location }));
      } else {
        this.add(csvQuoteInUnquotedField.issue({ row, column }, { path, ...location }));
      }
    }
    return errors;
  }

  private cellLocation(start: CsvRecordStart, index: number, row: number, header: string | undefined): Location {
    const { line, column, offset } = locateCsvField(this.text, start, index, this.delimiter);
    const name = header ?? this.headerTexts[index] ?? '';
    return { path: name === '' ? `${rowPath(row)}[${index}]` : cellPath(row, name), line, column, offset };
  }

  private cell(context: CellContext, column: CatalogueColumn): { mapped: MappedColumn; text: string } | undefined {
    const mapped = this.byColumn.get(column);
    if (!mapped) return undefined;
    const raw = context.fields[mapped.index];
    return { mapped, text: raw === undefined ? '' : raw.trim() };
  }

  private empty(context: CellContext, mapped: MappedColumn, accepted: LocalizedText): undefined {
    context.errors++;
    this.add(
      csvEmptyCell.issue(
        { row: context.row, column: mapped.header, accepted },
        this.cellLocation(context.start, mapped.index, context.row, mapped.header),
      ),
    );
    return undefined;
  }

  private requiredText(context: CellContext, column: CatalogueColumn): string | undefined {
    const cell = this.cell(context, column);
    if (!cell) return undefined;
    if (cell.text === '') return this.empty(context, cell.mapped, REQUIRED_TEXT);
    return cell.text.normalize('NFC');
  }

  private optionalText(context: CellContext, column: CatalogueColumn): string | undefined {
    const cell = this.cell(context, column);
    if (!cell || cell.text === '') return undefined;
    return cell.text.normalize('NFC');
  }

  private requiredValue<T>(
    context: CellContext,
    column: CatalogueColumn,
    kind: CellKind<T>,
    rule: BadCellRule,
  ): T | undefined {
    const cell = this.cell(context, column);
    if (!cell) return undefined;
    if (cell.text === '') return this.empty(context, cell.mapped, kind.accepted);
    return this.parse(context, cell.mapped, cell.text, kind, rule);
  }

  private optionalValue<T>(
    context: CellContext,
    column: CatalogueColumn,
    kind: CellKind<T>,
    rule: BadCellRule,
  ): T | undefined {
    const cell = this.cell(context, column);
    if (!cell || cell.text === '') return undefined;
    return this.parse(context, cell.mapped, cell.text, kind, rule);
  }

  private booleanValue(context: CellContext, column: CatalogueColumn): boolean | undefined {
    const cell = this.cell(context, column);
    if (!cell) return undefined;
    if (cell.text === '') {
      if (this.options.emptyBooleanAs !== undefined) return this.options.emptyBooleanAs;
      return this.empty(context, cell.mapped, booleanCell.accepted);
    }
    return this.parse(context, cell.mapped, cell.text, booleanCell, csvBadBoolean);
  }

  private parse<T>(
    context: CellContext,
    mapped: MappedColumn,
    text: string,
    kind: CellKind<T>,
    rule: BadCellRule,
  ): T | undefined {
    const value = kind.read(text);
    if (value !== undefined) return value;
    context.errors++;
    const params: Record<'row' | 'column' | 'value' | 'accepted', ParamValue> = {
      row: context.row,
      column: mapped.header,
      value: shorten(text),
      accepted: kind.accepted,
    };
    this.add(rule.issue(params, this.cellLocation(context.start, mapped.index, context.row, mapped.header)));
    return undefined;
  }
}

interface CellContext {
  readonly fields: readonly string[];
  readonly start: CsvRecordStart;
  readonly row: number;
  errors: number;
}

function toDeclared(level: DeclaredLevel): NonNullable<Service['declared']> {
  const declared: NonNullable<Service['declared']> = {};
  if (level.nd43Level !== undefined) declared.nd43Level = level.nd43Level as Nd43Level;
  if (level.nd42Category !== undefined) declared.nd42Category = level.nd42Category;
  return declared;
}
