/** Placement modes build the trees they promise (hand-drawn), without recursion. */
import { describe, expect, it } from "vitest";
import { addPlacementVolume, createPlacement, place, type Placement } from "../../src/world/placement.js";
import { createFastEngine, createWorld, ledgerLines, PRESETS, simulate, stepWorld } from "../../src/index.js";

/** Places members 0..n-1 with the given sponsors (-1: a founder) and returns "parent.slot" per member. */
function build(p: Placement, sponsors: readonly number[]): string[] {
  sponsors.forEach((s, i) => place(p, i, s));
  return sponsors.map((_, i) => (p.parent[i]! < 0 ? "top" : `${p.parent[i]}.${p.slot[i] === 0 ? "L" : p.slot[i] === 1 ? "R" : p.slot[i]}`));
}

describe("binary placement modes", () => {
  it("extreme left: every recruit at the bottom of the sponsor's outside left edge", () => {
    //        0
    //       /
    //      1        (0's 1st)
    //     /
    //    2          (0's 2nd: bottom of 0's left edge is 1)
    //   /
    //  3            (1's recruit: bottom of 1's left edge is 2)
    expect(build(createPlacement({ kind: "binary", mode: "extremeLeft" }), [-1, 0, 0, 1])).toEqual(["top", "0.L", "1.L", "2.L"]);
  });

  it("extreme right mirrors it", () => {
    expect(build(createPlacement({ kind: "binary", mode: "extremeRight" }), [-1, 0, 0, 2])).toEqual(["top", "0.R", "1.R", "2.R"]);
  });

  it("alternate: left edge, right edge, left edge, … per sponsor", () => {
    //        0
    //      /   \\
    //     1     2
    //    /
    //   3
    expect(build(createPlacement({ kind: "binary", mode: "alternate" }), [-1, 0, 0, 0, 0])).toEqual(["top", "0.L", "0.R", "1.L", "2.R"]);
  });

  it("weaker leg by count: into the leg with fewer members (ties left), at its outside edge", () => {
    // 0's recruits 1..5: 1 → L (0 vs 0, tie), 2 → R (1 vs 0), 3 → L (1 vs 1), 4 → R (2 vs 1), 5 → L (2 vs 2).
    // 6, recruited by 1: 1 has a left leg (3, with 5 below it) and none on the right → R.
    expect(build(createPlacement({ kind: "binary", mode: "weakerLegCount" }), [-1, 0, 0, 0, 0, 0, 1])).toEqual([
      "top",
      "0.L",
      "0.R",
      "1.L",
      "2.R",
      "3.L",
      "1.R",
    ]);
  });

  it("weaker leg by volume: into the leg with less lifetime volume at the end of the last period (ties by members)", () => {
    const p = createPlacement({ kind: "binary", mode: "weakerLegVolume" });
    // No volume yet: 1 goes left (a tie of nothing); 2 finds equal volume (0) but fewer members on the right → 0.R.
    build(p, [-1, 0, 0]);
    expect([p.parent[2], p.slot[2]]).toEqual([0, 1]);
    // Period volume: 1 bought 300, 2 bought 100 → the right leg (100) is weaker: 3 goes to the bottom of the right edge, under 2.
    addPlacementVolume(p, Float64Array.from([0, 300, 100]), new Float64Array(3));
    place(p, 3, 0);
    expect([p.parent[3], p.slot[3]]).toEqual([2, 1]);
    // Lifetime: 3 buys 500 → right 100 + 500 = 600 > left 300 → 4 goes to the bottom of the left edge, under 1.
    addPlacementVolume(p, Float64Array.from([0, 0, 0, 500]), new Float64Array(4));
    place(p, 4, 0);
    expect([p.parent[4], p.slot[4]]).toEqual([1, 0]);
  });

  it("spillover: breadth-first under the sponsor, left to right", () => {
    //            0
    //        /       \\
    //       1         2
    //     /   \\     /   \\
    //    3     4   5     6
    //   /
    //  7
    // 0 sponsors everyone but 8, whom 2 sponsors: 2's first open position is its... 5 and 6 are taken, so 5.L.
    expect(build(createPlacement({ kind: "binary", mode: "spillover" }), [-1, 0, 0, 0, 0, 0, 0, 0, 2])).toEqual([
      "top",
      "0.L",
      "0.R",
      "1.L",
      "1.R",
      "2.L",
      "2.R",
      "3.L",
      "5.L",
    ]);
  });
});

describe("matrix placement", () => {
  it("3-wide spillover under the sponsor fills each level left to right", () => {
    // 0 sponsors 1..5: 1, 2, 3 under 0; 4, 5 under 1. 6 (sponsored by 3) goes under 3, slot 0.
    expect(build(createPlacement({ kind: "matrix", width: 3, spillover: "sponsor" }), [-1, 0, 0, 0, 0, 0, 3])).toEqual([
      "top",
      "0.L",
      "0.R",
      "0.2",
      "1.L",
      "1.R",
      "3.L",
    ]);
  });

  it("company-wide spillover ignores the sponsor: the whole tree fills breadth-first", () => {
    expect(build(createPlacement({ kind: "matrix", width: 2, spillover: "company" }), [-1, 0, 1, 2, 3, 4])).toEqual(["top", "0.L", "0.R", "1.L", "1.R", "2.L"]);
  });

  it("extreme left with path compression: 100,000 members of a chain each recruit once, all at the chain's bottom", () => {
    // Without compression each recruit would walk the chain below her sponsor: quadratic (minutes here).
    const p = createPlacement({ kind: "binary", mode: "extremeLeft" });
    const n = 100_000;
    place(p, 0, -1);
    for (let i = 1; i < n; i++) place(p, i, i - 1);
    for (let k = 0; k < n; k++) place(p, n + k, k);
    // One line: everyone's placement parent is the member placed just before her.
    for (let i = 1; i < 2 * n; i++) if (p.parent[i] !== i - 1 || p.slot[i] !== 0) throw new Error(`member ${i} at ${p.parent[i]}.${p.slot[i]}`);
    expect(p.size).toBe(2 * n);
  });

  it("a million members in extreme-left and spillover trees: no recursion, fast", () => {
    for (const mode of ["extremeLeft", "spillover"] as const) {
      const p = createPlacement({ kind: "binary", mode });
      const n = 1_000_000;
      place(p, 0, -1);
      for (let i = 1; i < n; i++) place(p, i, mode === "extremeLeft" ? i - 1 - (i % 7 === 0 ? Math.min(i - 1, 3) : 0) : Math.floor((i - 1) / 3));
      // Every slot is held once, every parent precedes its child.
      let held = 0;
      for (let k = 0; k < p.child.length && k < n * 2; k++) if (p.child[k]! >= 0) held++;
      expect(held).toBe(n - 1);
      for (let i = 1; i < n; i += 9973) expect(p.parent[i]).toBeLessThan(i);
    }
  });
});

describe("the world builds the placement tree as members join", () => {
  const modes = ["extremeLeft", "extremeRight", "alternate", "weakerLegCount", "weakerLegVolume", "spillover"] as const;
  it.each(modes)("binary %s: a valid tree; quitters keep their positions; both engines pay the binary preset alike", (mode) => {
    const scenario = { months: 6, start: { founders: 1, network: { distributors: 200, customersPerDistributor: 1 } }, market: { prospects: 5000 }, placement: { kind: "binary" as const, mode } };
    const world = createWorld(scenario, { seed: 3 });
    for (let t = 0; t < 6; t++) stepWorld(world);
    const p = world.placement!;
    expect(p.size).toBe(world.size);
    let quittersHolding = 0;
    for (let i = 1; i < world.size; i++) {
      const parent = p.parent[i]!;
      expect(parent).toBeGreaterThanOrEqual(0);
      expect(parent).toBeLessThan(i);
      expect(p.child[parent * 2 + p.slot[i]!]).toBe(i);
      if (world.alive[i] === 0 && (p.child[i * 2]! >= 0 || p.child[i * 2 + 1]! >= 0)) quittersHolding++;
    }
    expect(quittersHolding).toBeGreaterThan(0);
    const fast = simulate({ scenario, plan: PRESETS.binary, seed: 3 });
    const reference = simulate({ scenario, plan: PRESETS.binary, seed: 3, engine: "reference" });
    expect(ledgerLines(fast.ledger)).toEqual(ledgerLines(reference.ledger));
  });

  it("a 3-wide matrix with spillover under the sponsor; the 3×7 preset pays alike on both engines", () => {
    const scenario = { months: 4, start: { founders: 1, network: { distributors: 300 } }, market: { prospects: 5000 }, placement: { kind: "matrix" as const, width: 3 } };
    const fast = simulate({ scenario, plan: PRESETS["matrix-3x7"], seed: 4 });
    const reference = simulate({ scenario, plan: PRESETS["matrix-3x7"], seed: 4, engine: "reference" });
    expect(ledgerLines(fast.ledger)).toEqual(ledgerLines(reference.ledger));
    expect(fast.periods.reduce((s, r) => s + r.payout, 0)).toBeGreaterThan(0);
  });

  it("a binary plan paid on a period network without a placement tree is a clear error (the runner supplies one: test/run/structure.test.ts)", () => {
    const { network } = stepWorld(createWorld({ months: 1 }));
    expect(() => createFastEngine(PRESETS.binary).pay(network)).toThrow(/needs a placement tree/);
  });
});
