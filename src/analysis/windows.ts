/**
 * Windows of a run and what each participant earned, spent and worked in one.
 *
 * A **window** is either calendar periods of the run (`{ from, to }`, a year
 * of it, its last year, the whole run) or a stretch of each member's own
 * membership (`{ firstPeriods: n }`, `"firstYear"`: her first n periods from
 * her join period, for members who joined during the run early enough for
 * those periods to lie in it — later joiners are left out, not cut short).
 * A year is 12 monthly or 52 weekly periods.
 *
 * **Participants** of a window: every member who was a current member in at
 * least one of its periods — those who joined or quit during it included,
 * zero earners included, nobody annualised — except company accounts
 * (founders), which are left out and counted apart
 * (`companyAccountsExcluded`).
 *
 * @module
 */
import { DownlineInputError } from "../validate/errors.js";
import { addMeasure, type MemberMeasure, type MemberPeriods, type MemberPeriodSlice } from "./member-periods.js";
import { packedAt } from "./packed.js";
import type { SimulationResult } from "./result.js";

/**
 * A window of a run (see the module notes):
 * - `"run"`: every period;
 * - `"lastYear"`: the last 12 months (52 weeks), or the whole run if shorter;
 * - `{ year: n }`: the run's year n, 0-based (periods n·P … (n + 1)·P − 1, P = 12 or 52);
 * - `{ from, to }`: periods from … to − 1;
 * - `"firstYear"`, `{ firstPeriods: n }`: each member's first year / n periods from her join.
 */
export type Window = "run" | "lastYear" | "firstYear" | { readonly year: number } | { readonly from: number; readonly to: number } | { readonly firstPeriods: number };

/** A window resolved against a run. */
export interface ResolvedWindow {
  /** `calendar`: the same periods for everyone; `tenure`: each member's own first periods. */
  readonly kind: "calendar" | "tenure";
  /** In words, e.g. "periods 24–35 (the last 12 months)". */
  readonly label: string;
  /** Calendar: the first period and the period after the last; tenure: 0 and the number of periods. */
  readonly from: number;
  readonly to: number;
  /** Periods in the window. */
  readonly periods: number;
  /** The window's length in months (weeks × 12/52). */
  readonly months: number;
  /** False when the run was shorter than the window asked for (`lastYear` of a 6-month run). */
  readonly complete: boolean;
}

/** The plan's rank names, lowest first, from whatever the result carries. */
export function rankNamesOf(result: Pick<SimulationResult, "plan" | "memberPeriods">): readonly string[] {
  if (result.plan.ranks) return result.plan.ranks;
  if (result.memberPeriods) return result.memberPeriods.rankNames;
  const ranks = result.plan.source["ranks"];
  return Array.isArray(ranks) ? ranks.map((r: { name?: unknown }, k) => String(r?.name ?? k + 1)) : [];
}

/** What a window is resolved against: a run's period unit and length (a result, or a scenario's figures before a run). */
export interface RunShape {
  readonly scenario: { readonly period: "month" | "week" };
  readonly periods: { readonly length: number };
}

/** Periods in a year for a run's period length. */
export function periodsPerYear(result: Pick<RunShape, "scenario">): number {
  return result.scenario.period === "week" ? 52 : 12;
}

function bad(path: string, message: string): never {
  throw new DownlineInputError("options", [{ path, message }]);
}

/**
 * Resolves a window against a run (its length and period unit).
 *
 * @example
 * resolveWindow(result, "lastYear") // => { kind: "calendar", from: 24, to: 36, periods: 12, months: 12, complete: true, label: "periods 24–35 (the last 12 months)" } on a 36-month run
 */
export function resolveWindow(result: RunShape, window: Window = "lastYear"): ResolvedWindow {
  const T = result.periods.length;
  const P = periodsPerYear(result);
  const unit = P === 52 ? "weeks" : "months";
  const months = (n: number) => (P === 52 ? (n * 12) / 52 : n);
  const span = (a: number, b: number) => (b - a === 1 ? `period ${a}` : `periods ${a}–${b - 1}`);
  const calendar = (from: number, to: number, what: string, complete = true): ResolvedWindow => ({
    kind: "calendar",
    label: `${span(from, to)} (${what})`,
    from,
    to,
    periods: to - from,
    months: months(to - from),
    complete,
  });
  const tenure = (n: number, what: string): ResolvedWindow => ({ kind: "tenure", label: `each member's first ${n} ${unit} (${what})`, from: 0, to: n, periods: n, months: months(n), complete: n <= T });
  if (window === "run") return calendar(0, T, "the whole run");
  if (window === "lastYear") return T >= P ? calendar(T - P, T, `the last 12 months`) : calendar(0, T, `the whole run, shorter than a year`, false);
  if (window === "firstYear") return tenure(P, "her first year");
  if (typeof window !== "object" || window === null) return bad("window", `expected "run", "lastYear", "firstYear", { year }, { from, to } or { firstPeriods }, got ${JSON.stringify(window)}`);
  if ("year" in window) {
    const y = window.year;
    if (!Number.isInteger(y) || y < 0 || (y + 1) * P > T) bad("window.year", `expected a whole year of the run (0 … ${Math.floor(T / P) - 1}), got ${String(y)}`);
    return calendar(y * P, (y + 1) * P, `year ${y + 1} of the run`);
  }
  if ("firstPeriods" in window) {
    const n = window.firstPeriods;
    if (!Number.isInteger(n) || n < 1 || n > T) bad("window.firstPeriods", `expected a whole number of periods from 1 to the run's ${T}, got ${String(n)}`);
    return tenure(n, `from her join period`);
  }
  const { from, to } = window as { from: number; to: number };
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > T || to <= from) {
    bad("window", `expected whole periods with 0 ≤ from < to ≤ ${T}, got from ${String(from)}, to ${String(to)}`);
  }
  return calendar(from, to, `${months(to - from)} months`);
}

/**
 * What each participant of a window earned, spent and worked there, as
 * columns (position k is participant `members[k]`). Money in minor units.
 */
export interface WindowTotals {
  readonly window: ResolvedWindow;
  readonly digits: number;
  readonly currency: string;
  /** The plan's rank names, lowest first. */
  readonly rankNames: readonly string[];
  /** Participants (company accounts left out), ascending member index. */
  readonly members: Int32Array;
  /** Company accounts (founders) present in the window, left out of every participant figure. */
  readonly companyAccountsExcluded: number;
  /** Commissions and bonuses the company paid. */
  readonly earnings: Float64Array;
  /** What customers paid her (retail profit). */
  readonly retailProfit: Float64Array;
  /** earnings + retailProfit. */
  readonly gross: Float64Array;
  readonly expenses: Float64Array;
  readonly requiredPurchases: Float64Array;
  /** gross − expenses − requiredPurchases. */
  readonly net: Float64Array;
  /** Hours worked, or null when the run did not keep them for this window. */
  readonly hours: Float64Array | null;
  /** Periods of the window she was a member. */
  readonly periodsPresent: Int32Array;
  /** Her title at the end of her window: the highest paid-as rank reached by then (1-based, 0 none). */
  readonly title: Uint8Array;
  /** Role codes (`ROLES[role[k]]`). */
  readonly role: Uint8Array;
  readonly joinPeriod: Int32Array;
}

const MONEY = ["earnings", "retailProfit", "expenses", "requiredPurchases"] as const;

/**
 * The kept slices a window needs (a tenure window: every period of the run),
 * or an error naming the `memberPeriods` option that would keep them.
 */
export function slicesFor(mp: MemberPeriods | undefined, w: ResolvedWindow, T: number): MemberPeriodSlice[] {
  const from = w.kind === "calendar" ? w.from : 0;
  const to = w.kind === "calendar" ? w.to : T;
  const need = `memberPeriods: { from: ${from}, to: ${to} }`;
  if (!mp) bad("memberPeriods", `expected a run with per-member, per-period results for ${w.label}: run with memberPeriods: true (or ${need})`);
  const slices = mp.periods.filter((s) => s.period >= from && s.period < to);
  if (slices.length !== to - from) bad("memberPeriods", `expected the run to have kept periods ${from}–${to - 1} for ${w.label}, it kept ${mp.periods.length === 0 ? "none" : `${mp.periods[0]!.period}–${mp.periods.at(-1)!.period}`}: run with ${need}`);
  return slices;
}

/**
 * Each participant's totals over a window (default: the last year). A
 * calendar window of the whole run reads the member totals every run keeps;
 * any other window reads `result.memberPeriods` (run with `memberPeriods:
 * true`, or with `{ from, to }` covering the window).
 *
 * @example
 * const r = simulate({ scenario: { months: 24 }, memberPeriods: true });
 * const year2 = windowTotals(r, { year: 1 });
 * year2.members.length // participants of months 12–23 (founders left out)
 */
export function windowTotals(result: SimulationResult, window: Window = "lastYear"): WindowTotals {
  const w = resolveWindow(result, window);
  const cols = result.memberColumns;
  const T = result.periods.length;
  const size = cols.size;
  const mp = result.memberPeriods;
  const acc = { earnings: new Float64Array(size), retailProfit: new Float64Array(size), expenses: new Float64Array(size), requiredPurchases: new Float64Array(size) };
  let hours: Float64Array | null = null;
  const present = new Int32Array(size);
  const title = new Uint8Array(size);
  const fromTotals = w.kind === "calendar" && w.from === 0 && w.to === T && (!mp || mp.periods.length !== T);
  if (fromTotals) {
    cols.components.forEach((_, c) => {
      const into = cols.paidBy[c] === "customer" ? acc.retailProfit : acc.earnings;
      const e = cols.earnings[c]!;
      for (let i = 0; i < size; i++) into[i]! += e[i]!;
    });
    acc.expenses.set(cols.expenses);
    acc.requiredPurchases.set(cols.requiredPurchases);
    hours = Float64Array.from(cols.hours);
    for (let i = 0; i < size; i++) {
      const join = Math.max(0, cols.joinPeriod[i]!);
      const quit = cols.alive[i] === 1 ? T : Math.min(T, cols.quitPeriod[i]!);
      present[i] = Math.max(0, quit - join);
      title[i] = cols.title[i]!;
    }
  } else {
    const slices = slicesFor(mp, w, T);
    const kept = mp!.columns;
    const hasHours = kept.includes("hours");
    if (hasHours) hours = new Float64Array(size);
    const titleColumn = kept.includes("title") ? "title" : kept.includes("rank") ? "rank" : null;
    const n = w.periods;
    let scratch = new Float64Array(0);
    for (const slice of slices) {
      const t = slice.period;
      // Tenure windows: position k counts if period t is among member i's first n periods, all inside the run.
      const counts = (i: number) => {
        if (w.kind === "calendar") return true;
        const j = cols.joinPeriod[i]!;
        return j >= 0 && j + n <= T && t < j + n;
      };
      for (const m of MONEY) {
        if (scratch.length < slice.count) scratch = new Float64Array(slice.count);
        else scratch.fill(0, 0, slice.count);
        addMeasure(mp!, slice, m as MemberMeasure, scratch);
        const into = acc[m];
        for (let k = 0; k < slice.count; k++) {
          const i = slice.members[k]!;
          if (counts(i)) into[i]! += scratch[k]!;
        }
      }
      if (hours) {
        scratch.fill(0, 0, slice.count);
        addMeasure(mp!, slice, "hours", scratch);
        for (let k = 0; k < slice.count; k++) if (counts(slice.members[k]!)) hours[slice.members[k]!]! += scratch[k]!;
      }
      const tc = titleColumn ? slice[titleColumn]! : null;
      for (let k = 0; k < slice.count; k++) {
        const i = slice.members[k]!;
        if (!counts(i)) continue;
        present[i]! += 1;
        if (tc) {
          const r = packedAt(tc, k);
          if (r > title[i]!) title[i] = r;
        }
      }
    }
  }
  let companyAccountsExcluded = 0;
  let count = 0;
  for (let i = 0; i < size; i++) {
    if (present[i] === 0) continue;
    if (cols.company[i] === 1) companyAccountsExcluded += 1;
    else count += 1;
  }
  const members = new Int32Array(count);
  for (let i = 0, k = 0; i < size; i++) if (present[i]! > 0 && cols.company[i] !== 1) members[k++] = i;
  const pick = (a: Float64Array) => Float64Array.from(members, (i) => a[i]!);
  const earnings = pick(acc.earnings);
  const retailProfit = pick(acc.retailProfit);
  const expenses = pick(acc.expenses);
  const requiredPurchases = pick(acc.requiredPurchases);
  const gross = Float64Array.from(earnings, (e, k) => e + retailProfit[k]!);
  return {
    window: w,
    digits: result.digits,
    currency: result.scenario.currency,
    rankNames: rankNamesOf(result),
    members,
    companyAccountsExcluded,
    earnings,
    retailProfit,
    gross,
    expenses,
    requiredPurchases,
    net: Float64Array.from(gross, (g, k) => g - expenses[k]! - requiredPurchases[k]!),
    hours: hours ? pick(hours) : null,
    periodsPresent: Int32Array.from(members, (i) => present[i]!),
    title: Uint8Array.from(members, (i) => title[i]!),
    role: Uint8Array.from(members, (i) => cols.role[i]!),
    joinPeriod: Int32Array.from(members, (i) => cols.joinPeriod[i]!),
  };
}
