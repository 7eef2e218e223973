/**
 * Plans compared on the same seeded worlds over many seeds.
 *
 * @module
 */
import { DEFAULT_SCENARIO } from "../world/default-scenario.js";
import type { Scenario, ScenarioInput } from "../world/scenario.js";
import type { CompiledPlan, PlanInput } from "../plan/plan.js";
import type { AnyComponentType } from "../plan/contract.js";
import { DownlineInputError } from "../validate/errors.js";
import { planExperiment, runExperimentHere, specOf, summarizeExperiment, worldLabels, type Experiment, type ExperimentArm, type ExperimentOptions, type PlanComparison } from "./experiment.js";

/** A plan on a world of its own, with an optional label: an entry of `comparePlans`'s `plans`. */
export interface PlanOnWorld<Custom extends AnyComponentType = never> {
  readonly plan: PlanInput<Custom> | CompiledPlan;
  /** Its world (default: the comparison's `scenario`). */
  readonly scenario?: ScenarioInput | Scenario;
  /** Its label in the rows (default: the plan's name). */
  readonly label?: string;
}

/** Options of {@link comparePlans}; `Custom`: the custom component types in `components`. */
export interface ComparePlansOptions<Custom extends AnyComponentType = never> extends ExperimentOptions<Custom> {
  /** The plans: plan data (paid on `scenario`), or `{ plan, scenario, label }` for a plan on a world of its own. */
  readonly plans: ReadonlyArray<PlanInput<NoInfer<Custom>> | CompiledPlan | PlanOnWorld<NoInfer<Custom>>>;
  /** The world of every plan given without one (default `DEFAULT_SCENARIO`). */
  readonly scenario?: ScenarioInput | Scenario;
}

const isPlanOnWorld = (p: unknown): p is PlanOnWorld<AnyComponentType> => typeof p === "object" && p !== null && "plan" in p;

/** The comparison's arms: each plan on its world, labelled. Validates every scenario before any run. */
export function comparisonArms(options: Pick<ComparePlansOptions<AnyComponentType>, "plans" | "scenario">): ExperimentArm[] {
  if (!Array.isArray(options.plans)) throw new DownlineInputError("options", [{ path: "plans", message: "expected an array of plans" }]);
  const base = options.scenario ?? DEFAULT_SCENARIO;
  const entries: PlanOnWorld<AnyComponentType>[] = options.plans.map((p) => (isPlanOnWorld(p) ? p : { plan: p }));
  const specs = entries.map((e) => specOf(e.scenario ?? base));
  const worlds = worldLabels(specs);
  return entries.map((e, k) => {
    const name = (e.plan as { name?: unknown }).name;
    return { label: e.label ?? (typeof name === "string" ? name : `plan ${k + 1}`), world: worlds[k]!, plan: e.plan, scenario: specs[k]!, parameters: {} };
  });
}

/** The comparison, resolved into tasks (validated, nothing run): what `downline/parallel` dispatches to workers. */
export function planComparison(options: ComparePlansOptions<AnyComponentType>): Experiment {
  return planExperiment(comparisonArms(options), options);
}

/**
 * Compares plans on the same seeded worlds over S seeds (in this thread; for
 * worker threads, `comparePlans` of `downline/parallel` takes the same
 * options and gives the same bytes). Plans on the same world share its
 * events seed by seed (common random numbers), so their paired differences
 * have intervals much narrower than the plans' own.
 *
 * For each plan and metric ({@link PLAN_METRICS}, over the window, default
 * the last 12 months): the value per seed, the mean, standard deviation and
 * Student-t interval across seeds, and, for every two plans on the same
 * world, the paired difference with its interval.
 *
 * @example
 * const c = await comparePlans({
 *   plans: [PRESETS["wellness-unilevel"], PRESETS["stairstep-breakaway"]],
 *   scenario: { months: 24 },
 *   seeds: 10,
 * });
 * c.summary.find((r) => r.metric === "payoutRatio") // => { plan: "…", world: "default", metric: "payoutRatio", n: 10, mean: …, sd: …, lo: …, hi: … }
 * c.differences.find((r) => r.metric === "payoutRatio") // => { planA: "…", planB: "…", meanDifference: …, lo: …, hi: … }
 */
export async function comparePlans<Custom extends AnyComponentType = never>(options: ComparePlansOptions<Custom>): Promise<PlanComparison> {
  const experiment = planComparison(options);
  const outcomes = await runExperimentHere(experiment, options);
  return summarizeExperiment(experiment, outcomes);
}
