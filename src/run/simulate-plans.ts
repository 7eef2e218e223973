/**
 * The runner: one seeded world, paid period by period under several plans
 * (common random numbers: every plan sees the very same events).
 *
 * @module
 */
import type { CollectorFactories, CollectorResults } from "../analysis/collector.js";
import type { SimulationResult } from "../analysis/result.js";
import type { AnyComponentType } from "../plan/contract.js";
import type { CompiledPlan, PlanInput } from "../plan/plan.js";
import { checkSimulatePlansOptions } from "./options.js";
import { collectResults, prepareRun, runPeriods, type PlansPeriodListener, type RunOptions } from "./prepared-run.js";

/** Options of {@link simulatePlans}; `Custom`: the custom component types in `components`. */
export interface SimulatePlansOptions<C extends CollectorFactories = CollectorFactories, Custom extends AnyComponentType = never> extends RunOptions<C, Custom> {
  /**
   * Called after each period, once every plan has paid it and its collectors
   * have recorded it: each plan's period row and payout (in plan order), and
   * the world's counts. The payouts' arrays are valid during the call only.
   */
  readonly onPeriod?: PlansPeriodListener;
}

/**
 * The results of {@link simulatePlans}, one per plan in plan order: a tuple
 * as long as the `plans` given as a tuple (`[a, b]` → `[resultA, resultB]`),
 * an array for an array.
 */
export type SimulationResults<Plans extends readonly unknown[], R extends Readonly<Record<string, unknown>> = Record<never, never>> = { -readonly [K in keyof Plans]: SimulationResult<R> };

/**
 * Runs one world and pays it under several plans, period by period: the plans
 * see identical events (common random numbers), so their differences are the
 * plans' alone. Each plan gets its own built-in and extra collectors.
 * Every option is checked first (a `DownlineInputError` from `"options"`
 * names each bad one), then the scenario and the plans, then the
 * run's memory estimate against `budget`: all before any work. The results
 * keep the plans' order, and their arity: two plans given as `[a, b]` give a
 * pair.
 *
 * @example
 * const flat: PlanInput = { name: "Flat", components: [{ type: "unilevel", rates: ["0.10", "0.10"] }] };
 * const [a, b] = simulatePlans({ scenario: { months: 12 }, seed: 1, plans: [DEFAULT_PLAN, flat] });
 * a.periods[3].revenue === b.periods[3].revenue // => true (same world)
 */
export function simulatePlans<C extends CollectorFactories = Record<never, never>, Custom extends AnyComponentType = never, const Plans extends readonly unknown[] = readonly unknown[]>(
  options: Omit<SimulatePlansOptions<C, Custom>, "plans"> & { readonly plans: readonly [...{ [K in keyof Plans]: PlanInput<NoInfer<Custom>> | CompiledPlan }] },
): SimulationResults<Plans, CollectorResults<C>> {
  checkSimulatePlansOptions(options);
  return runPlansUnchecked(options) as SimulationResults<Plans, CollectorResults<C>>;
}

/** {@link simulatePlans} without its options check: for `simulate`, which has checked its own. */
export function runPlansUnchecked<C extends CollectorFactories>(options: SimulatePlansOptions<C, AnyComponentType>): SimulationResult<CollectorResults<C>>[] {
  const run = prepareRun(options);
  runPeriods(run, options.onPeriod);
  return collectResults<C>(run);
}
