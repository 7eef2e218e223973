/**
 * "What if I stop?": a member's income month by month with and without her
 * effort, from two runs of the same seeded world — one with her still
 * working, one in which she (or a cohort) stops all effort from a period on;
 * by default she keeps her account from the stop on in both (see the
 * runner's `stopEffort`), so they differ only in her effort — and how fast
 * it fades.
 *
 * **Half-life** of a member's income after the stop: let her *reference* be
 * her mean income over the `referencePeriods` periods before the stop (3 by
 * default; the ones in which she was a member; the two runs agree there).
 * Her half-life is the smallest k ≥ 1 such that her income in the k-th
 * period without effort (period `fromPeriod + k − 1`) of the stopped run is
 * below half her reference — "within k periods of stopping, she earns less
 * than half of what she did". It is not defined for a reference of 0 or less
 * (nothing to halve), and it is censored (null, with the periods observed)
 * when her income stays at or above half to the end of the run. A member who
 * quits earns 0 from then on.
 *
 * A cohort's half-life is the median and quartiles (type 7) of its members'
 * half-lives, censored ones counted as longer than any observed (a quartile
 * that falls among them is null: not reached within the run).
 *
 * @module
 */
import { DownlineInputError } from "../validate/errors.js";
import { memberSeries, type MemberMeasure } from "./member-periods.js";
import { quantileSorted } from "./statistics.js";
import type { SimulationResult } from "./result.js";

/** Two runs of the same seeded world, the second with `members` stopping all effort from `fromPeriod` (what the runner's `stopEffort` returns). */
export interface StopCounterfactual {
  readonly base: SimulationResult;
  readonly stopped: SimulationResult;
  readonly members: readonly number[];
  readonly fromPeriod: number;
}

/** Options of {@link stopReport}. */
export interface StopReportOptions {
  /** Her income: `gross` (default: earnings + retail profit), `earnings` (company-paid) or `net`. */
  readonly measure?: "gross" | "earnings" | "net";
  /** Periods before the stop her reference income is the mean of (default 3). */
  readonly referencePeriods?: number;
}

/** One member in one period, with and without her effort. Money in minor units. */
export interface StopPeriodRow {
  readonly member: number;
  readonly period: number;
  /** 1 for the first period without effort, 2 for the next …; 0 and below before the stop. */
  readonly sinceStop: number;
  readonly withEffort: number;
  readonly withoutEffort: number;
  /** withEffort − withoutEffort: what her effort was worth that period. */
  readonly difference: number;
  /** withoutEffort ÷ her reference (NaN when the reference is 0 or less). */
  readonly retained: number;
}

/** One member's summary. */
export interface StopMemberRow {
  readonly member: number;
  /** Her mean income over the reference periods before the stop. */
  readonly reference: number;
  readonly referencePeriods: number;
  /** Periods without effort until her income fell below half her reference; null if it did not within the run, or if the reference is 0 or less. */
  readonly halfLife: number | null;
  /** Periods observed after the stop (the run's end minus the stop). */
  readonly periodsObserved: number;
  /** Her income from the stop to the end of the run, with and without effort, and the share kept. */
  readonly totalWith: number;
  readonly totalWithout: number;
  readonly keptShare: number;
}

/** The cohort in one period after the stop: quartiles across members with a positive reference. */
export interface StopCohortRow {
  readonly sinceStop: number;
  readonly period: number;
  readonly members: number;
  readonly withoutQ1: number;
  readonly withoutMedian: number;
  readonly withoutQ3: number;
  readonly withQ1: number;
  readonly withMedian: number;
  readonly withQ3: number;
  /** Quartiles of withoutEffort ÷ reference. */
  readonly retainedQ1: number;
  readonly retainedMedian: number;
  readonly retainedQ3: number;
}

/** The "what if I stop" report. */
export interface StopReport {
  readonly fromPeriod: number;
  readonly measure: "gross" | "earnings" | "net";
  readonly currency: string;
  readonly digits: number;
  /** The half-life's definition, in words. */
  readonly definition: string;
  /** One row per member per kept period. */
  readonly periods: readonly StopPeriodRow[];
  readonly members: readonly StopMemberRow[];
  readonly cohort: readonly StopCohortRow[];
  /** Quartiles of the half-lives of members with a positive reference; null where not reached within the run. */
  readonly halfLife: { readonly members: number; readonly reached: number; readonly q1: number | null; readonly median: number | null; readonly q3: number | null };
}

/** Type-7 quantile of values sorted ascending that may end in Infinity (censored): null when it lands among them. */
function censoredQuantile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  const a = sorted[lo]!;
  if (frac === 0) return Number.isFinite(a) ? a : null;
  const b = sorted[Math.min(lo + 1, n - 1)]!;
  return Number.isFinite(a) && Number.isFinite(b) ? a + frac * (b - a) : null;
}

const sortedCopy = (values: readonly number[]) => Float64Array.from(values).sort();

/**
 * The "what if I stop" report over a counterfactual pair of runs (both run
 * with `memberPeriods`, covering the reference periods and everything after
 * the stop).
 *
 * @example
 * const cf = stopEffort({ scenario, seed: 1, memberPeriods: true }, { members: [120], fromPeriod: 12 });
 * const report = stopReport(cf);
 * report.members[0].halfLife // => e.g. 5: five months after she stopped, her income was below half
 * report.periods.filter((r) => r.member === 120) // her income month by month, with and without her effort
 */
export function stopReport(cf: StopCounterfactual, options: StopReportOptions = {}): StopReport {
  const measure: MemberMeasure = options.measure ?? "gross";
  const refN = options.referencePeriods ?? 3;
  const { base, stopped, fromPeriod } = cf;
  const issues: { path: string; message: string }[] = [];
  if (!Number.isInteger(refN) || refN < 1) issues.push({ path: "referencePeriods", message: `expected a whole number ≥ 1, got ${String(refN)}` });
  if (!Number.isInteger(fromPeriod) || fromPeriod < 1) issues.push({ path: "fromPeriod", message: `expected a period ≥ 1 (a reference needs a period before the stop), got ${String(fromPeriod)}` });
  for (const [name, r] of [["base", base], ["stopped", stopped]] as const) {
    if (!r.memberPeriods) issues.push({ path: `${name}.memberPeriods`, message: "expected a run with per-member, per-period results: run both with memberPeriods: true" });
  }
  if (issues.length > 0) throw new DownlineInputError("options", issues);
  const bmp = base.memberPeriods!;
  const smp = stopped.memberPeriods!;
  const kept = bmp.periods.map((s) => s.period);
  const T = Math.min(base.periods.length, stopped.periods.length);
  const firstRef = Math.max(0, fromPeriod - refN);
  if (kept.join() !== smp.periods.map((s) => s.period).join() || !kept.includes(firstRef) || !kept.includes(T - 1)) {
    throw new DownlineInputError("options", [
      { path: "memberPeriods", message: `expected both runs to have kept the same periods, from ${firstRef} (the reference before the stop) to ${T - 1}: run both with memberPeriods: true (or { from: ${firstRef} })` },
    ]);
  }
  const rows: StopPeriodRow[] = [];
  const summaries: StopMemberRow[] = [];
  const after = new Map<number, { with: number[]; without: number[]; retained: number[] }>();
  const halfLives: number[] = [];
  const members = [...new Set(cf.members)].sort((a, b) => a - b);
  for (const m of members) {
    const w = memberSeries(bmp, m, measure);
    const wo = memberSeries(smp, m, measure);
    let refSum = 0;
    let refCount = 0;
    kept.forEach((t, j) => {
      if (t >= firstRef && t < fromPeriod && w.present[j] === 1) {
        refSum += w.values[j]!;
        refCount += 1;
      }
    });
    const reference = refCount === 0 ? 0 : refSum / refCount;
    let halfLife: number | null = null;
    let totalWith = 0;
    let totalWithout = 0;
    kept.forEach((t, j) => {
      const sinceStop = t - fromPeriod + 1;
      const a = w.values[j]!;
      const b = wo.values[j]!;
      const retained = reference > 0 ? b / reference : NaN;
      rows.push({ member: m, period: t, sinceStop, withEffort: a, withoutEffort: b, difference: a - b, retained });
      if (sinceStop < 1) return;
      totalWith += a;
      totalWithout += b;
      if (halfLife === null && reference > 0 && b < reference / 2) halfLife = sinceStop;
      if (reference > 0) {
        const slot = after.get(t) ?? { with: [], without: [], retained: [] };
        slot.with.push(a);
        slot.without.push(b);
        slot.retained.push(retained);
        after.set(t, slot);
      }
    });
    if (reference > 0) halfLives.push(halfLife ?? Infinity);
    summaries.push({
      member: m,
      reference,
      referencePeriods: refCount,
      halfLife,
      periodsObserved: Math.max(0, T - fromPeriod),
      totalWith,
      totalWithout,
      keptShare: totalWith === 0 ? NaN : totalWithout / totalWith,
    });
  }
  const cohort: StopCohortRow[] = [...after.entries()]
    .sort(([a], [b]) => a - b)
    .map(([period, s]) => {
      const wo = sortedCopy(s.without);
      const wi = sortedCopy(s.with);
      const re = sortedCopy(s.retained);
      return {
        sinceStop: period - fromPeriod + 1,
        period,
        members: s.without.length,
        withoutQ1: quantileSorted(wo, 0.25),
        withoutMedian: quantileSorted(wo, 0.5),
        withoutQ3: quantileSorted(wo, 0.75),
        withQ1: quantileSorted(wi, 0.25),
        withMedian: quantileSorted(wi, 0.5),
        withQ3: quantileSorted(wi, 0.75),
        retainedQ1: quantileSorted(re, 0.25),
        retainedMedian: quantileSorted(re, 0.5),
        retainedQ3: quantileSorted(re, 0.75),
      };
    });
  const sortedLives = [...halfLives].sort((a, b) => a - b);
  return {
    fromPeriod,
    measure: measure as StopReport["measure"],
    currency: base.scenario.currency,
    digits: base.digits,
    definition: `Half-life: the number of periods without effort until her ${measure} income in a period first falls below half her reference — her mean ${measure} income over the ${refN} periods before the stop (period ${fromPeriod}); censored (null) if it does not within the run.`,
    periods: rows,
    members: summaries,
    cohort,
    halfLife: {
      members: halfLives.length,
      reached: halfLives.filter(Number.isFinite).length,
      q1: censoredQuantile(sortedLives, 0.25),
      median: censoredQuantile(sortedLives, 0.5),
      q3: censoredQuantile(sortedLives, 0.75),
    },
  };
}
