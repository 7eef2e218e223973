/**
 * The `downline` command line.
 *
 *   downline run [--scenario file.json] [--plan file.json | --preset NAME] [--seed N] [--months N]
 *                [--engine fast|reference] [--format table|csv|json]
 *                [--ledger out.csv] [--members out.csv]
 *   downline validate [--scenario file.json] [--plan file.json]
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DownlineInputError } from "../validate/errors.js";
import { resolveScenario, type ScenarioInput } from "../world/scenario.js";
import { DEFAULT_SCENARIO } from "../world/default-scenario.js";
import { compilePlan, type PlanInput } from "../plan/plan.js";
import { PRESETS, PRESET_SCENARIOS, type PresetName } from "../plan/presets.js";
import { scenarioForPlans } from "../run/structure.js";
import { DEFAULT_PLAN } from "../engine/default-plan.js";
import { createFastEngine } from "../engine/fast.js";
import { simulate } from "../run/simulate.js";
import { ledgerCsvPieces } from "../output/ledger-csv.js";
import { membersCsvPieces } from "../output/member-csv.js";
import { periodsToCsv } from "../output/period-csv.js";
import { periodTable, runSummary } from "./table.js";
import { writePieces } from "./write-pieces.js";

const USAGE = `usage: downline run [options]      simulate and print the period table
       downline validate [options] check a scenario and a plan, and say what is wrong

options:
  --scenario FILE   scenario JSON, or a name: default, or a preset's business
                    (default: the preset's business with --preset, else default)
  --plan FILE       plan JSON (default: the default unilevel plan)
  --preset NAME     a preset plan (on its own business unless --scenario): ${Object.keys(PRESETS).join(", ")}
  --seed N          the run's seed (default 42)
  --months N        override the scenario's months
  --engine NAME     fast (default) or reference
  --format NAME     table (default), csv or json
  --ledger FILE     write the ledger as CSV
  --members FILE    write the member rows as CSV
  -h, --help        this text`;

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new DownlineInputError(what, [{ path: file, message: `cannot read the file (${(e as Error).message})` }]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DownlineInputError(what, [{ path: file, message: `expected JSON (${(e as Error).message})` }]);
  }
}

function integerOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new DownlineInputError("options", [{ path: `--${name}`, message: `expected a whole number, got ${JSON.stringify(value)}` }]);
  return Number(value);
}

/** A scenario named on the command line: `default`, or the business a preset is written for. */
function namedScenario(name: string): ScenarioInput | undefined {
  if (name === "default") return DEFAULT_SCENARIO;
  return Object.prototype.hasOwnProperty.call(PRESET_SCENARIOS, name) ? PRESET_SCENARIOS[name as PresetName] : undefined;
}

/** Runs the command line with `argv` (without node and script); returns the exit code. */
export function main(argv: readonly string[], out: (text: string) => void = (t) => process.stdout.write(t)): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        scenario: { type: "string" },
        plan: { type: "string" },
        preset: { type: "string" },
        seed: { type: "string" },
        months: { type: "string" },
        engine: { type: "string" },
        format: { type: "string" },
        ledger: { type: "string" },
        members: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    process.stderr.write(`downline: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? "run";
  if (values.help) {
    out(USAGE + "\n");
    return 0;
  }
  if (command !== "run" && command !== "validate") {
    process.stderr.write(`downline: unknown command ${JSON.stringify(command)}\n${USAGE}\n`);
    return 2;
  }
  try {
    if (values.plan && values.preset) throw new DownlineInputError("options", [{ path: "--preset", message: "expected either --plan or --preset, not both" }]);
    if (values.preset !== undefined && !Object.prototype.hasOwnProperty.call(PRESETS, values.preset)) {
      throw new DownlineInputError("options", [{ path: "--preset", message: `expected one of ${Object.keys(PRESETS).join(", ")}, got ${JSON.stringify(values.preset)}` }]);
    }
    const preset = values.preset as PresetName | undefined;
    // A preset runs on the business it is written for, unless a scenario is given; a scenario is
    // given as a file, or by name: "default" or a preset's.
    const scenarioInput = (
      values.scenario === undefined ? (preset ? PRESET_SCENARIOS[preset] : DEFAULT_SCENARIO) : namedScenario(values.scenario) ?? readJson(values.scenario, "scenario")
    ) as ScenarioInput;
    const months = integerOption(values.months, "months");
    const given = resolveScenario(months === undefined ? scenarioInput : { ...(scenarioInput as object), months });
    const planInput = preset ? PRESETS[preset] : values.plan ? readJson(values.plan, "plan") : DEFAULT_PLAN;
    const plan = compilePlan(planInput as PlanInput, { currency: given.spec.currency });
    // The placement tree a binary or matrix plan needs: supplied to a scenario without one, a conflict refused.
    const scenario = scenarioForPlans(given, [plan]);
    // Deprecated field names still work; say what to write instead.
    for (const w of plan.warnings) process.stderr.write(`downline/plan: ${w.path}: ${w.message}\n`);
    if (command === "validate") {
      // What depends on the currency (thresholds with too many decimals) is checked by building an engine.
      createFastEngine(plan, { currency: scenario.spec.currency });
      out(`scenario "${scenario.spec.name}": ok (${scenario.periods} ${scenario.spec.period}s)\nplan "${plan.name}": ok (${plan.components.map((c) => c.name).join(", ")})\n`);
      return 0;
    }
    const engine = values.engine ?? "fast";
    if (engine !== "fast" && engine !== "reference") {
      throw new DownlineInputError("options", [{ path: "--engine", message: `expected "fast" or "reference", got ${JSON.stringify(engine)}` }]);
    }
    const format = values.format ?? "table";
    if (format !== "table" && format !== "csv" && format !== "json") {
      throw new DownlineInputError("options", [{ path: "--format", message: `expected "table", "csv" or "json", got ${JSON.stringify(format)}` }]);
    }
    const seedText = values.seed ?? "42";
    // A canonical safe integer is a number seed; anything else ("007", "9007199254740993") stays text, so distinct texts never collide.
    const seed = /^(0|-?[1-9]\d*)$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : seedText;
    const result = simulate({ scenario, plan, seed, engine, ledger: values.ledger !== undefined });
    if (format === "table") out(`${periodTable(result)}\n\n${runSummary(result)}\n`);
    else if (format === "json") out(JSON.stringify(result.periods, null, 2) + "\n");
    else out(periodsToCsv(result));
    if (values.ledger) writePieces(values.ledger, ledgerCsvPieces(result.ledger, result.digits));
    if (values.members) writePieces(values.members, membersCsvPieces(result.memberColumns, result.digits, 10_000, plan.ranks.map((r) => r.name)));
    return 0;
  } catch (e) {
    if (e instanceof DownlineInputError) {
      process.stderr.write(e.message + "\n");
      return 2;
    }
    throw e;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(?:main\.ts|cli\.js|downline)$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
