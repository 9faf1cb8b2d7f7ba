import { defineRule } from '@lienthong/report';

/* EDXML-LEN-*: the opt-in length profile. QCVN 102 publishes no lengths; the defaults are one implementer's. */

export const fieldTooLong = defineRule({
  id: 'EDXML-LEN-001',
  severity: 'warning',
  title: { vi: 'Trường quá dài', en: 'Field too long' },
  message: {
    vi: '{field} dài {length} ký tự, vượt giới hạn {limit} của hồ sơ độ dài.',
    en: '{field} is {length} characters long, over the length profile limit of {limit}.',
  },
});

export const lengthRules = [fieldTooLong] as const;
