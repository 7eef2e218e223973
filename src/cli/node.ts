/**
 * `downline/node`: the history importers reading files from disk, for Node.
 * The library's core does no I/O (it takes text, bytes or streams); these
 * open the files and hand their text over in 1 MiB chunks (file-text.ts),
 * so a file of any size is never read whole.
 *
 * @module
 */
import { basename } from "node:path";
import type { HistoryOptions } from "../history/build.js";
import type { History } from "../history/history.js";
import { importHistoryWith, type HistoryFile } from "../history/import.js";
import { importPaid, type PaidAmounts, type PaidOptions } from "../history/paid.js";
import { fileText } from "../parallel/file-text.js";
import { parseOrdersOnThread } from "../parallel/orders-thread.js";

/** A file on disk as the importers take it: its name (for issues and its format) and its text in 1 MiB chunks (opened when read). */
function fileAt(path: string): HistoryFile {
  return { name: basename(path), data: fileText(path) };
}

/**
 * Imports a history from files: CSV, or JSON Lines for names ending in
 * `.jsonl`/`.ndjson`. Issues name each file by its base name
 * (`members.csv:12: sponsor`). A CSV orders file is read on a second
 * thread while the members and customers are read (the same history and
 * issues as on one; one thread where a worker cannot start).
 *
 * @example
 * import { readHistoryFiles } from "downline/node";
 * const history = await readHistoryFiles({ members: "data/members.csv", customers: "data/customers.csv", orders: "data/orders.csv" });
 */
export async function readHistoryFiles(paths: { readonly members: string; readonly customers?: string; readonly orders?: string }, options: HistoryOptions = {}): Promise<History> {
  const orders = paths.orders !== undefined ? fileAt(paths.orders) : undefined;
  // The orders on a thread of their own when they are CSV (JSON Lines are read here).
  const ahead = paths.orders !== undefined && !/\.(jsonl|ndjson)$/i.test(paths.orders) ? parseOrdersOnThread(paths.orders, options) : undefined;
  try {
    return await importHistoryWith(
      {
        members: fileAt(paths.members),
        ...(paths.customers !== undefined ? { customers: fileAt(paths.customers) } : {}),
        ...(orders ? { orders } : {}),
      },
      options,
      // No thread (none starts here): the orders read into columns on this thread.
      ahead ? ahead.columns : null,
    );
  } finally {
    ahead?.stop();
  }
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
