/**
 * A generated start network is numbered depth-first in the sponsor tree
 * (src/world/generate.ts): the founders first, then each line together.
 * What happens to a member does not depend on her number: her key is from
 * the order she was drawn in (test/run/stop-effort.test.ts and
 * test/world/twin.test.ts find the same people, with the same lives, by it).
 */
import { describe, expect, it } from "vitest";
import { depthFirst } from "../../src/world/generate.js";
import { createWorld, type ScenarioInput } from "../../src/index.js";
import { drawnMembers } from "./start-order.js";

describe("depthFirst", () => {
  it("numbers the roots first, then each root's line, each node before her children's subtrees, children in index order", () => {
    //        0           4          roots (parent -1)
    //      /   \         |
    //     1     2        5
    //     |     |
    //     3     6
    //     |
    //     7
    const parent = Int32Array.from([-1, 0, 0, 1, -1, 4, 2, 3]);
    // Roots 0, 4; then 0's line: 1, 3, 7 (1's subtree), 2, 6; then 4's line: 5.
    expect([...depthFirst(parent)]).toEqual([0, 4, 1, 3, 7, 2, 6, 5]);
  });

  it("a single chain a million deep, without recursion", () => {
    const n = 1_000_000;
    const parent = Int32Array.from({ length: n }, (_, i) => i - 1);
    const order = depthFirst(parent);
    expect(order[0]).toBe(0);
    expect(order[n - 1]).toBe(n - 1);
    expect(order.every((v, i) => v === i)).toBe(true);
  });

  it("a star: the root, then her children in index order", () => {
    const parent = Int32Array.from([-1, 0, 0, 0, 0]);
    expect([...depthFirst(parent)]).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("a generated network's numbering", () => {
  const scenario: ScenarioInput = { months: 1, start: { founders: 2, network: { distributors: 3000, customersPerDistributor: 2 } }, market: { prospects: 100_000 } };

  it("the founders keep the first indices; each sponsor comes before her recruits; each line is one block of indices", () => {
    const w = createWorld(scenario, { seed: 4 });
    const n = w.size;
    expect(n).toBe(3000);
    expect([w.company[0], w.company[1], w.sponsor[0], w.sponsor[1]]).toEqual([1, 1, -1, -1]);
    for (let i = 2; i < n; i++) {
      expect(w.company[i]).toBe(0);
      expect(w.sponsor[i]).toBeLessThan(i);
      expect(w.sponsor[i]).toBeGreaterThanOrEqual(0);
    }
    // Line sizes by one reverse pass; in depth-first order member i's line is exactly i .. i + size − 1:
    // each member's sponsor is the nearest earlier member whose line still holds her.
    const lineSize = new Int32Array(n).fill(1);
    for (let i = n - 1; i >= 2; i--) lineSize[w.sponsor[i]!]! += lineSize[i]!;
    expect(lineSize[0]! + lineSize[1]!).toBe(n);
    // The founders' lines follow them in turn: every member of founder 0's line before any of founder 1's.
    const root = new Int32Array(n);
    root[1] = 1;
    for (let i = 2; i < n; i++) {
      const s = w.sponsor[i]!;
      root[i] = s < 2 ? s : root[s]!;
      if (i > 2) expect(root[i]!).toBeGreaterThanOrEqual(root[i - 1]!);
    }
    expect([root[2], root[n - 1]]).toEqual([0, 1]);
    // Each line one block: her sponsor is the innermost line still open (none, for a founder's recruit).
    const open: number[] = [];
    for (let i = 2; i < n; i++) {
      while (open.length > 0 && open[open.length - 1]! + lineSize[open[open.length - 1]!]! <= i) open.pop();
      const sponsor = w.sponsor[i]!;
      if (sponsor >= 2) expect(open[open.length - 1]).toBe(sponsor);
      else expect(open).toEqual([]);
      open.push(i);
    }
  });

  it("customers are grouped by distributor, in index order", () => {
    const w = createWorld(scenario, { seed: 4 });
    expect(w.customers).toBeGreaterThan(3000);
    for (let c = 1; c < w.customers; c++) expect(w.customerOwner[c]!).toBeGreaterThanOrEqual(w.customerOwner[c - 1]!);
  });

  it("the member drawn d-th keeps her draw's attributes whatever her index: the oldest drawn joined first", () => {
    const w = createWorld(scenario, { seed: 4 });
    // Drawn oldest first: join periods never decrease with the draw index.
    const byDraw = drawnMembers(scenario, 4, Array.from({ length: 3000 }, (_, d) => d));
    expect(new Set(byDraw).size).toBe(3000);
    for (let d = 1; d < 3000; d++) expect(w.joinPeriod[byDraw[d]!]!).toBeGreaterThanOrEqual(w.joinPeriod[byDraw[d - 1]!]!);
    // Founders are drawn first and numbered first.
    expect(byDraw.slice(0, 2)).toEqual([0, 1]);
    // A sponsor was drawn before her recruit.
    const drawOf = new Int32Array(3000);
    byDraw.forEach((i, d) => (drawOf[i] = d));
    for (let i = 2; i < 3000; i++) expect(drawOf[w.sponsor[i]!]!).toBeLessThan(drawOf[i]!);
  });

  it("with a placement tree, members keep the order they were drawn in (spillover follows it)", () => {
    const placed: ScenarioInput = { ...scenario, placement: { kind: "binary", mode: "spillover" } };
    const byDraw = drawnMembers(placed, 4, Array.from({ length: 3000 }, (_, d) => d));
    expect(byDraw.every((i, d) => i === d)).toBe(true);
  });
});
