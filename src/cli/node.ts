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
import { importHistoryWith, type HistoryFile } from "../history/import.js";
import { importPaid, type PaidAmounts, type PaidOptions } from "../history/paid.js";
import { parseOrdersOnThread } from "../parallel/orders-thread.js";

/** A file on disk as the importers take it: its name (for issues and its format) and a 1 MiB-chunk stream. */
function fileAt(path: string): HistoryFile {
  return { name: basename(path), data: createReadStream(path, { highWaterMark: 1 << 20 }) };
}

/** A file on disk opened only when read (the orders file may be read on another thread instead). */
function lazyFileAt(path: string): HistoryFile {
  return {
    name: basename(path),
    data: {
      async *[Symbol.asyncIterator]() {
        yield* createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>;
      },
    },
  };
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
  const orders = paths.orders !== undefined ? lazyFileAt(paths.orders) : undefined;
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
      ahead?.columns,
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
