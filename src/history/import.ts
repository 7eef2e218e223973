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
import { parseOrders } from "./parsed-orders.js";
import { readCsvRows, textChunks, type HistoryData } from "./csv.js";

export { guessLineBreak, readCsvRows, splitFields, textChunks, type CsvSink, type HistoryChunk, type HistoryData } from "./csv.js";

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
 * (`historySummary` prints them). A CSV orders file is read into columns
 * (`parseOrders`: dates, amounts and numbered ids read from each line's
 * text, no string per field), then checked like any other rows;
 * `readHistoryFiles` (`downline/node`) does that part on a second thread.
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
  return importHistoryWith(input, options, null);
}

/**
 * {@link importHistory}, the orders file (CSV) read into columns elsewhere,
 * as `parseOrders` (parsed-orders.ts) does — `downline/node` does it on a
 * worker thread while the members and customers are read here. The same
 * history, or the same issues, whichever way: `orders` the columns read
 * ahead; `null`, read into columns here (what `importHistory` does);
 * omitted, or resolving to undefined (the thread failed), the orders file
 * read here row by row.
 */
export async function importHistoryWith(input: HistoryInput, options: HistoryOptions = {}, orders?: Promise<ParsedOrders | undefined> | null): Promise<History> {
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
    // A CSV orders file is read into columns (parseOrders): ahead on another thread when the caller
    // did (`orders`), else here (`null`); undefined (the thread failed): row by row.
    const parsed = kind === "orders" && format === "csv" && orders !== undefined ? await (orders ?? parseOrders(file.data, options)) : undefined;
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
