/*
 * What happened after a signed revision (signatures.md §3 (b) 3 and 7): every later increment is read
 * object by object, every object whose cross-reference entry changed is compared with its previous version
 * and classified, and the classes are judged against the DocMDP permissions in force when the document was
 * signed. Allowed (ISO 32000-2 §12.8.2.2, PAdES): DSS/VRI and document timestamps always; form filling,
 * new signatures and signature fields under P=2; annotations too under P=3 or without DocMDP. Anything that
 * touches what the pages display, redefines other signed objects, hides objects from the cross-reference or
 * cannot be parsed is not allowed.
 */
import type { PdfDocument, Revision, XrefEntry, XrefSection } from './document';
import {
  asDict,
  collectRefs,
  deepEqual,
  dictGet,
  intOf,
  keywordAt,
  nameOf,
  type PdfDict,
  type PdfObject,
  PdfParser,
  type PdfRef,
  PdfSyntaxError,
  readUnsigned,
  skipSpace,
} from './syntax';

/** Most objects walked to find what the pages display; beyond it the analysis gives up (not allowed). */
export const CHANGE_LIMITS = { protectedObjects: 500_000, incrementObjects: 200_000, dssObjects: 100_000 } as const;

export type ChangeKind =
  // allowed, depending on DocMDP
  | 'signature'
  | 'timestamp'
  | 'dss'
  | 'form-field'
  | 'annotation'
  | 'metadata'
  | 'supporting'
  | 'structure'
  // never allowed
  | 'page-content'
  | 'page'
  | 'catalog'
  | 'form-definition'
  | 'signature-replaced'
  | 'modified-object'
  | 'deleted-object'
  | 'unlisted-object'
  | 'unstructured-data'
  | 'not-incremental'
  | 'too-complex';

const NEVER_ALLOWED: ReadonlySet<ChangeKind> = new Set([
  'page-content',
  'page',
  'catalog',
  'form-definition',
  'signature-replaced',
  'modified-object',
  'deleted-object',
  'unlisted-object',
  'unstructured-data',
  'not-incremental',
  'too-complex',
]);

export interface Change {
  /** The revision (0-based) whose increment made the change; -1 for bytes after the last revision. */
  readonly revision: number;
  readonly kind: ChangeKind;
  readonly allowed: boolean;
  /** The object concerned, when there is one. */
  readonly num?: number;
  readonly detail: string;
}

export interface ChangeAnalysis {
  /** DocMDP permission level in force for the signed revision (undefined: no certification signature). */
  readonly docMdp: 1 | 2 | 3 | undefined;
  readonly changes: readonly Change[];
  /** True when every change is allowed. */
  readonly allowed: boolean;
}

/** The DocMDP /P of the certification signature the revision's catalog points to (/Perms /DocMDP). */
export function docMdpPermission(doc: PdfDocument, revision: Revision): 1 | 2 | 3 | undefined {
  const perms = doc.dict(revision, dictGet(doc.catalog(revision), 'Perms'));
  const docMdp = dictGet(perms, 'DocMDP');
  if (docMdp === undefined) return undefined;
  const sig = doc.dict(revision, docMdp);
  const references = doc.deref(revision, dictGet(sig, 'Reference'));
  if (references?.kind === 'array') {
    for (const item of references.items) {
      const reference = doc.dict(revision, item);
      if (nameOf(dictGet(reference, 'TransformMethod')) !== 'DocMDP') continue;
      const params = doc.dict(revision, dictGet(reference, 'TransformParams'));
      const p = intOf(doc.deref(revision, dictGet(params, 'P'))) ?? 2;
      return p === 1 || p === 2 || p === 3 ? p : 1;
    }
  }
  return 1; // a certification entry we cannot read: the most restrictive reading
}

/** Per document: the facts of the final revision and each increment's classified changes, computed once. */
const contexts = new WeakMap<PdfDocument, Context>();

/** Analyses every change made after revision `signedIndex`, including bytes after the last revision. */
export function analyseChanges(doc: PdfDocument, signedIndex: number): ChangeAnalysis {
  const signed = doc.revisions[signedIndex] as Revision;
  const docMdp = docMdpPermission(doc, signed);
  const last = doc.last as Revision;
  let context = contexts.get(doc);
  if (!context) {
    context = new Context(doc, last);
    contexts.set(doc, context);
  }
  const changes: Change[] = [];
  for (let j = signedIndex + 1; j < doc.revisions.length; j++) {
    const raw = context.increment(j);
    const hasTimestamp = raw.some((c) => c.kind === 'timestamp');
    for (const change of raw) changes.push({ ...change, allowed: isAllowed(change.kind, docMdp, hasTimestamp) });
  }
  // Bytes after the last revision: nothing there is part of the document a reader shows, so nothing is allowed.
  for (const change of context.tail()) changes.push({ ...change, allowed: false });
  return { docMdp, changes, allowed: changes.every((c) => c.allowed) };
}

function isAllowed(kind: ChangeKind, p: 1 | 2 | 3 | undefined, incrementHasTimestamp: boolean): boolean {
  if (NEVER_ALLOWED.has(kind)) return false;
  if (kind === 'structure' || kind === 'dss' || kind === 'timestamp') return true;
  if (p === 1) return incrementHasTimestamp && (kind === 'form-field' || kind === 'supporting');
  if (kind === 'annotation') return p === undefined || p === 3;
  return true; // signature, form-field, metadata, supporting under P=2, P=3 or no DocMDP
}

/** Facts about the final revision, computed once per verification. */
class Context {
  private protectedSet: Set<number> | undefined;
  private dssSet: Set<number> | undefined;
  /** Indirect /Annots arrays of the final revision's pages (filled by the protected walk). */
  readonly annotsArrays = new Set<number>();

  private readonly increments = new Map<number, readonly Omit<Change, 'allowed'>[]>();
  private tailChanges: readonly Omit<Change, 'allowed'>[] | undefined;

  constructor(
    readonly doc: PdfDocument,
    readonly last: Revision,
  ) {}

  /** The classified changes of revision `j`'s increment (relative to revision j − 1). */
  increment(j: number): readonly Omit<Change, 'allowed'>[] {
    const cached = this.increments.get(j);
    if (cached) return cached;
    const raw: Omit<Change, 'allowed'>[] = [];
    try {
      analyseIncrement(this, this.doc.revisions[j - 1] as Revision, this.doc.revisions[j] as Revision, raw);
    } catch (error) {
      if (!(error instanceof PdfSyntaxError)) throw error;
      raw.push({ revision: j, kind: 'unstructured-data', detail: error.message });
    }
    this.increments.set(j, raw);
    return raw;
  }

  /** What lies after the last revision. */
  tail(): readonly Omit<Change, 'allowed'>[] {
    if (!this.tailChanges) {
      const tail: Omit<Change, 'allowed'>[] = [];
      walkBytes(this.doc, this.last.end, this.doc.length, [], -1, tail);
      this.tailChanges = tail;
    }
    return this.tailChanges;
  }

  /**
   * Objects that make up what the document displays, in the final revision: everything reachable from the
   * catalog except through /AcroForm, /DSS, /Perms, /Metadata, /Extensions and the pages' /Annots (form
   * fields and annotations are judged on their own). Undefined when the walk exceeds its limit.
   */
  protectedObjects(): Set<number> | undefined {
    if (this.protectedSet) return this.protectedSet;
    const { doc, last } = this;
    const visited = new Set<number>();
    const queue: PdfRef[] = [];
    const root = dictGet(last.trailer, 'Root');
    const catalog = doc.catalog(last);
    if (root?.kind === 'ref') visited.add(root.num);
    const push = (object: PdfObject, skipKeys: ReadonlySet<string>) => {
      const refs: PdfRef[] = [];
      if (object.kind === 'dict' || object.kind === 'stream') {
        const dict = asDict(object) as PdfDict;
        for (const [key, value] of dict.entries) if (!skipKeys.has(key)) collectRefs(value, refs);
      } else collectRefs(object, refs);
      for (const ref of refs) {
        if (visited.has(ref.num)) continue;
        visited.add(ref.num);
        queue.push(ref);
      }
    };
    if (catalog) push(catalog, CATALOG_SKIP);
    while (queue.length > 0) {
      if (visited.size > CHANGE_LIMITS.protectedObjects) return undefined;
      const ref = queue.pop() as PdfRef;
      const value = doc.resolve(last, ref.num)?.value;
      if (!value) continue;
      const dict = asDict(value);
      const type = nameOf(dictGet(dict, 'Type'));
      const annots = type === 'Page' ? dictGet(dict, 'Annots') : undefined;
      if (annots?.kind === 'ref') this.annotsArrays.add(annots.num);
      // Pages' annotations are judged as annotations; /Parent leads back up the page tree (already walked).
      push(value, type === 'Page' || type === 'Pages' ? PAGE_SKIP : PARENT_SKIP);
    }
    this.protectedSet = visited;
    return visited;
  }

  /** Objects reachable from the final catalog's /DSS (LTV data). */
  dssObjects(): Set<number> {
    if (this.dssSet) return this.dssSet;
    const { doc, last } = this;
    const visited = new Set<number>();
    const queue: PdfObject[] = [];
    const dss = dictGet(doc.catalog(last), 'DSS');
    if (dss) queue.push(dss);
    while (queue.length > 0 && visited.size < CHANGE_LIMITS.dssObjects) {
      const object = queue.pop() as PdfObject;
      const refs: PdfRef[] = [];
      collectRefs(object, refs);
      for (const ref of refs) {
        if (visited.has(ref.num)) continue;
        visited.add(ref.num);
        const value = doc.resolve(last, ref.num)?.value;
        if (value) queue.push(value.kind === 'stream' ? value.dict : value);
      }
    }
    this.dssSet = visited;
    return visited;
  }
}

const CATALOG_SKIP: ReadonlySet<string> = new Set(['AcroForm', 'DSS', 'Perms', 'Metadata', 'Extensions']);
const PAGE_SKIP: ReadonlySet<string> = new Set(['Annots', 'Parent']);
const PARENT_SKIP: ReadonlySet<string> = new Set(['Parent', 'P']);

/** Keys whose change is a form-filling or signing change, per kind of dictionary. */
const CATALOG_ALLOWED_KEYS: ReadonlySet<string> = new Set(['AcroForm', 'DSS', 'Extensions', 'Metadata']);
const ACROFORM_ALLOWED_KEYS: ReadonlySet<string> = new Set(['Fields', 'SigFlags', 'DR', 'DA', 'NeedAppearances']);
const FIELD_ALLOWED_KEYS: ReadonlySet<string> = new Set(['V', 'AS', 'AP', 'Kids', 'MK']);

const ANNOTATION_SUBTYPES: ReadonlySet<string> = new Set([
  'Text',
  'Link',
  'FreeText',
  'Line',
  'Square',
  'Circle',
  'Polygon',
  'PolyLine',
  'Highlight',
  'Underline',
  'Squiggly',
  'StrikeOut',
  'Stamp',
  'Caret',
  'Ink',
  'Popup',
  'FileAttachment',
  'Sound',
  'Movie',
  'Widget',
  'Screen',
  'PrinterMark',
  'TrapNet',
  'Watermark',
  '3D',
  'Redact',
  'Projection',
  'RichMedia',
]);

type Add = (kind: ChangeKind, detail: string) => void;

function analyseIncrement(
  context: Context,
  previous: Revision,
  revision: Revision,
  out: Omit<Change, 'allowed'>[],
): void {
  const { doc } = context;
  const j = revision.index;
  const own = revision.ownSections;
  if (own === undefined) {
    out.push({
      revision: j,
      kind: 'not-incremental',
      detail: `revision ${j + 1}'s trailer chain does not lead to revision ${j}: it replaces the document instead of updating it`,
    });
    return;
  }
  for (const section of own)
    if (section.offset < previous.end || section.offset >= revision.end)
      out.push({
        revision: j,
        kind: 'unstructured-data',
        detail: `a cross-reference section of revision ${j + 1} lies outside its increment (offset ${section.offset})`,
      });
  // The bytes of the increment: only objects, cross-reference sections and the trailer.
  walkBytes(doc, previous.end, revision.end, own, j, out);
  // The trailer: a new /Root (even an object already in the signed revision: a shadow catalog) or /Encrypt
  // changes the whole document without touching any object.
  const trailerKeys = diffTrailer(doc, previous.trailer, revision.trailer);
  if (trailerKeys.length > 0)
    out.push({
      revision: j,
      kind: 'catalog',
      detail: `the trailer changed: ${trailerKeys.map((k) => `/${k}`).join(', ')}`,
    });
  const xrefStreams = new Set<number>();
  for (const section of own) {
    if (section.kind === 'stream') xrefStreams.add(section.offset);
    if (section.xrefStm !== undefined) xrefStreams.add(skipSpace(doc.buf, section.xrefStm, doc.length));
  }

  // Every object whose cross-reference entry changed.
  const changed = new Map<number, XrefEntry>();
  for (const section of own)
    for (const [num, entry] of section.entries) {
      if (changed.has(num) || num === 0) continue;
      const newEntry = doc.entry(revision, num) as XrefEntry;
      const oldEntry = doc.entry(previous, num);
      if (oldEntry !== undefined && entriesEqual(oldEntry, newEntry)) continue;
      if (changed.size >= CHANGE_LIMITS.incrementObjects) {
        out.push({ revision: j, kind: 'too-complex', detail: 'too many changed objects to analyse' });
        return;
      }
      changed.set(num, entry);
    }
  if (changed.size === 0) return;
  const protectedSet = context.protectedObjects();
  if (!protectedSet) {
    out.push({ revision: j, kind: 'too-complex', detail: 'the document has too many objects to analyse changes' });
    return;
  }
  const rootNew = refNum(dictGet(revision.trailer, 'Root'));
  const rootOld = refNum(dictGet(previous.trailer, 'Root'));
  const infoNums = new Set([refNum(dictGet(revision.trailer, 'Info')), refNum(dictGet(previous.trailer, 'Info'))]);
  const oldCatalog = doc.catalog(previous);
  const oldAcroFormNum = refNum(dictGet(oldCatalog, 'AcroForm'));
  const oldFieldsNum = refNum(dictGet(doc.dict(previous, dictGet(oldCatalog, 'AcroForm')), 'Fields'));
  const oldDssNum = refNum(dictGet(oldCatalog, 'DSS'));

  for (const num of changed.keys()) {
    const before = doc.resolve(previous, num);
    const after = doc.resolve(revision, num);
    const add = (kind: ChangeKind, detail: string) => out.push({ revision: j, kind, num, detail });
    if (!after) {
      const entry = doc.entry(revision, num);
      if (entry !== undefined && entry.type !== 0)
        add('modified-object', `object ${num} is replaced by something unreadable`);
      else if (before && isAnnotation(before.value) && !isWidget(before.value))
        add('annotation', `annotation ${num} deleted`);
      else if (before) add('deleted-object', `object ${num} of the signed document deleted`);
      continue;
    }
    const newDict = asDict(after.value);
    const newType = nameOf(dictGet(newDict, 'Type'));
    if (num === rootNew || num === rootOld) {
      if (num !== rootNew || num !== rootOld || !before) {
        add('catalog', 'the document catalog is replaced by another object');
        continue;
      }
      classifyCatalog(doc, previous, revision, before.value, after.value, add);
      continue;
    }
    if (protectedSet.has(num)) {
      const what = before ? 'modified' : 'added';
      if (newType === 'Page' && before && nameOf(dictGet(asDict(before.value), 'Type')) === 'Page')
        classifyPage(doc, previous, revision, before.value, after.value, num, add);
      else add('page-content', `object ${num}, part of what the pages display, ${what}`);
      continue;
    }
    // Structure: this increment's own xref streams, and new object streams (their objects are judged one by one).
    if ((after.source === 'file' && xrefStreams.has(after.start)) || (newType === 'ObjStm' && !before)) {
      add('structure', `cross-reference or object stream ${num}`);
      continue;
    }
    if (!before) {
      classifyAdded(context, revision, after.value, num, infoNums.has(num), add);
      continue;
    }
    // A modified object: judged by what it was when signed.
    const oldValue = before.value;
    const oldDict = asDict(oldValue);
    const oldType = nameOf(dictGet(oldDict, 'Type'));
    if (infoNums.has(num)) add('metadata', `document information dictionary ${num} updated`);
    else if (oldType === 'Metadata') add('metadata', `XMP metadata ${num} updated`);
    else if (oldType === 'ObjStm') add('modified-object', `object stream ${num} of the signed document rewritten`);
    else if (isSignatureDict(oldValue)) add('signature-replaced', `signature dictionary ${num} modified`);
    else if (num === oldAcroFormNum) classifyAcroForm(doc, previous, revision, oldValue, after.value, num, add);
    else if (num === oldFieldsNum) classifyFieldList(oldValue, after.value, num, add);
    else if (num === oldDssNum || oldType === 'DSS' || oldType === 'VRI') add('dss', `DSS data ${num} updated`);
    else if (isField(oldValue) || isWidget(oldValue))
      classifyField(doc, previous, revision, oldValue, after.value, num, add);
    else if (isAnnotation(oldValue)) add('annotation', `annotation ${num} modified`);
    else if (oldValue.kind === 'array' && context.annotsArrays.has(num))
      judgeAnnots(doc, revision, oldValue, after.value, `annotation list ${num}`, add);
    else if (context.dssObjects().has(num)) add('dss', `DSS data ${num} updated`);
    else add('modified-object', `object ${num} of the signed document modified`);
  }
}

function classifyAdded(
  context: Context,
  revision: Revision,
  value: PdfObject,
  num: number,
  isInfo: boolean,
  add: Add,
): void {
  const dict = asDict(value);
  const type = nameOf(dictGet(dict, 'Type'));
  if (type === 'DocTimeStamp') add('timestamp', `document timestamp ${num} added`);
  else if (isSignatureDict(value)) add('signature', `signature ${num} added`);
  else if (type === 'DSS' || type === 'VRI' || context.dssObjects().has(num)) add('dss', `DSS data ${num} added`);
  else if (isField(value) || isWidget(value)) {
    // A new signature field is part of signing (P=2); any other new field or widget is an annotation (P=3):
    // its appearance can cover the signed content.
    if (fieldType(context.doc, revision, value) === 'Sig') add('form-field', `signature field ${num} added`);
    else add('annotation', `form field ${num} added (not a signature field)`);
  } else if (isAnnotation(value)) add('annotation', `annotation ${num} added`);
  else if (isInfo || type === 'Metadata') add('metadata', `metadata ${num} added`);
  else add('supporting', `object ${num} added (appearance or other supporting data)`);
}

function classifyCatalog(
  doc: PdfDocument,
  previous: Revision,
  revision: Revision,
  before: PdfObject,
  after: PdfObject,
  add: Add,
): void {
  const changedKeys = diffKeys(doc, before, after);
  const bad = changedKeys.filter((k) => !CATALOG_ALLOWED_KEYS.has(k));
  if (bad.length > 0) {
    add('catalog', `document catalog changed: ${bad.map((k) => `/${k}`).join(', ')}`);
    return;
  }
  for (const key of changedKeys) {
    if (key === 'DSS' || key === 'Extensions') add('dss', `document catalog: /${key} updated`);
    else if (key === 'Metadata') add('metadata', 'document catalog: /Metadata updated');
    else if (key === 'AcroForm') {
      const oldForm = dictGet(asDict(before), 'AcroForm');
      const newForm = dictGet(asDict(after), 'AcroForm');
      const oldDict = doc.dict(previous, oldForm);
      const newDict = doc.dict(revision, newForm);
      if (!oldDict) add('form-field', 'interactive form added');
      else if (!newDict) add('form-definition', 'interactive form removed');
      else classifyAcroForm(doc, previous, revision, oldDict, newDict, undefined, add);
    }
  }
}

function classifyAcroForm(
  doc: PdfDocument,
  previous: Revision,
  revision: Revision,
  before: PdfObject,
  after: PdfObject,
  num: number | undefined,
  add: Add,
): void {
  const changedKeys = diffKeys(doc, before, after);
  const bad = changedKeys.filter((k) => !ACROFORM_ALLOWED_KEYS.has(k));
  const label = num === undefined ? 'interactive form' : `interactive form ${num}`;
  if (bad.length > 0) {
    add('form-definition', `${label} changed: ${bad.map((k) => `/${k}`).join(', ')}`);
    return;
  }
  if (changedKeys.includes('Fields')) {
    const oldFields = doc.deref(previous, dictGet(asDict(before), 'Fields'));
    const newFields = doc.deref(revision, dictGet(asDict(after), 'Fields'));
    if (!isSuperset(oldFields, newFields)) {
      add('form-definition', `${label}: form fields removed`);
      return;
    }
  }
  add('form-field', `${label} updated (${changedKeys.map((k) => `/${k}`).join(', ') || 'same entries'})`);
}

function classifyPage(
  doc: PdfDocument,
  previous: Revision,
  revision: Revision,
  before: PdfObject,
  after: PdfObject,
  num: number,
  add: Add,
): void {
  const changedKeys = diffKeys(doc, before, after);
  const bad = changedKeys.filter((k) => k !== 'Annots');
  if (bad.length > 0) {
    add('page', `page ${num} changed: ${bad.map((k) => `/${k}`).join(', ')}`);
    return;
  }
  const oldAnnots = doc.deref(previous, dictGet(asDict(before), 'Annots'));
  const newAnnots = doc.deref(revision, dictGet(asDict(after), 'Annots'));
  judgeAnnots(doc, revision, oldAnnots, newAnnots, `page ${num}`, add);
}

/** A form's indirect /Fields array may only grow. */
function classifyFieldList(before: PdfObject, after: PdfObject, num: number, add: Add): void {
  if (isSuperset(before, after)) add('form-field', `form field list ${num}: fields added`);
  else add('form-definition', `form field list ${num}: fields removed or replaced`);
}

/** Annotation list changes: only new widgets → form filling (P=2); anything else → annotations (P=3). */
function judgeAnnots(
  doc: PdfDocument,
  revision: Revision,
  before: PdfObject | undefined,
  after: PdfObject | undefined,
  label: string,
  add: Add,
): void {
  const oldRefs = refSet(before);
  const newRefs = refSet(after);
  const removed = [...oldRefs].filter((n) => !newRefs.has(n));
  const added = [...newRefs].filter((n) => !oldRefs.has(n));
  if (removed.length > 0) add('annotation', `${label}: annotations removed (${removed.join(', ')})`);
  const widgets = added.filter((n) => {
    const value = doc.resolve(revision, n)?.value;
    return value !== undefined && isWidget(value) && fieldType(doc, revision, value) === 'Sig';
  });
  if (widgets.length > 0) add('form-field', `${label}: signature field widgets added (${widgets.join(', ')})`);
  const others = added.filter((n) => !widgets.includes(n));
  if (others.length > 0) add('annotation', `${label}: annotations added (${others.join(', ')})`);
  if (removed.length === 0 && added.length === 0) add('form-field', `${label}: annotation list rewritten unchanged`);
}

function classifyField(
  doc: PdfDocument,
  previous: Revision,
  revision: Revision,
  before: PdfObject,
  after: PdfObject,
  num: number,
  add: Add,
): void {
  const changedKeys = diffKeys(doc, before, after);
  const bad = changedKeys.filter((k) => !FIELD_ALLOWED_KEYS.has(k));
  if (bad.length > 0) {
    add('form-definition', `form field ${num} changed: ${bad.map((k) => `/${k}`).join(', ')}`);
    return;
  }
  const oldValue = doc.deref(previous, dictGet(asDict(before), 'V'));
  if (changedKeys.includes('V') && oldValue !== undefined && isSignatureDict(oldValue)) {
    add('signature-replaced', `signature field ${num}: its signature is replaced or removed`);
    return;
  }
  if (changedKeys.includes('Kids')) {
    const oldKids = doc.deref(previous, dictGet(asDict(before), 'Kids'));
    const newKids = doc.deref(revision, dictGet(asDict(after), 'Kids'));
    if (!isSuperset(oldKids, newKids)) {
      add('form-definition', `form field ${num}: widgets removed`);
      return;
    }
  }
  add('form-field', `form field ${num} filled in (${changedKeys.map((k) => `/${k}`).join(', ') || 'rewritten'})`);
}

/** Keys whose values differ (compared structurally; references compared as references). */
function diffKeys(doc: PdfDocument, before: PdfObject, after: PdfObject): string[] {
  const a = asDict(before);
  const b = asDict(after);
  if (!a || !b) return ['(not a dictionary)'];
  if (before.kind === 'stream' && after.kind === 'stream') {
    const same = deepEqual(before, after, doc.buf, doc.buf);
    if (!same && deepEqual(a, b, doc.buf, doc.buf)) return ['(stream data)'];
  }
  const keys = new Set([...a.entries.keys(), ...b.entries.keys()]);
  const out: string[] = [];
  for (const key of keys) {
    const x = a.entries.get(key);
    const y = b.entries.get(key);
    if (x === undefined || y === undefined || !deepEqual(x, y, doc.buf, doc.buf)) out.push(key);
  }
  return out;
}

/** Trailer entries that may change between revisions (chain and xref-stream bookkeeping, identifiers, /Info). */
const TRAILER_BOOKKEEPING: ReadonlySet<string> = new Set([
  'Size',
  'Prev',
  'XRefStm',
  'ID',
  'Info',
  'Type',
  'W',
  'Index',
  'Length',
  'Filter',
  'DecodeParms',
]);

function diffTrailer(doc: PdfDocument, before: PdfDict, after: PdfDict): string[] {
  const keys = new Set([...before.entries.keys(), ...after.entries.keys()]);
  const out: string[] = [];
  for (const key of keys) {
    if (TRAILER_BOOKKEEPING.has(key)) continue;
    const x = before.entries.get(key);
    const y = after.entries.get(key);
    if (x === undefined || y === undefined || !deepEqual(x, y, doc.buf, doc.buf)) out.push(key);
  }
  return out;
}

/** A field's /FT, inherited through /Parent (ISO 32000-1 §12.7.3.1). */
function fieldType(doc: PdfDocument, revision: Revision, value: PdfObject): string | undefined {
  let dict = asDict(value);
  for (let hops = 0; dict && hops < 32; hops++) {
    const type = nameOf(dictGet(dict, 'FT'));
    if (type !== undefined) return type;
    dict = doc.dict(revision, dictGet(dict, 'Parent'));
  }
  return undefined;
}

function isSuperset(before: PdfObject | undefined, after: PdfObject | undefined): boolean {
  const oldRefs = refSet(before);
  const newRefs = refSet(after);
  for (const n of oldRefs) if (!newRefs.has(n)) return false;
  return true;
}

function refSet(object: PdfObject | undefined): Set<number> {
  const out = new Set<number>();
  if (object?.kind === 'array') for (const item of object.items) if (item.kind === 'ref') out.add(item.num);
  return out;
}

function refNum(object: PdfObject | undefined): number | undefined {
  return object?.kind === 'ref' ? object.num : undefined;
}

function entriesEqual(a: XrefEntry, b: XrefEntry): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 1 && b.type === 1) return a.offset === b.offset && a.gen === b.gen;
  if (a.type === 2 && b.type === 2) return a.stream === b.stream && a.index === b.index;
  return true;
}

export function isSignatureDict(value: PdfObject): boolean {
  const dict = asDict(value);
  if (!dict || value.kind !== 'dict') return false;
  const type = nameOf(dictGet(dict, 'Type'));
  if (type === 'Sig' || type === 'DocTimeStamp') return true;
  return dict.entries.has('ByteRange') && dict.entries.has('Contents') && dict.entries.has('Filter');
}

function isField(value: PdfObject): boolean {
  const dict = value.kind === 'dict' ? value : undefined;
  return dict !== undefined && (dict.entries.has('FT') || (dict.entries.has('T') && dict.entries.has('Kids')));
}

function isWidget(value: PdfObject): boolean {
  return value.kind === 'dict' && nameOf(dictGet(value, 'Subtype')) === 'Widget';
}

function isAnnotation(value: PdfObject): boolean {
  if (value.kind !== 'dict') return false;
  if (nameOf(dictGet(value, 'Type')) === 'Annot') return true;
  const subtype = nameOf(dictGet(value, 'Subtype'));
  return subtype !== undefined && ANNOTATION_SUBTYPES.has(subtype) && value.entries.has('Rect');
}

/**
 * Reads `[from, to)` as a sequence of indirect objects, cross-reference sections, trailers, `startxref`
 * and comments, recording anything else, and every object the increment's cross-reference does not point
 * to (a hidden object a repairing reader might still use).
 */
function walkBytes(
  doc: PdfDocument,
  from: number,
  to: number,
  own: readonly XrefSection[],
  revision: number,
  out: Omit<Change, 'allowed'>[],
): void {
  const buf = doc.buf;
  const tables = new Map<number, XrefSection>();
  const streams = new Set<number>();
  for (const section of own) {
    if (section.kind === 'table') tables.set(skipSpace(buf, section.offset, to), section);
    else streams.add(section.offset);
    if (section.xrefStm !== undefined) streams.add(skipSpace(buf, section.xrefStm, to));
  }
  const listed = new Map<number, number>(); // object start → object number, from the increment's sections
  for (const section of own)
    for (const [num, entry] of section.entries)
      if (entry.type === 1 && entry.offset >= from && entry.offset < to)
        listed.set(skipSpace(buf, entry.offset, to), num);
  const where = revision < 0 ? 'after the last revision' : `in revision ${revision + 1}`;
  let pos = from;
  let count = 0;
  while (pos < to) {
    pos = skipSpace(buf, pos, to);
    if (pos >= to) break;
    if (++count > CHANGE_LIMITS.incrementObjects) {
      out.push({ revision, kind: 'too-complex', detail: `too many objects ${where}` });
      return;
    }
    const table = tables.get(pos);
    if (table) {
      pos = table.end;
      continue;
    }
    if (keywordAt(buf, pos, to, 'startxref')) {
      const value = readUnsigned(buf, skipSpace(buf, pos + 9, to), to);
      if (value) {
        pos = value.end;
        continue;
      }
    }
    if (readUnsigned(buf, pos, to) !== undefined) {
      try {
        const lengthRevision = (revision < 0 ? doc.last : doc.revisions[revision]) as Revision;
        const object = new PdfParser(buf, pos, to).readIndirect((ref) => doc.streamLength(lengthRevision, ref));
        const isSection = streams.has(pos);
        if (!isSection && listed.get(object.start) !== object.num)
          out.push({
            revision,
            kind: 'unlisted-object',
            num: object.num,
            detail: `object ${object.num} ${object.gen} at offset ${object.start} ${where} is not in the cross-reference (a hidden redefinition)`,
          });
        pos = object.end;
        continue;
      } catch (error) {
        if (!(error instanceof PdfSyntaxError)) throw error;
      }
    }
    out.push({
      revision,
      kind: 'unstructured-data',
      detail: `${to - pos} bytes ${where} starting at offset ${pos} are not PDF objects or cross-reference data`,
    });
    return;
  }
}
