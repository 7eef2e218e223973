/**
 * The reference engine: the definition of every plan rule. Object-based,
 * decimal.js throughout, order by order, written to be read rather than to be
 * fast; only for small networks. The fast engine must agree with it to the
 * cent.
 *
 * @module
 */
import { ExactDecimal } from "../../money/exact.js";
import { roundDecimal } from "../../money/round.js";
import { applyCapsReference } from "./caps.js";
import { compilePlan, type CompiledPlan, type PlanInput } from "../../plan/plan.js";
import type { Decimal } from "decimal.js";
import type { ReferenceAccrual, ReferenceMember, ReferencePeriod } from "../../plan/contract.js";
import { dependsOnRanks, linesFromSortedLegs, type CompiledMeasure } from "../../plan/measures.js";
import type { VolumeKind } from "../../plan/volume.js";
import { orderColumns, orderJoinOf, type OrderRecord, type PeriodNetwork } from "../../world/network.js";
import type { EngineOptions, PeriodPayout, PlanEngine } from "../payout.js";
import { checkEngineOptions } from "../options.js";

/**
 * Creates the reference engine for a plan. It pays from the period's order
 * records when the network carries them (a world run with `recordOrders`,
 * `networkFromRecords`), and otherwise from its order columns, as records
 * (a network assembled by hand from volumes alone reads as one own and one
 * customer order per member: see `orderColumns`). Every record it hands the
 * rules has its `customerJoin`. Each component's rule is its type's
 * `reference` (custom components included); each engine keeps its own rule
 * state.
 *
 * A period, as the fast engine's: personal volumes (each order's CV, and its
 * QV, its CV when it has none) and activity; group volumes and the plan's
 * measures (by their definitions in plan/measures.ts, legs sorted outright);
 * components of `stage: "measure"`; paid-as ranks bottom-up; then the paying
 * components in plan order, each reading the values published before it.
 */
export function createReferenceEngine(planInput: PlanInput | CompiledPlan, options: EngineOptions = {}): PlanEngine {
  checkEngineOptions("createReferenceEngine", options);
  const plan = compilePlan(planInput, options.currency === undefined ? {} : { currency: options.currency });
  const states: unknown[] = plan.components.map((c) => c.definition.reference.state?.(c.settings));
  const minPv = new ExactDecimal(plan.minPv);
  const onQv = plan.activityKind === "qv";
  const ladder = plan.ranks;
  const planPackages = plan.packages.map((p) => p.name);
  const caps = plan.caps;
  const shares = ladder.map((r) => (r.maxLegShare === undefined ? undefined : new ExactDecimal(r.maxLegShare)));
  const titles: number[] = [];
  return {
    plan,
    kind: "reference",
    pay(network: PeriodNetwork): PeriodPayout {
      const members: ReferenceMember[] = [];
      for (let id = 0; id < network.size; id++) {
        members.push({
          id,
          upline: network.upline[id]!,
          alive: network.alive[id] === 1,
          ownCv: new ExactDecimal(0),
          customerCv: new ExactDecimal(0),
          pv: new ExactDecimal(0),
          gv: new ExactDecimal(0),
          qv: new ExactDecimal(0),
          gqv: new ExactDecimal(0),
          package: network.package && network.packageNames ? planPackages.indexOf(network.packageNames[network.package[id]! - 1] ?? "") + 1 : 0,
          frontline: [],
          active: false,
          rank: 0,
          title: titles[id] ?? 0,
        });
      }
      for (const m of members) if (m.alive && m.upline >= 0) members[m.upline]!.frontline.push(m.id);
      const orders = network.orders ? network.orders.map((o) => withJoin(o, network)) : ordersFromColumns(network);
      for (const order of orders) {
        const m = members[order.member]!;
        if (order.customer < 0) m.ownCv = m.ownCv.plus(order.cv);
        else m.customerCv = m.customerCv.plus(order.cv);
        m.qv = m.qv.plus(order.qv!);
      }
      for (const m of members) {
        m.pv = m.ownCv.plus(m.customerCv);
        m.active = m.alive && (onQv ? m.qv : m.pv).gte(minPv);
      }
      // Group volume: PV summed over each member's subtree. Walk the tree from its tops
      // with an explicit stack (pre-order), then add each member's GV into her upline's
      // in reverse of that order, so that children are complete before their upline.
      const preorder: number[] = [];
      const stack = members.filter((m) => m.alive && m.upline === -1).map((m) => m.id);
      while (stack.length > 0) {
        const id = stack.pop()!;
        preorder.push(id);
        for (const child of members[id]!.frontline) stack.push(child);
      }
      for (const m of members) {
        m.gv = m.pv;
        m.gqv = m.qv;
      }
      for (let k = preorder.length - 1; k >= 0; k--) {
        const m = members[preorder[k]!]!;
        if (m.upline < 0) continue;
        const up = members[m.upline]!;
        up.gv = up.gv.plus(m.gv);
        up.gqv = up.gqv.plus(m.gqv);
      }
      const personal = (m: ReferenceMember, kind: VolumeKind) => (kind === "qv" ? m.qv : m.pv);
      const group = (m: ReferenceMember, kind: VolumeKind) => (kind === "qv" ? m.gqv : m.gv);
      // The plan's measures that do not depend on ranks, by their definitions (plan/measures.ts).
      const values = new Map<string, Map<number, Decimal>>();
      for (const spec of plan.measures) {
        if (dependsOnRanks(spec)) continue;
        const byMember = new Map<number, Decimal>();
        for (const m of members) if (m.alive) byMember.set(m.id, new ExactDecimal(measureOf(spec, m, members, personal, group)));
        values.set(spec.name, byMember);
      }
      const paidSoFar = new Map<string, Map<number, number>>();
      const period: ReferencePeriod = {
        period: network.period,
        members,
        orders,
        paid: paidSoFar,
        values,
        joinPeriod: (id) => network.joinPeriod[id]!,
        rounding: plan.rounding,
        ...(network.placement ? { placement: network.placement } : {}),
      };
      // Measure-stage components: before ranks (every rank 0), publishing what rank rules read.
      const accruals = new Map<number, ReferenceAccrual>();
      for (const [k, component] of plan.components.entries()) {
        if (component.stage !== "measure") continue;
        const accrual = component.definition.reference.accrue(component.settings, states[k], period);
        for (const [payee, amount] of accrual.payees) if (!amount.isZero()) throw new Error(`downline/engine: ${component.name} runs before ranks (stage "measure") and may not pay, but paid member ${payee}`);
        publish(values, component.name, component.publishes, accrual);
        accruals.set(k, { payees: new Map(), headline: new ExactDecimal(0) });
      }
      // Measures counting legs that hold a rank, filled in as ranks are known.
      const rankMeasures = plan.measures.filter(dependsOnRanks);
      for (const spec of rankMeasures) values.set(spec.name, new Map());
      // Paid-as ranks, bottom-up (reverse pre-order: a leg's ranks are known before its upline's).
      // highest[id]: the highest paid-as rank in id's subtree, herself included.
      const highest: number[] = members.map(() => 0);
      for (let k = preorder.length - 1; k >= 0; k--) {
        const m = members[preorder[k]!]!;
        for (const spec of rankMeasures) {
          if (spec.kind === "legs") values.get(spec.name)!.set(m.id, new ExactDecimal(m.frontline.filter((c) => highest[c]! >= spec.rank).length));
        }
        m.rank = 0;
        for (let r = ladder.length - 1; r >= 0; r--) {
          const req = ladder[r]!;
          const kind = req.volumeKind;
          const legs = m.frontline.map((c) => ({ gv: group(members[c]!, kind), rank: highest[c]! }));
          const own = personal(m, kind);
          if (req.active && !m.active) continue;
          if (own.lt(req.pv)) continue;
          const share = shares[r];
          const countedGv = share
            ? legs.reduce((sum, leg) => sum.plus(ExactDecimal.min(leg.gv, share.times(req.gv))), req.includeOwn ? own : new ExactDecimal(0))
            : req.includeOwn
              ? group(m, kind)
              : group(m, kind).minus(own);
          if (countedGv.lt(req.gv)) continue;
          const legsOk = req.legs.every(
            (need) => legs.filter((leg) => (need.minGv >= 0 ? leg.gv.gte(need.minGv) : leg.rank >= need.rank)).length >= need.count,
          );
          if (!legsOk) continue;
          if (!req.measures.every((need) => (values.get(need.measure)?.get(m.id) ?? new ExactDecimal(0)).gte(need.min))) continue;
          m.rank = req.number;
          break;
        }
        m.title = Math.max(m.title, m.rank);
        titles[m.id] = m.title;
        highest[m.id] = m.frontline.reduce((best, c) => Math.max(best, highest[c]!), m.rank);
      }
      const amounts: Float64Array[] = [];
      const paid: number[] = [];
      const breakage: number[] = [];
      for (const [k, component] of plan.components.entries()) {
        const accrual = accruals.get(k) ?? component.definition.reference.accrue(component.settings, states[k], period);
        const { payees, headline } = accrual;
        if (component.stage === "pay") {
          publish(values, component.name, component.publishes, accrual);
          if (plan.keepEarned.includes(component.name)) values.set(`${component.name}.earned`, new Map(payees));
        }
        const rounded = new Map<number, number>();
        const row = new Float64Array(network.size);
        let total = 0;
        for (const [payee, amount] of payees) {
          const r = roundDecimal(amount, plan.rounding).toNumber();
          row[payee] = r;
          total += r;
          if (r !== 0) rounded.set(payee, r);
        }
        paidSoFar.set(component.name, rounded);
        amounts.push(row);
        paid.push(total);
        // What the headline rates would pay, rounded once, minus what was paid.
        breakage.push(roundDecimal(headline, plan.rounding).toNumber() - total);
      }
      // Caps, after every component, on the rounded amounts.
      const totalCv = members.reduce((sum, m) => sum.plus(m.pv), new ExactDecimal(0));
      const capped = applyCapsReference(caps, amounts, totalCv, plan.rounding);
      capped.forEach((removed, c) => (paid[c]! -= removed));
      const pv = Float64Array.from(members, (m) => m.pv.toNumber());
      const gv = Float64Array.from(members, (m) => m.gv.toNumber());
      const largestLeg = Float64Array.from(members, (m) => m.frontline.reduce((max, c) => Math.max(max, members[c]!.gv.toNumber()), 0));
      const frontline = Int32Array.from(members, (m) => m.frontline.length);
      const active = Uint8Array.from(members, (m) => (m.active ? 1 : 0));
      return {
        period: network.period,
        size: network.size,
        members: network.members,
        memberCount: network.memberCount,
        components: plan.components.map((c) => c.name),
        paidBy: plan.components.map((c) => c.paidBy),
        amounts,
        paid,
        breakage,
        capped,
        pv,
        gv,
        largestLeg,
        frontline,
        rank: Uint8Array.from(members, (m) => m.rank),
        title: Uint8Array.from(members, (m) => m.title),
        active,
        activeCount: members.filter((m) => m.active).length,
        measures: new Map(plan.measures.map((m) => [m.name, Float64Array.from(members, (x) => values.get(m.name)?.get(x.id)?.toNumber() ?? 0)])),
      };
    },
  };
}

/** The record with its customer join period and its QV (its CV when it has none) filled in (see `orderJoinOf`). */
function withJoin(order: OrderRecord, network: PeriodNetwork): OrderRecord {
  if (order.customerJoin !== undefined && order.qv !== undefined) return order;
  return { ...order, customerJoin: orderJoinOf(order, network), qv: order.qv ?? order.cv };
}

/** Adds a component's published values to the period's values, under their full names. */
function publish(values: Map<string, Map<number, Decimal>>, name: string, declared: readonly { readonly name: string }[], accrual: ReferenceAccrual): void {
  for (const v of declared) values.set(`${name}.${v.name}`, new Map(accrual.published?.get(v.name) ?? []));
}

/**
 * A measure's value for one member, by its definition (plan/measures.ts):
 * legs at a volume, active sponsored members, qualified lines by leg share
 * (legs sorted outright), capped leg volume.
 */
function measureOf(
  spec: CompiledMeasure,
  m: ReferenceMember,
  members: readonly ReferenceMember[],
  personal: (m: ReferenceMember, kind: VolumeKind) => Decimal,
  group: (m: ReferenceMember, kind: VolumeKind) => Decimal,
): number {
  const legs = m.frontline.map((c) => members[c]!);
  switch (spec.kind) {
    case "legs":
      return legs.filter((c) => spec.minVolume < 0 || group(c, spec.volumeKind).gte(spec.minVolume)).length;
    case "activeSponsored":
      return legs.filter((c) => c.active).length;
    case "qualifiedLines": {
      const total = spec.includeOwn ? group(m, spec.volumeKind) : group(m, spec.volumeKind).minus(personal(m, spec.volumeKind));
      const sorted = legs.map((c) => group(c, spec.volumeKind).toNumber()).sort((a, b) => b - a);
      return linesFromSortedLegs(sorted, total.toNumber(), spec.shares);
    }
    case "legVolume": {
      const own = personal(m, spec.volumeKind);
      const total = spec.includeOwn ? group(m, spec.volumeKind) : group(m, spec.volumeKind).minus(own);
      const cap = total.times(spec.maxShare.text).floor();
      return legs.reduce((sum, c) => sum.plus(ExactDecimal.min(group(c, spec.volumeKind), cap)), spec.includeOwn ? own : new ExactDecimal(0)).toNumber();
    }
  }
}

/** The network's order columns as records, one object per order (small networks only). */
function ordersFromColumns(network: PeriodNetwork): OrderRecord[] {
  const o = orderColumns(network);
  const orders: OrderRecord[] = [];
  for (let k = 0; k < o.orderCount; k++) {
    orders.push({
      member: o.orderMember[k]!,
      customer: o.orderCustomer[k]!,
      price: o.orderPrice[k]!,
      cv: o.orderCv[k]!,
      qv: o.orderQv ? o.orderQv[k]! : o.orderCv[k]!,
      customerJoin: o.orderCustomerJoin[k]!,
      ...(o.orderPackage && o.orderPackage[k]! > 0 && network.packageNames ? { package: network.packageNames[o.orderPackage[k]! - 1]! } : {}),
    });
  }
  return orders;
}
