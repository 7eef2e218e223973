/**
 * What an engine returns for one period: each component's rounded amounts per
 * member, the totals, and the breakage. Both engines return this shape, so
 * their results compare line by line and feed the same collectors.
 *
 * @module
 */
import type { PeriodNetwork } from "../world/network.js";
import type { CompiledPlan } from "../plan/plan.js";

/** One period's payout under one plan. Money in integer minor units. */
export interface PeriodPayout {
  readonly period: number;
  /** Members 0..size-1 are covered by the arrays. */
  readonly size: number;
  /** The period's current members, ascending (entries 0..memberCount-1): only they can be paid. */
  readonly members: Int32Array;
  readonly memberCount: number;
  /** Component names, in plan order. */
  readonly components: readonly string[];
  /** Per component: who pays it (the company, or the customer for retail profit). */
  readonly paidBy: readonly ("company" | "customer")[];
  /** Per component: the rounded amount paid to each member (0 for none). */
  readonly amounts: readonly Float64Array[];
  /** Per component: total paid, after caps (the exact sum of its amounts). */
  readonly paid: readonly number[];
  /** Per component: what the plan's caps removed this period. */
  readonly capped: readonly number[];
  /**
   * Per component: what its headline rates would pay on the period's volume,
   * rounded once, minus what it paid before caps. `paid + capped + breakage` is
   * the headline to the cent, rounding residue included (so a few cents of
   * breakage can be negative when rounding each payee pays out more than the
   * exact headline).
   */
  readonly breakage: readonly number[];
  /** Personal volume of each member: own CV + personal customers' CV (minor units). */
  readonly pv: Float64Array;
  /** Group volume: PV of the member and her whole downline (minor units). */
  readonly gv: Float64Array;
  /** GV of the member's largest leg (minor units); 0 without legs. */
  readonly largestLeg: Float64Array;
  /** Number of current frontline members (legs). */
  readonly frontline: Int32Array;
  /** Paid-as rank this period: 1-based position in the plan's ladder, 0 for none. */
  readonly rank: Uint8Array;
  /** Title: the highest paid-as rank ever reached, this period included. */
  readonly title: Uint8Array;
  /** 1 where a member is active under the plan's activity rule. */
  readonly active: Uint8Array;
  readonly activeCount: number;
  /** The plan's measures by name: each member's value (counts, or volumes in minor units). */
  readonly measures: ReadonlyMap<string, Float64Array>;
}

/** An engine paying one compiled plan, period after period. */
export interface PlanEngine {
  readonly plan: CompiledPlan;
  readonly kind: "fast" | "reference";
  /** Pays one period. The result's arrays belong to the engine and are valid until the next call. */
  pay(network: PeriodNetwork): PeriodPayout;
}

/** Options shared by the engines. */
export interface EngineOptions {
  /**
   * The run's currency (ISO 4217). A plan compiled for another currency is
   * compiled again for this one (its money fields converted anew, checked
   * against this currency's minor unit). Default: the plan's own.
   */
  readonly currency?: string;
}
