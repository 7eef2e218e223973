/**
 * A business's history as data: its members, customers and orders, each
 * with dense indices and periods, in typed-array columns. Importers build it
 * (from CSV or JSON Lines, see import.ts), a simulated run can be written as
 * one (analysis/history-collector.ts), and `replay` pays it.
 *
 * Indices are dense and in join order: members in order of their join date
 * (then their line in the file; a member listed before a sponsor or
 * placement parent who joined the same day comes right after her), so a
 * sponsor's index is always lower than her recruit's, as in a simulated
 * world. Customers likewise, in order of their acquisition date, then line.
 * External ids are kept, and map back both ways.
 *
 * @module
 */
import type { HistoryCalendar } from "./calendar.js";
import { findId, idText, type IdTable } from "./id-table.js";

/** A period that never comes: a member who has not quit, a customer who has not churned. */
export const NEVER = 0x7fffffff;

/** External ids by dense index, and back. */
export interface ExternalIds {
  /** Ids held: dense indices 0..count-1. */
  readonly count: number;
  /** The external id of dense index i. */
  text(i: number): string;
  /** The dense index of an external id, or -1. */
  indexOf(text: string): number;
}

/** External ids from an interned table and the table-number → dense-index map. */
export function externalIds(table: IdTable, denseOf: Int32Array, kOfDense: Int32Array, count: number): ExternalIds {
  const ids: ExternalIds & { storage: unknown } = {
    count,
    // Not in the interface: where the ids are held (memory accounting reads it).
    storage: { table, denseOf, kOfDense },
    text: (i) => {
      if (!(i >= 0 && i < count)) throw new RangeError(`downline/history: no id at index ${i} (0..${count - 1})`);
      return idText(table, kOfDense[i]!);
    },
    indexOf: (text) => {
      const k = findId(table, text);
      if (k < 0) return -1;
      const i = denseOf[k]!;
      return i >= 0 && i < count ? i : -1;
    },
  };
  return ids;
}

/** External ids given as an array (small histories, ones written by a run). */
export function externalIdsOf(ids: readonly string[]): ExternalIds {
  let index: Map<string, number> | undefined;
  return {
    count: ids.length,
    text: (i) => {
      const t = ids[i];
      if (t === undefined) throw new RangeError(`downline/history: no id at index ${i} (0..${ids.length - 1})`);
      return t;
    },
    indexOf: (text) => (index ??= new Map(ids.map((t, i) => [t, i]))).get(text) ?? -1,
  };
}

/** Values of a categorical column (package, role): a code per member, -1 for none. */
export interface HistoryCategory {
  /** The distinct values, in order of first appearance. */
  readonly values: readonly string[];
  /** Per member: an index into `values`, or -1 where the file left it empty. */
  readonly code: Int32Array;
}

/** The members of a history, by dense index (join order). */
export interface HistoryMembers {
  readonly count: number;
  readonly ids: ExternalIds;
  /** The enroller's index (lower than hers), or -1 for a member at the top. */
  readonly sponsor: Int32Array;
  /** The period she joined (negative: before the history's first period). */
  readonly joinPeriod: Int32Array;
  /**
   * The first period she is no longer a member: the period after the one
   * holding her quit date (she is a member in the period she quits, and may
   * order until her quit date); {@link NEVER} if she has not quit.
   */
  readonly quitPeriod: Int32Array;
  /** The placement tree, when the members file has placement columns. */
  readonly placement?: {
    /** Positions under a parent: 2 for binary. */
    readonly width: number;
    /** The placement parent's index (lower than hers), or -1 at the top. */
    readonly parent: Int32Array;
    /** Her slot under the parent: 0 … width − 1 (binary: 0 left, 1 right). */
    readonly slot: Uint8Array;
  };
  /** The `package` column (enrolment package), when present. */
  readonly package?: HistoryCategory;
  /** The `role` column, when present. */
  readonly role?: HistoryCategory;
}

/** The customers of a history, by dense index (acquisition order). */
export interface HistoryCustomers {
  readonly count: number;
  readonly ids: ExternalIds;
  /** The distributor who acquired her. */
  readonly distributor: Int32Array;
  /** The period she was acquired (negative: before the first period). */
  readonly joinPeriod: Int32Array;
  /** The first period she is gone (the period after her churn date), or {@link NEVER}. */
  readonly churnPeriod: Int32Array;
}

/**
 * The orders of a history, grouped by period: period t's orders are entries
 * `periodStart[t] … periodStart[t+1] − 1`, in the order of the file within a
 * period. Money in integer minor units.
 */
export interface HistoryOrders {
  readonly count: number;
  /** `periods + 1` offsets. */
  readonly periodStart: Int32Array;
  /**
   * The member credited with each order: the buyer for her own order; for a
   * customer's, the `member` given in the file, else the customer's
   * distributor, or her nearest upline who is still a member when the
   * distributor has quit (as a simulated world moves orphaned customers up).
   */
  readonly member: Int32Array;
  /** The customer's index, or -1 for a member's own order. */
  readonly customer: Int32Array;
  readonly price: Float64Array;
  /** Commissionable volume, minor units. */
  readonly cv: Float64Array;
  /** Qualifying volume, minor units, when the file has a `qv` column (read, not yet used by plans). */
  readonly qv?: Float64Array;
  /** 1 for a recurring (subscription, autoship) order. */
  readonly recurring: Uint8Array;
}

/** What one file gave: rows read, used, and the rows set aside, by reason. */
export interface HistoryFileSummary {
  readonly file: string;
  readonly rowsRead: number;
  readonly rowsUsed: number;
  /** Rows set aside, by reason (`"before the first period"`, `"after the last period"`). */
  readonly setAside: Readonly<Record<string, number>>;
}

/**
 * A business's history: members, customers and orders with dense indices,
 * periods counted from the calendar's period 0, and money in integer minor
 * units of `currency`.
 */
export interface History {
  readonly calendar: HistoryCalendar;
  /** Periods held: 0 … periods − 1. */
  readonly periods: number;
  readonly currency: string;
  /** Minor-unit digits of the currency. */
  readonly digits: number;
  readonly members: HistoryMembers;
  readonly customers: HistoryCustomers;
  readonly orders: HistoryOrders;
  /** What each file gave, in reading order. */
  readonly files: readonly HistoryFileSummary[];
}
