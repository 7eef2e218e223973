/**
 * Matching on the fast engine: one reverse pass over the members (a
 * post-order, so with `cascade` a member's own match is complete when she is
 * reached), each walking up her generations (a few) and crediting her
 * qualified uplines. No recursion, no allocation per member.
 *
 * Amounts are exact in two parts per payee: `whole` in 1/scale of a minor
 * unit and `fine` in 1/scale² (0 ≤ fine < scale). A matched amount M (an
 * integer at 1/scale) times a rate r (an integer at scale) is r·M at
 * 1/scale²; with M = a·scale + b, r·M = r·a·scale + r·b, and r·b < scale², so
 * every product stays exact without bigints. Each payee is rounded once, to
 * the minor unit, at the end (`writes: "minor"`).
 *
 * @module
 */
import { roundScaledBig, roundWithRemainder } from "../../../money/round.js";
import type { FastKernel } from "../../contract.js";
import { columnValues, rateRow, scaledRate } from "../../rate-tables.js";
import type { MatchingSettings } from "./settings.js";

/** The kernel's state: each payee's exact match in two parts, and the headline's sums by generation. */
export interface MatchingState {
  whole: Float64Array;
  fine: Float64Array;
  /** Per generation: the matched amounts of members with an upline there (1/scale units), below 2^52, then moved to `big`. */
  readonly sumLow: Float64Array;
  readonly sumBig: bigint[];
  readonly maxRates: readonly bigint[];
}

const OPS = { atMost: 0, below: 1, equal: 2, atLeast: 3, above: 4 } as const;

export const matchingKernel: FastKernel<MatchingSettings, MatchingState> = {
  state: (s, capacity) => ({
    whole: new Float64Array(capacity),
    fine: new Float64Array(capacity),
    sumLow: new Float64Array(s.rates.length),
    sumBig: s.rates.map(() => 0n),
    maxRates: s.rates.map((t) => BigInt(t.max.scaled)),
  }),
  grow(state, capacity) {
    state.whole = new Float64Array(capacity);
    state.fine = new Float64Array(capacity);
  },
  accrue(s, state, p, amounts) {
    const { members, memberCount, upline, period } = p.network;
    const { active, rank, values } = p;
    const pkg = p.package;
    const scale = p.scale;
    const { whole, fine, sumLow, sumBig } = state;
    const G = s.rates.length;
    const columns = s.rates.map((t) => columnValues(t, values));
    // The matched components' amounts: paid (whole minor units, × scale) or exact (already at 1/scale).
    const inputs = s.components.map((name) => (s.on === "exact" ? values.get(`${name}.earned`)! : p.paid.get(name)!));
    const inputScale = s.on === "exact" ? 1 : scale;
    const compareArrays = s.compare.map((c) => (c.value === "rank" ? rank : values.get(c.value)!));
    const compareOps = s.compare.map((c) => OPS[c.earner]);
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      whole[i] = 0;
      fine[i] = 0;
    }
    sumLow.fill(0);
    for (let g = 0; g < G; g++) sumBig[g] = 0n;
    for (let idx = memberCount - 1; idx >= 0; idx--) {
      const i = members[idx]!;
      let matched = 0;
      for (let c = 0; c < inputs.length; c++) matched += inputs[c]![i]! * inputScale;
      // Her own match (complete: her downline came first), carried to 1/scale of a minor unit.
      if (s.cascade && (whole[i] !== 0 || fine[i] !== 0)) matched += roundWithRemainder(whole[i]!, fine[i]!, scale, s.rounding);
      if (matched === 0) continue;
      if (!(matched <= Number.MAX_SAFE_INTEGER)) throw new RangeError(`downline/engine: matching: member ${i}'s matched amount in period ${period} is beyond exact range`);
      // matched = a·scale + b: the product with a rate splits into exact parts.
      const b = matched % scale;
      const a = (matched - b) / scale;
      let u = upline[i]!;
      for (let g = 0; g < G && u >= 0; g++) {
        const low = sumLow[g]! + matched;
        if (low > 2 ** 52) {
          sumBig[g]! += BigInt(sumLow[g]!);
          sumLow[g] = matched;
        } else sumLow[g] = low;
        if ((!s.requireActive || active[u] === 1) && rank[u]! >= s.minRank && compares(compareArrays, compareOps, u, i)) {
          const t = s.rates[g]!;
          const column = columns[g];
          const r = scaledRate(t, rateRow(t, rank[u]!, pkg[u]!, pkg[i]!), column ? column[u]! : 0);
          if (r !== 0) {
            const ra = r * a;
            if (!(ra <= Number.MAX_SAFE_INTEGER)) throw new RangeError(`downline/engine: matching: member ${u}'s match in period ${period} is beyond exact range`);
            const rb = r * b; // < scale²
            const f = fine[u]! + (rb % scale);
            const carry = f >= scale ? 1 : 0;
            fine[u] = f - carry * scale;
            whole[u]! += ra + (rb - (rb % scale)) / scale + carry;
          }
        }
        u = upline[u]!;
      }
    }
    // Each payee once, to the minor unit: (whole·scale + fine) / scale².
    for (let idx = 0; idx < memberCount; idx++) {
      const j = members[idx]!;
      const w = whole[j]!;
      const f = fine[j]!;
      if (w === 0 && f === 0) continue;
      const rest = w % scale;
      amounts[j] = roundWithRemainder((w - rest) / scale, rest * scale + f, scale * scale, s.rounding);
    }
    let headline = 0n;
    for (let g = 0; g < G; g++) headline += (sumBig[g]! + BigInt(sumLow[g]!)) * state.maxRates[g]!;
    const scaleBig = BigInt(scale);
    return roundScaledBig(headline, scaleBig * scaleBig, s.rounding);
  },
};

/** Whether every comparison of the earner's value with the matched member's holds. */
function compares(arrays: readonly (Float64Array | Uint8Array)[], ops: readonly number[], earner: number, matched: number): boolean {
  for (let k = 0; k < arrays.length; k++) {
    const a = arrays[k]![earner]!;
    const b = arrays[k]![matched]!;
    const op = ops[k]!;
    if (op === 0 ? !(a <= b) : op === 1 ? !(a < b) : op === 2 ? a !== b : op === 3 ? !(a >= b) : !(a > b)) return false;
  }
  return true;
}
