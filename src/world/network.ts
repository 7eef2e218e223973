/**
 * What one period of the world hands to a plan: the network after the period's
 * joins and quits, and the period's volumes. Plain typed arrays indexed by
 * member; members join in index order, so an upline's index is always lower
 * than its downline's, and a reverse loop over indices is a post-order.
 *
 * @module
 */

/** One order placed in a period (kept only when a run records orders). */
export interface OrderRecord {
  /** The distributor credited with the order's volume: the buyer herself, or the customer's distributor. */
  readonly member: number;
  /** The customer's id, or -1 for a distributor's own order. */
  readonly customer: number;
  /** Price paid, in minor units. */
  readonly price: number;
  /** Commissionable value, in minor units. */
  readonly cv: number;
}

/**
 * One period of the network, as a plan sees it. Arrays may be longer than
 * `size`; only indices below `size` are members. The engine must not write to them.
 */
export interface PeriodNetwork {
  /** 0-based period number. */
  readonly period: number;
  /** Members who ever joined, up to the end of this period: indices 0..size-1. */
  readonly size: number;
  /** Current upline (sponsor after roll-up of quitters), or -1 for a member at the top. */
  readonly upline: Int32Array;
  /** 1 while a member is a distributor (has not quit by the end of this period). */
  readonly alive: Uint8Array;
  /**
   * The current members (alive), ascending; entries 0..memberCount-1. Loops visit
   * these rather than everyone who ever joined. A current member's upline is a
   * current member (quitters have been rolled up), and only current members order.
   */
  readonly members: Int32Array;
  readonly memberCount: number;
  /** Period in which each member joined (negative for a generated starting network). */
  readonly joinPeriod: Int32Array;
  /** CV of each member's own orders this period, in minor units. */
  readonly ownCv: Float64Array;
  /** CV of orders by each member's personal customers this period, in minor units. */
  readonly customerCv: Float64Array;
  /** This period's orders, when the run records them (small runs and the reference engine). */
  readonly orders?: readonly OrderRecord[];
}

/**
 * Builds a period network from plain records: a convenience for tests,
 * examples and replayed data. `uplines[i]` must be lower than `i` (or -1), a
 * current member's upline must be current, and only current members may be
 * credited with orders; volumes are summed from the orders.
 *
 * @example
 * const net = networkFromRecords({ uplines: [-1, 0], orders: [{ member: 1, customer: -1, price: 100_00, cv: 100_00 }] });
 * net.ownCv[1] // => 10000
 */
export function networkFromRecords(input: {
  uplines: readonly number[];
  alive?: readonly boolean[];
  joinPeriods?: readonly number[];
  orders: readonly OrderRecord[];
  period?: number;
}): PeriodNetwork {
  const size = input.uplines.length;
  const upline = Int32Array.from(input.uplines);
  const alive = Uint8Array.from(input.uplines, (_, i) => (input.alive?.[i] ?? true ? 1 : 0));
  const members = new Int32Array(size);
  let memberCount = 0;
  for (let i = 0; i < size; i++) {
    const p = upline[i]!;
    if (p >= i || p < -1 || !Number.isInteger(input.uplines[i])) {
      throw new RangeError(`downline/network: uplines[${i}]: expected -1 or an index below ${i}, got ${input.uplines[i]}`);
    }
    if (alive[i] === 1) {
      if (p >= 0 && alive[p] === 0) {
        throw new RangeError(`downline/network: uplines[${i}]: member ${i} is current but her upline ${p} has quit (roll her up first)`);
      }
      members[memberCount++] = i;
    }
  }
  const ownCv = new Float64Array(size);
  const customerCv = new Float64Array(size);
  input.orders.forEach((o, k) => {
    if (!Number.isInteger(o.member) || o.member < 0 || o.member >= size) {
      throw new RangeError(`downline/network: orders[${k}].member: expected a member index below ${size}, got ${o.member}`);
    }
    if (alive[o.member] === 0) {
      throw new RangeError(`downline/network: orders[${k}].member: member ${o.member} has quit and cannot be credited with an order`);
    }
    if (!Number.isSafeInteger(o.cv) || o.cv < 0 || !Number.isSafeInteger(o.price) || o.price < 0) {
      throw new RangeError(`downline/network: orders[${k}]: expected non-negative integer minor units, got price ${o.price}, cv ${o.cv}`);
    }
    if (o.customer < 0) ownCv[o.member]! += o.cv;
    else customerCv[o.member]! += o.cv;
  });
  return {
    period: input.period ?? 0,
    size,
    upline,
    alive,
    members,
    memberCount,
    joinPeriod: Int32Array.from(input.joinPeriods ?? input.uplines.map(() => 0)),
    ownCv,
    customerCv,
    orders: input.orders,
  };
}
