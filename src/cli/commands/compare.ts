/**
 * `downline compare`: plans on the same seeded worlds over many seeds (on
 * worker threads), and `downline sweep`: scenario fields over values × plans
 * × seeds. Both print means with their intervals, write tidy rows as CSV or
 * the whole result as JSON, and draw a chart.
 *
 * @module
 */
import { PLAN_METRICS, type PlanMetric, type PlanMetricName } from "../../analysis/plan-metrics.js";
import type { ComparisonSummaryRow, PlanComparison } from "../../run/experiment.js";
import type { ParameterSweep } from "../../run/sweep-parameters.js";
import { withField } from "../../run/sweep-parameters.js";
import { comparePlans, sweepParameters } from "../../parallel/index.js";
import { resolveWorkers } from "../../parallel/pool.js";
import { comparisonMarkdown, displayMoney, displayShare, markdownTable } from "../../output/markdown.js";
import { csvLine } from "../../output/csv-text.js";
import { payoutRatioChart } from "../../output/charts/payout-ratio-chart.js";
import { sweepChart } from "../../output/charts/sweep-chart.js";
import { resolveScenario, type ScenarioInput } from "../../world/scenario.js";
import { scenarioForPlans } from "../../run/structure.js";
import { DownlineInputError } from "../../validate/errors.js";
import { allPresets, checkInputs, defaultPlan, readInputs, reading, type PlanOnScenario } from "../inputs.js";
import { checkBudget, groupByWorld, inputFiles, memoryBudget, type CommandIo } from "../common.js";
import { choice, FORMATS, seedList, seedOption, wholeNumber, windowOption } from "../options.js";
import { openOutputs } from "../outputs.js";
import { progressBar } from "../progress.js";
import { formatTable, terminalText } from "../table.js";

/** Options of `compare` and `sweep`, as parsed. */
export interface CompareOptions {
  readonly scenario?: string;
  readonly seeds?: string;
  readonly seed?: string;
  readonly workers?: string;
  readonly months?: string;
  readonly window?: string;
  readonly engine?: string;
  readonly format?: string;
  readonly table?: string;
  readonly metrics?: string;
  readonly differences?: boolean;
  readonly memory?: string;
  readonly out?: string;
  readonly chart?: string;
}

/** `sweep`'s own options. */
export interface SweepCliOptions extends CompareOptions {
  readonly param?: readonly string[];
  readonly metric?: string;
}

/** The metrics a terminal table shows by default (all of them are in the CSV and the JSON). */
const TABLE_METRICS: readonly PlanMetricName[] = ["payoutRatio", "breakageShare", "zeroEarnerShare", "medianGross", "meanGross", "top10Share", "netProfitShare", "medianNet"];

const metricNames = PLAN_METRICS.map((m) => m.name);

function metricList(text: string | undefined, flag: string): PlanMetricName[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(",").map((s) => s.trim());
  const unknown = names.filter((n) => !(metricNames as string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) throw new DownlineInputError("options", [{ path: flag, message: `expected metric names from ${metricNames.join(", ")}, got ${JSON.stringify(unknown[0] ?? text)}` }]);
  return names as PlanMetricName[];
}

/** A mean with the half-width of its interval, for reading: "26.4% ±0.5" (shares in percentage points). */
function cell(row: ComparisonSummaryRow | undefined, metric: PlanMetric, digits: number): string {
  if (!row) return "—";
  const one = (v: number, plusMinus = false) =>
    !Number.isFinite(v)
      ? "—"
      : metric.unit === "share"
        ? plusMinus
          ? (v * 100).toFixed(1)
          : displayShare(v)
        : metric.unit === "money"
          ? displayMoney(v, digits)
          : v.toLocaleString("en-US", { maximumFractionDigits: 1 });
  const half = row.hi - row.mean;
  return Number.isFinite(half) && one(half, true) !== one(0, true) ? `${one(row.mean)} ±${one(half, true)}` : one(row.mean);
}

/** The comparison's summary as a text table: a row per plan (and world), the chosen metrics' means and intervals. */
export function comparisonTable(c: Pick<PlanComparison, "arms" | "summary" | "metrics">, metrics: readonly PlanMetricName[]): string {
  const chosen = metrics.map((n) => c.metrics.find((m) => m.name === n)!);
  const worlds = new Set(c.arms.map((a) => a.world)).size > 1;
  const rows = c.arms.map((arm) => [
    arm.plan,
    ...(worlds ? [arm.world] : []),
    ...chosen.map((m) =>
      cell(
        c.summary.find((r) => r.plan === arm.plan && r.world === arm.world && r.metric === m.name),
        m,
        arm.digits,
      ),
    ),
  ]);
  return formatTable(["Plan", ...(worlds ? ["World"] : []), ...chosen.map((m) => m.name)], rows, worlds ? 2 : 1);
}

/** The line under a comparison table that says how to read it. */
export function comparisonIntro(c: Pick<PlanComparison, "arms" | "seeds" | "confidence">): string {
  const pct = `${+(c.confidence * 100).toFixed(2)}%`;
  const windows = [...new Set(c.arms.map((a) => a.window))].join("; ");
  return `Means over ${c.seeds.length} seeds ± the half-width of their ${pct} Student-t interval (shares in percentage points), over ${windows}; money in ${[...new Set(c.arms.map((a) => a.currency))].join(", ")}.`;
}

/**
 * The disclosure headline of each plan, from the comparison's means across
 * seeds: who was paid nothing, the median and the mean, the top tenth's
 * share, who made a net profit.
 */
export function disclosureHeadlines(c: PlanComparison): string[] {
  return c.arms.map((arm) => {
    const get = (metric: PlanMetricName) => c.summary.find((r) => r.plan === arm.plan && r.world === arm.world && r.metric === metric)?.mean ?? NaN;
    const m = (v: number) => `${displayMoney(v, arm.digits)} ${arm.currency}`;
    const people = Math.round(get("participants")).toLocaleString("en-US");
    return terminalText(
      `${arm.plan}${new Set(c.arms.map((a) => a.world)).size > 1 ? ` (${arm.world})` : ""}: of ${people} participants over ${arm.window}, ${displayShare(get("zeroEarnerShare"))} were paid nothing; ` +
        `the median participant grossed ${m(get("medianGross"))} (mean ${m(get("meanGross"))}), the top 10% took ${displayShare(get("top10Share"))} of all income; ` +
        `${displayShare(get("netProfitShare"))} made a net profit after expenses and required purchases (median net ${m(get("medianNet"))}).`,
    );
  });
}

const TABLES = ["summary", "values", "differences", "periods"] as const;

/** Rows of one of the comparison's tables as CSV, with the point's parameters for a sweep (money in minor units, as in the JSON; the digits are a column). */
function* comparisonCsv(c: PlanComparison | ParameterSweep, table: (typeof TABLES)[number]): Generator<string> {
  const paths = "points" in c ? [...new Set(c.points.flatMap((p) => Object.keys(p.parameters)))] : [];
  const params = (row: object): unknown[] => paths.map((p) => ((row as { parameters?: Record<string, unknown> }).parameters ?? {})[p]);
  const value = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" ? v : v === undefined ? null : JSON.stringify(v));
  const unit = (metric: string) => c.metrics.find((m) => m.name === metric)?.unit ?? "";
  const armOf = new Map(c.arms.map((a) => [`${a.plan}\u0000${a.world}`, a]));
  const money = (plan: string, world: string) => {
    const a = armOf.get(`${plan}\u0000${world}`);
    return [a?.currency ?? "", a?.digits ?? null] as const;
  };
  const lead = paths.length > 0 ? ["point", ...paths] : [];
  const pointOf = (row: object) => (paths.length > 0 ? [(row as { point?: number }).point ?? null, ...params(row).map(value)] : []);
  if (table === "summary") {
    yield csvLine([...lead, "plan", "world", "metric", "unit", "currency", "digits", "n", "mean", "sd", "lo", "hi"]);
    for (const r of c.summary) yield csvLine([...pointOf(r), r.plan, r.world, r.metric, unit(r.metric), ...money(r.plan, r.world), r.n, r.mean, r.sd, r.lo, r.hi]);
  } else if (table === "values") {
    yield csvLine([...lead, "plan", "world", "seed", "metric", "unit", "currency", "digits", "value"]);
    for (const r of c.values) yield csvLine([...pointOf(r), r.plan, r.world, String(r.seed), r.metric, unit(r.metric), ...money(r.plan, r.world), r.value]);
  } else if (table === "differences") {
    yield csvLine([...lead, "planA", "planB", "world", "metric", "unit", "n", "meanDifference", "sd", "lo", "hi"]);
    for (const r of c.differences) yield csvLine([...pointOf(r), r.planA, r.planB, r.world, r.metric, unit(r.metric), r.n, r.meanDifference, r.sd, r.lo, r.hi]);
  } else {
    yield csvLine([...lead, "plan", "world", "seed", "period", "currency", "digits", "revenue", "payout", "payoutRatio"]);
    for (const r of c.periods) yield csvLine([...pointOf(r), r.plan, r.world, String(r.seed), r.period, ...money(r.plan, r.world), r.revenue, r.payout, r.payoutRatio]);
  }
}

/** A comparison or a sweep as JSON: the currency and its digits on top when every plan shares them (each arm carries its own). */
function comparisonJson(c: PlanComparison | ParameterSweep): string {
  const currencies = new Set(c.arms.map((a) => `${a.currency}:${a.digits}`));
  const top = currencies.size === 1 ? { currency: c.arms[0]!.currency, digits: c.arms[0]!.digits } : {};
  return JSON.stringify({ ...top, ...c }, null, 2) + "\n";
}

/** The experiment's shared settings, checked. */
function experimentSettings(options: CompareOptions, calendarOnly: boolean) {
  const count = wholeNumber(options.seeds, "--seeds", 1, 100_000) ?? 10;
  const seeds = seedList(count, seedOption(options.seed));
  const workers = wholeNumber(options.workers, "--workers", 0, 256);
  const window = windowOption(options.window);
  if (calendarOnly && window === "firstYear") throw new DownlineInputError("options", [{ path: "--window", message: "expected a calendar window (the same periods for every plan): last-year, run, year:N or periods:A-B, got first-year" }]);
  const engine = choice(options.engine, "--engine", ["fast", "reference"] as const, "fast");
  const format = choice(options.format, "--format", FORMATS, "table");
  const table = choice(options.table, "--table", TABLES, "summary");
  const months = wholeNumber(options.months, "--months");
  return { seeds, workers, window, engine, format, table, months };
}

/** Library errors about the experiment's options, named as the command line's flags. */
function asFlags<T>(fn: () => Promise<T>): Promise<T> {
  return fn().catch((e: unknown) => {
    if (e instanceof DownlineInputError && e.source === "options") {
      const flag: Record<string, string> = { window: "--window", seeds: "--seeds", workers: "--workers", engine: "--engine" };
      throw new DownlineInputError("options", e.issues.map((i) => ({ path: flag[i.path] ?? i.path, message: i.message })));
    }
    throw e;
  });
}

type ExperimentSettings = ReturnType<typeof experimentSettings>;

/** The options every experiment passes on: seeds, window, engine, workers (when given) and a progress callback. */
function sharedRunOptions(s: ExperimentSettings, onProgress: (p: { done: number; total: number }) => void) {
  return { seeds: s.seeds, window: s.window, engine: s.engine, ...(s.workers !== undefined ? { workers: s.workers } : {}), onProgress };
}

/**
 * Runs an experiment of `total` runs with a progress bar labelled `label`
 * (stopped however the run ends); `run` is given the shared options
 * ({@link sharedRunOptions}), and the library's errors about them come back
 * named as flags.
 */
async function runExperiment<T>(label: string, total: number, s: ExperimentSettings, io: CommandIo, run: (shared: ReturnType<typeof sharedRunOptions>) => Promise<T>): Promise<T> {
  const bar = progressBar(label, total, "runs", io.progressStream);
  try {
    return await asFlags(() => run(sharedRunOptions(s, ({ done, total }) => bar.update(done, total))));
  } finally {
    bar.stop();
  }
}

/** Checks the memory budget of `groups` run on every seed, as many at once as the workers allow. */
function checkRunsBudget(groups: readonly PlanOnScenario[][], s: ExperimentSettings, memory: CompareOptions["memory"]): void {
  checkBudget(groups, memoryBudget(memory), { engine: s.engine, ledger: false, months: s.months !== undefined, concurrent: concurrency(s.workers, groups.length * s.seeds.length) });
}

/** How many runs go at once, for the memory budget: the workers, at most one per task. */
function concurrency(workers: number | undefined, tasks: number): number {
  return Math.max(1, Math.min(resolveWorkers(workers), tasks));
}

/** `downline compare`: plans on the same seeded worlds over many seeds. */
export async function compareCommand(args: readonly string[], options: CompareOptions, io: CommandIo): Promise<number> {
  const s = experimentSettings(options, true);
  const metrics = metricList(options.metrics, "--metrics") ?? TABLE_METRICS;
  const { plans, scenario } = readInputs(args, options, { maxPlans: 1000, defaultPlans: allPresets });
  const items = checkInputs(plans, scenario, s.months, (line) => io.err(line));
  const groups = groupByWorld(items);
  checkRunsBudget(groups, s, options.memory);
  const outputs = await openOutputs({ "--out": options.out, "--chart": options.chart }, inputFiles(items), io.out);
  try {
    const c = await runExperiment("comparing", groups.length * s.seeds.length, s, io, (shared) =>
      comparePlans({ plans: items.map((i) => ({ plan: i.plan.value, scenario: i.scenarioInput, label: i.plan.label })), ...shared }),
    );
    if (s.format === "json") outputs.main([comparisonJson(c)]);
    else if (s.format === "csv") outputs.main(comparisonCsv(c, s.table));
    else if (s.format === "md") {
      outputs.main([
        comparisonMarkdown(c, { metrics: options.metrics === undefined ? undefined : metrics, differences: options.differences ?? false }),
        "\nIncome disclosure, headline (means across seeds):\n\n",
        ...disclosureHeadlines(c).map((l) => `- ${l}\n`),
      ]);
    } else {
      const lines = [
        terminalText(comparisonIntro(c)),
        "",
        comparisonTable(c, metrics),
      ];
      if (options.differences && c.differences.length > 0) {
        lines.push("", "Paired differences (same world, same seeds; shares in percentage points):", "", comparisonMarkdown(c, { summary: false, metrics }).trimEnd().split("\n").map(terminalText).join("\n"));
      }
      lines.push("", "Income disclosure, headline (means across seeds):", ...disclosureHeadlines(c).map((l) => `  ${l}`), "");
      outputs.main([lines.join("\n")]);
    }
    const worlds = [...new Set(c.arms.map((a) => a.world))].join(", ");
    await outputs.chart(() => payoutRatioChart(c, { title: `Payout ratio over time: ${worlds}, mean of ${c.seeds.length} seeds (band: lowest to highest)` }));
    return 0;
  } finally {
    outputs.discard();
  }
}

/** `--param PATH=V1,V2,…` as the grid's path and values (each value JSON when it reads as JSON, else text). */
function parseParam(text: string): [string, unknown[]] {
  const m = /^([^=\s]+)=(.+)$/.exec(text);
  if (!m) throw new DownlineInputError("options", [{ path: "--param", message: `expected PATH=VALUE,VALUE,… like distributors.orderProbability=0.5,0.65,0.8, got ${JSON.stringify(text.slice(0, 60))}` }]);
  const values = m[2]!.split(",").map((v) => {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  });
  return [m[1]!, values];
}

/** `downline sweep`: scenario fields over values × plans × seeds. */
export async function sweepCommand(args: readonly string[], options: SweepCliOptions, io: CommandIo): Promise<number> {
  const s = experimentSettings(options, true);
  const metric = choice(options.metric, "--metric", metricNames, "payoutRatio");
  if (!options.param || options.param.length === 0) throw new DownlineInputError("options", [{ path: "--param", message: "expected at least one --param PATH=VALUE,VALUE,… (a scenario field and its values)" }]);
  const grid = Object.fromEntries(options.param.map(parseParam));
  if (options.scenario === "own") throw new DownlineInputError("options", [{ path: "--scenario", message: "expected one world for a sweep (a file, default, or a preset's business), got own" }]);
  const { plans, scenario } = readInputs(args, options, { maxPlans: 1000, defaultPlans: defaultPlan });
  const items = checkInputs(plans, scenario, s.months, (line) => io.err(line));
  // Every point's world checked before any run, its problems named by the point.
  const base = items[0]!.scenarioInput;
  const pointsItems: PlanOnScenario[] = [];
  const combos = Object.entries(grid).reduce<Record<string, unknown>[]>((acc, [path, values]) => acc.flatMap((p) => values.map((v) => ({ ...p, [path]: v }))), [{}]);
  for (const point of combos) {
    let world = base;
    for (const [path, value] of Object.entries(point)) world = reading("--param", () => withField(world as ScenarioInput, path, value));
    const resolved = reading(items[0]!.scenarioArg.file, () => {
      try {
        return resolveScenario(world);
      } catch (e) {
        if (e instanceof DownlineInputError) throw new DownlineInputError("scenario", e.issues.map((i) => ({ path: i.path, message: `${i.message} (at --param ${Object.entries(point).map(([p, v]) => `${p}=${JSON.stringify(v)}`).join(" ")})` })));
        throw e;
      }
    });
    for (const item of items) pointsItems.push({ ...item, scenario: reading(item.scenarioArg.file, () => scenarioForPlans(resolved, [item.compiled])), scenarioInput: world });
  }
  const groups = groupByWorld(pointsItems);
  checkRunsBudget(groups, s, options.memory);
  const outputs = await openOutputs({ "--out": options.out, "--chart": options.chart }, inputFiles(items), io.out);
  try {
    const sweep = await runExperiment("sweeping", groups.length * s.seeds.length, s, io, (shared) =>
      sweepParameters({
        scenario: base,
        // Labelled as in compare (a preset by its name): a sweep's rows take each plan's name.
        plans: items.map((i) => ({ ...i.plan.value, name: i.plan.label })),
        grid,
        ...shared,
      }),
    );
    if (s.format === "json") outputs.main([comparisonJson(sweep)]);
    else if (s.format === "csv") outputs.main(comparisonCsv(sweep, s.table));
    else outputs.main([sweepTable(sweep, metric, s.format === "md")]);
    await outputs.chart(() => sweepChart(sweep, { metric }));
    return 0;
  } finally {
    outputs.discard();
  }
}

/** A sweep's metric at every point, plan by plan: a text or Markdown table. */
function sweepTable(sweep: ParameterSweep, metricName: PlanMetricName, markdown: boolean): string {
  const metric = PLAN_METRICS.find((m) => m.name === metricName)!;
  const paths = [...new Set(sweep.points.flatMap((p) => Object.keys(p.parameters)))];
  const digitsOf = new Map(sweep.arms.map((a) => [`${a.plan}\u0000${a.world}`, a.digits]));
  const rows = sweep.summary
    .filter((r) => r.metric === metricName)
    .map((r) => [...paths.map((p) => JSON.stringify(r.parameters[p])), r.plan, cell(r, metric, digitsOf.get(`${r.plan}\u0000${r.world}`) ?? 2)]);
  const head = [...paths, "Plan", `${metricName} (mean ± ${+(sweep.confidence * 100).toFixed(2)}% interval)`];
  const intro = `${metricName}: ${metric.description}. Means over ${sweep.seeds.length} seeds, over ${[...new Set(sweep.arms.map((a) => a.window))].join("; ")}.`;
  return markdown ? `${intro}\n\n${markdownTable(head, rows, paths.length + 1)}\n` : `${terminalText(intro)}\n\n${formatTable(head, rows, paths.length + 1)}\n`;
}
