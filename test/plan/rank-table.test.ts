/** The one rank-table rule: the value of the highest listed rank at or below each rank, else the base. */
import { describe, expect, it } from "vitest";
import { rankTable } from "../../src/plan/rank-table.js";

describe("rankTable", () => {
  it("an unlisted rank takes the value of the highest listed rank below it; below every listed rank, the base", () => {
    // Ranks 0 (none) … 5; listed 2 → 4, 4 → 5; base 2.
    expect(rankTable([{ rank: 4, value: 5 }, { rank: 2, value: 4 }], 5, 2)).toEqual([2, 2, 4, 4, 5, 5]);
  });
  it("a listed rank keeps its own value even if a lower listed rank has a larger one", () => {
    expect(rankTable([{ rank: 1, value: 5 }, { rank: 3, value: 2 }], 3, 0)).toEqual([0, 5, 5, 2]);
  });
  it("no listed rank: the base everywhere; a ladder of no ranks: one entry", () => {
    expect(rankTable([], 2, "x")).toEqual(["x", "x", "x"]);
    expect(rankTable([], 0, 7)).toEqual([7]);
  });
});
