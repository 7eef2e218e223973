/**
 * `downline disclose`: the income disclosure statement of one or several
 * plans on one seed — everyone, by title, by percentile band, net of
 * expenses and required purchases, hours included — and their income
 * distributions as a chart.
 *
 * @module
 */
import { DEFAULT_MEMBER_PERIOD_COLUMNS } from "../../analysis/member-periods.js";
import { incomeDisclosure, type IncomeDisclosure } from "../../analysis/disclosure.js";
import type { SimulationResult } from "../../analysis/result.js";
import { resolveWindow } from "../../analysis/windows.js";
import { simulatePlans } from "../../run/simulate-plans.js";
import { disclosureMarkdown, disclosureTableRows } from "../../output/markdown.js";
import { csvLine, type CsvDecimal } from "../../output/csv-text.js";
import { formatMinor } from "../../money/amount.js";
import { incomeDistributionChart } from "../../output/charts/income-distribution-chart.js";
import { checkInputs, defaultPlan, readInputs } from "../inputs.js";
import { checkBudget, groupByWorld, inputFiles, memoryBudget, type CommandIo } from "../common.js";
import { choice, FORMATS, seedOption, wholeNumber, windowOption } from "../options.js";
import { openOutputs } from "../outputs.js";
import { progressBar } from "../progress.js";
import { formatTable, terminalText } from "../table.js";

/** `disclose`'s options, as parsed. */
export interface DiscloseOptions {
  readonly scenario?: string;
  readonly seed?: string;
  readonly months?: string;
  readonly window?: string;
  readonly engine?: string;
  readonly format?: string;
  readonly memory?: string;
  readonly out?: string;
  readonly chart?: string;
}

/** `downline disclose`: each plan's income disclosure on one seed. */
export async function discloseCommand(args: readonly string[], options: DiscloseOptions, io: CommandIo): Promise<number> {
  const format = choice(options.format, "--format", FORMATS, "table");
  const engine = choice(options.engine, "--engine", ["fast", "reference"] as const, "fast");
  const months = wholeNumber(options.months, "--months");
  const window = windowOption(options.window);
  const seed = seedOption(options.seed) ?? 42;
  const { plans, scenario } = readInputs(args, options, { maxPlans: 1000, defaultPlans: defaultPlan });
  const items = checkInputs(plans, scenario, months, (line) => io.err(line));
  const groups = groupByWorld(items);
  checkBudget(groups, memoryBudget(options.memory), { engine, ledger: false, months: months !== undefined });
  const outputs = await openOutputs({ "--out": options.out, "--chart": options.chart }, inputFiles(items), io.out);
  try {
    const total = groups.reduce((s, g) => s + g[0]!.scenario.periods, 0);
    const bar = progressBar("simulating", total, "periods", io.progressStream);
    const results: SimulationResult[] = new Array(items.length);
    try {
      let done = 0;
      for (const group of groups) {
        const scenario = group[0]!.scenario;
        const w = resolveWindow({ scenario: scenario.spec, periods: { length: scenario.periods } }, window);
        const runs = simulatePlans({
          scenario,
          plans: group.map((g) => g.compiled),
          seed,
          engine,
          ledger: false,
          memberPeriods: { columns: [...DEFAULT_MEMBER_PERIOD_COLUMNS, "hours"], ...(w.kind === "calendar" ? { from: w.from, to: w.to } : {}) },
          onPeriod: () => bar.update(++done),
        });
        group.forEach((g, k) => (results[items.indexOf(g)] = runs[k]!));
      }
    } finally {
      bar.stop();
    }
    const disclosures = results.map((r) => incomeDisclosure(r, { window }));
    if (format === "json") {
      outputs.main([JSON.stringify({ seed, disclosures: disclosures.map((d, k) => ({ label: items[k]!.plan.label, ...d })) }, null, 2) + "\n"]);
    } else if (format === "csv") {
      outputs.main(disclosureCsv(disclosures, items.map((i) => i.plan.label)));
    } else if (format === "md") {
      outputs.main(disclosures.map((d) => disclosureMarkdown(d) + "\n"));
    } else {
      outputs.main(disclosures.map((d) => disclosureText(d) + "\n"));
    }
    await outputs.chart(() => incomeDistributionChart(results, { window }));
    return 0;
  } finally {
    outputs.discard();
  }
}

const MONEY = ["earningsMean", "earningsMedian", "earningsLow", "earningsHigh", "grossMean", "grossMedian", "grossLow", "grossHigh", "netMean", "netMedian", "netLow", "netHigh"] as const;

/** Money for a CSV cell: major units, rounded half away from zero to the minor unit (means and medians carry fractions); empty when undefined. */
function csvMoney(minor: number, digits: number): CsvDecimal | null {
  if (!Number.isFinite(minor)) return null;
  const rounded = Math.sign(minor) * Math.round(Math.abs(minor));
  return { decimal: formatMinor(rounded === 0 ? 0 : rounded, digits) };
}

/** Every disclosure's rows as one CSV table: the plan and the window first, money in major units. */
function* disclosureCsv(disclosures: readonly IncomeDisclosure[], labels: readonly string[]): Generator<string> {
  yield csvLine(["plan", "scenario", "seed", "window", "currency", "section", "label", "participants", "share", "zeroEarners", "zeroShare", ...MONEY, "netProfitShare", "hoursMean"]);
  for (const [k, d] of disclosures.entries()) {
    for (const r of d.rows) {
      yield csvLine([labels[k]!, d.scenario, String(d.seed), d.window.label, d.currency, r.section, r.label, r.participants, r.share, r.zeroEarners, r.zeroShare, ...MONEY.map((f) => csvMoney(r[f], d.digits)), r.netProfitShare, r.hoursMean]);
    }
  }
}

/** A disclosure as text tables for a terminal: the same figures as its Markdown, aligned. */
function disclosureText(d: IncomeDisclosure): string {
  // Narrower than the Markdown: no lowest earnings, whole hours.
  const { withHours, byTitle, byBand } = disclosureTableRows(d, { low: false, hoursDecimals: 0 });
  const head = (first: string) => [first, "Participants", "% of all", "% paid 0", "Earnings mean", "median", "high", "Gross mean", "Net mean", "median", "% net profit", ...(withHours ? ["Hours"] : [])];
  return [
    terminalText(d.title),
    terminalText(`Amounts in ${d.currency}: ${d.participants} participants (${d.companyAccountsExcluded} company account(s) left out), seed ${String(d.seed)}.`),
    "",
    formatTable(head("Title"), byTitle, 1),
    "",
    formatTable(head("Percentile band"), byBand, 1),
    "",
    "Assumptions:",
    ...d.assumptions.map((a) => terminalText(`- ${a}`)),
  ].join("\n");
}
