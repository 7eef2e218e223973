import { describe, expect, it } from "vitest";
import { main } from "../../examples/compare-plans.js";
import { PRESETS } from "../../src/index.js";

describe("examples run", () => {
  it("compare-plans compares the presets on the default world and on their own, and prints a disclosure", async () => {
    // A small world (150 distributors, 3 months), 2 seeds, in this thread: the full run is 20 seeds of the presets' worlds.
    const { comparison, markdown } = await main({ seeds: 2, months: 3, distributors: 150, workers: 1, print: false });
    const presets = Object.keys(PRESETS);
    expect(comparison.arms.map((a) => a.plan)).toEqual([...presets, ...presets]);
    expect(comparison.arms.slice(0, presets.length).every((a) => a.world === "default")).toBe(true);
    expect(new Set(comparison.arms.slice(presets.length).map((a) => a.world)).size).toBe(presets.length);
    // Every preset on the default world sees the same events: identical revenue, seed by seed.
    const revenue = (plan: string) => comparison.values.filter((v) => v.plan === plan && v.world === "default" && v.metric === "revenue").map((v) => v.value);
    for (const p of presets) expect(revenue(p)).toEqual(revenue(presets[0]!));
    // Paired differences on the default world only: 7 presets → 7 × 6 / 2 = 21 pairs.
    expect(presets).toHaveLength(7);
    expect(new Set(comparison.differences.map((d) => `${d.planA}|${d.planB}`)).size).toBe(21);
    expect(comparison.differences.every((d) => d.world === "default")).toBe(true);
    expect(markdown).toContain("# The presets compared");
    expect(markdown).toContain("| wellness-unilevel − binary | default |");
    expect(markdown).toContain("## Income disclosure: Wellness unilevel on wellness network");
    expect(markdown).toContain("| Percentile band | Participants |");
  });
});
