/**
 * Runs an experiment's tasks on a pool of worker threads (piscina). Each task
 * is plain data and a pure function of itself; outcomes are merged by task
 * index, so nothing depends on which worker ran what, or when.
 *
 * @module
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { hasFunctions, throwIfAborted, type Experiment, type ExperimentOptions, type ExperimentOutcome } from "../run/experiment.js";
import { DownlineInputError } from "../validate/errors.js";

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

/** Checks the `workers` option: a whole number from 0 to 256; default: the machine's available parallelism. */
export function resolveWorkers(workers: number | undefined): number {
  if (workers === undefined) return availableParallelism();
  if (!Number.isInteger(workers) || workers < 0 || workers > 256) {
    throw new DownlineInputError("options", [{ path: "workers", message: `expected a whole number of worker threads from 0 to 256, got ${String(workers)}` }]);
  }
  return workers;
}

/**
 * Runs every task on `workers` threads (at most one per task), reporting
 * progress as runs finish. An abort rejects with the signal's reason and
 * stops the threads. The signal gets one abort listener per run, removed when
 * the run ends (not one per task: the tasks are queued at once, and a listener
 * each would pile up on the caller's signal).
 */
export async function runOnWorkers(experiment: Experiment, workers: number, options: Pick<ExperimentOptions, "onProgress" | "signal" | "components">): Promise<ExperimentOutcome[]> {
  const { signal, onProgress } = options;
  if (options.components && options.components.length > 0) {
    throw new DownlineInputError("options", [{ path: "components", message: "expected no custom components with worker threads (functions cannot cross to a worker): use workers: 1" }]);
  }
  experiment.tasks[0]?.plans.forEach((_, k) => {
    if (experiment.tasks.some((t) => t.plans[k] !== undefined && hasFunctions(t.plans[k]))) {
      throw new DownlineInputError("options", [{ path: `plans`, message: "expected plan data (a compiled plan cannot cross to a worker thread): pass the plan as written, or use workers: 1" }]);
    }
  });
  throwIfAborted(signal);
  const total = experiment.tasks.length;
  const threads = Math.max(1, Math.min(workers, total));
  const { filename, execArgv, resourceLimits } = workerModule();
  const pool = new Piscina<unknown, ExperimentOutcome>({ filename, minThreads: threads, maxThreads: threads, execArgv, ...(resourceLimits ? { resourceLimits } : {}), idleTimeout: 1000 });
  const outcomes: ExperimentOutcome[] = new Array(total);
  let done = 0;
  try {
    const all = Promise.all(
      experiment.tasks.map(async (task) => {
        // No signal per task: on an abort, the pool is destroyed below (queued
        // tasks dropped, running threads terminated).
        const outcome = await pool.run(task);
        outcomes[outcome.index] = outcome;
        done += 1;
        onProgress?.({ done, total });
      }),
    );
    if (!signal) {
      await all;
    } else {
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(signal.reason ?? new Error("downline/parallel: aborted"));
        signal.addEventListener("abort", onAbort, { once: true });
      });
      // Whichever settles first decides; the other's rejection is expected and handled here.
      all.catch(() => {});
      aborted.catch(() => {});
      try {
        await Promise.race([all, aborted]);
      } finally {
        signal.removeEventListener("abort", onAbort);
      }
    }
    throwIfAborted(signal);
    return outcomes;
  } finally {
    await pool.destroy();
  }
}
