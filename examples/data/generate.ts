/**
 * Writes the sample history in this folder: a small direct-selling business
 * simulated by downline itself (seed 2024), 18 months of it, written out as
 * the CSV files a company would export — members, customers, orders — and
 * the amounts it "actually paid" under its plan (the wellness preset), with
 * three discrepancies planted for the reconciliation to find:
 *
 * - D10006 was paid 25.00 less in 2024-03 (a manual deduction);
 * - D10022's 2024-06 payment is missing;
 * - D10014 was paid a 50.00 goodwill bonus in 2024-09 that the plan does not pay.
 *
 * Retail commission (`retail`) is paid by the company too in this plan, so
 * every component is in the paid file, one row per member and month.
 *
 *   npx tsx examples/data/generate.ts [folder]
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatMinor, historyCollector, historyCsvPieces, periodLabel, PRESETS, simulate, type ScenarioInput } from "../../src/index.js";

/** The sample business: a mature network of 150 distributors to start, in a market of 4,000. */
export const SAMPLE_SCENARIO: ScenarioInput = {
  name: "sample business",
  months: 18,
  start: { founders: 1, network: { distributors: 150, customersPerDistributor: 1.5 } },
  market: { prospects: 4_000 },
};
export const SAMPLE_SEED = 2024;
export const SAMPLE_PLAN = PRESETS["wellness-unilevel"];

/** The planted discrepancies: [member, period label, paid minus what the plan pays, in cents]. */
export const PLANTED: readonly [string, string, number | "missing"][] = [
  ["D10006", "2024-03", -25_00],
  ["D10022", "2024-06", "missing"],
  ["D10014", "2024-09", 50_00],
];

/** The four files, as text. */
export function sampleFiles(): Record<"members.csv" | "customers.csv" | "orders.csv" | "paid.csv", string> {
  const run = simulate({
    scenario: SAMPLE_SCENARIO,
    plan: SAMPLE_PLAN,
    seed: SAMPLE_SEED,
    collectors: { history: historyCollector({ start: "2024-01-01", memberId: (i) => `D${10001 + i}`, customerId: (c) => `C${50001 + c}` }) },
  });
  const history = run.collected.history;
  const csv = (file: "members" | "customers" | "orders") => [...historyCsvPieces(history, file, { dates: "spread" })].join("");
  // What the company paid: the plan's amounts per member and month, then the planted discrepancies.
  const paid = new Map<string, number>();
  for (const chunk of run.ledger.chunks) {
    for (let k = 0; k < chunk.payee.length; k++) {
      const key = `${history.members.ids.text(chunk.payee[k]!)},${periodLabel(history.calendar, chunk.period)}`;
      paid.set(key, (paid.get(key) ?? 0) + chunk.amount[k]!);
    }
  }
  for (const [member, period, change] of PLANTED) {
    const key = `${member},${period}`;
    if (change === "missing") {
      if (!paid.delete(key)) throw new Error(`the sample has no payment to ${key} to leave out`);
    } else paid.set(key, (paid.get(key) ?? 0) + change);
  }
  const rows = [...paid.entries()].map(([key, amount]) => `${key},${formatMinor(amount, 2)}\n`);
  return {
    "members.csv": csv("members"),
    "customers.csv": csv("customers"),
    "orders.csv": csv("orders"),
    "paid.csv": "member,period,amount\n" + rows.join(""),
  };
}

/** Writes the files into `folder` (default: this one). */
export function writeSample(folder = dirname(fileURLToPath(import.meta.url))): void {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(sampleFiles())) writeFileSync(join(folder, name), text);
}

if (import.meta.url === `file://${process.argv[1]}`) writeSample(process.argv[2]);
