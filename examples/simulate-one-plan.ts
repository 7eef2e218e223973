/**
 * Simulate one plan: three years of a wellness business under the
 * wellness preset (customer commission, fast start, a unilevel paid deeper
 * by rank, a leadership match), month by month, to the cent.
 *
 *   npx tsx examples/simulate-one-plan.ts
 *
 * Prints a few months of the period table, the run's payout by component and
 * as a share of revenue, who earned what (the share paid nothing, the top
 * 1%'s share of all earnings), and the first lines of the ledger. In your
 * own project, import from "downline" instead of "../src/index.js".
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatMinor, ledgerLines, PRESETS, simulate, type ScenarioInput, type SimulationResult } from "../src/index.js";

/** How big a run (the tests make it small). */
export interface SimulateOneOptions {
  readonly months?: number;
  readonly distributors?: number;
  /** Print (default true). */
  readonly print?: boolean;
}

/** What the example reports, in minor units where it is money. */
export interface OneRunSummary {
  readonly plan: string;
  readonly months: number;
  readonly revenue: number;
  readonly payout: number;
  readonly payoutShare: number;
  readonly byComponent: Readonly<Record<string, number>>;
  readonly participants: number;
  readonly paidNothingShare: number;
  readonly top1Share: number;
}

/** The run's headline figures. */
export function summarize(result: SimulationResult): OneRunSummary {
  const revenue = result.periods.reduce((s, p) => s + p.revenue, 0);
  const payout = result.periods.reduce((s, p) => s + p.payout, 0);
  const byComponent: Record<string, number> = {};
  for (const p of result.periods) for (const [name, amount] of Object.entries(p.payoutByComponent)) byComponent[name] = (byComponent[name] ?? 0) + amount;
  // Participants: everyone who was ever a member, company accounts (the founders) left out.
  const people = result.members.filter((m) => !m.company);
  const earnings = people.map((m) => m.earnings).sort((a, b) => b - a);
  const total = earnings.reduce((s, e) => s + e, 0);
  const top1 = earnings.slice(0, Math.ceil(earnings.length / 100)).reduce((s, e) => s + e, 0);
  return {
    plan: result.plan.name,
    months: result.periods.length,
    revenue,
    payout,
    payoutShare: payout / revenue,
    byComponent,
    participants: people.length,
    paidNothingShare: earnings.filter((e) => e === 0).length / people.length,
    top1Share: total > 0 ? top1 / total : 0,
  };
}

export function main(options: SimulateOneOptions = {}): { result: SimulationResult; summary: OneRunSummary } {
  const distributors = options.distributors ?? 2000;
  const scenario: ScenarioInput = {
    name: "a wellness business",
    months: options.months ?? 36,
    start: { founders: 1, network: { distributors, customersPerDistributor: 1.5 } },
    market: { prospects: distributors * 50 },
  };
  const result = simulate({ scenario, plan: PRESETS["wellness-unilevel"], seed: 42 });
  const summary = summarize(result);
  if (options.print !== false) {
    const money = (minor: number) => formatMinor(minor, result.digits);
    const shown = result.periods.filter((p, k) => k < 3 || k === result.periods.length - 1);
    console.table(shown.map((p) => ({ month: p.period + 1, members: p.members, joins: p.joins, quits: p.quits, revenue: money(p.revenue), payout: money(p.payout), breakage: money(p.breakage) })));
    console.log(`${summary.plan}, ${summary.months} months: revenue ${money(summary.revenue)}, payout ${money(summary.payout)} (${(summary.payoutShare * 100).toFixed(1)}% of revenue)`);
    console.log(`  by component: ${Object.entries(summary.byComponent).map(([name, amount]) => `${name} ${money(amount)}`).join(", ")}`);
    console.log(`${summary.participants} participants: ${(summary.paidNothingShare * 100).toFixed(1)}% were paid nothing; the top 1% took ${(summary.top1Share * 100).toFixed(1)}% of all earnings`);
    console.log("The ledger's first lines (period, payee, component, amount):");
    for (const line of ledgerLines(result.ledger).slice(0, 5)) console.log(`  ${line.period} ${line.payee} ${line.component} ${money(line.amount)}`);
  }
  return { result, summary };
}

// Run directly (`npx tsx examples/simulate-one-plan.ts`), not when imported (the tests):
// compared as paths, so a folder with a space or a symlink in its path is fine.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
