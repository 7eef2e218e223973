/**
 * The large workload on one thread (`simulate`) and on two
 * (`simulateTwoThreads`: the world a period ahead on a worker thread), run
 * from the built package as a user runs it — not from source under tsx, as
 * `one.ts` runs: there, a worker thread's modules load through tsx's
 * loader and the world's steps run about 35% slower on the worker than on
 * the main thread (16.1 against 11.8 s, measured alone), which hides what
 * the second thread gives. Built, the world steps as fast on either thread.
 *
 *     npm run build
 *     node --max-old-space-size=6144 benchmarks/threads-built.mjs 1    # or 2
 *
 * Prints one JSON line: the run's wall time (the world created, 36 months
 * simulated), reading every member record and period row after it, the
 * payout (the same whatever the threads), process CPU and peak RSS.
 */
import { simulate } from "../dist/index.js";
import { simulateTwoThreads } from "../dist/parallel.js";

// The `large` workload of workloads.ts (1M distributors, ~3M customers, 36 months, seed 42, ledger off).
const scenario = {
  name: "bench-large",
  months: 36,
  start: { founders: 1, network: { distributors: 1_000_000, customersPerDistributor: 3 } },
  market: { prospects: 20_000_000 },
};
const plan = {
  name: "Unilevel 7 levels, compressed",
  rounding: "halfEven",
  activity: { minPv: "100" },
  components: [
    { type: "customerCommission", name: "customer", rate: "0.20" },
    { type: "unilevel", name: "unilevel", rates: ["0.08", "0.05", "0.04", "0.04", "0.04", "0.03", "0.02"], compression: "dynamic" },
  ],
};

const threads = Number(process.argv[2] ?? 1);
if (threads !== 1 && threads !== 2) throw new Error("usage: node --max-old-space-size=6144 benchmarks/threads-built.mjs 1|2");
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let used = 1;
const options = { scenario, plan, seed: 42, ledger: false };
const result = threads === 2 ? await simulateTwoThreads(options, (r) => (used = r.threads)) : simulate(options);
const t1 = performance.now();
// What a user reads: every member record (built as read) and period row.
let paidMembers = 0;
for (const m of result.members) if (m.gross > 0) paidMembers += 1;
let payout = 0;
for (const p of result.periods) payout += p.payout;
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    threads: used,
    runSeconds: +((t1 - t0) / 1000).toFixed(2),
    readSeconds: +((t2 - t1) / 1000).toFixed(2),
    wallSeconds: +((t2 - t0) / 1000).toFixed(2),
    cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    members: result.members.length,
    paidMembers,
    payout,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
