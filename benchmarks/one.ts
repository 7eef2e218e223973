/**
 * One measurement in a process of its own:
 *
 *     node --import tsx benchmarks/one.ts <workload> <simulate|compare|split|period> [--ledger=true|false] [--threads=1|2] [--months=N]
 *
 * A process per measurement because peak RSS (`maxRSS`) only ever grows: a
 * large run would otherwise be charged for what an earlier one left behind,
 * and a small one for the reference engine's objects. The result is printed
 * as one JSON line after {@link RESULT_MARKER}, for `run.ts` to pick up; the
 * rest of stdout and stderr is free for progress and errors (the `period` and
 * `compare` tasks also print a one-line summary to stderr).
 *
 * The measurements outside `npm run bench` (each minutes long or several GB;
 * give the old-space limit in front of `--import`):
 *
 * - `period-10m period` (`--max-old-space-size=16384`): one period on
 *   10,000,000 members, the fast engine's `pay` against a plain kernel.
 * - `large compare --months=2` (`--max-old-space-size=12288`): both engines
 *   on the large world's first two periods, member by member.
 *
 * (`large-weekly`, 36 months as 156 weeks, is in the suite: about 80 s a
 * run; `npm run bench -- large large-weekly` prints its ratio to `large`.)
 *
 * @module
 */
import { compareEngines, measurePeriod, measureSimulation, RESULT_MARKER, splitSimulation, type EngineComparison, type PeriodMeasurement } from "./measure.js";
import { workloadByName } from "./workloads.js";

const USAGE = "usage: one.ts <workload> <simulate|compare|split|period> [--ledger=true|false] [--threads=1|2] [--months=N]";

/** One line for a person: the `period` task's medians and ratio, or the comparison's times and speed-up. */
function summary(r: PeriodMeasurement | EngineComparison): string {
  if (r.kind === "period") {
    return (
      `${r.workload}: ${r.members.toLocaleString("en-US")} members; generate ${r.generateSeconds.toFixed(1)} s, step ${r.stepSeconds.toFixed(1)} s; ` +
      `pay ${r.engineSeconds.toFixed(2)} s (cold ${r.engineColdSeconds.toFixed(2)}), kernel ${r.kernelSeconds.toFixed(2)} s (cold ${r.kernelColdSeconds.toFixed(2)}), ` +
      `kernel/engine ${r.ratio.toFixed(2)}×; kernel agrees: ${r.kernelAgrees} (${r.kernelDifferences} differences); ` +
      `in join order: pay ${r.joinOrder.engineSeconds.toFixed(2)} s, kernel ${r.joinOrder.kernelSeconds.toFixed(2)} s, kernel/engine ${r.joinOrder.ratio.toFixed(2)}×, same payout: ${r.joinOrder.samePaid}; ` +
      `peak RSS ${Math.round(r.peakRssMb)} MB\n`
    );
  }
  return (
    `${r.workload}: ${r.months} periods, ${r.sizes[0].toLocaleString("en-US")}→${r.sizes[1].toLocaleString("en-US")} members, ${r.membersCompared.toLocaleString("en-US")} payouts equal to the cent; ` +
    `fast ${r.fastSeconds.toFixed(2)} s, reference ${r.referenceSeconds.toFixed(1)} s, speed-up ${r.speedup.toFixed(0)}×; peak RSS ${Math.round(r.peakRssMb)} MB\n`
  );
}

async function main(argv: readonly string[]): Promise<void> {
  const [name, task, ...flags] = argv;
  if (!name || (task !== "simulate" && task !== "compare" && task !== "split" && task !== "period")) throw new Error(USAGE);
  const w = workloadByName(name);
  const ledgerFlag = flags.find((f) => f.startsWith("--ledger="));
  const ledger = ledgerFlag === undefined ? (w.ledger[0] ?? true) : ledgerFlag === "--ledger=true";
  const threadsFlag = flags.find((f) => f.startsWith("--threads="));
  if (threadsFlag !== undefined && threadsFlag !== "--threads=1" && threadsFlag !== "--threads=2") throw new Error("one.ts: --threads is 1 or 2");
  const threads = threadsFlag === "--threads=2" ? 2 : 1;
  const monthsFlag = flags.find((f) => f.startsWith("--months="));
  const months = monthsFlag === undefined ? (w.compareMonths > 0 ? w.compareMonths : 6) : Number(monthsFlag.slice("--months=".length));
  if (!Number.isInteger(months) || months < 1) throw new Error(`one.ts: --months is a whole number of months, at least 1 (got ${monthsFlag})`);
  if (monthsFlag !== undefined && task !== "compare") throw new Error("one.ts: --months is for the compare task");
  const result =
    task === "simulate"
      ? await measureSimulation(w, ledger, threads)
      : task === "split"
        ? splitSimulation(w, ledger)
        : task === "period"
          ? measurePeriod(w)
          : compareEngines(w, months);
  if (result.kind === "period" || result.kind === "compare") process.stderr.write(summary(result));
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

await main(process.argv.slice(2));
