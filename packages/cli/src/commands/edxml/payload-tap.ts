/** Enough leading bytes to recognise every content kind (a PDF may start after up to 1 KiB of junk). */
const SNIFF_BYTES = 1024 + 8;

/** What passing a payload through taught: its size and its first bytes. */
export interface PayloadFacts {
  readonly size: number;
  readonly head: Uint8Array;
}

/**
 * Passes a streamed payload on unchanged while counting it and keeping its first bytes, so a payload is read
 * once whether it is written to disk or only measured.
 */
export function tapPayload(bytes: AsyncIterable<Uint8Array>): {
  readonly chunks: AsyncIterable<Uint8Array>;
  facts(): PayloadFacts;
} {
  let size = 0;
  const head: Uint8Array[] = [];
  let headLength = 0;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of bytes) {
      size += chunk.length;
      if (headLength < SNIFF_BYTES) {
        const slice = chunk.subarray(0, SNIFF_BYTES - headLength);
        head.push(slice);
        headLength += slice.length;
      }
      yield chunk;
    }
  }
  return { chunks: chunks(), facts: () => ({ size, head: Buffer.concat(head) }) };
}

/** Reads a payload to its end, keeping only its facts. */
export async function measurePayload(bytes: AsyncIterable<Uint8Array>): Promise<PayloadFacts> {
  const tap = tapPayload(bytes);
  for await (const _chunk of tap.chunks) {
  }
  return tap.facts();
}
