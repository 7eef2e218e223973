/**
 * How large a world a scenario makes, before it is made: the peak numbers of
 * members and customers (projected period by period from the prospect pool,
 * the rates, the hazards, the months and the start network) and the bytes of
 * the world's arrays at that size. The runner adds the plans' engines and
 * collectors (run/budget.ts) and refuses a run over its memory budget before
 * any allocation: a scenario inside every field's own limit can still ask for
 * 2·10⁹ members, and should hear so at once rather than die of an allocation
 * failure 80 seconds later.
 *
 * To extend (a new scenario field that changes who joins, stays, or buys, or
 * a new per-member or per-customer array): change {@link projectWorld} (one
 * loop, one period per turn, the same order as the world's steps) and the
 * column tables below; test/world/estimate.test.ts checks the tables against
 * a real world's arrays, column by column, and the projection against real
 * runs.
 *
 * @module
 */
import { DownlineInputError } from "../validate/errors.js";
import type { Scenario, ScenarioSpec } from "./scenario.js";
import { hazardAt, hazardTable, tenureMonth } from "./tenure.js";
import { COMPANY_RATES } from "./roles.js";

/** Element types of the world's typed arrays. */
type Column = Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;

/** The world's arrays with one entry per member who ever joined (state.ts, `growMembers`). */
export const MEMBER_COLUMNS: Readonly<Record<string, Column>> = {
  sponsor: Int32Array,
  upline: Int32Array,
  keyHi: Int32Array,
  keyLo: Int32Array,
  joinPeriod: Int32Array,
  quitPeriod: Int32Array,
  alive: Uint8Array,
  role: Uint8Array,
  company: Uint8Array,
  stopPeriod: Int32Array,
  stopFlags: Uint8Array,
  effort: Float64Array,
  hours: Float64Array,
  expenses: Float64Array,
  requiredPurchases: Float64Array,
  recruits: Int32Array,
  customerCount: Int32Array,
  ownCv: Float64Array,
  customerCv: Float64Array,
  ownSpend: Float64Array,
  ownQv: Float64Array,
  customerQv: Float64Array,
  package: Uint8Array,
  current: Int32Array,
};

/** The effort step's list of working members (`workers`, state.ts): at most one entry per member. */
export const WORKER_COLUMNS: Readonly<Record<string, Column>> = { workers: Int32Array };

/** Preferential attachment's scratch: one entry per member (`frontline`). */
export const PREFERENTIAL_COLUMNS: Readonly<Record<string, Column>> = { frontline: Int32Array };

/** The world's arrays with one entry per current customer (state.ts, `growCustomers`). */
export const CUSTOMER_COLUMNS: Readonly<Record<string, Column>> = {
  customerId: Int32Array,
  customerOwner: Int32Array,
  customerJoin: Int32Array,
  customerPrice: Float64Array,
  customerCvEach: Float64Array,
  customerKeyHi: Int32Array,
  customerKeyLo: Int32Array,
  customerQvEach: Float64Array,
};

/** The period's order columns (network.ts, `createOrderColumns`): one entry per order. */
export const ORDER_COLUMNS: Readonly<Record<string, Column>> = {
  orderMember: Int32Array,
  orderCustomer: Int32Array,
  orderCustomerJoin: Int32Array,
  orderPrice: Float64Array,
  orderCv: Float64Array,
  orderQv: Float64Array,
  orderPackage: Uint8Array,
};

/** The placement tree's arrays per member (placement.ts); `child` holds `width` entries a member. */
export const PLACEMENT_COLUMNS: Readonly<Record<string, Column>> = {
  parent: Int32Array,
  slot: Uint8Array,
  edge0: Int32Array,
  edge1: Int32Array,
  cursor: Float64Array,
  count: Int32Array,
  volume: Float64Array,
  placed: Int32Array,
  periodVolume: Float64Array,
};

const bytesOf = (columns: Readonly<Record<string, Column>>) => Object.values(columns).reduce((s, c) => s + c.BYTES_PER_ELEMENT, 0);

/**
 * Arrays are grown by half (members, customers) or a quarter (orders) when
 * full, so they hold up to 1.5× what they use; and the arrays they replace
 * are garbage until the collector runs. The estimate counts 1.5× the peak.
 */
export const GROWTH_SLACK = 1.5;

/**
 * The memory budget of a run when none is given through the API: 4 GiB. The
 * library cannot ask the machine (its core uses no `node:` module); the
 * command line's default is half the machine's memory (`--memory`).
 */
export const DEFAULT_MEMORY_BUDGET = 4 * 1024 ** 3;

/** A scenario's projected peak, and the world's bytes at it. */
export interface WorldEstimate {
  /** Members who ever joined by the end (the member arrays' length). */
  readonly members: number;
  /** Of them, present at the start (founders or the generated network). */
  readonly startMembers: number;
  /** Most customers at once (the customer arrays' length). */
  readonly customers: number;
  /** Of them, acquired during the run (the rest came with the start network), at the peak. */
  readonly acquiredCustomers: number;
  /** Most orders in one period (the order columns' length). */
  readonly orders: number;
  /** Σ over periods of the current members: each plan's ledger has at most this many lines per component. */
  readonly memberPeriods: number;
  /** Whether the projection ran out of prospects: the prospect pool bounds the size. */
  readonly marketExhausted: boolean;
  /** Bytes of the world's arrays: members, customers, orders (growth slack included). */
  readonly bytes: { readonly members: number; readonly customers: number; readonly orders: number };
  /** Bytes per member (placement included), per customer, per order. */
  readonly bytesPer: { readonly member: number; readonly customer: number; readonly order: number };
}

/** Bytes per member of a scenario's world: the member columns, and the placement tree's when there is one. */
export function bytesPerMember(spec: ScenarioSpec): number {
  let bytes = bytesOf(MEMBER_COLUMNS) + bytesOf(WORKER_COLUMNS);
  if (spec.recruitment.model === "preferential") bytes += bytesOf(PREFERENTIAL_COLUMNS);
  if (spec.placement) bytes += bytesOf(PLACEMENT_COLUMNS) + Int32Array.BYTES_PER_ELEMENT * (spec.placement.kind === "binary" ? 2 : spec.placement.width);
  return bytes;
}

/** Tenure buckets the projection keeps: older cohorts are merged, facing the lowest later hazard. */
const MAX_BUCKETS = 128;

/** Current members or customers by tenure (in periods), the last bucket holding every older one. */
class Cohorts {
  readonly count: Float64Array;
  /** Per bucket: the hazard faced at the next step (tenure ≥ 1). */
  readonly hazard: Float64Array;
  constructor(table: Float64Array, monthsPerPeriod: number, periods: number) {
    const months = table.length;
    // Enough buckets for every distinct hazard, or for the run, whichever is fewer.
    const needed = Math.min(Math.ceil(months / monthsPerPeriod) + 2, periods + 2);
    const n = Math.max(2, Math.min(MAX_BUCKETS, needed));
    this.count = new Float64Array(n);
    this.hazard = new Float64Array(n);
    for (let b = 1; b < n; b++) this.hazard[b] = hazardAt(table, b, monthsPerPeriod);
    // The last bucket holds every tenure from n − 1 on: the lowest hazard any of them faces (more survivors: an upper bound).
    let low = this.hazard[n - 1]!;
    for (let m = Math.max(0, Math.floor((n - 2) * monthsPerPeriod) - 1); m < months; m++) low = Math.min(low, table[m]!);
    this.hazard[n - 1] = low;
  }
  /**
   * One period older, at the start of a period: bucket b moves to b + 1 and
   * keeps the survivors of the hazard that tenure faces (the last bucket
   * keeps its own, at its hazard). Bucket 0 (joined last period) is emptied.
   * Returns the new total.
   */
  age(): number {
    const c = this.count;
    const h = this.hazard;
    const last = c.length - 1;
    const top = (c[last]! + c[last - 1]!) * (1 - h[last]!);
    let total = top;
    for (let b = last - 1; b >= 1; b--) total += c[b] = c[b - 1]! * (1 - h[b]!);
    c[last] = top;
    c[0] = 0;
    return total;
  }
}

/** Steady-state tenures of a generated start network: weights in proportion to survival, by tenure month. */
function startTenures(steps: readonly { fromMonth: number; monthly: number }[]): Float64Array {
  const horizon = 120;
  const hazard = hazardTable(steps, 1);
  const w = new Float64Array(horizon);
  let s = 1;
  let total = 0;
  for (let m = 0; m < horizon; m++) {
    w[m] = s;
    total += s;
    s *= 1 - hazard[Math.min(m, hazard.length - 1)]!;
  }
  for (let m = 0; m < horizon; m++) w[m]! /= total;
  return w;
}

/** Spreads `n` start members (or customers) over tenure buckets as a generated network has them. */
function placeStart(cohorts: Cohorts, n: number, weights: Float64Array, periodsPerMonth: number): void {
  const last = cohorts.count.length - 1;
  for (let m = 0; m < weights.length; m++) {
    // Joined -1 - floor(m × periods per month): tenure 1 + that at period 0, so one bucket lower before it ages.
    const tenure = 1 + Math.floor(m * periodsPerMonth);
    cohorts.count[Math.min(tenure - 1, last)]! += n * weights[m]!;
  }
}

/**
 * Projects a scenario period by period as its expected values (a mean-field
 * run of the world's steps: attrition, orphans and churn, recruiting,
 * acquisition), with every approximation on the high side: quitters' customers
 * are never lost, the oldest cohorts face the lowest hazard, counts are
 * rounded up. A large world follows the expected path closely (within 2% on
 * the benchmark worlds); one grown from a few founders can run far ahead of
 * it by chance, so what grew is taken 1 + 4/√(start members) times, never
 * past the prospect pool.
 *
 * @example
 * const e = projectWorld(resolveScenario({ months: 12, market: { prospects: 1000 } }));
 * e.members <= 1001 // => true (the pool bounds the members who ever join)
 */
export function projectWorld(scenario: Scenario): WorldEstimate {
  const { spec, periods } = scenario;
  const monthsPerPeriod = spec.period === "week" ? 12 / 52 : 1;
  const periodsPerMonth = 1 / monthsPerPeriod;
  const pool = spec.market.prospects;
  const net = spec.start.network;
  const founders = spec.start.founders;
  const startMembers = net?.distributors ?? founders;
  const startCustomers = net ? net.distributors * net.customersPerDistributor : 0;
  // Starting members and customers take prospects as they are added, as the world's do.
  let left = Math.max(0, pool - startMembers - startCustomers);
  // Member cohorts by tenure with a bucket for every step of the attrition hazard and of the effort fade.
  const attrition = hazardTable(spec.distributors.attrition, monthsPerPeriod);
  const fadeMonths = scenario.people.fade.length;
  const memberHazard = attrition.length >= fadeMonths ? attrition : Float64Array.from({ length: fadeMonths }, (_, m) => attrition[Math.min(m, attrition.length - 1)]!);
  const members = new Cohorts(memberHazard, monthsPerPeriod, periods);
  const churn = hazardTable(spec.customers.churn, monthsPerPeriod);
  // Customers acquired during the run, and those of the start network, apart: the peak's make-up names its drivers.
  const customers = new Cohorts(churn, monthsPerPeriod, periods);
  const startCustomerCohorts = new Cohorts(churn, monthsPerPeriod, periods);
  if (net) {
    placeStart(members, startMembers - founders, startTenures(spec.distributors.attrition), periodsPerMonth);
    placeStart(startCustomerCohorts, startCustomers, startTenures(spec.customers.churn), periodsPerMonth);
  }
  const r = spec.recruitment;
  const roles = spec.distributors.roles;
  const shares = [roles.consumer, roles.seller, roles.builder];
  // Recruits per current member per month at an untouched market, at full effort (effort only fades:
  // on the high side); founders are builders at full effort. Under attachment, the model's rate for
  // each member whose role recruits.
  const recruitOf = (role: { readonly recruitRate: number }) => (r.model === "poisson" ? role.recruitRate : role.recruitRate > 0 ? r.rate : 0);
  const meanRate = shares.reduce((sum, role) => sum + role.share * recruitOf(role), 0);
  const companyRates = scenario.people;
  const founderRate = r.model === "poisson" ? companyRates.recruitRate[COMPANY_RATES]! : companyRates.recruits[COMPANY_RATES] === 1 ? r.rate : 0;
  const meanAcquisition = shares.reduce((sum, role) => sum + role.share * role.acquisitionRate, 0);
  const founderAcquisition = companyRates.acquisitionRate[COMPANY_RATES]!;
  // Effort by tenure bucket (the fade; the last bucket takes the most any later tenure gives: on the high side).
  const fade = scenario.people.fade;
  const buckets = members.count.length;
  const effortOf = new Float64Array(buckets);
  for (let b = 0; b < buckets; b++) {
    const month = tenureMonth(b, monthsPerPeriod);
    effortOf[b] = fade[Math.min(month, fade.length - 1)]!;
  }
  for (let m = tenureMonth(buckets - 1, monthsPerPeriod); m < fade.length; m++) effortOf[buckets - 1] = Math.max(effortOf[buckets - 1]!, fade[m]!);
  let ever = startMembers;
  let acquired = 0;
  let acquiredAtPeak = 0;
  let peakCustomers = startCustomers;
  let peakOrders = startCustomers + startMembers;
  let memberPeriods = 0;
  for (let t = 0; t < periods; t++) {
    const current = founders + members.age();
    // Members by effort: each tenure bucket at its fade (founders work at full effort, apart).
    let working = 0;
    for (let b = 1; b < buckets; b++) working += members.count[b]! * effortOf[b]!;
    const acquiredBefore = customers.age();
    const startNow = startCustomerCohorts.age();
    const saturation = pool === 0 ? 0 : left / pool;
    const joins = Math.min(left, (founders * founderRate + working * meanRate) * saturation * monthsPerPeriod);
    left -= joins;
    ever += joins;
    members.count[0] = joins;
    // Newcomers acquire in their first period too, at the fade's first step.
    const newCustomers = Math.min(left, (founders * founderAcquisition + (working + joins * effortOf[0]!) * meanAcquisition) * monthsPerPeriod * saturation);
    left -= newCustomers;
    acquired += newCustomers;
    customers.count[0] = newCustomers;
    const acquiredNow = acquiredBefore + newCustomers;
    const now = acquiredNow + startNow;
    if (now > peakCustomers) {
      peakCustomers = now;
      acquiredAtPeak = acquiredNow;
    }
    // Every customer renews and every member orders, at most: one order each.
    if (now + current + joins > peakOrders) peakOrders = now + current + joins;
    memberPeriods += current + joins;
  }
  // A world grown from a few members is a branching process: by chance its early generations can
  // run well ahead of the expected path, and everything after follows them. What grew is taken
  // 1 + 4/√(start members) times (×5 from one founder, ×1.04 from 10,000), never past the pool.
  const luck = 1 + 4 / Math.sqrt(Math.max(1, startMembers));
  const poolLeft = Math.max(0, pool - startMembers - startCustomers);
  const joined = Math.min(poolLeft, (ever - startMembers) * luck);
  const membersEver = Math.ceil(startMembers + joined);
  const customersPeak = Math.ceil(Math.min(startCustomers + poolLeft, startCustomers + (peakCustomers - startCustomers) * luck, peakCustomers * luck));
  const ordersPeak = Math.ceil(Math.min(peakOrders * luck, customersPeak + membersEver));
  const perMember = bytesPerMember(spec);
  const perCustomer = bytesOf(CUSTOMER_COLUMNS);
  const perOrder = bytesOf(ORDER_COLUMNS);
  return {
    members: membersEver,
    startMembers,
    customers: customersPeak,
    acquiredCustomers: Math.ceil(Math.min(acquiredAtPeak * luck, customersPeak)),
    orders: ordersPeak,
    memberPeriods: Math.ceil(Math.min(memberPeriods * luck, membersEver * periods)),
    marketExhausted: pool > 0 && left < 0.05 * pool && ever + acquired > startMembers + startCustomers,
    bytes: {
      members: membersEver * perMember * GROWTH_SLACK,
      customers: customersPeak * perCustomer * GROWTH_SLACK,
      orders: ordersPeak * perOrder * GROWTH_SLACK,
    },
    bytesPer: { member: perMember, customer: perCustomer, order: perOrder },
  };
}

/** One part of a run's memory, and the fields that set its size. */
export interface BudgetPart {
  readonly what: string;
  readonly bytes: number;
  /** The scenario fields that set its size (paths), each with its share of the part. */
  readonly fields: readonly (readonly [path: string, share: number])[];
  /** Whether the part's size is the members' (so other parts per member take its fields). */
  readonly perMember?: boolean;
  /** What else makes it smaller (an option), said when the part is among the largest. */
  readonly remedy?: string;
}

/** The parts of a world's memory, each with the scenario fields that drive it. */
export function worldParts(scenario: Scenario, e: WorldEstimate): BudgetPart[] {
  const { spec } = scenario;
  const all = (paths: readonly string[]) => paths.map((p) => [p, 1] as const);
  const rateField = spec.recruitment.model === "poisson" ? "distributors.roles.builder.recruitRate" : "recruitment.rate";
  // Growth is bounded by the prospect pool when the projection ran out of it, else by the months.
  const grow = (field: string) => all(e.marketExhausted ? ["market.prospects", field] : [field, "months"]);
  const startField = spec.start.network ? "start.network.distributors" : "start.founders";
  const joinedShare = e.members === 0 ? 0 : (e.members - e.startMembers) / e.members;
  const acquiredShare = e.customers === 0 ? 0 : e.acquiredCustomers / e.customers;
  const customerBytes = e.bytes.customers + e.bytes.orders;
  return [
    { what: "members who join", bytes: e.bytes.members * joinedShare, fields: grow(rateField), perMember: true },
    { what: "starting members", bytes: e.bytes.members * (1 - joinedShare), fields: all([startField]), perMember: true },
    { what: "customers acquired", bytes: customerBytes * acquiredShare, fields: grow("distributors.roles.seller.acquisitionRate") },
    { what: "starting customers", bytes: customerBytes * (1 - acquiredShare), fields: all(["start.network.distributors", "start.network.customersPerDistributor"]) },
  ];
}

/**
 * The fields of the per-member parts, each with its share of the members'
 * bytes: what drives anything else kept per member (engines, totals).
 */
export function memberFields(parts: readonly BudgetPart[]): (readonly [string, number])[] {
  const members = parts.filter((p) => p.perMember);
  const total = members.reduce((s, p) => s + p.bytes, 0);
  const shares = new Map<string, number>();
  for (const p of members) for (const [f, w] of p.fields) shares.set(f, Math.max(shares.get(f) ?? 0, total === 0 ? 0 : (w * p.bytes) / total));
  return [...shares];
}

const MIB = 1024 * 1024;

/** Bytes as people read them: "512 MiB", "61.2 GiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  if (bytes >= 1024 * MIB) return `${(bytes / (1024 * MIB)).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GiB`;
  return `${Math.max(1, Math.round(bytes / MIB)).toLocaleString("en-US")} MiB`;
}

/** A scenario field's value, for messages: `market.prospects` → `2,000,000,000`. */
function fieldValue(spec: ScenarioSpec, path: string): string {
  let v: unknown = spec;
  for (const key of path.split(".")) v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === "number" ? v.toLocaleString("en-US") : JSON.stringify(v);
}

/**
 * Throws one {@link DownlineInputError} (from `"scenario"`, at the field that
 * drives the estimate most) when the parts of a run add up to more than
 * `budget` bytes. The message states the estimate and the budget, the peak
 * counts, the fields that drive them with their values (those driving at
 * least a tenth), the largest parts, and how to change the budget.
 */
export function checkBudget(scenario: Scenario, e: WorldEstimate, parts: readonly BudgetPart[], budget: number): void {
  const total = parts.reduce((s, p) => s + p.bytes, 0);
  if (!(total > budget)) return;
  const weight = new Map<string, number>();
  for (const p of parts) for (const [f, w] of p.fields) weight.set(f, (weight.get(f) ?? 0) + w * p.bytes);
  const fields = [...weight].sort((a, b) => b[1] - a[1]).filter(([, w]) => w >= total / 10).map(([f]) => f);
  const largest = [...parts]
    .sort((a, b) => b.bytes - a.bytes)
    .filter((p) => p.bytes >= total / 10)
    .map((p) => `${p.what} ${formatBytes(p.bytes)}${p.remedy ? ` (${p.remedy})` : ""}`);
  const count = (x: number) => x.toLocaleString("en-US");
  throw new DownlineInputError("scenario", [
    {
      path: fields[0] ?? "",
      message:
        `the run would need about ${formatBytes(total)}, over the memory budget of ${formatBytes(budget)}: ` +
        `an estimated peak of ${count(e.members)} members and ${count(e.customers)} customers, ` +
        `driven by ${fields.map((f) => `${f} = ${fieldValue(scenario.spec, f)}`).join(", ")}; ` +
        `the largest parts: ${largest.join(", ")}. ` +
        `Make the world smaller, or raise the budget (simulate({ budget }), --memory)`,
    },
  ]);
}

/**
 * Checks the world alone against a budget (what `createWorld` allocates);
 * the runner checks the whole run instead.
 */
export function checkWorldBudget(scenario: Scenario, budget: number): void {
  if (budget === Infinity) return;
  const e = projectWorld(scenario);
  checkBudget(scenario, e, worldParts(scenario, e), budget);
}
