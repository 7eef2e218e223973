/**
 * What the per-member, per-period results cost on the large world (1,000,000
 * distributors, 36 months, the benchmarks' 7-level unilevel, ledger off), in a
 * process of its own (peak RSS only grows):
 *
 *     node --max-old-space-size=6144 --import tsx benchmarks/member-periods.ts off
 *     node --max-old-space-size=6144 --import tsx benchmarks/member-periods.ts default   # the default columns
 *     node --max-old-space-size=6144 --import tsx benchmarks/member-periods.ts all       # every column
 *
 * Prints one JSON line: wall seconds, peak RSS, peak heap + arrayBuffers
 * (sampled after each period), the bytes the kept columns hold, and the
 * member-periods kept.
 *
 * @module
 */
import { simulate } from "../src/index.js";
import { MEMBER_PERIOD_COLUMNS, memberPeriodsBytes } from "../src/analysis/member-periods.js";
import { HeapPeak, peakRssMb } from "./measure.js";
import { workloadByName } from "./workloads.js";

const mode = process.argv[2] ?? "default";
if (mode !== "off" && mode !== "default" && mode !== "all") throw new Error("usage: member-periods.ts off|default|all");
const w = workloadByName("large");
const heap = new HeapPeak();
heap.sample();
const t0 = performance.now();
const result = simulate({
  scenario: w.scenario,
  plan: w.plan,
  seed: w.seed,
  ledger: false,
  ...(mode === "off" ? {} : { memberPeriods: mode === "all" ? { columns: MEMBER_PERIOD_COLUMNS } : true }),
  // Sampled through the listener: an extra collector would make the world keep its order columns.
  onPeriod: () => heap.sample(),
});
const wallSeconds = (performance.now() - t0) / 1000;
heap.sample();
const mp = result.memberPeriods;
console.log(
  JSON.stringify({
    mode,
    workload: w.name,
    months: result.periods.length,
    endMembers: result.memberColumns.size,
    memberPeriods: result.periods.reduce((s, p) => s + p.members, 0),
    wallSeconds: +wallSeconds.toFixed(1),
    peakRssMb: Math.round(peakRssMb()),
    peakHeapMb: Math.round(heap.peakBytes / 2 ** 20),
    keptMb: mp ? +(memberPeriodsBytes(mp) / 2 ** 20).toFixed(1) : 0,
    bytesPerMemberPeriod: mp ? +(memberPeriodsBytes(mp) / result.periods.reduce((s, p) => s + p.members, 0)).toFixed(2) : 0,
  }),
);
