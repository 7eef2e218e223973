/** Trees can be a million levels deep: nothing may recurse on them. */
import { describe, expect, it } from "vitest";
import { createFastEngine, createReferenceEngine, type PeriodNetwork, type PlanInput } from "../../src/index.js";

const RATES = ["0.08", "0.05", "0.04", "0.04", "0.04", "0.03", "0.02"]; // sum 0.30

/** A straight line: member i sponsored by i − 1; everyone orders 100.00 CV. */
function chain(n: number): PeriodNetwork {
  const upline = new Int32Array(n);
  for (let i = 0; i < n; i++) upline[i] = i - 1;
  return {
    period: 0,
    size: n,
    upline,
    alive: new Uint8Array(n).fill(1),
    members: Int32Array.from({ length: n }, (_, i) => i),
    memberCount: n,
    joinPeriod: new Int32Array(n),
    ownCv: new Float64Array(n).fill(100_00),
    customerCv: new Float64Array(n),
  };
}

describe("a straight-line downline", () => {
  it("1,000,000 levels: one month on the fast engine, numbers by hand", () => {
    const n = 1_000_000;
    const payout = createFastEngine({ components: [{ type: "unilevel", rates: RATES }] }).pay(chain(n));
    const amounts = payout.amounts[0]!;
    // Members 0 .. n−8 have 7 paying levels below them: 0.30 × 100.00 = 30.00.
    expect(amounts[0]).toBe(30_00);
    expect(amounts[n - 8]).toBe(30_00);
    // Member n−2 has one level below her (level 1, 8%): 8.00; member n−3: 8 + 5 = 13.00; the last member: nothing.
    expect(amounts[n - 2]).toBe(8_00);
    expect(amounts[n - 3]).toBe(13_00);
    expect(amounts[n - 1]).toBe(0);
    // Breakage: the top seven members' orders lack uplines for some levels:
    // member 0 lacks all 7 (30.00), member 1 levels 2–7 (22.00), member 2 levels 3–7 (17.00),
    // member 3 (13.00), member 4 (9.00), member 5 (5.00), member 6 level 7 (2.00): 98.00.
    expect(payout.breakage[0]).toBe(98_00);
    // Headline 0.30 × 100.00 × 1,000,000 = 30,000,000.00 = paid + breakage.
    expect(payout.paid[0]).toBe(30_000_000_00 - 98_00);
    // Group volume of the top: everyone's 100.00 = 100,000,000.00; each member has one leg.
    expect(payout.gv[0]).toBe(100_000_000_00);
    expect(payout.largestLeg[0]).toBe(99_999_900_00);
    expect(payout.gv[n - 1]).toBe(100_00);
    expect(payout.frontline[0]).toBe(1);
  });

  it("200,000 levels on the reference engine, agreeing with the fast one", () => {
    const net = chain(200_000);
    const plan: PlanInput = { components: [{ type: "unilevel", rates: RATES, compression: "none" }] };
    const fast = createFastEngine(plan).pay(net);
    const reference = createReferenceEngine(plan).pay(net);
    expect(reference.paid).toEqual(fast.paid);
    expect(reference.breakage).toEqual([98_00]);
    expect(reference.amounts[0]![0]).toBe(30_00);
  });

  it("dynamic compression over a long inactive stretch climbs without recursion", () => {
    // 300,000 members; only member 0 and the last one are active. The last one's order climbs
    // 299,998 inactive uplines to reach member 0 at level 1.
    const n = 300_000;
    const net = chain(n);
    net.ownCv.fill(0);
    net.ownCv[0] = 100_00;
    net.ownCv[n - 1] = 100_00;
    const payout = createFastEngine({ components: [{ type: "unilevel", rates: RATES }] }).pay(net);
    // Member 0 earns level 1 (8%) on the last member's 100.00 = 8.00.
    expect(payout.amounts[0]![0]).toBe(8_00);
    expect(payout.paid[0]).toBe(8_00);
    // Breakage: 0.30 × 200.00 − 8.00 = 52.00.
    expect(payout.breakage[0]).toBe(52_00);
  });
});

describe("the plan language on deep and wide trees (no recursion)", () => {
  it("a cascading match up a 300,000-level line, on exact amounts: each upline matches what the one below earned, match included", () => {
    const n = 300_000;
    // Everyone is rank R (PV 100): a differential of 10% pays each member 10.00 on her downline member's order
    // (the buyer excluded); a 50% match cascades: m(i) = 0.5 × (10.00 + m(i + 1)), so far from the bottom
    // m → 10.00 (the fixed point of m = 0.5 × (10 + m)), carried at 1/100 of a cent.
    const plan: PlanInput = {
      activity: { minPv: "0" },
      ranks: [{ name: "R", pv: "100" }],
      components: [
        { type: "differential", name: "d", includeOwn: false, rate: { byRank: [{ rank: "R", rate: "0.10" }] } },
        { type: "matching", name: "m", components: ["d"], on: "exact", cascade: true, rates: ["0.5"], qualification: { active: false } },
      ],
    };
    const payout = createFastEngine(plan).pay(chain(n));
    expect(payout.amounts[0]![0]).toBe(10_00);
    expect(payout.amounts[1]![0]).toBe(10_00);
    // The bottom: n − 2 matches n − 1's 10.00 (the last member earns nothing: no one below): 0.5 × 0 = 0;
    // n − 3 matches n − 2's 10.00: 5.00; n − 4: 0.5 × (10 + 5) = 7.50.
    expect(payout.amounts[1]![n - 3]).toBe(5_00);
    expect(payout.amounts[1]![n - 4]).toBe(7_50);
  });

  it("qualified lines of a member with 200,000 legs (one shared heap, no per-member sort)", () => {
    const n = 200_001;
    const upline = new Int32Array(n).fill(0);
    upline[0] = -1;
    // Member 0's legs: 1 of 1,000,000.00, then 199,999 of 1.00 each: V = 1,199,999.00 (her downline).
    const own = new Float64Array(n).fill(1_00);
    own[0] = 0;
    own[1] = 1_000_000_00;
    const network: PeriodNetwork = { ...chain(n), upline, ownCv: own };
    const plan: PlanInput = { measures: [{ name: "lines", kind: "qualifiedLines", shares: ["0.1"], volume: { includeOwn: false } }], components: [{ type: "unilevel", rates: ["0"] }] };
    for (const engine of [createFastEngine(plan)]) {
      // Line 1: 1,000,000.00; line 2 needs 0.1 × 1,199,999.00 = 119,999.90: 199,999 legs of 1.00 hold 199,999.00 ✓.
      expect(engine.pay(network).measures.get("lines")![0]).toBe(2);
    }
    // The reference engine agrees on a smaller star of the same shape.
    const small = { ...chain(2001), upline: Int32Array.from({ length: 2001 }, (_, i) => (i === 0 ? -1 : 0)), ownCv: Float64Array.from({ length: 2001 }, (_, i) => (i === 0 ? 0 : i === 1 ? 10_000_00 : 1_00)) };
    expect(createReferenceEngine(plan).pay(small).measures.get("lines")![0]).toBe(createFastEngine(plan).pay(small).measures.get("lines")![0]);
  });
});
