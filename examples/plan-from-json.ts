/**
 * A plan of your own, as a JSON file: read it, validate it (every bad field
 * named by its path, before any work), and run it on a small business, each
 * plan on the same seeded world.
 *
 *   npx tsx examples/plan-from-json.ts                      # the plans in examples/plans/
 *   npx tsx examples/plan-from-json.ts my-plan.json ...     # your own
 *
 * A plan file may name the JSON Schema (`"$schema":
 * "node_modules/downline/schema/plan.schema.json"`, also exported as
 * `downline/schema/plan.schema.json`) so that an editor completes and checks
 * its fields; in TypeScript, the same object typed `PlanInput` is checked by
 * the compiler. A plan read from a file is checked at run time:
 * `compilePlan` throws a `DownlineInputError` listing every bad field. In
 * your own project, import from "downline" instead of "../src/index.js".
 */
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compilePlan, DownlineInputError, formatMinor, simulatePlans, type CompiledPlan, type PlanInput, type ScenarioInput } from "../src/index.js";

/** The plan files beside this example. */
export const EXAMPLE_PLANS = join(dirname(fileURLToPath(import.meta.url)), "plans");

/** How big a run (the tests make it small). */
export interface PlanFromJsonOptions {
  readonly files?: readonly string[];
  readonly months?: number;
  readonly distributors?: number;
  readonly print?: boolean;
}

/** A plan file read and validated: its compiled plan, or the problems found (one line each: field path and message). */
export type LoadedPlan = { readonly file: string; readonly plan: CompiledPlan } | { readonly file: string; readonly problems: readonly string[] };

/** Reads a plan file and compiles it: a file that is not JSON, or not a valid plan, gives its problems. */
export function loadPlan(file: string): LoadedPlan {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return { file, problems: [`not JSON: ${(e as Error).message}`] };
  }
  try {
    // Data from a file is checked here, at run time, field by field: the cast only lets it in.
    return { file, plan: compilePlan(data as PlanInput) };
  } catch (e) {
    if (e instanceof DownlineInputError) return { file, problems: e.issues.map((i) => `${i.path}: ${i.message}`) };
    throw e;
  }
}

export function main(options: PlanFromJsonOptions = {}) {
  const files = options.files ?? readdirSync(EXAMPLE_PLANS).filter((f) => f.endsWith(".json")).sort().map((f) => join(EXAMPLE_PLANS, f));
  const loaded = files.map(loadPlan);
  const plans = loaded.flatMap((l) => ("plan" in l ? [l] : []));
  const distributors = options.distributors ?? 1000;
  const scenario: ScenarioInput = {
    name: "a small business",
    months: options.months ?? 24,
    start: { founders: 1, network: { distributors, customersPerDistributor: 1.5 } },
    market: { prospects: distributors * 50 },
  };
  // One seeded world, every plan paid on it (common random numbers) — unless a plan needs more of
  // the world: one with enrolment packages runs where members join with those packages (its
  // package volumes as prices), and one paying on a placement tree (a binary, a matrix) gets the
  // tree it states (the runner supplies it). Plans needing different worlds run apart.
  const worldOf = (plan: CompiledPlan): ScenarioInput =>
    plan.packages.length === 0
      ? scenario
      : { ...scenario, packages: plan.packages.map((p) => ({ name: p.name, price: p.volume < 0 ? "100" : formatMinor(p.volume, plan.digits) })) };
  const key = (plan: CompiledPlan) => JSON.stringify([worldOf(plan), plan.needs.placement ?? null]);
  const groups = [...new Set(plans.map((p) => key(p.plan)))].map((k) => plans.filter((p) => key(p.plan) === k));
  const rows = groups.flatMap((group) => {
    const results = simulatePlans({ scenario: worldOf(group[0]!.plan), seed: 42, ledger: false, plans: group.map((p) => p.plan) });
    return results.map((r, k) => {
      const revenue = r.periods.reduce((s, p) => s + p.revenue, 0);
      const payout = r.periods.reduce((s, p) => s + p.payout, 0);
      const byComponent: Record<string, string> = {};
      for (const name of r.plan.components) byComponent[name] = formatMinor(r.periods.reduce((s, p) => s + (p.payoutByComponent[name] ?? 0), 0), r.digits);
      return { file: basename(group[k]!.file), plan: r.plan.name, payout: formatMinor(payout, r.digits), payoutShare: payout / revenue, byComponent };
    });
  });
  const problems = loaded.flatMap((l) => ("problems" in l ? [l] : []));
  if (options.print !== false) {
    for (const row of rows) {
      console.log(`${row.file}: "${row.plan}" paid ${row.payout} over ${scenario.months} months, ${(row.payoutShare * 100).toFixed(1)}% of revenue`);
      console.log(`  ${Object.entries(row.byComponent).map(([name, amount]) => `${name} ${amount}`).join(", ")}`);
    }
    for (const p of problems) {
      console.log(`${basename(p.file)}: not a valid plan:`);
      for (const line of p.problems) console.log(`  ${line}`);
    }
  }
  return { rows, problems };
}

// Run directly (`npx tsx examples/plan-from-json.ts [plan.json ...]`), not when imported (the
// tests): compared as paths, so a folder with a space or a symlink in its path is fine.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  main(files.length > 0 ? { files } : {});
}
