/**
 * The differential on the fast engine.
 *
 * Unlimited depth: the differential telescopes into steps. With ρ₁ < ρ₂ < …
 * the distinct positive rates members hold this period, the increment
 * ρₖ − ρₖ₋₁ of every volume V is paid, once, to the first member on V's way
 * up whose rate is at least ρₖ (everyone below her on the way has a lower
 * rate, so the paid rate there is ρₖ₋₁ or less, and she earns her whole
 * excess as the sum of these steps). So each step is one reverse pass (a
 * post-order): volume climbs until a member of rate ≥ ρₖ, who earns the step
 * on it. Without `includeOwn`, a member's own volume starts at her upline.
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

/** The kernel's state: the climbing volume (scratch, all zeros between passes), and the table's distinct positive rates, ascending. */
export interface DifferentialState {
  group: Float64Array;
  readonly levels: Float64Array;
  readonly maxDepth: number;
}

export const differentialKernel: FastKernel<DifferentialSettings, DifferentialState> = {
  state(s, capacity) {
    const levels = Float64Array.from(new Set(s.rate.scaled)).filter((r) => r > 0).sort();
    return { group: new Float64Array(capacity), levels, maxDepth: s.depthByRank ? Math.max(...s.depthByRank) : Infinity };
  },
  grow(state, capacity) {
    state.group = new Float64Array(capacity);
  },
  accrue(s, state, p, amounts, published) {
    const { members, memberCount, upline } = p.network;
    const volume = s.basis === "qv" ? p.qv : p.pv;
    const rate = published[0]!;
    const column = columnValues(s.rate, p.values);
    const { rank, active } = p;
    const pkg = p.package;
    const { levels } = state;
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
    // `group` is all zeros between passes: each entry a pass writes (a parent's) is read and
    // cleared when that parent is reached, later in the same pass.
    const group = state.group;
    let below = 0;
    for (let k = 0; k < levels.length; k++) {
      const level = levels[k]!;
      if (level > top) break;
      const step = level - below;
      below = level;
      for (let idx = memberCount - 1; idx >= 0; idx--) {
        const i = members[idx]!;
        const inflow = group[i]!;
        group[i] = 0;
        const own = volume[i]!;
        const reached = rate[i]! >= level;
        const p2 = upline[i]!;
        if (s.includeOwn) {
          const v = inflow + own;
          if (reached) {
            if (v !== 0) amounts[i]! += v * step;
          } else if (p2 >= 0 && v !== 0) group[p2]! += v;
        } else {
          if (reached) {
            if (inflow !== 0) amounts[i]! += inflow * step;
            if (p2 >= 0 && own !== 0) group[p2]! += own;
          } else if (p2 >= 0) {
            const v = inflow + own;
            if (v !== 0) group[p2]! += v;
          }
        }
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
