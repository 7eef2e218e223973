/**
 * What storing only the living members would buy the engine. The world's
 * arrays are indexed by everyone who ever joined, and by month 36 of the
 * large workload 69% of them have quit: every pass over the current members
 * skips through arrays three times their size. This runs the workload's
 * world and, at a few months, pays that month's network twice with fresh
 * fast engines:
 *
 * - **as stored**: the world's network, indexed by member ever joined;
 * - **compacted**: the same current members gathered into arrays of their
 *   own, indexed by position in the current list (ascending, so a member's
 *   upline still comes before her), what a world that compacted its storage
 *   as members quit would hand the engine.
 *
 * The last call's payouts are compared member by member (every component's
 * amount, PV, activity; the run stops at a difference). It also times what
 * compacting inside the engine every period would add: gathering the
 * compacted copy from the stored arrays, and scattering the payout's arrays
 * back to member indices (zeroing them for everyone else, as a payout's
 * arrays are right at every index).
 *
 *     node --max-old-space-size=6144 --import tsx benchmarks/compaction.ts [workload] [months…]
 *
 * Default: `large` at months 12, 24 and 36. Each figure is the median of 7
 * calls; each call gathers, pays as stored, pays compacted and scatters, in
 * that order, so the compacted pay does not find its inputs in the cache.
 * Networks with a placement tree (binary, matrix) or order columns are
 * refused: the gather here covers the sponsor tree and the volumes only.
 *
 * @module
 */
import { createFastEngine, type PeriodPayout } from "../src/index.js";
// The runner's steps (internal): the world is stepped as `simulate` steps it, and its network read at each month asked for.
import { prepareRun } from "../src/run/prepared-run.js";
import type { PeriodNetwork } from "../src/world/network.js";
import { NO_INPUT } from "../src/world/steps/index.js";
import { workloadByName } from "./workloads.js";

const CALLS = 7;

/** The median of a list of times. */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Scratch of the compacted copy, reused from month to month (grown when the current list is longer). */
interface Compacted {
  position: Int32Array;
  upline: Int32Array;
  joinPeriod: Int32Array;
  ownCv: Float64Array;
  customerCv: Float64Array;
  ownQv: Float64Array | undefined;
  customerQv: Float64Array | undefined;
  alive: Uint8Array;
  members: Int32Array;
}

/** Gathers the current members of `net` into `c` (positions first: a member's upline is current, so it has one). */
function gather(net: PeriodNetwork, c: Compacted): void {
  const { members, memberCount, upline, joinPeriod, ownCv, customerCv, ownQv, customerQv } = net;
  const position = c.position;
  for (let k = 0; k < memberCount; k++) position[members[k]!] = k;
  for (let k = 0; k < memberCount; k++) {
    const i = members[k]!;
    const u = upline[i]!;
    c.upline[k] = u < 0 ? -1 : position[u]!;
    c.joinPeriod[k] = joinPeriod[i]!;
    c.ownCv[k] = ownCv[i]!;
    c.customerCv[k] = customerCv[i]!;
    if (ownQv && customerQv) {
      c.ownQv![k] = ownQv[i]!;
      c.customerQv![k] = customerQv[i]!;
    }
  }
}

/** The compacted network over `c` (valid until the next gather). */
function compactedNetwork(net: PeriodNetwork, c: Compacted): PeriodNetwork {
  const m = net.memberCount;
  return {
    period: net.period,
    size: m,
    upline: c.upline,
    alive: c.alive,
    members: c.members,
    memberCount: m,
    joinPeriod: c.joinPeriod,
    ownCv: c.ownCv,
    customerCv: c.customerCv,
    ...(c.ownQv && c.customerQv ? { ownQv: c.ownQv, customerQv: c.customerQv } : {}),
  };
}

/** The compacted scratch for `m` members. */
function compactedFor(net: PeriodNetwork, m: number): Compacted {
  const withQv = net.ownQv !== undefined && net.customerQv !== undefined;
  return {
    position: new Int32Array(net.upline.length),
    upline: new Int32Array(m),
    joinPeriod: new Int32Array(m),
    ownCv: new Float64Array(m),
    customerCv: new Float64Array(m),
    ownQv: withQv ? new Float64Array(m) : undefined,
    customerQv: withQv ? new Float64Array(m) : undefined,
    alive: new Uint8Array(m).fill(1),
    members: Int32Array.from({ length: m }, (_, k) => k),
  };
}

/** The payout's per-member arrays a collector reads, scattered back to member indices (entries of non-members zeroed). */
function scatter(net: PeriodNetwork, p: PeriodPayout, out: { amounts: Float64Array[]; pv: Float64Array; active: Uint8Array }): void {
  const { members, memberCount, size } = net;
  for (const a of out.amounts) a.fill(0, 0, size);
  out.pv.fill(0, 0, size);
  out.active.fill(0, 0, size);
  for (let c = 0; c < out.amounts.length; c++) {
    const from = p.amounts[c]!;
    const to = out.amounts[c]!;
    for (let k = 0; k < memberCount; k++) to[members[k]!] = from[k]!;
  }
  for (let k = 0; k < memberCount; k++) {
    const i = members[k]!;
    out.pv[i] = p.pv[k]!;
    out.active[i] = p.active[k]!;
  }
}

/** Member-by-member differences between the stored-layout payout and the scattered compacted one (the run stops at any). */
function differences(net: PeriodNetwork, stored: PeriodPayout, out: { amounts: Float64Array[]; pv: Float64Array; active: Uint8Array }): number {
  let n = 0;
  for (let i = 0; i < net.size; i++) {
    for (let c = 0; c < out.amounts.length; c++) if (stored.amounts[c]![i] !== out.amounts[c]![i]) n += 1;
    if (stored.pv[i] !== out.pv[i] || stored.active[i] !== out.active[i]) n += 1;
  }
  return n;
}

/** One month's measurement. */
export interface CompactionMeasurement {
  readonly month: number;
  readonly current: number;
  readonly everJoined: number;
  readonly storedMs: number;
  readonly compactedMs: number;
  readonly gatherMs: number;
  readonly scatterMs: number;
}

/** Measures `workload` at each of `months` (1-based: month 36 is period 35). */
export function measureCompaction(workload: string, months: readonly number[]): CompactionMeasurement[] {
  const w = workloadByName(workload);
  const last = Math.max(...months);
  const run = prepareRun({ scenario: { ...w.scenario, months: last }, plans: [w.plan], seed: w.seed, engine: "fast", ledger: false });
  const source = run.sources[0]!;
  const results: CompactionMeasurement[] = [];
  for (let t = 0; t < last; t++) {
    const { network: net } = source.step(NO_INPUT);
    if (!months.includes(t + 1)) continue;
    if (net.placement !== undefined || net.orderCount !== undefined) {
      throw new Error(`compaction.ts: ${workload}'s network has a placement tree or order columns; the gather covers the sponsor tree and volumes only`);
    }
    const m = net.memberCount;
    const scratch = compactedFor(net, m);
    const dense = compactedNetwork(net, scratch);
    const storedEngine = createFastEngine(w.plan);
    const compactedEngine = createFastEngine(w.plan);
    const out = {
      amounts: w.plan.components.map(() => new Float64Array(net.size)),
      pv: new Float64Array(net.size),
      active: new Uint8Array(net.size),
    };
    const times = { stored: [] as number[], compacted: [] as number[], gather: [] as number[], scatter: [] as number[] };
    let stored!: PeriodPayout;
    let compacted!: PeriodPayout;
    // One call of each first: arrays sized, code compiled (not counted).
    storedEngine.pay(net);
    gather(net, scratch);
    compactedEngine.pay(dense);
    // Gathering first and paying as stored in between: the compacted pay does not start with its inputs in the cache.
    for (let call = 0; call < CALLS; call++) {
      let t0 = performance.now();
      gather(net, scratch);
      times.gather.push(performance.now() - t0);
      t0 = performance.now();
      stored = storedEngine.pay(net);
      times.stored.push(performance.now() - t0);
      t0 = performance.now();
      compacted = compactedEngine.pay(dense);
      times.compacted.push(performance.now() - t0);
      t0 = performance.now();
      scatter(net, compacted, out);
      times.scatter.push(performance.now() - t0);
    }
    if (stored.paid.some((v, c) => v !== compacted.paid[c])) throw new Error(`compaction.ts: month ${t + 1}: totals differ (${stored.paid} against ${compacted.paid})`);
    const differing = differences(net, stored, out);
    if (differing > 0) throw new Error(`compaction.ts: month ${t + 1}: ${differing} member entries differ between the two layouts`);
    results.push({
      month: t + 1,
      current: m,
      everJoined: net.size,
      storedMs: median(times.stored),
      compactedMs: median(times.compacted),
      gatherMs: median(times.gather),
      scatterMs: median(times.scatter),
    });
  }
  return results;
}

function main(argv: readonly string[]): void {
  const [workload = "large", ...rest] = argv;
  const months = rest.length > 0 ? rest.map(Number) : [12, 24, 36];
  if (months.some((m) => !Number.isInteger(m) || m < 1)) throw new Error("usage: compaction.ts [workload] [months…] (whole months, at least 1)");
  for (const r of measureCompaction(workload, months)) {
    const share = (100 * r.current) / r.everJoined;
    process.stdout.write(
      `month ${r.month}: ${r.current.toLocaleString("en-US")} current of ${r.everJoined.toLocaleString("en-US")} ever joined (${share.toFixed(0)}%); ` +
        `pay as stored ${r.storedMs.toFixed(1)} ms, compacted ${r.compactedMs.toFixed(1)} ms (${(r.storedMs / r.compactedMs).toFixed(2)}×); ` +
        `gather ${r.gatherMs.toFixed(1)} ms, scatter ${r.scatterMs.toFixed(1)} ms; ` +
        `compacted + gather + scatter ${(r.compactedMs + r.gatherMs + r.scatterMs).toFixed(1)} ms; payouts equal\n`,
    );
  }
}

main(process.argv.slice(2));
