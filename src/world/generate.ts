/**
 * A generated mature network to start from: drawn once, before period 0,
 * from the sequential "network" stream (nothing can have diverged yet), but
 * every member and customer gets an identity key like anyone who joins later,
 * and her own attributes (role, stop period, a customer's value) come from it.
 *
 * @module
 */
import { poisson } from "../random/stream.js";
import { ratesIndex } from "./roles.js";
import { addCustomer, addOriginMember, type WorldState } from "./state.js";
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
 * no longer than their distributor's. A member's key is from (seed, index)
 * ({@link addOriginMember}); her j-th customer's from (her key, the
 * customer's acquisition period, j).
 */
export function generateNetwork(world: WorldState, n: number, customersPerDistributor: number): void {
  const rand = world.network;
  const spec = world.scenario.spec;
  const horizon = 120;
  const memberSurvival = survivalCdf(spec.distributors.attrition, horizon);
  const customerSurvival = survivalCdf(spec.customers.churn, horizon);
  const tenures = new Float64Array(n);
  for (let i = 0; i < n; i++) tenures[i] = sampleCdf(memberSurvival, rand());
  tenures.sort();
  tenures.reverse();
  const periodsPerMonth = 1 / world.monthsPerPeriod;
  const founders = spec.start.founders;
  const r = spec.recruitment;
  const people = world.scenario.people;
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
    // Founders build (the business starts with them); others by the role shares, from their keys.
    addOriginMember(world, sponsor, join, i < founders);
    if (people.recruits[ratesIndex(world.company, world.role, i)] === 1) builders[nBuilders++] = i;
  }
  const roles = spec.distributors.roles;
  const meanRate = roles.consumer.share * roles.consumer.acquisitionRate + roles.seller.share * roles.seller.acquisitionRate + roles.builder.share * roles.builder.acquisitionRate;
  for (let i = 0; i < n; i++) {
    const mean = meanRate > 0 ? (customersPerDistributor * people.acquisitionRate[ratesIndex(world.company, world.role, i)]!) / meanRate : customersPerDistributor;
    const k = poisson(rand, mean);
    const memberTenure = -1 - world.joinPeriod[i]!;
    for (let j = 0; j < k; j++) {
      const tenure = Math.min(Math.floor(sampleCdf(customerSurvival, rand()) * periodsPerMonth), memberTenure);
      addCustomer(world, i, -1 - tenure, j);
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
