/**
 * What one period of the world hands to a plan: the network after the period's
 * joins and quits, and the period's volumes. Plain typed arrays indexed by
 * member; an upline's index is always lower than her downline's (members who
 * join are appended; a generated start network is numbered depth-first), so a
 * reverse loop over indices is a post-order.
 *
 * @module
 */
import { grown } from "../util/grow.js";
import { shown } from "../validate/shown.js";
import { DownlineInputError, type InputIssue } from "../validate/errors.js";

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
  if (k === o.orderMember.length) growOrderColumns(o, k + 1);
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
 * Grows the order columns by a quarter (see {@link pushOrder}), to hold at
 * least `count` orders; contents kept.
 */
export function growOrderColumns(o: OrderColumnsBuilder, count: number): void {
  const cap = Math.max(count, Math.ceil(o.orderMember.length * 1.25) + 16);
  o.orderMember = grown(o.orderMember, cap);
  o.orderCustomer = grown(o.orderCustomer, cap);
  o.orderCustomerJoin = grown(o.orderCustomerJoin, cap);
  o.orderPrice = grown(o.orderPrice, cap);
  o.orderCv = grown(o.orderCv, cap);
  o.orderQv = grown(o.orderQv, cap);
  o.orderPackage = grown(o.orderPackage, cap);
}

/** A list of numbers: a plain array, or a typed array (used as given, not copied, when of the network's own type). */
export type NumberList = ArrayLike<number>;

/** The period's orders as columns, for {@link networkFromRecords}: entries 0 … count − 1 of each. */
export interface OrderColumnsInput {
  /** Orders held (default: `member.length`). */
  readonly count?: number;
  readonly member: NumberList;
  readonly customer: NumberList;
  readonly price: NumberList;
  readonly cv: NumberList;
  /** Default as {@link orderJoinOf} says: the period for a customer's order, her join period for an own order. */
  readonly customerJoin?: NumberList;
  /** Each order's qualifying volume (default: its CV). */
  readonly qv?: NumberList;
}

/** A placement tree as records: each member's parent (below her, or -1) and her slot under it. */
export interface PlacementInput {
  /** Positions under a parent: 2 for binary, W for a W×D matrix (1 … 255). */
  readonly width: number;
  /** Each member's placement parent: an index below hers, or -1 at the top. */
  readonly parent?: NumberList;
  /** Each member's slot under her parent: 0 … width − 1, unique under a parent (binary: 0 left, 1 right). */
  readonly slot?: NumberList;
  /** @deprecated Spelled `parent` since 0.2 (as in `PlacementTree` and the world); read until 0.3. */
  readonly parents?: NumberList;
  /** @deprecated Spelled `slot` since 0.2; read until 0.3. */
  readonly slots?: NumberList;
}

/** What {@link networkFromRecords} takes: one period of a network as records or columns. */
export interface NetworkRecords {
  /** Each member's upline after roll-up: an index below hers, or -1 at the top. */
  readonly uplines: NumberList;
  /** Whether each member is current (default: all). `true`/`false` or 1/0. */
  readonly alive?: ArrayLike<boolean | number>;
  /** Each member's join period (default 0). */
  readonly joinPeriods?: NumberList;
  /** The period's orders: records (kept as `network.orders`, for audits and small runs) or columns (the fast path). */
  readonly orders: readonly OrderRecord[] | OrderColumnsInput;
  /** The period number (default 0). */
  readonly period?: number;
  /** The placement tree, for binary and matrix plans. */
  readonly placement?: PlacementInput;
  /** Each member's enrolment package by name (`null` or absent: none). */
  readonly packages?: readonly (string | null | undefined)[];
}

/** At most this many problems are listed in one error. */
const MAX_ISSUES = 20;
/** Problems counted before checking stops. */
const MAX_COUNTED = 10_000;

/** Problems found so far, and a check that throws them. */
class Problems {
  readonly issues: InputIssue[] = [];
  count = 0;
  add(path: string, message: string): void {
    this.count += 1;
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, message });
  }
  /** Whether so many problems were found that checking stops: a loop over ten million bad records ends at the ten-thousandth. */
  get stopped(): boolean {
    return this.count >= MAX_COUNTED;
  }
  throwIfAny(): void {
    if (this.count === 0) return;
    const listed = [...this.issues];
    const more = this.count - listed.length;
    if (this.stopped) listed.push({ path: "", message: `and at least ${more.toLocaleString("en-US")} more problems, not listed (checking stops at ${MAX_COUNTED.toLocaleString("en-US")})` });
    else if (more > 0) listed.push({ path: "", message: `and ${more} more problems, not listed` });
    throw new DownlineInputError("network", listed);
  }
}

/** Most members or orders one period network may hold (typed arrays index below 2^31). */
const MAX_RECORDS = 0x7fffffff;

/** A list of numbers as the builder reads one: an array or a typed array, not too long. */
function isList(v: unknown): v is ArrayLike<unknown> {
  return (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) && (v as ArrayLike<unknown>).length <= MAX_RECORDS;
}

/** What a value is, in a message (never its whole content). */
function kindOf(v: unknown): string {
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  return shown(v);
}

/**
 * The input's shape, before any value is read: an object with `uplines` (a
 * list), `orders` (a list of records or an object of order columns), and,
 * when given, `alive` and `joinPeriods` lists as long as `uplines`, a numeric
 * `period`, a `placement` object.
 */
function checkRecordShapes(input: unknown, problems: Problems): void {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    problems.add("", `expected records { uplines, orders, … }, got ${kindOf(input)}`);
    return;
  }
  const r = input as Record<string, unknown>;
  if (!isList(r.uplines)) {
    problems.add("uplines", `expected a list of upline indices (an array or Int32Array), got ${kindOf(r.uplines)}`);
    return;
  }
  const size = r.uplines.length;
  for (const field of ["alive", "joinPeriods"] as const) {
    const v = r[field];
    if (v === undefined) continue;
    if (!isList(v)) problems.add(field, `expected a list (one entry per member), got ${kindOf(v)}`);
    else if (v.length < size) problems.add(field, `expected ${size} entries (one per member), got ${v.length}`);
  }
  if (r.period !== undefined && typeof r.period !== "number") problems.add("period", `expected a whole period number, got ${kindOf(r.period)}`);
  const orders = r.orders;
  if (Array.isArray(orders)) {
    if (orders.length > MAX_RECORDS) problems.add("orders", `expected at most ${MAX_RECORDS} orders, got ${orders.length}`);
  } else if (typeof orders !== "object" || orders === null || !("member" in orders)) {
    problems.add("orders", `expected a list of order records, or order columns { member, customer, price, cv, … }, got ${kindOf(orders)}`);
  } else {
    const columns = orders as Record<string, unknown>;
    for (const field of ["member", "customer", "price", "cv"]) {
      if (!isList(columns[field])) problems.add(`orders.${field}`, `expected a list (one entry per order), got ${kindOf(columns[field])}`);
    }
  }
  if (r.placement !== undefined && (typeof r.placement !== "object" || r.placement === null || Array.isArray(r.placement))) {
    problems.add("placement", `expected { width, parent, slot }, got ${kindOf(r.placement)}`);
  }
}

function isOrderColumns(orders: NetworkRecords["orders"]): orders is OrderColumnsInput {
  return !Array.isArray(orders) && typeof orders === "object" && orders !== null && "member" in orders;
}

/**
 * An Int32Array holding the list: the list itself when it is one, else a
 * copy; an item that is not a number is a problem at `field[i]` (read as 0).
 */
function int32Of(list: NumberList, n: number, problems: Problems, field: string): Int32Array {
  return list instanceof Int32Array && list.length >= n ? list : copyNumbers(list, new Int32Array(n), n, problems, field);
}

/** A Float64Array holding the list: the list itself when it is one, else a copy (items as {@link int32Of}). */
function float64Of(list: NumberList, n: number, problems: Problems, field: string): Float64Array {
  return list instanceof Float64Array && list.length >= n ? list : copyNumbers(list, new Float64Array(n), n, problems, field);
}

/** Copies the list's first `n` items into `out`, each one checked to be a number (see {@link int32Of}); returns `out`. */
function copyNumbers<T extends Int32Array | Float64Array>(list: NumberList, out: T, n: number, problems: Problems, field: string): T {
  for (let i = 0; i < n; i++) {
    const v = list[i];
    if (typeof v === "number") out[i] = v;
    else if (problems.stopped) break;
    else problems.add(`${field}[${i}]`, `expected a number, got ${kindOf(v)}`);
  }
  return out;
}

/**
 * Builds a period network from records, or from columns. `uplines[i]` must
 * be lower than `i` (or -1), a current member's upline must be current, and
 * only current members may be credited with orders; volumes are summed from
 * the orders, and the order columns hold them in order (a record's
 * `customerJoin` defaults as {@link orderJoinOf} says).
 *
 * Two forms of input, one result:
 * - records (arrays of numbers, `orders` as {@link OrderRecord}s): for
 *   tests, examples and the reference engine; `network.orders` keeps the
 *   records, each with its `customerJoin` filled in;
 * - columns (typed arrays, `orders` as {@link OrderColumnsInput}): the fast
 *   path for large periods (a million members and four million orders in
 *   well under a second). Typed arrays of the network's own types
 *   (`Int32Array` uplines, join periods and order members/customers/joins,
 *   `Float64Array` prices and CVs) are used as given, not copied: do not
 *   change them while the network is in use.
 *
 * Every problem is a `DownlineInputError` naming the record and the field
 * (`uplines[12]`, `orders[3].member`, `orders.cv[7]`), at most 20 listed.
 *
 * @example
 * const net = networkFromRecords({ uplines: [-1, 0], orders: [{ member: 1, customer: -1, price: 100_00, cv: 100_00 }] });
 * net.ownCv[1] // => 10000
 * @example
 * // The same period as columns.
 * const cols = networkFromRecords({
 *   uplines: Int32Array.from([-1, 0]),
 *   orders: { member: Int32Array.of(1), customer: Int32Array.of(-1), price: Float64Array.of(100_00), cv: Float64Array.of(100_00) },
 * });
 * cols.ownCv[1] // => 10000
 */
export function networkFromRecords(input: NetworkRecords): PeriodNetwork {
  const problems = new Problems();
  checkRecordShapes(input, problems);
  problems.throwIfAny();
  const size = input.uplines.length;
  const period = input.period ?? 0;
  if (!Number.isInteger(period) || period < -0x80000000 || period > 0x7fffffff) problems.add("period", `expected a whole period number, got ${shown(period)}`);
  problems.throwIfAny();
  const upline = int32Of(input.uplines, size, problems, "uplines");
  // An upline that is no number is reason enough: the checks below would count it again.
  problems.throwIfAny();
  const alive = new Uint8Array(size);
  const aliveIn = input.alive;
  if (aliveIn === undefined) alive.fill(1);
  else for (let i = 0; i < size; i++) alive[i] = aliveIn[i] === undefined || aliveIn[i] === true || aliveIn[i] === 1 ? 1 : 0;
  const joinPeriod = input.joinPeriods ? int32Of(input.joinPeriods, size, problems, "joinPeriods") : new Int32Array(size);
  const members = new Int32Array(size);
  let memberCount = 0;
  // An Int32Array given is used as is: it holds whole numbers already. A plain list is checked value by value.
  const exact = upline === input.uplines;
  for (let i = 0; i < size; i++) {
    const p = upline[i]!;
    if (problems.stopped) break;
    if ((!exact && input.uplines[i] !== p) || p >= i || p < -1) problems.add(`uplines[${i}]`, `expected -1 or an index below ${i}, got ${shown(input.uplines[i])}`);
    else if (alive[i] === 1) {
      if (p >= 0 && alive[p] === 0) problems.add(`uplines[${i}]`, `member ${i} is current but her upline ${p} has quit (roll her up first)`);
      members[memberCount++] = i;
    }
  }
  if (input.joinPeriods && joinPeriod !== input.joinPeriods) {
    for (let i = 0; i < size && !problems.stopped; i++) if (joinPeriod[i] !== input.joinPeriods[i]) problems.add(`joinPeriods[${i}]`, `expected a whole period number, got ${shown(input.joinPeriods[i])}`);
  }
  problems.throwIfAny();
  const ownCv = new Float64Array(size);
  const customerCv = new Float64Array(size);
  // QV columns only when an order gives a QV: without them QV is CV everywhere.
  const withQv = isOrderColumns(input.orders) ? input.orders.qv !== undefined : input.orders.some((o) => typeof o === "object" && o !== null && o.qv !== undefined);
  const ownQv = withQv ? new Float64Array(size) : undefined;
  const customerQv = withQv ? new Float64Array(size) : undefined;
  // Package names in order of first appearance (members first, then orders); numbers are 1-based.
  const packageNames: string[] = [];
  const packageNumber = (name: unknown, at: string): number => {
    if (name === undefined || name === null) return 0;
    if (typeof name !== "string" || name.length === 0 || name.length > 100) {
      problems.add(at, `expected a package name (1 to 100 characters), got ${kindOf(name)}`);
      return 0;
    }
    let k = packageNames.indexOf(name);
    if (k < 0) {
      if (packageNames.length === 255) {
        problems.add(at, "expected at most 255 packages");
        return 0;
      }
      k = packageNames.push(name) - 1;
    }
    return k + 1;
  };
  let memberPackage: Uint8Array | undefined;
  if (input.packages !== undefined) {
    if (!isList(input.packages) || input.packages.length !== size) {
      problems.add("packages", `expected ${size} package names (one per member, null for none), got ${kindOf(input.packages)}`);
    } else memberPackage = Uint8Array.from(input.packages as ArrayLike<unknown>, (name, i) => packageNumber(name, `packages[${i}]`));
  }
  problems.throwIfAny();
  let columns: OrderColumnsBuilder;
  let records: OrderRecord[] | undefined;
  if (isOrderColumns(input.orders)) {
    columns = ordersFromColumns(input.orders, period, size, alive, joinPeriod, ownCv, customerCv, ownQv, customerQv, problems);
  } else {
    records = [];
    columns = createOrderColumns(input.orders.length);
    const orderList = input.orders;
    for (let k = 0; k < orderList.length && !problems.stopped; k++) {
      const o = orderList[k]!;
      if (typeof o !== "object" || o === null || Array.isArray(o)) {
        problems.add(`orders[${k}]`, `expected an order { member, customer, price, cv }, got ${kindOf(o)}`);
        continue;
      }
      const ok = checkOrder(problems, (f) => `orders[${k}].${f}`, o.member, o.customer, o.price, o.cv, size, alive);
      if (o.qv !== undefined && !(typeof o.qv === "number" && Number.isSafeInteger(o.qv) && o.qv >= 0)) {
        problems.add(`orders[${k}].qv`, `expected non-negative integer minor units, got ${shown(o.qv)}`);
        continue;
      }
      if (o.package !== undefined && o.customer >= 0) {
        problems.add(`orders[${k}].package`, `a package fee is a distributor's own order (customer -1), got customer ${shown(o.customer)}`);
        continue;
      }
      const fee = packageNumber(o.package, `orders[${k}].package`);
      // A customer cannot have been acquired after the order she places now (her tenure would be negative).
      const join = ok ? orderJoinOf(o, { period, joinPeriod }) : 0;
      if (ok && !joinOk(join, o.customer, period)) {
        problems.add(`orders[${k}].customerJoin`, `expected a whole period${o.customer >= 0 ? ` no later than ${period}` : ""}, got ${shown(join)}`);
        continue;
      }
      if (!ok || problems.count > 0) continue;
      const qv = o.qv ?? o.cv;
      if (o.customer < 0) {
        ownCv[o.member]! += o.cv;
        if (ownQv) ownQv[o.member]! += qv;
      } else {
        customerCv[o.member]! += o.cv;
        if (customerQv) customerQv[o.member]! += qv;
      }
      pushOrder(columns, o.member, o.customer, join, o.price, o.cv, qv, fee);
      records!.push(o.customerJoin === join ? o : { ...o, customerJoin: join });
    }
  }
  const placement = input.placement ? placementFromRecords(input.placement, size, problems) : undefined;
  problems.throwIfAny();
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
    ...(records ? { orders: records } : {}),
    orderCount: columns.orderCount,
    orderMember: columns.orderMember,
    orderCustomer: columns.orderCustomer,
    orderCustomerJoin: columns.orderCustomerJoin,
    orderPrice: columns.orderPrice,
    orderCv: columns.orderCv,
    ...(placement ? { placement } : {}),
    ...(columns.orderQv ? { orderQv: columns.orderQv } : {}),
    ...(columns.orderPackage ? { orderPackage: columns.orderPackage } : {}),
    ...(ownQv && customerQv ? { ownQv, customerQv } : {}),
    ...(memberPackage || packageNames.length > 0 ? { package: memberPackage ?? new Uint8Array(size), packageNames } : {}),
  };
}

/** Checks one order's member, customer and amounts; records what is wrong. */
function checkOrder(problems: Problems, at: (field: string) => string, member: number, customer: number, price: number, cv: number, size: number, alive: Uint8Array): boolean {
  let ok = true;
  if (!Number.isInteger(member) || member < 0 || member >= size) {
    problems.add(at("member"), `expected a member index below ${size}, got ${shown(member)}`);
    ok = false;
  } else if (alive[member] === 0) {
    problems.add(at("member"), `member ${member} has quit and cannot be credited with an order`);
    ok = false;
  }
  // Customer ids go into an Int32 column.
  if (!Number.isInteger(customer) || customer < -1 || customer > 0x7fffffff) {
    problems.add(at("customer"), `expected -1 or a customer id ≥ 0, got ${shown(customer)}`);
    ok = false;
  }
  if (!Number.isSafeInteger(price) || price < 0) {
    problems.add(at("price"), `expected non-negative integer minor units, got ${shown(price)}`);
    ok = false;
  }
  if (!Number.isSafeInteger(cv) || cv < 0) {
    problems.add(at("cv"), `expected non-negative integer minor units, got ${shown(cv)}`);
    ok = false;
  }
  return ok;
}

function joinOk(join: number, customer: number, period: number): boolean {
  return Number.isInteger(join) && join >= -0x80000000 && join <= 0x7fffffff && !(customer >= 0 && join > period);
}

/** The columnar path: one pass of checks and volumes, no object per order. */
function ordersFromColumns(
  o: OrderColumnsInput,
  period: number,
  size: number,
  alive: Uint8Array,
  joinPeriod: Int32Array,
  ownCv: Float64Array,
  customerCv: Float64Array,
  ownQv: Float64Array | undefined,
  customerQv: Float64Array | undefined,
  problems: Problems,
): OrderColumnsBuilder {
  const n = o.count ?? o.member.length;
  for (const name of ["member", "customer", "price", "cv", "customerJoin", "qv"] as const) {
    const list = o[name];
    if (list !== undefined && list.length < n) problems.add(`orders.${name}`, `expected ${n} entries (one per order), got ${list.length}`);
  }
  problems.throwIfAny();
  const member = int32Of(o.member, n, problems, "orders.member");
  const customer = int32Of(o.customer, n, problems, "orders.customer");
  const price = float64Of(o.price, n, problems, "orders.price");
  const cv = float64Of(o.cv, n, problems, "orders.cv");
  const join = o.customerJoin ? int32Of(o.customerJoin, n, problems, "orders.customerJoin") : new Int32Array(n);
  const qvIn = o.qv ? float64Of(o.qv, n, problems, "orders.qv") : undefined;
  // Int32Arrays given are used as they are (whole numbers already); plain lists are compared value by value.
  const exact = member === o.member && customer === o.customer;
  for (let k = 0; k < n && !problems.stopped; k++) {
    const m = member[k]!;
    const c = customer[k]!;
    const p = price[k]!;
    const v = cv[k]!;
    // The happy path: plain comparisons; the full check only for an order that fails one.
    if ((!exact && (m !== o.member[k] || c !== o.customer[k])) || m < 0 || m >= size || alive[m] === 0 || c < -1 || !(p >= 0 && p <= Number.MAX_SAFE_INTEGER && p === Math.floor(p)) || !(v >= 0 && v <= Number.MAX_SAFE_INTEGER && v === Math.floor(v))) {
      checkOrder(problems, (f) => `orders.${f}[${k}]`, o.member[k]!, o.customer[k]!, o.price[k]!, o.cv[k]!, size, alive);
      continue;
    }
    if (o.customerJoin) {
      const j = join[k]!;
      if ((join !== o.customerJoin && j !== o.customerJoin[k]) || (c >= 0 && j > period)) {
        problems.add(`orders.customerJoin[${k}]`, `expected a whole period${c >= 0 ? ` no later than ${period}` : ""}, got ${shown(o.customerJoin[k])}`);
        continue;
      }
    } else join[k] = c < 0 ? joinPeriod[m]! : period;
    let q = v;
    if (qvIn) {
      q = qvIn[k]!;
      if (!(q >= 0 && q <= Number.MAX_SAFE_INTEGER && q === Math.floor(q))) {
        problems.add(`orders.qv[${k}]`, `expected non-negative integer minor units, got ${shown(o.qv![k])}`);
        continue;
      }
    }
    if (c < 0) {
      ownCv[m]! += v;
      if (ownQv) ownQv[m]! += q;
    } else {
      customerCv[m]! += v;
      if (customerQv) customerQv[m]! += q;
    }
  }
  return {
    orderCount: n,
    orderMember: member,
    orderCustomer: customer,
    orderCustomerJoin: join,
    orderPrice: price,
    orderCv: cv,
    orderQv: qvIn ?? cv,
    orderPackage: new Uint8Array(n),
  };
}

/** Checks and packs a placement tree given as records or columns. */
function placementFromRecords(p: PlacementInput, size: number, problems: Problems): PlacementTree | undefined {
  const parentList = p.parent ?? p.parents;
  const slotList = p.slot ?? p.slots;
  const pName = p.parent ? "parent" : "parents";
  const sName = p.slot ? "slot" : "slots";
  if (!Number.isInteger(p.width) || p.width < 1 || p.width > 255) {
    problems.add("placement.width", `expected a whole number from 1 to 255, got ${shown(p.width)}`);
    return undefined;
  }
  if (!parentList || !slotList || parentList.length !== size || slotList.length !== size) {
    problems.add("placement", `expected ${size} parents and slots (one per member, as placement.parent and placement.slot), got ${parentList?.length ?? 0} and ${slotList?.length ?? 0}`);
    return undefined;
  }
  const parent = int32Of(parentList, size, problems, `placement.${pName}`);
  const slot = new Uint8Array(size);
  const taken = new Int32Array(size * p.width).fill(-1);
  for (let i = 0; i < size && !problems.stopped; i++) {
    const q = parentList[i]!;
    const s = slotList[i]!;
    if (typeof q !== "number") continue; // reported when the list was read
    if (q !== parent[i] || q < -1 || q >= i) {
      problems.add(`placement.${pName}[${i}]`, `expected -1 or an index below ${i}, got ${shown(q)}`);
      continue;
    }
    if (!Number.isInteger(s) || s < 0 || s >= p.width) {
      problems.add(`placement.${sName}[${i}]`, `expected a slot from 0 to ${p.width - 1}, got ${shown(s)}`);
      continue;
    }
    slot[i] = s;
    if (q >= 0) {
      const at = q * p.width + s;
      if (taken[at]! >= 0) problems.add(`placement.${sName}[${i}]`, `slot ${s} under ${q} is already taken by ${taken[at]}`);
      else taken[at] = i;
    }
  }
  return { width: p.width, parent, slot };
}
