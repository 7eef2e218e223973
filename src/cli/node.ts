/**
 * `downline/node`: the history importers reading files from disk, for Node.
 * The library's core does no I/O (it takes text, bytes or streams); these
 * open the files as streams and hand them over, so a file of any size is
 * read in 1 MiB chunks, never whole.
 *
 * @module
 */
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import type { HistoryOptions } from "../history/build.js";
import type { History } from "../history/history.js";
import { importHistory, type HistoryFile } from "../history/import.js";
import { importPaid, type PaidAmounts, type PaidOptions } from "../history/paid.js";

/** A file on disk as the importers take it: its name (for issues and its format) and a 1 MiB-chunk stream. */
function fileAt(path: string): HistoryFile {
  return { name: basename(path), data: createReadStream(path, { highWaterMark: 1 << 20 }) };
}

/**
 * Imports a history from files: CSV, or JSON Lines for names ending in
 * `.jsonl`/`.ndjson`. Issues name each file by its base name
 * (`members.csv:12: sponsor`).
 *
 * @example
 * import { readHistoryFiles } from "downline/node";
 * const history = await readHistoryFiles({ members: "data/members.csv", customers: "data/customers.csv", orders: "data/orders.csv" });
 */
export async function readHistoryFiles(paths: { readonly members: string; readonly customers?: string; readonly orders?: string }, options: HistoryOptions = {}): Promise<History> {
  return importHistory(
    {
      members: fileAt(paths.members),
      ...(paths.customers !== undefined ? { customers: fileAt(paths.customers) } : {}),
      ...(paths.orders !== undefined ? { orders: fileAt(paths.orders) } : {}),
    },
    options,
  );
}

/**
 * Reads a file of amounts actually paid (`member,period,amount[,component]`)
 * against a history, for `reconcile`.
 *
 * @example
 * import { readPaidFile } from "downline/node";
 * const paid = await readPaidFile("data/paid.csv", history);
 */
export async function readPaidFile(path: string, history: History, options: PaidOptions = {}): Promise<PaidAmounts> {
  return importPaid(fileAt(path), history, options);
}
