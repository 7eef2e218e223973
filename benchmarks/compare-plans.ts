/**
 * Wall time of a plan comparison on worker threads:
 *
 *     node --import tsx benchmarks/compare-plans.ts --workers 1   # in this thread
 *     node --import tsx benchmarks/compare-plans.ts --workers 2
 *
 * 20 seeds × 5 plans × 36 months on a 100,000-distributor world (about
 * 150,000 customers at the start, 2M prospects): the default plan and the
 * four presets that need no placement tree, so that each seed is one world
 * paid under all five (20 runs). Prints one JSON line: workers, runs, wall
 * seconds, CPU seconds, peak RSS, and a digest of the comparison's JSON (the
 * same for any worker count).
 *
 * @module
 */
import { createHash } from "node:crypto";
import { DEFAULT_PLAN, PRESETS, type ScenarioInput } from "../src/index.js";
import { comparePlans } from "../src/parallel/index.js";

export const COMPARE_WORLD: ScenarioInput = {
  name: "bench-compare-100k",
  months: 36,
  start: { founders: 1, network: { distributors: 100_000, customersPerDistributor: 1.5 } },
  market: { prospects: 2_000_000 },
};

export const COMPARE_PLANS = [DEFAULT_PLAN, PRESETS["wellness-unilevel"], PRESETS["stairstep-breakaway"], PRESETS["saas-affiliate"], PRESETS["high-ticket-affiliate"]];

async function main(argv: readonly string[]): Promise<void> {
  const k = argv.indexOf("--workers");
  const workers = k >= 0 ? Number(argv[k + 1]) : 2;
  const s = argv.indexOf("--seeds");
  const seeds = s >= 0 ? Number(argv[s + 1]) : 20;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let done = 0;
  const comparison = await comparePlans({
    plans: COMPARE_PLANS,
    scenario: COMPARE_WORLD,
    seeds,
    workers,
    onProgress: (p) => {
      done = p.done;
      process.stderr.write(`\rruns ${p.done}/${p.total} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    },
  });
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  process.stderr.write("\n");
  const digest = createHash("sha256").update(JSON.stringify(comparison)).digest("hex").slice(0, 16);
  const payout = comparison.summary.filter((r) => r.metric === "payoutRatio").map((r) => `${r.plan}: ${(r.mean * 100).toFixed(2)}% [${(r.lo * 100).toFixed(2)}, ${(r.hi * 100).toFixed(2)}]`);
  console.log(
    JSON.stringify({
      workers,
      seeds,
      plans: COMPARE_PLANS.length,
      runs: done,
      wallSeconds: +wallSeconds.toFixed(1),
      cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      digest,
      payout,
    }),
  );
}

await main(process.argv.slice(2));
