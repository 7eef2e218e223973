/**
 * Per-member, per-period results without the ledger: for each period, its
 * current members (ascending) and, position by position, what each earned,
 * spent and reached. Opt-in (`simulate({ memberPeriods: true })`), because it
 * grows with members × periods.
 *
 * Storage (sized for 1M members × 36 months): per period only that period's
 * current members are kept (an Int32 index each), and each column is packed
 * exactly in the smallest of a zero, a dense narrowed or a sparse encoding
 * (see packed.ts): most members earn nothing in most months, ranks are small
 * integers, expenses fit in 16 bits. `active` is one bit per member. Net and
 * gross are not stored: gross = earnings + retail profit, net = gross −
 * expenses − required purchases, derived when read. Columns nobody asked for
 * are not kept at all.
 *
 * @module
 */
import { fitted } from "../util/grow.js";
import { DownlineInputError } from "../validate/errors.js";
import type { Collector, CollectorSetup } from "./collector.js";
import { incomeSplitter } from "./income-split.js";
import { addPacked, flagAt, packColumn, packedAt, packedBytes, packFlags, type PackedColumn } from "./packed.js";

/**
 * A column the per-member, per-period collector can keep:
 * - `earnings`: commissions and bonuses the company paid her this period;
 * - `retailProfit`: what customers paid her (components paid by the customer);
 * - `expenses`: her sign-up fee, kit, renewal, business costs this period;
 * - `requiredPurchases`: the part of her own orders the business required;
 * - `rank`: paid-as rank (1-based in the plan's ladder, 0 none);
 * - `title`: highest paid-as rank reached since the run began, this period included;
 * - `active`: 1 if active under the plan's activity rule;
 * - `byComponent`: earnings by component (then `earnings` and `retailProfit`
 *   are derived from them rather than kept twice);
 * - `pv`, `gv`: personal and group volume (CV, minor units) as the plan saw them;
 * - `groupCustomerCv`: the CV of end customers' orders in her group (her own
 *   customers' and her whole downline's): with `gv`, what the end-customer
 *   test per participant reads;
 * - `hours`: hours of effort she worked (her role's hours × effort);
 * - `incomeActive`, `incomeResidual`, `incomeLeveraged`, `incomeUnclassified`:
 *   her gross income (company-paid earnings and retail profit) split by kind
 *   (active: one-time, for new effort; residual: recurring, on her own
 *   customers acquired in earlier periods; leveraged: from her downline;
 *   unclassified: components that do not say), exactly: the four sum to
 *   earnings + retail profit, member by member, period by period
 *   (analysis/income-split.ts). Computed only when one of them is asked for.
 */
export type MemberPeriodColumn =
  | "earnings"
  | "retailProfit"
  | "expenses"
  | "requiredPurchases"
  | "rank"
  | "title"
  | "active"
  | "byComponent"
  | "pv"
  | "gv"
  | "groupCustomerCv"
  | "hours"
  | "incomeActive"
  | "incomeResidual"
  | "incomeLeveraged"
  | "incomeUnclassified";

/**
 * The income columns: gross income split by kind (active, residual,
 * leveraged, unclassified), what `incomeDecomposition` reads.
 *
 * @example
 * simulate({ memberPeriods: { columns: [...DEFAULT_MEMBER_PERIOD_COLUMNS, ...INCOME_COLUMNS, "hours"] } })
 */
export const INCOME_COLUMNS = ["incomeActive", "incomeResidual", "incomeLeveraged", "incomeUnclassified"] as const;

/**
 * The columns kept by default: what net income, ranks and activity need.
 *
 * @example
 * // The defaults and hours (for disclosures that show hours):
 * simulate({ memberPeriods: { columns: [...DEFAULT_MEMBER_PERIOD_COLUMNS, "hours"] } })
 */
export const DEFAULT_MEMBER_PERIOD_COLUMNS: readonly MemberPeriodColumn[] = Object.freeze([
  "earnings",
  "retailProfit",
  "expenses",
  "requiredPurchases",
  "rank",
  "title",
  "active",
]);

/**
 * Every column the collector can keep, in a fixed order: the defaults first.
 *
 * @example
 * simulate({ scenario: { months: 12 }, memberPeriods: { columns: MEMBER_PERIOD_COLUMNS } }).memberPeriods.columns.length // => 16
 */
export const MEMBER_PERIOD_COLUMNS: readonly MemberPeriodColumn[] = Object.freeze([
  ...DEFAULT_MEMBER_PERIOD_COLUMNS,
  "byComponent",
  "pv",
  "gv",
  "groupCustomerCv",
  "hours",
  ...INCOME_COLUMNS,
]);

/** Options of the per-member, per-period collector (`memberPeriods` of `simulate`). */
export interface MemberPeriodsOptions {
  /** The columns to keep (default {@link DEFAULT_MEMBER_PERIOD_COLUMNS}). */
  readonly columns?: readonly MemberPeriodColumn[];
  /** First period kept (default 0). */
  readonly from?: number;
  /** Periods before this one are kept (default: all). A window keeps memory to what an analysis reads. */
  readonly to?: number;
}

/** One period's per-member results: position k is member `members[k]`. Money in minor units. */
export interface MemberPeriodSlice {
  readonly period: number;
  /** Current members this period. */
  readonly count: number;
  /** The period's current members, ascending. */
  readonly members: Int32Array;
  readonly earnings?: PackedColumn;
  readonly retailProfit?: PackedColumn;
  readonly expenses?: PackedColumn;
  readonly requiredPurchases?: PackedColumn;
  readonly rank?: PackedColumn;
  readonly title?: PackedColumn;
  /** Activity, one bit per position (see `flagAt`). */
  readonly active?: Uint8Array;
  /** Per component (plan order). */
  readonly byComponent?: readonly PackedColumn[];
  readonly pv?: PackedColumn;
  readonly gv?: PackedColumn;
  readonly groupCustomerCv?: PackedColumn;
  readonly hours?: PackedColumn;
  /** Gross income by kind (see {@link MemberPeriodColumn}). */
  readonly incomeActive?: PackedColumn;
  readonly incomeResidual?: PackedColumn;
  readonly incomeLeveraged?: PackedColumn;
  readonly incomeUnclassified?: PackedColumn;
}

/** Per-member, per-period results of one plan's run: `result.memberPeriods`. */
export interface MemberPeriods {
  /** Minor-unit digits of the currency. */
  readonly digits: number;
  /** The plan's components, in plan order, and who pays each. */
  readonly components: readonly string[];
  readonly paidBy: readonly ("company" | "customer")[];
  /** The plan's rank names, lowest first: rank r (1-based) is `rankNames[r - 1]`. */
  readonly rankNames: readonly string[];
  /** The columns kept. */
  readonly columns: readonly MemberPeriodColumn[];
  /** The kept periods, in period order. */
  readonly periods: readonly MemberPeriodSlice[];
}

/**
 * What can be read of a member in a period: a kept column, or `gross`
 * (earnings + retail profit) and `net` (gross − expenses − required
 * purchases), derived.
 */
export type MemberMeasure =
  | "earnings"
  | "retailProfit"
  | "gross"
  | "expenses"
  | "requiredPurchases"
  | "net"
  | "hours"
  | "rank"
  | "title"
  | "active"
  | "pv"
  | "gv"
  | "groupCustomerCv"
  | "incomeActive"
  | "incomeResidual"
  | "incomeLeveraged"
  | "incomeUnclassified";

/** The collector's options checked, defaults filled in. */
export interface ResolvedMemberPeriodsOptions {
  readonly columns: readonly MemberPeriodColumn[];
  readonly from: number;
  readonly to: number;
}

/** Checks the `memberPeriods` option (`true` means the defaults); a {@link DownlineInputError} names a bad field. */
export function resolveMemberPeriodsOptions(option: true | MemberPeriodsOptions): ResolvedMemberPeriodsOptions {
  const o: MemberPeriodsOptions = option === true ? {} : option;
  const issues: { path: string; message: string }[] = [];
  if (typeof o !== "object" || o === null) {
    throw new DownlineInputError("options", [{ path: "memberPeriods", message: `expected true or { columns, from, to }, got ${String(option)}` }]);
  }
  const columns = o.columns ?? DEFAULT_MEMBER_PERIOD_COLUMNS;
  if (!Array.isArray(columns)) issues.push({ path: "memberPeriods.columns", message: "expected an array of column names" });
  else {
    columns.forEach((c, k) => {
      if (!MEMBER_PERIOD_COLUMNS.includes(c)) {
        issues.push({ path: `memberPeriods.columns[${k}]`, message: `expected one of ${MEMBER_PERIOD_COLUMNS.map((n) => JSON.stringify(n)).join(", ")}, got ${JSON.stringify(c)}` });
      }
    });
  }
  const whole = (v: unknown, path: string) => {
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) issues.push({ path, message: `expected a whole period ≥ 0, got ${String(v)}` });
  };
  whole(o.from, "memberPeriods.from");
  whole(o.to, "memberPeriods.to");
  if (issues.length > 0) throw new DownlineInputError("options", issues);
  const from = o.from ?? 0;
  const to = o.to ?? Number.MAX_SAFE_INTEGER;
  if (to < from) throw new DownlineInputError("options", [{ path: "memberPeriods.to", message: `expected a period ≥ from (${from}), got ${to}` }]);
  // A fixed order, duplicates dropped: the result does not depend on how the list was written.
  return { columns: MEMBER_PERIOD_COLUMNS.filter((c) => (columns as readonly string[]).includes(c)), from, to };
}

/**
 * The per-member, per-period collector (built in: `simulate({ memberPeriods:
 * true | { columns, from, to } })` puts its result in `result.memberPeriods`).
 *
 * @example
 * const r = simulate({ scenario: { months: 12 }, memberPeriods: true });
 * r.memberPeriods.periods.length // => 12
 * memberSeries(r.memberPeriods, 0, "gross").values.length // => 12: member 0's gross income month by month
 */
export function memberPeriodsCollector(setup: CollectorSetup, options: ResolvedMemberPeriodsOptions): Collector<MemberPeriods> {
  const { world } = setup;
  const paidBy = setup.plan.components.map((c) => c.paidBy);
  const keep = new Set(options.columns);
  const splitComponents = keep.has("byComponent");
  const splitter = INCOME_COLUMNS.some((c) => keep.has(c)) ? incomeSplitter(setup.plan) : undefined;
  const periods: MemberPeriodSlice[] = [];
  let earned = new Float64Array(0);
  let retail = new Float64Array(0);
  let group = new Float64Array(0);
  return {
    period({ period, network, payout }) {
      if (period < options.from || period >= options.to) return;
      const { memberCount: count, size } = payout;
      const members = payout.members.slice(0, count);
      const slice: { -readonly [K in keyof MemberPeriodSlice]: MemberPeriodSlice[K] } = { period, count, members };
      if (splitComponents) slice.byComponent = payout.amounts.map((a) => packColumn(a, members, count));
      else if (keep.has("earnings") || keep.has("retailProfit")) {
        earned = fitted(earned, size);
        retail = fitted(retail, size);
        for (let k = 0; k < count; k++) {
          const i = members[k]!;
          let e = 0;
          let r = 0;
          for (let c = 0; c < paidBy.length; c++) {
            const a = payout.amounts[c]![i]!;
            if (paidBy[c] === "customer") r += a;
            else e += a;
          }
          earned[i] = e;
          retail[i] = r;
        }
        if (keep.has("earnings")) slice.earnings = packColumn(earned, members, count);
        if (keep.has("retailProfit")) slice.retailProfit = packColumn(retail, members, count);
      }
      // Read through `world` now: its arrays are replaced as it grows.
      if (keep.has("expenses")) slice.expenses = packColumn(world.expenses, members, count);
      if (keep.has("requiredPurchases")) slice.requiredPurchases = packColumn(world.requiredPurchases, members, count);
      if (keep.has("hours")) slice.hours = packColumn(world.hours, members, count);
      if (keep.has("rank")) slice.rank = packColumn(payout.rank, members, count);
      if (keep.has("title")) slice.title = packColumn(payout.title, members, count);
      if (keep.has("active")) slice.active = packFlags(payout.active, members, count);
      if (keep.has("pv")) slice.pv = packColumn(payout.pv, members, count);
      if (keep.has("gv")) slice.gv = packColumn(payout.gv, members, count);
      if (keep.has("groupCustomerCv")) {
        // End customers' CV rolled up the current upline tree: a reverse loop over
        // ascending member indices is a post-order (an upline's index is lower).
        group = fitted(group, size);
        group.fill(0, 0, size);
        for (let k = 0; k < count; k++) group[members[k]!] = network.customerCv[members[k]!]!;
        for (let k = count - 1; k >= 0; k--) {
          const i = members[k]!;
          const u = network.upline[i]!;
          if (u >= 0) group[u]! += group[i]!;
        }
        slice.groupCustomerCv = packColumn(group, members, count);
      }
      if (splitter) {
        const income = splitter.split(network, payout);
        if (keep.has("incomeActive")) slice.incomeActive = packColumn(income.active, members, count);
        if (keep.has("incomeResidual")) slice.incomeResidual = packColumn(income.residual, members, count);
        if (keep.has("incomeLeveraged")) slice.incomeLeveraged = packColumn(income.leveraged, members, count);
        if (keep.has("incomeUnclassified")) slice.incomeUnclassified = packColumn(income.unclassified, members, count);
      }
      periods.push(slice);
    },
    result: () => ({
      digits: setup.digits,
      components: setup.components,
      paidBy,
      rankNames: setup.plan.ranks.map((r) => r.name),
      columns: options.columns,
      periods,
    }),
  };
}

function missing(measure: string, needs: string): never {
  throw new DownlineInputError("options", [
    { path: "memberPeriods.columns", message: `expected the column ${JSON.stringify(needs)} to read ${JSON.stringify(measure)}; run with memberPeriods: { columns: [..., ${JSON.stringify(needs)}] }` },
  ]);
}

/** Adds `sign` × the company-paid (or customer-paid) components of a slice split by component. */
function addComponents(mp: MemberPeriods, slice: MemberPeriodSlice, payer: "company" | "customer", out: Float64Array, sign: number): void {
  slice.byComponent!.forEach((col, c) => {
    if (mp.paidBy[c] === payer) addPacked(col, out, sign);
  });
}

function addColumn(mp: MemberPeriods, slice: MemberPeriodSlice, name: "earnings" | "retailProfit" | "expenses" | "requiredPurchases", out: Float64Array, sign: number, measure: string): void {
  const col = slice[name];
  if (col) return addPacked(col, out, sign);
  if ((name === "earnings" || name === "retailProfit") && slice.byComponent) return addComponents(mp, slice, name === "earnings" ? "company" : "customer", out, sign);
  missing(measure, name);
}

/**
 * Adds `sign` × a measure of one period to `out` (position-indexed: `out[k]`
 * is the slice's k-th member). The building block of window totals: no
 * allocation.
 */
export function addMeasure(mp: MemberPeriods, slice: MemberPeriodSlice, measure: MemberMeasure, out: Float64Array, sign = 1): void {
  switch (measure) {
    case "earnings":
    case "retailProfit":
    case "expenses":
    case "requiredPurchases":
      return addColumn(mp, slice, measure, out, sign, measure);
    case "gross":
      addColumn(mp, slice, "earnings", out, sign, measure);
      return addColumn(mp, slice, "retailProfit", out, sign, measure);
    case "net":
      addColumn(mp, slice, "earnings", out, sign, measure);
      addColumn(mp, slice, "retailProfit", out, sign, measure);
      addColumn(mp, slice, "expenses", out, -sign, measure);
      return addColumn(mp, slice, "requiredPurchases", out, -sign, measure);
    case "active": {
      if (!slice.active) missing(measure, "active");
      for (let k = 0; k < slice.count; k++) out[k]! += sign * flagAt(slice.active, k);
      return;
    }
    default: {
      const col = slice[measure];
      if (!col) missing(measure, measure);
      return addPacked(col, out, sign);
    }
  }
}

/**
 * A measure of one period, one value per position (the slice's members, ascending).
 *
 * @example
 * const mp = simulate({ scenario: { months: 12 }, memberPeriods: true }).memberPeriods;
 * const last = mp.periods.at(-1);
 * sliceValues(mp, last, "net") // => Float64Array(last.count): each current member's net income that month; last.members[k] is who
 */
export function sliceValues(mp: MemberPeriods, slice: MemberPeriodSlice, measure: MemberMeasure): Float64Array {
  const out = new Float64Array(slice.count);
  addMeasure(mp, slice, measure, out);
  return out;
}

/** Position of `member` in a slice's member list, or -1 if she was not a current member that period. */
export function positionOf(slice: MemberPeriodSlice, member: number): number {
  const m = slice.members;
  let lo = 0;
  let hi = slice.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = m[mid]!;
    if (v === member) return mid;
    if (v < member) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** One measure of one member at a position of a slice. */
function valueAt(mp: MemberPeriods, slice: MemberPeriodSlice, k: number, measure: MemberMeasure): number {
  const col = (name: "earnings" | "retailProfit" | "expenses" | "requiredPurchases"): number => {
    const c = slice[name];
    if (c) return packedAt(c, k);
    if ((name === "earnings" || name === "retailProfit") && slice.byComponent) {
      const payer = name === "earnings" ? "company" : "customer";
      let s = 0;
      slice.byComponent.forEach((bc, j) => {
        if (mp.paidBy[j] === payer) s += packedAt(bc, k);
      });
      return s;
    }
    return missing(measure, name);
  };
  switch (measure) {
    case "earnings":
    case "retailProfit":
    case "expenses":
    case "requiredPurchases":
      return col(measure);
    case "gross":
      return col("earnings") + col("retailProfit");
    case "net":
      return col("earnings") + col("retailProfit") - col("expenses") - col("requiredPurchases");
    case "active":
      return slice.active ? flagAt(slice.active, k) : missing(measure, "active");
    default: {
      const c = slice[measure];
      return c ? packedAt(c, k) : missing(measure, measure);
    }
  }
}

/** One member's measure over the kept periods. */
export interface MemberSeries {
  readonly member: number;
  readonly measure: MemberMeasure;
  /** The kept periods, in order. */
  readonly periods: readonly number[];
  /** Her value each period (0 where she was not a member). */
  readonly values: Float64Array;
  /** 1 where she was a current member that period. */
  readonly present: Uint8Array;
}

/**
 * One member's measure, period by period (a binary search per period).
 *
 * @example
 * const r = simulate({ scenario: { months: 12 }, memberPeriods: true });
 * memberSeries(r.memberPeriods, 5, "net").values // => Float64Array(12): her net income each month, minor units
 */
export function memberSeries(mp: MemberPeriods, member: number, measure: MemberMeasure): MemberSeries {
  const values = new Float64Array(mp.periods.length);
  const present = new Uint8Array(mp.periods.length);
  mp.periods.forEach((slice, t) => {
    const k = positionOf(slice, member);
    if (k < 0) return;
    present[t] = 1;
    values[t] = valueAt(mp, slice, k, measure);
  });
  return { member, measure, periods: mp.periods.map((s) => s.period), values, present };
}

/** One member in one period, as a plain record. Money in minor units. */
export interface MemberPeriodRow {
  readonly period: number;
  readonly member: number;
  readonly earnings: number | null;
  readonly retailProfit: number | null;
  readonly gross: number | null;
  readonly expenses: number | null;
  readonly requiredPurchases: number | null;
  readonly net: number | null;
  /** Rank and title names ("" for none); null when not kept. */
  readonly rank: string | null;
  readonly title: string | null;
  readonly active: boolean | null;
  readonly hours: number | null;
  readonly pv: number | null;
  readonly gv: number | null;
  readonly groupCustomerCv: number | null;
  /** Gross income by kind, when kept (they sum to `gross`). */
  readonly incomeActive: number | null;
  readonly incomeResidual: number | null;
  readonly incomeLeveraged: number | null;
  readonly incomeUnclassified: number | null;
  /** Earnings by component, when kept. */
  readonly byComponent: Readonly<Record<string, number>> | null;
}

/**
 * Per-member, per-period results as tidy records (one per member per kept
 * period; columns not kept are null), for notebooks and small runs: on a
 * large run, select members or periods.
 *
 * @example
 * memberPeriodRows(result.memberPeriods, { members: [7] }) // => [{ period: 0, member: 7, earnings: 0, ..., net: -13500, rank: "", ... }, ...]
 */
export function memberPeriodRows(mp: MemberPeriods, select: { readonly members?: readonly number[]; readonly from?: number; readonly to?: number } = {}): MemberPeriodRow[] {
  const rows: MemberPeriodRow[] = [];
  const from = select.from ?? 0;
  const to = select.to ?? Number.MAX_SAFE_INTEGER;
  const wanted = select.members ? [...new Set(select.members)].sort((a, b) => a - b) : undefined;
  const has = (c: MemberPeriodColumn) => mp.columns.includes(c);
  const money = has("earnings") || has("byComponent");
  const retail = has("retailProfit") || has("byComponent");
  const netKnown = money && retail && has("expenses") && has("requiredPurchases");
  const name = (r: number) => (r === 0 ? "" : (mp.rankNames[r - 1] ?? String(r)));
  for (const slice of mp.periods) {
    if (slice.period < from || slice.period >= to) continue;
    const positions = wanted ? wanted.map((m) => positionOf(slice, m)).filter((k) => k >= 0) : Array.from({ length: slice.count }, (_, k) => k);
    for (const k of positions) {
      const v = (m: MemberMeasure) => valueAt(mp, slice, k, m);
      rows.push({
        period: slice.period,
        member: slice.members[k]!,
        earnings: money ? v("earnings") : null,
        retailProfit: retail ? v("retailProfit") : null,
        gross: money && retail ? v("gross") : null,
        expenses: has("expenses") ? v("expenses") : null,
        requiredPurchases: has("requiredPurchases") ? v("requiredPurchases") : null,
        net: netKnown ? v("net") : null,
        rank: has("rank") ? name(v("rank")) : null,
        title: has("title") ? name(v("title")) : null,
        active: has("active") ? v("active") === 1 : null,
        hours: has("hours") ? v("hours") : null,
        pv: has("pv") ? v("pv") : null,
        gv: has("gv") ? v("gv") : null,
        groupCustomerCv: has("groupCustomerCv") ? v("groupCustomerCv") : null,
        incomeActive: has("incomeActive") ? v("incomeActive") : null,
        incomeResidual: has("incomeResidual") ? v("incomeResidual") : null,
        incomeLeveraged: has("incomeLeveraged") ? v("incomeLeveraged") : null,
        incomeUnclassified: has("incomeUnclassified") ? v("incomeUnclassified") : null,
        byComponent: slice.byComponent ? Object.fromEntries(mp.components.map((c, j) => [c, packedAt(slice.byComponent![j]!, k)])) : null,
      });
    }
  }
  return rows;
}

/** Bytes held by the per-member, per-period results (member lists and columns; object overhead excluded). */
export function memberPeriodsBytes(mp: MemberPeriods): number {
  let bytes = 0;
  for (const s of mp.periods) {
    bytes += s.members.byteLength + (s.active?.byteLength ?? 0);
    for (const col of [s.earnings, s.retailProfit, s.expenses, s.requiredPurchases, s.rank, s.title, s.pv, s.gv, s.groupCustomerCv, s.hours, s.incomeActive, s.incomeResidual, s.incomeLeveraged, s.incomeUnclassified]) {
      if (col) bytes += packedBytes(col);
    }
    for (const col of s.byComponent ?? []) bytes += packedBytes(col);
  }
  return bytes;
}
