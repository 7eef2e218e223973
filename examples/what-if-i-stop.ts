/**
 * "What if I stop?" — the passive-income question, answered on a
 * counterfactual: the same seeded world run twice, with some distributors
 * still working and with them stopping all effort (no recruiting, no new
 * customers, no business costs) from one month on. Their income with and without their
 * work, month by month, and its half-life: the months without effort until
 * it first falls below half of what it was.
 *
 *   npx tsx examples/what-if-i-stop.ts
 *
 * Who stops: the ten best-paid distributors of the year before the stop
 * (found by running that year alone: the same seed gives the same months).
 * The report follows the five best-paid of them. From the stop on each keeps
 * her account in both runs (`attrition: "exempt"`, the default: a member who
 * would quit in the world as it is stays in both), so the two runs differ
 * only in their effort. In your own project, import from "downline" instead
 * of "../src/index.js".
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatMinor, PRESETS, simulate, stopEffort, stopReport, type ScenarioInput, type StopReport } from "../src/index.js";

/** How big a run (the tests make it small). */
export interface StopExampleOptions {
  readonly months?: number;
  readonly distributors?: number;
  /** The first month without effort (0-based period). Default 12. */
  readonly fromPeriod?: number;
  /** How many stop (the best-paid of the months before). Default 10. */
  readonly members?: number;
  /** How many the report follows (the best-paid first). Default 5. */
  readonly followed?: number;
  readonly print?: boolean;
}

export function main(options: StopExampleOptions = {}): { members: number[]; followed: number[]; report: StopReport } {
  const fromPeriod = options.fromPeriod ?? 12;
  const distributors = options.distributors ?? 2000;
  const scenario: ScenarioInput = {
    name: "a wellness business",
    months: options.months ?? 36,
    start: { founders: 1, network: { distributors, customersPerDistributor: 1.5 } },
    market: { prospects: distributors * 50 },
  };
  const plan = PRESETS["wellness-unilevel"];
  const seed = 7;
  // The months before the stop, alone: the same seeded world, so the same members and pay.
  const before = simulate({ scenario: { ...scenario, months: fromPeriod }, plan, seed, ledger: false });
  const members = before.members
    .filter((m) => !m.company && m.status === "current")
    .sort((a, b) => b.gross - a.gross || a.member - b.member)
    .slice(0, options.members ?? 10)
    .map((m) => m.member);
  // Both runs keep per-member, per-period results: the report reads them.
  const counterfactual = stopEffort({ scenario, plan, seed, ledger: false, memberPeriods: true }, { members, fromPeriod });
  const followed = members.slice(0, options.followed ?? 5);
  const report = stopReport({ ...counterfactual, members: followed });
  if (options.print !== false) {
    const money = (minor: number) => formatMinor(Math.round(minor), report.digits);
    console.log(`${members.length} distributors stop all effort from month ${fromPeriod + 1} (of ${scenario.months}); the ${followed.length} best-paid of them, their income (gross: commissions, bonuses, retail profit):`);
    console.log(report.definition);
    console.table(
      report.members.map((m) => ({
        member: m.member,
        "monthly before": money(m.reference),
        "half-life (months)": m.halfLife ?? `not within ${m.periodsObserved}`,
        "with effort, after": money(m.totalWith),
        "without effort": money(m.totalWithout),
        kept: `${(m.keptShare * 100).toFixed(0)}%`,
      })),
    );
    console.log("The cohort, month by month after the stop: median income without effort as a share of before");
    console.log(report.cohort.map((c) => `${c.sinceStop}: ${(c.retainedMedian * 100).toFixed(0)}%`).join("  "));
    const h = report.halfLife;
    const months = (x: number | null) => (x === null ? "not reached within the run" : `${x} months`);
    console.log(`Half-life across the ${h.members}: median ${months(h.median)}; quartiles ${months(h.q1)} and ${months(h.q3)}.`);
  }
  return { members, followed, report };
}

// Run directly (`npx tsx examples/what-if-i-stop.ts`), not when imported (the tests):
// compared as paths, so a folder with a space or a symlink in its path is fine.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
