/**
 * Fingerprints of seeded runs: a SHA-256 of everything a user reads of each
 * (period rows, member records, member columns, the ledger as CSV, per-member
 * per-period results, a run written as a history), for a set of small
 * scenarios and plans that between them reach every world step and engine
 * path. A performance change must leave every fingerprint as it was (or
 * document a one-time change of draws or numbering). The first ones were
 * computed on the integration branch's code without the performance work
 * (components at 429836d, results with its new fields and world features).
 *
 * Once since, members were renumbered: a generated start network is numbered
 * depth-first in the sponsor tree (see src/world/generate.ts), and 20 of the
 * 22 fingerprints changed (not the two with a placement tree, whose members
 * keep the order they were drawn in). What happens to each person did not
 * change: `--outcomes` prints fingerprints that do not depend on numbering
 * (period rows, hours to 1e-6 since their float sums follow member order,
 * and every member's record without her number or sponsor's, sorted), and
 * they were the same before and after the renumbering but for "history
 * written and replayed", which digests the written CSV, in member order.
 *
 *     node --import tsx benchmarks/fingerprint.ts [--outcomes]            # print them
 *     node --import tsx benchmarks/fingerprint.ts [--outcomes] --check    # compare with benchmarks/fingerprints.json
 *     node --import tsx benchmarks/fingerprint.ts --write                 # store them (both kinds)
 *
 * @module
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import {
  DEFAULT_PLAN,
  PRESETS,
  PRESET_SCENARIOS,
  historyCollector,
  historyCsvPieces,
  ledgerToCsv,
  replay,
  simulate,
  simulatePlans,
  stopEffort,
  type PlanInput,
  type ScenarioInput,
  type SimulationResult,
} from "../src/index.js";
import linesDifferential from "../examples/plans/lines-differential.json" with { type: "json" };
import twoPackages from "../examples/plans/two-packages.json" with { type: "json" };
import { UNILEVEL_7 } from "./workloads.js";

const FILE = new URL("./fingerprints.json", import.meta.url);

const digest = (value: unknown): string =>
  createHash("sha256")
    .update(JSON.stringify(value, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v instanceof Map ? [...v] : v)))
    .digest("hex")
    .slice(0, 16);

/** Whether this run digests outcomes (numbering left out) rather than everything. */
let outcomesOnly = false;

/** Everything a user reads of a result; with `--outcomes`, what happened to whom, whatever the members' numbers. */
function resultDigest(r: SimulationResult): string {
  if (!outcomesOnly) return digest([r.periods, r.members, r.memberColumns, ledgerToCsv(r.ledger), r.memberPeriods ?? null]);
  const micro = (x: number) => Math.round(x * 1e6);
  const periods = r.periods.map((p) => ({ ...p, hours: micro(p.hours) }));
  const members = r.members
    .map((m) => {
      const { member: _member, sponsor: _sponsor, upline: _upline, hours, ...rest } = m;
      return JSON.stringify({ ...rest, hours: micro(hours) });
    })
    .sort();
  return digest([periods, members]);
}

const SMALL: ScenarioInput = {
  months: 12,
  start: { founders: 1, network: { distributors: 800, customersPerDistributor: 1.5 } },
  market: { prospects: 20_000 },
};

const PEOPLE: ScenarioInput = {
  ...SMALL,
  months: 24,
  customers: { orphans: "moveUpToWorking" },
  stopping: [{ kind: "tenure", share: 0.25, atMonth: 6 }],
  distributors: {
    attritionMultipliers: {
      byNetIncome: [
        { minNet: "-100.00", multiplier: 1.2 },
        { minNet: "0.00", multiplier: 1 },
        { minNet: "50.00", multiplier: 0.6 },
      ],
      byRank: [{ minRank: 1, multiplier: 0.8 }],
    },
  },
};

const cases: [string, () => string][] = [
  ["default plan, small, monthly", () => resultDigest(simulate({ scenario: SMALL, seed: 11, memberPeriods: true }))],
  ["unilevel 7, small, 36 months", () => resultDigest(simulate({ scenario: { ...SMALL, months: 36 }, plan: UNILEVEL_7, seed: 42 }))],
  ["default plan, weekly", () => resultDigest(simulate({ scenario: { ...SMALL, period: "week", months: 6 }, seed: 3 }))],
  ["people and income feedback", () => resultDigest(simulate({ scenario: PEOPLE, plan: PRESETS["wellness-unilevel"], seed: 5 }))],
  ["orphans churn, uniform recruitment", () => resultDigest(simulate({ scenario: { ...SMALL, customers: { orphans: "churn" }, recruitment: { model: "uniform" } }, seed: 8 }))],
  ["preferential recruitment, QV ratio", () => resultDigest(simulate({ scenario: { ...SMALL, qvRatio: "0.5", recruitment: { model: "preferential" } }, seed: 9 }))],
  ["two packages", () => resultDigest(simulate({ scenario: { ...SMALL, packages: [{ name: "basic", price: "99.00", weight: 2 }, { name: "pro", price: "499.00", qv: "300.00" }] }, plan: twoPackages as PlanInput, seed: 4 }))],
  ["lines differential", () => resultDigest(simulate({ scenario: SMALL, plan: linesDifferential as PlanInput, seed: 6 }))],
  ["reference engine", () => resultDigest(simulate({ scenario: { ...SMALL, months: 4, start: { founders: 1, network: { distributors: 200 } } }, engine: "reference", plan: PRESETS["wellness-unilevel"], seed: 2 }))],
  [
    "stop effort",
    () => {
      const c = stopEffort({ scenario: SMALL, seed: 7 }, { members: [5, 17, 40], fromPeriod: 4 });
      return digest([resultDigest(c.base), resultDigest(c.stopped)]);
    },
  ],
  [
    "history written and replayed",
    () => {
      const run = simulate({ scenario: { ...SMALL, months: 6 }, seed: 1, collectors: { history: historyCollector() } });
      const csv = (["members", "customers", "orders"] as const).map((file) => [...historyCsvPieces(run.collected.history, file)].join(""));
      return digest([resultDigest(run), csv, resultDigest(replay(run.collected.history, DEFAULT_PLAN))]);
    },
  ],
  ...Object.keys(PRESETS).map((name): [string, () => string] => [
    `preset ${name}`,
    () => {
      const scenario = PRESET_SCENARIOS[name as keyof typeof PRESET_SCENARIOS] as ScenarioInput;
      const small = { ...scenario, months: 12, start: { founders: 1, network: { distributors: 600, customersPerDistributor: 1.5 } }, market: { prospects: 20_000 } };
      return resultDigest(simulate({ scenario: small, plan: PRESETS[name as keyof typeof PRESETS], seed: 12 }));
    },
  ]),
  // The world's business features (start.company, one-time buyers, weekly billing) and the income columns.
  [
    "company accounts, one-time buyers",
    () => resultDigest(simulate({ scenario: { ...SMALL, start: { ...SMALL.start, company: { acquisitionRate: 40, recruitRate: 2 } }, customers: { oneTime: { share: 0.6, orderValue: { kind: "choice", values: ["197.00", "497.00"], weights: [3, 1] } } } }, plan: UNILEVEL_7, seed: 14 })),
  ],
  ["weekly billing", () => resultDigest(simulate({ scenario: { ...SMALL, months: 4, period: "week", customers: { renewEvery: "week" } }, plan: UNILEVEL_7, seed: 15 }))],
  ["income columns", () => resultDigest(simulate({ scenario: SMALL, seed: 16, memberPeriods: { columns: ["earnings", "incomeActive", "incomeResidual", "incomeLeveraged", "incomeUnclassified"] } }))],
  ["several plans, one world", () => digest(simulatePlans({ scenario: SMALL, plans: [DEFAULT_PLAN, UNILEVEL_7, PRESETS["wellness-unilevel"]], seed: 13 }).map(resultDigest))],
];

/** The stored fingerprints: by case name, and the outcome fingerprints by "outcomes: " + case name. */
const OUTCOMES = "outcomes: ";

function main(argv: readonly string[]): void {
  const got: Record<string, string> = {};
  const kinds = argv.includes("--write") ? [false, true] : [argv.includes("--outcomes")];
  for (const outcomes of kinds) {
    outcomesOnly = outcomes;
    for (const [name, run] of cases) {
      const key = outcomes ? OUTCOMES + name : name;
      got[key] = run();
      if (!argv.includes("--check")) console.log(`${got[key]}  ${key}`);
    }
  }
  if (argv.includes("--write")) writeFileSync(FILE, `${JSON.stringify(got, null, 2)}\n`);
  if (argv.includes("--check")) {
    const stored = JSON.parse(readFileSync(FILE, "utf8")) as Record<string, string>;
    const want = Object.fromEntries(Object.entries(stored).filter(([k]) => k.startsWith(OUTCOMES) === argv.includes("--outcomes")));
    let bad = 0;
    for (const name of new Set([...Object.keys(want), ...Object.keys(got)])) {
      const same = want[name] === got[name];
      if (!same) bad += 1;
      console.log(`${same ? "same" : "DIFF"}  ${name}`);
    }
    if (bad > 0) {
      console.log(`${bad} fingerprints differ`);
      process.exitCode = 1;
    } else console.log("all fingerprints as stored");
  }
}

main(process.argv.slice(2));
