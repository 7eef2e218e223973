/**
 * `downline/parallel`: one run on two threads (`simulateTwoThreads`: the
 * world a period ahead on a worker thread), and the Monte Carlo runners on
 * worker threads. The same
 * `comparePlans` and `sweepParameters` as the main entry, with a `workers`
 * option; the results are identical byte for byte whatever the number of
 * workers (each run is a pure function of its inputs, merged in seed order).
 * With `workers` 0 or 1 they run in this thread, through the same code as the
 * main entry's. A separate entry because worker threads need Node
 * (`node:worker_threads`): the main entry stays free of Node built-ins.
 *
 * Plans must be plan data (as written, JSON-like) and custom components are
 * not supported on worker threads (functions cannot cross to them): use
 * `workers: 1` for those.
 *
 * @packageDocumentation
 */
import { comparisonArms, type ComparePlansOptions } from "../run/compare-plans.js";
import { planExperiment, runExperimentHere, summarizeExperiment, type Experiment, type ExperimentOptions, type ExperimentOutcome, type PlanComparison } from "../run/experiment.js";
import { planSweep, sweepResults, type ParameterSweep, type SweepOptions } from "../run/sweep-parameters.js";
import type { AnyComponentType } from "../plan/contract.js";
import { resolveWorkers, runOnWorkers } from "./pool.js";

/** What the parallel runners add to the main entry's options. */
export interface WorkerOptions {
  /**
   * Worker threads (default: the machine's available parallelism). 0 or 1
   * runs in this thread. Each worker holds one world at a time.
   */
  readonly workers?: number;
}

async function run(experiment: Experiment, options: ExperimentOptions & WorkerOptions): Promise<ExperimentOutcome[]> {
  const workers = resolveWorkers(options.workers);
  return workers <= 1 ? runExperimentHere(experiment, options) : runOnWorkers(experiment, workers, options);
}

/**
 * `comparePlans` on worker threads: plans on the same seeded worlds over
 * many seeds, with means, Student-t intervals and paired differences.
 *
 * @example
 * import { comparePlans } from "downline/parallel";
 * const c = await comparePlans({ plans: [PRESETS["wellness-unilevel"], PRESETS["stairstep-breakaway"]], seeds: 20, workers: 2 });
 * JSON.stringify(c) === JSON.stringify(await comparePlans({ plans: [...], seeds: 20, workers: 1 })) // => true
 */
export async function comparePlans<Custom extends AnyComponentType = never>(options: ComparePlansOptions<Custom> & WorkerOptions): Promise<PlanComparison> {
  const experiment = planExperiment(comparisonArms(options), options);
  return summarizeExperiment(experiment, await run(experiment, options));
}

/**
 * `sweepParameters` on worker threads: scenario fields over values × plans × seeds.
 *
 * @example
 * import { sweepParameters } from "downline/parallel";
 * const s = await sweepParameters({ plans: [DEFAULT_PLAN], grid: { "market.prospects": [100_000, 250_000] }, seeds: 10, workers: 2 });
 * s.points.length // => 2
 */
export async function sweepParameters<Custom extends AnyComponentType = never>(options: SweepOptions<Custom> & WorkerOptions): Promise<ParameterSweep> {
  const { experiment, points } = planSweep(options);
  return sweepResults(summarizeExperiment(experiment, await run(experiment, options)), points);
}

export { simulateTwoThreads, type TwoThreadsReport } from "./two-threads.js";
export type { ComparePlansOptions, PlanOnWorld } from "../run/compare-plans.js";
export type { SweepOptions, ParameterSweep, SweepColumns } from "../run/sweep-parameters.js";
export type { ExperimentOptions, PlanComparison, ComparisonArm, ComparisonValueRow, ComparisonSummaryRow, ComparisonDifferenceRow, ComparisonDisclosure } from "../run/experiment.js";
