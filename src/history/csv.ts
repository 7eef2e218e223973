/**
 * Reading a file's text and a CSV file's rows, streamed, for the importers
 * (import.ts, parsed-orders.ts) and the paid-amounts reader: no I/O here;
 * the caller hands over a string, bytes, an iterable or async iterable of
 * chunks, or a web `ReadableStream`.
 *
 * CSV is read with Papa Parse (papaparse 5.7.1, RFC 4180: quoted fields,
 * doubled quotes, line breaks inside quotes, `\n` or `\r\n`); text without
 * a quote character is split here exactly as Papa Parse's fast mode splits
 * it (see {@link readCsvRows}).
 *
 * @module
 */
import Papa from "papaparse";

/** A piece of a file: text, or UTF-8 bytes. */
export type HistoryChunk = string | Uint8Array;

/** A file's content: all of it, or chunks (iterable, async iterable, or a web `ReadableStream`). */
export type HistoryData = HistoryChunk | Iterable<HistoryChunk> | AsyncIterable<HistoryChunk> | ReadableStream<HistoryChunk>;


/** The text of a file's content, chunk by chunk (bytes decoded as UTF-8, split characters kept whole). */
export async function* textChunks(data: HistoryData): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  const text = (chunk: HistoryChunk): string => (typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
  if (typeof data === "string") yield data;
  else if (data instanceof Uint8Array) yield decoder.decode(data);
  else if (typeof (data as ReadableStream<HistoryChunk>).getReader === "function") {
    const reader = (data as ReadableStream<HistoryChunk>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        yield text(value);
      }
    } finally {
      reader.releaseLock();
    }
  } else if (Symbol.asyncIterator in (data as object)) {
    for await (const chunk of data as AsyncIterable<HistoryChunk>) yield text(chunk);
  } else {
    for (const chunk of data as Iterable<HistoryChunk>) yield text(chunk);
  }
  const rest = decoder.decode();
  if (rest !== "") yield rest;
}

/** Characters handed to the CSV parser at a time. */
const PIECE = 1 << 16;

/** Where a CSV file's rows go: its header, each row, and each row the parser could not read. */
export interface CsvSink {
  header(row: string[], line: number): void;
  row(row: string[], line: number): void;
  bad(line: number, message: string): void;
  /**
   * Optional: a row after the header, as the text `text[from .. to)` of its
   * line (unquoted: its fields are what lies between commas), instead of
   * `row` — for readers that take the fields without a string each. Only
   * while the file has shown no quote character; `row` is called otherwise.
   */
  line?(text: string, from: number, to: number, line: number): void;
}

/**
 * The line break Papa Parse (5.7.1, `guessLineEndings`) settles on for a
 * file, from its first piece: `\n` unless `\r` comes first and most `\r`
 * are followed by `\n` (then `\r\n`), or not (then `\r`). Quoted text is
 * left out of the count. Kept the same here so that rows split without the
 * parser are the ones it would give.
 */
export function guessLineBreak(text: string): "\n" | "\r\n" | "\r" {
  const input = text.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, "");
  const r = input.split("\r");
  const n = input.split("\n");
  if (r.length === 1 || (n.length > 1 && n[0]!.length < r[0]!.length)) return "\n";
  let withN = 0;
  for (let i = 0; i < r.length; i++) if (r[i]![0] === "\n") withN += 1;
  return withN >= r.length / 2 ? "\r\n" : "\r";
}

/** The fields of `text[from .. to)` split at commas (as `String.prototype.split(",")`, without the line's own string). */
export function splitFields(text: string, from: number, to: number): string[] {
  const row: string[] = [];
  for (;;) {
    const comma = text.indexOf(",", from);
    if (comma < 0 || comma >= to) {
      row.push(text.slice(from, to));
      return row;
    }
    row.push(text.slice(from, comma));
    from = comma + 1;
  }
}

/**
 * Reads a CSV file's rows, streamed. Text without a quote character is
 * split here, at the line break Papa Parse would settle on and at commas:
 * exactly what its fast mode does with such text, without its per-chunk
 * arrays (a third of the import's time went there). From the first piece
 * holding a quote on, Papa Parse reads the rest (the partial row included),
 * handed the chunks through the interface it reads Node streams by
 * (`on("data")`, `on("end")`), parsing each as it comes and keeping a
 * partial last row for the next. The first non-blank row is the header;
 * blank lines are skipped; a byte-order mark is dropped. Returns whether a
 * header was found.
 */
export async function readCsvRows(data: HistoryData, sink: CsvSink): Promise<boolean> {
  let headed = false;
  let line = 0; // the line the next row starts on, minus one
  let quoted = false; // whether any quote was seen: then rows may span lines
  const deliver = (row: string[], bad: Papa.ParseError | undefined) => {
    const at = line + 1;
    let span = 0;
    if (quoted) for (const f of row) for (let p = f.indexOf("\n"); p >= 0; p = f.indexOf("\n", p + 1)) span += 1;
    line = at + span;
    if (row.length === 1 && row[0] === "") return; // a blank line
    if (bad) sink.bad(at, bad.code === "MissingQuotes" ? "a quoted field is never closed" : bad.message);
    else if (!headed) {
      headed = true;
      sink.header(row, at);
    } else sink.row(row, at);
  };
  let newline: "\n" | "\r\n" | "\r" | undefined;
  let partial = ""; // the fast path's unfinished last row
  let papa: { data(piece: string): void; end(): void } | undefined;
  const startPapa = () => {
    const listeners: Record<string, (chunk?: string) => void> = {};
    const source = {
      readable: true,
      read() {},
      on(event: string, listener: (chunk?: string) => void) {
        listeners[event] = listener;
      },
      removeListener() {},
      pause() {},
      resume() {},
    };
    let done = false;
    Papa.parse(source as unknown as NodeJS.ReadableStream, {
      header: false,
      delimiter: ",",
      quoteChar: '"',
      newline: newline!,
      skipEmptyLines: false,
      chunk(results: Papa.ParseResult<string[]>) {
        const rows = results.data;
        const errors = results.errors.length > 0 ? new Map(results.errors.map((e) => [e.row, e])) : undefined;
        for (let r = 0; r < rows.length; r++) deliver(rows[r]!, errors?.get(r));
      },
      complete() {
        done = true;
      },
    });
    return {
      data: (piece: string) => listeners.data!(piece),
      end: () => {
        listeners.end!();
        if (!done) throw new Error("downline/history: the CSV parser did not finish");
      },
    };
  };
  const take = (piece: string) => {
    newline ??= guessLineBreak(piece);
    if (papa) return papa.data(piece);
    const text = partial === "" ? piece : partial + piece;
    if (text.includes('"')) {
      partial = "";
      papa = startPapa();
      return papa.data(text);
    }
    const step = newline.length;
    let from = 0;
    for (let end = text.indexOf(newline); end >= 0; end = text.indexOf(newline, from)) {
      lineOf(text, from, end);
      from = end + step;
    }
    partial = from === 0 ? text : text.slice(from);
  };
  // A row of the fast path: to the sink's `line` when it takes lines (a blank one only counted), else split.
  const lines = sink.line?.bind(sink);
  const lineOf = (text: string, from: number, end: number) => {
    if (lines && headed && !quoted) {
      const at = ++line;
      if (end > from) lines(text, from, end, at);
    } else deliver(splitFields(text, from, end), undefined);
  };
  let first = true;
  for await (let chunk of textChunks(data)) {
    if (chunk === "") continue;
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    first = false;
    if (!quoted && chunk.includes('"')) quoted = true;
    // In pieces of 64 KiB: each piece's rows (an array and strings per row) die young, before
    // the next minor collection, instead of a megabyte's worth surviving into the old generation.
    for (let at = 0; at < chunk.length; at += PIECE) take(at === 0 && chunk.length <= PIECE ? chunk : chunk.slice(at, at + PIECE));
  }
  if (papa) papa.end();
  else if (partial !== "") lineOf(partial, 0, partial.length);
  return headed;
}
