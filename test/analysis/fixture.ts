/**
 * Hand-built SimulationResult-shaped fixtures: members who join and quit when
 * told, paid what they are told, so that analysis functions can be checked
 * against arithmetic done by hand.
 */
import type { SimulationResult } from "../../src/analysis/result.js";
import type { MemberColumns } from "../../src/analysis/member-totals.js";
import type { PeriodRow } from "../../src/analysis/period-rows.js";
import { memberRowsOf } from "../../src/analysis/member-rows.js";
import { createLedger } from "../../src/analysis/ledger.js";
import { packColumn, packFlags } from "../../src/analysis/packed.js";
import { MEMBER_PERIOD_COLUMNS, type MemberPeriods, type MemberPeriodSlice } from "../../src/analysis/member-periods.js";
import { ROLES, type Role } from "../../src/world/roles.js";
import type { ScenarioSpec } from "../../src/world/scenario.js";

export interface FixtureMember {
  readonly join: number;
  /** The period she quit in (not a member from then on); absent: still a member at the end. */
  readonly quit?: number;
  readonly company?: boolean;
  readonly role?: Role;
}

/** One member's figures in one period (minor units); anything left out is 0. */
export interface FixtureValues {
  readonly earnings?: number;
  readonly retail?: number;
  readonly expenses?: number;
  readonly required?: number;
  readonly rank?: number;
  readonly hours?: number;
  readonly active?: number;
  readonly gv?: number;
  readonly groupCustomerCv?: number;
  /** Gross income by kind; absent: all of earnings + retail unclassified. Given, the kinds left out are 0. */
  readonly income?: { readonly active?: number; readonly residual?: number; readonly leveraged?: number; readonly unclassified?: number };
}

export interface FixturePeriod {
  /** By member index; members of the period not listed have all 0. */
  readonly values?: Readonly<Record<number, FixtureValues>>;
  /** The period's world figures (revenue, CV, …) and plan totals not derived from members. */
  readonly stats?: Partial<PeriodRow>;
}

export interface Fixture {
  readonly members: readonly FixtureMember[];
  readonly periods: readonly FixturePeriod[];
  readonly ranks?: readonly string[];
  readonly period?: "month" | "week";
  readonly name?: string;
  readonly planName?: string;
  readonly seed?: number;
  /** Keep per-member, per-period results (default true). */
  readonly memberPeriods?: boolean;
}

const COMPONENTS = ["commission", "retail"];
const PAID_BY = ["company", "customer"] as const;

export function fixtureResult(f: Fixture): SimulationResult {
  const n = f.members.length;
  const T = f.periods.length;
  const present = (i: number, t: number) => f.members[i]!.join <= t && (f.members[i]!.quit === undefined || t < f.members[i]!.quit!);
  const totals = { commission: new Float64Array(n), retail: new Float64Array(n), expenses: new Float64Array(n), required: new Float64Array(n), hours: new Float64Array(n) };
  const rank = new Uint8Array(n);
  const title = new Uint8Array(n);
  const periodsActive = new Int32Array(n);
  const slices: MemberPeriodSlice[] = [];
  const rows: PeriodRow[] = [];
  f.periods.forEach((p, t) => {
    const members = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => present(i, t)));
    const col = (get: (v: FixtureValues) => number) => {
      const source = new Float64Array(n);
      for (const i of members) source[i] = get(p.values?.[i] ?? {});
      return source;
    };
    const earnings = col((v) => v.earnings ?? 0);
    const retail = col((v) => v.retail ?? 0);
    const expenses = col((v) => v.expenses ?? 0);
    const required = col((v) => v.required ?? 0);
    const hours = col((v) => v.hours ?? 0);
    const ranks = col((v) => v.rank ?? 0);
    const active = col((v) => v.active ?? 0);
    const titles = new Float64Array(n);
    for (const i of members) {
      title[i] = Math.max(title[i]!, ranks[i]!);
      titles[i] = title[i]!;
      rank[i] = ranks[i]!;
      totals.commission[i]! += earnings[i]!;
      totals.retail[i]! += retail[i]!;
      totals.expenses[i]! += expenses[i]!;
      totals.required[i]! += required[i]!;
      totals.hours[i]! += hours[i]!;
      periodsActive[i]! += active[i]!;
    }
    const count = members.length;
    slices.push({
      period: t,
      count,
      members,
      byComponent: [packColumn(earnings, members, count), packColumn(retail, members, count)],
      expenses: packColumn(expenses, members, count),
      requiredPurchases: packColumn(required, members, count),
      rank: packColumn(ranks, members, count),
      title: packColumn(titles, members, count),
      active: packFlags(active, members, count),
      hours: packColumn(hours, members, count),
      pv: packColumn(new Float64Array(n), members, count),
      gv: packColumn(col((v) => v.gv ?? 0), members, count),
      groupCustomerCv: packColumn(col((v) => v.groupCustomerCv ?? 0), members, count),
      incomeActive: packColumn(col((v) => v.income?.active ?? 0), members, count),
      incomeResidual: packColumn(col((v) => v.income?.residual ?? 0), members, count),
      incomeLeveraged: packColumn(col((v) => v.income?.leveraged ?? 0), members, count),
      incomeUnclassified: packColumn(col((v) => (v.income ? (v.income.unclassified ?? 0) : (v.earnings ?? 0) + (v.retail ?? 0))), members, count),
    });
    const sum = (a: Float64Array) => members.reduce((s, i) => s + a[i]!, 0);
    const s = p.stats ?? {};
    const revenueCustomers = s.revenueCustomers ?? 0;
    const revenueDistributors = s.revenueDistributors ?? 0;
    const revenue = revenueCustomers + revenueDistributors;
    const payout = sum(earnings);
    const cv = s.cv ?? 0;
    rows.push({
      period: t,
      members: count,
      joins: 0,
      quits: 0,
      customers: 0,
      newCustomers: 0,
      oneTimeSales: 0,
      lostCustomers: 0,
      orders: 0,
      revenueCustomers,
      revenueDistributors,
      cv,
      prospectsLeft: 0,
      saturation: 1,
      working: 0,
      hours: sum(hours),
      expenses: sum(expenses),
      requiredPurchases: sum(required),
      active: sum(active),
      revenue,
      payout,
      companyAccountsPaid: members.reduce((s, i) => s + (f.members[i]!.company ? earnings[i]! : 0), 0),
      customerPaid: sum(retail),
      payoutByComponent: { commission: payout, retail: sum(retail) },
      payoutRatio: revenue === 0 ? 0 : payout / revenue,
      payoutShareOfCv: cv === 0 ? 0 : payout / cv,
      breakage: s.breakage ?? 0,
      breakageByComponent: { commission: s.breakage ?? 0, retail: 0 },
      capped: s.capped ?? 0,
      cappedByComponent: { commission: s.capped ?? 0, retail: 0 },
      ...s,
    } as PeriodRow);
  });
  const columns: MemberColumns = {
    size: n,
    components: COMPONENTS,
    paidBy: [...PAID_BY],
    sponsor: Int32Array.from(f.members, (_, i) => i - 1),
    upline: Int32Array.from(f.members, (_, i) => i - 1),
    joinPeriod: Int32Array.from(f.members, (m) => m.join),
    quitPeriod: Int32Array.from(f.members, (m) => m.quit ?? 0),
    alive: Uint8Array.from(f.members, (m) => (m.quit === undefined ? 1 : 0)),
    role: Uint8Array.from(f.members, (m) => ROLES.indexOf(m.role ?? "builder")),
    company: Uint8Array.from(f.members, (m) => (m.company ? 1 : 0)),
    recruits: new Int32Array(n),
    customers: new Int32Array(n),
    periodsActive,
    rank,
    title,
    earnings: [totals.commission, totals.retail],
    purchases: Float64Array.from(totals.required),
    requiredPurchases: totals.required,
    expenses: totals.expenses,
    hours: totals.hours,
  };
  const ranks = f.ranks ?? [];
  const memberPeriods: MemberPeriods = { digits: 2, components: COMPONENTS, paidBy: [...PAID_BY], rankNames: ranks, columns: MEMBER_PERIOD_COLUMNS, periods: slices };
  let memberRows: ReturnType<typeof memberRowsOf> | undefined;
  return {
    seed: f.seed ?? 1,
    scenario: { name: f.name ?? "fixture", currency: "USD", period: f.period ?? "month", months: f.period === "week" ? Math.round((T * 12) / 52) : T } as unknown as ScenarioSpec,
    digits: 2,
    plan: { name: f.planName ?? "Fixture plan", components: COMPONENTS, ranks, source: {} },
    engine: "fast",
    periods: rows,
    memberColumns: columns,
    get members() {
      return (memberRows ??= memberRowsOf(columns, ranks));
    },
    ledger: createLedger(COMPONENTS),
    ...(f.memberPeriods === false ? {} : { memberPeriods }),
    collected: {},
  };
}
