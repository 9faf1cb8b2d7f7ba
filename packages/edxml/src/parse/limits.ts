import type { Issue, Location } from '@lienthong/report';
import { xmlLimitExceeded } from '../rules/structure';

/*
 * The limit findings, worded once so that the in-memory and the streaming readers report them identically.
 */

export function envelopeTooLarge(size: number, limit: number): Issue {
  return xmlLimitExceeded.issue({
    detail: {
      vi: `kích thước ${size} byte vượt giới hạn ${limit} byte của việc đọc trong bộ nhớ; hãy dùng bộ đọc luồng`,
      en: `its size of ${size} bytes is over the ${limit}-byte limit for reading in memory; use the streaming reader`,
    },
  });
}

export function tooManyAttachments(count: number, limit: number, location: Location): Issue {
  return xmlLimitExceeded.issue(
    {
      detail: {
        vi: `có ${count} tệp đính kèm, vượt giới hạn ${limit}`,
        en: `it has ${count} attachments, over the limit of ${limit}`,
      },
    },
    location,
  );
}

export function attachmentTooLarge(position: number, limit: number, location: Location): Issue {
  return xmlLimitExceeded.issue(
    {
      detail: {
        vi: `tệp đính kèm thứ ${position} vượt giới hạn ${limit} byte sau khi giải mã`,
        en: `attachment ${position} is over the ${limit}-byte limit once decoded`,
      },
    },
    location,
  );
}
