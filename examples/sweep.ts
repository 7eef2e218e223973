/**
 * A parameter sweep: how two plans fare as the market runs out of
 * prospects. The market's size (`market.prospects`) takes three values, from
 * a market the network saturates within months to one it barely dents; at
 * each, the default unilevel and the stairstep preset are paid on the same
 * worlds over five seeds (common random numbers), and each metric gets its
 * mean and a 95% Student-t interval across the seeds.
 *
 *   npx tsx examples/sweep.ts
 *
 * `sweepParameters` here runs in this thread; `downline/parallel` has the
 * same function on worker threads (a `workers` option), with identical
 * results. In your own project, import from "downline" instead of
 * "../src/index.js".
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_PLAN, PRESETS, sweepParameters, type ParameterSweep, type ScenarioInput } from "../src/index.js";

/** How big a sweep (the tests make it small). */
export interface SweepExampleOptions {
  readonly months?: number;
  readonly distributors?: number;
  readonly seeds?: number;
  readonly print?: boolean;
}

/** The metrics the example prints, with how each is shown. */
const SHOWN = {
  payoutRatio: (x: number) => `${(x * 100).toFixed(1)}%`,
  zeroEarnerShare: (x: number) => `${(x * 100).toFixed(1)}%`,
  netProfitShare: (x: number) => `${(x * 100).toFixed(1)}%`,
  participants: (x: number) => x.toFixed(0),
} as const;

export async function main(options: SweepExampleOptions = {}): Promise<{ sweep: ParameterSweep; table: string }> {
  const distributors = options.distributors ?? 2000;
  const scenario: ScenarioInput = {
    name: "a wellness business",
    months: options.months ?? 24,
    start: { founders: 1, network: { distributors, customersPerDistributor: 1.5 } },
  };
  const sweep = await sweepParameters({
    scenario,
    plans: [DEFAULT_PLAN, PRESETS["stairstep-breakaway"]],
    // Prospects per starting distributor: 5 (saturated within months), 25, 125.
    grid: { "market.prospects": [distributors * 5, distributors * 25, distributors * 125] },
    seeds: options.seeds ?? 5,
    window: "lastYear",
  });
  const header = ["prospects", "plan", ...Object.keys(SHOWN).map((m) => `${m} (95% interval)`)];
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const point of sweep.points) {
    for (const plan of [...new Set(sweep.summary.filter((r) => r.point === point.point).map((r) => r.plan))]) {
      const cells = Object.entries(SHOWN).map(([metric, show]) => {
        const r = sweep.summary.find((s) => s.point === point.point && s.plan === plan && s.metric === metric)!;
        return `${show(r.mean)} (${show(r.lo)}–${show(r.hi)})`;
      });
      lines.push(`| ${String(point.parameters["market.prospects"])} | ${plan} | ${cells.join(" | ")} |`);
    }
  }
  const table = lines.join("\n");
  if (options.print !== false) {
    console.log(`${sweep.seeds.length} seeds, ${scenario.months} months from ${distributors} distributors; metrics over the last 12 months:\n`);
    console.log(table);
  }
  return { sweep, table };
}

// Run directly (`npx tsx examples/sweep.ts`), not when imported (the tests):
// compared as paths, so a folder with a space or a symlink in its path is fine.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
