/**
 * Bad input is rejected BEFORE any work, with a DownlineInputError whose issues
 * name the field path and say what was expected: never a crash (TypeError…),
 * never a silently wrong number.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  compilePlan,
  DownlineInputError,
  resolveScenario,
  simulate,
  type PlanInput,
  type ScenarioInput,
} from "../../src/index.js";
import { main } from "../../src/cli/main.js";

// ---------------------------------------------------------------- helpers

/** Runs `fn`, expects a DownlineInputError (anything else is rethrown so a crash shows as itself). */
function inputError(fn: () => unknown): DownlineInputError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error("expected a DownlineInputError, but the input was accepted");
  if (!(thrown instanceof DownlineInputError)) throw thrown;
  return thrown;
}

/** Expects exactly one issue, at `path`, whose message matches every pattern. */
function expectSingleIssue(error: DownlineInputError, source: string, path: string, ...patterns: RegExp[]): void {
  expect(error.source).toBe(source);
  expect(error.issues.map((i) => i.path)).toEqual([path]);
  for (const pattern of patterns) expect(error.issues[0]!.message).toMatch(pattern);
}

const plan = (input: unknown) => compilePlan(input as PlanInput);
const scenario = (input: unknown) => resolveScenario(input as ScenarioInput);

/** A one-component unilevel plan with the given rates. */
const unilevel = (rates: unknown[]) => ({ components: [{ type: "unilevel", rates }] });
const GOOD_PLAN: PlanInput = { components: [{ type: "unilevel", rates: ["0.08", "0.05"] }] };
/** A small world, so that an accidental run stays quick. */
const SMALL_SCENARIO = { months: 2, start: { network: { distributors: 30 } }, market: { prospects: 1000 } };

describe("fixtures", () => {
  it("the good plan and the small scenario are accepted (each bad case differs by one field)", () => {
    expect(() => plan(GOOD_PLAN)).not.toThrow();
    expect(() => plan(unilevel(["0.05", 0.05, "1", 0, "0.123456"]))).not.toThrow();
    expect(() => scenario(SMALL_SCENARIO)).not.toThrow();
    expect(() => scenario({})).not.toThrow();
  });
});

// ---------------------------------------------------------------- plans

describe("compilePlan rejects bad rates", () => {
  it("a negative rate: path components[0].rates[0], expects a decimal like \"0.05\", got -3", () => {
    const e = inputError(() => plan(unilevel([-3])));
    expectSingleIssue(e, "plan", "components[0].rates[0]", /expected a decimal string like "0\.05"/, /-3\b/);
  });

  it("a rate above 1", () => {
    expectSingleIssue(inputError(() => plan(unilevel(["1.5"]))), "plan", "components[0].rates[0]", /at most 1\b/, /1\.5/);
  });

  it("a rate above 1 in a customer commission (path …rate)", () => {
    const e = inputError(() => plan({ components: [{ type: "customerCommission", rate: "2" }] }));
    expectSingleIssue(e, "plan", "components[0].rate", /at most 1\b/, /got 2\b/);
  });

  it("a rate as a non-numeric string (\"5%\")", () => {
    expectSingleIssue(inputError(() => plan(unilevel(["5%"]))), "plan", "components[0].rates[0]", /expected a decimal string like "0\.05"/, /"5%"/);
  });

  it("a rate with too many decimals (\"0.1234567\"), as a string or a number", () => {
    expectSingleIssue(inputError(() => plan(unilevel(["0.1234567"]))), "plan", "components[0].rates[0]", /at most 6 digits after the point/, /0\.1234567/);
    expectSingleIssue(inputError(() => plan(unilevel([1e-7]))), "plan", "components[0].rates[0]", /at most 6 digits after the point/, /0\.0000001/);
  });

  it("the bad rate's index is in the path", () => {
    expectSingleIssue(inputError(() => plan(unilevel(["0.08", "0.05", "-0.01"]))), "plan", "components[0].rates[2]", /-0\.01/);
  });

  // NaN/Infinity must be named in the message (not "Invalid input", and not "null" as JSON.stringify(NaN) says).
  it.each([
    ["NaN", NaN, /got NaN/],
    ["Infinity", Infinity, /got Infinity/],
    ["-Infinity", -Infinity, /got -Infinity/],
    ["a boolean", true, /got true/],
    ["null", null, /got null/],
  ])("a rate that is %s: says a decimal was expected and what it got", (_what, value, got) => {
    const e = inputError(() => plan(unilevel([value])));
    expectSingleIssue(e, "plan", "components[0].rates[0]", /expected a decimal string like "0\.05"/, got);
  });

  it("a missing rate: says a decimal was expected", () => {
    const e = inputError(() => plan({ components: [{ type: "customerCommission" }] }));
    expectSingleIssue(e, "plan", "components[0].rate", /expected a decimal string like "0\.05"/);
  });

  it("an empty rates array", () => {
    expectSingleIssue(inputError(() => plan(unilevel([]))), "plan", "components[0].rates", /expected array to have >=1 items/);
  });
});

describe("compilePlan rejects bad structure", () => {
  it("an unknown component type: lists the known types and names the bad one", () => {
    const e = inputError(() => plan({ components: [{ type: "megaBonus", rates: ["0.1"] }] }));
    expectSingleIssue(e, "plan", "components[0].type", /"customerCommission"/, /"unilevel"/, /got "megaBonus"/);
  });

  it("a component without a type", () => {
    expectSingleIssue(inputError(() => plan({ components: [{ rates: ["0.1"] }] })), "plan", "components[0].type", /expected string, received undefined/);
  });

  it("an unknown key in a component", () => {
    const e = inputError(() => plan({ components: [{ type: "unilevel", rates: ["0.1"], legs: 2 }] }));
    expectSingleIssue(e, "plan", "components[0]", /unknown key\(s\) "legs"/);
  });

  it("an unknown top-level key (path is the root)", () => {
    const e = inputError(() => plan({ ...GOOD_PLAN, bonus: 1 }));
    expectSingleIssue(e, "plan", "", /unknown key\(s\) "bonus"/);
    expect(e.message).toBe('downline/plan: (root): unknown key(s) "bonus"');
  });

  it("an unknown enum value in a component (compression)", () => {
    const e = inputError(() => plan({ components: [{ type: "unilevel", rates: ["0.1"], compression: "full" }] }));
    expectSingleIssue(e, "plan", "components[0].compression", /"dynamic"/, /"none"/);
  });

  it.each([
    ["missing", {}, /expected array, received undefined/],
    ["an object, not an array", { components: { type: "unilevel", rates: ["0.1"] } }, /expected array, received object/],
    ["a string", { components: "unilevel" }, /expected array, received string/],
    ["an empty array", { components: [] }, /expected array to have >=1 items/],
  ])("components %s", (_what, input, message) => {
    expectSingleIssue(inputError(() => plan(input)), "plan", "components", message);
  });

  it.each([
    ["null", null],
    ["a string", "plan"],
  ])("a component that is %s", (_what, component) => {
    expectSingleIssue(inputError(() => plan({ components: [component] })), "plan", "components[0]", /expected object/);
  });

  it("duplicate component names (by type, no names given)", () => {
    const e = inputError(() => plan({ components: [{ type: "unilevel", rates: ["0.1"] }, { type: "unilevel", rates: ["0.2"] }] }));
    expectSingleIssue(e, "plan", "components[1].name", /unique component name/, /"unilevel"/, /components\[0\]/);
  });

  it("duplicate component names (given names)", () => {
    const e = inputError(() =>
      plan({ components: [{ type: "unilevel", name: "a", rates: ["0.1"] }, { type: "customerCommission", name: "a", rate: "0.2" }] }),
    );
    expectSingleIssue(e, "plan", "components[1].name", /unique component name/, /"a"/);
  });

  it("rounding: \"up\" lists the rounding modes", () => {
    expectSingleIssue(inputError(() => plan({ ...GOOD_PLAN, rounding: "up" })), "plan", "rounding", /"halfEven"/, /"halfUp"/, /"down"/);
  });

  it("activity.minPv: -1", () => {
    const e = inputError(() => plan({ ...GOOD_PLAN, activity: { minPv: -1 } }));
    expectSingleIssue(e, "plan", "activity.minPv", /expected a volume like "100"/, /-1\b/);
  });

  it("an empty name", () => {
    expectSingleIssue(inputError(() => plan({ ...GOOD_PLAN, name: "" })), "plan", "name", /expected string to have >=1 characters/);
  });

  it.each([
    ["null", null, /expected object, received null/],
    ["a string", "plan", /expected object, received string/],
    ["42", 42, /expected object, received number/],
    ["an array", [], /expected object, received array/],
    ["undefined", undefined, /expected object, received undefined/],
  ])("a plan that is %s", (_what, input, message) => {
    expectSingleIssue(inputError(() => plan(input)), "plan", "", message);
  });
});

describe("prototype-polluting keys are rejected (own keys, as JSON.parse makes them)", () => {
  const FORBIDDEN = /keys named __proto__, constructor or prototype are not allowed/;

  it.each([
    ["__proto__ at the top", '{"__proto__": {"polluted": true}, "components": [{"type": "unilevel", "rates": ["0.1"]}]}', "__proto__"],
    ["__proto__ in a component", '{"components": [{"type": "unilevel", "rates": ["0.1"], "__proto__": {"polluted": true}}]}', "components[0].__proto__"],
    ["__proto__ in activity", '{"activity": {"__proto__": {"minPv": "0"}}, "components": [{"type": "unilevel", "rates": ["0.1"]}]}', "activity.__proto__"],
    ["constructor at the top", '{"constructor": {"prototype": {}}, "components": [{"type": "unilevel", "rates": ["0.1"]}]}', "constructor"],
    ["constructor in a component", '{"components": [{"type": "unilevel", "rates": ["0.1"], "constructor": 1}]}', "components[0].constructor"],
    ["prototype in a component", '{"components": [{"type": "unilevel", "rates": ["0.1"], "prototype": 1}]}', "components[0].prototype"],
  ])("plan: %s", (_what, json, path) => {
    const input = JSON.parse(json) as unknown;
    expectSingleIssue(inputError(() => plan(input)), "plan", path, FORBIDDEN);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["__proto__ at the top", '{"__proto__": {"months": 1}}', "__proto__"],
    ["__proto__ in customers", '{"customers": {"__proto__": {"acquisitionRate": 5}}}', "customers.__proto__"],
    ["constructor in a hazard step", '{"customers": {"churn": [{"fromMonth": 0, "monthly": 0.1, "constructor": 1}]}}', "customers.churn[0].constructor"],
  ])("scenario: %s", (_what, json, path) => {
    expectSingleIssue(inputError(() => scenario(JSON.parse(json))), "scenario", path, FORBIDDEN);
  });
});

// ---------------------------------------------------------------- scenarios

describe("resolveScenario rejects bad fields", () => {
  it.each([
    ["months: 0", { months: 0 }, "months", [/expected number to be >=1/]],
    ["months: 1.5", { months: 1.5 }, "months", [/expected int/]],
    ["months: -3", { months: -3 }, "months", [/expected number to be >=1/]],
    ["months: NaN", { months: NaN }, "months", [/expected number, received NaN/]],
    ["months: Infinity", { months: Infinity }, "months", [/expected (number|int)/]],
    ["months as a string", { months: "12" }, "months", [/expected number, received string/]],
    ["start.network.distributors: 10.5", { start: { network: { distributors: 10.5 } } }, "start.network.distributors", [/expected int/]],
    ["start.founders: 0", { start: { founders: 0, network: null } }, "start.founders", [/expected number to be >=1/]],
    ["distributors.orderProbability: 1.2", { distributors: { orderProbability: 1.2 } }, "distributors.orderProbability", [/expected number to be <=1/]],
    ["distributors.orderProbability: -0.1", { distributors: { orderProbability: -0.1 } }, "distributors.orderProbability", [/expected number to be >=0/]],
    ["distributors.roles.seller.acquisitionRate: NaN", { distributors: { roles: { seller: { acquisitionRate: NaN } } } }, "distributors.roles.seller.acquisitionRate", [/received NaN/]],
    ["cvRatio: \"1.2\"", { cvRatio: "1.2" }, "cvRatio", [/at most 1\b/, /1\.2/]],
    ["cvRatio: \"80%\"", { cvRatio: "80%" }, "cvRatio", [/expected a decimal string like "0\.05"/, /"80%"/]],
    ["period: \"day\"", { period: "day" }, "period", [/"month"/, /"week"/]],
    ["currency: \"usd\"", { currency: "usd" }, "currency", [/ISO 4217/, /"USD"/]],
    ["currency: \"XYZ\" (well-formed but not a currency)", { currency: "XYZ" }, "currency", [/ISO 4217/]],
    ["currency: \"ABC\" (well-formed but not a currency)", { currency: "ABC" }, "currency", [/ISO 4217/]],
    ["an unknown recruitment model", { recruitment: { model: "geometric" } }, "recruitment.model", [/poisson/, /uniform/, /preferential/]],
    ["an unknown value-distribution kind", { customers: { orderValue: { kind: "normal", mean: "10" } } }, "customers.orderValue.kind", [/fixed/, /choice/, /lognormal/]],
    ["customers.orphans: \"drop\"", { customers: { orphans: "drop" } }, "customers.orphans", [/"moveUp"/, /"churn"/]],
    ["an unknown top-level key", { month: 12 }, "", [/unknown key\(s\) "month"/]],
    ["an unknown key in customers", { customers: { churnRate: 0.1 } }, "customers", [/unknown key\(s\) "churnRate"/]],
    ["an unknown key in recruitment", { recruitment: { model: "uniform", builderSpeed: 0.5 } }, "recruitment", [/unknown key\(s\) "builderSpeed"/]],
    ["a field removed in 0.2.0 (roles replace builders)", { recruitment: { model: "uniform", builderRate: 0.5 } }, "recruitment.builderRate", [/removed/, /distributors\.roles\.builder\.recruitRate/]],
    ["an unknown key in start.network", { start: { network: { distributors: 10, members: 10 } } }, "start.network", [/unknown key\(s\) "members"/]],
  ] as const)("%s", (_what, input, path, patterns) => {
    expectSingleIssue(inputError(() => scenario(input)), "scenario", path, ...patterns);
  });

  it.each([
    ["null", null, /expected object, received null/],
    ["a string", "scenario", /expected object, received string/],
    ["an array", [], /expected object, received array/],
  ])("a scenario that is %s", (_what, input, message) => {
    expectSingleIssue(inputError(() => scenario(input)), "scenario", "", message);
  });
});

describe("resolveScenario rejects inconsistent fields", () => {
  it("more founders than network distributors", () => {
    const e = inputError(() => scenario({ start: { founders: 20, network: { distributors: 10 } } }));
    expectSingleIssue(e, "scenario", "start.founders", /at most start\.network\.distributors \(10\)/, /got 20/);
  });

  it("hazard steps out of order", () => {
    const e = inputError(() =>
      scenario({ distributors: { attrition: [{ fromMonth: 0, monthly: 0.1 }, { fromMonth: 12, monthly: 0.05 }, { fromMonth: 6, monthly: 0.02 }] } }),
    );
    expectSingleIssue(e, "scenario", "distributors.attrition[2].fromMonth", /a month after 12/, /increasing order/, /got 6/);
  });

  it("hazard steps repeating a month", () => {
    const e = inputError(() => scenario({ customers: { churn: [{ fromMonth: 0, monthly: 0.1 }, { fromMonth: 0, monthly: 0.05 }] } }));
    expectSingleIssue(e, "scenario", "customers.churn[1].fromMonth", /a month after 0/, /got 0/);
  });

  it("a first hazard step not at month 0", () => {
    const e = inputError(() => scenario({ customers: { churn: [{ fromMonth: 1, monthly: 0.1 }] } }));
    expectSingleIssue(e, "scenario", "customers.churn[0].fromMonth", /expected 0/, /got 1/);
  });

  it("no hazard steps", () => {
    expectSingleIssue(inputError(() => scenario({ customers: { churn: [] } })), "scenario", "customers.churn", /expected array to have >=1 items/);
  });

  it("a hazard step with a probability above 1", () => {
    const e = inputError(() => scenario({ distributors: { attrition: [{ fromMonth: 0, monthly: 1.5 }] } }));
    expectSingleIssue(e, "scenario", "distributors.attrition[0].monthly", /expected number to be <=1/);
  });

  it("an order value with 3 decimals for USD (fixed)", () => {
    const e = inputError(() => scenario({ distributors: { orderValue: { kind: "fixed", value: "9.999" } } }));
    expectSingleIssue(e, "scenario", "distributors.orderValue.value", /at most 2 decimals/, /9\.999/);
  });

  it("an order value with 3 decimals for USD (choice)", () => {
    const e = inputError(() => scenario({ customers: { orderValue: { kind: "choice", values: ["10.00", "9.999"] } } }));
    expectSingleIssue(e, "scenario", "customers.orderValue.values[1]", /at most 2 decimals/, /9\.999/);
  });

  it("an order value with decimals for JPY", () => {
    const e = inputError(() => scenario({ currency: "JPY", distributors: { orderValue: { kind: "fixed", value: "9.5" } } }));
    expectSingleIssue(e, "scenario", "distributors.orderValue.value", /at most 0 decimals/, /9\.5/);
  });

  it("an order value that is negative", () => {
    const e = inputError(() => scenario({ distributors: { orderValue: { kind: "fixed", value: -10 } } }));
    expectSingleIssue(e, "scenario", "distributors.orderValue.value", /expected an amount like "59\.90"/, /-10/);
  });

  it("choice weights whose length does not match the values", () => {
    const e = inputError(() => scenario({ customers: { orderValue: { kind: "choice", values: ["10.00", "20.00"], weights: [1] } } }));
    expectSingleIssue(e, "scenario", "customers.orderValue.weights", /expected 2 weights/, /got 1/);
  });

  it("choice weights that are all zero", () => {
    const e = inputError(() => scenario({ customers: { orderValue: { kind: "choice", values: ["10.00", "20.00"], weights: [0, 0] } } }));
    expectSingleIssue(e, "scenario", "customers.orderValue.weights", /at least one positive weight/);
  });

  it("a negative choice weight", () => {
    const e = inputError(() => scenario({ customers: { orderValue: { kind: "choice", values: ["10.00", "20.00"], weights: [1, -1] } } }));
    expectSingleIssue(e, "scenario", "customers.orderValue.weights[1]", /expected number to be >=0/);
  });

  it("a lognormal order value with mean 0", () => {
    const e = inputError(() => scenario({ customers: { orderValue: { kind: "lognormal", mean: "0", sd: "5" } } }));
    expectSingleIssue(e, "scenario", "customers.orderValue.mean", /positive mean/);
  });
});

// ---------------------------------------------------------------- several problems, message format

describe("one error lists every problem", () => {
  it("a plan with several schema problems: one issue each, in one error", () => {
    const e = inputError(() =>
      plan({ rounding: "up", components: [{ type: "unilevel", rates: [-3, "1.5"] }, { type: "megaBonus" }], extra: 1 }),
    );
    expect(e.issues.map((i) => i.path).sort()).toEqual(["", "components[0].rates[0]", "components[0].rates[1]", "components[1].type", "rounding"].sort());
  });

  it("a scenario with several schema problems", () => {
    const e = inputError(() => scenario({ months: 0, period: "day", distributors: { orderProbability: 1.2 }, cvRatio: "1.2" }));
    expect(e.issues.map((i) => i.path).sort()).toEqual(["cvRatio", "distributors.orderProbability", "months", "period"]);
  });

  it("a scenario with several cross-field problems", () => {
    const e = inputError(() =>
      scenario({ start: { founders: 20, network: { distributors: 10 } }, distributors: { orderValue: { kind: "fixed", value: "9.999" } } }),
    );
    expect(e.issues.map((i) => i.path).sort()).toEqual(["distributors.orderValue.value", "start.founders"]);
  });

  // The docs promise "naming every bad field": a schema problem must not hide the duplicate-name check.
  it("a plan with a duplicate component name AND another problem reports both", () => {
    const e = inputError(() =>
      plan({ rounding: "up", components: [{ type: "unilevel", rates: ["0.1"] }, { type: "unilevel", rates: ["0.1"] }] }),
    );
    expect(e.issues.map((i) => i.path).sort()).toEqual(["components[1].name", "rounding"]);
  });

  // Likewise a schema problem must not hide the cross-field checks (minor-unit fit, founders ≤ distributors).
  it("a scenario with a schema problem AND cross-field problems reports all of them", () => {
    const e = inputError(() =>
      scenario({
        months: 0,
        start: { founders: 20, network: { distributors: 10 } },
        distributors: { orderValue: { kind: "fixed", value: "9.999" } },
      }),
    );
    expect(e.issues.map((i) => i.path).sort()).toEqual(["distributors.orderValue.value", "months", "start.founders"]);
  });

  it("the message is one line per issue: downline/<source>: <path>: <message>", () => {
    const e = inputError(() => plan(unilevel([-3, "1.5"])));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("DownlineInputError");
    expect(e.source).toBe("plan");
    expect(e.message).toBe(
      [
        'downline/plan: components[0].rates[0]: expected a decimal string like "0.05", got -3',
        "downline/plan: components[0].rates[1]: expected at most 1, got 1.5",
      ].join("\n"),
    );
    const lines = e.message.split("\n");
    expect(lines).toHaveLength(e.issues.length);
    e.issues.forEach((issue, i) => expect(lines[i]).toBe(`downline/plan: ${issue.path}: ${issue.message}`));
  });

  it("scenario errors use the scenario prefix", () => {
    const e = inputError(() => scenario({ months: 0 }));
    expect(e.message).toMatch(/^downline\/scenario: months: /);
  });
});

// ---------------------------------------------------------------- simulate, end to end

describe("simulate rejects bad input before any period is run", () => {
  it("a bad plan", () => {
    const onPeriod = vi.fn();
    const e = inputError(() => simulate({ scenario: SMALL_SCENARIO, plan: unilevel([-3]) as PlanInput, onPeriod }));
    expectSingleIssue(e, "plan", "components[0].rates[0]", /-3/);
    expect(onPeriod).not.toHaveBeenCalled();
  });

  it("a bad plan with a NaN rate", () => {
    const onPeriod = vi.fn();
    const e = inputError(() => simulate({ scenario: SMALL_SCENARIO, plan: unilevel([NaN]) as PlanInput, onPeriod }));
    expectSingleIssue(e, "plan", "components[0].rates[0]", /expected a decimal string like "0\.05"/);
    expect(onPeriod).not.toHaveBeenCalled();
  });

  it("a bad scenario", () => {
    const onPeriod = vi.fn();
    const e = inputError(() => simulate({ scenario: { ...SMALL_SCENARIO, months: 0 }, plan: GOOD_PLAN, onPeriod }));
    expectSingleIssue(e, "scenario", "months", />=1/);
    expect(onPeriod).not.toHaveBeenCalled();
  });

  it("a plan parsed from JSON with a __proto__ key", () => {
    const onPeriod = vi.fn();
    const planJson = JSON.parse('{"components": [{"type": "unilevel", "rates": ["0.1"], "__proto__": {"rates": ["0.9"]}}]}') as PlanInput;
    const e = inputError(() => simulate({ scenario: SMALL_SCENARIO, plan: planJson, onPeriod }));
    expectSingleIssue(e, "plan", "components[0].__proto__", /not allowed/);
    expect(onPeriod).not.toHaveBeenCalled();
  });

  // A minPv finer than the currency's minor unit: both engines must refuse it alike.
  it.each(["fast", "reference"] as const)("activity.minPv finer than a cent (\"0.001\" USD), %s engine", (engine) => {
    const onPeriod = vi.fn();
    const e = inputError(() =>
      simulate({ scenario: SMALL_SCENARIO, plan: { ...GOOD_PLAN, activity: { minPv: "0.001" } }, engine, onPeriod }),
    );
    expectSingleIssue(e, "plan", "activity.minPv", /at most 2 decimals/, /0\.001/);
    expect(onPeriod).not.toHaveBeenCalled();
  });
});

// ---------------------------------------------------------------- CLI

describe("the CLI prints input errors on stderr and exits 2", () => {
  let dir: string;
  let stderr: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "downline-bad-input-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function file(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }

  function run(argv: string[]): { code: number; out: string; err: string } {
    stderr = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    const out: string[] = [];
    const code = main(argv, (t) => out.push(t));
    vi.restoreAllMocks();
    return { code, out: out.join(""), err: stderr.join("") };
  }

  const scenarioFile = () => file("small-scenario.json", JSON.stringify(SMALL_SCENARIO));

  it("the fixtures pass `validate` (sanity)", () => {
    const r = run(["validate", "--scenario", scenarioFile(), "--plan", file("good-plan.json", JSON.stringify(GOOD_PLAN))]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  it.each(["validate", "run"])("`%s` with a bad plan file", (command) => {
    const planFile = file(`bad-plan-${command}.json`, JSON.stringify(unilevel([-3, "1.5"])));
    const r = run([command, "--scenario", scenarioFile(), "--plan", planFile]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    // One line per problem, each naming the file and the field.
    expect(r.err).toBe(
      `downline/plan: ${planFile}: components[0].rates[0]: expected a decimal string like "0.05", got -3\n` +
        `downline/plan: ${planFile}: components[0].rates[1]: expected at most 1, got 1.5\n`,
    );
  });

  it("a plan file that is not JSON", () => {
    const planFile = file("not-json.json", "{ components: [ { type: unilevel } ] ");
    const r = run(["validate", "--scenario", scenarioFile(), "--plan", planFile]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`downline/plan: ${planFile}: expected JSON (`);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  });

  it("an empty plan file", () => {
    const planFile = file("empty.json", "");
    const r = run(["validate", "--plan", planFile]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`downline/plan: ${planFile}: expected JSON`);
  });

  it("a plan file that does not exist", () => {
    const missing = join(dir, "no-such-plan.json");
    const r = run(["validate", "--plan", missing]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`downline/plan: ${missing}: cannot read the file`);
  });

  it("a plan file holding JSON null", () => {
    const planFile = file("null-plan.json", "null");
    const r = run(["validate", "--plan", planFile]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`downline/plan: ${planFile}: Invalid input: expected object, received null\n`);
  });

  it("a plan file with a __proto__ key", () => {
    const planFile = file("proto-plan.json", '{"__proto__": {"rounding": "down"}, "components": [{"type": "unilevel", "rates": ["0.1"]}]}');
    const r = run(["validate", "--plan", planFile]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`downline/plan: ${planFile}: __proto__: keys named __proto__, constructor or prototype are not allowed\n`);
  });

  it("a bad scenario file", () => {
    const bad = file("bad-scenario.json", JSON.stringify({ months: 1.5, currency: "usd" }));
    const r = run(["validate", "--scenario", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^downline\/scenario: /m);
    expect(r.err).toContain(`downline/scenario: ${bad}: months: `);
    expect(r.err).toContain(`downline/scenario: ${bad}: currency: `);
  });

  it("--months 0 is checked as the scenario's months, and named as the option that set it", () => {
    const r = run(["validate", "--scenario", scenarioFile(), "--months", "0"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^downline\/scenario: --months: .*>=1/);
  });

  it("--months 1.5 is rejected as an option", () => {
    const r = run(["validate", "--months", "1.5"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('downline/options: --months: expected a whole number, got "1.5"\n');
  });
});

describe("component names become columns and CSV fields", () => {
  it.each(["__proto__", "team, levels 1-5", "1st", ""])("name %j is rejected with its path", (name) => {
    const e = (() => {
      try {
        compilePlan({ components: [{ type: "unilevel", name, rates: ["0.05"] }] });
      } catch (err) {
        return err as DownlineInputError;
      }
      throw new Error("accepted");
    })();
    expect(e).toBeInstanceOf(DownlineInputError);
    expect(e.issues.map((i) => i.path)).toContain("components[0].name");
  });
});
