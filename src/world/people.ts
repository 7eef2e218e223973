/**
 * The scenario's rules about members as people (roles, effort, stopping,
 * expenses, who stays), compiled once into the plain numbers and typed
 * arrays the world's steps read: rates by role code, the fade by tenure
 * month, amounts in minor units, thresholds per period.
 *
 * @module
 */
import { toMinor } from "../money/amount.js";
import { parseDecimal } from "../money/decimal.js";
import { BUILDER, COMPANY_RATES, CONSUMER, ROLES, SELLER } from "./roles.js";
import type { PeopleSpec } from "./scenario-people.js";

/** Stop flag: her own monthly order stops with her effort (`ownOrder: "stop"`). */
export const STOP_OWN_ORDER = 1;
/** Stop flag: she keeps the attrition hazard after the stop (`attrition: "hazard"`). */
export const STOP_KEEPS_HAZARD = 2;
/** The stop period of a member who never stops. */
export const NEVER = 0x7fffffff;

/** A stopping rule decided when a member joins (tenure and cohort rules). */
export interface StopRule {
  readonly kind: "tenure" | "cohort";
  /** Share of the matched members who stop (a keyed draw per member and rule). */
  readonly share: number;
  /** Tenure rules: periods from joining to the stop (the first period of tenure month `atMonth`). */
  readonly afterPeriods: number;
  /** Cohort rules: join periods matched, and the first stopped period. */
  readonly joinedFrom: number;
  readonly joinedTo: number;
  readonly fromPeriod: number;
  /** {@link STOP_OWN_ORDER} | {@link STOP_KEEPS_HAZARD}. */
  readonly flags: number;
  /** The rule's place in `stopping`: the counter of its keyed draw. */
  readonly index: number;
}

/** A listed member's stop: from which period, with which flags. */
export interface ListedStop {
  readonly fromPeriod: number;
  readonly flags: number;
}

/** What the steps read about members as people; see scenario-people.ts for each rule. */
export interface PeopleTables {
  /** A newcomer's role draw u: builder if u < builderBelow, seller if u < sellerBelow, else consumer. */
  readonly builderBelow: number;
  readonly sellerBelow: number;
  /**
   * By role code ({@link ROLES}), then the company accounts' at
   * {@link COMPANY_RATES}: recruits and new customers a month at full effort.
   */
  readonly recruitRate: Float64Array;
  readonly acquisitionRate: Float64Array;
  /** By role code (and the company's): 1 if the role recruits (recruitRate > 0), 1 if it acquires customers. */
  readonly recruits: Uint8Array;
  readonly acquires: Uint8Array;
  /** By role code (and the company's): hours a period at full effort (hours a week × 52/12 in months, × 1 in weeks). */
  readonly hoursPerPeriod: Float64Array;
  /** Effort factor by tenure month; the last entry holds for every later month. */
  readonly fade: Float64Array;
  /** Tenure and cohort stopping rules, in scenario order. */
  readonly stopRules: readonly StopRule[];
  /** Members stopped by index (`members` rules), the earliest rule per member. */
  readonly listedStops: ReadonlyMap<number, ListedStop>;
  /** Expenses in minor units. */
  readonly signUpFee: number;
  readonly starterKit: number;
  readonly annualRenewal: number;
  /** By role code: business costs a month of tenure, minor units. */
  readonly monthlyCosts: Float64Array;
  /** By role code: (1 − wouldBuyAnyway) × `requiredScale`, an integer. */
  readonly requiredUnits: Float64Array;
  readonly requiredScale: number;
  /** Net-income thresholds in minor units per period, ascending, and their multipliers. */
  readonly netThresholds: Float64Array;
  readonly netMultipliers: Float64Array;
  /** Rank thresholds, ascending, and their multipliers. */
  readonly rankThresholds: Int32Array;
  readonly rankMultipliers: Float64Array;
}

/** Compiles the people rules of a validated spec (every amount already checked against the currency). */
export function compilePeople(spec: PeopleSpec, digits: number, monthsPerPeriod: number): PeopleTables {
  const d = spec;
  // The company accounts build like builders, unless start.company says otherwise.
  const company = { ...d.roles.builder, ...Object.fromEntries(Object.entries(d.company ?? {}).filter(([, v]) => v !== undefined)) };
  const byRole = (f: (r: PeopleSpec["roles"]["builder"]) => number) => {
    const out = new Float64Array(ROLES.length + 1);
    out[CONSUMER] = f(d.roles.consumer);
    out[SELLER] = f(d.roles.seller);
    out[BUILDER] = f(d.roles.builder);
    out[COMPANY_RATES] = f(company);
    return out;
  };
  const recruitRate = byRole((r) => r.recruitRate);
  const acquisitionRate = byRole((r) => r.acquisitionRate);
  const weeksPerPeriod = monthsPerPeriod === 1 ? 52 / 12 : 1;
  const minor = (text: string) => {
    const negative = text.startsWith("-");
    const m = toMinor(negative ? text.slice(1) : text, digits)!;
    return negative ? -m : m;
  };
  // wouldBuyAnyway has at most 6 decimals (its schema): 1 − it is exact at 10^6.
  const scale = 1e6;
  const required = (text: string) => {
    const w = parseDecimal(text)!;
    return scale - Number(w.units) * 10 ** (6 - w.places);
  };
  const buy = spec.expenses.requiredPurchases.wouldBuyAnyway;
  const buyByRole = typeof buy === "string" ? { consumer: buy, seller: buy, builder: buy } : buy;
  const requiredUnits = new Float64Array(ROLES.length);
  requiredUnits[CONSUMER] = required(buyByRole.consumer);
  requiredUnits[SELLER] = required(buyByRole.seller);
  requiredUnits[BUILDER] = required(buyByRole.builder);
  const monthlyCosts = new Float64Array(ROLES.length);
  monthlyCosts[CONSUMER] = minor(spec.expenses.monthlyCosts.consumer);
  monthlyCosts[SELLER] = minor(spec.expenses.monthlyCosts.seller);
  monthlyCosts[BUILDER] = minor(spec.expenses.monthlyCosts.builder);

  const flags = (r: { ownOrder: "keep" | "stop"; attrition: "exempt" | "hazard" }) =>
    (r.ownOrder === "stop" ? STOP_OWN_ORDER : 0) | (r.attrition === "hazard" ? STOP_KEEPS_HAZARD : 0);
  const stopRules: StopRule[] = [];
  const listedStops = new Map<number, ListedStop>();
  spec.stopping.forEach((r, index) => {
    if (r.kind === "members") {
      for (const m of r.members) {
        const had = listedStops.get(m);
        if (!had || r.fromPeriod < had.fromPeriod) listedStops.set(m, { fromPeriod: r.fromPeriod, flags: flags(r) });
      }
      return;
    }
    stopRules.push({
      kind: r.kind,
      share: r.share,
      afterPeriods: r.kind === "tenure" ? firstPeriodOfMonth(r.atMonth, monthsPerPeriod) : 0,
      joinedFrom: r.kind === "cohort" ? r.joinedFrom : 0,
      joinedTo: r.kind === "cohort" ? r.joinedTo : 0,
      fromPeriod: r.kind === "cohort" ? r.fromPeriod : 0,
      flags: flags(r),
      index,
    });
  });

  const m = d.attritionMultipliers;
  return {
    builderBelow: d.roles.builder.share,
    sellerBelow: d.roles.builder.share + d.roles.seller.share,
    recruitRate,
    acquisitionRate,
    recruits: Uint8Array.from(recruitRate, (r) => (r > 0 ? 1 : 0)),
    acquires: Uint8Array.from(acquisitionRate, (r) => (r > 0 ? 1 : 0)),
    hoursPerPeriod: byRole((r) => r.hoursPerWeek * weeksPerPeriod),
    fade: fadeTable(d.effortFade),
    stopRules,
    listedStops,
    signUpFee: minor(spec.expenses.signUpFee),
    starterKit: minor(spec.expenses.starterKit),
    annualRenewal: minor(spec.expenses.annualRenewal),
    monthlyCosts,
    requiredUnits,
    requiredScale: scale,
    netThresholds: Float64Array.from(m.byNetIncome, (e) => minor(e.minNet) * monthsPerPeriod),
    netMultipliers: Float64Array.from(m.byNetIncome, (e) => e.multiplier),
    rankThresholds: Int32Array.from(m.byRank, (e) => e.minRank),
    rankMultipliers: Float64Array.from(m.byRank, (e) => e.multiplier),
  };
}

/**
 * The first period of tenure (0-based) that falls in tenure month `month`:
 * `month` in monthly runs; ⌈13 × month / 3⌉ in weekly ones (week w is in
 * month ⌊3w/13⌋).
 *
 * @example
 * firstPeriodOfMonth(12, 12 / 52) // => 52
 */
export function firstPeriodOfMonth(month: number, monthsPerPeriod: number): number {
  return monthsPerPeriod === 1 ? month : Math.ceil((13 * month) / 3);
}

/** Effort factors by tenure month up to the last step's month. */
function fadeTable(steps: readonly { fromMonth: number; factor: number }[]): Float64Array {
  const last = steps[steps.length - 1]!.fromMonth;
  const table = new Float64Array(last + 1);
  let s = 0;
  for (let month = 0; month <= last; month++) {
    while (s + 1 < steps.length && steps[s + 1]!.fromMonth <= month) s += 1;
    table[month] = steps[s]!.factor;
  }
  return table;
}

/**
 * The multiplier of the last threshold `value` reaches (thresholds ascending),
 * or 1 below the first.
 */
export function multiplierAt(thresholds: ArrayLike<number>, multipliers: ArrayLike<number>, value: number): number {
  let m = 1;
  for (let k = 0; k < thresholds.length; k++) {
    if (value >= thresholds[k]!) m = multipliers[k]!;
    else break;
  }
  return m;
}
