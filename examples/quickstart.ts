/**
 * Quick start: simulate three years of a small business under a unilevel plan,
 * then compare it with a flatter plan on the very same world (common random numbers).
 *
 *   npx tsx examples/quickstart.ts
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { simulate, simulatePlans, formatMinor, DEFAULT_PLAN, type PlanInput, type SimulationResult } from "../src/index.js";

const scenario = {
  months: 36,
  start: { founders: 1, network: { distributors: 2000, customersPerDistributor: 1.5 } },
  market: { prospects: 100_000 },
};

/** A two-level plan with a richer first level and no compression. */
export const FLAT_PLAN: PlanInput = {
  name: "Two-level flat",
  activity: { minPv: "100" },
  components: [
    { type: "customerCommission", name: "customer", rate: "0.20" },
    { type: "unilevel", name: "unilevel", rates: ["0.15", "0.10"], compression: "none" },
  ],
};

/** Payout, its share of revenue, and the share of members who earned nothing. */
export function headline(result: SimulationResult) {
  const revenue = result.periods.reduce((s, p) => s + p.revenue, 0);
  const payout = result.periods.reduce((s, p) => s + p.payout, 0);
  const zero = result.members.filter((m) => m.gross === 0).length / result.members.length;
  return { plan: result.plan.name, payout: formatMinor(payout, result.digits), payoutShare: +(payout / revenue).toFixed(4), earnedNothing: +zero.toFixed(4) };
}

export function main() {
  const one = simulate({ scenario, seed: 42 });
  const last = one.periods.at(-1)!;
  console.log(`month 36: ${last.members} distributors, ${last.customers} customers, payout ${formatMinor(last.payout, 2)}`);
  const both = simulatePlans({ scenario, seed: 42, plans: [DEFAULT_PLAN, FLAT_PLAN] });
  const rows = both.map(headline);
  console.table(rows);
  return rows;
}

// Run directly (`npx tsx examples/quickstart.ts`), not when imported (the tests):
// compared as paths, so a folder with a space or a symlink in its path is fine.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
