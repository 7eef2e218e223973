/**
 * Reading a history's orders file on a second thread: `readHistoryFiles`
 * (`downline/node`) starts it first, reads the members and customers on its
 * own thread meanwhile, then checks the orders' columns against them
 * (`importHistoryWith`). Same history and issues as one thread: the orders
 * thread only reads what a row says by itself (parsed-orders.ts).
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import type { HistoryOptions, ParsedOrders } from "../history/build.js";
import { workerModule } from "./worker-module.js";

/** What the orders thread is given. */
export interface OrdersThreadData {
  readonly path: string;
  readonly options: HistoryOptions;
}

/**
 * Starts reading the CSV file at `path` into columns on a worker thread.
 * `columns` resolves to them, or to undefined if the thread failed (a
 * missing file, say): the caller then reads the file itself, and meets the
 * same error there. `stop` ends the thread (when the import ends without
 * the columns: bad options). Undefined where no thread starts (a CommonJS
 * build has no module URL to find the worker by).
 */
export function parseOrdersOnThread(path: string, options: HistoryOptions): { readonly columns: Promise<ParsedOrders | undefined>; stop(): void } | undefined {
  let worker: Worker;
  try {
    const { filename, execArgv, resourceLimits } = workerModule("orders-worker.js", "orders-worker.ts");
    const workerData: OrdersThreadData = { path, options };
    const limits = resourceLimits ? { resourceLimits } : {};
    if (filename.endsWith(".ts")) {
      // From source (tests, tsx): a worker's entry is not run through a loader given in its
      // execArgv, so a bootstrap registers tsx's loader in the worker, then imports the TypeScript.
      const tsx = import.meta.resolve("tsx/esm/api");
      const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(filename)}); })`;
      worker = new Worker(boot, { eval: true, workerData, ...limits });
    } else worker = new Worker(new URL(filename), { workerData, execArgv, ...limits });
  } catch {
    return undefined;
  }
  const columns = new Promise<ParsedOrders | undefined>((resolve) => {
    worker.once("message", (parsed: ParsedOrders) => resolve(parsed));
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
  return { columns, stop: () => void worker.terminate() };
}
