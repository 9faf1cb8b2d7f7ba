/**
 * Validation benchmark, run with `npx tsx bench/validate.ts` from packages/indicators (or `pnpm bench`).
 *
 * The peer is what a test suite in another language does with the shipped JSON Schema: JSON.parse plus ajv
 * (draft 2020-12) — schema checks only. `validateIndicatorReport` does the same schema checks (zod) and then every
 * consistency rule (sums, percentages, scopes, conflicts, targets). Both read the same JSON text, in the same
 * process, in interleaved rounds (the order alternates); each figure is the median of the rounds. Read the
 * ratios; absolute times depend on the machine. `deriveIndicators` on the parsed report is reported too.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { deterministicRandom as random } from '../../../tools/deterministic-random';
import {
  deriveIndicators,
  type IndicatorReportInput,
  IndicatorReportSchema,
  type IndicatorValueInput,
  validateIndicatorReport,
} from '../src/index';

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

/**
 * A province's yearly report with a per-agency breakdown: for each agency the services by level and the one-stop
 * dossiers with their timeliness classes and percentages, consistent except for a few planted slips (as real
 * reports have), plus the province totals.
 */
function generateReport(agencies: number): IndicatorReportInput {
  const next = random(20_261_202);
  const whole = (max: number) => Math.floor(next() * max);
  const values: IndicatorValueInput[] = [];
  const pct = (part: number, of: number) => (of === 0 ? 0 : Math.round((10_000 * part) / of) / 100);
  for (let i = 0; i < agencies; i++) {
    const tier = i < agencies / 4 ? 'tinh' : 'xa';
    const agency = {
      name: `Cơ quan số ${i + 1}`,
      organisationCode: `000.${String(i % 100).padStart(2, '0')}.${String(Math.floor(i / 100) + 1).padStart(2, '0')}.H56`,
    };
    const scope = { tier, agency } as const;
    const l2 = whole(200);
    const l3 = whole(60);
    const l4 = whole(40);
    const total = l2 + l3 + l4 + whole(5);
    const early = whole(5000);
    const onTime = whole(3000);
    const late = whole(200);
    // One agency in fifty miscounts its resolved dossiers by a few, as Hòa Bình's departments did.
    const resolved = early + onTime + late + (i % 50 === 7 ? 2 : 0);
    values.push(
      { indicator: 'tthc_total', value: total, ...scope },
      { indicator: 'dvctt_level2_count', value: l2, ...scope },
      { indicator: 'dvctt_level3_count', value: l3, ...scope },
      { indicator: 'dvctt_level4_count', value: l4, ...scope },
      { indicator: 'dvctt_level34_count', value: l3 + l4, ...scope },
      { indicator: 'dvctt_level4_pct', value: pct(l4, total), decimals: 2, ...scope },
      { indicator: 'ho_so_da_xu_ly', value: resolved, ...scope },
      { indicator: 'ho_so_da_xu_ly_truoc_han', value: early, ...scope },
      { indicator: 'ho_so_da_xu_ly_dung_han', value: onTime, ...scope },
      { indicator: 'ho_so_da_xu_ly_qua_han', value: late, ...scope },
      { indicator: 'ho_so_da_xu_ly_truoc_han_pct', value: pct(early, resolved), decimals: 2, ...scope },
      { indicator: 'ho_so_da_xu_ly_qua_han_pct', value: pct(late, resolved), decimals: 2, ...scope },
    );
  }
  return {
    schemaVersion: 1,
    reportingUnit: { name: 'Tỉnh mẫu', organisationCode: '000.00.00.H56', kind: 'province' },
    period: { from: '2024-01-01', to: '2024-12-31' },
    asOf: '2024-12-31',
    source: { number: '01/BC-UBND', title: 'Báo cáo ứng dụng CNTT năm 2024 (số liệu tổng hợp cho đo hiệu năng)' },
    values,
  };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const schema = JSON.parse(readFileSync(new URL('../schema/indicator-report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const ajvValidate = ajv.compile(schema);

const text = JSON.stringify(generateReport(AGENCIES));
const valueCount = (JSON.parse(text) as { values: unknown[] }).values.length;
const parsed = IndicatorReportSchema.parse(JSON.parse(text));

// Both must see the same document the same way before their speed means anything.
const ours = validateIndicatorReport(text, { subject: 'bench' });
if (!ajvValidate(JSON.parse(text)) || !ours.indicatorReport)
  throw new Error('the generated report must satisfy the schema');
const findings = ours.issues.length;

const ajvTimes: number[] = [];
const ourTimes: number[] = [];
const deriveTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const peer = () => ajvValidate(JSON.parse(text));
  const mine = () => validateIndicatorReport(text, { subject: 'bench' });
  if (round % 2 === 0) {
    ajvTimes.push(time(peer));
    ourTimes.push(time(mine));
  } else {
    ourTimes.push(time(mine));
    ajvTimes.push(time(peer));
  }
  deriveTimes.push(time(() => deriveIndicators(parsed)));
}

const ajvMs = median(ajvTimes);
const ourMs = median(ourTimes);
const deriveMs = median(deriveTimes);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(
  `report: ${AGENCIES} agencies, ${valueCount.toLocaleString('en')} values, ${(text.length / 2 ** 20).toFixed(2)} MiB JSON; ${findings} findings; ${ROUNDS} rounds`,
);
console.log(`JSON.parse + ajv (schema only):        ${ajvMs.toFixed(1)} ms`);
console.log(`validateIndicatorReport (schema+rules): ${ourMs.toFixed(1)} ms  → ${(ourMs / ajvMs).toFixed(2)}× ajv`);
console.log(
  `deriveIndicators:                      ${deriveMs.toFixed(1)} ms  → ${(deriveMs / ajvMs).toFixed(2)}× ajv`,
);
