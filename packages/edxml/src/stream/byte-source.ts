/** Bytes that arrive over time: a Node stream, a web ReadableStream, or any async iterable. */
export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;
