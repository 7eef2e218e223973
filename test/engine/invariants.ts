/**
 * Invariants every payout and every run must keep, fast and reference
 * engine alike, checked on every property-generated run (the agreement
 * property tests of test/engine, the fuzz tests):
 *
 * - every order's CV is counted exactly once, in its member's PV;
 * - each component's paid total is the exact sum of its lines; no line is
 *   negative or fractional; only current members are paid;
 * - paid + capped + breakage is the headline, to the cent: the headline is
 *   whole and not negative, caps only remove, and breakage is at most the
 *   rounding residue below zero (half a unit a line, and the headline's);
 * - caps are never exceeded (per member, and the payout cap unless the
 *   uncapped components alone pass it, as caps.ts says);
 * - ledger lines sum to the period rows, the rows' totals to their
 *   components, the member totals to the rows;
 * - members and customers are conserved on simulated worlds: joins − quits
 *   is the change in members, new − lost customers the change in customers,
 *   and every customer belongs to a current member (orphans moved up or
 *   counted lost).
 *
 * Counting: with INVARIANTS_COUNT=<file> each test process appends its tally
 * of checks to that file when it ends (how the counts in the closing note of
 * issue 10 were taken).
 */
import { afterAll, expect } from "vitest";
import { appendFileSync } from "node:fs";
import type { CompiledPlan, PeriodNetwork, PeriodPayout, SimulationResult, World, WorldPeriodStats } from "../../src/index.js";
import { ExactDecimal } from "../../src/money/exact.js";
import { roundDecimal } from "../../src/money/round.js";
import { orderColumns } from "../../src/world/network.js";

const counts = { payouts: 0, runs: 0, worldSteps: 0 };
const countFile = process.env.INVARIANTS_COUNT;
if (countFile) afterAll(() => appendFileSync(countFile, `${expect.getState().testPath ?? "?"} ${JSON.stringify(counts)}\n`));

/** Every invariant of one period's payout on `network` under `plan` (either engine's). */
export function expectInvariants(network: PeriodNetwork, plan: CompiledPlan, ...payouts: PeriodPayout[]): void {
  for (const payout of payouts) expectPayoutInvariants(network, plan, payout);
}

function expectPayoutInvariants(network: PeriodNetwork, plan: CompiledPlan, payout: PeriodPayout): void {
  counts.payouts += 1;
  const { size } = network;
  // Every order's CV once, in its member's PV.
  const orders = orderColumns(network);
  const byMember = new Float64Array(size);
  let cvTotal = 0;
  for (let k = 0; k < orders.orderCount; k++) {
    byMember[orders.orderMember[k]!]! += orders.orderCv[k]!;
    cvTotal += orders.orderCv[k]!;
  }
  const current = new Uint8Array(size);
  let pvTotal = 0;
  for (let idx = 0; idx < network.memberCount; idx++) {
    const i = network.members[idx]!;
    current[i] = 1;
    if (payout.pv[i] !== byMember[i]) expect(payout.pv[i], `member ${i}'s PV: her orders' CV, once`).toBe(byMember[i]);
    pvTotal += payout.pv[i]!;
  }
  expect(pvTotal, "Σ PV = Σ orders' CV").toBe(cvTotal);
  const rows = payout.amounts;
  const company = payout.paidBy.map((p) => p === "company");
  for (let c = 0; c < rows.length; c++) {
    const row = rows[c]!;
    let sum = 0;
    let lines = 0;
    for (let i = 0; i < size; i++) {
      const a = row[i]!;
      if (a === 0) continue;
      if (!(a > 0 && Number.isSafeInteger(a)) || current[i] !== 1) {
        expect({ component: payout.components[c], member: i, amount: a, current: current[i] === 1 }).toEqual({ component: payout.components[c], member: i, amount: Math.max(0, Math.round(a)), current: true });
      }
      sum += a;
      lines += 1;
    }
    const name = payout.components[c]!;
    expect(payout.paid[c], `${name}: paid = Σ lines`).toBe(sum);
    const capped = payout.capped[c]!;
    const breakage = payout.breakage[c]!;
    expect(Number.isSafeInteger(capped) && capped >= 0, `${name}: capped ${capped} is whole and ≥ 0`).toBe(true);
    expect(Number.isSafeInteger(breakage), `${name}: breakage ${breakage} is whole`).toBe(true);
    const headline = payout.paid[c]! + capped + breakage;
    expect(headline, `${name}: headline = paid + capped + breakage ≥ 0`).toBeGreaterThanOrEqual(0);
    // Rounding each line can pay at most half a unit more than its exact share, the headline be rounded by half a unit
    // (lines before caps: a cap may have emptied some, so then any current member's).
    const linesBeforeCaps = capped > 0 ? network.memberCount : lines;
    expect(breakage, `${name}: breakage ≥ −(rounding residue)`).toBeGreaterThanOrEqual(-(linesBeforeCaps + 1));
  }
  const { perMember, payout: payoutCap } = plan.caps;
  if (perMember) {
    for (let idx = 0; idx < network.memberCount; idx++) {
      const i = network.members[idx]!;
      let total = 0;
      for (const c of perMember.components) total += rows[c]![i]!;
      if (total > perMember.amount) expect(total, `member ${i}: per-member cap ${perMember.amount}`).toBeLessThanOrEqual(perMember.amount);
    }
  }
  if (payoutCap) {
    const cap = roundDecimal(payoutCap.share.times(new ExactDecimal(pvTotal)), plan.rounding).toNumber();
    let total = 0;
    let uncapped = 0;
    for (let c = 0; c < rows.length; c++) {
      if (!company[c]) continue;
      total += payout.paid[c]!;
      if (!payoutCap.components.includes(c)) uncapped += payout.paid[c]!;
    }
    expect(total, `payout cap: at most ${cap}, or what the uncapped components pay alone (${uncapped})`).toBeLessThanOrEqual(Math.max(cap, uncapped));
  }
}

/** Every invariant of a finished run: ledger, period rows, member totals, and the world's conservation. */
export function expectRunInvariants(result: SimulationResult): void {
  counts.runs += 1;
  const names = result.plan.components;
  const { ledger, periods, memberColumns: cols } = result;
  // Ledger lines, by period and component, sum to the rows; none is zero or negative.
  const fromLedger = periods.map(() => new Map<string, number>());
  let lines = 0;
  for (const chunk of ledger.chunks) {
    const name = ledger.components[chunk.component]!;
    let sum = 0;
    for (let k = 0; k < chunk.amount.length; k++) {
      const a = chunk.amount[k]!;
      if (!(a > 0 && Number.isSafeInteger(a))) expect(a, `ledger line of ${name}, period ${chunk.period}`).toBeGreaterThan(0);
      sum += a;
    }
    lines += chunk.amount.length;
    const m = fromLedger[chunk.period]!;
    m.set(name, (m.get(name) ?? 0) + sum);
  }
  expect(ledger.length, "ledger length = its lines").toBe(lines);
  const keptLedger = ledger.chunks.length > 0 || periods.every((p) => p.payout + p.customerPaid === 0);
  periods.forEach((p, t) => {
    let company = 0;
    let breakage = 0;
    let capped = 0;
    for (const name of names) {
      const paid = p.payoutByComponent[name]!;
      if (keptLedger) expect(fromLedger[t]!.get(name) ?? 0, `period ${t}, ${name}: Σ ledger lines = the row`).toBe(paid);
      breakage += p.breakageByComponent[name]!;
      capped += p.cappedByComponent[name]!;
      company += paid;
      expect(paid + p.cappedByComponent[name]! + p.breakageByComponent[name]!, `period ${t}, ${name}: headline ≥ 0`).toBeGreaterThanOrEqual(0);
    }
    expect(p.payout + p.customerPaid, `period ${t}: payout + customer-paid = Σ components`).toBe(company);
    expect(p.breakage).toBe(breakage);
    expect(p.capped).toBe(capped);
    expect(p.revenue).toBe(p.revenueCustomers + p.revenueDistributors);
  });
  // Member totals sum to the rows.
  names.forEach((name, c) => {
    let sum = 0;
    for (let i = 0; i < cols.size; i++) sum += cols.earnings[c]![i]!;
    expect(sum, `${name}: Σ member earnings = Σ period rows`).toBe(periods.reduce((s, p) => s + p.payoutByComponent[name]!, 0));
  });
  expectConservation(periods, cols.size, cols.alive, cols.customers);
}

/** Members and customers conserved over a run's period rows, against the member columns at its end. */
function expectConservation(periods: readonly WorldPeriodStats[], size: number, alive: Uint8Array, customerCount: Int32Array): void {
  const joins = periods.reduce((s, p) => s + p.joins, 0);
  const quits = periods.reduce((s, p) => s + p.quits, 0);
  const start = size - joins;
  let members = start;
  // One-time buyers (customers.oneTime) are among the new customers but buy once and are not kept.
  const kept = (p: WorldPeriodStats) => p.newCustomers - p.oneTimeSales;
  let customers = periods.length > 0 ? periods[0]!.customers - kept(periods[0]!) + periods[0]!.lostCustomers : 0;
  expect(customers, "customers at the start ≥ 0").toBeGreaterThanOrEqual(0);
  for (const p of periods) {
    members += p.joins - p.quits;
    customers += kept(p) - p.lostCustomers;
    expect(p.members, `period ${p.period}: members = before + joins − quits`).toBe(members);
    expect(p.customers, `period ${p.period}: customers = before + new − one-time buyers − lost`).toBe(customers);
  }
  let current = 0;
  let held = 0;
  for (let i = 0; i < size; i++) {
    current += alive[i]!;
    // A quitter's customers moved up or were lost: she holds none.
    if (alive[i] === 0) expect(customerCount[i], `member ${i} quit and still holds customers`).toBe(0);
    else held += customerCount[i]!;
  }
  const last = periods[periods.length - 1];
  if (last) {
    expect(current, "current members at the end").toBe(last.members);
    expect(held, "every customer belongs to a current member").toBe(last.customers);
    expect(size - current, "members who quit = Σ quits").toBe(quits);
  }
}

/**
 * The world's conservation across one step: joins − quits is the change in
 * current members, joins the change in members ever, new − lost customers the
 * change in customers; every customer belongs to a current member.
 */
export function expectWorldStepInvariants(world: World, before: { size: number; current: number; customers: number }, stats: WorldPeriodStats): void {
  counts.worldSteps += 1;
  expect(world.size - before.size, "members ever grow by the joins").toBe(stats.joins);
  expect(world.currentCount - before.current, "joins − quits = change in members").toBe(stats.joins - stats.quits);
  expect(world.customers - before.customers, "new − lost = change in customers").toBe(stats.newCustomers - stats.lostCustomers);
  let held = 0;
  for (let idx = 0; idx < world.currentCount; idx++) held += world.customerCount[world.current[idx]!]!;
  expect(held, "every customer belongs to a current member (orphans moved up or lost)").toBe(world.customers);
  for (let c = 0; c < world.customers; c++) {
    const owner = world.customerOwner[c]!;
    if (world.alive[owner] !== 1) expect(world.alive[owner], `customer ${c}'s distributor ${owner} is current`).toBe(1);
  }
}
