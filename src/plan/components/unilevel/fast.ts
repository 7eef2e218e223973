/**
 * The unilevel on the fast engine: level-by-level passes up the compressed
 * (active uplines) or the full upline tree; or, when rates or volumes depend
 * on who bought (rates by the buyer's or the lower package, package fees),
 * a bounded walk up from each buyer (at most `rates.length` levels).
 *
 * @module
 */
import type { FastKernel, FastPeriod } from "../../contract.js";
import { columnValues, rateRow, scaledRate, type CompiledRateTable } from "../../rate-tables.js";
import { createLevelBuffers, growLevelBuffers, payLevels, type LevelBuffers } from "../shared/level-passes.js";
import type { UnilevelSettings } from "./settings.js";

/** The kernel's state: the level buffers, the settings as typed arrays, and scratch of package-fee walks. */
export interface UnilevelState {
  readonly buffers: LevelBuffers;
  readonly rates: Float64Array;
  readonly payable: Uint8Array | undefined;
  /** Σ of every level's largest rate, scaled. */
  readonly rateSum: bigint;
  /** Whether the tables depend on the earner only and are constants (level passes with `rates`). */
  readonly constant: boolean;
  readonly eligible: Uint8Array | undefined;
  /** Scratch: each member's eligibility by package this period. */
  eligibleNow: Uint8Array;
  readonly packageVolumes: Float64Array;
  /** Scratch: this period's active members, ascending (the compressed tree's only parents); empty without compression. */
  activeList: Int32Array;
  readonly compressed: boolean;
}

export const unilevelKernel: FastKernel<UnilevelSettings, UnilevelState> = {
  state: (s, capacity) => ({
    buffers: createLevelBuffers(capacity),
    rates: Float64Array.from(s.rates, (t) => t.scaled[0]!),
    payable: s.depthByRank ? Uint8Array.from(s.depthByRank) : undefined,
    rateSum: s.rates.reduce((sum, t) => sum + BigInt(t.max.scaled), 0n),
    constant: s.rates.every((t) => t.constant),
    eligible: s.eligiblePackages ? Uint8Array.from(s.eligiblePackages) : undefined,
    eligibleNow: new Uint8Array(s.eligiblePackages ? capacity : 0),
    packageVolumes: Float64Array.from(s.packageVolumes),
    activeList: new Int32Array(s.compression === "dynamic" ? capacity : 0),
    compressed: s.compression === "dynamic",
  }),
  grow(state, capacity) {
    growLevelBuffers(state.buffers, capacity);
    if (state.compressed) state.activeList = new Int32Array(capacity);
    if (state.eligible) state.eligibleNow = new Uint8Array(capacity);
  },
  accrue(s, state, p, amounts) {
    const { size, members, memberCount } = p.network;
    const dynamic = s.compression === "dynamic";
    if (state.eligible) {
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        state.eligibleNow[i] = state.eligible[p.package[i]!]!;
      }
    }
    if (s.packageVolume) return packageFees(s, state, p, amounts);
    const volume = s.basis === "qv" ? p.qv : p.pv;
    const headline = BigInt(s.basis === "qv" ? p.qvTotal : p.pvTotal) * state.rateSum;
    if (s.rates.some((t) => t.byBuyer)) {
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        const v = volume[i]!;
        if (v !== 0) walk(s, state, p, i, p.package[i]!, v, amounts, -1);
      }
      return headline;
    }
    const columns = s.rates.map((t) => columnValues(t, p.values));
    // Compressed, only active members receive volume past the first level: the later passes visit them alone.
    let activeCount = 0;
    if (dynamic) {
      const list = state.activeList;
      const active = p.active;
      for (let idx = 0; idx < memberCount; idx++) {
        const i = members[idx]!;
        if (active[i] === 1) list[activeCount++] = i;
      }
    }
    // Compressed at constant rates on a tree numbered with locality: a walk up from each member (see `walkLevels`).
    if (dynamic && state.constant && !state.eligible && numberedLocally(p.activeUpline, members, memberCount)) {
      walkLevels(p.activeUpline, members, memberCount, volume, state.rates, state.payable, p.rank, amounts);
      return headline;
    }
    // The tree the levels climb: active uplines only (compressed), or every upline;
    // with compression every upline reached is active, so no activity check is needed.
    payLevels(
      {
        size,
        parent: dynamic ? p.activeUpline : p.network.upline,
        passers: members,
        passerCount: memberCount,
        earners: members,
        earnerCount: memberCount,
        pv: volume,
        rates: state.rates,
        requireActive: !dynamic,
        active: p.active,
        payable: state.payable,
        rank: p.rank,
        ...(state.eligible ? { eligible: state.eligibleNow } : {}),
        ...(dynamic ? { upper: state.activeList, upperCount: activeCount } : {}),
        ...(state.constant ? {} : { earnerRate: (k: number, j: number) => rateAt(s.rates[k]!, columns[k], p, j, p.package[j]!) }),
      },
      state.buffers,
      amounts,
    );
    return headline;
  },
};

/** Below this many members the arrays fit the processor's caches whatever the order: level passes (`numberedLocally`). */
export const LOCAL_WALK_MIN_MEMBERS = 1 << 18;

/**
 * Whether a tree is numbered with locality: of about 4,096 members sampled
 * evenly, at least three in four with a parent have her within 4,096
 * indices (92% in the large benchmark's first period, its 1M members
 * numbered depth-first; 13.5% in its last, after 2.65M appended as they
 * joined). Then the few uplines a walk climbs are in the cache, and a walk
 * up from each member costs less than level passes over every member (one
 * period on 10M members numbered depth-first: `pay` 2.22 s against 2.33 s,
 * medians of 5 alternated calls, the same payout); numbered at random, a
 * walk waits on memory at every step. Small networks always take the
 * passes (`LOCAL_WALK_MIN_MEMBERS`).
 */
export function numberedLocally(parent: Int32Array, members: Int32Array, memberCount: number): boolean {
  if (memberCount < LOCAL_WALK_MIN_MEMBERS) return false;
  const stride = Math.floor(memberCount / 4096);
  let near = 0;
  let sampled = 0;
  for (let k = 0; k < memberCount; k += stride) {
    const i = members[k]!;
    const p = parent[i]!;
    if (p < 0) continue;
    sampled += 1;
    if (i - p <= 4096) near += 1;
  }
  return sampled > 0 && near * 4 >= sampled * 3;
}

/**
 * The compressed levels as a walk: from each member with volume, up her
 * active uplines (`parent`), paying the k-th the level-k rate × her volume
 * where her rank's payable depth reaches it. The same integers as the level
 * passes, added per buyer rather than per level sum (exact either way: each
 * product and sum is an integer below 2^53, checked on the totals).
 */
function walkLevels(
  parent: Int32Array,
  members: Int32Array,
  memberCount: number,
  volume: Float64Array,
  rates: Float64Array,
  payable: Uint8Array | undefined,
  rank: Uint8Array,
  amounts: Float64Array,
): void {
  const depth = rates.length;
  for (let idx = 0; idx < memberCount; idx++) {
    const i = members[idx]!;
    const v = volume[i]!;
    if (v === 0) continue;
    let u = parent[i]!;
    for (let k = 0; k < depth && u >= 0; k++) {
      if (payable === undefined || k < payable[rank[u]!]!) amounts[u]! += v * rates[k]!;
      u = parent[u]!;
    }
  }
}

/** An earner's scaled rate in a level's table (her rank, her package, the buyer's). */
function rateAt(t: CompiledRateTable, column: Float64Array | undefined, p: FastPeriod, j: number, buyerPackage: number): number {
  return scaledRate(t, rateRow(t, p.rank[j]!, p.package[j]!, buyerPackage), column ? column[j]! : 0);
}

/**
 * Pays volume `v` bought by member i (package `buyerPackage`) up her levels:
 * compressed or not, by payable depth and eligibility. With `feePackage` ≥ 0
 * (a package fee), the volume at each earner is the plan's volume of the
 * selected package instead of `v`.
 */
function walk(s: UnilevelSettings, state: UnilevelState, p: FastPeriod, i: number, buyerPackage: number, v: number, amounts: Float64Array, feePackage: number): void {
  const { upline } = p.network;
  const { active, rank } = p;
  const dynamic = s.compression === "dynamic";
  const depth = s.rates.length;
  let level = 0;
  let u = upline[i]!;
  while (u >= 0 && level < depth) {
    if (active[u] === 1) {
      const payable = state.payable === undefined || level < state.payable[rank[u]!]!;
      const eligible = state.eligible === undefined || state.eligibleNow[u] === 1;
      if (payable && eligible) {
        const t = s.rates[level]!;
        const rate = rateAt(t, t.column === undefined ? undefined : p.values.get(t.column), p, u, buyerPackage);
        let volume = v;
        if (feePackage >= 0) {
          const e = p.package[u]!;
          const sel = s.packageVolume === "buyer" ? feePackage : s.packageVolume === "earner" ? e : e === 0 || feePackage === 0 ? 0 : Math.min(e, feePackage);
          volume = state.packageVolumes[sel]!;
        }
        if (rate !== 0 && volume !== 0) amounts[u]! += volume * rate;
      }
      level += 1;
    } else if (!dynamic) level += 1;
    u = upline[u]!;
  }
}

/** Package fees only: each fee order, walked up with the plan's volume of the selected package. */
function packageFees(s: UnilevelSettings, state: UnilevelState, p: FastPeriod, amounts: Float64Array): bigint {
  const net = p.network;
  const fees = net.orderPackage;
  const names = net.packageNames;
  if (!fees || !names || net.orderMember === undefined || net.orderCount === undefined) return 0n;
  const planNumber = Uint8Array.from({ length: names.length + 1 }, (_, k) => (k === 0 ? 0 : s.packageNames.indexOf(names[k - 1]!) + 1));
  const largest = Math.max(0, ...s.packageVolumes);
  let headlineVolume = 0;
  for (let k = 0; k < net.orderCount; k++) {
    const n = fees[k]!;
    if (n === 0) continue;
    const b = planNumber[n]!;
    headlineVolume += s.packageVolume === "earner" ? largest : state.packageVolumes[b]!;
    walk(s, state, p, net.orderMember[k]!, b, 0, amounts, b);
  }
  return BigInt(headlineVolume) * state.rateSum;
}
