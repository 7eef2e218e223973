/**
 * The differential on the fast engine.
 *
 * Unlimited depth, in two linear passes. Volume that has just been paid at
 * rate r (its highest rate so far) can only pay again to a member whose rate
 * is above r: so after member i earns on it, it goes straight to `jump(i)`,
 * her nearest upline with a rate above hers, past everyone whose rate is not
 * (they would earn nothing on it). Volume nobody has paid yet goes to
 * `pos(i)`, her nearest upline with a positive rate. So:
 *
 * 1. forward (uplines first): `jump(i)`, by following `jump` from her upline
 *    while the rate there is not above hers — each step climbs to a strictly
 *    higher rate, so a walk takes at most as many steps as there are distinct
 *    rates, and most take one (a member of rate 0 jumps to `pos(i)`, which is
 *    thus her upline when that one's rate is positive, else the upline's jump);
 * 2. reverse (a post-order): member i has received bundles of volume, each
 *    with its highest rate so far below hers; with V their volume and P the
 *    amount already paid on them (Σ rate × volume), she earns `rate(i) × V −
 *    P`, exactly her positive excess on each; the bundle, now paid at
 *    rate(i), goes on to `jump(i)`. Her own volume joins her bundle
 *    (`includeOwn`) or goes, unpaid, to `pos(i)`.
 *
 * Limited depth: a bounded walk up from each member with volume, keeping the
 * highest rate paid, as the definition reads (members' volumes go the same
 * way up, so a member's whole volume is walked at once).
 *
 * @module
 */
import type { FastKernel } from "../../contract.js";
import { columnValues, rateRow, scaledRate } from "../../rate-tables.js";
import type { DifferentialSettings } from "./settings.js";

/** The kernel's state: scratch per member (a pointer up, bundles received, all zeros between periods) and the deepest depth. */
export interface DifferentialState {
  jump: Int32Array;
  inVolume: Float64Array;
  inPaid: Float64Array;
  readonly maxDepth: number;
}

export const differentialKernel: FastKernel<DifferentialSettings, DifferentialState> = {
  state: (s, capacity) => ({
    jump: new Int32Array(capacity),
    inVolume: new Float64Array(capacity),
    inPaid: new Float64Array(capacity),
    maxDepth: s.depthByRank ? Math.max(...s.depthByRank) : Infinity,
  }),
  grow(state, capacity) {
    state.jump = new Int32Array(capacity);
    state.inVolume = new Float64Array(capacity);
    state.inPaid = new Float64Array(capacity);
  },
  accrue(s, state, p, amounts, published) {
    const { members, memberCount, upline, period } = p.network;
    const volume = s.basis === "qv" ? p.qv : p.pv;
    const rate = published[0]!;
    const column = columnValues(s.rate, p.values);
    const { rank, active } = p;
    const pkg = p.package;
    let top = 0;
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      const r = s.requireActive && active[i] !== 1 ? 0 : scaledRate(s.rate, rateRow(s.rate, rank[i]!, pkg[i]!, pkg[i]!), column ? column[i]! : 0);
      rate[i] = r;
      if (r > top) top = r;
    }
    const headline = BigInt(s.basis === "qv" ? p.qvTotal : p.pvTotal) * BigInt(s.rate.max.scaled);
    if (top === 0) return headline;
    if (s.depthByRank) {
      walkLimited(s, state, members, memberCount, upline, volume, rate, rank, amounts);
      return headline;
    }
    const { jump, inVolume, inPaid } = state;
    const includeOwn = s.includeOwn;
    // pos(i) is never stored: it is her upline when that one's rate is positive, else the
    // upline's jump (a member of rate 0 jumps to her own pos).
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      const up = upline[i]!;
      const r = rate[i]!;
      if (r === 0) jump[i] = up < 0 ? -1 : rate[up]! > 0 ? up : jump[up]!;
      else {
        let u = up;
        while (u >= 0 && rate[u]! <= r) u = jump[u]!;
        jump[i] = u;
      }
    }
    // Received bundles are read and cleared as each member is reached: zeros again at the end.
    for (let idx = memberCount - 1; idx >= 0; idx--) {
      const i = members[idx]!;
      const own = volume[i]!;
      let v = inVolume[i]!;
      const paid = inPaid[i]!;
      inVolume[i] = 0;
      inPaid[i] = 0;
      if (includeOwn) v += own;
      else if (own !== 0) {
        const up = upline[i]!;
        const u = up < 0 ? -1 : rate[up]! > 0 ? up : jump[up]!;
        if (u >= 0) inVolume[u]! += own;
      }
      if (v === 0) continue;
      const r = rate[i]!;
      const gross = r * v;
      if (!(gross <= Number.MAX_SAFE_INTEGER)) throw new RangeError(`downline/engine: differential: member ${i}'s amount in period ${period} is beyond exact range`);
      if (gross > paid) amounts[i]! += gross - paid;
      const u = jump[i]!;
      if (u >= 0) {
        inVolume[u]! += v;
        inPaid[u]! += gross;
      }
    }
    return headline;
  },
};

/** Limited depth: from each member with volume, a walk up to the deepest payable depth, keeping the highest rate paid. */
function walkLimited(
  s: DifferentialSettings,
  state: DifferentialState,
  members: Int32Array,
  memberCount: number,
  upline: Int32Array,
  volume: Float64Array,
  rate: Float64Array,
  rank: Uint8Array,
  amounts: Float64Array,
): void {
  const depth = s.depthByRank!;
  for (let idx = 0; idx < memberCount; idx++) {
    const i = members[idx]!;
    const v = volume[i]!;
    if (v === 0) continue;
    let u = s.includeOwn ? i : upline[i]!;
    let d = s.includeOwn ? 0 : 1;
    let paid = 0;
    while (u >= 0 && d <= state.maxDepth) {
      if (d <= depth[rank[u]!]!) {
        const r = rate[u]!;
        if (r > paid) {
          amounts[u]! += (r - paid) * v;
          paid = r;
        }
      }
      u = upline[u]!;
      d += 1;
    }
  }
}
