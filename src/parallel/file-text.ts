/**
 * A file on disk as text, in 1 MiB chunks, for the history importers (the
 * core takes strings as they are): chunks of plain ASCII — most exports —
 * are read as Latin-1, which they are too (a third of the time of a UTF-8
 * decoder); from the first chunk that is not, a streaming UTF-8 decoder reads
 * the rest (a character split between chunks is kept whole). The same text
 * as decoding it all as UTF-8 (a byte-order mark is dropped by the decoder,
 * or by the importer when the decoder is not used: it is not ASCII).
 *
 * @module
 */
import { isAscii } from "node:buffer";
import { createReadStream } from "node:fs";

/** The text of the file at `path`, chunk by chunk; opened when first read. */
export async function* fileText(path: string): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (decoder === undefined && isAscii(chunk)) yield chunk.toString("latin1");
    else yield (decoder ??= new TextDecoder("utf-8")).decode(chunk, { stream: true });
  }
  const rest = decoder?.decode() ?? "";
  if (rest !== "") yield rest;
}
