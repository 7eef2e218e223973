/**
 * The plans and scenarios a command line names: files (told apart by their
 * keys), preset names, `--plan`, `--preset`, `--scenario` (a file or a name),
 * each read, validated and compiled before any work, every problem reported
 * against the file it is in (`plan.json: components[0].rates[0]: …`).
 *
 * The rule for worlds: a single preset runs on the business it is written
 * for unless a scenario is given; several plans share one world (the
 * scenario given, or the embedded default), so that they see the same
 * events; `--scenario own` puts each preset on its own business (and a plan
 * from a file on the default world).
 *
 * @module
 */
import { statSync } from "node:fs";
import { DownlineInputError, type InputIssue } from "../validate/errors.js";
import { resolveScenario, type Scenario, type ScenarioInput } from "../world/scenario.js";
import { DEFAULT_SCENARIO } from "../world/default-scenario.js";
import { compilePlan, type CompiledPlan, type PlanInput } from "../plan/plan.js";
import { PRESETS, PRESET_SCENARIOS, type PresetName } from "../plan/presets.js";
import { scenarioForPlans } from "../run/structure.js";
import { DEFAULT_PLAN } from "../engine/default-plan.js";
import { inputKind, readInputFile } from "./read-input.js";

/** A plan as the command line read it. */
export interface PlanArg {
  readonly value: PlanInput;
  /** The file it was read from; undefined for a preset or the default plan. */
  readonly file?: string;
  /** The preset it is, if it is one. */
  readonly preset?: PresetName;
  /** Its label in tables: the preset's name, else the plan's name. */
  readonly label: string;
}

/** A scenario as the command line read it. */
export interface ScenarioArg {
  readonly value: ScenarioInput;
  readonly file?: string;
}

/** A plan on its world, both checked: what a command runs. */
export interface PlanOnScenario {
  readonly plan: PlanArg;
  readonly compiled: CompiledPlan;
  readonly scenarioArg: ScenarioArg;
  /** The scenario resolved, with `--months` applied and the plan's placement tree supplied. */
  readonly scenario: Scenario;
  /** The scenario as data (months applied): what crosses to worker threads. */
  readonly scenarioInput: ScenarioInput;
}

/** The options that name inputs. */
export interface InputOptions {
  readonly plan?: string;
  readonly preset?: string;
  readonly scenario?: string;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const presetList = () => Object.keys(PRESETS).join(", ");

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
export function reading<T>(file: string | undefined, fn: () => T, monthsFromOption = false): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DownlineInputError) throw inFile(e, file, monthsFromOption);
    throw e;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile() || !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A preset plan by name, or an error naming where it was asked for. */
function presetPlan(name: string, where: string): PlanArg {
  if (!has(PRESETS, name)) throw new DownlineInputError("options", [{ path: where, message: `expected one of ${presetList()}, got ${JSON.stringify(name.slice(0, 40))}` }]);
  return { value: PRESETS[name as PresetName], preset: name as PresetName, label: name };
}

/** A scenario named on the command line: `default`, or the business a preset is written for. */
function namedScenario(name: string): ScenarioInput | undefined {
  if (name === "default") return DEFAULT_SCENARIO;
  return has(PRESET_SCENARIOS, name) ? PRESET_SCENARIOS[name as PresetName] : undefined;
}

const planName = (value: unknown): string | undefined => {
  const name = (value as { name?: unknown } | null)?.name;
  return typeof name === "string" && name.length > 0 ? name : undefined;
};

/**
 * Reads the command line's inputs: positional arguments (a file — a plan or
 * a scenario, told apart by its keys — or a preset's name), `--plan`,
 * `--preset`, `--scenario`. At most `maxPlans` plans and one scenario; no
 * plan at all gives `defaultPlans`.
 */
export function readInputs(
  args: readonly string[],
  options: InputOptions,
  limits: { readonly maxPlans: number; readonly defaultPlans: () => PlanArg[] },
): { plans: PlanArg[]; scenario: ScenarioArg | "own" | undefined } {
  const plans: PlanArg[] = [];
  let scenario: ScenarioArg | "own" | undefined;
  if (options.scenario !== undefined) {
    const named = options.scenario === "own" ? "own" : namedScenario(options.scenario);
    scenario = named === "own" ? "own" : named ? { value: named } : { value: readInputFile(options.scenario, "scenario") as ScenarioInput, file: options.scenario };
  }
  if (options.plan !== undefined) plans.push({ value: readInputFile(options.plan, "plan") as PlanInput, file: options.plan, label: "" });
  if (options.preset !== undefined) plans.push(presetPlan(options.preset, "--preset"));
  for (const arg of args) {
    if (!isFile(arg) && !/[\\/]|\.json$/i.test(arg)) {
      if (has(PRESETS, arg)) {
        plans.push(presetPlan(arg, arg));
        continue;
      }
      throw new DownlineInputError("options", [{ path: arg, message: `expected a plan or scenario file, or a preset's name (${presetList()}); no such file` }]);
    }
    const value = readInputFile(arg, "input");
    const kind = inputKind(value, arg);
    if (kind === "scenario") {
      if (scenario !== undefined) {
        const other = scenario === "own" ? "--scenario own" : (scenario.file ?? `--scenario ${options.scenario}`);
        throw new DownlineInputError("options", [{ path: arg, message: `a second scenario: ${other} is already the scenario; give one scenario` }]);
      }
      scenario = { value: value as ScenarioInput, file: arg };
    } else {
      plans.push({ value: value as PlanInput, file: arg, label: "" });
    }
  }
  if (plans.length > limits.maxPlans) {
    const names = plans.map((p) => p.file ?? (p.preset ? `--preset ${p.preset}` : p.label));
    throw new DownlineInputError("options", [
      { path: names[limits.maxPlans]!, message: `a second plan: ${names[0]} is already the plan; this command takes one plan (compare takes several)` },
    ]);
  }
  const labelled = (plans.length === 0 ? limits.defaultPlans() : plans).map((p) => (p.label !== "" ? p : { ...p, label: planName(p.value) ?? p.file ?? "plan" }));
  // Labels tell plans apart in every table: a repeated one gets " (2)".
  const seen = new Map<string, number>();
  const unique = labelled.map((p) => {
    const n = (seen.get(p.label) ?? 0) + 1;
    seen.set(p.label, n);
    return n === 1 ? p : { ...p, label: `${p.label} (${n})` };
  });
  return { plans: unique, scenario };
}

/** The default plan, as a command without a plan runs it. */
export const defaultPlan = (): PlanArg[] => [{ value: DEFAULT_PLAN, label: planName(DEFAULT_PLAN) ?? "default" }];

/** Every preset, in order: what `compare` and `sweep` run without a plan. */
export const allPresets = (): PlanArg[] => (Object.keys(PRESETS) as PresetName[]).map((name) => ({ value: PRESETS[name], preset: name, label: name }));

/**
 * Each plan on its world (see the module's rule), each validated and
 * compiled, each world resolved with `--months` applied and the plan's
 * placement tree supplied. Deprecation warnings go to `warn`, one line each.
 */
export function checkInputs(
  plans: readonly PlanArg[],
  scenario: ScenarioArg | "own" | undefined,
  months: number | undefined,
  warn: (line: string) => void,
): PlanOnScenario[] {
  const worldOf = (plan: PlanArg): ScenarioArg => {
    if (scenario === "own") return plan.preset ? { value: PRESET_SCENARIOS[plan.preset] } : { value: DEFAULT_SCENARIO };
    if (scenario) return scenario;
    if (plans.length === 1 && plan.preset) return { value: PRESET_SCENARIOS[plan.preset] };
    return { value: DEFAULT_SCENARIO };
  };
  const resolved = new Map<ScenarioArg["value"], { given: Scenario; input: ScenarioInput }>();
  return plans.map((plan) => {
    const scenarioArg = worldOf(plan);
    let world = resolved.get(scenarioArg.value);
    if (!world) {
      const input = (months === undefined ? scenarioArg.value : { ...(scenarioArg.value as object), months }) as ScenarioInput;
      world = { given: reading(scenarioArg.file, () => resolveScenario(input), months !== undefined), input };
      resolved.set(scenarioArg.value, world);
    }
    const given = world.given;
    const compiled = reading(plan.file, () => compilePlan(plan.value, { currency: given.spec.currency }));
    for (const w of compiled.warnings) warn(`downline/plan: ${plan.file ? `${plan.file}: ` : ""}${w.path}: ${w.message}\n`);
    // The placement tree a binary or matrix plan needs: supplied to a scenario without one, a conflict refused.
    const scenarioResolved = reading(scenarioArg.file, () => scenarioForPlans(given, [compiled]));
    return { plan, compiled, scenarioArg, scenario: scenarioResolved, scenarioInput: world.input };
  });
}
