/**
 * Issue 10, item 2: a resource budget before work. The memory cases of the
 * issue are refused before any allocation, within 100 ms, with one
 * DownlineInputError naming the fields that drive the estimate and stating
 * it; `budget` sets the limit; the estimate holds against real runs.
 */
import { describe, expect, it, vi } from "vitest";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { compilePlan, createFastEngine, createWorld, DEFAULT_PLAN, DEFAULT_SCENARIO, PRESETS, resolveScenario, simulate, simulatePlans, stepWorld, type ScenarioInput } from "../../src/index.js";
import { engineBytesPerMember } from "../../src/engine/footprint.js";
import { addToMemberTotals, createMemberTotals, memberTotalsBytesPerMember } from "../../src/analysis/member-totals.js";
import { checkRunBudget, estimateRun } from "../../src/run/budget.js";
import { DEFAULT_MEMORY_BUDGET } from "../../src/world/estimate.js";
import { refusedQuickly } from "../validate/hostile.js";

/** Issue 10: reached 6.5 GB in 60 s, then `RangeError: Array buffer allocation failed` after 80 s. */
const UNIFORM_1000: ScenarioInput = { recruitment: { model: "uniform", rate: 1000 }, market: { prospects: 2_000_000_000 } };
/** Issue 10: died the same way at once. */
const FIFTY_MILLION: ScenarioInput = { start: { network: { distributors: 50_000_000, customersPerDistributor: 4 } }, market: { prospects: 2_000_000_000 } };

// A collection on demand, so that what a step allocates can be told from what earlier steps left behind.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Runs `fn` (after a collection) and returns how far the process's array buffers grew meanwhile. */
function arrayBufferGrowth(fn: () => void): number {
  gc();
  const before = process.memoryUsage().arrayBuffers;
  fn();
  return process.memoryUsage().arrayBuffers - before;
}

describe("the issue's memory cases are refused before any allocation", () => {
  it("uniform recruiting at rate 1000 with 2·10⁹ prospects: one error at market.prospects, the estimate in the message", () => {
    const onPeriod = vi.fn();
    let e!: ReturnType<typeof refusedQuickly>;
    const grown = arrayBufferGrowth(() => {
      e = refusedQuickly(() => simulate({ scenario: UNIFORM_1000, onPeriod }));
    });
    expect(onPeriod).not.toHaveBeenCalled();
    expect(grown).toBeLessThan(16 * 1024 * 1024);
    expect(e.source).toBe("scenario");
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.path).toBe("market.prospects");
    const message = e.issues[0]!.message;
    expect(message).toMatch(/^the run would need about [\d,.]+ GiB, over the memory budget of 4\.0 GiB: an estimated peak of (1,99\d|2,000),\d{3},\d{3} members/);
    expect(message).toMatch(/driven by market\.prospects = 2,000,000,000, recruitment\.rate = 1,000, months = 36;/);
    expect(message).toMatch(/raise the budget \(simulate\(\{ budget \}\), --memory\)$/);
  });

  it("50M distributors × 4 customers: simulate and createWorld refuse it, naming start.network", () => {
    const grown = arrayBufferGrowth(() => {
      const world = refusedQuickly(() => createWorld(FIFTY_MILLION));
      // In a market of 2·10⁹ the 50M grow for 36 months: the starting customers and the members who join
      // are the two largest parts (which one leads depends on the bytes each keeps), then the starting members.
      expect(["start.network.distributors", "distributors.roles.builder.recruitRate"]).toContain(world.issues[0]!.path);
      expect(world.issues[0]!.message).toMatch(/an estimated peak of [\d,]+ members and 200,000,000 customers, driven by [^;]*start\.network\.distributors = 50,000,000/);
      expect(world.issues[0]!.message).toMatch(/driven by [^;]*start\.network\.customersPerDistributor = 4/);
      expect(world.issues[0]!.message).toMatch(/the largest parts: (starting customers [\d.]+ GiB, members who join|members who join [\d.]+ GiB, starting customers) [\d.]+ GiB/);
      const run = refusedQuickly(() => simulate({ scenario: FIFTY_MILLION }));
      expect(run.issues[0]!.message).toMatch(/start\.network\.distributors = 50,000,000/);
    });
    expect(grown).toBeLessThan(16 * 1024 * 1024);
  });

  it("the same check gates every entry point: simulatePlans, and the world on its own", () => {
    refusedQuickly(() => simulatePlans({ scenario: UNIFORM_1000, plans: [DEFAULT_PLAN, PRESETS.binary] }));
    expect(refusedQuickly(() => createWorld(UNIFORM_1000)).issues[0]!.path).toBe("market.prospects");
  });
});

describe("the budget option", () => {
  it("a budget below a small run's estimate refuses it; the default scenario fits the default budget easily", () => {
    const e = refusedQuickly(() => simulate({ scenario: DEFAULT_SCENARIO, budget: 1024 * 1024 }));
    expect(e.issues[0]!.message).toMatch(/over the memory budget of 1 MiB/);
    const estimate = estimateRun(resolveScenario(DEFAULT_SCENARIO), [compilePlan(DEFAULT_PLAN)], { engine: "fast", ledger: true });
    expect(estimate.bytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(estimate.bytes).toBeLessThan(100 * 1024 * 1024);
  });

  it("the ledger is counted when kept, and the message says how to drop it", () => {
    const scenario = resolveScenario({ months: 600, start: { network: { distributors: 200_000 } }, market: { prospects: 400_000 } });
    const plans = [compilePlan(PRESETS["wellness-unilevel"])];
    const withLedger = estimateRun(scenario, plans, { engine: "fast", ledger: true });
    const without = estimateRun(scenario, plans, { engine: "fast", ledger: false });
    expect(withLedger.bytes).toBeGreaterThan(without.bytes);
    expect(withLedger.ledgerLines).toBe(withLedger.world.memberPeriods * plans[0]!.components.length);
    const budget = (withLedger.bytes + without.bytes) / 2;
    expect(() => checkRunBudget(without, scenario, budget)).not.toThrow();
    expect(() => checkRunBudget(withLedger, scenario, budget)).toThrow(/ledger of "Wellness unilevel" [\d.,]+ (GiB|MiB) \(ledger: false, or no --ledger, keeps every total without it\)/);
  });

  it("Infinity turns the check off; the default is 4 GiB", () => {
    const scenario = resolveScenario(UNIFORM_1000);
    const estimate = estimateRun(scenario, [compilePlan(DEFAULT_PLAN)], { engine: "fast", ledger: true });
    expect(() => checkRunBudget(estimate, scenario, Infinity)).not.toThrow();
    expect(DEFAULT_MEMORY_BUDGET).toBe(4 * 1024 ** 3);
  });

  it("the reference engine's objects (about 2 KiB a member, on the heap) are held under 1 GiB whatever the budget", () => {
    const scenario: ScenarioInput = { start: { network: { distributors: 1_000_000 } }, market: { prospects: 3_000_000 } };
    const fast = estimateRun(resolveScenario(scenario), [compilePlan(DEFAULT_PLAN)], { engine: "fast", ledger: false });
    expect(fast.bytes).toBeLessThan(DEFAULT_MEMORY_BUDGET);
    const e = refusedQuickly(() => simulate({ scenario, engine: "reference", ledger: false, budget: Infinity }));
    expect(e.issues[0]!.path).toBe("start.network.distributors");
    expect(e.issues[0]!.message).toMatch(/^the reference engine would build about [\d.]+ GiB of objects for an estimated peak of 1,\d{3},\d{3} members, over its 1\.0 GiB \(about 524,288 members\): it is for small worlds; use the fast engine$/);
  });
});

describe("the estimate against the real arrays", () => {
  // Each engine's per-member bytes, measured as what its first payout on 100,000 members allocates.
  it.each([
    ["default", DEFAULT_PLAN, undefined],
    ["wellness-unilevel", PRESETS["wellness-unilevel"], undefined],
    ["stairstep-breakaway", PRESETS["stairstep-breakaway"], undefined],
    ["binary", PRESETS.binary, { kind: "binary" as const }],
    ["matrix-3x7", PRESETS["matrix-3x7"], { kind: "matrix" as const, width: 3 }],
  ])("the %s plan's fast engine allocates what engineBytesPerMember says, within 5%", (_name, plan, placement) => {
    const world = createWorld({ months: 1, start: { network: { distributors: 100_000, customersPerDistributor: 0 } }, market: { prospects: 150_000 }, ...(placement ? { placement } : {}) }, { seed: 1 });
    const { network } = stepWorld(world);
    const estimate = engineBytesPerMember(compilePlan(plan), "fast") * Math.ceil(network.size * 1.25);
    // The test runner's own messages can allocate buffers meanwhile: the closest of three fresh engines counts.
    const errors = [0, 1, 2].map(() => {
      const engine = createFastEngine(plan);
      return Math.abs(arrayBufferGrowth(() => engine.pay(network)) / estimate - 1);
    });
    expect(Math.min(...errors)).toBeLessThan(0.05);
  });

  // Member totals grow on their first period, each column to the same length.
  it.each([
    ["default (2 components)", DEFAULT_PLAN, 54],
    ["wellness-unilevel", PRESETS["wellness-unilevel"], 8 * (PRESETS["wellness-unilevel"].components.length + 4) + 4 + 2],
  ])("the %s plan's member totals allocate what memberTotalsBytesPerMember says, within 1%", (_name, plan, perMember) => {
    // 2 components: 2 × 8 earnings + 4 × 8 purchases, required purchases, expenses, hours + 4 periods active + 2 rank and title = 54.
    const compiled = compilePlan(plan);
    expect(memberTotalsBytesPerMember(compiled.components.length)).toBe(perMember);
    const world = createWorld({ months: 1, start: { network: { distributors: 100_000, customersPerDistributor: 0 } }, market: { prospects: 150_000 } }, { seed: 1 });
    const { network } = stepWorld(world);
    const payout = createFastEngine(compiled).pay(network);
    // Grown to the world's room or 1.25× the members, whichever is more (util/grow `fittedTo`).
    const room = Math.max(world.ownSpend.length, Math.ceil(network.size * 1.25));
    const fresh = [0, 1, 2].map(() => createMemberTotals(compiled.components.map((c) => c.name), undefined, compiled.ranks.length > 0));
    const grown = fresh.map((totals) => arrayBufferGrowth(() => addToMemberTotals(totals, payout, world)));
    expect(fresh[0]!.purchases.length).toBe(room);
    // The process's other buffers can come and go meanwhile (a few hundred bytes): the closest of three fresh totals counts.
    expect(Math.min(...grown.map((g) => Math.abs(g / (perMember * room) - 1)))).toBeLessThan(0.01);
  });
});
