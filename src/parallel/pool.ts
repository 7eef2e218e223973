/**
 * Runs an experiment's tasks on a pool of worker threads (piscina). Each task
 * is plain data and a pure function of itself; outcomes are merged by task
 * index, so nothing depends on which worker ran what, or when.
 *
 * @module
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { hasFunctions, throwIfAborted, type Experiment, type ExperimentOptions, type ExperimentOutcome } from "../run/experiment.js";
import { DownlineInputError } from "../validate/errors.js";
import { workerModule } from "./worker-module.js";

export { workerModule, workerOptions } from "./worker-module.js";

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
