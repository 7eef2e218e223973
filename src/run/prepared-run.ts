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
import { createWorldWith, stepWorld, type StayOverride, type StopOverride, type World, type WorldKeeps, type WorldOptions, type WorldPeriodStats, type WorldStepInput } from "../world/world.js";
import { NO_INPUT } from "../world/steps/input.js";
import { fitted } from "../util/grow.js";
import { DEFAULT_SCENARIO } from "../world/default-scenario.js";
import type { PeriodNetwork } from "../world/network.js";
import { resolveScenario, type Scenario, type ScenarioInput } from "../world/scenario.js";
import { compilePlan, type CompiledPlan, type PlanInput } from "../plan/plan.js";
import { planIncomeReadsOrders, planReadsOrders } from "../plan/reads.js";
import { scenarioForPlans } from "./structure.js";
import type { AnyComponentType } from "../plan/contract.js";
import { createFastEngine } from "../engine/fast.js";
import { createReferenceEngine } from "../engine/reference/reference.js";
import type { PeriodPayout, PlanEngine } from "../engine/payout.js";
import type { Collector, CollectorFactories, CollectorResults, CollectorSetup } from "../analysis/collector.js";
import { createLedger, ledgerCollector, type Ledger } from "../analysis/ledger.js";
import { memberTotalsCollector, type MemberColumns } from "../analysis/member-totals.js";
import { lazyMemberRows, type MemberRow } from "../analysis/member-rows.js";
import { periodRowsCollector, type PeriodRow } from "../analysis/period-rows.js";
import { INCOME_COLUMNS, memberPeriodsCollector, resolveMemberPeriodsOptions, type MemberPeriods, type MemberPeriodsOptions } from "../analysis/member-periods.js";
import type { SimulationResult } from "../analysis/result.js";
import type { History } from "../history/history.js";
import { createHistoryWorld, historyScenarioProblems, type HistoryHandOver } from "../history/world-from-history.js";
import { DownlineInputError } from "../validate/errors.js";
import { DEFAULT_MEMORY_BUDGET } from "../world/estimate.js";
import { checkRunBudget, estimateRun } from "./budget.js";

/**
 * Options of a run under several plans (see `simulatePlans`). `Custom`: the
 * custom component types in `components`, whose entries the plans may use.
 */
export interface RunOptions<C extends CollectorFactories = CollectorFactories, Custom extends AnyComponentType = never> {
  /** The world (default: `DEFAULT_SCENARIO`; defaults fill every missing field). */
  readonly scenario?: ScenarioInput | Scenario;
  /** The plans to pay, each on the same world. */
  readonly plans: ReadonlyArray<PlanInput<NoInfer<Custom>> | CompiledPlan>;
  /** Custom component types the plans use (see `defineComponent`); they run on both engines. */
  readonly components?: readonly Custom[];
  /**
   * The run's memory budget in bytes (default {@link DEFAULT_MEMORY_BUDGET},
   * 4 GiB; `Infinity` for none). The run's memory is estimated from the
   * scenario and the plans before anything is allocated, and a run over the
   * budget is refused with a `DownlineInputError` naming the fields that
   * drive the estimate (see run/budget.ts).
   */
  readonly budget?: number;
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
  /**
   * Start from a real business instead of founders or a generated network:
   * its history is replayed first (every plan paying every historical period,
   * so carryover, titles and bonuses already paid carry into the forecast),
   * then the scenario's dynamics continue it for the scenario's `months`.
   * The scenario must have the history's period length and currency (and a
   * placement of the same width when the history has one), and no
   * `start.network`. `report`: the periods the results cover, the forecast's
   * only (default; they are numbered on from the history's) or all.
   */
  readonly start?: { readonly history: History; readonly report?: "forecast" | "all" };
}

/** A collector and the name its result is reported under. */
export interface NamedCollector {
  readonly name: string;
  readonly collector: Collector<unknown>;
}

/**
 * A source of periods: a world stepped by its own dynamics, or a replayed
 * history (then its world continued, for a forecast). `step` takes the
 * world's per-period input (income feedback, a saturation override).
 */
export interface PeriodSource {
  readonly world: World;
  readonly step: (input?: WorldStepInput) => { network: PeriodNetwork; stats: WorldPeriodStats };
  /** For a forecast from a history: what the world kept of it, once its last period has run. */
  readonly handOver?: () => HistoryHandOver | undefined;
}

/** One plan's part of a prepared run. */
export interface PlanRun {
  readonly setup: CollectorSetup;
  readonly engine: PlanEngine;
  /** The plan's source of periods, in `PreparedRun.sources`: the one shared world, or (income feedback on) its own. */
  readonly source: number;
  /** The built-in collectors, in call order: `ledger` (when kept), `periods`, `members`, `memberPeriods` (when asked). */
  readonly builtIns: readonly NamedCollector[];
  /** The `collectors` option's, in its key order; called after the built-ins. */
  readonly extras: readonly NamedCollector[];
  /** The period rows so far (the `periods` collector's own array). */
  readonly rows: readonly PeriodRow[];
}

/**
 * A run, ready to go: its worlds at their start, one engine and its
 * collectors per plan. One world serves every plan (common random numbers),
 * unless the scenario's attrition reads each member's income (income
 * feedback): then each plan gets its own world, built from the same keyed
 * draws, and each world hears of its own plan's payouts.
 */
export interface PreparedRun {
  readonly seed: number | string;
  readonly scenario: Scenario;
  readonly engine: "fast" | "reference";
  /** The sources of periods: one, or one per plan with income feedback. */
  readonly sources: readonly PeriodSource[];
  /** Whether the worlds read each member's income and rank of the previous period (the scenario's attrition multipliers). */
  readonly feedback: boolean;
  /** The first source's world (the only one without income feedback). */
  readonly world: World;
  /** Periods the run goes through: the scenario's; a history's; or a history's, then the scenario's (a forecast). */
  readonly periods: number;
  /** The first period the collectors record (a forecast that reports only itself skips its history's). */
  readonly recordFrom: number;
  /** Steps the first source one period (see {@link PeriodSource}). */
  readonly step: (input?: WorldStepInput) => { network: PeriodNetwork; stats: WorldPeriodStats };
  readonly plans: readonly PlanRun[];
  /** For a forecast from a history: what the first world kept of it, once its last period has run. */
  readonly handOver?: () => HistoryHandOver | undefined;
  /**
   * A per-period input for the worlds beside the income feedback the run
   * gives itself: e.g. a twin run's saturation, read from its base run (see
   * `stopEffort`). Called once per period and source.
   */
  readonly inputFor?: (period: number, source: number) => WorldStepInput;
}

/**
 * What makes a run the twin of another (a counterfactual, see `stopEffort`):
 * members who stop all effort in it, members exempt from attrition in it
 * (both runs of a counterfactual whose stopped members keep their accounts),
 * and a per-period world input read from the base run (its saturation).
 */
export interface TwinOptions {
  readonly stop?: StopOverride;
  readonly stay?: StayOverride;
  readonly inputFor?: (period: number, source: number) => WorldStepInput;
}

/** The source of a run's periods, as `prepareRun` is asked for it. */
export type RunSource = { readonly kind: "world" } | { readonly kind: "history"; readonly history: History };

/** What `onPeriod` of `simulatePlans` receives: each plan's row and payout, in plan order. */
export type PlansPeriodListener = (rows: PeriodRow[], stats: WorldPeriodStats, payouts: PeriodPayout[]) => void;

/**
 * Makes the world a run steps (no history): by default here, in this thread;
 * `downline/parallel` passes one that may step it on another thread. Given
 * the run's resolved scenario, the world's options, what the world must keep
 * for the run's readers, and whether the run has income feedback.
 */
export type WorldMaker = (scenario: Scenario, options: WorldOptions, keeps: WorldKeeps, feedback: boolean) => PeriodSource;

/** The default {@link WorldMaker}: a world here, stepped by `stepWorld`. */
export const worldHere: WorldMaker = (scenario, options, keeps) => {
  const world = createWorldWith(scenario, options, keeps);
  return { world, step: (input) => stepWorld(world, input) };
};

/**
 * Resolves and validates everything, builds the world (or the replayed
 * history's world), the engines and the collectors. No period is run.
 * `source`: the scenario's world (default; a forecast when `options.start`
 * holds a history), or a history alone (`replay`). `makeWorld`: where the
 * world is made and stepped (`downline/parallel` passes its own).
 */
export function prepareRun(options: RunOptions<CollectorFactories, AnyComponentType>, source: RunSource = { kind: "world" }, twin: TwinOptions = {}, makeWorld: WorldMaker = worldHere): PreparedRun {
  // A forecast starts from its history's members: the default world's generated network is not added beside
  // them (a scenario that asks for one explicitly is refused below).
  const history0 = source.kind === "history" ? source.history : options.start?.history;
  const given = resolveScenario(history0 === undefined ? (options.scenario ?? DEFAULT_SCENARIO) : withoutDefaultNetwork(options.scenario ?? {}));
  // Every plan compiled for the scenario's currency: each money field is checked before any work.
  const plans = options.plans.map((p) => compilePlan(p, { currency: given.spec.currency, ...(options.components ? { components: options.components } : {}) }));
  // The structure the plans need (a placement tree), supplied or checked before any work.
  const scenario = scenarioForPlans(given, plans);
  const kind = options.engine ?? "fast";
  const keepLedger = options.ledger ?? true;
  // The whole run's memory, estimated before anything is allocated.
  checkRunBudget(estimateRun(scenario, plans, { engine: kind, ledger: keepLedger }), scenario, options.budget ?? DEFAULT_MEMORY_BUDGET);
  const memberPeriods = options.memberPeriods ? resolveMemberPeriodsOptions(options.memberPeriods) : undefined;
  const engines: PlanEngine[] = plans.map((p) => (kind === "fast" ? createFastEngine(p) : createReferenceEngine(p)));
  const seed = options.seed ?? 42;
  const recordOrders = kind === "reference";
  const history = source.kind === "history" ? source.history : options.start?.history;
  if (history !== undefined) {
    const problems = historyScenarioProblems(history, scenario);
    if (source.kind === "world" && scenario.spec.start.network) {
      problems.push({ path: "scenario.start.network", message: "a run starts from a history or from a generated network, not both" });
    }
    if (problems.length > 0) throw new DownlineInputError("options", problems);
  }
  const periods = history === undefined ? scenario.periods : source.kind === "history" ? history.periods : history.periods + scenario.periods;
  const recordFrom = history !== undefined && source.kind === "world" && options.start?.report !== "all" ? history.periods : 0;
  const worldOptions = { seed, recordOrders, budget: Infinity, ...(twin.stop ? { stop: twin.stop } : {}), ...(twin.stay ? { stay: twin.stay } : {}) };
  // The world keeps the period's orders as columns only for someone who may read them: a plan that
  // pays order by order, the income columns of a plan whose income rules tell first orders from
  // renewals, or an extra collector (which sees the network). The built-in collectors read volumes.
  const incomeColumns = memberPeriods !== undefined && INCOME_COLUMNS.some((c) => memberPeriods.columns.includes(c));
  const keeps = {
    orders: kind === "reference" || plans.some(planReadsOrders) || (incomeColumns && plans.some(planIncomeReadsOrders)) || Object.keys(options.collectors ?? {}).length > 0,
  };
  /** A source of periods: the scenario's world, a replayed history, or a history then the world (a forecast). */
  const makeSource = (): PeriodSource => {
    // The world is part of the estimate just checked.
    if (history === undefined) return makeWorld(scenario, worldOptions, keeps, feedback);
    const replayed = createHistoryWorld(history, scenario, worldOptions);
    const world = replayed.world;
    if (source.kind === "history") return { world, step: () => replayed.step() };
    // The history's periods, then the scenario's: one world, one period loop.
    let kept: HistoryHandOver | undefined;
    return {
      world,
      step: (input) => {
        if (world.period < history.periods) return replayed.step();
        kept ??= replayed.handOver();
        return stepWorld(world, input);
      },
      handOver: () => kept,
    };
  };
  // Income feedback: each plan's world hears of its own plan's payouts, so each plan gets its own world
  // (from the same keyed draws: their differences are the plans' direct effect and the behaviour it causes).
  const feedback = hasIncomeFeedback(scenario) && source.kind === "world";
  const sources = feedback ? plans.map(() => makeSource()) : [makeSource()];
  const first = sources[0]!;
  const world = first.world;
  const extraFactories = Object.entries(options.collectors ?? {});
  return {
    seed,
    scenario,
    engine: kind,
    sources,
    feedback,
    world,
    periods,
    recordFrom,
    step: first.step,
    ...(first.handOver ? { handOver: first.handOver } : {}),
    ...(twin.inputFor ? { inputFor: twin.inputFor } : {}),
    plans: plans.map((plan, planIndex) => {
      const source = feedback ? planIndex : 0;
      const setup: CollectorSetup = {
        seed,
        scenario,
        digits: scenario.digits,
        plan,
        components: plan.components.map((c) => c.name),
        planIndex,
        engine: kind,
        world: sources[source]!.world,
      };
      const periods = periodRowsCollector(scenario.spec.start.founders);
      const builtIns: NamedCollector[] = [
        ...(keepLedger ? [{ name: "ledger", collector: ledgerCollector(setup) }] : []),
        { name: "periods", collector: periods },
        { name: "members", collector: memberTotalsCollector(setup) },
        ...(memberPeriods ? [{ name: "memberPeriods", collector: memberPeriodsCollector(setup, memberPeriods) }] : []),
      ];
      return {
        setup,
        engine: engines[planIndex]!,
        source,
        builtIns,
        extras: extraFactories.map(([name, factory]) => ({ name, collector: factory(setup) })),
        rows: periods.rows,
      };
    }),
  };
}

/**
 * Runs every period of a prepared run: each source steps (its world, or a
 * replayed history), each plan's engine pays on its source's network, that
 * plan's collectors record (built-ins first), then `onPeriod` hears of it.
 * Without income feedback one world serves every plan, which never sees a
 * payout: every plan sees identical events. With it, each plan's world
 * reads that plan's payouts of the previous period — each member's income
 * (what every component paid her, retail profit included) and paid-as rank
 * — and nothing else of the plan. The library's only period loop.
 */
export function runPeriods(run: PreparedRun, onPeriod?: PlansPeriodListener): void {
  // Per plan (feedback only): last period's income by member, and the engine's rank array.
  const income: Float64Array[] = run.feedback ? run.plans.map(() => new Float64Array(0)) : [];
  const rank: (Uint8Array | undefined)[] = run.plans.map(() => undefined);
  const steps = run.sources.map(() => undefined as ReturnType<PeriodSource["step"]> | undefined);
  for (let t = 0; t < run.periods; t++) {
    run.sources.forEach((source, k) => {
      const extra = run.inputFor?.(t, k);
      const input: WorldStepInput = run.feedback && rank[k] ? { ...extra, income: income[k]!, rank: rank[k]! } : (extra ?? NO_INPUT);
      steps[k] = source.step(input);
    });
    const recorded = t >= run.recordFrom;
    const payouts = run.plans.map((p, k) => {
      const { network, stats } = steps[p.source]!;
      // Every period is paid (the engines carry their state on); the collectors hear of the recorded ones.
      const payout = p.engine.pay(network);
      if (run.feedback) {
        income[k] = incomeOf(payout, income[k]!);
        rank[k] = payout.rank;
      }
      if (!recorded) return payout;
      const view = { period: stats.period, network, stats, payout };
      for (const { collector } of p.builtIns) collector.period(view);
      for (const { collector } of p.extras) collector.period(view);
      return payout;
    });
    if (!recorded) continue;
    onPeriod?.(
      run.plans.map((p) => p.rows[p.rows.length - 1]!),
      steps[0]!.stats,
      payouts,
    );
  }
}

/** A scenario input without the default world's generated network, unless it names one (or is already resolved). */
function withoutDefaultNetwork(input: ScenarioInput | Scenario): ScenarioInput | Scenario {
  if (typeof input !== "object" || input === null || "spec" in input) return input;
  const start = (input as { start?: Record<string, unknown> }).start;
  if (start !== undefined && (typeof start !== "object" || start === null || "network" in start)) return input;
  return { ...input, start: { ...start, network: null } } as ScenarioInput;
}

/** Whether a scenario's attrition reads members' income or rank (its multipliers): income feedback. */
export function hasIncomeFeedback(scenario: Scenario): boolean {
  const m = scenario.spec.distributors.attritionMultipliers;
  return m.byNetIncome.length > 0 || m.byRank.length > 0;
}

/** Each member's income this period (every component's amount, retail profit included) into `into` (grown to fit). */
function incomeOf(payout: PeriodPayout, into: Float64Array): Float64Array {
  const out = fitted(into, payout.size);
  out.fill(0, 0, payout.size);
  const { members, memberCount, amounts } = payout;
  for (const row of amounts) {
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      out[i]! += row[i]!;
    }
  }
  return out;
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
        // Rows built as they are read, not kept: reading every row of millions holds one at a time.
        return (rows ??= lazyMemberRows(columns, p.setup.plan.ranks.map((r) => r.name)));
      },
      ledger: (built.get("ledger") as Ledger | undefined) ?? createLedger(p.setup.components),
      ...(built.has("memberPeriods") ? { memberPeriods: built.get("memberPeriods") as MemberPeriods } : {}),
      collected,
    };
  });
}
