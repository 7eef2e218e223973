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
  readonly earnings: number;
  readonly earningsByComponent: Readonly<Record<string, number>>;
  /** What she spent on her own orders. */
  readonly purchases: number;
  /** Earnings minus purchases. */
  readonly net: number;
}

/**
 * Member records from member columns ("compute, then assign": built once,
 * after the run, and only when asked for). On a run of millions of members
 * this costs seconds and about a gigabyte: large runs read the columns.
 *
 * @example
 * memberRowsOf(result.memberColumns)[0].earnings // => total earned by member 0, minor units
 */
export function memberRowsOf(columns: MemberColumns): MemberRow[] {
  const rows: MemberRow[] = new Array(columns.size);
  for (let i = 0; i < columns.size; i++) {
    const byComponent: Record<string, number> = {};
    let earnings = 0;
    columns.components.forEach((name, c) => {
      const e = columns.earnings[c]![i]!;
      byComponent[name] = e;
      earnings += e;
    });
    const purchases = columns.purchases[i]!;
    const alive = columns.alive[i] === 1;
    rows[i] = {
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
      earnings,
      earningsByComponent: byComponent,
      purchases,
      net: earnings - purchases,
    };
  }
  return rows;
}
