/**
 * `downline stop`: "what if I stop?" — the same seeded world run twice, with
 * some members still working and with them stopping all effort from a period
 * on (the library's `stopEffort`), and their income with and without it
 * (`stopReport`). By default they keep their accounts from the stop on in
 * both runs (`--attrition exempt`), so the runs differ only in their effort;
 * `--attrition hazard`: in neither run (both draw their attrition alike).
 *
 * Who stops: member indices (`--member 1234,5678`), or a rule picking them
 * from a first run of the same world — `median-builder` (the default),
 * `top-seller`, `p90-member`, `builders` (every one of them) … — among the
 * members of a cohort (`--cohort year-1`: joined in the run's first year;
 * `before-run`: the starting network; `any`) who were members in every
 * reference period before the stop, ranked by their income there.
 *
 * @module
 */
import { ROLES, type Role } from "../../world/roles.js";
import { windowTotals } from "../../analysis/windows.js";
import { stopReport, type StopReport } from "../../analysis/stop-report.js";
import { simulate } from "../../run/simulate.js";
import { stopEffort } from "../../run/stop-effort.js";
import { formatMinor } from "../../money/amount.js";
import { csvLine, type CsvDecimal } from "../../output/csv-text.js";
import { displayMoney, displayShare, markdownTable } from "../../output/markdown.js";
import { stopChart } from "../../output/charts/stop-chart.js";
import { DownlineInputError } from "../../validate/errors.js";
import type { PlanOnScenario } from "../inputs.js";
import { checkInputs, defaultPlan, readInputs } from "../inputs.js";
import { checkBudget, inputFiles, memoryBudget, type CommandIo } from "../common.js";
import { choice, FORMATS, seedOption, wholeNumber } from "../options.js";
import { openOutputs } from "../outputs.js";
import { progressBar } from "../progress.js";
import { formatTable, terminalText } from "../table.js";

/** `stop`'s options, as parsed. */
export interface StopOptions {
  readonly plan?: string;
  readonly preset?: string;
  readonly scenario?: string;
  readonly seed?: string;
  readonly months?: string;
  readonly engine?: string;
  readonly member?: string;
  readonly cohort?: string;
  readonly from?: string;
  readonly reference?: string;
  readonly measure?: string;
  readonly ownOrder?: string;
  readonly attrition?: string;
  readonly format?: string;
  readonly memory?: string;
  readonly out?: string;
  readonly chart?: string;
}

/** Who stops, as asked: indices, or a rule. */
type MemberSpec = { readonly kind: "indices"; readonly members: number[] } | { readonly kind: "rule"; readonly at: "median" | "top" | number | "all"; readonly role: Role | "member"; readonly text: string };

const ROLE_WORDS = [...ROLES, "member"] as const;

/** `--member`: `1234`, `1234,5678`, `median-builder`, `top-seller`, `p90-member`, `builders`, `members`. */
export function memberSpec(text: string | undefined): MemberSpec {
  const value = text ?? "median-builder";
  if (/^\d{1,9}(,\d{1,9})*$/.test(value)) return { kind: "indices", members: value.split(",").map(Number) };
  const one = /^(median|top|p(\d{1,2}))-(\w+)$/.exec(value);
  if (one && (ROLE_WORDS as readonly string[]).includes(one[3]!)) {
    return { kind: "rule", at: one[2] !== undefined ? Number(one[2]) : (one[1] as "median" | "top"), role: one[3] as Role | "member", text: value };
  }
  const all = /^(\w+)s$/.exec(value);
  if (all && (ROLE_WORDS as readonly string[]).includes(all[1]!)) return { kind: "rule", at: "all", role: all[1] as Role | "member", text: value };
  throw new DownlineInputError("options", [
    { path: "--member", message: `expected member indices (1234 or 1234,5678) or a rule: median-, top- or pNN- followed by ${ROLE_WORDS.join(", ")} (median-builder), or a whole group (builders, sellers, consumers, members); got ${JSON.stringify(value.slice(0, 40))}` },
  ]);
}

/** `--cohort`: `year-N` (joined in the run's N-th year), `before-run` (the starting network) or `any`. */
function cohortTest(text: string | undefined, periodsPerYear: number): { test: (joinPeriod: number) => boolean; words: string } {
  const value = text ?? "year-1";
  if (value === "any") return { test: () => true, words: "any cohort" };
  if (value === "before-run") return { test: (j) => j < 0, words: "the starting network (joined before the run)" };
  const year = /^year-(\d{1,4})$/.exec(value);
  if (year && Number(year[1]) >= 1) {
    const y = Number(year[1]) - 1;
    return { test: (j) => j >= y * periodsPerYear && j < (y + 1) * periodsPerYear, words: `those who joined in year ${y + 1} of the run` };
  }
  throw new DownlineInputError("options", [{ path: "--cohort", message: `expected year-N (N from 1), before-run or any, got ${JSON.stringify(value.slice(0, 40))}` }]);
}

/** What the picking found, in words and numbers. */
interface Picked {
  readonly members: number[];
  readonly description: string;
}

/**
 * Picks the members a rule names from a first run of the same seeded world:
 * members of the cohort and role, present in every reference period and not
 * company accounts, ranked by their income over those periods (then by
 * index); the median is the ⌊(n − 1)/2⌋-th, pNN the round(NN/100·(n − 1))-th.
 */
function pickMembers(item: PlanOnScenario, spec: Extract<MemberSpec, { kind: "rule" }>, cohortText: string | undefined, settings: { seed: number | string; engine: "fast" | "reference"; from: number; reference: number; measure: "gross" | "earnings" | "net"; budget: number }): Picked {
  const firstRef = settings.from - settings.reference;
  const run = simulate({
    scenario: item.scenario,
    plan: item.compiled,
    seed: settings.seed,
    engine: settings.engine,
    ledger: false,
    budget: settings.budget,
    memberPeriods: { columns: ["earnings", "retailProfit", "expenses", "requiredPurchases"], from: firstRef, to: settings.from },
  });
  const w = windowTotals(run, { from: firstRef, to: settings.from });
  const cohort = cohortTest(cohortText, item.scenario.spec.period === "week" ? 52 : 12);
  const candidates: { member: number; income: number }[] = [];
  for (let k = 0; k < w.members.length; k++) {
    if (w.periodsPresent[k] !== settings.reference) continue;
    if (spec.role !== "member" && ROLES[w.role[k]!] !== spec.role) continue;
    if (!cohort.test(w.joinPeriod[k]!)) continue;
    candidates.push({ member: w.members[k]!, income: w[settings.measure][k]! });
  }
  const who = `${spec.role === "member" ? "members" : `${spec.role}s`} of ${cohort.words}`;
  if (candidates.length === 0) {
    throw new DownlineInputError("options", [
      { path: "--member", message: `no ${who} were members in every period from ${firstRef} to ${settings.from - 1} (before the stop): try another --cohort (before-run, any) or --from` },
    ]);
  }
  candidates.sort((a, b) => a.income - b.income || a.member - b.member);
  const n = candidates.length;
  const ref = `by ${settings.measure} income over periods ${firstRef}–${settings.from - 1}`;
  if (spec.at === "all") return { members: candidates.map((c) => c.member).sort((a, b) => a - b), description: `all ${n} ${who} present in periods ${firstRef}–${settings.from - 1}` };
  const index = spec.at === "median" ? Math.floor((n - 1) / 2) : spec.at === "top" ? n - 1 : Math.round((spec.at / 100) * (n - 1));
  const which = spec.at === "median" ? "the median" : spec.at === "top" ? "the top" : `the ${spec.at}th-percentile`;
  return { members: [candidates[index]!.member], description: `member ${candidates[index]!.member}: ${which} of ${n} ${who}, ${ref}` };
}

/** The default stop: a year before the end of a run of two years or more, else half-way. */
const defaultStop = (periods: number, perYear: number) => (periods >= 2 * perYear ? periods - perYear : Math.max(1, Math.floor(periods / 2)));

/** `downline stop`: income with and without effort, after some members stop. */
export async function stopCommand(args: readonly string[], options: StopOptions, io: CommandIo): Promise<number> {
  const format = choice(options.format, "--format", FORMATS, "table");
  const engine = choice(options.engine, "--engine", ["fast", "reference"] as const, "fast");
  const measure = choice(options.measure, "--measure", ["gross", "earnings", "net"] as const, "gross");
  const ownOrder = choice(options.ownOrder, "--own-order", ["keep", "stop"] as const, "keep");
  const attrition = choice(options.attrition, "--attrition", ["exempt", "hazard"] as const, "exempt");
  const months = wholeNumber(options.months, "--months");
  const reference = wholeNumber(options.reference, "--reference", 1, 1000) ?? 3;
  const seed = seedOption(options.seed) ?? 42;
  const spec = memberSpec(options.member);
  const { plans, scenario } = readInputs(args, options, { maxPlans: 1, defaultPlans: defaultPlan });
  const [item] = checkInputs(plans, scenario, months, (line) => io.err(line));
  const periods = item!.scenario.periods;
  const from = wholeNumber(options.from, "--from", 1, Math.max(1, periods - 1)) ?? defaultStop(periods, item!.scenario.spec.period === "week" ? 52 : 12);
  if (from - reference < 0) throw new DownlineInputError("options", [{ path: "--reference", message: `expected at most ${from} reference periods before the stop in period ${from}, got ${reference}` }]);
  if (spec.kind === "rule" && options.cohort !== undefined) cohortTest(options.cohort, 12);
  const budget = memoryBudget(options.memory);
  checkBudget([[item!]], budget, { engine, ledger: false, months: months !== undefined });
  const outputs = await openOutputs({ "--out": options.out, "--chart": options.chart }, inputFiles([item!]), io.out);
  try {
    const bar = progressBar("simulating", spec.kind === "rule" ? 3 : 2, "runs", io.progressStream);
    let report: StopReport;
    let picked: Picked;
    try {
      picked =
        spec.kind === "rule"
          ? pickMembers(item!, spec, options.cohort, { seed, engine, from, reference, measure, budget })
          : { members: spec.members, description: `member${spec.members.length > 1 ? "s" : ""} ${spec.members.join(", ")} (as given)` };
      bar.update(1);
      const cf = stopEffort(
        { scenario: item!.scenario, plan: item!.compiled, seed, engine, ledger: false, budget, memberPeriods: { columns: ["earnings", "retailProfit", "expenses", "requiredPurchases"], from: from - reference } },
        { members: picked.members, fromPeriod: from, ownOrder, attrition },
      );
      bar.update(spec.kind === "rule" ? 3 : 2);
      report = stopReport(cf, { measure, referencePeriods: reference });
    } catch (e) {
      // The library names its options (stop.members[0]); the command line names its flags.
      if (e instanceof DownlineInputError && e.source === "options") throw new DownlineInputError("options", e.issues.map((i) => ({ path: i.path.startsWith("stop.members") ? "--member" : i.path === "stop.fromPeriod" ? "--from" : i.path, message: i.message })));
      throw e;
    } finally {
      bar.stop();
    }
    if (format === "json") outputs.main([JSON.stringify({ plan: item!.compiled.name, scenario: item!.scenario.spec.name, seed, picked: picked.description, ...report }, null, 2) + "\n"]);
    else if (format === "csv") outputs.main(stopCsv(report));
    else outputs.main([stopText(report, picked.description, item!, seed, format === "md")]);
    await outputs.chart(() => stopChart(report));
    return 0;
  } finally {
    outputs.discard();
  }
}

const dec = (minor: number, digits: number): CsvDecimal | null => (Number.isFinite(minor) ? { decimal: formatMinor(Math.round(minor), digits) } : null);

/** The report's period rows as CSV: member, period (from 0), periods since the stop, income with and without effort (major units), what she kept. */
function* stopCsv(r: StopReport): Generator<string> {
  yield csvLine(["member", "period", "sinceStop", "currency", "withEffort", "withoutEffort", "difference", "retained"]);
  for (const p of r.periods) yield csvLine([p.member, p.period, p.sinceStop, r.currency, dec(p.withEffort, r.digits), dec(p.withoutEffort, r.digits), dec(p.difference, r.digits), p.retained]);
}

/** The report for reading: who stopped, the members' summary, then period by period (hers, or the cohort's quartiles). */
function stopText(r: StopReport, picked: string, item: PlanOnScenario, seed: number | string, markdown: boolean): string {
  const m = (v: number) => displayMoney(v, r.digits);
  const table = (head: string[], rows: string[][], text = 1) => (markdown ? markdownTable(head, rows, text) : formatTable(head, rows, text));
  const lines = (text: string[]) => (markdown ? text : text.map(terminalText));
  const one = r.members.length === 1;
  const summary = table(
    ["Member", `Reference (${r.currency}/period)`, "Half-life (periods)", "With effort", "Without", "Kept"],
    r.members.slice(0, 50).map((s) => [String(s.member), m(s.reference), s.halfLife === null ? (s.reference > 0 ? `> ${s.periodsObserved}` : "—") : String(s.halfLife), m(s.totalWith), m(s.totalWithout), displayShare(s.keptShare)]),
  );
  const byPeriod = one
    ? table(
        ["Period", "Since stop", `With effort (${r.currency})`, "Without effort", "Retained"],
        r.periods.map((p) => [String(p.period), String(p.sinceStop), m(p.withEffort), m(p.withoutEffort), displayShare(p.retained)]),
        0,
      )
    : table(
        ["Period", "Since stop", "Members", `With effort, median (${r.currency})`, "Without, median", "Without, Q1–Q3", "Retained, median"],
        r.cohort.map((c) => [String(c.period), String(c.sinceStop), String(c.members), m(c.withMedian), m(c.withoutMedian), `${m(c.withoutQ1)} – ${m(c.withoutQ3)}`, displayShare(c.retainedMedian)]),
        0,
      );
  const hl = r.halfLife;
  const half = (x: number | null) => (x === null ? "not reached within the run" : `${x} periods`);
  return [
    ...lines([
      `What if she stops: plan "${item.compiled.name}" on "${item.scenario.spec.name}", seed ${String(seed)}; effort stops in period ${r.fromPeriod} (periods numbered from 0), ${r.measure} income.`,
      `Who: ${picked}.`,
    ]),
    "",
    summary,
    ...(r.members.length > 50 ? [`(${r.members.length - 50} more members in the CSV and JSON)`] : []),
    "",
    byPeriod,
    "",
    ...lines([
      one ? `Half-life: ${half(hl.median)}.` : `Half-life over ${hl.members} members with a positive reference (${hl.reached} reached within the run): median ${half(hl.median)}, quartiles ${half(hl.q1)} and ${half(hl.q3)}.`,
      r.definition,
    ]),
    "",
  ].join("\n");
}
