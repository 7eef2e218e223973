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
import type { ReferenceMember, ReferencePeriod } from "../../plan/contract.js";
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
 */
export function createReferenceEngine(planInput: PlanInput | CompiledPlan, options: EngineOptions = {}): PlanEngine {
  checkEngineOptions("createReferenceEngine", options);
  const plan = compilePlan(planInput, options.currency === undefined ? {} : { currency: options.currency });
  const states: unknown[] = plan.components.map((c) => c.definition.reference.state?.(c.settings));
  const minPv = new ExactDecimal(plan.minPv);
  const ladder = plan.ranks;
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
      }
      for (const m of members) {
        m.pv = m.ownCv.plus(m.customerCv);
        m.active = m.alive && m.pv.gte(minPv);
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
      for (const m of members) m.gv = m.pv;
      for (let k = preorder.length - 1; k >= 0; k--) {
        const m = members[preorder[k]!]!;
        if (m.upline >= 0) members[m.upline]!.gv = members[m.upline]!.gv.plus(m.gv);
      }
      // Paid-as ranks, bottom-up (reverse pre-order: a leg's ranks are known before its upline's).
      // highest[id]: the highest paid-as rank in id's subtree, herself included.
      const highest: number[] = members.map(() => 0);
      for (let k = preorder.length - 1; k >= 0; k--) {
        const m = members[preorder[k]!]!;
        const legs = m.frontline.map((c) => ({ gv: members[c]!.gv, rank: highest[c]! }));
        m.rank = 0;
        for (let r = ladder.length - 1; r >= 0; r--) {
          const req = ladder[r]!;
          if (req.active && !m.active) continue;
          if (m.pv.lt(req.pv)) continue;
          const share = shares[r];
          const countedGv = share
            ? legs.reduce((sum, leg) => sum.plus(ExactDecimal.min(leg.gv, share.times(req.gv))), m.pv)
            : m.gv;
          if (countedGv.lt(req.gv)) continue;
          const legsOk = req.legs.every(
            (need) => legs.filter((leg) => (need.minGv >= 0 ? leg.gv.gte(need.minGv) : leg.rank >= need.rank)).length >= need.count,
          );
          if (!legsOk) continue;
          m.rank = req.number;
          break;
        }
        m.title = Math.max(m.title, m.rank);
        titles[m.id] = m.title;
        highest[m.id] = legs.reduce((best, leg) => Math.max(best, leg.rank), m.rank);
      }
      const paidSoFar = new Map<string, Map<number, number>>();
      const period: ReferencePeriod = {
        period: network.period,
        members,
        orders,
        paid: paidSoFar,
        joinPeriod: (id) => network.joinPeriod[id]!,
        rounding: plan.rounding,
        ...(network.placement ? { placement: network.placement } : {}),
      };
      const amounts: Float64Array[] = [];
      const paid: number[] = [];
      const breakage: number[] = [];
      for (const [k, component] of plan.components.entries()) {
        const { payees, headline } = component.definition.reference.accrue(component.settings, states[k], period);
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
      };
    },
  };
}

/** The record with its customer join period filled in (see `orderJoinOf`). */
function withJoin(order: OrderRecord, network: PeriodNetwork): OrderRecord {
  return order.customerJoin === undefined ? { ...order, customerJoin: orderJoinOf(order, network) } : order;
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
      customerJoin: o.orderCustomerJoin[k]!,
    });
  }
  return orders;
}
