/**
 * Catalogue benchmark (issue 5 item 6), run with `npx tsx bench/catalogue.ts` from packages/service-level:
 * (1) classifying and aggregating a 100,000-service catalogue;
 * (2) CSV import throughput of `readCatalogueCsv` against a bare CSV parse of the same text by csv-parse/sync,
 *     in the same process, interleaved rounds (the order alternates), each figure the median of the rounds.
 * Target: `readCatalogueCsv` ≤ 2× the bare parse time. Read the ratio; absolute times depend on the machine.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parse as csvParse } from 'csv-parse/sync';
import { deterministicRandom as random } from '../../../tools/deterministic-random';
// Internal, for context only: the scanner readCatalogueCsv is built on.
import { scanCsv } from '../src/catalogue/csv-syntax';
import {
  aggregateCatalogue,
  type Catalogue,
  classifyNd42,
  classifyNd43,
  readCatalogueCsv,
  type Service,
  type ServiceCapabilities,
  type Tier,
} from '../src/index';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

const FIELDS = ['Hộ tịch', 'Đất đai', 'Xây dựng', 'Đăng ký kinh doanh', 'Tư pháp', 'Giáo dục và Đào tạo', 'Y tế'];
const ACTIONS = ['Cấp', 'Cấp lại', 'Gia hạn', 'Điều chỉnh', 'Đăng ký', 'Thu hồi'];
const OBJECTS = ['giấy phép', 'giấy chứng nhận', 'chứng chỉ hành nghề', 'văn bản chấp thuận', 'phiếu lý lịch tư pháp'];

/** A province-sized catalogue: 40 departments, 12 districts, 600 communes; ~45% of services before 2025 are district. */
function generateCatalogue(count: number): Catalogue {
  const next = random(20_251_201);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const services: Service[] = [];
  for (let i = 0; i < count; i++) {
    const roll = next();
    const tier: Tier = roll < 0.2 ? 'tinh' : roll < 0.45 ? 'huyen' : 'xa';
    const unit =
      tier === 'tinh' ? Math.floor(next() * 40) : tier === 'huyen' ? Math.floor(next() * 12) : Math.floor(next() * 600);
    const agency =
      tier === 'tinh'
        ? { name: `Sở số ${unit + 1}`, code: `000.00.${String(unit + 1).padStart(2, '0')}.H56` }
        : tier === 'huyen'
          ? { name: `UBND huyện số ${unit + 1}`, code: `000.${String(unit + 20).padStart(2, '0')}.00.H56` }
          : {
              name: `UBND xã số ${unit + 1}, huyện ${(unit % 12) + 1}`,
              code: `000.${String((unit % 12) + 20).padStart(2, '0')}.${String((unit % 99) + 1).padStart(2, '0')}.H56`,
            };
    const online = next() < 0.6;
    const capabilities: ServiceCapabilities = {
      informationPublished: next() < 0.97,
      formsDownloadable: next() < 0.9,
      onlineSubmission: online,
      onlineProcessing: online && next() < 0.85,
      payment: pick(['no-fee', 'online', 'offline-only'] as const),
      resultChannels: pick([
        ['online'],
        ['online', 'public-post'],
        ['in-person'],
        ['in-person', 'public-post'],
        ['online', 'public-post', 'in-person'],
      ] as const).slice(),
      physicalPresenceRequired: next() < 0.15,
    };
    const service: Service = {
      procedureCode: `${1 + (i % 3)}.${String(i).padStart(6, '0')}`,
      name: `${pick(ACTIONS)} ${pick(OBJECTS)} ${next() < 0.1 ? '"đặc biệt"' : ''} lĩnh vực ${pick(FIELDS)}, trường hợp ${i}`,
      agency,
      tier,
      capabilities,
      effectiveFrom: `20${String(18 + Math.floor(next() * 6))}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
    };
    // Half the rows declare a level; as in real catalogues most declarations agree with the capabilities.
    if (next() < 0.5) {
      const computed = classifyNd43(capabilities).level;
      const declared = next() < 0.95 || computed === 0 ? computed : (((computed % 4) + 1) as 1 | 2 | 3 | 4);
      if (declared !== 0) service.declared = { nd43Level: declared };
    }
    services.push(service);
  }
  return { services };
}

const yes = (value: boolean) => (value ? 'Có' : 'Không');
const TIER_TEXT: Record<Tier, string> = { tinh: 'Tỉnh', huyen: 'Huyện', xa: 'Xã' };
const PAYMENT_TEXT = { 'no-fee': 'Không thu phí', online: 'Trực tuyến', 'offline-only': 'Trực tiếp' } as const;
const CHANNEL_TEXT = { online: 'Trực tuyến', 'public-post': 'Bưu chính', 'in-person': 'Trực tiếp' } as const;

/** The catalogue as an Excel "CSV UTF-8" export with Vietnamese settings: BOM, `;`, CRLF, dd/mm/yyyy. */
function toExcelCsv(catalogue: Catalogue): string {
  const quote = (field: string) => (/[";\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
  const lines = [
    'STT;Mã thủ tục;Tên thủ tục;Cơ quan;Mã cơ quan;Cấp;Công khai thông tin;Tải biểu mẫu;Nộp trực tuyến;Xử lý trực tuyến;Thanh toán;Trả kết quả;Phải có mặt;Hiệu lực từ;Hiệu lực đến;Mức độ khai báo',
  ];
  catalogue.services.forEach((service, index) => {
    const c = service.capabilities;
    const [year, month, day] = (service.effectiveFrom as string).split('-');
    lines.push(
      [
        String(index + 1),
        service.procedureCode,
        service.name,
        service.agency.name,
        service.agency.code ?? '',
        TIER_TEXT[service.tier],
        yes(c.informationPublished),
        yes(c.formsDownloadable),
        yes(c.onlineSubmission),
        yes(c.onlineProcessing),
        PAYMENT_TEXT[c.payment],
        c.resultChannels.map((channel) => CHANNEL_TEXT[channel]).join('; '),
        yes(c.physicalPresenceRequired),
        `${day}/${month}/${year}`,
        '',
        service.declared?.nd43Level === undefined ? '' : `Mức độ ${service.declared.nd43Level}`,
      ]
        .map(quote)
        .join(';'),
    );
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function quartiles(values: readonly number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))] as number;
  return [at(0.25), at(0.75)];
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function main(): void {
  const started = performance.now();
  const catalogue = generateCatalogue(SERVICES);
  const text = toExcelCsv(catalogue);
  const megabytes = Buffer.byteLength(text) / 1e6;

  // Sanity: both contenders read every row of the file.
  const check = readCatalogueCsv(text);
  if (check.catalogue.services.length !== SERVICES || check.report.counts.error > 0) {
    throw new Error(`readCatalogueCsv read ${check.catalogue.services.length} of ${SERVICES} rows`);
  }
  const bareCheck = csvParse(text, { delimiter: ';', bom: true }) as string[][];
  if (bareCheck.length !== SERVICES + 1) throw new Error(`csv-parse read ${bareCheck.length} records`);

  // (1) classification and aggregation, interleaved the same way.
  const classifyTimes: number[] = [];
  const aggregateTimes: number[] = [];
  const aggregateByAgencyTimes: number[] = [];
  for (let round = 0; round < ROUNDS + 2; round++) {
    const classify = time(() => {
      let level4 = 0;
      for (const service of catalogue.services) {
        if (classifyNd43(service.capabilities).level === 4) level4++;
        if (classifyNd42(service.capabilities).category === 'toan_trinh') level4 += 0;
      }
      return level4;
    });
    const aggregate = time(() => aggregateCatalogue(catalogue, { date: '2024-12-31' }));
    const byAgency = time(() => aggregateCatalogue(catalogue, { date: '2024-12-31', byAgency: true }));
    // The first two rounds warm the JIT up and are not counted.
    if (round >= 2) {
      classifyTimes.push(classify.ms);
      aggregateTimes.push(aggregate.ms);
      aggregateByAgencyTimes.push(byAgency.ms);
    }
  }

  // (2) CSV import against a bare parse of the same text; the order of the contenders rotates every round.
  const contenders: readonly { readonly name: string; readonly run: () => unknown }[] = [
    { name: 'ours', run: () => readCatalogueCsv(text) },
    { name: 'bare', run: () => csvParse(text, { delimiter: ';', bom: true }) },
    {
      name: 'scan',
      run: () => {
        let fields = 0;
        scanCsv(text.slice(1), ';', (record) => {
          fields += record.length;
        });
        return fields;
      },
    },
  ];
  const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS + 2; round++) {
    const times = new Map<string, number>();
    for (let i = 0; i < contenders.length; i++) {
      const contender = contenders[(round + i) % contenders.length] as (typeof contenders)[number];
      times.set(contender.name, time(contender.run).ms);
    }
    // The first two rounds warm the JIT up and are not counted.
    if (round < 2) continue;
    for (const [name, value] of times) samples.get(name)?.push(value);
    ratios.push((times.get('ours') as number) / (times.get('bare') as number));
  }
  const ours = samples.get('ours') as number[];
  const bare = samples.get('bare') as number[];
  const scan = samples.get('scan') as number[];

  const aggregation = aggregateCatalogue(catalogue, { date: '2024-12-31' });
  const ratio = median(ratios);
  const [low, high] = quartiles(ratios);
  const lines = [
    `# @lienthong/service-level catalogue benchmark`,
    '',
    `${SERVICES.toLocaleString('en-US')} services, ${megabytes.toFixed(1)} MB of CSV; median of ${ROUNDS} interleaved rounds (contender order rotating) after 2 warm-up rounds.`,
    '',
    '| measurement | median | per service |',
    '|---|---|---|',
    `| classifyNd43 + classifyNd42 of every service | ${ms(median(classifyTimes))} | ${((median(classifyTimes) * 1000) / SERVICES).toFixed(2)} µs |`,
    `| aggregateCatalogue (date) | ${ms(median(aggregateTimes))} | ${((median(aggregateTimes) * 1000) / SERVICES).toFixed(2)} µs |`,
    `| aggregateCatalogue (date, byAgency) | ${ms(median(aggregateByAgencyTimes))} | ${((median(aggregateByAgencyTimes) * 1000) / SERVICES).toFixed(2)} µs |`,
    `| readCatalogueCsv(text) | ${ms(median(ours))} (${(megabytes / (median(ours) / 1000)).toFixed(1)} MB/s) | ${((median(ours) * 1000) / SERVICES).toFixed(2)} µs |`,
    `| csv-parse/sync parse(text, { delimiter: ';', bom: true }) | ${ms(median(bare))} (${(megabytes / (median(bare) / 1000)).toFixed(1)} MB/s) | ${((median(bare) * 1000) / SERVICES).toFixed(2)} µs |`,
    `| our own RFC 4180 scan alone (scanCsv, context) | ${ms(median(scan))} (${(megabytes / (median(scan) / 1000)).toFixed(1)} MB/s) | ${((median(scan) * 1000) / SERVICES).toFixed(2)} µs |`,
    '',
    `**Ratio readCatalogueCsv / bare parse: ${ratio.toFixed(2)}** (IQR ${low.toFixed(2)}–${high.toFixed(2)}); target ≤ 2.00: ${ratio <= 2 ? 'met' : 'NOT met'}.`,
    '',
    `- Aggregation check: ${aggregation.indicators.tthc_total.value} procedures in force on 2024-12-31, ${aggregation.indicators.dvctt_level4_pct.value}% at level 4, ${aggregation.indicators.dvctt_toan_trinh_pct.value}% toàn trình.`,
    `- readCatalogueCsv does everything: decoding checks, header recognition, every cell read and checked, services built, and the catalogue-wide checks (duplicates, declared level against computed level for the ~50% of rows that declare one). The bare parse only splits the text into string arrays.`,
    `- CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length} logical cores; RAM ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version} (${process.platform}/${process.arch}); took ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
