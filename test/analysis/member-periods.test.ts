import { describe, expect, it } from "vitest";
import { simulate, reporter, PRESETS, DownlineInputError, type ScenarioInput } from "../../src/index.js";
import { MEMBER_PERIOD_COLUMNS, memberPeriodRows, memberSeries, positionOf, sliceValues } from "../../src/analysis/member-periods.js";

const SMALL: ScenarioInput = {
  months: 6,
  start: { founders: 1, network: { distributors: 600, customersPerDistributor: 1.5 } },
  market: { prospects: 20_000 },
};

// Customer orders' CV each period, read from the world's order columns (for the root's group).
const customerCv = reporter(({ network }) => {
  let s = 0;
  for (let o = 0; o < (network.orderCount ?? 0); o++) if (network.orderCustomer![o]! >= 0) s += network.orderCv![o]!;
  return s;
});

describe("per-member, per-period results", () => {
  const all = simulate({ scenario: SMALL, seed: 3, plan: PRESETS["wellness-unilevel"], memberPeriods: { columns: MEMBER_PERIOD_COLUMNS }, collectors: { customerCv } });
  const mp = all.memberPeriods!;

  it("keep each period's current members, and their money adds up to the period rows to the cent", () => {
    expect(mp.periods.map((s) => s.period)).toEqual([0, 1, 2, 3, 4, 5]);
    mp.periods.forEach((slice, t) => {
      const row = all.periods[t]!;
      expect(slice.count).toBe(row.members);
      for (let k = 1; k < slice.count; k++) expect(slice.members[k]!).toBeGreaterThan(slice.members[k - 1]!);
      const sum = (m: Parameters<typeof sliceValues>[2]) => sliceValues(mp, slice, m).reduce((a, b) => a + b, 0);
      expect(sum("earnings")).toBe(row.payout);
      expect(sum("retailProfit")).toBe(row.customerPaid);
      expect(sum("expenses")).toBe(row.expenses);
      expect(sum("requiredPurchases")).toBe(row.requiredPurchases);
      expect(sum("active")).toBe(row.active);
      expect(sum("hours")).toBeCloseTo(row.hours, 6);
      // The single founder's group holds every order: GV = the period's CV; its end-customer part = customers' orders' CV.
      const root = positionOf(slice, 0);
      expect(sliceValues(mp, slice, "gv")[root]).toBe(row.cv);
      expect(sliceValues(mp, slice, "groupCustomerCv")[root]).toBe(all.collected.customerCv[t]);
    });
  });

  it("sum, member by member, to the run's member totals (gross, net, hours)", () => {
    const gross = new Map<number, number>();
    const net = new Map<number, number>();
    for (const slice of mp.periods) {
      const g = sliceValues(mp, slice, "gross");
      const n = sliceValues(mp, slice, "net");
      for (let k = 0; k < slice.count; k++) {
        const i = slice.members[k]!;
        gross.set(i, (gross.get(i) ?? 0) + g[k]!);
        net.set(i, (net.get(i) ?? 0) + n[k]!);
      }
    }
    for (const m of all.members) {
      expect(gross.get(m.member) ?? 0).toBe(m.gross);
      expect(net.get(m.member) ?? 0).toBe(m.net);
    }
  });

  it("title is the running maximum of paid-as rank; by component adds to earnings and retail profit", () => {
    const someone = all.members.filter((m) => m.title !== "").at(-1) ?? all.members[0]!;
    const rank = memberSeries(mp, someone.member, "rank").values;
    const title = memberSeries(mp, someone.member, "title").values;
    let max = 0;
    rank.forEach((r, t) => {
      max = Math.max(max, r);
      expect(title[t]).toBe(max);
    });
    const rows = memberPeriodRows(mp, { members: [someone.member] });
    for (const r of rows) {
      const components = Object.values(r.byComponent!).reduce((a, b) => a + b, 0);
      expect(components).toBe(r.gross);
      expect(r.net).toBe(r.gross! - r.expenses! - r.requiredPurchases!);
    }
  });

  it("default columns: split not kept, derived measures still read; a window keeps only its periods", () => {
    const d = simulate({ scenario: SMALL, seed: 3, plan: PRESETS["wellness-unilevel"], ledger: false, memberPeriods: { from: 2, to: 4 } });
    expect(d.memberPeriods!.periods.map((s) => s.period)).toEqual([2, 3]);
    expect(d.memberPeriods!.columns).toEqual(["earnings", "retailProfit", "expenses", "requiredPurchases", "rank", "title", "active"]);
    const s = d.memberPeriods!.periods[0]!;
    expect(s.byComponent).toBeUndefined();
    expect(Array.from(sliceValues(d.memberPeriods!, s, "net"))).toEqual(Array.from(sliceValues(mp, mp.periods[2]!, "net")));
    expect(() => sliceValues(d.memberPeriods!, s, "hours")).toThrow(/"hours"/);
    const rows = memberPeriodRows(d.memberPeriods!, { members: [5, 6] });
    expect(rows.every((r) => r.hours === null && r.byComponent === null && typeof r.net === "number")).toBe(true);
  });

  it("a member's series reads 0 and not-present outside her membership", () => {
    const quitter = all.members.find((m) => m.quitPeriod !== null && m.quitPeriod > 0 && m.quitPeriod < 5)!;
    const series = memberSeries(mp, quitter.member, "expenses");
    expect(Array.from(series.present)).toEqual(series.periods.map((t) => (t < quitter.quitPeriod! && t >= quitter.joinPeriod ? 1 : 0)));
  });

  it("rejects bad options by field, before any work", () => {
    const bad = () => simulate({ scenario: SMALL, memberPeriods: { columns: ["earnings", "wealth" as never], from: -1 } });
    expect(bad).toThrow(DownlineInputError);
    expect(bad).toThrow(/memberPeriods\.columns\[1\].*"wealth"[\s\S]*memberPeriods\.from/);
  });

  it("are absent unless asked for", () => {
    expect(simulate({ scenario: { ...SMALL, months: 1 } }).memberPeriods).toBeUndefined();
  });
});
