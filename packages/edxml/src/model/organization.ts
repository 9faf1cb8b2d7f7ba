import { z } from 'zod';

/**
 * A sending or receiving unit (QCVN 102:2016 §1.1 From, §1.2 To). Only `organId` is always present
 * in real traffic; it is kept as written (QCVN 102 codes, QĐ 20 codes, enterprise ids, even the literal `null`)
 * and judged by the validator, never rejected by the reader.
 */
export const OrganizationSchema = z.object({
  organId: z.string(),
  organizationInCharge: z.string().optional(),
  organName: z.string().optional(),
  organAdd: z.string().optional(),
  email: z.string().optional(),
  telephone: z.string().optional(),
  fax: z.string().optional(),
  website: z.string().optional(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

/** Staff who handled a message (Bussiness/StaffInfo, status StaffInfo). */
export const StaffInfoSchema = z.object({
  department: z.string().optional(),
  staff: z.string().optional(),
  email: z.string().optional(),
  mobile: z.string().optional(),
  /** VNPT extensions read by its SDK. */
  departmentId: z.string().optional(),
  staffId: z.string().optional(),
});
export type StaffInfo = z.infer<typeof StaffInfoSchema>;

/** The document a message answers (§1.12 ResponseFor; also the status message's ResponseFor). */
export const ResponseForSchema = z.object({
  organId: z.string().optional(),
  /** `number/notation`, e.g. `7816/VPCP-TTĐT`. */
  code: z.string().optional(),
  /** `yyyy/MM/dd`. */
  promulgationDate: z.string().optional(),
  documentId: z.string().optional(),
});
export type ResponseFor = z.infer<typeof ResponseForSchema>;
