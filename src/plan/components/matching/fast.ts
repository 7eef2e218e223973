/**
 * Matching on the fast engine: one reverse pass over the members (a
 * post-order, so with `cascade` a member's own match is complete when she is
 * reached). When the rate an earner gets depends on the earner alone (no
 * comparison with the matched member, no table by the matched member's
 * package), the matched amounts flow up instead: each member passes to her
 * sponsor what reached her at each generation, so when the pass reaches a
 * member, what she matches at generation g is one sum, paid at her rate
 * for g. Else each member walks up her generations (a few) and credits her
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
import { grown } from "../../../util/grow.js";
import { columnValues, rateRow, scaledRate } from "../../rate-tables.js";
import type { MatchingSettings } from "./settings.js";

/** The kernel's state: each payee's exact match in two parts, and the headline's sums by generation. */
export interface MatchingState {
  whole: Float64Array;
  fine: Float64Array;
  /** The members credited this period (each at least once; their `whole` and `fine` are cleared at the next). */
  payees: Int32Array;
  payeeCount: number;
  /** Per generation: the matched amounts of members with an upline there (1/scale units), below 2^52, then moved to `big`. */
  readonly sumLow: Float64Array;
  readonly sumBig: bigint[];
  readonly maxRates: readonly bigint[];
  /**
   * Whether amounts flow up (see the module's note); then, per generation g
   * (0-based), each member's sum of the matched amounts of the members she
   * is the (g + 1)-th upline of, filled as the pass goes.
   */
  readonly summed: boolean;
  reached: Float64Array[];
}

/** Whether an earner's rate depends on the earner alone: then sums of matched amounts can be paid at once. */
function byEarnerOnly(s: MatchingSettings): boolean {
  return s.compare.length === 0 && s.rates.every((t) => t.rows !== "package" || t.of === "earner");
}

const OPS = { atMost: 0, below: 1, equal: 2, atLeast: 3, above: 4 } as const;

export const matchingKernel: FastKernel<MatchingSettings, MatchingState> = {
  state: (s, capacity) => ({
    whole: new Float64Array(capacity),
    fine: new Float64Array(capacity),
    payees: new Int32Array(capacity),
    payeeCount: 0,
    sumLow: new Float64Array(s.rates.length),
    sumBig: s.rates.map(() => 0n),
    maxRates: s.rates.map((t) => BigInt(t.max.scaled)),
    summed: byEarnerOnly(s),
    reached: byEarnerOnly(s) ? s.rates.map(() => new Float64Array(capacity)) : [],
  }),
  grow(state, capacity) {
    state.whole = new Float64Array(capacity);
    state.fine = new Float64Array(capacity);
    state.payees = new Int32Array(capacity);
    state.payeeCount = 0;
    if (state.summed) state.reached = state.reached.map(() => new Float64Array(capacity));
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
    // Only last period's payees have anything in `whole` and `fine`: cleared, the arrays are all zero.
    let payees = state.payees;
    for (let k = 0; k < state.payeeCount; k++) {
      const u = payees[k]!;
      whole[u] = 0;
      fine[u] = 0;
    }
    let payeeCount = 0;
    sumLow.fill(0);
    for (let g = 0; g < G; g++) sumBig[g] = 0n;
    // Adds `matched` (at 1/scale) times the scaled rate r to u's match, exactly (whole and fine parts).
    const credit = (u: number, r: number, matched: number): void => {
      // A first credit this period: she joins the payees (a member whose match came back to 0 may be listed twice).
      if (whole[u] === 0 && fine[u] === 0) {
        if (payeeCount === payees.length) payees = state.payees = grown(payees, payeeCount * 2 + 16);
        payees[payeeCount++] = u;
      }
      const b = matched % scale;
      const a = (matched - b) / scale;
      const ra = r * a;
      if (!(ra <= Number.MAX_SAFE_INTEGER)) throw new RangeError(`downline/engine: matching: member ${u}'s match in period ${period} is beyond exact range`);
      const rb = r * b; // < scale²
      const f = fine[u]! + (rb % scale);
      const carry = f >= scale ? 1 : 0;
      fine[u] = f - carry * scale;
      whole[u]! += ra + (rb - (rb % scale)) / scale + carry;
    };
    // Adds what reached generation g (0-based) to the headline's sum for g.
    const count = (g: number, matched: number): void => {
      const low = sumLow[g]! + matched;
      if (low > 2 ** 52) {
        sumBig[g]! += BigInt(sumLow[g]!);
        sumLow[g] = matched;
      } else sumLow[g] = low;
    };
    if (state.summed) {
      const reached = state.reached;
      // Only members' entries are read; clearing every entry is one memset.
      for (let g = 0; g < G; g++) reached[g]!.fill(0, 0, p.network.size);
      const requireActive = s.requireActive;
      const minRank = s.minRank;
      for (let idx = memberCount - 1; idx >= 0; idx--) {
        const i = members[idx]!;
        const p = upline[i]!;
        const qualifies = (!requireActive || active[i] === 1) && rank[i]! >= minRank;
        // What reached her from each generation below is complete: her downline came first. She is paid on it
        // (when she qualifies), and it moves up one generation to her sponsor.
        for (let g = 0; g < G; g++) {
          const m = reached[g]![i]!;
          if (m === 0) continue;
          // A sum of exact amounts: exact while below 2^53.
          if (!(m <= Number.MAX_SAFE_INTEGER)) throw new RangeError(`downline/engine: matching: what member ${i} matches in period ${period} is beyond exact range`);
          count(g, m);
          if (qualifies) {
            const t = s.rates[g]!;
            const column = columns[g];
            const r = scaledRate(t, rateRow(t, rank[i]!, pkg[i]!, 0), column ? column[i]! : 0);
            if (r !== 0) credit(i, r, m);
          }
          if (p >= 0 && g + 1 < G) reached[g + 1]![p]! += m;
        }
        if (p < 0) continue;
        let matched = 0;
        for (let c = 0; c < inputs.length; c++) matched += inputs[c]![i]! * inputScale;
        if (s.cascade && (whole[i] !== 0 || fine[i] !== 0)) matched += roundWithRemainder(whole[i]!, fine[i]!, scale, s.rounding);
        if (!(matched <= Number.MAX_SAFE_INTEGER)) throw new RangeError(`downline/engine: matching: member ${i}'s matched amount in period ${period} is beyond exact range`);
        // Generation 1 of her sponsor is her.
        if (matched !== 0) reached[0]![p]! += matched;
      }
    } else for (let idx = memberCount - 1; idx >= 0; idx--) {
      const i = members[idx]!;
      let matched = 0;
      for (let c = 0; c < inputs.length; c++) matched += inputs[c]![i]! * inputScale;
      // Her own match (complete: her downline came first), carried to 1/scale of a minor unit.
      if (s.cascade && (whole[i] !== 0 || fine[i] !== 0)) matched += roundWithRemainder(whole[i]!, fine[i]!, scale, s.rounding);
      if (matched === 0) continue;
      if (!(matched <= Number.MAX_SAFE_INTEGER)) throw new RangeError(`downline/engine: matching: member ${i}'s matched amount in period ${period} is beyond exact range`);
      let u = upline[i]!;
      for (let g = 0; g < G && u >= 0; g++) {
        count(g, matched);
        if ((!s.requireActive || active[u] === 1) && rank[u]! >= s.minRank && compares(compareArrays, compareOps, u, i)) {
          const t = s.rates[g]!;
          const column = columns[g];
          const r = scaledRate(t, rateRow(t, rank[u]!, pkg[u]!, pkg[i]!), column ? column[u]! : 0);
          if (r !== 0) credit(u, r, matched);
        }
        u = upline[u]!;
      }
    }
    // Each payee, to the minor unit: (whole·scale + fine) / scale² (the same amount however often she is listed).
    state.payeeCount = payeeCount;
    for (let k = 0; k < payeeCount; k++) {
      const j = payees[k]!;
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
