import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { getEventListeners } from "node:events";
import { comparePlans, sweepParameters } from "../../src/parallel/index.js";
import { comparePlans as comparePlansHere } from "../../src/run/compare-plans.js";
import { compilePlan, DEFAULT_PLAN, PRESETS, DownlineInputError, type PlanInput, type ScenarioInput } from "../../src/index.js";

const TINY: ScenarioInput = { months: 4, start: { founders: 1, network: { distributors: 250 } }, market: { prospects: 10_000 } };
const FLAT: PlanInput = { name: "Flat", components: [{ type: "unilevel", rates: ["0.10", "0.10"], compression: "none" }] };
const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

describe("downline/parallel", () => {
  it("the same comparison with 1 and with 2 workers, byte for byte (and as the main entry's)", async () => {
    const options = {
      plans: [DEFAULT_PLAN, FLAT, PRESETS.binary, { plan: PRESETS["wellness-unilevel"], scenario: { ...TINY, name: "other world" } }],
      scenario: TINY,
      seeds: [3, 1, 4, "five"],
      window: "run" as const,
      disclosures: true,
    };
    const progress: number[] = [];
    const two = await comparePlans({ ...options, workers: 2, onProgress: ({ done, total }) => progress.push(done / total) });
    const one = await comparePlans({ ...options, workers: 1 });
    const here = await comparePlansHere(options);
    const json = JSON.stringify(two);
    expect(JSON.stringify(one)).toBe(json);
    expect(JSON.stringify(here)).toBe(json);
    expect(digest(two)).toBe(digest(one));
    // 4 seeds × 3 runs each (default world without a tree; with the binary tree; the other world).
    expect(progress).toHaveLength(12);
    expect(progress.at(-1)).toBe(1);
    expect(two.values.filter((v) => v.metric === "payoutRatio" && v.plan === "Flat").map((v) => v.seed)).toEqual([3, 1, 4, "five"]);
  });

  it("a sweep on 2 workers equals the sweep on 1", async () => {
    const options = { scenario: TINY, plans: [DEFAULT_PLAN], grid: { "distributors.orderProbability": [0.5, 0.8] }, seeds: 2, window: "run" as const };
    expect(JSON.stringify(await sweepParameters({ ...options, workers: 2 }))).toBe(JSON.stringify(await sweepParameters({ ...options, workers: 0 })));
  });

  it("is cancelled through an AbortSignal: the pool stops, the promise rejects with the reason", async () => {
    const controller = new AbortController();
    let done = 0;
    const pending = comparePlans({
      plans: [DEFAULT_PLAN],
      scenario: TINY,
      seeds: 12,
      window: "run",
      workers: 2,
      signal: controller.signal,
      onProgress: () => {
        done += 1;
        if (done === 1) controller.abort(new Error("stop the pool"));
      },
    });
    await expect(pending).rejects.toThrow("stop the pool");
    expect(done).toBeLessThan(12);
    const already = new AbortController();
    already.abort(new Error("before any run"));
    await expect(comparePlans({ plans: [DEFAULT_PLAN], scenario: TINY, seeds: 2, workers: 2, signal: already.signal })).rejects.toThrow("before any run");
  });

  it("adds one abort listener to the caller's signal per run, not one per task, and removes it when the run ends", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      const seen: number[] = [];
      // 12 tasks queued at once on 2 threads: a listener per task would be 12 (Node warns above 10).
      const c = await comparePlans({
        plans: [DEFAULT_PLAN],
        scenario: { ...TINY, months: 2 },
        seeds: 12,
        window: "run",
        workers: 2,
        signal: controller.signal,
        onProgress: () => seen.push(getEventListeners(controller.signal, "abort").length),
      });
      expect(c.seeds).toHaveLength(12);
      expect(seen).toHaveLength(12);
      expect(Math.max(...seen)).toBe(1);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      // Another run on the same signal: still nothing left on it.
      await comparePlans({ plans: [DEFAULT_PLAN], scenario: { ...TINY, months: 2 }, seeds: 11, window: "run", workers: 2, signal: controller.signal });
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      await new Promise((resolve) => setImmediate(resolve)); // process warnings are emitted on a later tick
      expect(warnings.filter((w) => w.startsWith("MaxListenersExceededWarning"))).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("refuses what cannot cross to a worker thread, and bad worker counts", async () => {
    const compiled = compilePlan(DEFAULT_PLAN);
    await expect(comparePlans({ plans: [compiled], scenario: TINY, seeds: 2, workers: 2 })).rejects.toThrow(/plans: expected plan data/);
    await expect(comparePlans({ plans: [compiled], scenario: TINY, seeds: 1, window: "run", workers: 1 })).resolves.toMatchObject({ seeds: [1] }); // in this thread, fine
    await expect(comparePlans({ plans: [DEFAULT_PLAN], scenario: TINY, seeds: 2, workers: 1.5 })).rejects.toThrow(DownlineInputError);
  });
});
