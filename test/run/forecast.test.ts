/**
 * Forecasts: `simulate({ start: { history } })` replays the history, then
 * the scenario's dynamics continue it — seeded, reproducible, each member's
 * draws her own (keyed by the seed and her external id), and the plans'
 * carried state (binary carryover, titles) carrying on from the history.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/run/simulate.js";
import { simulatePlans } from "../../src/run/simulate-plans.js";
import { replay } from "../../src/run/replay.js";
import { prepareRun, runPeriods } from "../../src/run/prepared-run.js";
import { historyCollector } from "../../src/analysis/history-collector.js";
import { historyFromRecords, type HistoryRecord } from "../../src/history/import.js";
import { PRESETS } from "../../src/plan/presets.js";
import { DEFAULT_PLAN } from "../../src/engine/default-plan.js";
import type { PlanInput } from "../../src/plan/plan.js";
import type { ScenarioInput } from "../../src/world/scenario.js";

const SMALL: ScenarioInput = { months: 8, start: { founders: 1, network: { distributors: 200 } }, market: { prospects: 10_000 } };
const history = simulate({ scenario: SMALL, seed: 4, collectors: { history: historyCollector() } }).collected.history;
const FORECAST: ScenarioInput = { months: 12, market: { prospects: 10_000 } };

/** A world with no dynamics of its own: nobody joins, quits, orders or churns; only subscriptions renew. */
const STILL: ScenarioInput = {
  months: 2,
  customers: { churn: [{ fromMonth: 0, monthly: 0 }] },
  distributors: {
    orderProbability: 0,
    attrition: [{ fromMonth: 0, monthly: 0 }],
    roles: { builder: { recruitRate: 0, acquisitionRate: 0 }, seller: { acquisitionRate: 0 } },
  },
};

describe("a forecast from a history", () => {
  it("is reproducible: same seed, same results; another seed, another future", () => {
    const a = simulate({ scenario: FORECAST, seed: 9, start: { history } });
    const b = simulate({ scenario: FORECAST, seed: 9, start: { history } });
    const c = simulate({ scenario: FORECAST, seed: 10, start: { history } });
    expect(a.periods).toEqual(b.periods);
    expect(a.memberColumns).toEqual(b.memberColumns);
    expect(c.periods.map((r) => r.payout)).not.toEqual(a.periods.map((r) => r.payout));
    expect(a.periods.map((r) => r.period)).toEqual(Array.from({ length: 12 }, (_, k) => history.periods + k));
  });

  it("starts where the history ends: its members, tenures and customers", () => {
    const first = simulate({ scenario: FORECAST, seed: 9, start: { history } }).periods[0]!;
    const replayed = replay(history, DEFAULT_PLAN).periods.at(-1)!;
    // Members at the end of the history, less the first forecast period's quits, plus its joins.
    expect(first.members).toBe(replayed.members - first.quits + first.joins);
    expect(first.customers).toBe(replayed.customers - first.lostCustomers + first.newCustomers);
  });

  it("reports the forecast, or the history and the forecast as one run", () => {
    const forecast = simulate({ scenario: FORECAST, seed: 9, start: { history } });
    const all = simulate({ scenario: FORECAST, seed: 9, start: { history, report: "all" } });
    // The replay in the same market: the same rows, prospects left included.
    expect(all.periods.slice(0, history.periods)).toEqual(replay(history, DEFAULT_PLAN, { scenario: { market: FORECAST.market } }).periods);
    expect(all.periods.slice(history.periods)).toEqual(forecast.periods);
  });

  it("Monte Carlo over seeds: one history, many futures, each reproducible", () => {
    const seeds = [1, 2, 3, 4, 5];
    const payouts = seeds.map((seed) => simulate({ scenario: FORECAST, seed, start: { history }, ledger: false }).periods.reduce((s, r) => s + r.payout, 0));
    expect(new Set(payouts).size).toBe(seeds.length);
    expect(simulate({ scenario: FORECAST, seed: 3, start: { history }, ledger: false }).periods.reduce((s, r) => s + r.payout, 0)).toBe(payouts[2]);
  });

  it("pays several plans on one forecast world (common random numbers)", () => {
    const [a, b] = simulatePlans({ scenario: FORECAST, seed: 9, start: { history }, plans: [DEFAULT_PLAN, PRESETS["wellness-unilevel"]] });
    expect(a!.periods.map((r) => r.revenue)).toEqual(b!.periods.map((r) => r.revenue));
  });

  it("keys each historical member's draws by the seed and her external id, not her index", () => {
    const records = (extra: boolean): HistoryRecord[] => [
      { id: "root", sponsor: null, joined: "2024-01-01" },
      ...(extra ? [{ id: "newcomer", sponsor: "root", joined: "2024-01-01" }] : []),
      ...Array.from({ length: 60 }, (_, k) => ({ id: `m${k}`, sponsor: "root", joined: "2024-01-02" })),
    ];
    const quitsOf = (extra: boolean, rename = false) => {
      const h = historyFromRecords({ members: records(extra).map((r) => (rename && r.id === "m7" ? { ...r, id: "m7-renamed" } : r)) });
      const result = simulate({ scenario: { ...STILL, months: 24, distributors: { orderProbability: 0 } }, seed: 2, start: { history: h } });
      const cols = result.memberColumns;
      const byId = new Map<string, number>();
      for (let i = 0; i < h.members.count; i++) byId.set(h.members.ids.text(i), cols.alive[i] === 1 ? -1 : cols.quitPeriod[i]!);
      return byId;
    };
    const plain = quitsOf(false);
    const shifted = quitsOf(true);
    // Everyone's index moved by one; nobody's fate did.
    for (let k = 0; k < 60; k++) expect(shifted.get(`m${k}`)).toBe(plain.get(`m${k}`));
    expect([...plain.values()].filter((q) => q >= 0).length).toBeGreaterThan(10);
    const renamed = quitsOf(false, true);
    expect([...renamed.entries()].filter(([id]) => id !== "m7-renamed").every(([id, q]) => plain.get(id) === q)).toBe(true);
  });

  it("carries the plans' state on: binary carryover paid against the forecast's renewals", () => {
    const h = historyFromRecords({
      members: [
        { id: "A", sponsor: null, joined: "2025-01-01", parent: null, slot: null },
        { id: "B", sponsor: "A", joined: "2025-01-02", parent: "A", slot: "L" },
        { id: "C", sponsor: "A", joined: "2025-01-02", parent: "A", slot: "R" },
      ],
      customers: [{ id: "c1", distributor: "C", acquired: "2025-01-03" }],
      orders: [
        { date: "2025-01-05", member: "B", price: "300", cv: "300", recurring: false },
        { date: "2025-01-05", customer: "c1", price: "100", cv: "100", recurring: true },
      ],
    });
    const plan: PlanInput = {
      activity: { minPv: "0" },
      components: [{ type: "binary", pay: { kind: "weakLeg", rate: "0.10" }, carryover: {}, qualification: { active: true, sponsoredEachSide: false } }],
    };
    const scenario: ScenarioInput = { ...STILL, placement: { kind: "binary", mode: "spillover" } };
    // January: 10% of the weak leg (100), 200 carried on the left.
    expect(replay(h, plan).periods.map((r) => r.payout)).toEqual([10_00]);
    // February and March: c1 renews 100 on the right each month; the 200 carried pays twice.
    const all = simulate({ scenario, plan, start: { history: h, report: "all" } });
    expect(all.periods.map((r) => r.payout)).toEqual([10_00, 10_00, 10_00]);
    expect(all.periods.map((r) => r.revenueCustomers)).toEqual([100_00, 100_00, 100_00]);
  });

  it("carries titles: a rank advancement bonus paid in the history is not paid again", () => {
    const h = historyFromRecords({
      members: [{ id: "A", sponsor: null, joined: "2025-01-01" }],
      customers: [{ id: "c1", distributor: "A", acquired: "2025-01-03" }],
      orders: [{ date: "2025-01-05", customer: "c1", price: "100", cv: "100", recurring: true }],
    });
    const plan: PlanInput = {
      activity: { minPv: "0" },
      ranks: [{ name: "Bronze", pv: "50" }],
      components: [{ type: "rankAdvancement", bonuses: [{ rank: "Bronze", amount: "25" }] }],
    };
    const result = simulate({ scenario: STILL, plan, start: { history: h, report: "all" } });
    // She is Bronze every month (c1 renews); the bonus is once, in the history.
    expect(result.periods.map((r) => r.payout)).toEqual([25_00, 0, 0]);
  });

  it("carries subscription customers, not one-time buyers", () => {
    const h = historyFromRecords({
      members: [{ id: "A", sponsor: null, joined: "2025-01-01" }],
      customers: [
        { id: "sub", distributor: "A", acquired: "2025-01-03" },
        { id: "once", distributor: "A", acquired: "2025-01-03" },
      ],
      orders: [
        { date: "2025-01-05", customer: "sub", price: "40", cv: "30", recurring: 1 },
        { date: "2025-01-06", customer: "once", price: "500", cv: "400", recurring: 0 },
      ],
    });
    const run = prepareRun({ scenario: STILL, plans: [DEFAULT_PLAN], start: { history: h } });
    runPeriods(run);
    expect(run.handOver!()).toEqual({ members: 1, customers: 1, oneTimeCustomers: 1 });
    const result = simulate({ scenario: STILL, start: { history: h } });
    expect(result.periods.map((r) => [r.customers, r.revenueCustomers, r.cv])).toEqual([
      [1, 40_00, 30_00],
      [1, 40_00, 30_00],
    ]);
  });

  it("continues weekly histories and placement trees (binary, placed by the weaker leg's volume)", () => {
    const scenario: ScenarioInput = { ...SMALL, months: 3, period: "week", placement: { kind: "binary", mode: "weakerLegVolume" } };
    const past = simulate({ scenario, plan: PRESETS.binary, seed: 6, collectors: { history: historyCollector({ start: "2024-12-30" }) } }).collected.history;
    expect(past.calendar.period).toBe("week");
    const future = { ...scenario, months: 2, start: { founders: 1, network: null } };
    const a = simulate({ scenario: future, plan: PRESETS.binary, seed: 1, start: { history: past } });
    expect(a.periods).toHaveLength(8);
    expect(a.periods[0]!.period).toBe(past.periods);
    expect(a.periods.reduce((s, r) => s + r.payout, 0)).toBeGreaterThan(0);
    expect(simulate({ scenario: future, plan: PRESETS.binary, seed: 1, start: { history: past } }).periods).toEqual(a.periods);
  });

  it("refuses a scenario unfit for the history, before any work", () => {
    const weekly = historyFromRecords({ members: [{ id: "A", sponsor: null, joined: "2025-01-01", parent: null, slot: null }, { id: "B", sponsor: "A", joined: "2025-01-02", parent: "A", slot: "L" }] }, { period: "week" });
    expect(() => simulate({ scenario: { months: 2 }, start: { history: weekly } })).toThrow(/scenario\.period: expected "week", the history's period, got "month"/);
    expect(() => simulate({ scenario: { months: 2, period: "week", currency: "EUR" }, start: { history: weekly } })).toThrow(
      /scenario\.currency: expected "USD".*\n.*scenario\.placement: the history has a placement tree 2 wide/,
    );
    expect(() => simulate({ scenario: { months: 2, start: { network: { distributors: 10 } } }, start: { history } })).toThrow(/scenario\.start\.network: a run starts from a history or from a generated network, not both/);
  });
});
