/**
 * The binary on the fast engine: subtree volumes in one reverse pass over
 * every position (a post-order: placement parents have lower indices), the
 * sponsored-each-side test by pre-order intervals, then each member's legs,
 * pay, caps and carryover in one pass.
 *
 * @module
 */
import { grown } from "../../../util/grow.js";
import type { FastKernel } from "../../contract.js";
import { binaryPlacement, type BinarySettings } from "./settings.js";

/** The kernel's state: carryover per leg and periods without a cycle (carried), and per-period scratch. */
export interface BinaryState {
  carryL: Float64Array;
  carryR: Float64Array;
  idle: Int32Array;
  /** 1 once her legs have paired a cycle (the first cycle's own ratio no longer applies). */
  cycled: Uint8Array;
  /** Scratch: this period's placement-subtree volume and size, slot children, pre-order positions, sponsored flags. */
  sub: Float64Array;
  count: Int32Array;
  child: Int32Array;
  tin: Int32Array;
  hasSide: Uint8Array;
  readonly perUnit: Float64Array;
}

/** floor(a / b) for non-negative integers below 2^53 (b > 0), exact where the float quotient rounds up to an integer. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/**
 * Smallest k ≥ 0 with k × per ≥ cap (per > 0): the cycles (or volume units)
 * needed to reach an amount cap. Exact for integers whose products stay below 2^53.
 */
function cyclesToReach(cap: number, per: number): number {
  let k = Math.floor(cap / per);
  while (k * per < cap) k += 1;
  while (k > 0 && (k - 1) * per >= cap) k -= 1;
  return k;
}

export const binaryKernel: FastKernel<BinarySettings, BinaryState> = {
  state: (s, capacity) => ({
    carryL: new Float64Array(capacity),
    carryR: new Float64Array(capacity),
    idle: new Int32Array(capacity),
    cycled: new Uint8Array(capacity),
    sub: new Float64Array(capacity),
    count: new Int32Array(capacity),
    child: new Int32Array(2 * capacity),
    tin: new Int32Array(capacity),
    hasSide: new Uint8Array(2 * capacity),
    perUnit: Float64Array.from(s.perUnitScaled),
  }),
  grow(state, capacity) {
    state.carryL = grown(state.carryL, capacity);
    state.carryR = grown(state.carryR, capacity);
    state.idle = grown(state.idle, capacity);
    state.cycled = grown(state.cycled, capacity);
    state.sub = new Float64Array(capacity);
    state.count = new Int32Array(capacity);
    state.child = new Int32Array(2 * capacity);
    state.tin = new Int32Array(capacity);
    state.hasSide = new Uint8Array(2 * capacity);
  },
  accrue(s, state, p, amounts) {
    const { size, members, memberCount, alive, upline } = p.network;
    const placement = binaryPlacement(p.network, s.name);
    const { carryL, carryR, idle, cycled, sub, count, child, tin, hasSide, perUnit } = state;
    const first = s.firstCycle;
    const qualifiedByRank = s.qualifiedByRank;
    const { left, right, capPaired, carryCap, capAmountScaled } = s;
    const cycles = s.kind === "cycles";
    const carry = s.overCap === "carry";
    const capCycles = s.capCycles;
    const flushAfter = s.flushAfterPeriods;
    const { parent, slot } = placement;
    const pv = s.basis === "qv" ? p.qv : p.pv;
    const { active, rank } = p;
    // Subtree volumes and sizes, bottom-up: a reverse loop over every position
    // (quitters keep theirs) is a post-order, placement parents having lower indices.
    child.fill(-1, 0, 2 * size);
    for (let i = 0; i < size; i++) {
      sub[i] = pv[i]!;
      count[i] = 1;
    }
    for (let i = size - 1; i >= 0; i--) {
      const q = parent[i]!;
      if (q < 0) continue;
      sub[q]! += sub[i]!;
      count[q]! += count[i]!;
      child[2 * q + slot[i]!] = i;
    }
    if (s.sponsoredEachSide) {
      // Pre-order positions (left before right), top-down: i's subtree is the interval
      // [tin[i], tin[i] + count[i]). Then each active member marks the side of her
      // sponsor's tree she is in, if she is in it.
      let next = 0;
      for (let i = 0; i < size; i++) {
        const q = parent[i]!;
        if (q < 0) {
          tin[i] = next;
          next += count[i]!;
        } else {
          const c0 = child[2 * q]!;
          tin[i] = tin[q]! + 1 + (slot[i] === 1 && c0 >= 0 ? count[c0]! : 0);
        }
      }
      hasSide.fill(0, 0, 2 * size);
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        const u = upline[i]!;
        if (u < 0 || active[i] !== 1) continue;
        const t = tin[i]!;
        for (let side = 0; side < 2; side++) {
          const c = child[2 * u + side]!;
          if (c >= 0 && t >= tin[c]! && t < tin[c]! + count[c]!) hasSide[2 * u + side] = 1;
        }
      }
    }
    let headLow = 0; // exact partial sum, moved into headBig before it nears 2^53
    let headBig = 0n;
    for (let i = 0; i < size; i++) {
      if (alive[i] !== 1) {
        // A quitter keeps her position but earns nothing and carries nothing.
        carryL[i] = 0;
        carryR[i] = 0;
        continue;
      }
      const c0 = child[2 * i]!;
      const c1 = child[2 * i + 1]!;
      let L = carryL[i]! + (c0 >= 0 ? sub[c0]! : 0);
      let R = carryR[i]! + (c1 >= 0 ? sub[c1]! : 0);
      const per = perUnit[rank[i]!]!;
      // n: cycles, or paired volume units for weakLeg. Until her first cycle, it takes
      // `larger` from the leg with more volume (ties: left) and `smaller` from the other.
      let firstL = 0;
      let firstR = 0;
      let n: number;
      if (!cycles) n = Math.min(L, R);
      else if (first !== undefined && cycled[i] === 0) {
        const leftBig = L >= R;
        firstL = leftBig ? first.larger : first.smaller;
        firstR = leftBig ? first.smaller : first.larger;
        n = L >= firstL && R >= firstR ? 1 + Math.min(floorDiv(L - firstL, left), floorDiv(R - firstR, right)) : 0;
      } else n = Math.min(floorDiv(L, left), floorDiv(R, right));
      const h = n * per;
      if (!Number.isSafeInteger(h)) throw new RangeError(`downline/engine: ${s.name}: member ${i}'s binary amount is beyond exact range`);
      if (headLow + h > 2 ** 52) {
        // Moved before the add: the sum itself must stay exact.
        headBig += BigInt(headLow);
        headLow = 0;
      }
      headLow += h;
      const qualified =
        qualifiedByRank[rank[i]!] === true && (!s.requireActive || active[i] === 1) && (!s.sponsoredEachSide || (hasSide[2 * i] === 1 && hasSide[2 * i + 1] === 1));
      let paidN = 0;
      if (qualified && n > 0) {
        paidN = Math.min(n, cycles ? capCycles : capPaired);
        let amount = paidN * per;
        if (amount > capAmountScaled) amount = capAmountScaled;
        amounts[i]! += amount;
        // The volume that leaves both legs: all that paired, or (carry) only what was paid.
        let used = n;
        if (carry) {
          used = paidN;
          if (capAmountScaled !== Infinity && per > 0) used = Math.min(used, cyclesToReach(capAmountScaled, per));
        }
        if (cycles && used > 0 && firstL > 0) {
          L -= firstL + (used - 1) * left;
          R -= firstR + (used - 1) * right;
        } else if (cycles) {
          L -= used * left;
          R -= used * right;
        } else {
          L -= used;
          R -= used;
        }
      }
      if (cycles && paidN > 0) cycled[i] = 1;
      // Flushes, after paying.
      idle[i] = paidN > 0 ? 0 : idle[i]! + 1;
      if ((s.flushWhenInactive && active[i] !== 1) || idle[i]! >= flushAfter) {
        L = 0;
        R = 0;
        if (idle[i]! >= flushAfter) idle[i] = 0;
      }
      carryL[i] = Math.min(L, carryCap);
      carryR[i] = Math.min(R, carryCap);
    }
    return headBig + BigInt(headLow);
  },
};
