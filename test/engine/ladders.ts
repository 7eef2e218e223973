/** Random rank ladders for the property tests, from per-rank draws. */
import type { RankInput } from "../../src/index.js";

/** One leg requirement as drawn: by minimum GV, or (when `byRank` and a lower rank exists) by rank. */
export interface LegDraw {
  readonly count: number;
  readonly minGv: number;
  readonly byRank?: boolean;
}

/** One rank as drawn: increments of PV and GV over the rank below, legs, an optional max leg share. */
export interface RankDraw {
  readonly pv: number;
  readonly gv: number;
  readonly legs?: LegDraw | readonly LegDraw[] | null;
  readonly share?: string | null;
  readonly active: boolean;
}

/**
 * An ascending ladder R1, R2, …: PV and GV thresholds are running sums of the
 * drawn increments (so the ladder always validates); a by-rank leg requirement
 * names a rank below (`R(1 + minGv mod i)`), never the rank itself.
 */
export function ascendingLadder(draws: readonly RankDraw[]): RankInput[] {
  let pv = 0;
  let gv = 0;
  return draws.map((r, i) => {
    pv += r.pv;
    gv += r.gv;
    const legs = r.legs == null ? [] : Array.isArray(r.legs) ? (r.legs as readonly LegDraw[]) : [r.legs as LegDraw];
    return {
      name: `R${i + 1}`,
      pv: String(pv),
      gv: String(gv),
      legs: legs.map((l) => (l.byRank && i > 0 ? { count: l.count, rank: `R${1 + (l.minGv % i)}` } : { count: l.count, minGv: String(l.minGv) })),
      ...(r.share ? { maxLegShare: r.share } : {}),
      active: r.active,
    };
  });
}

/** A currency with the given minor-unit digits (JPY 0, USD 2, BHD 3), for tests that vary the currency. */
export function currencyWithDigits(digits: number): string {
  const code = ({ 0: "JPY", 2: "USD", 3: "BHD" } as Record<number, string>)[digits];
  if (!code) throw new Error(`no test currency with ${digits} digits`);
  return code;
}
