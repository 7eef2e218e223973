/** Trees can be a million levels deep: nothing may recurse on them. */
import { describe, expect, it } from "vitest";
import { createFastEngine, createReferenceEngine, type PeriodNetwork } from "../../src/index.js";

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
    const plan = { components: [{ type: "unilevel", rates: RATES, compression: "none" }] };
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
