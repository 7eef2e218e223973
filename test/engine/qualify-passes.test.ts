/**
 * The qualifier's shortcuts at scale, each a boundary with numbers by hand:
 * members turned away before any rank is tried (a floor per volume kind),
 * ranks computed in the volumes' pass (and apart from it when a
 * measure-stage component runs between), frontline counts and largest legs
 * counted when first read. Both engines must agree on each.
 */
import { describe, expect, it } from "vitest";
import { createFastEngine, createReferenceEngine, type PeriodNetwork, type PlanInput } from "../../src/index.js";

/**
 * 0 ← 1 ← 2 and 0 ← 3: member 0 with two legs. Personal CV and QV per member
 * (cents) as given.
 */
function tree(cv: number[], qv: number[]): PeriodNetwork {
  const n = cv.length;
  return {
    period: 0,
    size: n,
    upline: Int32Array.from([-1, 0, 1, 0]),
    alive: new Uint8Array(n).fill(1),
    members: Int32Array.from({ length: n }, (_, i) => i),
    memberCount: n,
    joinPeriod: new Int32Array(n),
    ownCv: Float64Array.from(cv),
    customerCv: new Float64Array(n),
    ownQv: Float64Array.from(qv),
    customerQv: new Float64Array(n),
  };
}

/** The fast engine's payout, its per-member arrays cut to the network's size, after checking the reference engine agrees. */
function both(plan: PlanInput, net: PeriodNetwork) {
  const fast = createFastEngine(plan).pay(net);
  const reference = createReferenceEngine(plan).pay(net);
  const cut = (a: ArrayLike<number>) => Array.from(a).slice(0, net.size);
  const out = { rank: cut(fast.rank), gv: cut(fast.gv), frontline: cut(fast.frontline), largestLeg: cut(fast.largestLeg) };
  expect(cut(reference.rank)).toEqual(out.rank);
  expect(cut(reference.gv)).toEqual(out.gv);
  expect(cut(reference.frontline)).toEqual(out.frontline);
  expect(cut(reference.largestLeg)).toEqual(out.largestLeg);
  return out;
}

describe("ranks turned away by a floor per volume kind", () => {
  // A CV rank needing GV 1,000.00 and a QV rank needing group QV 50.00: a member
  // far below the CV floor but at the QV floor must still be tried (and reach the QV rank).
  // Everyone active (minimum 0), so that only the ranks' own minimums decide.
  const plan: PlanInput = {
    activity: { minPv: "0" },
    ranks: [
      { name: "OnQv", pv: "0", gv: "50", volume: { kind: "qv" } },
      { name: "OnCv", pv: "0", gv: "1000", volume: { kind: "cv" } },
    ],
    components: [{ type: "unilevel", rates: ["0.01"] }],
  };

  it("a group QV exactly at the QV floor reaches the QV rank though the CV is far below the CV floor", () => {
    // QV: member 2 has 10.00, member 1 has 20.00 + 10.00 = 30.00, member 3 20.00;
    // member 0: 0 + 30.00 + 20.00 = 50.00 group QV (exactly the floor). CV: 1.00 each → GV 4.00 at member 0.
    const payout = both(plan, tree([1_00, 1_00, 1_00, 1_00], [0, 20_00, 10_00, 20_00]));
    expect(payout.rank[0]).toBe(1); // OnQv
    expect(payout.rank.slice(1)).toEqual([0, 0, 0]);
  });

  it("one cent below the QV floor: no rank", () => {
    const payout = both(plan, tree([1_00, 1_00, 1_00, 1_00], [0, 20_00, 9_99, 20_00]));
    expect(payout.rank[0]).toBe(0); // 49.99 < 50.00
  });

  it("a GV exactly at the CV floor reaches the CV rank with no QV at all", () => {
    // GV at member 0: 100.00 + 400.00 + 300.00 + 200.00 = 1,000.00; QV 0 everywhere.
    const payout = both(plan, tree([100_00, 400_00, 300_00, 200_00], [0, 0, 0, 0]));
    expect(payout.rank[0]).toBe(2); // OnCv
    expect(payout.gv[0]).toBe(1_000_00);
  });

  it("a personal volume below every rank's minimum turns a member away however large her group", () => {
    const pvPlan: PlanInput = { activity: { minPv: "0" }, ranks: [{ name: "Leader", pv: "100", gv: "0", volume: { kind: "cv" } }], components: [{ type: "unilevel", rates: ["0.01"] }] };
    // Member 0 has 99.99 of her own and 900.00 below her: no rank; member 1 has 100.00: Leader.
    const payout = both(pvPlan, tree([99_99, 100_00, 500_00, 300_00], [99_99, 100_00, 500_00, 300_00]));
    expect(payout.rank).toEqual([0, 1, 1, 1]);
  });
});

describe("frontline counts and largest legs, counted when read", () => {
  it("are right on a plan whose rules never read them (no measure of legs)", () => {
    // Legs of member 0: member 1's group (10.00 + 30.00 = 40.00) and member 3's (25.00); member 1's: member 2 (30.00).
    const payout = both({ components: [{ type: "unilevel", rates: ["0.05"] }] }, tree([5_00, 10_00, 30_00, 25_00], [5_00, 10_00, 30_00, 25_00]));
    expect(payout.frontline).toEqual([2, 1, 0, 0]);
    expect(payout.largestLeg).toEqual([40_00, 30_00, 0, 0]);
  });

  it("are right when a measure reads legs in the volumes' pass", () => {
    const plan: PlanInput = {
      measures: [{ name: "lines", kind: "qualifiedLines", shares: ["0.3"], volume: { kind: "cv", includeOwn: false } }],
      components: [{ type: "unilevel", rates: ["0.05"] }],
    };
    const payout = both(plan, tree([5_00, 10_00, 30_00, 25_00], [5_00, 10_00, 30_00, 25_00]));
    expect(payout.frontline).toEqual([2, 1, 0, 0]);
    expect(payout.largestLeg).toEqual([40_00, 30_00, 0, 0]);
  });
});
