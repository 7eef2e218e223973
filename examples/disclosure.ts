/**
 * An income disclosure statement, and the company-level figures regulators
 * ask about: the wellness preset on the business it is written for, three
 * years, the statement over the last twelve months.
 *
 *   npx tsx examples/disclosure.ts
 *
 * The statement counts every participant of the window (those paid nothing,
 * and those who joined or left during it), shows medians beside means and
 * net figures (after expenses and required purchases) beside gross ones, and
 * states its assumptions. The company metrics add the payout as a share of
 * revenue and four end-customer tests, each stated exactly. In your own
 * project, import from "downline" instead of "../src/index.js".
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  companyMetrics,
  DEFAULT_MEMBER_PERIOD_COLUMNS,
  disclosureMarkdown,
  incomeDisclosure,
  PRESET_SCENARIOS,
  PRESETS,
  simulate,
  type CompanyMetrics,
  type IncomeDisclosure,
  type ScenarioInput,
} from "../src/index.js";

/** How big a run (the tests make it small). */
export interface DisclosureExampleOptions {
  readonly months?: number;
  readonly distributors?: number;
  readonly print?: boolean;
}

export function main(options: DisclosureExampleOptions = {}): { disclosure: IncomeDisclosure; metrics: CompanyMetrics; markdown: string } {
  const own = PRESET_SCENARIOS["wellness-unilevel"];
  // The preset's own business, resized when asked (a copy: the presets are frozen).
  const scenario: ScenarioInput = {
    ...own,
    ...(options.months !== undefined ? { months: options.months } : {}),
    ...(options.distributors !== undefined
      ? { start: { ...own.start, network: { ...own.start?.network, distributors: options.distributors } }, market: { ...own.market, prospects: options.distributors * 50 } }
      : {}),
  };
  // The statement needs each member's per-period results (and hours); the end-customer
  // test per participant needs her group's volume and its end customers' part.
  const result = simulate({
    scenario,
    plan: PRESETS["wellness-unilevel"],
    seed: 1,
    ledger: false,
    memberPeriods: { columns: [...DEFAULT_MEMBER_PERIOD_COLUMNS, "hours", "gv", "groupCustomerCv"] },
  });
  const disclosure = incomeDisclosure(result, { window: "lastYear" });
  const metrics = companyMetrics(result, { window: "lastYear" });
  const percent = (x: number | null) => (x === null || Number.isNaN(x) ? "n/a" : `${(x * 100).toFixed(1)}%`);
  const markdown = [
    disclosureMarkdown(disclosure),
    "## Company figures over the same twelve months",
    "",
    `Payout: ${percent(metrics.totals.payoutRatio)} of revenue; revenue from end customers: ${percent(metrics.totals.endCustomerShare)}.`,
    "",
    "| Test | Figure | Threshold | Passes |",
    "|---|---|---|---|",
    ...metrics.tests.map((t) => `| ${t.test}: ${t.description} | ${percent(t.value)} | ${percent(t.threshold)} | ${t.passes === null ? "n/a" : t.passes ? "yes" : "no"} |`),
    "",
  ].join("\n");
  if (options.print !== false) console.log(markdown);
  return { disclosure, metrics, markdown };
}

// Run directly (`npx tsx examples/disclosure.ts`), not when imported (the tests):
// compared as paths, so a folder with a space or a symlink in its path is fine.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
