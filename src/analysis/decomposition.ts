/**
 * Income decomposition: what kind of income participants earn, period by
 * period and member by member, and what an hour of effort earns.
 *
 * Every member's gross income (company-paid earnings and retail profit) is
 * split exactly into four kinds by the per-member, per-period income columns
 * (analysis/income-split.ts, from each component's `income`):
 *
 * - **active**: one-time pay for new effort — fast-start and rank-advancement
 *   bonuses, commissions and retail profit on a customer's first order (in
 *   the period she was acquired);
 * - **residual**: commissions and retail profit on later orders of her own
 *   customers (acquired in earlier periods, or moved up to her when their
 *   distributor quit);
 * - **leveraged**: pay from her downline's orders and work (unilevel,
 *   generation, matching, binary, matrix, pool, an affiliate's second tier;
 *   stairstep, differential and group volume in full, their pay on her own
 *   volume included);
 * - **unclassified**: components that do not say (custom components without
 *   `income`): never guessed.
 *
 * The share of a period's income that **would continue with no new effort**
 * is (residual + leveraged) ÷ all income, on the assumption that active
 * income needs new effort and residual and leveraged income continue while
 * her customers and downline stay (unclassified income counts as not
 * continuing). It is a reading of the kinds, not a forecast: customers churn
 * and downlines quit or stop working, so less continues as time passes.
 * `stopEffort` and `stopReport` measure the counterfactual itself.
 *
 * Participants and windows are as everywhere in the analysis (windows.ts):
 * everyone who was a member in at least one period of the window, company
 * accounts left out and counted apart.
 *
 * @module
 */
import { DownlineInputError } from "../validate/errors.js";
import { addMeasure, INCOME_COLUMNS, type MemberMeasure } from "./member-periods.js";
import type { SimulationResult } from "./result.js";
import { mean, quantileSorted } from "./statistics.js";
import { resolveWindow, slicesFor, type ResolvedWindow, type Window } from "./windows.js";

/** Options of {@link incomeDecomposition}. */
export interface DecompositionOptions {
  /** Default `"lastYear"`: the run's last 12 months. A tenure window (`"firstYear"`, `{ firstPeriods }`) gives rows by period of membership. */
  readonly window?: Window;
}

/** Income by kind, summed over a group of participants. Money in minor units, exact. */
export interface IncomeByKind {
  readonly active: number;
  readonly residual: number;
  readonly leveraged: number;
  readonly unclassified: number;
  /** The four together: gross income (earnings + retail profit). */
  readonly total: number;
  /** (residual + leveraged) ÷ total: the share that would continue with no new effort (see the module notes); NaN when the total is 0. */
  readonly continuingShare: number;
}

/** One period of the window: its participants' income by kind. */
export interface DecompositionPeriodRow extends IncomeByKind {
  /** The run's period (a calendar window), or the period of membership (a tenure window: 0 is her join period). */
  readonly period: number;
  /** Participants counted in that period. */
  readonly participants: number;
}

/** The window's participants' totals by kind, as columns: position k is participant `member[k]`. Money in minor units. */
export interface DecompositionMembers {
  /** Participants (company accounts left out), ascending member index. */
  readonly member: Int32Array;
  readonly active: Float64Array;
  readonly residual: Float64Array;
  readonly leveraged: Float64Array;
  readonly unclassified: Float64Array;
  /** The four together: gross income. */
  readonly gross: Float64Array;
  /** Hours worked in the window, or null without them (see {@link IncomeDecomposition.perHour}). */
  readonly hours: Float64Array | null;
  /** gross ÷ hours (minor units an hour); NaN where she worked no hours; null without hours. */
  readonly perHour: Float64Array | null;
}

/** Gross income per hour of effort over the window, for the participants who worked. */
export interface IncomePerHour {
  /** Participants with hours > 0 in the window: those the figures are over. */
  readonly participants: number;
  /** Participants who worked no hours (left out: no rate per hour). */
  readonly withoutHours: number;
  /** Median of gross ÷ hours (type 7), minor units an hour; NaN when nobody worked. */
  readonly median: number;
  /** Mean of gross ÷ hours, minor units an hour; NaN when nobody worked. */
  readonly mean: number;
}

/** An income decomposition over a window (see {@link incomeDecomposition}). */
export interface IncomeDecomposition {
  readonly window: ResolvedWindow;
  readonly currency: string;
  readonly digits: number;
  readonly participants: number;
  /** Company accounts (founders) present in the window, left out of every figure. */
  readonly companyAccountsExcluded: number;
  /** Per period of the window (tidy: one row each). */
  readonly periods: readonly DecompositionPeriodRow[];
  /** The whole window, all participants. */
  readonly totals: IncomeByKind;
  readonly members: DecompositionMembers;
  /** Null without hours: from the `hours` member-period column, or, for a whole-run calendar window, the member totals every run keeps. */
  readonly perHour: IncomePerHour | null;
  /** The definitions and the assumption behind "would continue", one sentence each. */
  readonly assumptions: readonly string[];
}

/** The definitions behind the figures, as {@link IncomeDecomposition.assumptions} states them. */
const ASSUMPTIONS: readonly string[] = Object.freeze([
  "Income is gross: commissions and bonuses the company paid, and retail profit paid by customers.",
  "Active income is one-time pay for new effort: fast-start and rank-advancement bonuses, and commissions and retail profit on a customer's first order (in the period she was acquired).",
  "Residual income is commissions and retail profit on later orders of a member's own customers (acquired in earlier periods, or moved up to her when their distributor quit).",
  "Leveraged income is pay from the downline's orders and work: unilevel, generation, matching, binary, matrix, pool, stairstep, differential and group-volume bonuses (the last three in full, their pay on her own volume included) and an affiliate's second tier.",
  "Unclassified income is pay from components that do not say what kind it is (custom components without `income`); it is never guessed.",
  "Each member's pay of a component is split between kinds exactly, to the cent, in proportion to what the rule paid on (largest remainder, ties in the order active, residual, leveraged): the kinds sum to her gross income.",
  "The share that would continue with no new effort is (residual + leveraged) ÷ all income: active income needs new effort, residual and leveraged income continue while customers and downline stay, unclassified counts as not continuing. It is not a forecast: customers churn and downlines quit, so less continues over time; stopEffort and stopReport measure it.",
  "Income per hour is gross income ÷ hours over the window, for participants who worked hours; company accounts are left out of every figure.",
]);

const KINDS = ["active", "residual", "leveraged", "unclassified"] as const;

function byKind(active: number, residual: number, leveraged: number, unclassified: number): IncomeByKind {
  const total = active + residual + leveraged + unclassified;
  return { active, residual, leveraged, unclassified, total, continuingShare: total === 0 ? NaN : (residual + leveraged) / total };
}

/**
 * The income decomposition of a run over a window (default: the last year):
 * rows per period with each kind's total and the share that would continue
 * with no new effort, each participant's totals by kind, and gross income
 * per hour of effort. Reads `result.memberPeriods` with the income columns
 * (`INCOME_COLUMNS`; without them it throws) and `hours` for the per-hour
 * figures (a whole-run window reads hours from the member totals instead).
 *
 * @example
 * const r = simulate({
 *   scenario: { months: 24 },
 *   plan: PRESETS["wellness-unilevel"],
 *   memberPeriods: { columns: [...DEFAULT_MEMBER_PERIOD_COLUMNS, ...INCOME_COLUMNS, "hours"] },
 * });
 * const d = incomeDecomposition(r);
 * d.totals // => { active, residual, leveraged, unclassified, total, continuingShare }: the last 12 months, minor units
 * d.periods[0] // => { period: 12, participants, active, residual, leveraged, unclassified, total, continuingShare }
 * d.perHour?.median // => median gross income an hour, minor units
 */
export function incomeDecomposition(result: SimulationResult, options: DecompositionOptions = {}): IncomeDecomposition {
  const w = resolveWindow(result, options.window ?? "lastYear");
  const T = result.periods.length;
  const cols = result.memberColumns;
  const size = cols.size;
  // The income columns are not among the defaults, so `memberPeriods: true` alone is not enough: say what is.
  const keep = `run with memberPeriods: { columns: [...DEFAULT_MEMBER_PERIOD_COLUMNS, ...INCOME_COLUMNS, "hours"] }`;
  if (!result.memberPeriods) {
    throw new DownlineInputError("options", [{ path: "memberPeriods", message: `expected a run with per-member, per-period results and their income columns for an income decomposition: ${keep}` }]);
  }
  const mp = result.memberPeriods;
  const lacking = INCOME_COLUMNS.filter((c) => !mp.columns.includes(c));
  if (lacking.length > 0) {
    throw new DownlineInputError("options", [
      { path: "memberPeriods.columns", message: `expected the income columns (${lacking.map((c) => JSON.stringify(c)).join(", ")} missing) for an income decomposition: ${keep}` },
    ]);
  }
  const slices = slicesFor(mp, w, T);
  const keptHours = mp.columns.includes("hours");
  // Whole-run calendar windows can read hours from the member totals every run keeps.
  const totalHours = !keptHours && w.kind === "calendar" && w.from === 0 && w.to === T;
  const n = w.periods;
  const acc = KINDS.map(() => new Float64Array(size));
  const hours = keptHours || totalHours ? new Float64Array(size) : null;
  if (totalHours) hours!.set(cols.hours.subarray(0, size));
  const present = new Uint8Array(size);
  const rows = Array.from({ length: n }, () => ({ participants: 0, kinds: [0, 0, 0, 0] }));
  const measures: MemberMeasure[] = ["incomeActive", "incomeResidual", "incomeLeveraged", "incomeUnclassified"];
  let scratch = new Float64Array(0);
  for (const slice of slices) {
    const t = slice.period;
    if (scratch.length < slice.count) scratch = new Float64Array(slice.count);
    // Position k's row: in a tenure window only while t is among her first n periods, all inside the run;
    // -1 when it does not count, -2 for a company account (counted apart).
    const rowOf = (i: number): number => {
      let row = t - w.from;
      if (w.kind === "tenure") {
        const j = cols.joinPeriod[i]!;
        row = j >= 0 && j + n <= T && t < j + n ? t - j : -1;
      }
      return row >= 0 && cols.company[i] === 1 ? -2 : row;
    };
    measures.forEach((measure, c) => {
      scratch.fill(0, 0, slice.count);
      addMeasure(mp, slice, measure, scratch);
      const into = acc[c]!;
      for (let k = 0; k < slice.count; k++) {
        const i = slice.members[k]!;
        const row = rowOf(i);
        if (row < 0) continue;
        into[i]! += scratch[k]!;
        rows[row]!.kinds[c]! += scratch[k]!;
      }
    });
    if (keptHours) {
      scratch.fill(0, 0, slice.count);
      addMeasure(mp, slice, "hours", scratch);
    }
    for (let k = 0; k < slice.count; k++) {
      const i = slice.members[k]!;
      const row = rowOf(i);
      if (row === -2) present[i] = 2;
      if (row < 0) continue;
      present[i] = 1;
      rows[row]!.participants += 1;
      if (keptHours) hours![i]! += scratch[k]!;
    }
  }
  let count = 0;
  let companyAccountsExcluded = 0;
  for (let i = 0; i < size; i++) {
    if (present[i] === 1) count += 1;
    else if (present[i] === 2) companyAccountsExcluded += 1;
  }
  const member = new Int32Array(count);
  for (let i = 0, k = 0; i < size; i++) if (present[i] === 1) member[k++] = i;
  const pick = (a: Float64Array) => Float64Array.from(member, (i) => a[i]!);
  const [active, residual, leveraged, unclassified] = acc.map(pick) as [Float64Array, Float64Array, Float64Array, Float64Array];
  const gross = Float64Array.from(member, (_, k) => active[k]! + residual[k]! + leveraged[k]! + unclassified[k]!);
  const memberHours = hours ? pick(hours) : null;
  const perHourValues = memberHours ? Float64Array.from(gross, (g, k) => (memberHours[k]! > 0 ? g / memberHours[k]! : NaN)) : null;
  let perHour: IncomePerHour | null = null;
  if (perHourValues) {
    const worked = perHourValues.filter((v) => !Number.isNaN(v)).sort();
    perHour = { participants: worked.length, withoutHours: count - worked.length, median: quantileSorted(worked, 0.5), mean: mean(worked) };
  }
  const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  return {
    window: w,
    currency: result.scenario.currency,
    digits: result.digits,
    participants: count,
    companyAccountsExcluded,
    periods: rows.map((r, k) => ({ period: w.kind === "calendar" ? w.from + k : k, participants: r.participants, ...byKind(r.kinds[0]!, r.kinds[1]!, r.kinds[2]!, r.kinds[3]!) })),
    totals: byKind(sum(active), sum(residual), sum(leveraged), sum(unclassified)),
    members: { member, active, residual, leveraged, unclassified, gross, hours: memberHours, perHour: perHourValues },
    perHour,
    assumptions: ASSUMPTIONS,
  };
}
