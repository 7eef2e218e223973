/**
 * The Monte Carlo machinery under plan comparisons and parameter sweeps:
 * *arms* (a plan on a world) × *seeds*, cut into *tasks* (one seed, one
 * world, every arm that can share it), each a pure function of its plain-data
 * input, run in any order — in this thread or on worker threads — and merged
 * in task order. So the results are identical byte for byte whatever the
 * number of workers.
 *
 * Arms on the same world share a run (`simulatePlans`: identical events, so
 * that differences between their plans are the plans' alone — common random
 * numbers) unless their plans need different placement trees; those run
 * apart on the same seed, and since the world's keyed draws do not depend on
 * the tree, they see the same events too.
 *
 * @module
 */
import { incomeDisclosure, type IncomeDisclosure } from "../analysis/disclosure.js";
import { PLAN_METRICS, planMetrics, type PlanMetric, type PlanMetricName } from "../analysis/plan-metrics.js";
import { meanInterval, pairedInterval } from "../analysis/statistics.js";
import { resolveWindow, type Window } from "../analysis/windows.js";
import { INCOME_COLUMNS, type MemberPeriodColumn } from "../analysis/member-periods.js";
import type { AnyComponentType } from "../plan/contract.js";
import { compilePlan, describePlacement, type CompiledPlan, type PlanInput } from "../plan/plan.js";
import { DownlineInputError } from "../validate/errors.js";
import { resolveScenario, type Scenario, type ScenarioInput, type ScenarioSpec } from "../world/scenario.js";
import { simulatePlans } from "./simulate-plans.js";

/** A plan on a world, one column of a comparison. */
export interface ExperimentArm {
  /** The plan's label in the rows (default its name). */
  readonly label: string;
  /** The world's label in the rows (default the scenario's name). */
  readonly world: string;
  readonly plan: PlanInput<AnyComponentType> | CompiledPlan;
  /** The world, resolved (defaults filled). */
  readonly scenario: ScenarioSpec;
  /** Sweep parameters of this arm's world ({} in a comparison). */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** One run of an experiment: one seed, one world, the arms that share it. Plain data (it crosses to worker threads). */
export interface ExperimentTask {
  readonly index: number;
  readonly seedIndex: number;
  readonly seed: number | string;
  /** Indices of the arms paid on this run. */
  readonly arms: readonly number[];
  readonly scenario: ScenarioSpec;
  readonly plans: ReadonlyArray<PlanInput<AnyComponentType> | CompiledPlan>;
  readonly window: Window;
  readonly engine: "fast" | "reference";
  /** Keep each arm's income disclosure. */
  readonly disclosure: boolean;
}

/** What one task returns: each arm's metric values (in `PLAN_METRICS` order) and, when asked, its disclosure. */
export interface ExperimentOutcome {
  readonly index: number;
  readonly values: readonly (readonly number[])[];
  readonly disclosures: readonly IncomeDisclosure[] | null;
}

/** What a comparison is made of, resolved: its arms, seeds and tasks. */
export interface Experiment {
  readonly arms: readonly ExperimentArm[];
  readonly seeds: readonly (number | string)[];
  readonly window: Window;
  readonly confidence: number;
  readonly tasks: readonly ExperimentTask[];
  /** Pairs of arms whose paired differences are reported (same world, same seed). */
  readonly pairs: readonly (readonly [number, number])[];
}

/** Options shared by comparisons and sweeps; `Custom`: the custom component types in `components`. */
export interface ExperimentOptions<Custom extends AnyComponentType = AnyComponentType> {
  /** Seeds: a count S (seeds 1 … S) or a list (unique numbers or strings). Default 20. */
  readonly seeds?: number | readonly (number | string)[];
  /** The window every metric is computed over (a calendar window; default `"lastYear"`). */
  readonly window?: Window;
  /** Confidence level of the intervals (default 0.95). */
  readonly confidence?: number;
  /** `"fast"` (default) or `"reference"`. */
  readonly engine?: "fast" | "reference";
  /** Keep each arm's income disclosure over the window, per seed (default false). */
  readonly disclosures?: boolean;
  /** Custom component types the plans use (in this thread only: functions do not cross to worker threads). */
  readonly components?: readonly Custom[];
  /** Called after each run with the runs done and the runs in all. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
  /** Aborting it stops the experiment: the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Checks the seeds option: a count, or a list of unique seeds. */
export function resolveSeeds(seeds: ExperimentOptions["seeds"]): (number | string)[] {
  if (seeds === undefined) return Array.from({ length: 20 }, (_, k) => k + 1);
  if (typeof seeds === "number") {
    if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100_000) throw new DownlineInputError("options", [{ path: "seeds", message: `expected a whole number of seeds from 1 to 100,000, or a list, got ${seeds}` }]);
    return Array.from({ length: seeds }, (_, k) => k + 1);
  }
  if (!Array.isArray(seeds) || seeds.length === 0) throw new DownlineInputError("options", [{ path: "seeds", message: "expected a count or a non-empty list of seeds" }]);
  const seen = new Set<number | string>();
  const issues: { path: string; message: string }[] = [];
  seeds.forEach((s, k) => {
    if (!(typeof s === "string" || (typeof s === "number" && Number.isFinite(s)))) issues.push({ path: `seeds[${k}]`, message: `expected a number or a string, got ${String(s)}` });
    else if (seen.has(s)) issues.push({ path: `seeds[${k}]`, message: `expected unique seeds, got ${JSON.stringify(s)} twice` });
    seen.add(s);
  });
  if (issues.length > 0) throw new DownlineInputError("options", issues);
  return [...seeds];
}

/** The per-member columns a task keeps: what the metrics and disclosures read, over the window only. */
function taskColumns(disclosure: boolean): MemberPeriodColumn[] {
  return ["earnings", "retailProfit", "expenses", "requiredPurchases", "hours", ...INCOME_COLUMNS, ...(disclosure ? (["rank", "title"] as const) : [])];
}

/**
 * Runs one task: the seed's world paid under the task's plans, each plan's
 * metrics over the window (and its disclosure when asked). A pure function
 * of the task: the same task gives the same outcome on any thread.
 */
export function runExperimentTask(task: ExperimentTask, components?: readonly AnyComponentType[]): ExperimentOutcome {
  const scenario = resolveScenario(task.scenario);
  const w = resolveWindow({ scenario: scenario.spec, periods: { length: scenario.periods } }, task.window);
  const results = simulatePlans({
    scenario,
    plans: task.plans,
    seed: task.seed,
    engine: task.engine,
    ledger: false,
    memberPeriods: { columns: taskColumns(task.disclosure), ...(w.kind === "calendar" ? { from: w.from, to: w.to } : {}) },
    ...(components ? { components } : {}),
  });
  return {
    index: task.index,
    values: results.map((r) => {
      const m = planMetrics(r, task.window);
      return PLAN_METRICS.map((metric) => m[metric.name]);
    }),
    disclosures: task.disclosure ? results.map((r) => incomeDisclosure(r, { window: task.window })) : null,
  };
}

/** Functions anywhere in a value (compiled plans, custom components): what cannot cross to a worker thread. */
export function hasFunctions(value: unknown): boolean {
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "function") return true;
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) continue;
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return false;
}

/**
 * Resolves arms into an experiment: seeds checked, arms grouped by world
 * and placement tree into one task per (seed, group), in seed order.
 * Everything is validated here, before any run.
 */
export function planExperiment(arms: readonly ExperimentArm[], options: ExperimentOptions): Experiment {
  const seeds = resolveSeeds(options.seeds);
  const window = options.window ?? "lastYear";
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new DownlineInputError("options", [{ path: "confidence", message: `expected a level in (0, 1), got ${confidence}` }]);
  const engine = options.engine ?? "fast";
  if (engine !== "fast" && engine !== "reference") throw new DownlineInputError("options", [{ path: "engine", message: `expected "fast" or "reference", got ${String(engine)}` }]);
  if (arms.length === 0) throw new DownlineInputError("options", [{ path: "plans", message: "expected at least one plan" }]);
  const labels = new Set<string>();
  arms.forEach((a, k) => {
    const key = `${a.label}\u0000${a.world}`;
    if (labels.has(key)) throw new DownlineInputError("options", [{ path: `plans[${k}]`, message: `expected a unique label on each world, got ${JSON.stringify(a.label)} twice on ${JSON.stringify(a.world)}: give one a label` }]);
    labels.add(key);
  });
  // Groups: arms on the same world (by its resolved spec) that need the same placement tree share a run.
  const groups = new Map<string, number[]>();
  const worldKey: string[] = [];
  arms.forEach((arm, k) => {
    const scenario = resolveScenario(arm.scenario);
    const w = resolveWindow({ scenario: scenario.spec, periods: { length: scenario.periods } }, window);
    if (w.kind !== "calendar") throw new DownlineInputError("options", [{ path: "window", message: `expected a calendar window for a comparison (metrics compare the same periods), got ${w.label}` }]);
    const compiled = compilePlan(arm.plan, { currency: scenario.spec.currency, ...(options.components ? { components: options.components } : {}) });
    const need = compiled.needs.placement;
    const key = JSON.stringify(scenario.spec);
    worldKey.push(key);
    const group = `${key}\u0000${need ? describePlacement(need) : "none"}`;
    const list = groups.get(group) ?? [];
    list.push(k);
    groups.set(group, list);
  });
  const tasks: ExperimentTask[] = [];
  seeds.forEach((seed, seedIndex) => {
    for (const members of groups.values()) {
      tasks.push({
        index: tasks.length,
        seedIndex,
        seed,
        arms: members,
        scenario: arms[members[0]!]!.scenario,
        plans: members.map((k) => arms[k]!.plan),
        window,
        engine,
        disclosure: options.disclosures ?? false,
      });
    }
  });
  const pairs: [number, number][] = [];
  for (let a = 0; a < arms.length; a++) for (let b = a + 1; b < arms.length; b++) if (worldKey[a] === worldKey[b]) pairs.push([a, b]);
  return { arms, seeds, window, confidence, tasks, pairs };
}

/** A metric's value on one seed for one arm: one tidy row. */
export interface ComparisonValueRow {
  readonly plan: string;
  readonly world: string;
  readonly seed: number | string;
  readonly metric: PlanMetricName;
  /** NaN where not defined (null in JSON). */
  readonly value: number;
}

/** A metric across seeds for one arm: mean, standard deviation and Student-t interval. */
export interface ComparisonSummaryRow {
  readonly plan: string;
  readonly world: string;
  readonly metric: PlanMetricName;
  /** Seeds with a defined value. */
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly lo: number;
  readonly hi: number;
}

/** A paired difference planA − planB on the same world and seeds, with its Student-t interval. */
export interface ComparisonDifferenceRow {
  readonly planA: string;
  readonly planB: string;
  readonly world: string;
  readonly metric: PlanMetricName;
  readonly n: number;
  readonly meanDifference: number;
  readonly sd: number;
  readonly lo: number;
  readonly hi: number;
}

/** An arm as the results describe it. */
export interface ComparisonArm {
  readonly arm: number;
  readonly plan: string;
  readonly world: string;
  readonly currency: string;
  readonly digits: number;
  /** The window, in words, on this arm's world. */
  readonly window: string;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** One arm's disclosure on one seed. */
export interface ComparisonDisclosure {
  readonly plan: string;
  readonly world: string;
  readonly seed: number | string;
  readonly disclosure: IncomeDisclosure;
}

/** The results of a comparison: tidy rows, money in minor units with each arm's digits. */
export interface PlanComparison {
  readonly arms: readonly ComparisonArm[];
  readonly metrics: readonly PlanMetric[];
  readonly seeds: readonly (number | string)[];
  readonly confidence: number;
  /** (plan, world, seed, metric, value): arm by arm, seed by seed, metric by metric. */
  readonly values: readonly ComparisonValueRow[];
  /** (plan, world, metric, n, mean, sd, lo, hi). */
  readonly summary: readonly ComparisonSummaryRow[];
  /** (planA, planB, world, metric, n, meanDifference, sd, lo, hi), for every pair of arms on the same world. */
  readonly differences: readonly ComparisonDifferenceRow[];
  /** Each arm's disclosure per seed, when asked for (`disclosures: true`). */
  readonly disclosures: readonly ComparisonDisclosure[];
}

/** Merges task outcomes (any order in, task order used) into the comparison's rows. */
export function summarizeExperiment(experiment: Experiment, outcomes: readonly ExperimentOutcome[]): PlanComparison {
  const byIndex = [...outcomes].sort((a, b) => a.index - b.index);
  if (byIndex.length !== experiment.tasks.length || byIndex.some((o, k) => o.index !== k)) {
    throw new Error(`downline/run: experiment: expected ${experiment.tasks.length} outcomes, one per task, got ${outcomes.length}`);
  }
  const { arms, seeds } = experiment;
  // values[arm][seedIndex][metric]
  const values: number[][][] = arms.map(() => seeds.map(() => []));
  const disclosures: (IncomeDisclosure | undefined)[][] = arms.map(() => seeds.map(() => undefined));
  for (const o of byIndex) {
    const task = experiment.tasks[o.index]!;
    task.arms.forEach((arm, j) => {
      values[arm]![task.seedIndex] = [...o.values[j]!];
      if (o.disclosures) disclosures[arm]![task.seedIndex] = o.disclosures[j]!;
    });
  }
  const valueRows: ComparisonValueRow[] = [];
  const summary: ComparisonSummaryRow[] = [];
  arms.forEach((arm, a) => {
    seeds.forEach((seed, s) => {
      PLAN_METRICS.forEach((metric, m) => valueRows.push({ plan: arm.label, world: arm.world, seed, metric: metric.name, value: values[a]![s]![m]! }));
    });
    PLAN_METRICS.forEach((metric, m) => {
      const ci = meanInterval(values[a]!.map((v) => v[m]!), experiment.confidence);
      summary.push({ plan: arm.label, world: arm.world, metric: metric.name, n: ci.n, mean: ci.mean, sd: ci.sd, lo: ci.lo, hi: ci.hi });
    });
  });
  const differences: ComparisonDifferenceRow[] = [];
  for (const [a, b] of experiment.pairs) {
    PLAN_METRICS.forEach((metric, m) => {
      const ci = pairedInterval(
        values[a]!.map((v) => v[m]!),
        values[b]!.map((v) => v[m]!),
        experiment.confidence,
      );
      differences.push({ planA: arms[a]!.label, planB: arms[b]!.label, world: arms[a]!.world, metric: metric.name, n: ci.n, meanDifference: ci.mean, sd: ci.sd, lo: ci.lo, hi: ci.hi });
    });
  }
  const armInfo: ComparisonArm[] = arms.map((arm, a) => {
    const scenario = resolveScenario(arm.scenario);
    return {
      arm: a,
      plan: arm.label,
      world: arm.world,
      currency: scenario.spec.currency,
      digits: scenario.digits,
      window: resolveWindow({ scenario: scenario.spec, periods: { length: scenario.periods } }, experiment.window).label,
      parameters: arm.parameters,
    };
  });
  const kept: ComparisonDisclosure[] = [];
  arms.forEach((arm, a) =>
    seeds.forEach((seed, s) => {
      const d = disclosures[a]![s];
      if (d) kept.push({ plan: arm.label, world: arm.world, seed, disclosure: d });
    }),
  );
  return { arms: armInfo, metrics: PLAN_METRICS, seeds, confidence: experiment.confidence, values: valueRows, summary, differences, disclosures: kept };
}

/** Lets other work (an abort, a timer) in between two runs on this thread. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Throws the signal's reason when it is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error("downline/run: aborted");
}

/**
 * Runs an experiment's tasks one after the other on this thread, yielding
 * between runs so that an abort can land; reports progress after each run.
 */
export async function runExperimentHere(experiment: Experiment, options: Pick<ExperimentOptions, "onProgress" | "signal" | "components">): Promise<ExperimentOutcome[]> {
  const outcomes: ExperimentOutcome[] = [];
  const total = experiment.tasks.length;
  for (const task of experiment.tasks) {
    throwIfAborted(options.signal);
    outcomes.push(runExperimentTask(task, options.components));
    options.onProgress?.({ done: outcomes.length, total });
    await nextTurn();
  }
  throwIfAborted(options.signal);
  return outcomes;
}

/** An arm's world label: the scenario's name, made unique among different worlds that share a name. */
export function worldLabels(scenarios: readonly ScenarioSpec[]): string[] {
  const byKey = new Map<string, string>();
  const used = new Map<string, number>();
  return scenarios.map((spec) => {
    const key = JSON.stringify(spec);
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const n = (used.get(spec.name) ?? 0) + 1;
    used.set(spec.name, n);
    const label = n === 1 ? spec.name : `${spec.name} (${n})`;
    byKey.set(key, label);
    return label;
  });
}

/** A scenario given as input or resolved, as its resolved spec (validated here). */
export function specOf(scenario: ScenarioInput | Scenario): ScenarioSpec {
  return resolveScenario(scenario).spec;
}
