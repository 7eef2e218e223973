/**
 * The reference definition of the binary component, member by member.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../../../money/exact.js";
import type { ReferenceRule } from "../../contract.js";
import { binaryPlacement, type BinarySettings } from "./settings.js";

/** One member's carried state. */
export interface Carry {
  left: Decimal;
  right: Decimal;
  /** Consecutive periods without a cycle, since her last cycle, last idle flush, or joining. */
  idle: number;
  /** Whether her legs have paired a cycle (after which the first cycle's ratio no longer applies). */
  cycled: boolean;
}

/**
 * For each current member, in minor units, `L` = her left carryover + the PV
 * of every position in the subtree under her slot-0 placement child (found
 * with an explicit stack), `R` likewise on the right. Cycles
 * `n = min(floor(L / left), floor(R / right))`, each paying the value (minor
 * units) or `rate × min(left, right)` of her rank; or weak leg `n = min(L, R)`
 * paying `rate × n`. The headline counts every current member's `n` at her
 * rank. She is paid if qualified (active when required; an active member she
 * sponsors in each leg when required): `min(n, count cap)` units, the money cut
 * to the amount cap. Then the volume that leaves both legs is `n` (flush), or
 * the units paid, no more than the least that reaches the amount cap (carry);
 * an unqualified member pairs nothing. Then the flushes: quit → empty; inactive
 * (with flushWhenInactive) → empty; idle for flushAfterPeriods → empty (idle
 * count restarts); each leg cut to the carryover cap. The state keeps the carry.
 */
export const binaryRule: ReferenceRule<BinarySettings, Map<number, Carry>> = {
  state: () => new Map(),
  accrue(s, carries, period) {
    const { members } = period;
    const placement = binaryPlacement(period, s.name);
    const D = (n: number) => new ExactDecimal(n);
    const payees = new Map<number, Decimal>();
    let headline: Decimal = D(0);

    // Placement children by slot, and the positions of a subtree (explicit stack, no recursion).
    const childAt = (m: number, slot: number): number => {
      for (let i = m + 1; i < members.length; i++) if (placement.parent[i] === m && placement.slot[i] === slot) return i;
      return -1;
    };
    const subtree = (top: number): number[] => {
      if (top < 0) return [];
      const found: number[] = [];
      const stack = [top];
      while (stack.length > 0) {
        const id = stack.pop()!;
        found.push(id);
        for (let i = id + 1; i < members.length; i++) if (placement.parent[i] === id) stack.push(i);
      }
      return found;
    };

    for (const m of members) {
      const carry = carries.get(m.id) ?? { left: D(0), right: D(0), idle: 0, cycled: false };
      carries.set(m.id, carry);
      if (!m.alive) {
        // A quitter keeps her position but earns nothing and carries nothing.
        carry.left = D(0);
        carry.right = D(0);
        continue;
      }
      const legs = [0, 1].map((slot) => subtree(childAt(m.id, slot)));
      const volume = (i: number) => (s.basis === "qv" ? members[i]!.qv : members[i]!.pv);
      let L = legs[0]!.reduce((sum, i) => sum.plus(volume(i)), carry.left);
      let R = legs[1]!.reduce((sum, i) => sum.plus(volume(i)), carry.right);
      const cycles = s.kind === "cycles";
      // What one cycle (or one paired volume unit) pays her, minor units.
      const per: Decimal = !cycles ? s.rateByRank![m.rank]!.value : s.valueByRank ? D(s.valueByRank[m.rank]!) : s.rateByRank![m.rank]!.value.times(Math.min(s.left, s.right));
      // Until her first cycle, it takes `larger` from the leg with more volume (ties: left), `smaller` from the other.
      let firstL: Decimal = D(0);
      let firstR: Decimal = D(0);
      let n: Decimal;
      if (!cycles) n = ExactDecimal.min(L, R);
      else if (s.firstCycle && !carry.cycled) {
        const leftBig = L.gte(R);
        firstL = D(leftBig ? s.firstCycle.larger : s.firstCycle.smaller);
        firstR = D(leftBig ? s.firstCycle.smaller : s.firstCycle.larger);
        n = L.gte(firstL) && R.gte(firstR) ? ExactDecimal.min(L.minus(firstL).div(s.left).floor(), R.minus(firstR).div(s.right).floor()).plus(1) : D(0);
      } else n = ExactDecimal.min(L.div(s.left).floor(), R.div(s.right).floor());
      headline = headline.plus(n.times(per));

      const sponsoredIn = (leg: number[]) => leg.some((i) => members[i]!.upline === m.id && members[i]!.active);
      const qualified = s.qualifiedByRank[m.rank] === true && (!s.requireActive || m.active) && (!s.sponsoredEachSide || (sponsoredIn(legs[0]!) && sponsoredIn(legs[1]!)));
      let paidN: Decimal = D(0);
      if (qualified && n.gt(0)) {
        paidN = ExactDecimal.min(n, cycles ? s.capCycles : s.capPaired);
        const amount = ExactDecimal.min(paidN.times(per), s.capAmount);
        payees.set(m.id, amount);
        let used = n;
        if (s.overCap === "carry") {
          used = paidN;
          if (s.capAmount !== Infinity && per.gt(0)) {
            // The fewest units whose pay reaches the amount cap.
            let k = D(s.capAmount).div(per).floor();
            while (k.times(per).lt(s.capAmount)) k = k.plus(1);
            while (k.gt(0) && k.minus(1).times(per).gte(s.capAmount)) k = k.minus(1);
            used = ExactDecimal.min(used, k);
          }
        }
        if (cycles && used.gt(0) && firstL.gt(0)) {
          L = L.minus(firstL.plus(used.minus(1).times(s.left)));
          R = R.minus(firstR.plus(used.minus(1).times(s.right)));
        } else {
          L = L.minus(cycles ? used.times(s.left) : used);
          R = R.minus(cycles ? used.times(s.right) : used);
        }
        if (cycles && paidN.gt(0)) carry.cycled = true;
      }
      carry.idle = paidN.gt(0) ? 0 : carry.idle + 1;
      const idleFlush = carry.idle >= s.flushAfterPeriods;
      if (idleFlush) carry.idle = 0;
      if ((s.flushWhenInactive && !m.active) || idleFlush) {
        L = D(0);
        R = D(0);
      }
      carry.left = ExactDecimal.min(L, s.carryCap);
      carry.right = ExactDecimal.min(R, s.carryCap);
    }
    return { payees, headline };
  },
};
