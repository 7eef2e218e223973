/**
 * Where a worker thread's module is, and the Node options it may take:
 * shared by the pools (pool.ts, two-threads.ts) and the orders thread of
 * `downline/node` (orders-thread.ts). No piscina here: `downline/node`
 * imports this without the pools.
 *
 * @module
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/** Node options a worker takes with a value: how modules are found and loaded. */
const WORKER_VALUED = new Set(["--import", "--require", "-r", "--loader", "--experimental-loader", "--conditions", "-C"]);
/** Node options a worker takes alone. */
const WORKER_BARE = /^--(enable-source-maps|no-warnings|no-deprecation|trace-warnings|trace-deprecation|trace-uncaught|(no-)?experimental-[a-z-]+)$/;

/**
 * What of this process's Node options a worker thread may be given: the
 * options that say how modules are found and loaded (`--import`,
 * `--require`, `--loader`, `--conditions`, …) and warnings' switches. A
 * worker refuses V8 and per-process options (`--max-old-space-size`,
 * `--inspect`, …): given one, it fails to start (ERR_WORKER_INVALID_EXEC_ARGV),
 * so `node --max-old-space-size=6144 app.js` could not use the pools. The
 * old-space limit is carried over as the worker's own heap limit.
 *
 * @example
 * workerOptions(["--max-old-space-size=6144", "--import", "tsx"]) // => { execArgv: ["--import", "tsx"], resourceLimits: { maxOldGenerationSizeMb: 6144 } }
 */
export function workerOptions(argv: readonly string[]): { readonly execArgv: string[]; readonly resourceLimits?: { readonly maxOldGenerationSizeMb: number } } {
  const execArgv: string[] = [];
  let oldSpace: number | undefined;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (name === "--max-old-space-size" || name === "--max_old_space_size") {
      const mb = Number(eq < 0 ? argv[++k] : arg.slice(eq + 1));
      if (Number.isFinite(mb) && mb > 0) oldSpace = mb;
    } else if (WORKER_VALUED.has(name)) {
      execArgv.push(arg);
      if (eq < 0 && k + 1 < argv.length) execArgv.push(argv[++k]!);
    } else if (WORKER_BARE.test(name)) execArgv.push(arg);
  }
  return oldSpace === undefined ? { execArgv } : { execArgv, resourceLimits: { maxOldGenerationSizeMb: oldSpace } };
}

/**
 * A worker module and the Node options it needs: the built entry beside this
 * one (`built`), or the TypeScript source (`source`, beside this file) under
 * tsx's loader; this process's options a worker may take (see
 * {@link workerOptions}). Defaults: the experiment pool's worker.
 */
export function workerModule(built = "parallel-worker.js", source = "worker.ts"): { readonly filename: string; readonly execArgv: string[]; readonly resourceLimits?: { readonly maxOldGenerationSizeMb: number } } {
  const here = import.meta.url;
  const own = workerOptions(process.execArgv);
  if (!/\.[cm]?ts$/.test(new URL(here).pathname)) return { filename: new URL(`./${built}`, here).href, ...own };
  // From source (tests, tsx): the worker is TypeScript, so it needs tsx's loader — given
  // to the worker unless the process already runs under it (then the worker inherits it).
  const underTsx = own.execArgv.some((a) => a.includes("tsx"));
  const loader = pathToFileURL(createRequire(here).resolve("tsx")).href;
  return { filename: new URL(`./${source}`, here).href, ...own, execArgv: underTsx ? own.execArgv : [...own.execArgv, "--import", loader] };
}
