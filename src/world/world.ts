/**
 * The world: a scenario and a seed turned into each period's events — quits,
 * roll-up of orphans, customer churn and orders, recruiting, customer
 * acquisition, distributors' own orders. It never reads a plan.
 *
 * State is struct-of-arrays, grown geometrically; a period allocates nothing
 * per member. Each concern draws from its own seeded stream.
 *
 * @module
 */
import { roundScaled } from "../money/round.js";
import { parseDecimal } from "../money/decimal.js";
import { normal, poisson, stream, type Uniform } from "../random/stream.js";
import { grown } from "../util/grow.js";
import { addPlacementVolume, createPlacement, place, type Placement } from "./placement.js";
import { createOrderColumns, pushOrder, type OrderColumnsBuilder, type OrderRecord, type PeriodNetwork } from "./network.js";
import { resolveScenario, type Scenario, type ScenarioInput, type ValueDraw } from "./scenario.js";

/** Counts and money of one period of the world (money in minor units). */
export interface WorldPeriodStats {
  readonly period: number;
  /** Distributors at the end of the period. */
  readonly members: number;
  readonly joins: number;
  readonly quits: number;
  /** Customers at the end of the period. */
  readonly customers: number;
  readonly newCustomers: number;
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
}

/** Options of a world run. */
export interface WorldOptions {
  /** The run's seed; every random stream is derived from it. Default 42. */
  readonly seed?: number | string;
  /** Keep each period's orders as records (for the reference engine and audits; small runs). */
  readonly recordOrders?: boolean;
}

/** A running world. Read its arrays through {@link stepWorld}'s result; do not write them. */
export interface World {
  readonly scenario: Scenario;
  readonly seed: number | string;
  /** The next period to run. */
  period: number;
  /** Members who ever joined. */
  size: number;
  sponsor: Int32Array;
  upline: Int32Array;
  joinPeriod: Int32Array;
  /** Period of quitting; meaningful where `alive` is 0. */
  quitPeriod: Int32Array;
  alive: Uint8Array;
  builder: Uint8Array;
  /** Personal recruits ever. */
  recruits: Int32Array;
  /** Customers each member has now. */
  customerCount: Int32Array;
  ownCv: Float64Array;
  customerCv: Float64Array;
  /** Price of each member's own orders this period. */
  ownSpend: Float64Array;
  /** Current members (not quit), ascending: loops visit them, not everyone who ever joined. */
  current: Int32Array;
  currentCount: number;
  /** Customers alive now: dense columns. */
  customers: number;
  customerId: Int32Array;
  customerOwner: Int32Array;
  customerJoin: Int32Array;
  customerPrice: Float64Array;
  customerCvEach: Float64Array;
  customersEver: number;
  prospectsLeft: number;
  /**
   * This period's orders as columns, refilled every period (the arrays are
   * reused and grow geometrically; never an allocation per order).
   */
  readonly orderColumns: OrderColumnsBuilder;
  readonly recordOrders: boolean;
  readonly rand: Readonly<Record<"network" | "recruiting" | "attrition" | "customers" | "churn" | "orders", Uniform>>;
  /** Per-period hazards by tenure month, already converted to the period length. */
  readonly attritionHazard: Float64Array;
  readonly churnHazard: Float64Array;
  /** Months per period: 1, or 12/52 for weeks. */
  readonly monthsPerPeriod: number;
  readonly cvUnits: number;
  readonly cvScale: number;
  /** The placement tree, when the scenario asks for one. */
  readonly placement?: Placement;
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
  const scenario = resolveScenario(input);
  const { spec } = scenario;
  const seed = options.seed ?? 42;
  const weekly = spec.period === "week";
  const monthsPerPeriod = weekly ? 12 / 52 : 1;
  const cv = parseDecimal(spec.cvRatio)!;
  const initialMembers = spec.start.network?.distributors ?? spec.start.founders;
  const capacity = Math.max(16, Math.ceil(initialMembers * 1.25));
  const initialCustomers = Math.ceil(initialMembers * (spec.start.network?.customersPerDistributor ?? 0));
  const customerCapacity = Math.max(16, Math.ceil(initialCustomers * 1.25));
  const world: World = {
    scenario,
    seed,
    period: 0,
    size: 0,
    sponsor: new Int32Array(capacity),
    upline: new Int32Array(capacity),
    joinPeriod: new Int32Array(capacity),
    quitPeriod: new Int32Array(capacity),
    alive: new Uint8Array(capacity),
    builder: new Uint8Array(capacity),
    recruits: new Int32Array(capacity),
    customerCount: new Int32Array(capacity),
    ownCv: new Float64Array(capacity),
    customerCv: new Float64Array(capacity),
    ownSpend: new Float64Array(capacity),
    current: new Int32Array(capacity),
    currentCount: 0,
    customers: 0,
    customerId: new Int32Array(customerCapacity),
    customerOwner: new Int32Array(customerCapacity),
    customerJoin: new Int32Array(customerCapacity),
    customerPrice: new Float64Array(customerCapacity),
    customerCvEach: new Float64Array(customerCapacity),
    customersEver: 0,
    prospectsLeft: spec.market.prospects,
    // Period 0 renews at most every starting customer and orders for at most every starting
    // distributor; new customers' first orders grow the columns if they must.
    orderColumns: createOrderColumns(initialCustomers + initialMembers),
    recordOrders: options.recordOrders ?? false,
    rand: {
      network: stream(seed, "network"),
      recruiting: stream(seed, "recruiting"),
      attrition: stream(seed, "attrition"),
      customers: stream(seed, "customers"),
      churn: stream(seed, "churn"),
      orders: stream(seed, "orders"),
    },
    attritionHazard: hazardTable(spec.distributors.attrition, monthsPerPeriod),
    churnHazard: hazardTable(spec.customers.churn, monthsPerPeriod),
    monthsPerPeriod,
    cvUnits: Number(cv.units),
    cvScale: 10 ** cv.places,
    ...(spec.placement ? { placement: createPlacement(spec.placement, capacity) } : {}),
  };
  if (spec.start.network) generateNetwork(world, spec.start.network.distributors, spec.start.network.customersPerDistributor);
  else for (let f = 0; f < spec.start.founders; f++) addMember(world, -1, 0, true);
  return world;
}

/**
 * Runs the world's next period and returns the network a plan is paid on, with
 * the period's counts. The returned arrays are the world's own, valid until the
 * next step.
 */
export function stepWorld(world: World): { network: PeriodNetwork; stats: WorldPeriodStats } {
  const t = world.period;
  const { spec } = world.scenario;
  const orders: OrderRecord[] | undefined = world.recordOrders ? [] : undefined;
  const columns = world.orderColumns;
  columns.orderCount = 0;
  world.ownCv.fill(0, 0, world.size);
  world.customerCv.fill(0, 0, world.size);
  world.ownSpend.fill(0, 0, world.size);

  // 1. Attrition: each distributor who joined before this period may quit.
  const quits = runAttrition(world, t);
  // 2. Roll-up: a quitter's downline moves to her nearest remaining upline; then
  //    the quitters leave the list of current members.
  if (quits > 0) {
    rollUp(world);
    dropQuitters(world);
  }
  // 3. Existing customers: orphans, churn, renewals.
  let revenueCustomers = 0;
  let cvTotal = 0;
  let lost = 0;
  {
    const { customerOwner, customerJoin, customerPrice, customerCvEach, customerId, alive, upline } = world;
    const hazard = world.churnHazard;
    const last = hazard.length - 1;
    const moveUp = spec.customers.orphans === "moveUp";
    const churn = world.rand.churn;
    let write = 0;
    for (let c = 0; c < world.customers; c++) {
      let owner = customerOwner[c]!;
      if (alive[owner] === 0) {
        world.customerCount[owner]! -= 1;
        owner = moveUp ? upline[owner]! : -1;
        if (owner >= 0) world.customerCount[owner]! += 1;
      }
      const tenure = t - customerJoin[c]!;
      // The hazard of the tenure month just completed (tenure ≥ 1: she joined before this period).
      const month = tenureMonth(tenure - 1, world.monthsPerPeriod);
      if (owner < 0 || churn() < hazard[month < last ? month : last]!) {
        if (owner >= 0) world.customerCount[owner]! -= 1;
        lost += 1;
        continue;
      }
      customerOwner[write] = owner;
      customerJoin[write] = customerJoin[c]!;
      customerPrice[write] = customerPrice[c]!;
      customerCvEach[write] = customerCvEach[c]!;
      customerId[write] = customerId[c]!;
      write += 1;
      if (renews(tenure, world.monthsPerPeriod)) {
        const price = customerPrice[c]!;
        const cv = customerCvEach[c]!;
        world.customerCv[owner]! += cv;
        revenueCustomers += price;
        cvTotal += cv;
        const join = customerJoin[c]!;
        pushOrder(columns, owner, customerId[c]!, join, price, cv);
        orders?.push({ member: owner, customer: customerId[c]!, price, cv, customerJoin: join });
      }
    }
    world.customers = write;
  }
  // 4. Recruiting.
  const sizeBefore = world.size;
  recruit(world, t);
  const joins = world.size - sizeBefore;
  // 5. Customer acquisition: every distributor, newcomers included; first order now.
  let newCustomers = 0;
  {
    const rate = spec.customers.acquisitionRate * world.monthsPerPeriod;
    const rand = world.rand.customers;
    if (rate > 0) {
      for (let idx = 0; idx < world.currentCount; idx++) {
        const i = world.current[idx]!;
        let k = poisson(rand, rate * saturation(world));
        while (k > 0 && world.prospectsLeft > 0) {
          k -= 1;
          const price = drawValue(world.scenario.customerValue, rand);
          const cv = cvOf(world, price);
          addCustomer(world, i, t, price, cv);
          newCustomers += 1;
          world.customerCv[i]! += cv;
          revenueCustomers += price;
          cvTotal += cv;
          // Her first order: she is acquired this period.
          pushOrder(columns, i, world.customersEver - 1, t, price, cv);
          orders?.push({ member: i, customer: world.customersEver - 1, price, cv, customerJoin: t });
        }
      }
    }
  }
  // 6. Distributors' own orders (autoship), on their renewal periods.
  let revenueDistributors = 0;
  {
    const p = spec.distributors.orderProbability;
    const rand = world.rand.orders;
    for (let idx = 0; idx < world.currentCount; idx++) {
      const i = world.current[idx]!;
      if (!renews(t - world.joinPeriod[i]!, world.monthsPerPeriod)) continue;
      if (rand() >= p) continue;
      const price = drawValue(world.scenario.distributorValue, rand);
      const cv = cvOf(world, price);
      world.ownCv[i]! += cv;
      world.ownSpend[i]! += price;
      revenueDistributors += price;
      cvTotal += cv;
      pushOrder(columns, i, -1, world.joinPeriod[i]!, price, cv);
      orders?.push({ member: i, customer: -1, price, cv, customerJoin: world.joinPeriod[i]! });
    }
  }
  world.period = t + 1;
  const placement = world.placement;
  if (placement && world.scenario.spec.placement?.kind === "binary" && world.scenario.spec.placement.mode === "weakerLegVolume") {
    addPlacementVolume(placement, world.ownCv, world.customerCv);
  }
  const network: PeriodNetwork = {
    period: t,
    size: world.size,
    upline: world.upline,
    alive: world.alive,
    members: world.current,
    memberCount: world.currentCount,
    joinPeriod: world.joinPeriod,
    ownCv: world.ownCv,
    customerCv: world.customerCv,
    ...(orders ? { orders } : {}),
    ...(placement ? { placement: { width: placement.width, parent: placement.parent, slot: placement.slot } } : {}),
    orderCount: columns.orderCount,
    orderMember: columns.orderMember,
    orderCustomer: columns.orderCustomer,
    orderCustomerJoin: columns.orderCustomerJoin,
    orderPrice: columns.orderPrice,
    orderCv: columns.orderCv,
  };
  const stats: WorldPeriodStats = {
    period: t,
    members: world.currentCount,
    joins,
    quits,
    customers: world.customers,
    newCustomers,
    lostCustomers: lost,
    orders: columns.orderCount,
    revenueCustomers,
    revenueDistributors,
    cv: cvTotal,
    prospectsLeft: world.prospectsLeft,
  };
  return { network, stats };
}

/**
 * The tenure month (0-based) that a period of tenure falls in: for months the
 * period itself; for weeks, 52 weeks are 12 months, so week w is in month
 * floor(12w/52) = floor(3w/13).
 */
function tenureMonth(tenure: number, monthsPerPeriod: number): number {
  return monthsPerPeriod === 1 ? tenure : Math.floor((3 * tenure) / 13);
}

/**
 * Whether a monthly subscription renews in the period at this tenure: every
 * month; in weekly periods, in the week a new month of tenure starts, so 52
 * weeks hold exactly 12 renewals.
 */
function renews(tenure: number, monthsPerPeriod: number): boolean {
  if (monthsPerPeriod === 1 || tenure === 0) return true;
  return Math.floor((3 * tenure) / 13) !== Math.floor((3 * (tenure - 1)) / 13);
}

/** Per-period hazards by tenure month: a monthly hazard h becomes 1 − (1 − h)^(months per period). */
function hazardTable(steps: readonly { fromMonth: number; monthly: number }[], monthsPerPeriod: number): Float64Array {
  const last = steps[steps.length - 1]!.fromMonth;
  const table = new Float64Array(last + 1);
  let s = 0;
  for (let m = 0; m <= last; m++) {
    while (s + 1 < steps.length && steps[s + 1]!.fromMonth <= m) s += 1;
    const h = steps[s]!.monthly;
    table[m] = monthsPerPeriod === 1 ? h : 1 - Math.pow(1 - h, monthsPerPeriod);
  }
  return table;
}

function saturation(world: World): number {
  const total = world.scenario.spec.market.prospects;
  return total === 0 ? 0 : world.prospectsLeft / total;
}

function cvOf(world: World, price: number): number {
  return roundScaled(price * world.cvUnits, world.cvScale, "halfEven");
}

function drawValue(d: ValueDraw, rand: Uniform): number {
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "choice": {
      const u = rand();
      const cum = d.cumulative;
      let k = 0;
      while (k < cum.length - 1 && u >= cum[k]!) k += 1;
      return d.values[k]!;
    }
    case "lognormal": {
      const v = Math.round(Math.exp(d.mu + d.sigma * normal(rand)));
      return v < d.min ? d.min : v > d.max ? d.max : v;
    }
  }
}

/** Whether a newcomer is a builder (Poisson model), drawn from the given concern's stream. */
function builderDraw(world: World, rand: Uniform): boolean {
  const r = world.scenario.spec.recruitment;
  return r.model === "poisson" && rand() < r.builderShare;
}

function runAttrition(world: World, t: number): number {
  const hazard = world.attritionHazard;
  const last = hazard.length - 1;
  const rand = world.rand.attrition;
  // Founders hold the top of the tree for the company: they do not quit.
  const founders = world.scenario.spec.start.founders;
  let quits = 0;
  for (let idx = 0; idx < world.currentCount; idx++) {
    const i = world.current[idx]!;
    if (i < founders || world.joinPeriod[i]! >= t) continue;
    // The hazard of the tenure month just completed: month 0's applies at the first draw.
    const month = tenureMonth(t - world.joinPeriod[i]! - 1, world.monthsPerPeriod);
    if (rand() < hazard[month < last ? month : last]!) {
      world.alive[i] = 0;
      world.quitPeriod[i] = t;
      quits += 1;
    }
  }
  return quits;
}

/** Removes this period's quitters from the ascending list of current members, in place. */
function dropQuitters(world: World): void {
  const { current, alive } = world;
  let write = 0;
  for (let idx = 0; idx < world.currentCount; idx++) {
    const i = current[idx]!;
    if (alive[i] === 1) current[write++] = i;
  }
  world.currentCount = write;
}

/**
 * Points every member of the period's list (this period's quitters included) at
 * her nearest upline who has not quit. One forward pass: an upline has a lower
 * index and was a current member too, so her own pointer is already fixed.
 */
function rollUp(world: World): void {
  const { upline, alive, current } = world;
  for (let idx = 0; idx < world.currentCount; idx++) {
    const i = current[idx]!;
    const p = upline[i]!;
    if (p >= 0 && alive[p] === 0) upline[i] = upline[p]!;
  }
}

function recruit(world: World, t: number): void {
  const r = world.scenario.spec.recruitment;
  const rand = world.rand.recruiting;
  const sat = saturation(world);
  const mpp = world.monthsPerPeriod;
  // Newcomers are appended to the list; only those present before recruiting sponsor now.
  const a0 = world.currentCount;
  if (r.model === "poisson") {
    for (let idx = 0; idx < a0 && world.prospectsLeft > 0; idx++) {
      const i = world.current[idx]!;
      const rate = world.builder[i] === 1 ? r.builderRate : r.otherRate;
      if (rate === 0) continue;
      let k = poisson(rand, rate * sat * mpp);
      while (k > 0 && world.prospectsLeft > 0) {
        k -= 1;
        addMember(world, i, t, builderDraw(world, rand));
      }
    }
    return;
  }
  if (a0 === 0) return;
  let k = Math.min(poisson(rand, r.rate * a0 * sat * mpp), world.prospectsLeft);
  if (r.model === "uniform") {
    while (k-- > 0) addMember(world, world.current[Math.floor(rand() * a0)]!, t, false);
    return;
  }
  // Preferential: P(sponsor i) ∝ 1 + (i's current frontline, after roll-ups). Pick a
  // uniform member with weight A, or the upline of a uniform non-top member with
  // weight C (that picks i with chance children(i) / C).
  let c = 0;
  for (let j = 0; j < a0; j++) if (world.upline[world.current[j]!]! >= 0) c += 1;
  while (k-- > 0) {
    let sponsor: number;
    if (rand() * (a0 + c) < a0) sponsor = world.current[Math.floor(rand() * a0)]!;
    else {
      let j: number;
      do j = world.current[Math.floor(rand() * a0)]!;
      while (world.upline[j]! < 0);
      sponsor = world.upline[j]!;
    }
    addMember(world, sponsor, t, false);
  }
}

function addMember(world: World, sponsor: number, joinPeriod: number, isBuilder: boolean): number {
  if (world.size === world.sponsor.length) growMembers(world);
  const i = world.size++;
  world.sponsor[i] = sponsor;
  world.upline[i] = sponsor;
  world.joinPeriod[i] = joinPeriod;
  world.alive[i] = 1;
  world.builder[i] = isBuilder ? 1 : 0;
  world.current[world.currentCount++] = i;
  if (world.placement) place(world.placement, i, sponsor);
  if (sponsor >= 0) world.recruits[sponsor]! += 1;
  if (world.prospectsLeft > 0) world.prospectsLeft -= 1;
  return i;
}

function addCustomer(world: World, owner: number, joinPeriod: number, price: number, cv: number): void {
  if (world.customers === world.customerOwner.length) growCustomers(world);
  const c = world.customers++;
  world.customerId[c] = world.customersEver++;
  world.customerOwner[c] = owner;
  world.customerJoin[c] = joinPeriod;
  world.customerPrice[c] = price;
  world.customerCvEach[c] = cv;
  world.customerCount[owner]! += 1;
  if (world.prospectsLeft > 0) world.prospectsLeft -= 1;
}

function growMembers(world: World): void {
  const cap = Math.ceil(world.sponsor.length * 1.5) + 16;
  world.sponsor = grown(world.sponsor, cap);
  world.upline = grown(world.upline, cap);
  world.joinPeriod = grown(world.joinPeriod, cap);
  world.quitPeriod = grown(world.quitPeriod, cap);
  world.alive = grown(world.alive, cap);
  world.builder = grown(world.builder, cap);
  world.recruits = grown(world.recruits, cap);
  world.customerCount = grown(world.customerCount, cap);
  world.ownCv = grown(world.ownCv, cap);
  world.customerCv = grown(world.customerCv, cap);
  world.ownSpend = grown(world.ownSpend, cap);
  world.current = grown(world.current, cap);
}

function growCustomers(world: World): void {
  const cap = Math.ceil(world.customerOwner.length * 1.5) + 16;
  world.customerId = grown(world.customerId, cap);
  world.customerOwner = grown(world.customerOwner, cap);
  world.customerJoin = grown(world.customerJoin, cap);
  world.customerPrice = grown(world.customerPrice, cap);
  world.customerCvEach = grown(world.customerCvEach, cap);
}

/**
 * A mature network of `n` distributors at the start: tenures drawn in proportion
 * to the scenario's own survival curve (as in a network with steady inflow),
 * oldest first; sponsors chosen among older members by the recruitment model;
 * customers per distributor Poisson, with tenures no longer than their
 * distributor's.
 */
function generateNetwork(world: World, n: number, customersPerDistributor: number): void {
  const rand = world.rand.network;
  const spec = world.scenario.spec;
  const horizon = 120;
  const memberSurvival = survivalCdf(world.scenario.spec.distributors.attrition, horizon);
  const customerSurvival = survivalCdf(world.scenario.spec.customers.churn, horizon);
  const tenures = new Float64Array(n);
  for (let i = 0; i < n; i++) tenures[i] = sampleCdf(memberSurvival, rand());
  tenures.sort();
  tenures.reverse();
  const periodsPerMonth = 1 / world.monthsPerPeriod;
  const founders = spec.start.founders;
  const r = spec.recruitment;
  const builders = new Int32Array(n);
  let nBuilders = 0;
  for (let i = 0; i < n; i++) {
    const join = -1 - Math.floor(tenures[i]! * periodsPerMonth);
    let sponsor = -1;
    if (i >= founders) {
      if (r.model === "poisson") {
        sponsor = nBuilders > 0 ? builders[Math.floor(rand() * nBuilders)]! : Math.floor(rand() * i);
      } else if (r.model === "uniform" || i === founders) {
        sponsor = Math.floor(rand() * i);
      } else {
        const nonTop = i - founders;
        if (rand() * (i + nonTop) < i) sponsor = Math.floor(rand() * i);
        else sponsor = world.upline[founders + Math.floor(rand() * nonTop)]!;
      }
    }
    // Founders build (the business starts with them); others by the builder share.
    const isBuilder = i < founders || builderDraw(world, rand);
    addMember(world, sponsor, join, isBuilder);
    if (isBuilder) builders[nBuilders++] = i;
  }
  for (let i = 0; i < n; i++) {
    let k = poisson(rand, customersPerDistributor);
    while (k-- > 0) {
      const memberTenure = -1 - world.joinPeriod[i]!;
      const tenure = Math.min(Math.floor(sampleCdf(customerSurvival, rand()) * periodsPerMonth), memberTenure);
      const price = drawValue(world.scenario.customerValue, rand);
      addCustomer(world, i, -1 - tenure, price, cvOf(world, price));
    }
  }
}

/** Cumulative weights of tenure months 0..horizon-1 in proportion to survival. */
function survivalCdf(steps: readonly { fromMonth: number; monthly: number }[], horizon: number): Float64Array {
  const hazard = hazardTable(steps, 1);
  const cdf = new Float64Array(horizon);
  let s = 1;
  let total = 0;
  for (let m = 0; m < horizon; m++) {
    total += s;
    cdf[m] = total;
    s *= 1 - hazard[Math.min(m, hazard.length - 1)]!;
  }
  for (let m = 0; m < horizon; m++) cdf[m]! /= total;
  cdf[horizon - 1] = 1;
  return cdf;
}

/** Binary search for the first month whose cumulative weight exceeds u. */
function sampleCdf(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
