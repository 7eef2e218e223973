/**
 * The benchmark workloads, as plain data: a scenario, a plan and a seed each.
 * They are data (not code) so that a result in `results.md` can be traced back
 * to exactly what was run, and so that other tools (profilers, notebooks) can
 * replay the same workload.
 *
 * @module
 */
import { PRESETS, type PlanInput, type ScenarioInput } from "../src/index.js";
import linesDifferential from "../examples/plans/lines-differential.json" with { type: "json" };

/** One benchmark workload. */
export interface Workload {
  readonly name: string;
  /** One line for the results table's notes. */
  readonly description: string;
  /** Fixed, so that every run of the suite simulates the very same events. */
  readonly seed: number;
  readonly scenario: ScenarioInput;
  readonly plan: PlanInput;
  /**
   * The ledger settings to measure. The ledger is the one structure that grows
   * with members × months rather than with members, so it is the memory risk
   * of large runs; measuring both shows what it costs.
   */
  readonly ledger: readonly boolean[];
  /**
   * Months of the fast-vs-reference comparison, or 0 for none. The reference
   * engine (decimal.js, object per member) is only meant for small networks,
   * so the comparison runs on the small world only, and on fewer months.
   */
  readonly compareMonths: number;
  /**
   * V8 old-space limit (MB) for the child process running this workload, or
   * undefined for Node's default. Set above the 2 GB target on purpose: the
   * target is checked against the measured peak RSS, and a run that would
   * merely exceed it should report how far, not die with an OOM.
   */
  readonly maxOldSpaceMb?: number;
  /**
   * Set for a workload that `npm run bench` (run.ts) does not run: it is
   * measured by one task of its own, too long or too large for the suite.
   * The text is the command that measures it, for run.ts to name when the
   * workload is asked of it.
   */
  readonly standalone?: string;
}

/**
 * The plan under test: a 7-level unilevel with dynamic compression plus a 20%
 * customer commission. Seven levels make the upline walk (the fast engine's
 * hot loop) long enough to matter without being exotic.
 */
export const UNILEVEL_7: PlanInput = {
  name: "Unilevel 7 levels, compressed",
  rounding: "halfEven",
  activity: { minPv: "100" },
  components: [
    { type: "customerCommission", name: "customer", rate: "0.20" },
    {
      type: "unilevel",
      name: "unilevel",
      rates: ["0.08", "0.05", "0.04", "0.04", "0.04", "0.03", "0.02"],
      compression: "dynamic",
    },
  ],
};

/**
 * The 10M-member period's plan: {@link UNILEVEL_7} with a rank ladder (four
 * ranks of the wellness preset: personal and group volume, qualified legs)
 * and a leadership match of the unilevel (10% and 5% on two generations, for
 * Silver and above). The unilevel pays the same 7 levels to every active
 * member whatever the rank, so the plain kernel's unilevel can be checked
 * against it member by member; the ranks and the match are work the kernel
 * does not do.
 */
export const RANKED_UNILEVEL_7_MATCHING: PlanInput = {
  name: "Unilevel 7 levels, compressed, with ranks and a leadership match",
  rounding: "halfEven",
  activity: { minPv: "100" },
  ranks: [
    { name: "Executive", pv: "100", gv: "4000", legs: [{ count: 2, minGv: "1000" }] },
    { name: "Silver", pv: "100", gv: "10000", legs: [{ count: 2, minGv: "4000" }] },
    { name: "Gold", pv: "100", gv: "35000", legs: [{ count: 3, minGv: "6000" }] },
    { name: "Platinum", pv: "100", gv: "100000", legs: [{ count: 4, minGv: "8000" }] },
  ],
  components: [
    ...UNILEVEL_7.components,
    { type: "matching", name: "leadership", components: ["unilevel"], rates: ["0.10", "0.05"], qualification: { minRank: "Silver" } },
  ],
};

/** The large world's start: 1,000,000 distributors with ~3,000,000 customers, in a market of 20M. */
const LARGE_WORLD = {
  start: { founders: 1, network: { distributors: 1_000_000, customersPerDistributor: 3 } },
  market: { prospects: 20_000_000 },
} as const satisfies ScenarioInput;

/** The seed of every workload. */
export const SEED = 42;

export const WORKLOADS: readonly Workload[] = [
  {
    name: "small",
    description: "10,000 distributors (+~30,000 customers) generated mature network, 2M prospects, 36 months",
    seed: SEED,
    scenario: {
      name: "bench-small",
      months: 36,
      start: { founders: 1, network: { distributors: 10_000, customersPerDistributor: 3 } },
      market: { prospects: 2_000_000 },
    },
    plan: UNILEVEL_7,
    ledger: [true],
    compareMonths: 12,
  },
  {
    name: "large",
    description: "1,000,000 distributors (+~3,000,000 customers) generated mature network, 20M prospects, 36 months",
    seed: SEED,
    scenario: {
      name: "bench-large",
      months: 36,
      ...LARGE_WORLD,
    },
    plan: UNILEVEL_7,
    ledger: [false, true],
    compareMonths: 0,
    maxOldSpaceMb: 6144,
  },
  {
    name: "people-large",
    description:
      "the large world with members as people on: roles and effort fading by tenure (defaults), expenses (defaults), a quarter stopping at tenure month 18, orphans to a working upline, and attrition by last period's net income and rank fed back from the payout",
    seed: SEED,
    scenario: {
      name: "bench-people-large",
      months: 36,
      ...LARGE_WORLD,
      customers: { orphans: "moveUpToWorking" },
      stopping: [{ kind: "tenure", share: 0.25, atMonth: 18 }],
      distributors: {
        attritionMultipliers: {
          byNetIncome: [
            { minNet: "-100.00", multiplier: 1.2 },
            { minNet: "0.00", multiplier: 1 },
            { minNet: "50.00", multiplier: 0.6 },
            { minNet: "500.00", multiplier: 0.3 },
          ],
          byRank: [{ minRank: 1, multiplier: 0.8 }],
        },
      },
    },
    plan: UNILEVEL_7,
    ledger: [false],
    compareMonths: 0,
    maxOldSpaceMb: 6144,
  },
  {
    name: "wellness-large",
    description:
      "the large world under the wellness preset: a 6-rank legs × volume ladder, fast start, unilevel with payable depth by rank, leadership matching",
    seed: SEED,
    scenario: {
      name: "bench-large",
      months: 36,
      ...LARGE_WORLD,
    },
    plan: PRESETS["wellness-unilevel"],
    ledger: [false],
    compareMonths: 0,
    maxOldSpaceMb: 6144,
  },
  {
    name: "lines-large",
    description:
      "the large world under examples/plans/lines-differential.json: qualified lines by leg share (30/20/10/5% of downline QV) as a measure, ranks on downline QV and lines, a rank × lines differential at unlimited depth (the buyer excluded), a cascading match of exact amounts by rank with a rate condition",
    seed: SEED,
    scenario: {
      name: "bench-large",
      months: 36,
      ...LARGE_WORLD,
    },
    plan: linesDifferential as PlanInput,
    ledger: [false],
    compareMonths: 0,
    maxOldSpaceMb: 6144,
  },
  {
    name: "binary-period",
    description:
      "one period of the binary preset on 1,000,000 distributors placed by breadth-first spillover as the network is generated (placement, leg volumes, carryover, caps)",
    seed: SEED,
    scenario: {
      name: "bench-binary-period",
      months: 1,
      ...LARGE_WORLD,
      placement: { kind: "binary", mode: "spillover" },
    },
    plan: PRESETS.binary,
    ledger: [false],
    compareMonths: 0,
    maxOldSpaceMb: 6144,
  },
  {
    name: "binary-large",
    description: "the large world, placed by breadth-first binary spillover, 36 months of the binary preset",
    seed: SEED,
    scenario: {
      name: "bench-large-binary",
      months: 36,
      ...LARGE_WORLD,
      placement: { kind: "binary", mode: "spillover" },
    },
    plan: PRESETS.binary,
    ledger: [false],
    compareMonths: 0,
    maxOldSpaceMb: 6144,
  },
  {
    name: "large-weekly",
    description: "the large world and plan paid every week: 36 months as 156 weekly periods (against `large`, monthly)",
    seed: SEED,
    scenario: {
      name: "bench-large-weekly",
      months: 36,
      period: "week",
      ...LARGE_WORLD,
    },
    plan: UNILEVEL_7,
    ledger: [false],
    compareMonths: 0,
    maxOldSpaceMb: 6144,
  },
  {
    name: "period-10m",
    description:
      "one period on 10,000,000 distributors (+~30,000,000 customers) generated mature network, 200M prospects: volumes, four ranks, the 7-level compressed unilevel and a leadership match",
    seed: SEED,
    scenario: {
      name: "bench-period-10m",
      months: 1,
      start: { founders: 1, network: { distributors: 10_000_000, customersPerDistributor: 3 } },
      market: { prospects: 200_000_000 },
    },
    plan: RANKED_UNILEVEL_7_MATCHING,
    ledger: [false],
    compareMonths: 0,
    maxOldSpaceMb: 16384,
    standalone: "node --max-old-space-size=16384 --import tsx benchmarks/one.ts period-10m period",
  },
];

/** Looks a workload up by name; throws naming the known ones. */
export function workloadByName(name: string): Workload {
  const w = WORKLOADS.find((x) => x.name === name);
  if (!w) throw new Error(`benchmarks: unknown workload ${JSON.stringify(name)}; expected one of ${WORKLOADS.map((x) => x.name).join(", ")}`);
  return w;
}
