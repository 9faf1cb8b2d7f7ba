import { randomUUID } from 'node:crypto';

/** A fresh attachment ContentId in the SDK form `cid:<uuid>`. */
export function newContentId(): string {
  return `cid:${randomUUID()}`;
}
