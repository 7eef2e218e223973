/**
 * An income disclosure statement for a 12-month window, in the form direct
 * selling companies publish and regulators read (doTERRA's and Herbalife's
 * statements, the FTC staff's 2024 review of 70 of them): participants by
 * title and by percentile band, each group's count and share of all
 * participants, mean, median, lowest and highest earnings — and, where
 * published statements fall short by the FTC staff's reading, zero earners
 * included, figures net of expenses and required purchases, hours worked,
 * no annualising of part-year members, and the assumptions stated.
 *
 * @module
 */
import { ROLES } from "../world/roles.js";
import { quantileSorted } from "./statistics.js";
import type { SimulationResult } from "./result.js";
import { windowTotals, type ResolvedWindow, type Window, type WindowTotals } from "./windows.js";
import type { IncomeMeasure } from "./distributions.js";

/** One group of a disclosure: everyone, a title, or a percentile band. Money in minor units (means and medians may carry fractions). */
export interface DisclosureRow {
  readonly section: "all" | "title" | "band";
  /** "All participants", a title ("No title" for none), or a band ("Top 1%", "Top 1–10%", …, "Bottom 50%"). */
  readonly label: string;
  readonly participants: number;
  /** Of all participants in the window. */
  readonly share: number;
  /** Participants paid nothing at all (gross 0), and their share of the group. */
  readonly zeroEarners: number;
  readonly zeroShare: number;
  /** Commissions and bonuses paid by the company (what published statements report). */
  readonly earningsMean: number;
  readonly earningsMedian: number;
  readonly earningsLow: number;
  readonly earningsHigh: number;
  /** Earnings + retail profit paid by customers. */
  readonly grossMean: number;
  readonly grossMedian: number;
  readonly grossLow: number;
  readonly grossHigh: number;
  /** Gross − expenses − required purchases. */
  readonly netMean: number;
  readonly netMedian: number;
  readonly netLow: number;
  readonly netHigh: number;
  /** Participants with a net profit (net > 0), as a share of the group. */
  readonly netProfitShare: number;
  /** Mean hours worked in the window, or null when hours were not kept. */
  readonly hoursMean: number | null;
}

/** Options of {@link incomeDisclosure}. */
export interface DisclosureOptions {
  /** Default `"lastYear"`: the run's last 12 months. */
  readonly window?: Window;
  /**
   * Upper edges of the percentile bands, as shares from the top (default
   * `[0.01, 0.1, 0.25, 0.5]`: top 1%, 1–10%, 10–25%, 25–50%, bottom 50%).
   */
  readonly bands?: readonly number[];
  /** What bands rank participants by and what "paid nothing" means: `gross` (default) or `earnings`. */
  readonly rankBy?: Exclude<IncomeMeasure, "net">;
}

/** An income disclosure statement: its groups as rows, and everything a reader needs to weigh them. */
export interface IncomeDisclosure {
  readonly title: string;
  readonly plan: string;
  readonly scenario: string;
  readonly seed: number | string;
  readonly currency: string;
  readonly digits: number;
  readonly window: ResolvedWindow;
  readonly participants: number;
  /** Company accounts (founders) present in the window, left out of every figure. */
  readonly companyAccountsExcluded: number;
  /** "All participants", then by title (lowest first), then by band (top first). */
  readonly rows: readonly DisclosureRow[];
  /** The assumptions and definitions behind the figures, one sentence each. */
  readonly assumptions: readonly string[];
}

function groupRow(section: DisclosureRow["section"], label: string, w: WindowTotals, picks: readonly number[], all: number, zeroOf: Float64Array): DisclosureRow {
  const n = picks.length;
  const stats = (a: Float64Array) => {
    const v = Float64Array.from(picks, (k) => a[k]!).sort();
    let s = 0;
    for (const x of v) s += x;
    return { mean: n === 0 ? NaN : s / n, median: quantileSorted(v, 0.5), low: n === 0 ? NaN : v[0]!, high: n === 0 ? NaN : v[n - 1]! };
  };
  const e = stats(w.earnings);
  const g = stats(w.gross);
  const net = stats(w.net);
  let zero = 0;
  let profit = 0;
  let hours = 0;
  for (const k of picks) {
    if (zeroOf[k] === 0) zero += 1;
    if (w.net[k]! > 0) profit += 1;
    if (w.hours) hours += w.hours[k]!;
  }
  return {
    section,
    label,
    participants: n,
    share: all === 0 ? NaN : n / all,
    zeroEarners: zero,
    zeroShare: n === 0 ? NaN : zero / n,
    earningsMean: e.mean,
    earningsMedian: e.median,
    earningsLow: e.low,
    earningsHigh: e.high,
    grossMean: g.mean,
    grossMedian: g.median,
    grossLow: g.low,
    grossHigh: g.high,
    netMean: net.mean,
    netMedian: net.median,
    netLow: net.low,
    netHigh: net.high,
    netProfitShare: n === 0 ? NaN : profit / n,
    hoursMean: w.hours ? (n === 0 ? NaN : hours / n) : null,
  };
}

const pct = (p: number) => `${+(p * 100).toFixed(4)}%`;

/** The assumptions a disclosure states, from the result's scenario (fields a hand-built result lacks are skipped). */
function assumptionsOf(result: SimulationResult, w: WindowTotals, rankBy: string): string[] {
  const spec = result.scenario as Partial<SimulationResult["scenario"]>;
  const money = (text: string | undefined) => (text === undefined ? "?" : `${text} ${spec.currency ?? ""}`.trim());
  const out = [
    `Simulated figures, not the results of any real business: plan "${result.plan.name}" paid on scenario "${spec.name ?? "?"}", seed ${String(result.seed)}, ${result.engine} engine.`,
    `Window: ${w.window.label}.${w.window.complete ? "" : ` The run is shorter than the window asked for: figures cover ${+w.window.months.toFixed(2)} months and are not annualised.`}`,
    w.window.kind === "calendar"
      ? `Participants: everyone who was a member in at least one period of the window (${w.members.length}), including those who joined or left during it and those paid nothing; each figure is what she was paid in the window, not annualised for part-year members.`
      : `Participants: every member who joined during the run early enough for her first ${w.window.periods} periods to lie in it (${w.members.length}), including those who left during them and those paid nothing.`,
    `${w.companyAccountsExcluded} company account(s) (founders) are left out of every figure.`,
    `Earnings: commissions and bonuses paid by the company. Gross: earnings plus retail profit paid by customers. Net: gross minus the participant's expenses and required purchases.`,
  ];
  if (spec.expenses) {
    const e = spec.expenses;
    const anyway = e.requiredPurchases.wouldBuyAnyway;
    const required = (r: (typeof ROLES)[number]) => `${+((1 - Number(typeof anyway === "object" ? anyway[r] : anyway)) * 100).toFixed(2)}%`;
    out.push(
      `Expenses as modelled: sign-up fee ${money(e.signUpFee)} and starter kit ${money(e.starterKit)} when joining, ${money(e.annualRenewal)} renewal each year, business costs a month while working (${ROLES.map((r) => `${r} ${money(e.monthlyCosts[r])}`).join(", ")}); required purchases: the part of her own orders she would not have bought anyway (${ROLES.map((r) => `${r} ${required(r)}`).join(", ")}).`,
    );
  }
  if (spec.distributors?.roles) {
    const roles = spec.distributors.roles;
    out.push(`Roles as modelled: ${ROLES.map((r) => `${r} ${+(roles[r].share * 100).toFixed(2)}% (${roles[r].hoursPerWeek} h/week at full effort)`).join(", ")}.`);
  }
  out.push(w.hours ? `Hours: her role's hours a week × her effort (fading with tenure, 0 once she stops), summed over the window.` : `Hours were not kept for this window (run with memberPeriods columns including "hours").`);
  out.push(`Title: the highest paid-as rank reached by the end of the window.`);
  out.push(`Percentile bands rank participants by ${rankBy} in the window, highest first (ties by member number); the top p holds the ⌈p·n⌉ highest. "Paid nothing" means ${rankBy} of 0.`);
  out.push(`Medians are type-7 sample quantiles (R's default); low and high are the group's lowest and highest figures.`);
  return out;
}

/**
 * The income disclosure statement of a run over a window (default its last
 * 12 months): everyone, by title, by percentile band. Needs `memberPeriods`
 * for any window but the whole run (`hours` among its columns for hours).
 *
 * @example
 * const r = simulate({ scenario: { months: 24 }, plan: PRESETS["wellness-unilevel"], memberPeriods: { columns: [...DEFAULT_MEMBER_PERIOD_COLUMNS, "hours"] } });
 * const d = incomeDisclosure(r);
 * d.rows[0] // => { section: "all", label: "All participants", participants: …, zeroShare: …, earningsMedian: …, netMedian: …, … }
 * disclosureMarkdown(d) // => "## Income disclosure: …\n\n| Title | Participants | …"
 */
export function incomeDisclosure(result: SimulationResult, options: DisclosureOptions = {}): IncomeDisclosure {
  const w = windowTotals(result, options.window ?? "lastYear");
  const rankBy = options.rankBy ?? "gross";
  const bands = options.bands ?? [0.01, 0.1, 0.25, 0.5];
  bands.forEach((b, k) => {
    if (!(b > 0 && b < 1) || (k > 0 && b <= bands[k - 1]!)) throw new RangeError(`downline/analysis: disclosure bands[${k}]: expected increasing shares in (0, 1), got ${b}`);
  });
  const n = w.members.length;
  const by = w[rankBy];
  const all = Array.from({ length: n }, (_, k) => k);
  const rows: DisclosureRow[] = [groupRow("all", "All participants", w, all, n, by)];
  const names = (r: number) => (r === 0 ? "No title" : (w.rankNames[r - 1] ?? `Rank ${r}`));
  const top = w.title.reduce((m, r) => Math.max(m, r), 0);
  for (let r = 0; r <= Math.max(top, w.rankNames.length); r++) {
    rows.push(groupRow("title", names(r), w, all.filter((k) => w.title[k] === r), n, by));
  }
  // Highest first; ties by member number (positions are in member order, and the sort is stable).
  const order = [...all].sort((a, b) => by[b]! - by[a]!);
  const edges = [0, ...bands.map((b) => Math.min(n, Math.ceil(b * n - 1e-9))), n];
  for (let j = 0; j + 1 < edges.length; j++) {
    const label = j === 0 ? `Top ${pct(bands[0]!)}` : j === bands.length ? `Bottom ${pct(1 - bands[j - 1]!)}` : `Top ${pct(bands[j - 1]!)}–${pct(bands[j]!)}`;
    rows.push(groupRow("band", label, w, order.slice(edges[j]!, edges[j + 1]!).sort((a, b) => a - b), n, by));
  }
  const spec = result.scenario as Partial<SimulationResult["scenario"]>;
  return {
    title: `Income disclosure: ${result.plan.name} on ${spec.name ?? "a scenario"}, ${w.window.label}`,
    plan: result.plan.name,
    scenario: spec.name ?? "",
    seed: result.seed,
    currency: w.currency,
    digits: w.digits,
    window: w.window,
    participants: n,
    companyAccountsExcluded: w.companyAccountsExcluded,
    rows,
    assumptions: assumptionsOf(result, w, rankBy),
  };
}
