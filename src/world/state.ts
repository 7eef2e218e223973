/**
 * The world's state as the steps see it: struct-of-arrays, writable. Outside
 * the world it is read through the read-only {@link World} type; this module
 * is internal (not exported from the package).
 *
 * Members and customers each carry a 64-bit identity key (two Int32 words):
 * members present at the start from (seed, index), a recruit from her
 * sponsor's key, the period and her rank among that sponsor's recruits of the
 * period, a customer from her acquiring distributor's key, the period and
 * her rank among that distributor's new customers. Every draw that decides
 * one member's or customer's fate is keyed by (seed, concern, identity,
 * period), so it does not depend on anyone else's draws, and an identity does
 * not depend on join order: indices may shift between two runs, keys do not.
 *
 * @module
 */
import { roundScaled } from "../money/round.js";
import { normal, type Uniform } from "../random/stream.js";
import { concernKey, deriveKey, keyedDraws, keyedUniform, originKey, type ConcernKey, type KeyedDraws } from "../random/keyed.js";
import { grown } from "../util/grow.js";
import { place, placeAt, type Placement } from "./placement.js";
import { pushOrder, type OrderColumnsBuilder, type OrderRecord } from "./network.js";
import type { Scenario, ValueDraw } from "./scenario.js";
import { NEVER, type ListedStop } from "./people.js";
import { BUILDER, CONSUMER, SELLER } from "./roles.js";

/**
 * The concerns of keyed draws. Identity concerns make keys; draw concerns
 * make uniforms. Each has its own key words, derived from the seed and its
 * name, so a new concern never moves another's draws.
 */
export interface WorldKeys {
  /** Identity keys of members present at the start: (index). */
  readonly origin: ConcernKey;
  /** A recruit's identity: (sponsor's key, period, rank among the sponsor's recruits of the period). */
  readonly member: ConcernKey;
  /** A customer's identity: (distributor's key, period acquired, rank among her new customers of the period). */
  readonly customer: ConcernKey;
  /** A newcomer's own attributes: (her key, 0, k); k = 0 is her role, k = 1 her enrolment package. */
  readonly traits: ConcernKey;
  /** Whether a stopping rule with a share picks her: (her key, 0, the rule's index in `stopping`). */
  readonly stopping: ConcernKey;
  /** Whether a member quits: (her key, period, 0). */
  readonly attrition: ConcernKey;
  /** Whether a customer churns: (her key, period, 0). */
  readonly churn: ConcernKey;
  /** Whether a new customer buys once (`customers.oneTime`): (her key, 0, 0). */
  readonly oneTime: ConcernKey;
}

/** Draws taken several to a key (a Poisson count, a value), through cursors. */
export interface WorldDraws {
  /** A member's recruits of the period: (her key, period, k). */
  readonly recruiting: KeyedDraws;
  /** A member's new customers of the period: (her key, period, k). */
  readonly acquisition: KeyedDraws;
  /** A customer's subscription value, drawn when she is acquired: (her key, 0, k); a one-time buyer's order: (her key, 1, k). */
  readonly customerValue: KeyedDraws;
  /** A member's own order of the period, then its value: (her key, period, k). */
  readonly orders: KeyedDraws;
}

/** What the steps of one period add up (reset at the start of each period). */
export interface PeriodTally {
  quits: number;
  joins: number;
  newCustomers: number;
  oneTimeSales: number;
  lostCustomers: number;
  revenueCustomers: number;
  revenueDistributors: number;
  cv: number;
  /** Expenses, required purchases (minor units) and hours of the period, summed over members. */
  expenses: number;
  requiredPurchases: number;
  hours: number;
  /** Members with effort above 0 this period. */
  working: number;
  /** Orders placed this period (counted whether or not the order columns are kept). */
  placed: number;
  /** This period's orders as records, when the world records them. */
  orders: OrderRecord[] | undefined;
}

/**
 * The member arrays one period's payout reads, as a set: a world with a
 * spare set (`WorldKeeps.spare`) alternates between two, so that period t's
 * stay untouched while period t + 1 is built in the other.
 */
export interface PeriodArrays {
  upline: Int32Array;
  alive: Uint8Array;
  current: Int32Array;
  currentCount: number;
  ownCv: Float64Array;
  customerCv: Float64Array;
  ownQv: Float64Array;
  customerQv: Float64Array;
  ownSpend: Float64Array;
  expenses: Float64Array;
  requiredPurchases: Float64Array;
  hours: Float64Array;
}

/** Customers set aside during a period: the columns of a customer, and the sort's scratch. */
export interface AsideCustomers {
  count: number;
  id: Int32Array;
  owner: Int32Array;
  join: Int32Array;
  price: Float64Array;
  cv: Float64Array;
  qv: Float64Array;
  keyHi: Int32Array;
  keyLo: Int32Array;
  /** The set-aside customers' positions in distributor order (the radix sort's output, and its scratch). */
  order: Int32Array;
  scratch: Int32Array;
  /** Counts of one 16-bit digit of the owner. */
  readonly counts: Int32Array;
}

/** An empty side buffer. */
export function createAside(): AsideCustomers {
  return {
    count: 0,
    id: new Int32Array(0),
    owner: new Int32Array(0),
    join: new Int32Array(0),
    price: new Float64Array(0),
    cv: new Float64Array(0),
    qv: new Float64Array(0),
    keyHi: new Int32Array(0),
    keyLo: new Int32Array(0),
    order: new Int32Array(0),
    scratch: new Int32Array(0),
    counts: new Int32Array(65536),
  };
}

/** The writable world. */
export interface WorldState {
  readonly scenario: Scenario;
  readonly seed: number | string;
  /** The period being run while the steps run; the next period to run between steps. */
  period: number;
  /** Members who ever joined. */
  size: number;
  sponsor: Int32Array;
  upline: Int32Array;
  /** Identity key of each member, high and low words. */
  keyHi: Int32Array;
  keyLo: Int32Array;
  joinPeriod: Int32Array;
  quitPeriod: Int32Array;
  alive: Uint8Array;
  /** Role code of each member ({@link ROLES}), drawn when she joins. */
  role: Uint8Array;
  /** 1 for company-held accounts (the founders). */
  company: Uint8Array;
  /** The first period without effort ({@link NEVER} if she never stops), and the stopping rule's flags. */
  stopPeriod: Int32Array;
  stopFlags: Uint8Array;
  /** This period's effort in [0, 1] and hours (0 for quitters). */
  effort: Float64Array;
  hours: Float64Array;
  /** This period's expenses and required purchases, minor units (0 for quitters). */
  expenses: Float64Array;
  requiredPurchases: Float64Array;
  recruits: Int32Array;
  customerCount: Int32Array;
  ownCv: Float64Array;
  customerCv: Float64Array;
  /** QV of own and customers' orders this period (minor units); equal to the CV arrays' values when the scenario has no QV of its own. */
  ownQv: Float64Array;
  customerQv: Float64Array;
  /** Each member's enrolment package: 1-based number in the scenario's list, 0 without packages. */
  package: Uint8Array;
  ownSpend: Float64Array;
  current: Int32Array;
  currentCount: number;
  customers: number;
  customerId: Int32Array;
  customerOwner: Int32Array;
  customerJoin: Int32Array;
  customerPrice: Float64Array;
  customerCvEach: Float64Array;
  customerQvEach: Float64Array;
  /** Identity key of each customer, high and low words (kept when she moves up). */
  customerKeyHi: Int32Array;
  customerKeyLo: Int32Array;
  customersEver: number;
  prospectsLeft: number;
  readonly orderColumns: OrderColumnsBuilder;
  /** Whether the period's orders are kept as columns (always, unless the runner knows nobody reads them; see `WorldKeeps`). */
  readonly keepOrders: boolean;
  /** The other set of per-period arrays (the previous period's), when another thread reads the periods; see {@link swapPeriodArrays}. */
  spare: PeriodArrays | undefined;
  /** Whether customers are kept in distributor order (without order columns; see customer-order.ts), else in acquisition order. */
  readonly customersByOwner: boolean;
  /** Customers set aside while the period runs (orphans moved up), merged back after acquisition. */
  readonly aside: AsideCustomers;
  /**
   * Customers before this index are in distributor order; those after it
   * (recent ones, appended rather than merged: see customer-order.ts) are
   * not. At least `customers` (all in order) until a period leaves a tail.
   */
  customersSorted: number;
  readonly recordOrders: boolean;
  /** The sequential stream of the generated starting network (drawn once, before period 0). */
  readonly network: Uniform;
  readonly keys: WorldKeys;
  readonly draws: WorldDraws;
  /** Per-period hazards by tenure month, already converted to the period length. */
  readonly attritionHazard: Float64Array;
  readonly churnHazard: Float64Array;
  /** Months per period: 1, or 12/52 for weeks. */
  readonly monthsPerPeriod: number;
  readonly cvUnits: number;
  readonly cvScale: number;
  /** The QV ratio as units / scale; units -1 when QV is CV. */
  readonly qvUnits: number;
  readonly qvScale: number;
  /** Whether orders have a QV of their own (else QV is CV, and order records carry no `qv`). */
  readonly hasQv: boolean;
  /**
   * The volumes of the last order drawn by {@link drawOrder}; and, after
   * {@link acquireCustomer} sold once, that sale's price and customer id
   * (scratch, read right after the draw).
   */
  readonly drawn: { cv: number; qv: number; price: number; id: number };
  readonly placement?: Placement;
  /** Members stopped by index: the scenario's `members` rules and the run's `stop` option. */
  readonly listedStops: ReadonlyMap<number, ListedStop>;
  /** The run's `stay` option: member → first period without an attrition draw; empty (the usual case) without it. */
  readonly stays: ReadonlyMap<number, number>;
  /** The market's saturation this period: one number for recruiting and acquisition (see stepWorld). */
  saturationNow: number;
  /** Scratch per member (preferential attachment's frontline counts), grown when needed. */
  frontline: Int32Array;
  /**
   * This period's working members (effort above 0, a role that recruits or
   * acquires customers), ascending, entries 0..workerCount-1: written by the
   * effort step (newcomers appended as they get their effort), read by
   * recruiting and acquisition, whom no one else can recruit or sell to.
   */
  workers: Int32Array;
  workerCount: number;
  readonly tally: PeriodTally;
}

/** The keyed concerns and cursors of a seeded run. */
export function worldKeys(seed: number | string): { keys: WorldKeys; draws: WorldDraws } {
  const concern = (name: string) => concernKey(seed, name);
  return {
    keys: {
      origin: concern("origin"),
      member: concern("member"),
      customer: concern("customer"),
      traits: concern("traits"),
      stopping: concern("stopping"),
      attrition: concern("attrition"),
      churn: concern("churn"),
      oneTime: concern("one-time"),
    },
    draws: {
      recruiting: keyedDraws(concern("recruiting")),
      acquisition: keyedDraws(concern("acquisition")),
      customerValue: keyedDraws(concern("customer-value")),
      orders: keyedDraws(concern("orders")),
    },
  };
}

/** An empty tally. */
export function emptyTally(): PeriodTally {
  return {
    quits: 0,
    joins: 0,
    newCustomers: 0,
    oneTimeSales: 0,
    lostCustomers: 0,
    revenueCustomers: 0,
    revenueDistributors: 0,
    cv: 0,
    expenses: 0,
    requiredPurchases: 0,
    hours: 0,
    working: 0,
    placed: 0,
    orders: undefined,
  };
}

/** The share of the market still untouched now (what `saturationNow` is set from at the start of a period). */
export function saturation(world: WorldState): number {
  const total = world.scenario.spec.market.prospects;
  return total === 0 ? 0 : world.prospectsLeft / total;
}

/** An order's CV: its price times the CV ratio, rounded half-even to the minor unit once. */
export function cvOf(world: WorldState, price: number): number {
  return roundScaled(price * world.cvUnits, world.cvScale, "halfEven");
}

/** An order's QV: its price times the QV ratio, rounded like CV; without a QV ratio, `cv`. */
export function qvOf(world: WorldState, price: number, cv: number): number {
  return world.qvUnits < 0 ? cv : roundScaled(price * world.qvUnits, world.qvScale, "halfEven");
}

/**
 * Draws an order from a value distribution: returns its price and leaves its
 * CV and QV in `world.drawn` (a product's own volumes when the distribution
 * lists them, else the ratios'). Takes the same draws as {@link drawValue}.
 */
export function drawOrder(world: WorldState, d: ValueDraw, rand: Uniform): number {
  let price: number;
  let k = -1;
  if (d.kind === "choice") {
    k = choiceIndex(d.cumulative, rand());
    price = d.values[k]!;
  } else price = drawValue(d, rand);
  const cv = k >= 0 && d.kind === "choice" && d.cv ? d.cv[k]! : cvOf(world, price);
  world.drawn.cv = cv;
  world.drawn.qv = k >= 0 && d.kind === "choice" && d.qv ? d.qv[k]! : qvOf(world, price, cv);
  return price;
}

/** The index a uniform picks in cumulative weights. */
function choiceIndex(cum: Float64Array, u: number): number {
  let k = 0;
  while (k < cum.length - 1 && u >= cum[k]!) k += 1;
  return k;
}

/** A value from a distribution in minor units: one draw for a choice, two for a lognormal. */
export function drawValue(d: ValueDraw, rand: Uniform): number {
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "choice":
      return d.values[choiceIndex(d.cumulative, rand())]!;
    case "lognormal": {
      const v = Math.round(Math.exp(d.mu + d.sigma * normal(rand)));
      return v < d.min ? d.min : v > d.max ? d.max : v;
    }
  }
}

/**
/**
 * Appends a member with the given identity key. Her role is her own
 * attribute, drawn from her key — (her key, 0, 0): builder below the
 * builders' share, seller below builders' + sellers', else consumer — unless
 * `role` gives it (a replayed history's), and so is her stop period (see
 * {@link stopPeriodAt}). A founder is company-held: role builder, never
 * stops. With a placement tree she is placed by the scenario's mode, or at
 * `position` when given (a replayed history's). Returns her index.
 */
export function addMember(
  world: WorldState,
  sponsor: number,
  joinPeriod: number,
  hi: number,
  lo: number,
  founder = false,
  position?: { readonly parent: number; readonly slot: number },
  role?: number,
): number {
  if (world.size === world.sponsor.length) growMembers(world);
  const i = world.size++;
  world.sponsor[i] = sponsor;
  world.upline[i] = sponsor;
  world.keyHi[i] = hi;
  world.keyLo[i] = lo;
  world.joinPeriod[i] = joinPeriod;
  world.alive[i] = 1;
  if (founder) {
    world.role[i] = BUILDER;
    world.company[i] = 1;
    world.stopPeriod[i] = NEVER;
    world.stopFlags[i] = 0;
  } else {
    world.role[i] = role ?? drawnRole(world, hi, lo);
    world.company[i] = 0;
    stopPeriodAt(world, i);
  }
  const packages = world.scenario.packages;
  world.package[i] = packages ? 1 + choiceIndex(packages.cumulative, keyedUniform(world.keys.traits, hi, lo, 0, 1)) : 0;
  world.current[world.currentCount++] = i;
  if (world.placement) {
    if (position) placeAt(world.placement, i, sponsor, position.parent, position.slot);
    else place(world.placement, i, sponsor);
  }
  if (sponsor >= 0) world.recruits[sponsor]! += 1;
  if (world.prospectsLeft > 0) world.prospectsLeft -= 1;
  return i;
}

/** A newcomer's role, drawn from her key — (her key, 0, 0): builder below the builders' share, seller below builders' + sellers', else consumer. */
export function drawnRole(world: WorldState, hi: number, lo: number): number {
  const people = world.scenario.people;
  const u = keyedUniform(world.keys.traits, hi, lo, 0, 0);
  return u < people.builderBelow ? BUILDER : u < people.sellerBelow ? SELLER : CONSUMER;
}

/**
 * Appends a member present at the start (a founder, or one of a generated
 * network): her key from (seed, `origin`), her index in the order she was
 * drawn (by default the index she gets).
 */
export function addOriginMember(world: WorldState, sponsor: number, joinPeriod: number, founder = false, origin = world.size): number {
  const i = world.size;
  if (i === world.sponsor.length) growMembers(world);
  originKey(world.keys.origin, origin, world.keyHi, world.keyLo, i);
  return addMember(world, sponsor, joinPeriod, world.keyHi[i]!, world.keyLo[i]!, founder);
}

/**
 * Sets member i's stop period and flags from the stopping rules, when she
 * joins: the earliest of
 * - each tenure rule that picks her (share 1: all; else her keyed draw
 *   (her key, 0, the rule's index) below the share): join + the rule's
 *   periods to tenure month `atMonth`;
 * - each cohort rule whose join periods hold hers and that picks her (as
 *   above): the later of its `fromPeriod` and her join;
 * - her index among the listed members (the scenario's `members` rules, the
 *   run's `stop` option): the later of `fromPeriod` and her join.
 * The earliest rule's flags apply; {@link NEVER} and no flags if none.
 */
export function stopPeriodAt(world: WorldState, i: number): void {
  const join = world.joinPeriod[i]!;
  const hi = world.keyHi[i]!;
  const lo = world.keyLo[i]!;
  let stop = NEVER;
  let flags = 0;
  for (const r of world.scenario.people.stopRules) {
    let at: number;
    if (r.kind === "tenure") at = join + r.afterPeriods;
    else if (join >= r.joinedFrom && join <= r.joinedTo) at = r.fromPeriod > join ? r.fromPeriod : join;
    else continue;
    if (at >= stop) continue;
    if (r.share < 1 && !(keyedUniform(world.keys.stopping, hi, lo, 0, r.index) < r.share)) continue;
    stop = at;
    flags = r.flags;
  }
  if (world.listedStops.size > 0) {
    const listed = world.listedStops.get(i);
    if (listed) {
      const at = listed.fromPeriod > join ? listed.fromPeriod : join;
      if (at < stop) {
        stop = at;
        flags = listed.flags;
      }
    }
  }
  world.stopPeriod[i] = stop;
  world.stopFlags[i] = flags;
}

/** Appends the `rank`-th recruit of `sponsor` in `period`: her key from her sponsor's. */
export function addRecruit(world: WorldState, sponsor: number, period: number, rank: number): number {
  const i = world.size;
  if (i === world.sponsor.length) growMembers(world);
  deriveKey(world.keys.member, world.keyHi[sponsor]!, world.keyLo[sponsor]!, period, rank, world.keyHi, world.keyLo, i);
  return addMember(world, sponsor, period, world.keyHi[i]!, world.keyLo[i]!);
}

/**
 * A newcomer's package fee, in her join period: an own order of her package's
 * price with its CV and QV (the package's own, else the ratios'), added to her
 * own volumes and spend, the order columns and the tally. Nothing without packages.
 */
export function payPackageFee(world: WorldState, i: number, period: number): void {
  const packages = world.scenario.packages;
  const k = world.package[i]! - 1;
  if (!packages || k < 0) return;
  const price = packages.price[k]!;
  const cv = packages.cv[k]! >= 0 ? packages.cv[k]! : cvOf(world, price);
  const qv = packages.qv[k]! >= 0 ? packages.qv[k]! : qvOf(world, price, cv);
  world.ownCv[i]! += cv;
  if (world.hasQv) world.ownQv[i]! += qv;
  world.ownSpend[i]! += price;
  world.tally.revenueDistributors += price;
  world.tally.cv += cv;
  world.tally.placed += 1;
  if (world.keepOrders) pushOrder(world.orderColumns, i, -1, period, price, cv, qv, k + 1);
  world.tally.orders?.push({ member: i, customer: -1, price, cv, ...(world.hasQv ? { qv } : {}), customerJoin: period, package: packages.names[k]! });
}

/**
 * Appends the `rank`-th customer `owner` acquired in `joinPeriod`: her key from
 * the owner's, her subscription value from her key. Returns her dense index.
 */
export function addCustomer(world: WorldState, owner: number, joinPeriod: number, rank: number): number {
  const c = world.customers;
  if (c === world.customerOwner.length) growCustomers(world);
  deriveKey(world.keys.customer, world.keyHi[owner]!, world.keyLo[owner]!, joinPeriod, rank, world.customerKeyHi, world.customerKeyLo, c);
  const price = drawOrder(world, world.scenario.customerValue, world.draws.customerValue.at(world.customerKeyHi[c]!, world.customerKeyLo[c]!, 0));
  return appendCustomer(world, owner, joinPeriod, world.customerKeyHi[c]!, world.customerKeyLo[c]!, world.customersEver, price, world.drawn.cv, world.drawn.qv);
}

/**
 * A distributor's new customer, acquired in period `t` as her `rank`-th of
 * the period: a subscriber (appended as {@link addCustomer} does; returns her
 * dense index) or, with `customers.oneTime`, a one-time buyer as often as its
 * share says (returns -1: the sale's price, volumes and customer id are in
 * `world.drawn`; she takes a prospect and an id, and is not kept).
 */
export function acquireCustomer(world: WorldState, owner: number, t: number, rank: number): number {
  const oneTime = world.scenario.oneTime;
  if (oneTime === undefined) return addCustomer(world, owner, t, rank);
  const c = world.customers;
  if (c === world.customerOwner.length) growCustomers(world);
  deriveKey(world.keys.customer, world.keyHi[owner]!, world.keyLo[owner]!, t, rank, world.customerKeyHi, world.customerKeyLo, c);
  const hi = world.customerKeyHi[c]!;
  const lo = world.customerKeyLo[c]!;
  if (keyedUniform(world.keys.oneTime, hi, lo, 0, 0) >= oneTime.share) return addCustomer(world, owner, t, rank);
  world.drawn.price = drawOrder(world, oneTime.value, world.draws.customerValue.at(hi, lo, 1));
  world.drawn.id = world.customersEver++;
  if (world.prospectsLeft > 0) world.prospectsLeft -= 1;
  return -1;
}

/**
 * Appends a customer with the given identity key, id and subscription (price,
 * CV and QV, minor units; QV defaults to the CV): the one place a customer is
 * added, drawn by {@link addCustomer} or replayed from a history. Returns her
 * dense index.
 */
export function appendCustomer(world: WorldState, owner: number, joinPeriod: number, hi: number, lo: number, id: number, price: number, cv: number, qv = cv): number {
  if (world.customers === world.customerOwner.length) growCustomers(world);
  const c = world.customers++;
  world.customerKeyHi[c] = hi;
  world.customerKeyLo[c] = lo;
  world.customerId[c] = id;
  world.customersEver = Math.max(world.customersEver, id + 1);
  world.customerOwner[c] = owner;
  world.customerJoin[c] = joinPeriod;
  world.customerPrice[c] = price;
  world.customerCvEach[c] = cv;
  world.customerQvEach[c] = qv;
  world.customerCount[owner]! += 1;
  if (world.prospectsLeft > 0) world.prospectsLeft -= 1;
  return c;
}

/**
 * Starts a period in the spare set of per-period arrays (a world whose
 * periods another thread reads): the last period's set stays as it is for
 * its reader, and the spare one — the period before's, released by then —
 * takes the last period's upline, alive flags and current list (a period
 * starts from them), with hours, expenses and required purchases cleared for
 * everyone who was current in it (this period's members get theirs from the
 * steps; everyone else's are 0, as in a world of one set). The volumes and
 * spending are cleared by `beginPeriod` as always.
 */
export function swapPeriodArrays(world: WorldState): void {
  const next = world.spare!;
  const n = world.size;
  for (let idx = 0; idx < next.currentCount; idx++) {
    const i = next.current[idx]!;
    next.hours[i] = 0;
    next.expenses[i] = 0;
    next.requiredPurchases[i] = 0;
  }
  next.upline.set(world.upline.subarray(0, n));
  next.alive.set(world.alive.subarray(0, n));
  next.current.set(world.current.subarray(0, world.currentCount));
  next.currentCount = world.currentCount;
  // The two sets trade places: the world writes in the spare one, the last period's becomes the spare.
  const w = world as unknown as Record<PeriodArrayName, unknown>;
  const x = next as unknown as Record<PeriodArrayName, unknown>;
  for (const name of PERIOD_ARRAYS) {
    const last = w[name];
    w[name] = x[name];
    x[name] = last;
  }
}

/** The arrays of {@link PeriodArrays}: what a period's reader on another thread reads, kept twice (see {@link swapPeriodArrays}). */
const PERIOD_ARRAYS = ["upline", "alive", "current", "ownCv", "customerCv", "ownQv", "customerQv", "ownSpend", "expenses", "requiredPurchases", "hours"] as const satisfies readonly Exclude<keyof PeriodArrays, "currentCount">[];
type PeriodArrayName = (typeof PERIOD_ARRAYS)[number];

/** Grows a set of per-period arrays to `cap` entries, contents kept; without a QV of its own, its QV arrays are its CV arrays. */
function growPeriodArrays(a: PeriodArrays, cap: number, hasQv: boolean): void {
  a.upline = grown(a.upline, cap);
  a.alive = grown(a.alive, cap);
  a.current = grown(a.current, cap);
  a.ownCv = grown(a.ownCv, cap);
  a.customerCv = grown(a.customerCv, cap);
  a.ownQv = hasQv ? grown(a.ownQv, cap) : a.ownCv;
  a.customerQv = hasQv ? grown(a.customerQv, cap) : a.customerCv;
  a.ownSpend = grown(a.ownSpend, cap);
  a.expenses = grown(a.expenses, cap);
  a.requiredPurchases = grown(a.requiredPurchases, cap);
  a.hours = grown(a.hours, cap);
}

function growMembers(world: WorldState): void {
  const cap = Math.ceil(world.sponsor.length * 1.5) + 16;
  if (world.spare) growPeriodArrays(world.spare, cap, world.hasQv);
  growPeriodArrays(world, cap, world.hasQv);
  world.sponsor = grown(world.sponsor, cap);
  world.keyHi = grown(world.keyHi, cap);
  world.keyLo = grown(world.keyLo, cap);
  world.joinPeriod = grown(world.joinPeriod, cap);
  world.quitPeriod = grown(world.quitPeriod, cap);
  world.role = grown(world.role, cap);
  world.company = grown(world.company, cap);
  world.stopPeriod = grown(world.stopPeriod, cap);
  world.stopFlags = grown(world.stopFlags, cap);
  world.effort = grown(world.effort, cap);
  world.recruits = grown(world.recruits, cap);
  world.customerCount = grown(world.customerCount, cap);
  world.package = grown(world.package, cap);
}

/** Grows the customer columns by half (geometric), to at least `atLeast` entries; contents kept. */
export function growCustomers(world: WorldState, atLeast = 0): void {
  const cap = Math.max(atLeast, Math.ceil(world.customerOwner.length * 1.5) + 16);
  world.customerId = grown(world.customerId, cap);
  world.customerOwner = grown(world.customerOwner, cap);
  world.customerJoin = grown(world.customerJoin, cap);
  world.customerPrice = grown(world.customerPrice, cap);
  world.customerCvEach = grown(world.customerCvEach, cap);
  world.customerQvEach = world.hasQv ? grown(world.customerQvEach, cap) : world.customerCvEach;
  world.customerKeyHi = grown(world.customerKeyHi, cap);
  world.customerKeyLo = grown(world.customerKeyLo, cap);
}
