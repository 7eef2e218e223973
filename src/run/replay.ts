/**
 * The runner for a history: every historical period paid under one or
 * several plans, through the same loop, engines and collectors as
 * `simulate` (src/run/prepared-run.ts).
 *
 * @module
 */
import type { CollectorFactories, CollectorResults } from "../analysis/collector.js";
import type { PeriodRow } from "../analysis/period-rows.js";
import type { SimulationResult } from "../analysis/result.js";
import type { PeriodPayout } from "../engine/payout.js";
import type { History } from "../history/history.js";
import type { CompiledPlan, PlanInput } from "../plan/plan.js";
import type { AnyComponentType } from "../plan/contract.js";
import { resolveScenario, type Scenario, type ScenarioInput } from "../world/scenario.js";
import type { WorldPeriodStats } from "../world/world.js";
import { collectResults, prepareRun, runPeriods } from "./prepared-run.js";
import type { SimulationResults } from "./simulate-plans.js";

/** Options of {@link replay}; `Custom`: the custom component types in `components`. */
export interface ReplayOptions<C extends CollectorFactories = CollectorFactories, Custom extends AnyComponentType = never> {
  /** `"fast"` (default) or `"reference"` (decimal.js, order by order; small histories only). */
  readonly engine?: "fast" | "reference";
  /** Keep the ledger (default true). */
  readonly ledger?: boolean;
  /** Extra collectors, by name, as for `simulate`. */
  readonly collectors?: C;
  /** Custom component types the plans use. */
  readonly components?: readonly Custom[];
  /**
   * The world the history is replayed in, as a scenario: its market (the
   * prospects the history's members and customers use up, as `prospectsLeft`
   * reports), and the placement mode that places members when the history
   * has no placement tree (binary and matrix plans; a history with positions
   * keeps them, and a placement given here must then have their width). Its
   * currency and period length default to the history's (and must be
   * theirs); its `months` is ignored: a replay runs the history's periods.
   */
  readonly scenario?: ScenarioInput;
  /**
   * The seed of the members' identity keys (their keyed draws). A replay
   * draws nothing: its results do not depend on it; it is kept in the result.
   */
  readonly seed?: number | string;
  /** Called after each period, once every plan has paid it: each plan's row and payout, and the period's counts. */
  readonly onPeriod?: (rows: PeriodRow[], stats: WorldPeriodStats, payouts: PeriodPayout[]) => void;
}

/** The scenario a replay runs in: the history's currency, period length and placement (unless given); its periods. */
export function replayScenario(history: History, input: ScenarioInput = {}): Scenario {
  const tree = history.members.placement;
  const derived: ScenarioInput["placement"] = tree === undefined ? undefined : tree.width === 2 ? { kind: "binary", mode: "spillover" } : { kind: "matrix", width: tree.width };
  const months = history.calendar.period === "month" ? history.periods : Math.ceil((history.periods * 12) / 52);
  const placement = input.placement ?? derived;
  const scenario = resolveScenario({
    name: "replay",
    currency: history.currency,
    period: history.calendar.period,
    ...input,
    // A history brings its own members: no generated network beside them.
    start: { ...input.start, network: null },
    months: Math.min(1200, Math.max(1, months)),
    ...(placement ? { placement } : {}),
  });
  return { ...scenario, periods: history.periods };
}

/**
 * Pays every period of a history under a plan — or under several plans at
 * once, every plan seeing the identical history — with the same results as
 * `simulate`: period rows, member columns and rows, the ledger, extra
 * collectors. Member indices are the history's (join order:
 * `history.members.ids.text(i)` is member i's external id); period t is the
 * history's period t (`periodLabel(history.calendar, t)`).
 *
 * @example
 * const history = historyFromRecords({
 *   members: [{ id: "a", sponsor: "", joined: "2025-01-02" }, { id: "b", sponsor: "a", joined: "2025-01-05" }],
 *   orders: [{ date: "2025-01-10", member: "b", price: "100.00", cv: "100.00" }],
 * });
 * const result = replay(history, { activity: { minPv: "0" }, components: [{ type: "unilevel", rates: ["0.10"] }] });
 * result.members[0].earnings // => 1000 (10% of b's 100.00 order, to a)
 * replay(history, [DEFAULT_PLAN, DEFAULT_PLAN]).length // => 2 (a pair: as many results as plans)
 */
export function replay<C extends CollectorFactories = Record<never, never>, Custom extends AnyComponentType = never>(
  history: History,
  plan: PlanInput<NoInfer<Custom>> | CompiledPlan,
  options?: ReplayOptions<C, Custom>,
): SimulationResult<CollectorResults<C>>;
export function replay<C extends CollectorFactories = Record<never, never>, Custom extends AnyComponentType = never, const Plans extends readonly unknown[] = readonly unknown[]>(
  history: History,
  plans: readonly [...{ [K in keyof Plans]: PlanInput<NoInfer<Custom>> | CompiledPlan }],
  options?: ReplayOptions<C, Custom>,
): SimulationResults<Plans, CollectorResults<C>>;
export function replay<C extends CollectorFactories = Record<never, never>>(
  history: History,
  planOrPlans: PlanInput<AnyComponentType> | CompiledPlan | ReadonlyArray<PlanInput<AnyComponentType> | CompiledPlan>,
  options: ReplayOptions<C, AnyComponentType> = {},
): SimulationResult<CollectorResults<C>> | SimulationResult<CollectorResults<C>>[] {
  const plans = Array.isArray(planOrPlans) ? (planOrPlans as ReadonlyArray<PlanInput<AnyComponentType> | CompiledPlan>) : [planOrPlans as PlanInput<AnyComponentType> | CompiledPlan];
  const { onPeriod, scenario, ...rest } = options;
  const run = prepareRun({ ...rest, scenario: replayScenario(history, scenario), plans }, { kind: "history", history });
  runPeriods(run, onPeriod);
  const results = collectResults<C>(run);
  return Array.isArray(planOrPlans) ? results : results[0]!;
}
