/**
 * One measurement in a process of its own:
 *
 *     node --import tsx benchmarks/one.ts <workload> <simulate|compare|split> [--ledger=true|false]
 *
 * A process per measurement because peak RSS (`maxRSS`) only ever grows: a
 * large run would otherwise be charged for what an earlier one left behind,
 * and a small one for the reference engine's objects. The result is printed
 * as one JSON line after {@link RESULT_MARKER}, for `run.ts` to pick up; the
 * rest of stdout and stderr is free for progress and errors.
 *
 * @module
 */
import { compareEngines, measureSimulation, RESULT_MARKER, splitSimulation } from "./measure.js";
import { workloadByName } from "./workloads.js";

function main(argv: readonly string[]): void {
  const [name, task, ...flags] = argv;
  if (!name || (task !== "simulate" && task !== "compare" && task !== "split")) {
    throw new Error("usage: one.ts <workload> <simulate|compare|split> [--ledger=true|false]");
  }
  const w = workloadByName(name);
  const ledgerFlag = flags.find((f) => f.startsWith("--ledger="));
  const ledger = ledgerFlag === undefined ? (w.ledger[0] ?? true) : ledgerFlag === "--ledger=true";
  const result =
    task === "simulate"
      ? measureSimulation(w, ledger)
      : task === "split"
        ? splitSimulation(w, ledger)
        : compareEngines(w, w.compareMonths > 0 ? w.compareMonths : 6);
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2));
