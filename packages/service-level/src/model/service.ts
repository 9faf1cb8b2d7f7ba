import { z } from 'zod';

/*
 * The single source of the package's types. A service is described by what it can do (its capabilities);
 * levels (NĐ 43/2011) and categories (NĐ 42/2022) are computed from them, never typed in.
 */

/** How the result of a procedure can be returned to the applicant. */
export const ResultChannelSchema = z.enum([
  /** Electronically: download, e-mail, the portal's electronic result. */
  'online',
  /** By the public postal service (bưu chính công ích, BCCI). */
  'public-post',
  /** Collected in person at the one-stop desk. */
  'in-person',
]);
export type ResultChannel = z.infer<typeof ResultChannelSchema>;

/** Fees and charges of the procedure, and how they can be paid. */
export const PaymentSchema = z.enum([
  /** The procedure has no fee or charge. */
  'no-fee',
  /** A fee exists and can be paid online. */
  'online',
  /** A fee exists and can only be paid in person (or otherwise offline). */
  'offline-only',
]);
export type Payment = z.infer<typeof PaymentSchema>;

/** What a service offers, as a vendor or a province records it. */
export const ServiceCapabilitiesSchema = z.object({
  /** Full information on the procedure and its legal documents is published online (NĐ 43 level 1). */
  informationPublished: z.boolean(),
  /** The forms can be downloaded and filled in (NĐ 43 level 2). */
  formsDownloadable: z.boolean(),
  /** The dossier can be filled in and submitted online (NĐ 43 level 3). */
  onlineSubmission: z.boolean(),
  /** The exchanges during processing (supplements, notices) happen online (NĐ 43 level 3). */
  onlineProcessing: z.boolean(),
  payment: PaymentSchema,
  /** Every channel the result can be returned through (at least one). */
  resultChannels: z.array(ResultChannelSchema).min(1),
  /** The applicant must appear in person, or the agency must inspect on site (NĐ 42/2022 exceptions). */
  physicalPresenceRequired: z.boolean(),
});
export type ServiceCapabilities = z.infer<typeof ServiceCapabilitiesSchema>;

/** NĐ 43/2011 level (khoản 4 Điều 3), in force until 2022-08-14. 0: not even level 1. */
export const Nd43LevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Nd43Level = z.infer<typeof Nd43LevelSchema>;

/** NĐ 42/2022 Điều 11 category, in force from 2022-08-15; `none`: information only, not an online service. */
export const Nd42CategorySchema = z.enum(['toan_trinh', 'mot_phan', 'none']);
export type Nd42Category = z.infer<typeof Nd42CategorySchema>;

/** The code vendors keep for the category (MUC_DO: TOAN_TRINH "4", MOT_PHAN "3", DVC "2"). */
export const VendorCodeSchema = z.enum(['4', '3', '2']);
export type VendorCode = z.infer<typeof VendorCodeSchema>;

/** Which legal scheme classifies services on a date. */
export const SchemeSchema = z.enum(['nd43-2011', 'nd42-2022']);
export type Scheme = z.infer<typeof SchemeSchema>;

/**
 * Administrative tier of the agency that settles the procedure. `huyen` (district) exists only for periods
 * ending before 2025-07-01 (Nghị quyết 203/2025/QH15 ended district-level units).
 */
export const TierSchema = z.enum(['tinh', 'huyen', 'xa']);
export type Tier = z.infer<typeof TierSchema>;

const isoDate = z.iso.date();

/** One service of a catalogue. */
export const ServiceSchema = z.object({
  /** National procedure code `d.dddddd`, optionally with the agency suffix (`1.002809.000.00.00.H56`). */
  procedureCode: z.string().min(1),
  name: z.string().min(1),
  agency: z.object({
    name: z.string().min(1),
    /** Organisation code (mã định danh, QCVN 102:2016), e.g. `000.00.01.H56`. */
    code: z.string().min(1).optional(),
  }),
  tier: TierSchema,
  /** Field (lĩnh vực) code, `MX1X2-LV`, when known. */
  fieldCode: z.string().min(1).optional(),
  capabilities: ServiceCapabilitiesSchema,
  /** First day the service is offered like this (inclusive). */
  effectiveFrom: isoDate.optional(),
  /** Last day (inclusive). */
  effectiveTo: isoDate.optional(),
  /** The level or category the source declares, kept to compare with the computed one (never trusted). */
  declared: z
    .object({
      nd43Level: Nd43LevelSchema.optional(),
      nd42Category: Nd42CategorySchema.optional(),
      vendorCode: VendorCodeSchema.optional(),
    })
    .optional(),
});
export type Service = z.infer<typeof ServiceSchema>;

export const CatalogueSchema = z.object({
  /** Who publishes the catalogue (a province, a ministry). */
  publisher: z.object({ name: z.string().min(1), code: z.string().min(1).optional() }).optional(),
  /** The date the catalogue describes. */
  asOf: isoDate.optional(),
  services: z.array(ServiceSchema),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

/*
 * Timeliness of a dossier (domain notes §2.6). The classes (`TimelinessClassSchema`) are in enums/; which class a
 * dossier gets depends on the comparison granularity, so the granularity is always stated next to a class.
 */

/**
 * How a return (or the end of a period) is compared with the due time: to the `instant`; by Vietnam
 * `calendar-day` (as the 06a/06b reports compare dates); or by `working-half-day` (OpenCPS `BetimeUtils`: early
 * only before the working half-day that holds the due time begins).
 */
export const TimelinessGranularitySchema = z.enum(['instant', 'calendar-day', 'working-half-day']);
export type TimelinessGranularity = z.infer<typeof TimelinessGranularitySchema>;

/**
 * The times of a dossier: receipt (NgayTiepNhan), due (NgayHenTra) and return of the result (NgayTra; absent or
 * `null` while pending). Each is a `Date` or a string: ISO 8601 with an offset, or without one (then Vietnam
 * local time, as edXML and DVCQG write it), edXML `yyyy/MM/dd HH:mm:ss`, or DVCQG `yyyyMMddHHmmss`.
 */
export const DossierTimesSchema = z.object({
  /** The dossier code or any label, carried into statistics so each dossier can be traced. */
  id: z.string().optional(),
  receivedAt: z.union([z.date(), z.string()]),
  dueAt: z.union([z.date(), z.string()]),
  returnedAt: z.union([z.date(), z.string()]).nullable().optional(),
});
export type DossierTimes = z.infer<typeof DossierTimesSchema>;
