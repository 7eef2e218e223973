/**
 * Member rows: one record per member who ever joined, built from the member
 * columns after the run, and only when asked for.
 *
 * @module
 */
import { ROLES, type Role } from "../world/roles.js";
import type { MemberColumns } from "./member-totals.js";

/** One row per member who ever joined. Money in integer minor units. */
export interface MemberRow {
  readonly member: number;
  /** The enroller, as at joining (-1 for a member at the top). */
  readonly sponsor: number;
  /** The upline now, after roll-ups of quitters. */
  readonly upline: number;
  readonly joinPeriod: number;
  readonly quitPeriod: number | null;
  readonly status: "current" | "quit";
  /** Her role: what she does with her membership (drawn when she joined). */
  readonly role: Role;
  /** A company-held account (a founder), not a participant. */
  readonly company: boolean;
  /** Personal recruits ever. */
  readonly recruits: number;
  /** Customers at the end of the run. */
  readonly customers: number;
  /** Periods in which she met the plan's activity rule. */
  readonly periodsActive: number;
  /** Paid-as rank (its name in the plan's ladder, "" for none) in the last period she was a member. */
  readonly rank: string;
  /** Title: the highest paid-as rank she ever had ("" for none). */
  readonly title: string;
  /** Hours of effort she put in over the run. */
  readonly hours: number;
  /** Commissions and bonuses the company paid her. */
  readonly earnings: number;
  /** Retail profit: the margin her customers paid her (not the company). */
  readonly retailProfit: number;
  /** Everything the plan paid her: earnings + retail profit. */
  readonly gross: number;
  /** Commissions and bonuses by component (retail profit under its own component). */
  readonly earningsByComponent: Readonly<Record<string, number>>;
  /** What she spent on her own orders. */
  readonly purchases: number;
  /** The part of those purchases the business required (not what she would have bought anyway). */
  readonly requiredPurchases: number;
  /** Sign-up fee, starter kit, renewals, monthly business costs. */
  readonly expenses: number;
  /** Net income: gross − expenses − required purchases. */
  readonly net: number;
}

/**
 * Member records from member columns ("compute, then assign": built once,
 * after the run, and only when asked for). On a run of millions of members
 * this costs seconds and about a gigabyte: large runs read the columns.
 *
 * `rankNames` (the plan's ladder, lowest first) names ranks and titles.
 *
 * @example
 * memberRowsOf(result.memberColumns)[0].gross // => total paid to member 0, minor units
 */
export function memberRowsOf(columns: MemberColumns, rankNames: readonly string[] = []): MemberRow[] {
  const rows: MemberRow[] = new Array(columns.size);
  for (let i = 0; i < columns.size; i++) rows[i] = memberRowAt(columns, i, rankNames);
  return rows;
}

/** A rank number's name ("" for none; the number itself past the ladder). */
function rankName(rankNames: readonly string[], r: number): string {
  return r === 0 ? "" : (rankNames[r - 1] ?? String(r));
}

/** Member i's record, built from the member columns (no closure per row: millions of rows may be read). */
function memberRowAt(columns: MemberColumns, i: number, rankNames: readonly string[]): MemberRow {
  const byComponent: Record<string, number> = {};
  let earnings = 0;
  let retailProfit = 0;
  const { components, earnings: earned, paidBy } = columns;
  for (let c = 0; c < components.length; c++) {
    const e = earned[c]![i]!;
    byComponent[components[c]!] = e;
    if (paidBy[c] === "customer") retailProfit += e;
    else earnings += e;
  }
  const gross = earnings + retailProfit;
  const requiredPurchases = columns.requiredPurchases[i]!;
  const expenses = columns.expenses[i]!;
  const alive = columns.alive[i] === 1;
  return {
    member: i,
    sponsor: columns.sponsor[i]!,
    upline: columns.upline[i]!,
    joinPeriod: columns.joinPeriod[i]!,
    quitPeriod: alive ? null : columns.quitPeriod[i]!,
    status: alive ? "current" : "quit",
    role: ROLES[columns.role[i]!]!,
    company: columns.company[i] === 1,
    recruits: columns.recruits[i]!,
    customers: alive ? columns.customers[i]! : 0,
    periodsActive: columns.periodsActive[i]!,
    rank: rankName(rankNames, columns.rank[i]!),
    title: rankName(rankNames, columns.title[i]!),
    hours: columns.hours[i]!,
    earnings,
    retailProfit,
    gross,
    earningsByComponent: byComponent,
    purchases: columns.purchases[i]!,
    requiredPurchases,
    expenses,
    net: gross - expenses - requiredPurchases,
  };
}

/** The array index a property key names, or -1 (a canonical non-negative integer below 2^32 − 1). */
function indexOf(key: string | symbol): number {
  if (typeof key !== "string" || key.length === 0 || key.length > 10) return -1;
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && n < 4294967295 && String(n) === key ? n : -1;
}

/**
 * Member records from member columns, as an array whose rows are built when
 * read and not kept: `rows[i]` builds member i's record from the columns
 * each time it is read, so reading every row of millions of members — a
 * loop, `map`, `filter`, `JSON.stringify` — holds one row at a time rather
 * than all of them (a gigabyte at 3.6M members). It is an array to every
 * reader (`Array.isArray`, `length`, iteration, every array method); the
 * first write to it (`sort`, `push`, assigning a row) turns it into an
 * ordinary array of all the rows, which it then stays. Two reads of a row
 * give equal records, not the same object.
 *
 * @example
 * const rows = lazyMemberRows(result.memberColumns, ["Bronze"]);
 * rows.length === result.memberColumns.size // => true
 */
export function lazyMemberRows(columns: MemberColumns, rankNames: readonly string[] = []): MemberRow[] {
  const size = columns.size;
  const target: MemberRow[] = [];
  let built = false;
  /** Every row, into the target, once: before the first write. */
  const build = () => {
    if (built) return;
    built = true;
    target.length = size;
    for (let i = 0; i < size; i++) target[i] = memberRowAt(columns, i, rankNames);
  };
  return new Proxy(target, {
    get(t, key, receiver) {
      if (!built) {
        if (key === "length") return size;
        const i = indexOf(key);
        if (i >= 0) return i < size ? memberRowAt(columns, i, rankNames) : undefined;
      }
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      if (!built) {
        const i = indexOf(key);
        if (i >= 0) return i < size;
      }
      return Reflect.has(t, key);
    },
    ownKeys(t) {
      if (built) return Reflect.ownKeys(t);
      const keys: (string | symbol)[] = [];
      for (let i = 0; i < size; i++) keys.push(String(i));
      return [...keys, ...Reflect.ownKeys(t)];
    },
    getOwnPropertyDescriptor(t, key) {
      if (!built) {
        if (key === "length") return { value: size, writable: true, enumerable: false, configurable: false };
        const i = indexOf(key);
        if (i >= 0) return i < size ? { value: memberRowAt(columns, i, rankNames), writable: true, enumerable: true, configurable: true } : undefined;
      }
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    set(t, key, value, receiver) {
      build();
      return Reflect.set(t, key, value, receiver);
    },
    defineProperty(t, key, descriptor) {
      build();
      return Reflect.defineProperty(t, key, descriptor);
    },
    deleteProperty(t, key) {
      build();
      return Reflect.deleteProperty(t, key);
    },
  });
}
