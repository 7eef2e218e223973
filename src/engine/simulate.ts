/**
 * The runner: one seeded world, paid period by period under one or several
 * plans (common random numbers: every plan sees the very same events).
 *
 * @module
 */
import { createWorld, stepWorld, type WorldPeriodStats } from "../world/world.js";
import { DEFAULT_SCENARIO } from "../world/default-scenario.js";
import { resolveScenario, type Scenario, type ScenarioInput, type ScenarioSpec } from "../world/scenario.js";
import { compilePlan, type CompiledPlan, type PlanInput } from "../plan/plan.js";
import type { AnyComponentType } from "../plan/contract.js";
import { collectPeriod, createMemberTotals, memberColumns, memberRowsOf, type MemberColumns, type MemberRow, type PeriodRow } from "../analysis/collect.js";
import { createFastEngine } from "./fast.js";
import { createReferenceEngine } from "./reference/reference.js";
import { appendPayout, createLedger, type Ledger } from "./ledger.js";
import { DEFAULT_PLAN } from "./default-plan.js";
import type { PlanEngine } from "./payout.js";

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** The world (default: {@link DEFAULT_SCENARIO}; defaults fill every missing field). */
  readonly scenario?: ScenarioInput | Scenario;
  /** The plan to pay (default: {@link DEFAULT_PLAN}). */
  readonly plan?: PlanInput | CompiledPlan;
  /** Custom component types the plan uses (see `defineComponent`); they run on both engines. */
  readonly components?: readonly AnyComponentType[];
  /** The run's seed. Default 42. */
  readonly seed?: number | string;
  /** `"fast"` (default) or `"reference"` (decimal.js, order by order; small worlds only). */
  readonly engine?: "fast" | "reference";
  /** Keep the ledger (default true). Totals and rows are kept either way. */
  readonly ledger?: boolean;
  /** Called after each period with its row (progress, streaming). */
  readonly onPeriod?: (row: PeriodRow, stats: WorldPeriodStats) => void;
}

/** The outcome of a run under one plan. Money in integer minor units. */
export interface SimulationResult {
  readonly seed: number | string;
  readonly scenario: ScenarioSpec;
  /** Minor-unit digits of the scenario's currency. */
  readonly digits: number;
  readonly plan: { readonly name: string; readonly components: readonly string[]; readonly source: Readonly<Record<string, unknown>> };
  readonly engine: "fast" | "reference";
  readonly periods: PeriodRow[];
  /** Per-member results as typed-array columns (index = member). */
  readonly memberColumns: MemberColumns;
  /** Per-member results as records: built from `memberColumns` on first access, then kept. */
  readonly members: MemberRow[];
  /** Empty when the run was asked not to keep it. */
  readonly ledger: Ledger;
}

/**
 * Runs a scenario under a plan.
 *
 * @example
 * const result = simulate({ scenario: { months: 12 }, seed: 1 });
 * result.periods.length // => 12
 */
export function simulate(options: SimulateOptions = {}): SimulationResult {
  const { plan, onPeriod, ...rest } = options;
  return simulatePlans({
    ...rest,
    plans: [plan ?? DEFAULT_PLAN],
    ...(onPeriod ? { onPeriod: (rows: PeriodRow[], stats: WorldPeriodStats) => onPeriod(rows[0]!, stats) } : {}),
  })[0]!;
}

/** Options of {@link simulatePlans}. */
export interface SimulatePlansOptions extends Omit<SimulateOptions, "plan" | "onPeriod"> {
  readonly plans: ReadonlyArray<PlanInput | CompiledPlan>;
  readonly onPeriod?: (rows: PeriodRow[], stats: WorldPeriodStats) => void;
}

/**
 * Runs one world and pays it under several plans, period by period: the plans
 * see identical events (common random numbers), so their differences are the
 * plans' alone.
 */
export function simulatePlans(options: SimulatePlansOptions): SimulationResult[] {
  const scenario = resolveScenario(options.scenario ?? DEFAULT_SCENARIO);
  const plans = options.plans.map((p) => compilePlan(p, { currency: scenario.spec.currency, ...(options.components ? { components: options.components } : {}) }));
  const kind = options.engine ?? "fast";
  const engines: PlanEngine[] = plans.map((p) =>
    kind === "fast" ? createFastEngine(p) : createReferenceEngine(p),
  );
  const seed = options.seed ?? 42;
  const world = createWorld(scenario, { seed, recordOrders: kind === "reference" });
  const keepLedger = options.ledger ?? true;
  const runs = plans.map((p) => {
    const names = p.components.map((c) => c.name);
    return { names, ledger: createLedger(names), totals: createMemberTotals(names), periods: [] as PeriodRow[] };
  });
  for (let t = 0; t < scenario.periods; t++) {
    const { network, stats } = stepWorld(world);
    const rows = engines.map((engine, k) => {
      const payout = engine.pay(network);
      const run = runs[k]!;
      if (keepLedger) appendPayout(run.ledger, payout);
      const row = collectPeriod(run.totals, stats, payout, world.ownSpend);
      run.periods.push(row);
      return row;
    });
    options.onPeriod?.(rows, stats);
  }
  return plans.map((p, k) => {
    const columns = memberColumns(runs[k]!.totals, world);
    let rows: MemberRow[] | undefined;
    return {
      seed,
      scenario: scenario.spec,
      digits: scenario.digits,
      plan: { name: p.name, components: runs[k]!.names, source: p.source },
      engine: kind,
      periods: runs[k]!.periods,
      memberColumns: columns,
      get members() {
        return (rows ??= memberRowsOf(columns));
      },
      ledger: runs[k]!.ledger,
    };
  });
}
