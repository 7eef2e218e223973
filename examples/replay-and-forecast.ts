/**
 * Replay a real business and forecast it: import a history (the sample in
 * examples/data, written by examples/data/generate.ts), pay its past under
 * the company's plan and under a proposed one, reconcile the company plan
 * against what was actually paid, and forecast the next 24 months over five
 * seeds.
 *
 *   npx tsx examples/replay-and-forecast.ts
 */
import { realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatMinor, historySummary, reconcile, replay, simulate, PRESETS, type PlanInput, type SimulationResult } from "../src/index.js";
import { readHistoryFiles, readPaidFile } from "../src/cli/node.js"; // in a project: from "downline/node"

const DATA = join(dirname(fileURLToPath(import.meta.url)), "data");

/** The company's plan: the wellness preset (ranks, fast start, unilevel by rank, leadership match). */
export const COMPANY_PLAN = PRESETS["wellness-unilevel"];

/** A proposal: no ranks, a richer flat unilevel, the same retail commission. */
export const PROPOSED_PLAN: PlanInput = {
  name: "Proposed flat unilevel",
  activity: { minPv: "100" },
  components: [
    { type: "customerCommission", name: "retail", rate: "0.20" },
    { type: "unilevel", name: "unilevel", rates: ["0.10", "0.07", "0.05"], compression: "dynamic" },
  ],
};

const total = (r: SimulationResult, f: (row: SimulationResult["periods"][number]) => number) => r.periods.reduce((s, row) => s + f(row), 0);

export async function main() {
  const history = await readHistoryFiles({ members: join(DATA, "members.csv"), customers: join(DATA, "customers.csv"), orders: join(DATA, "orders.csv") });
  console.log(historySummary(history));

  // 1. The past under two plans: one history, every difference the plans'.
  const [company, proposed] = replay(history, [COMPANY_PLAN, PROPOSED_PLAN]);
  const comparison = [company!, proposed!].map((r) => ({
    plan: r.plan.name,
    payout: formatMinor(total(r, (p) => p.payout), r.digits),
    shareOfRevenue: +(total(r, (p) => p.payout) / total(r, (p) => p.revenue)).toFixed(4),
  }));
  console.table(comparison);

  // 2. What the company paid, against what its plan pays: the largest differences first.
  const paid = await readPaidFile(join(DATA, "paid.csv"), history);
  const { differences, lines, matching } = reconcile(company!, paid);
  console.log(`reconciliation: ${matching} of ${lines} member-months match to the cent; ${differences.length} differ`);
  console.table(differences.map((d) => ({ member: d.member, month: d.label, paid: formatMinor(d.paid, 2), computed: formatMinor(d.computed, 2), difference: formatMinor(d.difference, 2) })));

  // 3. The next 24 months under the company plan, five seeds: the same history, five futures.
  const forecasts = [1, 2, 3, 4, 5].map((seed) =>
    simulate({ scenario: { name: "forecast", months: 24, market: { prospects: 4_000 } }, plan: COMPANY_PLAN, seed, start: { history }, ledger: false }),
  );
  const forecast = forecasts.map((f) => ({ seed: f.seed, months: f.periods.length, payout: total(f, (p) => p.payout), membersAtEnd: f.periods.at(-1)!.members }));
  const mean = forecast.reduce((s, f) => s + f.payout, 0) / forecast.length;
  console.log(`forecast, 24 months from ${history.periods} months of history: payout ${formatMinor(Math.round(mean), 2)} on average over ${forecast.length} seeds`);
  return { history, comparison, differences, lines, matching, forecast };
}

// Run directly (`npx tsx examples/replay-and-forecast.ts`), not when imported (the tests):
// compared as paths, so a folder with a space or a symlink in its path is fine.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
