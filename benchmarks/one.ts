/**
 * One measurement in a process of its own:
 *
 *     node --import tsx benchmarks/one.ts <workload> <simulate|compare|split|period> [--ledger=true|false] [--threads=1|2]
 *
 * A process per measurement because peak RSS (`maxRSS`) only ever grows: a
 * large run would otherwise be charged for what an earlier one left behind,
 * and a small one for the reference engine's objects. The result is printed
 * as one JSON line after {@link RESULT_MARKER}, for `run.ts` to pick up; the
 * rest of stdout and stderr is free for progress and errors.
 *
 * @module
 */
import { compareEngines, measurePeriod, measureSimulation, RESULT_MARKER, splitSimulation } from "./measure.js";
import { workloadByName } from "./workloads.js";

async function main(argv: readonly string[]): Promise<void> {
  const [name, task, ...flags] = argv;
  if (!name || (task !== "simulate" && task !== "compare" && task !== "split" && task !== "period")) {
    throw new Error("usage: one.ts <workload> <simulate|compare|split|period> [--ledger=true|false] [--threads=1|2]");
  }
  const w = workloadByName(name);
  const ledgerFlag = flags.find((f) => f.startsWith("--ledger="));
  const ledger = ledgerFlag === undefined ? (w.ledger[0] ?? true) : ledgerFlag === "--ledger=true";
  const threadsFlag = flags.find((f) => f.startsWith("--threads="));
  if (threadsFlag !== undefined && threadsFlag !== "--threads=1" && threadsFlag !== "--threads=2") throw new Error("one.ts: --threads is 1 or 2");
  const threads = threadsFlag === "--threads=2" ? 2 : 1;
  const result =
    task === "simulate"
      ? await measureSimulation(w, ledger, threads)
      : task === "split"
        ? splitSimulation(w, ledger)
        : task === "period"
          ? measurePeriod(w)
          : compareEngines(w, w.compareMonths > 0 ? w.compareMonths : 6);
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

await main(process.argv.slice(2));
