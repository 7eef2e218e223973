/**
 * The runner for one plan.
 *
 * @module
 */
import type { CollectorFactories, CollectorResults } from "../analysis/collector.js";
import type { PeriodRow } from "../analysis/period-rows.js";
import type { SimulationResult } from "../analysis/result.js";
import type { PeriodPayout } from "../engine/payout.js";
import { DEFAULT_PLAN } from "../engine/default-plan.js";
import type { CompiledPlan, PlanInput } from "../plan/plan.js";
import type { AnyComponentType } from "../plan/contract.js";
import type { WorldPeriodStats } from "../world/world.js";
import type { RunOptions } from "./prepared-run.js";
import { checkSimulateOptions } from "./options.js";
import { runPlansUnchecked } from "./simulate-plans.js";

/** Options of {@link simulate}; `Custom`: the custom component types in `components`. */
export interface SimulateOptions<C extends CollectorFactories = CollectorFactories, Custom extends AnyComponentType = never> extends Omit<RunOptions<C, Custom>, "plans"> {
  /** The plan to pay (default: `DEFAULT_PLAN`); its entries the built-in components' and those of `components`. */
  readonly plan?: PlanInput<NoInfer<Custom>> | CompiledPlan;
  /**
   * Called after each period with its row, the world's counts and the plan's
   * payout (progress, streaming). The payout's arrays are valid during the
   * call only.
   */
  readonly onPeriod?: (row: PeriodRow, stats: WorldPeriodStats, payout: PeriodPayout) => void;
}

/**
 * Runs a scenario under a plan. Extra collectors, by name, add their results
 * to `result.collected`. Every option is checked first, with field-path
 * errors (`downline/options: seed: expected a seed: …, got NaN`), then the
 * scenario, the plan and the run's memory estimate: all before any work.
 *
 * @example
 * const result = simulate({ scenario: { months: 12 }, seed: 1 });
 * result.periods.length // => 12
 */
export function simulate<C extends CollectorFactories = Record<never, never>, Custom extends AnyComponentType = never>(options: SimulateOptions<C, Custom> = {}): SimulationResult<CollectorResults<C>> {
  checkSimulateOptions(options);
  const { plan, onPeriod, ...rest } = options;
  return runPlansUnchecked<C>({
    ...rest,
    plans: [plan ?? DEFAULT_PLAN],
    ...(onPeriod ? { onPeriod: (rows: PeriodRow[], stats: WorldPeriodStats, payouts: PeriodPayout[]) => onPeriod(rows[0]!, stats, payouts[0]!) } : {}),
  })[0]!;
}
