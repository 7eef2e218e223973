/**
 * The `downline` command line.
 *
 *   downline run [FILE…] [--scenario file.json] [--plan file.json | --preset NAME] [--seed N] [--months N]
 *                [--engine fast|reference] [--format table|csv|json] [--memory SIZE]
 *                [--ledger out.csv] [--members out.csv] [--debug]
 *   downline validate [FILE…] [--scenario file.json] [--plan file.json] [--memory SIZE]
 *
 * A FILE given without --plan or --scenario is told apart by its keys (see
 * `inputKind`). Exit codes: 0 done; 1 the run failed (an output could not be
 * written, or an internal error); 2 bad input (a plan, a scenario, an option,
 * an output that cannot be written, a run over the memory budget), found
 * before any work. Every failure is one line per problem on stderr, naming
 * the file and the field; a stack trace only with --debug.
 *
 * The steps are functions apart (arguments, inputs, outputs, the run,
 * failures), so that the command line can move to another argument parser
 * without touching them.
 *
 * @module
 */
import { realpathSync } from "node:fs";
import { parseArgs } from "node:util";
import { DownlineInputError, type InputIssue } from "../validate/errors.js";
import { resolveScenario, type Scenario, type ScenarioInput } from "../world/scenario.js";
import { DEFAULT_SCENARIO } from "../world/default-scenario.js";
import { formatBytes } from "../world/estimate.js";
import { compilePlan, type CompiledPlan, type PlanInput } from "../plan/plan.js";
import { PRESETS, PRESET_SCENARIOS, type PresetName } from "../plan/presets.js";
import { scenarioForPlans } from "../run/structure.js";
import { DEFAULT_PLAN } from "../engine/default-plan.js";
import { createFastEngine } from "../engine/fast.js";
import { checkRunBudget, estimateRun } from "../run/budget.js";
import { simulate } from "../run/simulate.js";
import { ledgerCsvPieces } from "../output/ledger-csv.js";
import { membersCsvPieces } from "../output/member-csv.js";
import { periodsToCsv } from "../output/period-csv.js";
import { defaultMemoryBudget, parseMemory } from "./memory-budget.js";
import { openOutputFile, OutputWriteError, type OutputFile } from "./output-file.js";
import { inputKind, readInputFile } from "./read-input.js";
import { periodTable, runSummary } from "./table.js";

const USAGE = `usage: downline run [FILE...] [options]      simulate and print the period table
       downline validate [FILE...] [options] check a scenario and a plan, and say what is wrong

A FILE is a plan (it has "components") or a scenario (it has months, start,
market, ...), told apart by its keys; or give them with --plan and --scenario.

options:
  --scenario FILE   scenario JSON, or a name: default, or a preset's business
                    (default: the preset's business with --preset, else default)
  --plan FILE       plan JSON (default: the default unilevel plan)
  --preset NAME     a preset plan (on its own business unless a scenario is given):
                    ${Object.keys(PRESETS).join(", ")}
  --seed N          the run's seed (default 42)
  --months N        override the scenario's months
  --engine NAME     fast (default) or reference
  --format NAME     table (default), csv or json
  --memory SIZE     memory budget, like 8G or 512M (default: half the machine's memory)
  --ledger FILE     write the ledger as CSV
  --members FILE    write the member rows as CSV
  --debug           print stack traces of failures
  -h, --help        this text

exit codes: 0 done, 1 the run failed, 2 bad input (nothing was run)`;

/** What the command line asks for, parsed but not yet read. */
export interface CliRequest {
  readonly command: "run" | "validate";
  readonly files: readonly string[];
  readonly values: {
    readonly scenario?: string;
    readonly plan?: string;
    readonly preset?: string;
    readonly seed?: string;
    readonly months?: string;
    readonly engine?: string;
    readonly format?: string;
    readonly memory?: string;
    readonly ledger?: string;
    readonly members?: string;
  };
  readonly debug: boolean;
}

const usageError = (message: string) => new DownlineInputError("options", [{ path: "", message: `${message} (see downline --help)` }]);

/** Parses `argv`: the command, positional files, option values; `"help"` for -h. */
export function parseCommandLine(argv: readonly string[]): CliRequest | "help" {
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
        memory: { type: "string" },
        ledger: { type: "string" },
        members: { type: "string" },
        debug: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw usageError((e as Error).message.split("\n")[0]!);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  const [command = "run", ...files] = positionals;
  if (command !== "run" && command !== "validate") {
    const hint = /\.json$/i.test(command) ? `; to run a file: downline run ${command}` : "";
    throw usageError(`unknown command ${JSON.stringify(command)}, expected run or validate${hint}`);
  }
  const { debug = false, help: _help, ...rest } = values;
  return { command, files, values: rest, debug };
}

function integerOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new DownlineInputError("options", [{ path: `--${name}`, message: `expected a whole number, got ${JSON.stringify(value.slice(0, 40))}` }]);
  return Number(value);
}

/** An input read from a file (`file`), or built in (`file` undefined). */
interface Input {
  readonly value: unknown;
  readonly file?: string;
}

/**
 * A problem with an input read from `file`, as the command line reports it:
 * the file first, then the field (`plan.json: components[0].rates[0]`);
 * `--months` when that option set the field.
 */
function inFile(e: DownlineInputError, file: string | undefined, monthsFromOption: boolean): DownlineInputError {
  const where = (issue: InputIssue): string => {
    if (monthsFromOption && issue.path === "months") return "--months";
    if (file === undefined || issue.path.startsWith(file)) return issue.path;
    return issue.path === "" ? file : `${file}: ${issue.path}`;
  };
  return new DownlineInputError(e.source, e.issues.map((i) => ({ path: where(i), message: i.message })));
}

/** Runs `fn`; a DownlineInputError it throws is reported against `file`. */
function reading<T>(file: string | undefined, fn: () => T, monthsFromOption = false): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DownlineInputError) throw inFile(e, file, monthsFromOption);
    throw e;
  }
}

/** A scenario named on the command line: `default`, or the business a preset is written for. */
function namedScenario(name: string): ScenarioInput | undefined {
  if (name === "default") return DEFAULT_SCENARIO;
  return Object.prototype.hasOwnProperty.call(PRESET_SCENARIOS, name) ? PRESET_SCENARIOS[name as PresetName] : undefined;
}

/**
 * The scenario and plan inputs: from --scenario (a file, or a name), --plan,
 * --preset, and positional files told apart by their keys. A preset runs on
 * the business it is written for unless a scenario is given.
 */
function readInputs(request: CliRequest): { scenario: Input; plan: Input } {
  const { values } = request;
  const named = values.scenario === undefined ? undefined : namedScenario(values.scenario);
  let scenario: Input | undefined =
    values.scenario === undefined ? undefined : named ? { value: named } : { value: readInputFile(values.scenario, "scenario"), file: values.scenario };
  let plan: Input | undefined = values.plan === undefined ? undefined : { value: readInputFile(values.plan, "plan"), file: values.plan };
  if (values.preset !== undefined && !Object.prototype.hasOwnProperty.call(PRESETS, values.preset)) {
    throw new DownlineInputError("options", [{ path: "--preset", message: `expected one of ${Object.keys(PRESETS).join(", ")}, got ${JSON.stringify(values.preset.slice(0, 40))}` }]);
  }
  for (const file of request.files) {
    const value = readInputFile(file, "input");
    const kind = inputKind(value, file);
    const taken = kind === "plan" ? (plan ?? (values.preset === undefined ? undefined : { value: null, file: `--preset ${values.preset}` })) : scenario;
    if (taken) {
      throw new DownlineInputError("options", [{ path: file, message: `a second ${kind}: ${taken.file ?? "one"} is already the ${kind}; give one ${kind} and at most one of the other` }]);
    }
    if (kind === "plan") plan = { value, file };
    else scenario = { value, file };
  }
  if (values.preset !== undefined) {
    if (plan) throw new DownlineInputError("options", [{ path: "--preset", message: `expected either a plan file or --preset, not both (${plan.file} is a plan)` }]);
    plan = { value: PRESETS[values.preset as PresetName] };
    scenario ??= { value: PRESET_SCENARIOS[values.preset as PresetName] };
  }
  return { scenario: scenario ?? { value: DEFAULT_SCENARIO }, plan: plan ?? { value: DEFAULT_PLAN } };
}

/** Checks an output path before any work: a file that can be written, not an input, not another output. */
function openOutputs(request: CliRequest, inputs: readonly (string | undefined)[]): { ledger?: OutputFile; members?: OutputFile } {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  const used = new Map(inputs.filter((f): f is string => f !== undefined).map((f) => [real(f), `the input ${f}`]));
  const opened: { ledger?: OutputFile; members?: OutputFile } = {};
  try {
    for (const flag of ["ledger", "members"] as const) {
      const path = request.values[flag];
      if (path === undefined) continue;
      const clash = used.get(real(path));
      if (clash) throw new DownlineInputError("options", [{ path: `--${flag}`, message: `${path} is ${clash}; expected a file of its own` }]);
      used.set(real(path), `--${flag}'s file`);
      opened[flag] = openOutputFile(path, `--${flag}`);
    }
  } catch (e) {
    opened.ledger?.discard();
    opened.members?.discard();
    throw e;
  }
  return opened;
}

/** Runs a parsed command: reads and checks everything, then runs and writes. Returns the exit code. */
export function runCommand(request: CliRequest, out: (text: string) => void, err: (text: string) => void): number {
  const { values } = request;
  const inputs = readInputs(request);
  const months = integerOption(values.months, "months");
  const given: Scenario = reading(
    inputs.scenario.file,
    () => resolveScenario(months === undefined ? (inputs.scenario.value as ScenarioInput) : ({ ...(inputs.scenario.value as object), months } as ScenarioInput)),
    months !== undefined,
  );
  const plan: CompiledPlan = reading(inputs.plan.file, () => compilePlan(inputs.plan.value as PlanInput, { currency: given.spec.currency }));
  // The placement tree a binary or matrix plan needs: supplied to a scenario without one, a conflict refused.
  const scenario: Scenario = reading(inputs.scenario.file, () => scenarioForPlans(given, [plan]));
  // Deprecated field names still work; say what to write instead.
  for (const w of plan.warnings) err(`downline/plan: ${inputs.plan.file ? `${inputs.plan.file}: ` : ""}${w.path}: ${w.message}\n`);
  const engine = values.engine ?? "fast";
  if (engine !== "fast" && engine !== "reference") {
    throw new DownlineInputError("options", [{ path: "--engine", message: `expected "fast" or "reference", got ${JSON.stringify(engine.slice(0, 40))}` }]);
  }
  const format = values.format ?? "table";
  if (format !== "table" && format !== "csv" && format !== "json") {
    throw new DownlineInputError("options", [{ path: "--format", message: `expected "table", "csv" or "json", got ${JSON.stringify(format.slice(0, 40))}` }]);
  }
  const budget = values.memory === undefined ? defaultMemoryBudget() : parseMemory(values.memory);
  const keepLedger = values.ledger !== undefined;
  // The same memory check as simulate's, before any output is opened.
  const estimate = estimateRun(scenario, [plan], { engine, ledger: keepLedger });
  reading(inputs.scenario.file, () => checkRunBudget(estimate, scenario, budget), months !== undefined);
  if (request.command === "validate") {
    // What depends on the currency (thresholds with too many decimals) is checked by building an engine.
    reading(inputs.plan.file, () => createFastEngine(plan, { currency: scenario.spec.currency }));
    out(
      `scenario "${scenario.spec.name}": ok (${scenario.periods} ${scenario.spec.period}s)\n` +
        `plan "${plan.name}": ok (${plan.components.map((c) => c.name).join(", ")})\n` +
        `memory: about ${formatBytes(estimate.bytes)} at the peak (${estimate.world.members.toLocaleString("en-US")} members, ${estimate.world.customers.toLocaleString("en-US")} customers), within the budget of ${formatBytes(budget)}\n`,
    );
    return 0;
  }
  const seedText = values.seed ?? "42";
  if (seedText.length === 0 || seedText.length > 1000) throw new DownlineInputError("options", [{ path: "--seed", message: `expected a seed of 1 to 1,000 characters, got ${seedText.length}` }]);
  // A canonical safe integer is a number seed; anything else ("007", "9007199254740993") stays text, so distinct texts never collide.
  const seed = /^(0|-?[1-9]\d{0,15})$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : seedText;
  const outputs = openOutputs(request, [inputs.scenario.file, inputs.plan.file]);
  try {
    const result = simulate({ scenario, plan, seed, engine, ledger: keepLedger, budget });
    if (format === "table") out(`${periodTable(result)}\n\n${runSummary(result)}\n`);
    else if (format === "json") out(JSON.stringify(result.periods, null, 2) + "\n");
    else out(periodsToCsv(result));
    outputs.ledger?.write(ledgerCsvPieces(result.ledger, result.digits));
    outputs.members?.write(membersCsvPieces(result.memberColumns, result.digits, 10_000, plan.ranks.map((r) => r.name)));
    return 0;
  } finally {
    // After a failure, no file that looks complete: the temporary ones go.
    outputs.ledger?.discard();
    outputs.members?.discard();
  }
}

/**
 * A failure as the command line reports it: one line per problem, no stack
 * trace unless `debug`; the exit code (2 bad input, 1 anything else).
 */
export function reportFailure(e: unknown, debug: boolean, err: (text: string) => void): number {
  if (e instanceof DownlineInputError) {
    err(e.message + "\n");
    if (debug && e.stack) err(e.stack + "\n");
    return 2;
  }
  if (e instanceof OutputWriteError) {
    // A reader that stopped reading (`--ledger /dev/stdout | head`) wanted no more: not a failure.
    if (e.code === "EPIPE") return 0;
    err(`downline: ${e.message}\n`);
    if (debug && e.stack) err(e.stack + "\n");
    return 1;
  }
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  err(`downline: the run failed: ${message.split("\n")[0]}${debug ? "" : " (run again with --debug for the stack trace)"}\n`);
  if (debug && e instanceof Error && e.stack) err(e.stack + "\n");
  return 1;
}

/**
 * Runs the command line with `argv` (without node and script); returns the
 * exit code. Nothing it meets ends it with a stack trace: every failure is
 * reported by {@link reportFailure}.
 */
export function main(argv: readonly string[], out: (text: string) => void = (t) => void process.stdout.write(t)): number {
  const err = (text: string) => void process.stderr.write(text);
  const debug = argv.includes("--debug");
  try {
    const request = parseCommandLine(argv);
    if (request === "help") {
      out(USAGE + "\n");
      return 0;
    }
    return runCommand(request, out, err);
  } catch (e) {
    return reportFailure(e, debug, err);
  }
}

/**
 * Installs what a process needs around {@link main}: a reader that stops
 * reading (`| head`) ends the output quietly with exit 0 (EPIPE), and an
 * error no one caught is still one line.
 */
function runProcess(): void {
  const debug = process.argv.includes("--debug");
  const onStreamError = (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    process.exitCode = reportFailure(e, debug, (t) => void process.stderr.write(t));
  };
  process.stdout.on("error", onStreamError);
  process.stderr.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  process.on("uncaughtException", (e) => {
    process.exitCode = reportFailure(e, debug, (t) => void process.stderr.write(t));
  });
  process.exitCode = main(process.argv.slice(2));
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])(?:main\.ts|cli\.js|downline)$/.test(process.argv[1]);
if (invokedDirectly) runProcess();
