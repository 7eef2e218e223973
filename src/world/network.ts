/**
 * What one period of the world hands to a plan: the network after the period's
 * joins and quits, and the period's volumes. Plain typed arrays indexed by
 * member; members join in index order, so an upline's index is always lower
 * than its downline's, and a reverse loop over indices is a post-order.
 *
 * @module
 */
import { grown } from "../util/grow.js";

/** One order placed in a period (as records: small runs, tests, replayed data). */
export interface OrderRecord {
  /** The distributor credited with the order's volume: the buyer herself, or the customer's distributor. */
  readonly member: number;
  /** The customer's id, or -1 for a distributor's own order. */
  readonly customer: number;
  /** Price paid, in minor units. */
  readonly price: number;
  /** Commissionable value (CV, BV): what commissions are paid on, in minor units. */
  readonly cv: number;
  /**
   * Qualifying value (QV, PV): what activity and ranks test, in minor units.
   * Optional: an order without one qualifies with its CV.
   */
  readonly qv?: number;
  /**
   * The enrolment package this order pays the fee of (its name), or absent
   * for an ordinary order. A package fee is an own order with its own volume.
   */
  readonly package?: string;
  /**
   * The period the customer placed her first order (was acquired); for an own
   * order, the distributor's join period. Optional in input: a customer's order
   * then counts as a new customer's (the order's period), an own order as
   * placed by a distributor who joined when `joinPeriods` says (see
   * {@link orderJoinOf}). Records the world keeps always carry it.
   */
  readonly customerJoin?: number;
}

/**
 * The period's orders as columns: entries 0..orderCount-1, arrays possibly
 * longer. The world reuses them from period to period (grown geometrically),
 * so a month of millions of orders allocates nothing per order.
 */
export interface OrderColumns {
  readonly orderCount: number;
  /** The distributor credited with each order (as {@link OrderRecord.member}). */
  readonly orderMember: Int32Array;
  /** The customer's id, or -1 for a distributor's own order. */
  readonly orderCustomer: Int32Array;
  /** The period the customer was acquired (her first order); for own orders, the distributor's join period. */
  readonly orderCustomerJoin: Int32Array;
  /** Price paid, minor units. */
  readonly orderPrice: Float64Array;
  /** Commissionable value, minor units. */
  readonly orderCv: Float64Array;
  /** Qualifying value, minor units; absent: each order qualifies with its CV. */
  readonly orderQv?: Float64Array;
  /** The package number (1-based, in `packageNames`) an order pays the fee of; 0 for an ordinary order. Absent: none. */
  readonly orderPackage?: Uint8Array;
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
  /** QV of each member's own orders this period; absent: equal to `ownCv` (QV = CV). */
  readonly ownQv?: Float64Array;
  /** QV of orders by each member's personal customers; absent: equal to `customerCv`. */
  readonly customerQv?: Float64Array;
  /**
   * Each member's enrolment package: its 1-based number in `packageNames`, 0
   * for none. Absent: no member holds a package. The world draws it when she
   * joins; replayed data gives it.
   */
  readonly package?: Uint8Array;
  /** The names of the packages `package` numbers (number k is `packageNames[k - 1]`). */
  readonly packageNames?: readonly string[];
  /** This period's orders as records, when the run records them (small runs and the reference engine). */
  readonly orders?: readonly OrderRecord[];
  /*
   * The period's orders as columns ({@link OrderColumns}), in the same order as
   * `orders` when both are present. The world and networkFromRecords always fill
   * them; they are optional in the type only so that a network assembled by hand
   * from volumes alone is still a PeriodNetwork. Read them through orderColumns().
   */
  /** Number of orders this period (entries 0..orderCount-1 of the order columns). */
  readonly orderCount?: number;
  /** The distributor credited with each order. */
  readonly orderMember?: Int32Array;
  /** Each order's customer id, or -1 for a distributor's own order. */
  readonly orderCustomer?: Int32Array;
  /** The period each order's customer was acquired (her first order); own orders: the distributor's join period. */
  readonly orderCustomerJoin?: Int32Array;
  /** Each order's price, minor units. */
  readonly orderPrice?: Float64Array;
  /** Each order's CV, minor units. */
  readonly orderCv?: Float64Array;
  /** Each order's QV, minor units (absent: its CV). */
  readonly orderQv?: Float64Array;
  /** The package number each order pays the fee of, 0 for an ordinary order (absent: none). */
  readonly orderPackage?: Uint8Array;
  /**
   * The placement tree (binary and matrix plans), when the network has one:
   * beside the sponsor tree, built as members join. A member keeps her
   * position when she quits (her volume stops, her downline's keeps flowing up).
   */
  readonly placement?: PlacementTree;
}

/**
 * A placement tree: each member's placement parent (an index below hers, or -1
 * at the top) and her slot under it (0 … width−1; in a binary tree 0 is the
 * left leg, 1 the right). Slots are unique under a parent.
 */
export interface PlacementTree {
  /** Children per position: 2 for binary, W for a W×D matrix. */
  readonly width: number;
  readonly parent: Int32Array;
  readonly slot: Uint8Array;
}

/**
 * The period's orders as columns. A network from the world or from
 * {@link networkFromRecords} carries them and is returned as is (no
 * allocation). A network assembled by hand with volumes only gets, at each
 * call (not cached: its volumes may change between calls), one own order of
 * `ownCv` (customerJoin: her join period) and one customer order of
 * `customerCv` (customer id: the member's own id, customerJoin: the period,
 * i.e. a new customer) per member, price = CV, QV from `ownQv`/`customerQv`
 * when given: what the reference engine always read such a network as.
 *
 * @example
 * const net = networkFromRecords({ uplines: [-1], orders: [{ member: 0, customer: 3, price: 50_00, cv: 40_00, customerJoin: -2 }] });
 * orderColumns(net).orderCustomerJoin[0] // => -2
 */
export function orderColumns(network: PeriodNetwork): OrderColumns {
  if (
    network.orderCount !== undefined &&
    network.orderMember &&
    network.orderCustomer &&
    network.orderCustomerJoin &&
    network.orderPrice &&
    network.orderCv
  ) {
    return network as OrderColumns;
  }
  const columns = createOrderColumns(2 * network.size);
  for (let i = 0; i < network.size; i++) {
    const own = network.ownCv[i]!;
    const customers = network.customerCv[i]!;
    const ownQv = network.ownQv ? network.ownQv[i]! : own;
    const customersQv = network.customerQv ? network.customerQv[i]! : customers;
    if (own > 0 || ownQv > 0) pushOrder(columns, i, -1, network.joinPeriod[i]!, own, own, ownQv);
    if (customers > 0 || customersQv > 0) pushOrder(columns, i, i, network.period, customers, customers, customersQv);
  }
  return columns;
}

/**
 * The customer join period of a record: its own `customerJoin`, else the
 * period for a customer's order (a new customer) and the member's join period
 * for an own order.
 */
export function orderJoinOf(order: OrderRecord, network: Pick<PeriodNetwork, "period" | "joinPeriod">): number {
  if (order.customerJoin !== undefined) return order.customerJoin;
  return order.customer < 0 ? network.joinPeriod[order.member]! : network.period;
}

/** Order columns being filled: reusable from period to period (reset `orderCount`, push again). */
export interface OrderColumnsBuilder {
  orderCount: number;
  orderMember: Int32Array;
  orderCustomer: Int32Array;
  orderCustomerJoin: Int32Array;
  orderPrice: Float64Array;
  orderCv: Float64Array;
  orderQv: Float64Array;
  orderPackage: Uint8Array;
}

/** Empty order columns with room for `capacity` orders. */
export function createOrderColumns(capacity: number): OrderColumnsBuilder {
  const n = Math.max(16, capacity);
  return {
    orderCount: 0,
    orderMember: new Int32Array(n),
    orderCustomer: new Int32Array(n),
    orderCustomerJoin: new Int32Array(n),
    orderPrice: new Float64Array(n),
    orderCv: new Float64Array(n),
    orderQv: new Float64Array(n),
    orderPackage: new Uint8Array(n),
  };
}

/**
 * Appends one order, growing the columns by a quarter when full (geometric, so
 * never an allocation per order; a quarter because these are the run's largest
 * arrays, 28 bytes an order).
 */
export function pushOrder(
  o: OrderColumnsBuilder,
  member: number,
  customer: number,
  customerJoin: number,
  price: number,
  cv: number,
  qv: number = cv,
  packageNumber = 0,
): void {
  const k = o.orderCount;
  if (k === o.orderMember.length) {
    const cap = Math.ceil(k * 1.25) + 16;
    o.orderMember = grown(o.orderMember, cap);
    o.orderCustomer = grown(o.orderCustomer, cap);
    o.orderCustomerJoin = grown(o.orderCustomerJoin, cap);
    o.orderPrice = grown(o.orderPrice, cap);
    o.orderCv = grown(o.orderCv, cap);
    o.orderQv = grown(o.orderQv, cap);
    o.orderPackage = grown(o.orderPackage, cap);
  }
  o.orderMember[k] = member;
  o.orderCustomer[k] = customer;
  o.orderCustomerJoin[k] = customerJoin;
  o.orderPrice[k] = price;
  o.orderCv[k] = cv;
  o.orderQv[k] = qv;
  o.orderPackage[k] = packageNumber;
  o.orderCount = k + 1;
}

/**
 * Builds a period network from plain records: a convenience for tests,
 * examples and replayed data. `uplines[i]` must be lower than `i` (or -1), a
 * current member's upline must be current, and only current members may be
 * credited with orders; volumes are summed from the orders, and the order
 * columns hold the records in order (a record's `customerJoin` defaults as
 * {@link orderJoinOf} says). `orders` keeps the records, each with its
 * `customerJoin` filled in.
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
  /** Each member's enrolment package by name (`null` or absent: none). */
  packages?: readonly (string | null | undefined)[];
  /** A placement tree: parents (each below its member, or -1) and slots (0 … width−1, unique under a parent). */
  placement?: { width: number; parents: readonly number[]; slots: readonly number[] };
}): PeriodNetwork {
  const size = input.uplines.length;
  const period = input.period ?? 0;
  const upline = Int32Array.from(input.uplines);
  const alive = Uint8Array.from(input.uplines, (_, i) => (input.alive?.[i] ?? true ? 1 : 0));
  const joinPeriod = Int32Array.from(input.joinPeriods ?? input.uplines.map(() => 0));
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
  // QV columns only when a record gives a QV: without them QV is CV everywhere.
  const withQv = input.orders.some((o) => o.qv !== undefined);
  const ownQv = withQv ? new Float64Array(size) : undefined;
  const customerQv = withQv ? new Float64Array(size) : undefined;
  // Package names in order of first appearance (members first, then orders); numbers are 1-based.
  const packageNames: string[] = [];
  const packageNumber = (name: string | null | undefined, at: string): number => {
    if (name === undefined || name === null) return 0;
    if (typeof name !== "string" || name.length === 0) throw new RangeError(`downline/network: ${at}: expected a package name, got ${JSON.stringify(name)}`);
    let k = packageNames.indexOf(name);
    if (k < 0) {
      if (packageNames.length === 255) throw new RangeError(`downline/network: ${at}: at most 255 packages`);
      k = packageNames.push(name) - 1;
    }
    return k + 1;
  };
  if (input.packages !== undefined && input.packages.length !== size) {
    throw new RangeError(`downline/network: packages: expected ${size} entries (one per member), got ${input.packages.length}`);
  }
  const memberPackage = input.packages ? Uint8Array.from(input.packages, (name, i) => packageNumber(name, `packages[${i}]`)) : undefined;
  const columns = createOrderColumns(input.orders.length);
  const records: OrderRecord[] = [];
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
    if (o.qv !== undefined && (!Number.isSafeInteger(o.qv) || o.qv < 0)) {
      throw new RangeError(`downline/network: orders[${k}].qv: expected non-negative integer minor units, got ${o.qv}`);
    }
    if (o.package !== undefined && o.customer >= 0) {
      throw new RangeError(`downline/network: orders[${k}].package: a package fee is a distributor's own order (customer -1), got customer ${o.customer}`);
    }
    // Customer ids and join periods go into Int32 columns.
    if (!Number.isInteger(o.customer) || o.customer < -1 || o.customer > 0x7fffffff) {
      throw new RangeError(`downline/network: orders[${k}].customer: expected -1 or a customer id ≥ 0, got ${o.customer}`);
    }
    // A customer cannot have been acquired after the order she places now (her tenure would be negative).
    const join = orderJoinOf(o, { period, joinPeriod });
    if (!Number.isInteger(join) || join < -0x80000000 || join > 0x7fffffff || (o.customer >= 0 && join > period)) {
      const bound = o.customer >= 0 ? ` no later than ${period}` : "";
      throw new RangeError(`downline/network: orders[${k}].customerJoin: expected a whole period${bound}, got ${join}`);
    }
    const qv = o.qv ?? o.cv;
    if (o.customer < 0) {
      ownCv[o.member]! += o.cv;
      if (ownQv) ownQv[o.member]! += qv;
    } else {
      customerCv[o.member]! += o.cv;
      if (customerQv) customerQv[o.member]! += qv;
    }
    pushOrder(columns, o.member, o.customer, join, o.price, o.cv, qv, packageNumber(o.package, `orders[${k}].package`));
    records.push(o.customerJoin === join ? o : { ...o, customerJoin: join });
  });
  return {
    period,
    size,
    upline,
    alive,
    members,
    memberCount,
    joinPeriod,
    ownCv,
    customerCv,
    ...(ownQv && customerQv ? { ownQv, customerQv } : {}),
    ...(memberPackage || packageNames.length > 0 ? { package: memberPackage ?? new Uint8Array(size), packageNames } : {}),
    orders: records,
    ...columns,
    ...(input.placement ? { placement: placementFromRecords(input.placement, size) } : {}),
  };
}

/** Checks and packs a placement tree given as records. */
function placementFromRecords(p: { width: number; parents: readonly number[]; slots: readonly number[] }, size: number): PlacementTree {
  if (!Number.isInteger(p.width) || p.width < 1 || p.width > 255) {
    throw new RangeError(`downline/network: placement.width: expected a whole number from 1 to 255, got ${p.width}`);
  }
  if (p.parents.length !== size || p.slots.length !== size) {
    throw new RangeError(`downline/network: placement: expected ${size} parents and slots (one per member), got ${p.parents.length} and ${p.slots.length}`);
  }
  const taken = new Set<string>();
  for (let i = 0; i < size; i++) {
    const parent = p.parents[i]!;
    const slot = p.slots[i]!;
    if (!Number.isInteger(parent) || parent < -1 || parent >= i) {
      throw new RangeError(`downline/network: placement.parents[${i}]: expected -1 or an index below ${i}, got ${parent}`);
    }
    if (!Number.isInteger(slot) || slot < 0 || slot >= p.width) {
      throw new RangeError(`downline/network: placement.slots[${i}]: expected a slot from 0 to ${p.width - 1}, got ${slot}`);
    }
    if (parent >= 0) {
      const key = `${parent}:${slot}`;
      if (taken.has(key)) throw new RangeError(`downline/network: placement.slots[${i}]: slot ${slot} under ${parent} is already taken`);
      taken.add(key);
    }
  }
  return { width: p.width, parent: Int32Array.from(p.parents), slot: Uint8Array.from(p.slots) };
}
