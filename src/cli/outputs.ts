/**
 * A command's outputs, opened before any work: `--out` (what would go to
 * stdout), `--chart` (an SVG or PNG, its renderer loaded too), and the run's
 * `--ledger` and `--members`. Each must be a file that can be written, not
 * an input and not another output; each is written through a temporary file
 * and renamed when complete (see output-file.ts), or discarded when the run
 * fails.
 *
 * @module
 */
import { realpathSync } from "node:fs";
import { DownlineInputError } from "../validate/errors.js";
import type { VegaLiteSpec } from "../output/charts/spec.js";
import { openOutputFile, type OutputFile } from "./output-file.js";
import { chartFormatOf, loadChartRenderer, type ChartRenderer } from "./render-chart.js";

/** What a command writes: its main output (stdout or `--out`), and files named by flags. */
export interface Outputs {
  /** Writes the main output's pieces (to `--out`'s file, else to stdout). */
  main(pieces: Iterable<string>): void;
  /** An output file named by a flag (`--ledger`), if it was given. */
  file(flag: string): OutputFile | undefined;
  /** Draws `spec` into `--chart`'s file, if it was given. */
  chart(spec: () => VegaLiteSpec): Promise<void>;
  /** Whether `--chart` was given. */
  readonly wantsChart: boolean;
  /** Removes every temporary file not yet put in place (the run failed). */
  discard(): void;
}

const real = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

/**
 * Opens the outputs named by `flags` (flag → path; undefined when not
 * given), checking each against `inputs` (the files read) and the others.
 * `out` writes the main output to stdout when there is no `--out`.
 */
export async function openOutputs(flags: Readonly<Record<string, string | undefined>>, inputs: readonly (string | undefined)[], out: (text: string) => void): Promise<Outputs> {
  const used = new Map(inputs.filter((f): f is string => f !== undefined).map((f) => [real(f), `the input ${f}`]));
  const opened = new Map<string, OutputFile>();
  let renderer: ChartRenderer | undefined;
  try {
    // The chart's format and renderer first: a missing renderer fails before anything is created.
    const chartPath = flags["--chart"];
    if (chartPath !== undefined) renderer = await loadChartRenderer(chartFormatOf(chartPath));
    for (const [flag, path] of Object.entries(flags)) {
      if (path === undefined) continue;
      const clash = used.get(real(path));
      if (clash) throw new DownlineInputError("options", [{ path: flag, message: `${path} is ${clash}; expected a file of its own` }]);
      used.set(real(path), `${flag}'s file`);
      opened.set(flag, openOutputFile(path, flag));
    }
  } catch (e) {
    for (const f of opened.values()) f.discard();
    throw e;
  }
  const mainFile = opened.get("--out");
  return {
    main(pieces) {
      if (mainFile) mainFile.write(pieces);
      else for (const piece of pieces) out(piece);
    },
    file: (flag) => opened.get(flag),
    wantsChart: renderer !== undefined,
    async chart(spec) {
      const file = opened.get("--chart");
      if (!file || !renderer) return;
      const bytes = await renderer.render(spec());
      file.write([bytes]);
    },
    discard() {
      for (const f of opened.values()) f.discard();
    },
  };
}
