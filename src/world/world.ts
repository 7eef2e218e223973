/**
 * The world: a scenario and a seed turned into each period's events — quits,
 * roll-up of orphans, effort, customer churn and orders, recruiting, customer
 * acquisition, distributors' own orders, expenses. It never reads a plan: the
 * only way in is each period's {@link WorldStepInput} (realized income and
 * ranks of the previous period, for income feedback; a saturation override,
 * for twin runs).
 *
 * State is struct-of-arrays, grown geometrically; a period allocates nothing
 * per member. Each behaviour is one step, one file under `steps/`, run in the
 * order documented there. Every draw that decides one member's or customer's
 * fate is keyed by (seed, concern, identity, period) (see random/keyed.ts and
 * state.ts), so it does not depend on how many draws anyone else took, and
 * identities do not depend on join order.
 *
 * @module
 */
import { parseDecimal } from "../money/decimal.js";
import { stream } from "../random/stream.js";
import { generateNetwork } from "./generate.js";
import { createOrderColumns, type OrderColumns, type PeriodNetwork } from "./network.js";
import { createPlacement } from "./placement.js";
import { ordersCarryQv, resolveScenario, type Scenario, type ScenarioInput } from "./scenario.js";
import { addOriginMember, createAside, emptyTally, saturation, swapPeriodArrays, worldKeys, type PeriodArrays, type WorldState } from "./state.js";
import { typedArray } from "../util/grow.js";
import { STOP_KEEPS_HAZARD, STOP_OWN_ORDER, type ListedStop } from "./people.js";
import { NO_INPUT, WORLD_STEPS, type WorldStepInput } from "./steps/index.js";
import { hazardTable } from "./tenure.js";
import { checkWorldOptions } from "./world-options.js";
import { checkWorldBudget, DEFAULT_MEMORY_BUDGET, projectWorld } from "./estimate.js";

export type { WorldStepInput } from "./steps/index.js";

/** Counts and money of one period of the world (money in minor units). */
export interface WorldPeriodStats {
  readonly period: number;
  /** Distributors at the end of the period. */
  readonly members: number;
  readonly joins: number;
  readonly quits: number;
  /** Customers at the end of the period. */
  readonly customers: number;
  /** Customers acquired this period, one-time buyers included. */
  readonly newCustomers: number;
  /** Of `newCustomers`, the one-time buyers (`customers.oneTime`): they bought once and are not in `customers`. */
  readonly oneTimeSales: number;
  /** Customers who churned or were lost with a quitting distributor. */
  readonly lostCustomers: number;
  readonly orders: number;
  /** Revenue from end customers' orders. */
  readonly revenueCustomers: number;
  /** Revenue from distributors' own orders. */
  readonly revenueDistributors: number;
  /** Total CV of the period's orders. */
  readonly cv: number;
  /** Prospects left in the market at the end of the period. */
  readonly prospectsLeft: number;
  /**
   * The market's saturation this period (the share untouched at its start, or
   * the input's override): what recruiting and acquisition rates were scaled
   * by. Feed it to a twin run (`WorldStepInput.saturation`) to isolate it.
   */
  readonly saturation: number;
  /** Members working this period: effort above 0 and a role that recruits or acquires customers. */
  readonly working: number;
  /** Hours of effort worked this period, summed over members. */
  readonly hours: number;
  /** Expenses (sign-up fees, kits, renewals, business costs) and required purchases of the period, minor units. */
  readonly expenses: number;
  readonly requiredPurchases: number;
}

/**
 * Members who stop all effort in one run, beside the scenario's `stopping`
 * rules: what a counterfactual twin run ("what if she stops?") adds.
 */
export interface StopOverride {
  /** Member indices (not founders). Indices of members who joined before `fromPeriod` name the same people in a twin run as in its base run. */
  readonly members: readonly number[];
  /** The first period without effort (or her join period, if later). */
  readonly fromPeriod: number;
  /** Her own monthly order: `"keep"` (default) or `"stop"`. */
  readonly ownOrder?: "keep" | "stop";
  /** After the stop: `"exempt"` from attrition (default: she keeps her account) or the tenure `"hazard"`. */
  readonly attrition?: "exempt" | "hazard";
}

/**
 * Members exempt from attrition in one run, from a period on — with no other
 * change (they keep their effort, their orders, everything): the base run of
 * a counterfactual whose twin exempts its stopped members (see `stopEffort`).
 */
export interface StayOverride {
  /** Member indices (not founders, who never quit anyway). Indices of members who joined before `fromPeriod` name the same people in a twin run as in its base run. */
  readonly members: readonly number[];
  /** The first period without an attrition draw (or the first after her join, if later). */
  readonly fromPeriod: number;
}

/** Options of a world run. */
export interface WorldOptions {
  /** The run's seed; every stream and keyed draw is derived from it. Default 42. */
  readonly seed?: number | string;
  /** Keep each period's orders as records (for the reference engine and audits; small runs). */
  readonly recordOrders?: boolean;
  /**
   * Members who stop all effort in this run, on top of the scenario's rules
   * (the earlier stop wins for a member both name). Everything else about the
   * run is unchanged, so a run with `stop` beside one without, on the same
   * seed, is a counterfactual twin.
   */
  readonly stop?: StopOverride;
  /**
   * Members who keep their accounts in this run: exempt from attrition from
   * `fromPeriod` on (or the period after her join, if later), and
   * otherwise unchanged. A member exempt from attrition changes nothing for
   * anyone outside her downline and customer base (draws are keyed, as with
   * `stop`).
   */
  readonly stay?: StayOverride;
  /**
   * Memory budget in bytes for the world's arrays (default 4 GiB; `Infinity`
   * for none): a scenario whose projected world is larger is refused before
   * any allocation (see `projectWorld`).
   */
  readonly budget?: number;
}

/** The placement tree of a world, read-only. */
export interface WorldPlacement {
  readonly width: number;
  /** Members placed: equal to the world's size. */
  readonly size: number;
  readonly parent: Readonly<Int32Array>;
  readonly slot: Readonly<Uint8Array>;
  /** `child[p × width + s]`: who holds slot s under p, or -1. */
  readonly child: Readonly<Int32Array>;
}

/**
 * A running world, read-only: only {@link stepWorld} changes it. Arrays are
 * indexed by member (0..size-1) or by customer (0..customers-1, dense, in no
 * meaningful order) and may be longer; they are the world's own, replaced when
 * they grow, so read them again after each step rather than keeping them.
 */
export interface World {
  readonly scenario: Scenario;
  readonly seed: number | string;
  /** The next period to run. */
  readonly period: number;
  /** Members who ever joined. */
  readonly size: number;
  /** The enroller, as at joining (-1 at the top). */
  readonly sponsor: Readonly<Int32Array>;
  /** The current upline, after roll-ups of quitters (-1 at the top). */
  readonly upline: Readonly<Int32Array>;
  /**
   * Each member's 64-bit identity key (high and low words): what her draws are
   * keyed by. A key does not depend on join order; an index may.
   */
  readonly keyHi: Readonly<Int32Array>;
  readonly keyLo: Readonly<Int32Array>;
  readonly joinPeriod: Readonly<Int32Array>;
  /** Period of quitting; meaningful where `alive` is 0. */
  readonly quitPeriod: Readonly<Int32Array>;
  readonly alive: Readonly<Uint8Array>;
  /** Each member's role, as a code: `ROLES[role[i]]` is its name (consumer, seller, builder). */
  readonly role: Readonly<Uint8Array>;
  /**
   * 1 for a company-held account (the scenario's `start.founders`): paid and
   * paying like any member, but not a participant — statistics about
   * participants leave these out.
   */
  readonly company: Readonly<Uint8Array>;
  /** The first period in which each member gives no effort (stopped); 2^31 − 1 if she never stops. */
  readonly stopPeriod: Readonly<Int32Array>;
  /** Each member's effort this period, in [0, 1] (fade by tenure; 0 once stopped or quit; 1 for founders). */
  readonly effort: Readonly<Float64Array>;
  /** Hours each member worked this period: her role's hours × her effort. */
  readonly hours: Readonly<Float64Array>;
  /**
   * Each member's expenses this period, minor units: sign-up fee and kit (join
   * period), annual renewal, her role's business costs (while she works).
   * Net income = earnings + retail profit − expenses − required purchases.
   */
  readonly expenses: Readonly<Float64Array>;
  /** The part of each member's own orders this period she would not have bought anyway, minor units. */
  readonly requiredPurchases: Readonly<Float64Array>;
  /** Personal recruits ever. */
  readonly recruits: Readonly<Int32Array>;
  /** Customers each member has now. */
  readonly customerCount: Readonly<Int32Array>;
  /** CV of each member's own orders this period. */
  readonly ownCv: Readonly<Float64Array>;
  /** CV of each member's customers' orders this period. */
  readonly customerCv: Readonly<Float64Array>;
  /** QV of each member's own and customers' orders this period (equal to the CV when the scenario gives no QV). */
  readonly ownQv: Readonly<Float64Array>;
  readonly customerQv: Readonly<Float64Array>;
  /** Each member's enrolment package (1-based in the scenario's `packages`; 0 without packages). */
  readonly package: Readonly<Uint8Array>;
  /** Price of each member's own orders this period. */
  readonly ownSpend: Readonly<Float64Array>;
  /** Current members (not quit), ascending: entries 0..currentCount-1. */
  readonly current: Readonly<Int32Array>;
  readonly currentCount: number;
  /** Customers now (entries 0..customers-1 of the customer columns). */
  readonly customers: number;
  /** Each customer's id: a running number, in order of acquisition. */
  readonly customerId: Readonly<Int32Array>;
  readonly customerOwner: Readonly<Int32Array>;
  /** The period each customer was acquired. */
  readonly customerJoin: Readonly<Int32Array>;
  readonly customerPrice: Readonly<Float64Array>;
  readonly customerCvEach: Readonly<Float64Array>;
  readonly customerQvEach: Readonly<Float64Array>;
  /** Each customer's 64-bit identity key (kept when she moves up to a new distributor). */
  readonly customerKeyHi: Readonly<Int32Array>;
  readonly customerKeyLo: Readonly<Int32Array>;
  /** Customers ever acquired. */
  readonly customersEver: number;
  readonly prospectsLeft: number;
  /** This period's orders as columns, refilled every period (reused, grown geometrically). */
  readonly orderColumns: OrderColumns;
  /** The placement tree, when the scenario asks for one. */
  readonly placement?: WorldPlacement;
}

/**
 * Creates the world at the start of period 0: founders, or a generated mature
 * network with its customers.
 *
 * @example
 * const world = createWorld({ months: 12 }, { seed: 7 });
 * world.size // => 1 (one founder)
 */
export function createWorld(input: ScenarioInput | Scenario = {}, options: WorldOptions = {}): World {
  return createWorldWith(input, options, EVERYTHING);
}

/**
 * What a world keeps beyond its members and customers, for a runner that
 * knows who reads it (internal: {@link createWorld} keeps everything).
 */
export interface WorldKeeps {
  /**
   * The period's orders as columns (`network.orderCount`, `orderMember`, …).
   * Without them a period's network carries volumes only: for plans and
   * readers that never look at single orders, whose runs then skip the
   * largest per-period arrays and the work of filling them.
   */
  readonly orders: boolean;
  /**
   * Member arrays on shared memory, and a spare set of those a period's
   * payout reads — upline, alive, the current list, volumes, spending,
   * expenses, hours — that the periods alternate between (see
   * `swapPeriodArrays` in state.ts): another thread can read period t's
   * while this one builds period t + 1 into the other set. Without order
   * columns only.
   */
  readonly spare?: boolean;
}

/** Everything: what {@link createWorld} keeps. */
export const EVERYTHING: WorldKeeps = Object.freeze({ orders: true });

/** A second set of the per-period member arrays, on shared memory (see {@link WorldKeeps.spare}). */
function spareArrays(capacity: number, hasQv: boolean): PeriodArrays {
  const ownCv = typedArray(Float64Array, capacity, true);
  const customerCv = typedArray(Float64Array, capacity, true);
  return {
    upline: typedArray(Int32Array, capacity, true),
    alive: typedArray(Uint8Array, capacity, true),
    current: typedArray(Int32Array, capacity, true),
    currentCount: 0,
    ownCv,
    customerCv,
    ownQv: hasQv ? typedArray(Float64Array, capacity, true) : ownCv,
    customerQv: hasQv ? typedArray(Float64Array, capacity, true) : customerCv,
    ownSpend: typedArray(Float64Array, capacity, true),
    expenses: typedArray(Float64Array, capacity, true),
    requiredPurchases: typedArray(Float64Array, capacity, true),
    hours: typedArray(Float64Array, capacity, true),
  };
}

/** {@link createWorld}, keeping what `keeps` says (internal: the runner's). */
export function createWorldWith(input: ScenarioInput | Scenario, options: WorldOptions, keeps: WorldKeeps): World {
  checkWorldOptions(options);
  const scenario = resolveScenario(input);
  checkWorldBudget(scenario, options.budget ?? DEFAULT_MEMORY_BUDGET);
  const { spec } = scenario;
  const initialMembers = spec.start.network?.distributors ?? spec.start.founders;
  const initialCustomers = Math.ceil(initialMembers * (spec.start.network?.customersPerDistributor ?? 0));
  // Room from the start for the members the run is projected to reach (a little over, it is an upper
  // estimate; at most 16× the start): no growth, so no copies and no old arrays awaiting collection.
  // Room not yet written to costs address space, not memory.
  const projected = Math.min(Math.ceil(projectWorld(scenario).members * 1.05) + 16, initialMembers * 16 + 1024);
  const world = createWorldState(scenario, options, initialMembers, initialCustomers, keeps, projected);
  if (spec.start.network) generateNetwork(world, spec.start.network.distributors, spec.start.network.customersPerDistributor);
  else for (let f = 0; f < spec.start.founders; f++) addOriginMember(world, -1, 0, true);
  // The writable state, seen through the read-only World type (this line also checks it is one).
  return world;
}

/**
 * The writable state of a world with no one in it yet, room made for about
 * `members` members and `customers` customers: {@link createWorld} then adds
 * founders or a generated network; a replayed history adds its own members
 * (src/history/world-from-history.ts). Internal.
 */
export function createWorldState(
  scenario: Scenario,
  options: WorldOptions,
  members: number,
  customers: number,
  keeps: WorldKeeps = EVERYTHING,
  memberRoom = 0,
): WorldState {
  const { spec } = scenario;
  const seed = options.seed ?? 42;
  const weekly = spec.period === "week";
  const monthsPerPeriod = weekly ? 12 / 52 : 1;
  const cv = parseDecimal(spec.cvRatio)!;
  const qv = spec.qvRatio === undefined ? undefined : parseDecimal(spec.qvRatio)!;
  const capacity = Math.max(16, Math.ceil(members * 1.25), memberRoom);
  const customerCapacity = Math.max(16, Math.ceil(customers * 1.25));
  const { keys, draws } = worldKeys(seed);
  const hasQv = ordersCarryQv(scenario.spec);
  const keepOrders = keeps.orders || options.recordOrders === true;
  // Member arrays on shared memory when another thread reads the periods (see WorldKeeps.spare; without order columns only).
  const shared = keeps.spare === true && !keepOrders;
  const member = <T extends Int32Array | Float64Array | Uint8Array>(ctor: Parameters<typeof typedArray<T>>[0]) => typedArray<T>(ctor, capacity, shared);
  // Without a QV of their own, QV is CV: the QV columns are the CV columns (one array each, written once).
  const ownCv = member(Float64Array);
  const customerCv = member(Float64Array);
  const customerCvEach = new Float64Array(customerCapacity);
  return {
    scenario,
    seed,
    period: 0,
    size: 0,
    sponsor: member(Int32Array),
    upline: member(Int32Array),
    keyHi: member(Int32Array),
    keyLo: member(Int32Array),
    joinPeriod: member(Int32Array),
    quitPeriod: member(Int32Array),
    alive: member(Uint8Array),
    role: member(Uint8Array),
    company: member(Uint8Array),
    stopPeriod: member(Int32Array),
    stopFlags: member(Uint8Array),
    effort: member(Float64Array),
    hours: member(Float64Array),
    expenses: member(Float64Array),
    requiredPurchases: member(Float64Array),
    recruits: member(Int32Array),
    customerCount: member(Int32Array),
    ownCv,
    customerCv,
    ownQv: hasQv ? member(Float64Array) : ownCv,
    customerQv: hasQv ? member(Float64Array) : customerCv,
    package: member(Uint8Array),
    ownSpend: member(Float64Array),
    current: member(Int32Array),
    currentCount: 0,
    customers: 0,
    customerId: new Int32Array(customerCapacity),
    customerOwner: new Int32Array(customerCapacity),
    customerJoin: new Int32Array(customerCapacity),
    customerPrice: new Float64Array(customerCapacity),
    customerCvEach,
    customerQvEach: hasQv ? new Float64Array(customerCapacity) : customerCvEach,
    customerKeyHi: new Int32Array(customerCapacity),
    customerKeyLo: new Int32Array(customerCapacity),
    customersEver: 0,
    prospectsLeft: spec.market.prospects,
    // Period 0 renews at most every starting customer and orders for at most every starting
    // distributor; new customers' first orders grow the columns if they must.
    orderColumns: createOrderColumns(keepOrders ? customers + members : 0),
    keepOrders,
    spare: shared ? spareArrays(capacity, hasQv) : undefined,
    customersByOwner: !keepOrders,
    aside: createAside(),
    customersSorted: 0x7fffffff,
    recordOrders: options.recordOrders ?? false,
    network: stream(seed, "network"),
    keys,
    draws,
    attritionHazard: hazardTable(spec.distributors.attrition, monthsPerPeriod),
    churnHazard: hazardTable(spec.customers.churn, monthsPerPeriod),
    monthsPerPeriod,
    cvUnits: Number(cv.units),
    cvScale: 10 ** cv.places,
    qvUnits: qv === undefined ? -1 : Number(qv.units),
    qvScale: qv === undefined ? 1 : 10 ** qv.places,
    hasQv,
    drawn: { cv: 0, qv: 0, price: 0, id: 0 },
    ...(spec.placement ? { placement: createPlacement(spec.placement, capacity) } : {}),
    listedStops: listedStops(scenario, options.stop),
    stays: listedStays(scenario, options.stay),
    saturationNow: 1,
    frontline: new Int32Array(0),
    workers: new Int32Array(0),
    workerCount: 0,
    tally: emptyTally(),
  };
}

/**
 * The members an override names (`stop` or `stay`), each checked not to be a
 * founder: company accounts never stop or quit. Their shape (whole indices, a
 * period ≥ 0) is checked with the options, by `checkWorldOptions`.
 */
function overrideMembers(scenario: Scenario, option: "stop" | "stay", members: readonly number[]): readonly number[] {
  const founders = scenario.spec.start.founders;
  members.forEach((m, k) => {
    if (m < founders) {
      throw new RangeError(`downline/world: options.${option}.members[${k}]: expected a member index ≥ ${founders} (founders are company-held and never ${option === "stop" ? "stop" : "quit"}), got ${m}`);
    }
  });
  return members;
}

/** The scenario's listed stops merged with the run's override (the earlier stop per member). */
function listedStops(scenario: Scenario, stop: StopOverride | undefined): ReadonlyMap<number, ListedStop> {
  const fromScenario = scenario.people.listedStops;
  if (!stop) return fromScenario;
  const flags = (stop.ownOrder === "stop" ? STOP_OWN_ORDER : 0) | (stop.attrition === "hazard" ? STOP_KEEPS_HAZARD : 0);
  const merged = new Map(fromScenario);
  for (const m of overrideMembers(scenario, "stop", stop.members)) {
    const had = merged.get(m);
    if (!had || stop.fromPeriod < had.fromPeriod) merged.set(m, { fromPeriod: stop.fromPeriod, flags });
  }
  return merged;
}

/** The run's `stay` option as member → first period without an attrition draw; empty without it. */
function listedStays(scenario: Scenario, stay: StayOverride | undefined): ReadonlyMap<number, number> {
  const stays = new Map<number, number>();
  if (stay) for (const m of overrideMembers(scenario, "stay", stay.members)) stays.set(m, stay.fromPeriod);
  return stays;
}

/**
 * Runs the world's next period and returns the network a plan is paid on, with
 * the period's counts. The returned arrays are the world's own, valid until the
 * next step.
 *
 * The period runs the steps of `steps/` in their documented order: attrition,
 * roll-up, effort, existing customers (orphans, churn, renewals), recruiting,
 * customer acquisition, own orders, expenses, placement volume.
 *
 * The market's saturation of the period — what recruiting and acquisition
 * rates are scaled by — is one number: the share of prospects left at the
 * start of the period (nobody joins or is acquired before recruiting), or
 * `input.saturation` when given.
 *
 * @param world a world from {@link createWorld}
 * @param input what the world is told about the previous period: each
 *   member's realized income and paid-as rank (read only when the scenario
 *   has attrition multipliers), and a saturation override (twin runs)
 *
 * @example
 * const world = createWorld({ months: 12 }, { seed: 7 });
 * stepWorld(world).stats.period // => 0
 * world.period // => 1
 */
export function stepWorld(world: World, input: WorldStepInput = NO_INPUT): { network: PeriodNetwork; stats: WorldPeriodStats } {
  const state = world as WorldState;
  beginPeriod(state, input);
  for (const step of WORLD_STEPS) step.run(state, input);
  return endPeriod(state);
}

/**
 * Starts a period: the tally, the order columns and the period's volumes
 * reset. Every source of periods (the world's steps, a replayed history)
 * starts with it, so a new per-period field is reset in one place. Internal.
 */
export function beginPeriod(state: WorldState, input: WorldStepInput = NO_INPUT): void {
  if (state.spare) swapPeriodArrays(state);
  const tally = state.tally;
  tally.quits = 0;
  tally.joins = 0;
  tally.newCustomers = 0;
  tally.oneTimeSales = 0;
  tally.lostCustomers = 0;
  tally.revenueCustomers = 0;
  tally.revenueDistributors = 0;
  tally.cv = 0;
  tally.expenses = 0;
  tally.requiredPurchases = 0;
  tally.hours = 0;
  tally.working = 0;
  tally.placed = 0;
  tally.orders = state.recordOrders ? [] : undefined;
  if (input.saturation !== undefined) {
    const s = input.saturation;
    if (typeof s !== "number" || !(s >= 0 && s <= 1)) throw new RangeError(`downline/world: input.saturation: expected a number in [0, 1], got ${s}`);
    state.saturationNow = s;
  } else state.saturationNow = saturation(state);
  state.orderColumns.orderCount = 0;
  state.ownCv.fill(0, 0, state.size);
  state.customerCv.fill(0, 0, state.size);
  if (state.hasQv) {
    state.ownQv.fill(0, 0, state.size);
    state.customerQv.fill(0, 0, state.size);
  }
  state.ownSpend.fill(0, 0, state.size);
}

/**
 * Ends a period: moves the world to the next one and returns the network a
 * plan is paid on, with the period's counts (the world's own arrays, valid
 * until the next period). Internal; see {@link beginPeriod}.
 */
export function endPeriod(state: WorldState): { network: PeriodNetwork; stats: WorldPeriodStats } {
  const t = state.period;
  const tally = state.tally;
  state.period = t + 1;
  const columns = state.orderColumns;
  const placement = state.placement;
  const network: PeriodNetwork = {
    period: t,
    size: state.size,
    upline: state.upline,
    alive: state.alive,
    members: state.current,
    memberCount: state.currentCount,
    joinPeriod: state.joinPeriod,
    ownCv: state.ownCv,
    customerCv: state.customerCv,
    ...(state.hasQv ? { ownQv: state.ownQv, customerQv: state.customerQv, orderQv: columns.orderQv } : {}),
    ...(state.scenario.packages ? { package: state.package, packageNames: state.scenario.packages.names, orderPackage: columns.orderPackage } : {}),
    ...(tally.orders ? { orders: tally.orders } : {}),
    ...(placement ? { placement: { width: placement.width, parent: placement.parent, slot: placement.slot } } : {}),
    ...(state.keepOrders
      ? {
          orderCount: columns.orderCount,
          orderMember: columns.orderMember,
          orderCustomer: columns.orderCustomer,
          orderCustomerJoin: columns.orderCustomerJoin,
          orderPrice: columns.orderPrice,
          orderCv: columns.orderCv,
        }
      : {}),
  };
  const stats: WorldPeriodStats = {
    period: t,
    members: state.currentCount,
    joins: tally.joins,
    quits: tally.quits,
    customers: state.customers,
    newCustomers: tally.newCustomers,
    oneTimeSales: tally.oneTimeSales,
    lostCustomers: tally.lostCustomers,
    orders: state.keepOrders ? columns.orderCount : tally.placed,
    revenueCustomers: tally.revenueCustomers,
    revenueDistributors: tally.revenueDistributors,
    cv: tally.cv,
    prospectsLeft: state.prospectsLeft,
    saturation: state.saturationNow,
    working: tally.working,
    hours: tally.hours,
    expenses: tally.expenses,
    requiredPurchases: tally.requiredPurchases,
  };
  return { network, stats };
}
