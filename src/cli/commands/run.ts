/**
 * `downline run` (one plan on one world, period by period) and `downline
 * validate` (the same inputs checked, nothing run).
 *
 * @module
 */
import { formatBytes } from "../../world/estimate.js";
import { createFastEngine } from "../../engine/fast.js";
import { simulate } from "../../run/simulate.js";
import { ledgerCsvPieces } from "../../output/ledger-csv.js";
import { membersCsvPieces } from "../../output/member-csv.js";
import { periodsCsvPieces } from "../../output/period-csv.js";
import { displayShare, markdownTable } from "../../output/markdown.js";
import { incomeByComponentChart } from "../../output/charts/income-by-component-chart.js";
import type { SimulationResult } from "../../analysis/result.js";
import { estimateRun } from "../../run/budget.js";
import { checkInputs, defaultPlan, readInputs, reading } from "../inputs.js";
import { checkBudget, inputFiles, memoryBudget, type CommandIo } from "../common.js";
import { choice, FORMATS, seedOption, wholeNumber } from "../options.js";
import { openOutputs } from "../outputs.js";
import { progressBar } from "../progress.js";
import { money, periodTable, runSummary, terminalText } from "../table.js";

/** `run`'s options, as parsed (strings until checked). */
export interface RunOptions {
  readonly plan?: string;
  readonly preset?: string;
  readonly scenario?: string;
  readonly seed?: string;
  readonly months?: string;
  readonly engine?: string;
  readonly format?: string;
  readonly memory?: string;
  readonly out?: string;
  readonly chart?: string;
  readonly ledger?: string;
  readonly members?: string;
}

/** The run's inputs checked: plan, world, memory. */
function prepare(args: readonly string[], options: RunOptions, io: CommandIo, ledger: boolean) {
  const months = wholeNumber(options.months, "--months");
  const engine = choice(options.engine, "--engine", ["fast", "reference"] as const, "fast");
  const { plans, scenario } = readInputs(args, options, { maxPlans: 1, defaultPlans: defaultPlan });
  const [item] = checkInputs(plans, scenario, months, (line) => io.err(line));
  const budget = memoryBudget(options.memory);
  checkBudget([[item!]], budget, { engine, ledger, months: months !== undefined });
  return { item: item!, engine, budget, months };
}

/** `downline validate`: reads and checks a plan and a scenario, and says what a run would need. */
export async function validateCommand(args: readonly string[], options: RunOptions, io: CommandIo): Promise<number> {
  const { item, budget, engine } = prepare(args, options, io, false);
  // What depends on the currency (thresholds with too many decimals) is checked by building an engine.
  reading(item.plan.file, () => createFastEngine(item.compiled, { currency: item.scenario.spec.currency }));
  const estimate = estimateRun(item.scenario, [item.compiled], { engine, ledger: false });
  io.out(
    terminalText(`scenario "${item.scenario.spec.name}": ok (${item.scenario.periods} ${item.scenario.spec.period}s)`) +
      "\n" +
      terminalText(`plan "${item.compiled.name}": ok (${item.compiled.components.map((c) => c.name).join(", ")})`) +
      "\n" +
      `memory: about ${formatBytes(estimate.bytes)} at the peak (${estimate.world.members.toLocaleString("en-US")} members, ${estimate.world.customers.toLocaleString("en-US")} customers), within the budget of ${formatBytes(budget)}\n`,
  );
  return 0;
}

/** `downline run`: one plan on one world, period by period. */
export async function runCommand(args: readonly string[], options: RunOptions, io: CommandIo): Promise<number> {
  const format = choice(options.format, "--format", FORMATS, "table");
  const ledger = options.ledger !== undefined;
  const { item, engine, budget } = prepare(args, options, io, ledger);
  const seed = seedOption(options.seed) ?? 42;
  const outputs = await openOutputs({ "--out": options.out, "--chart": options.chart, "--ledger": options.ledger, "--members": options.members }, inputFiles([item]), io.out);
  try {
    const bar = progressBar("simulating", item.scenario.periods, "periods", io.progressStream);
    let result: SimulationResult;
    try {
      let done = 0;
      result = simulate({ scenario: item.scenario, plan: item.compiled, seed, engine, ledger, budget, onPeriod: () => bar.update(++done) });
    } finally {
      bar.stop();
    }
    if (format === "table") outputs.main([`${periodTable(result)}\n\n${runSummary(result)}\n`]);
    else if (format === "md") outputs.main([runMarkdown(result)]);
    else if (format === "json") outputs.main([runJson(result)]);
    else outputs.main(periodsCsvPieces(result));
    outputs.file("--ledger")?.write(ledgerCsvPieces(result.ledger, result.digits));
    outputs.file("--members")?.write(membersCsvPieces(result.memberColumns, result.digits, 10_000, result.plan.ranks ?? []));
    await outputs.chart(() => incomeByComponentChart(result));
    return 0;
  } finally {
    // After a failure, no file that looks complete: the temporary ones go.
    outputs.discard();
  }
}

/** A run as JSON: who, where, the currency and its digits, then the period rows (money in minor units, periods from 0). */
export function runJson(result: SimulationResult): string {
  return (
    JSON.stringify(
      { plan: result.plan.name, scenario: result.scenario.name, seed: result.seed, engine: result.engine, currency: result.scenario.currency, digits: result.digits, periodUnit: result.scenario.period, periods: result.periods },
      null,
      2,
    ) + "\n"
  );
}

/** A run as Markdown: the period table (periods from 0, money in major units) and the summary. */
export function runMarkdown(result: SimulationResult): string {
  const d = result.digits;
  const pct = (x: number) => displayShare(x);
  const rows = result.periods.map((p) => [String(p.period), String(p.members), String(p.joins), String(p.quits), String(p.active), String(p.customers), money(p.revenue, d), money(p.cv, d), money(p.payout, d), pct(p.payoutRatio), money(p.breakage, d)]);
  const table = markdownTable(["Period", "Members", "Joins", "Quits", "Active", "Customers", `Revenue (${result.scenario.currency})`, "CV", "Payout", "Payout/rev", "Breakage"], rows);
  return `${table}\n\n${runSummary(result)
    .split("\n")
    .map((l) => `${l}  `)
    .join("\n")}\n`;
}
