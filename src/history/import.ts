/**
 * Importing a history from CSV or JSON Lines, streamed from whatever the
 * caller supplies: a string, bytes, an iterable or async iterable of strings
 * or byte chunks (a Node file stream is one), or a web `ReadableStream`. No
 * I/O here: the core runs in browsers and workers too; `downline/node` opens
 * files (src/cli/node.ts).
 *
 * CSV is read with Papa Parse (papaparse 5.7.1, RFC 4180: quoted fields,
 * doubled quotes, line breaks inside quotes, `\n` or `\r\n`; text without
 * quotes is split here as it would split it), chunk by chunk, with the
 * first row as the header; a UTF-8 byte-order mark is accepted. JSON
 * Lines: one JSON object per line, keys as the CSV columns, values strings,
 * numbers, booleans or null. Blank lines are skipped (and
 * counted as lines). Line numbers in issues are the file's own, counting the
 * header as line 1 and each line break inside a quoted field.
 *
 * @module
 */
import Papa from "papaparse";
import { DownlineInputError } from "../validate/errors.js";
import {
  addIssue,
  addParsedOrders,
  addRow,
  beginFile,
  createHistoryBuilder,
  finishHistory,
  CUSTOMER_COLUMNS,
  MEMBER_COLUMNS,
  ORDER_COLUMNS,
  type HistoryBuilder,
  type HistoryFileKind,
  type HistoryFileReader,
  type HistoryOptions,
  type ParsedOrders,
} from "./build.js";
import type { History } from "./history.js";

/** A piece of a file: text, or UTF-8 bytes. */
export type HistoryChunk = string | Uint8Array;

/** A file's content: all of it, or chunks (iterable, async iterable, or a web `ReadableStream`). */
export type HistoryData = HistoryChunk | Iterable<HistoryChunk> | AsyncIterable<HistoryChunk> | ReadableStream<HistoryChunk>;

/** A file: its name (used in issues, and for its format: `.jsonl`/`.ndjson` is JSON Lines, else CSV) and its content. */
export interface HistoryFile {
  readonly name: string;
  readonly data: HistoryData;
  /** Overrides the format the name implies. */
  readonly format?: "csv" | "jsonl";
}

/** The files of a history: members (required), customers and orders (optional). */
export interface HistoryInput {
  /** Members: `id, sponsor, joined[, quit][, parent, slot][, package][, role]`. */
  readonly members: HistoryFile | HistoryData;
  /** Customers: `id, distributor, acquired[, churned]`. */
  readonly customers?: HistoryFile | HistoryData;
  /** Orders: `[id,] date, member and/or customer, price, cv[, qv][, recurring]`. */
  readonly orders?: HistoryFile | HistoryData;
}

/** A record of a history file as an object: keys are the columns, values strings, numbers, booleans or null. */
export type HistoryRecord = Readonly<Record<string, string | number | boolean | null | undefined>>;

function isFile(x: unknown): x is HistoryFile {
  return typeof x === "object" && x !== null && !(x instanceof Uint8Array) && "data" in x && "name" in x;
}

function formatOf(file: HistoryFile): "csv" | "jsonl" {
  return file.format ?? (/\.(jsonl|ndjson)$/i.test(file.name) ? "jsonl" : "csv");
}

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

/** Reads one CSV file of a history into the builder. */
async function readCsv(b: HistoryBuilder, kind: HistoryFileKind, name: string, data: HistoryData): Promise<void> {
  let reader: HistoryFileReader | undefined;
  let width = 0;
  const headed = await readCsvRows(data, {
    header(row, line) {
      reader = beginFile(b, kind, name, row, line);
      width = row.length;
    },
    row(row, line) {
      addRow(b, reader!, row, line, row.length, width);
    },
    bad(line, message) {
      if (reader) reader.rowsRead += 1;
      addIssue(b, name, line, "(row)", message);
    },
  });
  if (!headed) addIssue(b, name, 1, "(file)", "the file is empty: expected a header line");
}

/** The canonical columns of a kind, as the `columns` option renames them, lower-cased. */
function columnNames(b: HistoryBuilder, kind: HistoryFileKind): string[] {
  const columns = kind === "members" ? MEMBER_COLUMNS : kind === "customers" ? CUSTOMER_COLUMNS : ORDER_COLUMNS;
  const rename = (b.options.columns?.[kind] ?? {}) as Record<string, string | undefined>;
  return columns.map((c) => (rename[c] ?? c).trim().toLowerCase());
}

/** Reads records given as objects into the builder (JSON Lines, and `historyFromRecords`). */
function recordReader(b: HistoryBuilder, kind: HistoryFileKind, name: string): (record: unknown, line: number) => void {
  const names = columnNames(b, kind);
  const position = new Map(names.map((n, i) => [n, i]));
  const reader = beginFile(b, kind, name, names, 0);
  return (record, line) => {
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      reader.rowsRead += 1;
      addIssue(b, name, line, "(row)", `expected an object, got ${Array.isArray(record) ? "an array" : JSON.stringify(record)}`);
      return;
    }
    const row: string[] = new Array(names.length).fill("");
    let ok = true;
    for (const key of Object.keys(record)) {
      const at = position.get(key.trim().toLowerCase());
      if (at === undefined) continue; // columns not used by downline (names, emails …) are ignored, as in CSV
      const v = (record as Record<string, unknown>)[key];
      if (v === null || v === undefined) continue;
      if (typeof v === "string") row[at] = v;
      else if (typeof v === "number" || typeof v === "boolean") row[at] = String(v);
      else {
        addIssue(b, name, line, names[at]!, `expected a string, a number or a boolean, got ${Array.isArray(v) ? "an array" : "an object"}`);
        ok = false;
      }
    }
    if (ok) addRow(b, reader, row, line);
    else reader.rowsRead += 1;
  };
}

async function readJsonLines(b: HistoryBuilder, kind: HistoryFileKind, name: string, data: HistoryData): Promise<void> {
  const read = recordReader(b, kind, name);
  let rest = "";
  let line = 0;
  const take = (text: string) => {
    line += 1;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === "") return;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (e) {
      addIssue(b, name, line, "(row)", `expected a JSON object (${(e as Error).message})`);
      return;
    }
    read(record, line);
  };
  for await (const chunk of textChunks(data)) {
    const text = rest + chunk;
    let from = 0;
    for (let p = text.indexOf("\n"); p >= 0; p = text.indexOf("\n", from)) {
      take(text.charCodeAt(p - 1) === 13 ? text.slice(from, p - 1) : text.slice(from, p));
      from = p + 1;
    }
    rest = text.slice(from);
  }
  if (rest !== "") take(rest);
}

/**
 * Imports a history from CSV or JSON Lines files: members, then customers,
 * then orders, each streamed; every bad row is reported with its file, line
 * and field (up to `maxIssues`) in one `DownlineInputError`, before any work.
 * The result's `files` count rows read, used and set aside
 * (`historySummary` prints them).
 *
 * @example
 * const history = await importHistory({
 *   members: "id,sponsor,joined\nm1,,2025-01-02\nm2,m1,2025-01-20\n",
 *   orders: { name: "orders.csv", data: "date,member,price,cv\n2025-02-03,m2,100.00,80.00\n" },
 * });
 * history.periods // => 2 (2025-01 and 2025-02)
 * history.orders.cv[0] // => 8000
 */
export async function importHistory(input: HistoryInput, options: HistoryOptions = {}): Promise<History> {
  return importHistoryWith(input, options);
}

/**
 * {@link importHistory}, the orders file (CSV) read into columns elsewhere,
 * as `parseOrders` (parsed-orders.ts) does — `downline/node` does it on a
 * worker thread while the members and customers are read here. The same
 * history, or the same issues; `orders` resolving to undefined (the thread
 * failed) reads the orders file here after all.
 */
export async function importHistoryWith(input: HistoryInput, options: HistoryOptions = {}, orders?: Promise<ParsedOrders | undefined>): Promise<History> {
  if (typeof input !== "object" || input === null || input.members === undefined) {
    throw new DownlineInputError("history", [{ path: "members", message: "expected the members file" }]);
  }
  const b = createHistoryBuilder(options);
  const kinds: HistoryFileKind[] = ["members", "customers", "orders"];
  for (const kind of kinds) {
    const given = input[kind];
    if (given === undefined) continue;
    const file: HistoryFile = isFile(given) ? given : { name: `${kind}.csv`, data: given };
    const format = formatOf(file);
    const parsed = kind === "orders" && format === "csv" && orders ? await orders : undefined;
    if (parsed) addParsedOrders(b, file.name, parsed);
    else if (format === "jsonl") await readJsonLines(b, kind, file.name, file.data);
    else await readCsv(b, kind, file.name, file.data);
  }
  return finishHistory(b);
}

/**
 * A history from records in memory (objects with the files' columns as
 * keys): the same checks and rules as {@link importHistory}, synchronously.
 * Each array is named like a file in issues (`members[3]: sponsor`).
 *
 * @example
 * const history = historyFromRecords({
 *   members: [{ id: "a", sponsor: null, joined: "2025-01-02" }, { id: "b", sponsor: "a", joined: "2025-03-01", quit: "2025-04-30" }],
 * });
 * history.members.quitPeriod[1] // => 4 (she is a member through April, period 3)
 */
export function historyFromRecords(
  records: { readonly members: readonly HistoryRecord[]; readonly customers?: readonly HistoryRecord[]; readonly orders?: readonly HistoryRecord[] },
  options: HistoryOptions = {},
): History {
  const b = createHistoryBuilder(options);
  for (const kind of ["members", "customers", "orders"] as const) {
    const list = records[kind];
    if (list === undefined) continue;
    b.indexed.add(kind);
    const read = recordReader(b, kind, kind);
    for (let i = 0; i < list.length; i++) read(list[i], i);
  }
  return finishHistory(b);
}
