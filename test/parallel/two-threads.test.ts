/**
 * One run on two threads (the world a period ahead on a worker thread)
 * against the same run on one: identical byte for byte, and the runs that
 * cannot be split exactly stay on one thread, with the same result.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { workerOptions } from "../../src/parallel/pool.js";
import { simulateTwoThreads, type TwoThreadsReport } from "../../src/parallel/index.js";
import { ledgerToCsv, PRESETS, simulate, type PlanInput, type ScenarioInput, type SimulationResult } from "../../src/index.js";

const digest = (r: SimulationResult) =>
  createHash("sha256")
    .update(JSON.stringify([r.periods, r.members, r.memberColumns, ledgerToCsv(r.ledger), r.memberPeriods ?? null], (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)))
    .digest("hex");

const WORLD: ScenarioInput = {
  months: 14,
  start: { founders: 2, network: { distributors: 1500, customersPerDistributor: 2 } },
  market: { prospects: 40_000 },
  customers: { orphans: "moveUpToWorking" },
  stopping: [{ kind: "tenure", share: 0.3, atMonth: 5 }],
};

async function both(scenario: ScenarioInput, plan: PlanInput | undefined, extra: Record<string, unknown> = {}): Promise<{ report: TwoThreadsReport; two: string; one: string }> {
  let report: TwoThreadsReport = { threads: 1 };
  const options = { scenario, seed: 9, ...(plan ? { plan } : {}), ...extra };
  const two = digest(await simulateTwoThreads(options, (r) => (report = r)));
  const one = digest(simulate(options));
  return { report, two, one };
}

describe("simulateTwoThreads", () => {
  it("runs the world on its own thread and gives simulate's result, byte for byte (ledger and per-member periods too)", async () => {
    const { report, two, one } = await both(WORLD, undefined, { memberPeriods: true });
    expect(report.threads).toBe(2);
    expect(two).toBe(one);
  });

  it("with ranks, QV of its own and weekly periods: the same", async () => {
    const { report, two, one } = await both({ ...WORLD, months: 4, period: "week", qvRatio: "0.5" }, PRESETS["wellness-unilevel"]);
    expect(report.threads).toBe(2);
    expect(two).toBe(one);
  });

  it("with the business features (company rates, one-time buyers with QV of their own, weekly billing): the same", async () => {
    const oneTime = { share: 0.5, orderValue: { kind: "choice", values: ["197.00", "497.00"], qv: ["100.00", "300.00"], weights: [3, 1] } } as const;
    const company = { ...WORLD, start: { ...WORLD.start, company: { acquisitionRate: 20, recruitRate: 2 } }, customers: { orphans: "moveUp", oneTime } } as ScenarioInput;
    const monthly = await both(company, PRESETS["wellness-unilevel"], { memberPeriods: true });
    expect(monthly.report.threads).toBe(2);
    expect(monthly.two).toBe(monthly.one);
    const weekly = await both({ ...WORLD, months: 3, period: "week", customers: { renewEvery: "week" } }, undefined);
    expect(weekly.report.threads).toBe(2);
    expect(weekly.two).toBe(weekly.one);
  });

  it("income columns of a plan whose income rules read single orders (customer commission: first order or renewal) keep the orders: one thread, the same", async () => {
    const columns = { memberPeriods: { columns: ["earnings", "incomeActive", "incomeResidual", "incomeLeveraged", "incomeUnclassified"] } };
    const r = await both({ ...WORLD, months: 6 }, undefined, columns);
    expect(r.report).toEqual({ threads: 1, reason: expect.stringMatching(/single orders/) });
    expect(r.two).toBe(r.one);
  });

  it("stays on one thread, with the same result, when the world reads payouts or a plan reads single orders", async () => {
    const feedback = await both({ ...WORLD, distributors: { attritionMultipliers: { byRank: [{ minRank: 1, multiplier: 0.5 }], byNetIncome: [] } } }, PRESETS["wellness-unilevel"]);
    expect(feedback.report).toEqual({ threads: 1, reason: expect.stringMatching(/income feedback/) });
    expect(feedback.two).toBe(feedback.one);
    const orders = await both({ ...WORLD, months: 6 }, PRESETS["saas-affiliate"]);
    expect(orders.report.threads).toBe(1);
    expect(orders.two).toBe(orders.one);
  });

  it("gives its worker only the Node options a worker takes (a heap limit as the worker's own)", () => {
    expect(workerOptions(["--max-old-space-size=6144", "--import", "tsx", "--inspect", "--conditions=dev", "--no-warnings", "--expose-gc"])).toEqual({
      execArgv: ["--import", "tsx", "--conditions=dev", "--no-warnings"],
      resourceLimits: { maxOldGenerationSizeMb: 6144 },
    });
    expect(workerOptions(["--require", "./a.cjs", "--max_old_space_size", "512"])).toEqual({ execArgv: ["--require", "./a.cjs"], resourceLimits: { maxOldGenerationSizeMb: 512 } });
    expect(workerOptions([])).toEqual({ execArgv: [] });
  });

  it("runs in a process started with --max-old-space-size (a V8 option a worker refuses)", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const script = `import("./src/parallel/index.ts").then(async ({ simulateTwoThreads }) => {
      let threads = 0;
      const r = await simulateTwoThreads({ scenario: { months: 2, start: { network: { distributors: 200 } }, market: { prospects: 5000 } }, seed: 1 }, (t) => (threads = t.threads));
      console.log(JSON.stringify({ threads, periods: r.periods.length }));
    });`;
    const child = spawnSync(process.execPath, ["--max-old-space-size=1024", "--import", "tsx", "-e", script], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(child.stderr).not.toMatch(/ERR_WORKER_INVALID_EXEC_ARGV/);
    expect(child.stdout.trim().split("\n").pop()).toBe(JSON.stringify({ threads: 2, periods: 2 }));
  });

  it("reports the world thread's failure as an error", async () => {
    // A history start is checked on this thread; a bad option never reaches the world's thread.
    await expect(simulateTwoThreads({ scenario: { months: 0 } as ScenarioInput })).rejects.toThrow();
  });
});
