/**
 * Replay: a simulated world written out as CSV, imported and replayed, pays
 * exactly what the simulation paid, member by member, to the cent — on both
 * engines for small worlds under every kind of plan, and on the fast engine
 * for a 100,000-member world. Several plans at once see one history; the
 * results work with collectors and writers like a simulation's.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/run/simulate.js";
import { replay } from "../../src/run/replay.js";
import { historyCollector } from "../../src/analysis/history-collector.js";
import { historyCsvPieces } from "../../src/output/history-csv.js";
import { importHistory } from "../../src/history/import.js";
import { reporter } from "../../src/analysis/reporter.js";
import { ledgerLines } from "../../src/analysis/ledger.js";
import { PRESETS } from "../../src/plan/presets.js";
import { DEFAULT_PLAN } from "../../src/engine/default-plan.js";
import type { History } from "../../src/history/history.js";
import type { SimulationResult } from "../../src/analysis/result.js";
import type { PlanInput } from "../../src/plan/plan.js";
import type { ScenarioInput } from "../../src/world/scenario.js";

/** A history written as the three CSV files and imported back. */
async function throughCsv(history: History, dates: "first" | "spread" = "spread"): Promise<History> {
  const text = (file: "members" | "customers" | "orders") => [...historyCsvPieces(history, file, { dates })].join("");
  const start = `${history.calendar.period === "month" ? "2025-01" : "2025-W01"}`;
  return importHistory({ members: text("members"), customers: text("customers"), orders: text("orders") }, {
    start,
    period: history.calendar.period,
    currency: history.currency,
    ...(history.members.placement ? { placementWidth: history.members.placement.width } : {}),
  });
}

/**
 * Where each simulated member is in a replay of the run's history: by her id (`M` + (i + 1), the history
 * collector's), since an import numbers members in join order and a generated start network is numbered
 * depth-first. Without `history`, the replay's member i is the run's.
 */
function replayIndex(a: SimulationResult, history?: History): Int32Array {
  return Int32Array.from({ length: a.memberColumns.size }, (_, i) => (history ? history.members.ids.indexOf(`M${i + 1}`) : i));
}

/** Members whose earnings differ (any component), as "member component: simulated vs replayed". */
function earningDifferences(a: SimulationResult, b: SimulationResult, history?: History): string[] {
  const out: string[] = [];
  expect(b.memberColumns.size).toBe(a.memberColumns.size);
  const at = replayIndex(a, history);
  a.memberColumns.earnings.forEach((column, c) => {
    const other = b.memberColumns.earnings[c]!;
    for (let i = 0; i < a.memberColumns.size; i++) if (column[i] !== other[at[i]!]) out.push(`${i} ${a.memberColumns.components[c]}: ${column[i]} vs ${other[at[i]!]}`);
  });
  return out;
}

/** The run's ledger lines with each payee as the replay numbers her, in the replay's order (period, component, payee). */
function ledgerAsReplayed(a: SimulationResult, history: History) {
  const at = replayIndex(a, history);
  const components = a.ledger.components;
  return ledgerLines(a.ledger)
    .map((line) => ({ ...line, payee: at[line.payee]! }))
    .sort((x, y) => x.period - y.period || components.indexOf(x.component) - components.indexOf(y.component) || x.payee - y.payee);
}

const AFFILIATE_STEP_DOWN: PlanInput = {
  name: "Affiliate with a step-down",
  activity: { minPv: "0" },
  components: [{ type: "affiliate", rates: ["0.25", "0.05"], stepDown: { afterPeriods: 3, rates: ["0.10", "0.02"] } }],
};

const SMALL: ScenarioInput = { months: 10, start: { founders: 1, network: { distributors: 150, customersPerDistributor: 1.5 } }, market: { prospects: 5000 } };

const CASES: [string, PlanInput, ScenarioInput][] = [
  ["the wellness preset (ranks, fast start, unilevel by rank, matching)", PRESETS["wellness-unilevel"], SMALL],
  ["the stairstep-breakaway preset", PRESETS["stairstep-breakaway"], SMALL],
  ["an affiliate plan with a step-down (customers' acquisition periods)", AFFILIATE_STEP_DOWN, SMALL],
  ["the high-ticket affiliate preset (first orders only)", PRESETS["high-ticket-affiliate"], SMALL],
  ["the binary preset on a tree placed by the weaker leg's volume", PRESETS.binary, { ...SMALL, placement: { kind: "binary", mode: "weakerLegVolume" } }],
  ["the 3×7 matrix preset, company spillover", PRESETS["matrix-3x7"], { ...SMALL, placement: { kind: "matrix", width: 3, spillover: "company" } }],
  ["the default plan in weekly periods", DEFAULT_PLAN, { ...SMALL, months: 3, period: "week" }],
];

describe("round trip: simulate → CSV → import → replay pays the same, member by member, to the cent", () => {
  for (const engine of ["fast", "reference"] as const) {
    it.each(CASES)(`${engine} engine: %s`, async (_what, plan, scenario) => {
      const run = simulate({ scenario, plan, seed: 11, engine, collectors: { history: historyCollector() } });
      const imported = await throughCsv(run.collected.history);
      const again = replay(imported, plan, { engine });
      expect(earningDifferences(run, again, imported)).toEqual([]);
      expect(again.periods.map((r) => r.payout)).toEqual(run.periods.map((r) => r.payout));
      expect(again.periods.map((r) => r.breakage)).toEqual(run.periods.map((r) => r.breakage));
      expect(ledgerLines(again.ledger)).toEqual(ledgerAsReplayed(run, imported));
      // The world's counts too — the market aside (a replay has its own), and effort, hours and
      // expenses (a history records what happened, not the work or the costs behind it).
      const counts = (r: SimulationResult) =>
        r.periods.map(({ prospectsLeft: _p, saturation: _s, working: _w, hours: _h, expenses: _e, requiredPurchases: _r, ...rest }) => ({ ...rest, payoutByComponent: rest.payoutByComponent }));
      expect(counts(again)).toEqual(counts(run));
      expect(run.ledger.length).toBeGreaterThan(0);
    });
  }

  it("the collected history replays without the CSV step too, and with dates on the first day", async () => {
    const plan = PRESETS["wellness-unilevel"];
    const run = simulate({ scenario: SMALL, plan, seed: 3, collectors: { history: historyCollector() } });
    expect(earningDifferences(run, replay(run.collected.history, plan))).toEqual([]);
    const imported = await throughCsv(run.collected.history, "first");
    expect(earningDifferences(run, replay(imported, plan), imported)).toEqual([]);
  });

  it("a 100,000-member world, on the fast engine", async () => {
    const plan = PRESETS["wellness-unilevel"];
    const scenario: ScenarioInput = { months: 3, start: { founders: 1, network: { distributors: 100_000, customersPerDistributor: 1 } }, market: { prospects: 2_000_000 } };
    const run = simulate({ scenario, plan, seed: 5, ledger: false, collectors: { history: historyCollector() } });
    const imported = await throughCsv(run.collected.history);
    expect(imported.members.count).toBeGreaterThan(100_000);
    const again = replay(imported, plan, { ledger: false });
    expect(earningDifferences(run, again, imported)).toEqual([]);
    expect(again.periods.map((r) => r.payout)).toEqual(run.periods.map((r) => r.payout));
  }, 300_000);
});

describe("replay", () => {
  it("pays one history under several plans at once: each as if replayed alone", () => {
    const run = simulate({ scenario: SMALL, seed: 8, collectors: { history: historyCollector() } });
    const history = run.collected.history;
    const plans = [PRESETS["wellness-unilevel"], PRESETS["saas-affiliate"], DEFAULT_PLAN];
    const together = replay(history, plans);
    expect(together.map((r) => r.plan.name)).toEqual(plans.map((p) => p.name));
    plans.forEach((plan, k) => {
      const alone = replay(history, plan);
      expect(earningDifferences(alone, together[k]!)).toEqual([]);
      // One history: identical revenue whatever the plan.
      expect(together[k]!.periods.map((r) => r.revenue)).toEqual(together[0]!.periods.map((r) => r.revenue));
    });
  });

  it("runs extra collectors and onPeriod like simulate", () => {
    const run = simulate({ scenario: SMALL, seed: 8, collectors: { history: historyCollector() } });
    const seen: number[] = [];
    const result = replay(run.collected.history, DEFAULT_PLAN, { collectors: { active: reporter(({ payout }) => payout.activeCount) }, onPeriod: (rows) => seen.push(rows[0]!.period) });
    expect(result.collected.active).toEqual(result.periods.map((r) => r.active));
    expect(seen).toEqual(result.periods.map((r) => r.period));
    expect(result.scenario.name).toBe("replay");
    expect(result.members.length).toBe(result.memberColumns.size);
  });

  it("places members by a given mode when the history has no placement tree, and refuses a width unlike the history's", async () => {
    const history = await importHistory({
      members: "id,sponsor,joined\nA,,2025-01-01\nB,A,2025-01-02\nC,A,2025-01-03\nD,B,2025-02-01\n",
      orders: "date,member,price,cv\n2025-02-02,B,100,100\n2025-02-02,C,100,100\n2025-02-03,D,100,100\n2025-02-03,A,100,100\n",
    });
    const binary: PlanInput = { activity: { minPv: "0" }, components: [{ type: "binary", pay: { kind: "weakLeg", rate: "0.10" }, carryover: {}, qualification: { active: true, sponsoredEachSide: false } }] };
    const paid = replay(history, binary, { scenario: { placement: { kind: "binary", mode: "spillover" } } });
    // February (period 0: the first with orders): A's legs hold B's subtree (B + D: 200) and C (100): 10% of 100.
    expect(paid.periods.map((r) => r.payout)).toEqual([10_00]);
    const withTree = await importHistory({ members: "id,sponsor,joined,parent,slot\nA,,2025-01-01,,\nB,A,2025-01-02,A,0\nC,A,2025-01-03,A,1\nD,A,2025-01-03,A,2\n" }, { placementWidth: 3 });
    expect(() => replay(withTree, binary, { scenario: { placement: { kind: "binary", mode: "spillover" } } })).toThrow(/scenario\.placement: expected a placement 3 wide, as the history's, got 2/);
  });
});
