/**
 * A generated mature network to start from: drawn once, before period 0,
 * from the sequential "network" stream (nothing can have diverged yet), but
 * every member and customer gets an identity key like anyone who joins later,
 * and her own attributes (role, stop period, a customer's value) come from it.
 *
 * @module
 */
import { originKey } from "../random/keyed.js";
import { poisson } from "../random/stream.js";
import { grown } from "../util/grow.js";
import { COMPANY_RATES } from "./roles.js";
import { addCustomer, addOriginMember, drawnRole, type WorldState } from "./state.js";
import { hazardTable } from "./tenure.js";

/**
 * Adds `n` members and their customers: tenures drawn in proportion to the
 * scenario's own survival curve (as in a network with steady inflow), oldest
 * first; roles by the scenario's shares, from each member's key; sponsors
 * chosen among older members by the recruitment model (`poisson`: uniformly
 * among older members whose role recruits — founders included — else among
 * all older members); customers per distributor Poisson with mean
 * `customersPerDistributor` × her role's acquisition rate / the shares'
 * mean acquisition rate (so the average stays `customersPerDistributor` and
 * a consumer has none; all members alike if no role acquires), with tenures
 * no longer than their distributor's.
 *
 * The members are drawn oldest first (draw index d), then numbered in
 * depth-first order of the sponsor tree: the founders first, then each
 * founder's line in turn, each member followed by her recruits' lines in
 * the order they were drawn. A line's members sit together, so the passes
 * over uplines that a period makes (the world's, the engine's) read memory
 * close to where they last read. A member's key is from (seed, d)
 * ({@link addOriginMember}), so who she is and what befalls her do not
 * depend on the numbering; her j-th customer's from (her key, the
 * customer's acquisition period, j). With a placement tree, whose spillover
 * follows the order members are added in, the members are numbered in the
 * order they were drawn.
 */
export function generateNetwork(world: WorldState, n: number, customersPerDistributor: number): void {
  const rand = world.network;
  const spec = world.scenario.spec;
  const horizon = 120;
  const memberSurvival = survivalCdf(spec.distributors.attrition, horizon);
  const customerSurvival = survivalCdf(spec.customers.churn, horizon);
  const tenures = new Float64Array(n);
  for (let d = 0; d < n; d++) tenures[d] = sampleCdf(memberSurvival, rand());
  tenures.sort();
  tenures.reverse();
  const periodsPerMonth = 1 / world.monthsPerPeriod;
  const founders = spec.start.founders;
  const r = spec.recruitment;
  const people = world.scenario.people;
  // The members as drawn (index d): sponsor (a draw index), join period, and the rates index of her role.
  const sponsors = new Int32Array(n);
  const joins = new Int32Array(n);
  const rates = new Uint8Array(n);
  const builders = new Int32Array(n);
  const keyHi = new Int32Array(1);
  const keyLo = new Int32Array(1);
  let nBuilders = 0;
  for (let d = 0; d < n; d++) {
    joins[d] = -1 - Math.floor(tenures[d]! * periodsPerMonth);
    let sponsor = -1;
    if (d >= founders) {
      if (r.model === "poisson") {
        sponsor = nBuilders > 0 ? builders[Math.floor(rand() * nBuilders)]! : Math.floor(rand() * d);
      } else if (r.model === "uniform" || d === founders) {
        sponsor = Math.floor(rand() * d);
      } else {
        const nonTop = d - founders;
        if (rand() * (d + nonTop) < d) sponsor = Math.floor(rand() * d);
        else sponsor = sponsors[founders + Math.floor(rand() * nonTop)]!;
      }
    }
    sponsors[d] = sponsor;
    // Founders build (the business starts with them); others by the role shares, from their keys.
    if (d < founders) rates[d] = COMPANY_RATES;
    else {
      originKey(world.keys.origin, d, keyHi, keyLo, 0);
      rates[d] = drawnRole(world, keyHi[0]!, keyLo[0]!);
    }
    if (people.recruits[rates[d]!] === 1) builders[nBuilders++] = d;
  }
  const order = world.placement ? identity(n) : depthFirst(sponsors);
  // Draw index → the member's index.
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[order[i]!] = i;
  const first = world.size;
  // Each member's sponsor and join period gathered into her index's place first: loops of independent reads
  // (the processor overlaps them), then the members added reading in order.
  const sponsorAt = new Int32Array(n);
  const joinAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const d = order[i]!;
    joinAt[i] = joins[d]!;
    sponsorAt[i] = sponsors[d]!;
  }
  for (let i = 0; i < n; i++) {
    const s = sponsorAt[i]!;
    sponsorAt[i] = s < 0 ? -1 : first + index[s]!;
  }
  for (let i = 0; i < n; i++) addOriginMember(world, sponsorAt[i]!, joinAt[i]!, order[i]! < founders, order[i]!);
  // Customers: drawn in draw order (the stream's), added in member order (each member's together).
  const roles = spec.distributors.roles;
  const meanRate = roles.consumer.share * roles.consumer.acquisitionRate + roles.seller.share * roles.seller.acquisitionRate + roles.builder.share * roles.builder.acquisitionRate;
  const counts = new Int32Array(n + 1);
  let drawnTenures = new Int32Array(Math.max(16, Math.ceil(n * customersPerDistributor * 1.1)));
  let total = 0;
  for (let d = 0; d < n; d++) {
    const mean = meanRate > 0 ? (customersPerDistributor * people.acquisitionRate[rates[d]!]!) / meanRate : customersPerDistributor;
    const k = poisson(rand, mean);
    const memberTenure = -1 - joins[d]!;
    if (total + k > drawnTenures.length) drawnTenures = grown(drawnTenures, Math.ceil((total + k) * 1.5));
    for (let j = 0; j < k; j++) drawnTenures[total++] = Math.min(Math.floor(sampleCdf(customerSurvival, rand()) * periodsPerMonth), memberTenure);
    counts[d + 1] = k;
  }
  // Where each member's customers start among those drawn; their tenures gathered in member order, then added.
  for (let d = 0; d < n; d++) counts[d + 1]! += counts[d]!;
  const tenuresAt = new Int32Array(total);
  const countAt = new Int32Array(n);
  for (let i = 0, at = 0; i < n; i++) {
    const d = order[i]!;
    const from = counts[d]!;
    const k = counts[d + 1]! - from;
    countAt[i] = k;
    for (let c = from; c < from + k; c++) tenuresAt[at++] = drawnTenures[c]!;
  }
  for (let i = 0, c = 0; i < n; i++) {
    for (let j = 0; j < countAt[i]!; j++) addCustomer(world, first + i, -1 - tenuresAt[c++]!, j);
  }
}

/** 0, 1, …, n − 1. */
function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/**
 * The depth-first (pre-)order of a forest given by parents (each parent
 * before its children, -1 for a root): the roots in index order, then each
 * root's descendants, each node followed by its children's subtrees in index
 * order. With an explicit stack: a tree may be a million levels deep.
 */
export function depthFirst(parent: Int32Array): Int32Array {
  const n = parent.length;
  // Children lists by a counting sort on the parent (roots under slot 0), in index order.
  const start = new Int32Array(n + 2);
  for (let i = 0; i < n; i++) start[parent[i]! + 2]! += 1;
  for (let p = 2; p < n + 2; p++) start[p]! += start[p - 1]!;
  const child = new Int32Array(n);
  for (let i = 0; i < n; i++) child[start[parent[i]! + 1]!++] = i;
  // Now the roots are child[0, start[0]) and the children of p are child[start[p], start[p + 1]).
  const order = new Int32Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  let next = 0;
  // The roots first (the founders keep the first indices), then each root's line in turn.
  for (let c = 0; c < start[0]!; c++) order[next++] = child[c]!;
  for (let c = start[0]! - 1; c >= 0; c--) {
    const r = child[c]!;
    for (let k = start[r + 1]! - 1; k >= start[r]!; k--) stack[top++] = child[k]!;
  }
  while (top > 0) {
    const i = stack[--top]!;
    order[next++] = i;
    for (let c = start[i + 1]! - 1; c >= start[i]!; c--) stack[top++] = child[c]!;
  }
  return order;
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
