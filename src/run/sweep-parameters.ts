/**
 * Parameter sweeps: scenario fields (by path) over lists of values × plans ×
 * seeds, on the comparison's machinery.
 *
 * @module
 */
import { DEFAULT_SCENARIO } from "../world/default-scenario.js";
import type { Scenario, ScenarioInput } from "../world/scenario.js";
import type { CompiledPlan, PlanInput } from "../plan/plan.js";
import type { AnyComponentType } from "../plan/contract.js";
import { DownlineInputError } from "../validate/errors.js";
import { planExperiment, runExperimentHere, specOf, summarizeExperiment, type ComparisonDifferenceRow, type ComparisonSummaryRow, type ComparisonValueRow, type Experiment, type ExperimentArm, type ExperimentOptions, type PlanComparison } from "./experiment.js";

/** Options of {@link sweepParameters}; `Custom`: the custom component types in `components`. */
export interface SweepOptions<Custom extends AnyComponentType = never> extends ExperimentOptions<Custom> {
  /** The world the parameters vary (default `DEFAULT_SCENARIO`). */
  readonly scenario?: ScenarioInput | Scenario;
  /** The plans paid at every point. */
  readonly plans: ReadonlyArray<PlanInput<NoInfer<Custom>> | CompiledPlan>;
  /**
   * The grid: scenario fields by dotted path (array items by index:
   * `"customers.churn.0.monthly"`) and the values each takes; every
   * combination is a point, the first path varying slowest.
   */
  readonly grid?: Readonly<Record<string, readonly unknown[]>>;
  /** Or the points themselves, each a set of fields by path (for fields that must move together). */
  readonly points?: readonly Readonly<Record<string, unknown>>[];
}

/** A sweep's results: the comparison's rows, each arm a plan at a point, with the point's parameters. */
export interface ParameterSweep extends PlanComparison {
  /** The points, in order: each its index, its parameters by path, and its world's label in the rows. */
  readonly points: readonly { readonly point: number; readonly parameters: Readonly<Record<string, unknown>>; readonly world: string }[];
  readonly values: readonly (ComparisonValueRow & SweepColumns)[];
  readonly summary: readonly (ComparisonSummaryRow & SweepColumns)[];
  /** Paired differences between plans at the same point (same world, same seeds). */
  readonly differences: readonly (ComparisonDifferenceRow & SweepColumns)[];
}

/** What a sweep's rows add: the point and its parameters by path. */
export interface SweepColumns {
  readonly point: number;
  readonly parameters: Readonly<Record<string, unknown>>;
}

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A copy of a scenario with a field set by dotted path (numeric segments
 * index arrays); a {@link DownlineInputError} names a bad path.
 *
 * @example
 * withField({ months: 12 }, "distributors.orderProbability", 0.5) // => { months: 12, distributors: { orderProbability: 0.5 } }
 */
export function withField(scenario: ScenarioInput, path: string, value: unknown): ScenarioInput {
  const parts = typeof path === "string" ? path.split(".") : [];
  if (parts.length === 0 || parts.some((p) => p === "" || FORBIDDEN.has(p))) {
    throw new DownlineInputError("options", [{ path: `grid[${JSON.stringify(path)}]`, message: "expected a dotted path of scenario fields like \"distributors.orderProbability\"" }]);
  }
  const copy = structuredClone(scenario) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  parts.forEach((part, k) => {
    const last = k === parts.length - 1;
    const key: string | number = Array.isArray(node) ? Number(part) : part;
    if (Array.isArray(node) && !(Number.isInteger(key) && (key as number) >= 0 && (key as number) <= node.length)) {
      throw new DownlineInputError("options", [{ path: `grid[${JSON.stringify(path)}]`, message: `expected an array index at ${JSON.stringify(part)} (0 … ${node.length})` }]);
    }
    if (last) {
      (node as Record<string | number, unknown>)[key] = structuredClone(value);
      return;
    }
    const next = (node as Record<string | number, unknown>)[key];
    if (next === undefined || next === null) (node as Record<string | number, unknown>)[key] = /^\d+$/.test(parts[k + 1]!) ? [] : {};
    else if (typeof next !== "object") throw new DownlineInputError("options", [{ path: `grid[${JSON.stringify(path)}]`, message: `expected an object at ${JSON.stringify(parts.slice(0, k + 1).join("."))}, got ${JSON.stringify(next)}` }]);
    node = (node as Record<string | number, unknown>)[key] as Record<string, unknown>;
  });
  return copy as ScenarioInput;
}

/** The sweep's points: the grid's combinations (first path slowest) or the points as given. */
export function sweepPoints(options: Pick<SweepOptions, "grid" | "points">): Record<string, unknown>[] {
  if ((options.grid === undefined) === (options.points === undefined)) {
    throw new DownlineInputError("options", [{ path: "grid", message: "expected either grid (values by path) or points (a list of fields by path), not both or neither" }]);
  }
  if (options.points) {
    if (!Array.isArray(options.points) || options.points.length === 0) throw new DownlineInputError("options", [{ path: "points", message: "expected a non-empty list of points" }]);
    return options.points.map((p) => ({ ...p }));
  }
  const entries = Object.entries(options.grid!);
  if (entries.length === 0) throw new DownlineInputError("options", [{ path: "grid", message: "expected at least one path" }]);
  let points: Record<string, unknown>[] = [{}];
  for (const [path, values] of entries) {
    if (!Array.isArray(values) || values.length === 0) throw new DownlineInputError("options", [{ path: `grid[${JSON.stringify(path)}]`, message: "expected a non-empty list of values" }]);
    points = points.flatMap((p) => values.map((v) => ({ ...p, [path]: v })));
  }
  return points;
}

/** The sweep, resolved into tasks (every point's scenario validated, nothing run). */
export function planSweep(options: SweepOptions<AnyComponentType>): { experiment: Experiment; points: ParameterSweep["points"] } {
  const base = specOf(options.scenario ?? DEFAULT_SCENARIO) as ScenarioInput;
  const points = sweepPoints(options);
  const arms: ExperimentArm[] = [];
  const described: { point: number; parameters: Record<string, unknown>; world: string }[] = [];
  points.forEach((parameters, point) => {
    let scenario = base;
    for (const [path, value] of Object.entries(parameters)) scenario = withField(scenario, path, value);
    let spec;
    try {
      spec = specOf(scenario);
    } catch (e) {
      if (e instanceof DownlineInputError) {
        throw new DownlineInputError("scenario", e.issues.map((i) => ({ path: i.path, message: `${i.message} (sweep point ${point}: ${JSON.stringify(parameters)})` })));
      }
      throw e;
    }
    const world = `point ${point}: ${Object.entries(parameters).map(([p, v]) => `${p}=${JSON.stringify(v)}`).join(", ")}`;
    described.push({ point, parameters, world });
    options.plans.forEach((plan, k) => {
      const name = (plan as { name?: unknown }).name;
      arms.push({ label: typeof name === "string" ? name : `plan ${k + 1}`, world, plan, scenario: spec, parameters });
    });
  });
  return { experiment: planExperiment(arms, options), points: described };
}

/** Adds the point's columns to a comparison's rows. */
export function sweepResults(comparison: PlanComparison, points: ParameterSweep["points"]): ParameterSweep {
  const byWorld = new Map(points.map((p) => [p.world, p]));
  const add = <R extends { world: string }>(row: R): R & SweepColumns => {
    const p = byWorld.get(row.world)!;
    return { ...row, point: p.point, parameters: p.parameters };
  };
  return {
    ...comparison,
    points,
    values: comparison.values.map(add),
    summary: comparison.summary.map(add),
    differences: comparison.differences.map(add),
  };
}

/**
 * Sweeps scenario fields over values × plans × seeds (in this thread;
 * `downline/parallel` has the same on worker threads): the comparison's rows
 * with each point's parameters, plans at the same point paired seed by seed.
 *
 * @example
 * const s = await sweepParameters({
 *   scenario: { months: 24 },
 *   plans: [DEFAULT_PLAN],
 *   grid: { "distributors.orderProbability": [0.5, 0.65, 0.8] },
 *   seeds: 5,
 * });
 * s.summary.filter((r) => r.metric === "payoutRatio").map((r) => [r.parameters["distributors.orderProbability"], r.mean])
 * // => [[0.5, …], [0.65, …], [0.8, …]]
 */
export async function sweepParameters<Custom extends AnyComponentType = never>(options: SweepOptions<Custom>): Promise<ParameterSweep> {
  const { experiment, points } = planSweep(options);
  const outcomes = await runExperimentHere(experiment, options);
  return sweepResults(summarizeExperiment(experiment, outcomes), points);
}
