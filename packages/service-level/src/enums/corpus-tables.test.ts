import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from './channel';
import { DOSSIER_STATUSES } from './dossier-status';
import { TIMELINESS_CLASSES, type TimelinessClass } from './timeliness-class';

/* The enumerations must match the project's corpus tables exactly (test/fixtures/enums/README.md). */

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/enums/${name}`, import.meta.url), 'utf8');

/** RFC 4180 records (quoted fields may hold commas and doubled quotes) as objects keyed by the header. */
function readCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header = [], ...rows] = records;
  return rows.map((row) => {
    expect(row).toHaveLength(header.length);
    return Object.fromEntries(header.map((name, column) => [name, row[column] ?? '']));
  });
}

describe('the enumerations match the corpus tables', () => {
  it('dvcqg-trang-thai-ho-so.csv: codes, Vietnamese labels, machine names, terminal flags', () => {
    const rows = readCsv(fixture('dvcqg-trang-thai-ho-so.csv'));
    expect(rows).toHaveLength(10);
    expect(
      Object.values(DOSSIER_STATUSES).map((status) => ({
        code: status.code,
        label_vi: status.label.vi,
        machine_name: status.machineName,
        terminal: String(status.terminal),
      })),
    ).toEqual(rows.map(({ code, label_vi, machine_name, terminal }) => ({ code, label_vi, machine_name, terminal })));
  });

  it('kenh-thuc-hien.csv: codes, Vietnamese labels, machine names', () => {
    const rows = readCsv(fixture('kenh-thuc-hien.csv'));
    expect(rows).toHaveLength(3);
    expect(
      Object.values(CHANNELS).map((channel) => ({
        code: channel.code,
        label_vi: channel.label.vi,
        machine_name: channel.machineName,
      })),
    ).toEqual(rows.map(({ code, label_vi, machine_name }) => ({ code, label_vi, machine_name })));
  });

  it('timeliness-classes.csv: the report classes give the Vietnamese labels, in order', () => {
    const rows = readCsv(fixture('timeliness-classes.csv'));
    const reportRows = rows.filter((row) => row.source?.includes('BaoCaoSo06WhereBuilder'));
    // The file writes the ids with underscores and calls the last class pending_late; the package says overdue.
    const idOf: Record<string, TimelinessClass> = {
      early: 'early',
      on_time: 'on-time',
      late: 'late',
      pending_in_time: 'pending-in-time',
      pending_late: 'overdue',
    };
    expect(Object.values(TIMELINESS_CLASSES).map((info) => ({ id: info.id, label_vi: info.label.vi }))).toEqual(
      reportRows.map((row) => ({ id: idOf[row.machine_name!], label_vi: row.label_vi })),
    );
    // Settled dossiers first (NgayTra compared with NgayHenTra), then those pending at the period's end.
    expect(Object.values(TIMELINESS_CLASSES).map((info) => info.settled)).toEqual([true, true, true, false, false]);
  });

  it('timeliness-classes.csv: the OpenCPS classes are early, on time and late', () => {
    const openCpsRows = readCsv(fixture('timeliness-classes.csv')).filter((row) => row.source?.includes('BetimeUtils'));
    expect(openCpsRows.map((row) => [row.class, row.machine_name])).toEqual([
      ['betimes(3)', 'early'],
      ['ontime(2)', 'on_time'],
      ['overtime(1)', 'late'],
    ]);
    expect(openCpsRows.map((row) => row.machine_name!.replace('_', '-'))).toEqual(
      Object.values(TIMELINESS_CLASSES)
        .filter((info) => info.settled)
        .map((info) => info.id),
    );
  });
});
