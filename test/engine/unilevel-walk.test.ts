/**
 * The compressed unilevel at constant rates has two ways to the same
 * integers: level passes over every member, and, on a large tree numbered
 * with locality (a generated network is numbered depth-first), a walk up
 * from each member (`numberedLocally`, unilevel/fast.ts). The property
 * tests' networks are small, so they check the passes against the reference
 * engine; here one large random tree is paid numbered both ways — at random
 * (passes) and depth-first (walk) — and every member is paid the same.
 */
import { describe, expect, it } from "vitest";
import { createFastEngine, type PeriodNetwork, type PlanInput } from "../../src/index.js";
import { LOCAL_WALK_MIN_MEMBERS, numberedLocally } from "../../src/plan/components/unilevel/fast.js";
import { depthFirst } from "../../src/world/generate.js";
import { stream } from "../../src/random/stream.js";

const RATES = ["0.08", "0.05", "0.04", "0.04", "0.04", "0.03", "0.02"];

/** A random recursive tree of n members (each sponsored by a random earlier one), volumes 0–250.00 (a third 0). */
function randomTree(n: number, seed: number): { parent: Int32Array; cv: Float64Array } {
  const rand = stream(seed, "walk-test");
  const parent = new Int32Array(n);
  const cv = new Float64Array(n);
  parent[0] = -1;
  for (let i = 1; i < n; i++) parent[i] = Math.floor(rand() * i);
  for (let i = 0; i < n; i++) cv[i] = rand() < 1 / 3 ? 0 : Math.floor(rand() * 250) * 100;
  return { parent, cv };
}

/** The tree as a period network, members numbered by `order` (order[k] = the tree node numbered k). */
function networkOf(parent: Int32Array, cv: Float64Array, order: Int32Array): PeriodNetwork {
  const n = parent.length;
  const at = new Int32Array(n);
  for (let k = 0; k < n; k++) at[order[k]!] = k;
  return {
    period: 0,
    size: n,
    upline: Int32Array.from(order, (i) => (parent[i]! < 0 ? -1 : at[parent[i]!]!)),
    alive: new Uint8Array(n).fill(1),
    members: Int32Array.from({ length: n }, (_, k) => k),
    memberCount: n,
    joinPeriod: new Int32Array(n),
    ownCv: Float64Array.from(order, (i) => cv[i]!),
    customerCv: new Float64Array(n),
  };
}

/** Each member's active upline (compressed tree), as the engine finds it. */
function activeUplines(net: PeriodNetwork, active: Uint8Array): Int32Array {
  const au = new Int32Array(net.size);
  for (let i = 0; i < net.size; i++) {
    const p = net.upline[i]!;
    au[i] = p < 0 ? -1 : active[p] === 1 ? p : au[p]!;
  }
  return au;
}

describe("numberedLocally", () => {
  const n = LOCAL_WALK_MIN_MEMBERS + 1000;
  const { parent } = randomTree(n, 1);
  const members = Int32Array.from({ length: n }, (_, k) => k);

  it("a random recursive tree: no (a parent is anywhere earlier); numbered depth-first: yes", () => {
    expect(numberedLocally(parent, members, n)).toBe(false);
    const order = depthFirst(parent);
    const net = networkOf(parent, new Float64Array(n), order);
    expect(numberedLocally(net.upline, members, n)).toBe(true);
  });

  it("a chain (each member's parent the one before): yes; the same chain below the size limit: no", () => {
    const chain = Int32Array.from({ length: n }, (_, i) => i - 1);
    expect(numberedLocally(chain, members, n)).toBe(true);
    expect(numberedLocally(chain, members, LOCAL_WALK_MIN_MEMBERS - 1)).toBe(false);
  });
});

describe("a large tree paid numbered at random (level passes) and depth-first (walk): the same for every member", () => {
  const n = LOCAL_WALK_MIN_MEMBERS + 50_000;
  const { parent, cv } = randomTree(n, 7);
  const random = Int32Array.from({ length: n }, (_, k) => k);
  const dfs = depthFirst(parent);
  const plans: [string, PlanInput][] = [
    ["a 7-level compressed unilevel", { rounding: "halfEven", activity: { minPv: "100" }, components: [{ type: "unilevel", rates: RATES, compression: "dynamic" }] }],
    [
      "with payable depth by rank (2 levels, 5 for Silver)",
      {
        rounding: "halfUp",
        activity: { minPv: "50" },
        ranks: [{ name: "Silver", pv: "100", gv: "1000" }],
        components: [{ type: "unilevel", rates: RATES, compression: "dynamic", depth: { base: 2, byRank: [{ rank: "Silver", levels: 5 }] } }],
      },
    ],
  ];

  it.each(plans)("%s", (_what, plan) => {
    const a = networkOf(parent, cv, random);
    const b = networkOf(parent, cv, dfs);
    const pa = createFastEngine(plan).pay(a);
    // The two paths are taken: passes on the random numbering, the walk depth-first.
    expect(numberedLocally(activeUplines(a, pa.active), a.members, n)).toBe(false);
    const amountsA = Float64Array.from(pa.amounts[0]!.subarray(0, n));
    const paidA = [...pa.paid];
    const breakageA = [...pa.breakage];
    const pb = createFastEngine(plan).pay(b);
    expect(numberedLocally(activeUplines(b, pb.active), b.members, n)).toBe(true);
    expect(pb.paid).toEqual(paidA);
    expect(pb.breakage).toEqual(breakageA);
    expect(paidA[0]).toBeGreaterThan(0);
    // Member by member: node dfs[k] is member k of b and member dfs[k] of a.
    let differ = 0;
    let earners = 0;
    for (let k = 0; k < n; k++) {
      if (pb.amounts[0]![k] !== amountsA[dfs[k]!]) differ += 1;
      if (pb.amounts[0]![k]! > 0) earners += 1;
    }
    expect(differ).toBe(0);
    expect(earners).toBeGreaterThan(10_000);
  });
});
