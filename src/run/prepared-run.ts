/**
 * The runner's three steps, apart: prepare (resolve, compile, build the world,
 * the engines and every collector), run the periods, gather the results.
 * `simulatePlans` is the three in a row. They are apart so that the one period
 * loop of the library is this file's `runPeriods`: tools that must see inside
 * a run (the benchmarks' time split) wrap the prepared run's step, engines or
 * collectors, and run the very same loop rather than a copy of it.
 *
 * @module
 */
import { createWorld, stepWorld, type World, type WorldPeriodStats } from "../world/world.js";
import { DEFAULT_SCENARIO } from "../world/default-scenario.js";
import type { PeriodNetwork } from "../world/network.js";
import { resolveScenario, type Scenario, type ScenarioInput } from "../world/scenario.js";
import { compilePlan, type CompiledPlan, type PlanInput } from "../plan/plan.js";
import { scenarioForPlans } from "./structure.js";
import type { AnyComponentType } from "../plan/contract.js";
import { createFastEngine } from "../engine/fast.js";
import { createReferenceEngine } from "../engine/reference/reference.js";
import type { PeriodPayout, PlanEngine } from "../engine/payout.js";
import type { Collector, CollectorFactories, CollectorResults, CollectorSetup } from "../analysis/collector.js";
import { createLedger, ledgerCollector, type Ledger } from "../analysis/ledger.js";
import { memberTotalsCollector, type MemberColumns } from "../analysis/member-totals.js";
import { memberRowsOf, type MemberRow } from "../analysis/member-rows.js";
import { periodRowsCollector, type PeriodRow } from "../analysis/period-rows.js";
import { memberPeriodsCollector, resolveMemberPeriodsOptions, type MemberPeriods, type MemberPeriodsOptions } from "../analysis/member-periods.js";
import type { SimulationResult } from "../analysis/result.js";

/** Options of a run under several plans (see `simulatePlans`). */
export interface RunOptions<C extends CollectorFactories = CollectorFactories> {
  /** The world (default: `DEFAULT_SCENARIO`; defaults fill every missing field). */
  readonly scenario?: ScenarioInput | Scenario;
  /** The plans to pay, each on the same world. */
  readonly plans: ReadonlyArray<PlanInput | CompiledPlan>;
  /** Custom component types the plans use (see `defineComponent`); they run on both engines. */
  readonly components?: readonly AnyComponentType[];
  /** The run's seed. Default 42. */
  readonly seed?: number | string;
  /** `"fast"` (default) or `"reference"` (decimal.js, order by order; small worlds only). */
  readonly engine?: "fast" | "reference";
  /** Keep the ledger (default true). Totals and rows are kept either way. */
  readonly ledger?: boolean;
  /**
   * Keep per-member, per-period results (`result.memberPeriods`): `true` for
   * the default columns, or `{ columns, from, to }`. Default off: it grows
   * with members × periods.
   */
  readonly memberPeriods?: boolean | MemberPeriodsOptions;
  /**
   * Extra collectors, by name: each is created once per plan and called after
   * every period, after the built-in ones; its result is
   * `result.collected[name]`.
   */
  readonly collectors?: C;
}

/** A collector and the name its result is reported under. */
export interface NamedCollector {
  readonly name: string;
  readonly collector: Collector<unknown>;
}

/** One plan's part of a prepared run. */
export interface PlanRun {
  readonly setup: CollectorSetup;
  readonly engine: PlanEngine;
  /** The built-in collectors, in call order: `ledger` (when kept), `periods`, `members`, `memberPeriods` (when asked). */
  readonly builtIns: readonly NamedCollector[];
  /** The `collectors` option's, in its key order; called after the built-ins. */
  readonly extras: readonly NamedCollector[];
  /** The period rows so far (the `periods` collector's own array). */
  readonly rows: readonly PeriodRow[];
}

/** A run, ready to go: the world at its start, one engine and its collectors per plan. */
export interface PreparedRun {
  readonly seed: number | string;
  readonly scenario: Scenario;
  readonly engine: "fast" | "reference";
  readonly world: World;
  /** Steps the world one period (the only source of periods today; replayed history would be another). */
  readonly step: () => { network: PeriodNetwork; stats: WorldPeriodStats };
  readonly plans: readonly PlanRun[];
}

/** What `onPeriod` of `simulatePlans` receives: each plan's row and payout, in plan order. */
export type PlansPeriodListener = (rows: PeriodRow[], stats: WorldPeriodStats, payouts: PeriodPayout[]) => void;

/** Resolves and validates everything, builds the world, the engines and the collectors. No period is run. */
export function prepareRun(options: RunOptions): PreparedRun {
  const given = resolveScenario(options.scenario ?? DEFAULT_SCENARIO);
  // Every plan compiled for the scenario's currency: each money field is checked before any work.
  const plans = options.plans.map((p) => compilePlan(p, { currency: given.spec.currency, ...(options.components ? { components: options.components } : {}) }));
  // The structure the plans need (a placement tree), supplied or checked before any work.
  const scenario = scenarioForPlans(given, plans);
  const kind = options.engine ?? "fast";
  const memberPeriods = options.memberPeriods ? resolveMemberPeriodsOptions(options.memberPeriods) : undefined;
  const engines: PlanEngine[] = plans.map((p) => (kind === "fast" ? createFastEngine(p) : createReferenceEngine(p)));
  const seed = options.seed ?? 42;
  const world = createWorld(scenario, { seed, recordOrders: kind === "reference" });
  const keepLedger = options.ledger ?? true;
  const extraFactories = Object.entries(options.collectors ?? {});
  return {
    seed,
    scenario,
    engine: kind,
    world,
    step: () => stepWorld(world),
    plans: plans.map((plan, planIndex) => {
      const setup: CollectorSetup = {
        seed,
        scenario,
        digits: scenario.digits,
        plan,
        components: plan.components.map((c) => c.name),
        planIndex,
        engine: kind,
        world,
      };
      const periods = periodRowsCollector();
      const builtIns: NamedCollector[] = [
        ...(keepLedger ? [{ name: "ledger", collector: ledgerCollector(setup) }] : []),
        { name: "periods", collector: periods },
        { name: "members", collector: memberTotalsCollector(setup) },
        ...(memberPeriods ? [{ name: "memberPeriods", collector: memberPeriodsCollector(setup, memberPeriods) }] : []),
      ];
      return {
        setup,
        engine: engines[planIndex]!,
        builtIns,
        extras: extraFactories.map(([name, factory]) => ({ name, collector: factory(setup) })),
        rows: periods.rows,
      };
    }),
  };
}

/**
 * Runs every period of a prepared run: the world steps, each plan's engine
 * pays, that plan's collectors record (built-ins first), then `onPeriod` hears
 * of it. The world never sees a payout: every plan sees identical events.
 */
export function runPeriods(run: PreparedRun, onPeriod?: PlansPeriodListener): void {
  for (let t = 0; t < run.scenario.periods; t++) {
    const { network, stats } = run.step();
    const payouts = run.plans.map((p) => {
      const payout = p.engine.pay(network);
      const view = { period: stats.period, network, stats, payout };
      for (const { collector } of p.builtIns) collector.period(view);
      for (const { collector } of p.extras) collector.period(view);
      return payout;
    });
    onPeriod?.(
      run.plans.map((p) => p.rows[p.rows.length - 1]!),
      stats,
      payouts,
    );
  }
}

/** Each plan's result, from its collectors' results, in plan order. */
export function collectResults<C extends CollectorFactories>(run: PreparedRun): SimulationResult<CollectorResults<C>>[] {
  return run.plans.map((p) => {
    const built = new Map(p.builtIns.map(({ name, collector }) => [name, collector.result()]));
    const collected = Object.fromEntries(p.extras.map(({ name, collector }) => [name, collector.result()])) as CollectorResults<C>;
    const columns = built.get("members") as MemberColumns;
    let rows: MemberRow[] | undefined;
    return {
      seed: run.seed,
      scenario: run.scenario.spec,
      digits: run.scenario.digits,
      plan: { name: p.setup.plan.name, components: p.setup.components, ranks: p.setup.plan.ranks.map((r) => r.name), source: p.setup.plan.source },
      engine: run.engine,
      periods: built.get("periods") as PeriodRow[],
      memberColumns: columns,
      get members() {
        return (rows ??= memberRowsOf(columns, p.setup.plan.ranks.map((r) => r.name)));
      },
      ledger: (built.get("ledger") as Ledger | undefined) ?? createLedger(p.setup.components),
      ...(built.has("memberPeriods") ? { memberPeriods: built.get("memberPeriods") as MemberPeriods } : {}),
      collected,
    };
  });
}
