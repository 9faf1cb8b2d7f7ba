/*
 * `lienthong level classify`: every service of a catalogue with its level, category, vendor code and the reasons,
 * as JSON (LevelClassifyOutputSchema) or as text in the chosen language.
 */
import type { Issue, LocalizedText } from '@lienthong/report';
import { classifyService, ND42_CATEGORY_LABELS, type Scheme } from '@lienthong/service-level';
import type { Language } from '../../framework/command';
import { type CatalogueInput, catalogueSummary, type ReportDay } from './catalogue-input';
import { type ClassifiedService, LEVEL_OUTPUT_SCHEMA_VERSION, type LevelClassifyOutput } from './schema';
import { findingLine, SCHEME_LABELS, TIER_LABELS } from './words';

/** Classifies every imported service for `date`. */
export function classifyCatalogue(
  input: CatalogueInput,
  day: ReportDay,
  generator: { readonly name: string; readonly version: string },
): LevelClassifyOutput {
  const { date } = day;
  const services: ClassifiedService[] = input.catalogue.services.map((service, index) => {
    const result = classifyService(service, { date, path: `services[${index}]` });
    const comparison = result.comparison;
    return {
      index,
      procedureCode: service.procedureCode,
      name: service.name,
      agency: { name: service.agency.name, code: service.agency.code ?? null },
      tier: service.tier,
      scheme: result.scheme ?? day.scheme,
      level: result.nd43.level,
      category: result.nd42.category,
      vendorCode: result.vendorCode,
      nextLevel: result.nd43.nextLevel,
      missingForNextLevel: result.nd43.missingForNextLevel.map((criterion) => criterion.id),
      missingForToanTrinh: result.nd42.missingForToanTrinh.map((criterion) => criterion.id),
      reasons: { nd43: result.nd43.summary, nd42: [...result.nd42.reasons] },
      criteria: {
        nd43: result.nd43.criteria.map((criterion) => ({
          id: criterion.id,
          level: criterion.level,
          role: null,
          met: criterion.met,
          title: criterion.title,
          message: criterion.message,
          article: criterion.article,
        })),
        nd42: result.nd42.criteria.map((criterion) => ({
          id: criterion.id,
          level: null,
          role: criterion.role,
          met: criterion.met,
          title: criterion.title,
          message: criterion.message,
          article: criterion.article,
        })),
      },
      declared:
        service.declared === undefined || comparison === undefined
          ? null
          : {
              nd43Level: service.declared.nd43Level ?? null,
              nd42Category: service.declared.nd42Category ?? null,
              vendorCode: service.declared.vendorCode ?? null,
              matches: comparison.matches,
            },
    };
  });
  const byLevel = { '0': 0, '1': 0, '2': 0, '3': 0, '4': 0 };
  const byCategory = { toan_trinh: 0, mot_phan: 0, none: 0 };
  for (const service of services) {
    byLevel[String(service.level) as keyof typeof byLevel]++;
    byCategory[service.category]++;
  }
  return {
    schemaVersion: LEVEL_OUTPUT_SCHEMA_VERSION,
    generator: { name: generator.name, version: generator.version },
    date,
    scheme: day.scheme,
    catalogue: catalogueSummary(input),
    summary: { services: services.length, byLevel, byCategory },
    services,
    findings: input.report.issues as Issue[],
  };
}

const W = {
  catalogue: { vi: 'Danh mục', en: 'Catalogue' },
  day: { vi: 'ngày', en: 'on' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  tier: { vi: 'cấp', en: 'tier' },
  level: { vi: 'mức độ', en: 'level' },
  vendorCode: { vi: 'mã mức độ', en: 'vendor code' },
  reasons: { vi: 'Lý do', en: 'Reasons' },
  declared: {
    vi: 'Khai báo khác kết quả tính được (xem phát hiện bên dưới)',
    en: 'Declared values differ from the computed ones (see the findings below)',
  },
  findings: { vi: 'Phát hiện', en: 'Findings' },
  none: { vi: 'Danh mục không có dịch vụ nào được nhập.', en: 'No service was imported from the catalogue.' },
} as const;

function summaryLine(output: LevelClassifyOutput, lang: Language): string {
  const { summary, catalogue } = output;
  const c = summary.byCategory;
  const l = summary.byLevel;
  const counts = catalogue.counts;
  return lang === 'vi'
    ? `Tổng: ${summary.services} dịch vụ — toàn trình ${c.toan_trinh}, một phần ${c.mot_phan}, chưa trực tuyến ${c.none}; mức độ 4: ${l['4']}, 3: ${l['3']}, 2: ${l['2']}, 1: ${l['1']}, 0: ${l['0']}; ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} thông tin.`
    : `Total: ${summary.services} services — toàn trình ${c.toan_trinh}, một phần ${c.mot_phan}, not online ${c.none}; level 4: ${l['4']}, 3: ${l['3']}, 2: ${l['2']}, 1: ${l['1']}, 0: ${l['0']}; ${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos.`;
}

function verdict(service: ClassifiedService, lang: Language): string {
  const category = `${SCHEME_LABELS['nd42-2022'][lang]}: ${ND42_CATEGORY_LABELS[service.category][lang]} (${W.vendorCode[lang]} ${service.vendorCode})`;
  const level = `${SCHEME_LABELS['nd43-2011'][lang]}: ${W.level[lang]} ${service.level}`;
  return service.scheme === 'nd42-2022' ? `${category}; ${level}` : `${level}; ${category}`;
}

/** The reasons of the scheme in force first. */
function reasonsOf(service: ClassifiedService): LocalizedText[] {
  return service.scheme === 'nd42-2022'
    ? [...service.reasons.nd42, service.reasons.nd43]
    : [service.reasons.nd43, ...service.reasons.nd42];
}

/** The classification as text; `quiet` keeps one line per service and the errors. */
export function formatClassifyText(
  output: LevelClassifyOutput,
  options: {
    readonly lang: Language;
    readonly quiet: boolean;
    readonly paintSeverity: (issue: Issue, text: string) => string;
  },
): string {
  const { lang, quiet } = options;
  const lines: string[] = [];
  const scheme: Scheme = output.scheme;
  if (!quiet)
    lines.push(
      `${W.catalogue[lang]}: ${output.catalogue.path} (${output.catalogue.format.toUpperCase()}) — ${W.day[lang]} ${output.date}, ${SCHEME_LABELS[scheme][lang]}`,
      '',
    );
  if (output.services.length === 0 && !quiet) lines.push(W.none[lang], '');
  for (const [position, service] of output.services.entries()) {
    if (quiet) {
      lines.push(`${service.procedureCode} — ${service.name}: ${verdict(service, lang)}`);
      continue;
    }
    const agencyCode = service.agency.code === null ? '' : ` (${service.agency.code})`;
    lines.push(`${position + 1}. ${service.procedureCode} — ${service.name}`);
    lines.push(
      `   ${W.agency[lang]}: ${service.agency.name}${agencyCode}; ${W.tier[lang]}: ${TIER_LABELS[service.tier][lang]}`,
    );
    lines.push(`   ${verdict(service, lang)}`);
    if (service.declared !== null && !service.declared.matches) lines.push(`   ${W.declared[lang]}`);
    lines.push(`   ${W.reasons[lang]}:`);
    for (const reason of reasonsOf(service)) lines.push(`     - ${reason[lang]}`);
    lines.push('');
  }
  const findings = quiet ? output.findings.filter((issue) => issue.severity === 'error') : output.findings;
  if (findings.length > 0) {
    if (quiet) for (const issue of findings) lines.push(options.paintSeverity(issue, findingLine(issue, lang)));
    else {
      lines.push(`${W.findings[lang]} (${findings.length}):`);
      for (const issue of findings) lines.push(`  ${options.paintSeverity(issue, findingLine(issue, lang))}`);
      lines.push('');
    }
  }
  if (!quiet) lines.push(summaryLine(output, lang));
  return `${lines.join('\n')}\n`;
}
