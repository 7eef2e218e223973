/**
 * The measurements themselves. Each function runs in the process it measures
 * (see `one.ts`), so that peak RSS belongs to one workload alone.
 *
 * @module
 */
import {
  compilePlan,
  createFastEngine,
  createReferenceEngine,
  createWorld,
  resolveScenario,
  simulate,
  stepWorld,
  type Collector,
  type CollectorFactory,
  type PeriodPayout,
  type PlanEngine,
} from "../src/index.js";
// The runner's steps, apart (internal: the benchmarks instrument the very loop `simulate` runs).
import { collectResults, prepareRun, runPeriods, type NamedCollector, type PreparedRun } from "../src/run/prepared-run.js";
import { simulateTwoThreads } from "../src/parallel/index.js";
import type { Workload } from "./workloads.js";
import type { PeriodNetwork } from "../src/world/network.js";
import { roundScaled } from "../src/money/round.js";
import { stream } from "../src/random/stream.js";

const MB = 1024 * 1024;

/**
 * Prefix of the one stdout line on which a child (`one.ts`) hands its result
 * to `run.ts`. It lives here, not in `one.ts`, because importing `one.ts`
 * would run a measurement.
 */
export const RESULT_MARKER = "BENCHMARK-RESULT ";

/** The measurements a child process can run. */
export type Task = "simulate" | "compare" | "split" | "period";

/**
 * Tracks the peak of `heapUsed + arrayBuffers`. RSS alone hides whether the
 * memory is JS objects or typed-array storage, and the engine's promise is to
 * keep members in typed arrays; this sample tells the two apart. It is taken
 * at period boundaries only, so it can miss short peaks inside a period (RSS,
 * from the kernel, does not).
 */
export class HeapPeak {
  peakBytes = 0;
  sample(): void {
    const m = process.memoryUsage();
    const used = m.heapUsed + m.arrayBuffers;
    if (used > this.peakBytes) this.peakBytes = used;
  }
}

/**
 * A collector that samples the heap after each period (after the built-in
 * collectors have recorded it); its result is the peak so far, in bytes.
 */
export function heapPeakCollector(heap: HeapPeak): CollectorFactory<number> {
  return () => ({
    period: () => heap.sample(),
    result: () => heap.peakBytes,
  });
}

/** Peak resident set size of this process so far, in MB (`maxRSS` is in kilobytes). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** What one run of `simulate` on a workload measured. */
export interface SimulationMeasurement {
  readonly kind: "simulate";
  readonly workload: string;
  readonly ledger: boolean;
  /** 1: `simulate`; 2: `simulateTwoThreads` (the world a period ahead on a worker thread). */
  readonly threads: 1 | 2;
  /** Why a two-thread run stayed on one thread, if it did. */
  readonly oneThreadReason?: string;
  readonly months: number;
  readonly periods: number;
  /** Distributors in the generated starting network. */
  readonly startMembers: number;
  /** Members who ever joined, at the end (what the engine covers in the last period). */
  readonly endMembers: number;
  /** Distributors still in the business at the end. */
  readonly endAlive: number;
  readonly wallSeconds: number;
  /** CPU seconds of the process, every thread (user + system). */
  readonly cpuSeconds: number;
  /** Reading every member record (`result.members`, built as read) and every period row after the run. */
  readonly readSeconds: number;
  readonly memberMonths: number;
  readonly memberMonthsPerSecond: number;
  /** Peak RSS of the process, the results read included. */
  readonly peakRssMb: number;
  /** Peak RSS over members who ever joined, in bytes. */
  readonly bytesPerMember: number;
  readonly peakHeapMb: number;
  readonly ledgerLines: number;
  /** Σ of every member's gross (read through the member records): a check that the rows were read, and that runs agree. */
  readonly grossTotal: number;
  /** Σ of the period rows' payout. */
  readonly payoutTotal: number;
}

/**
 * Times the public `simulate` call end to end — world creation, every
 * period's world step and payout, collectors, ledger and member columns —
 * since that is what a user waits for; then reads what a user reads (every
 * member record, built as it is read, and every period row) and takes the
 * peak RSS with it. With `threads` 2 the run is `simulateTwoThreads`.
 *
 * The heap is sampled through `onPeriod`, not a collector: an extra
 * collector sees the network, so the runner would keep the order columns for it.
 *
 * Members·months: the sum over periods of the distributors current at the end
 * of each period (`periods[t].members`): the member-months simulated. The
 * engine's loops visit the current members only, not everyone who ever joined.
 */
export async function measureSimulation(w: Workload, ledger: boolean, threads: 1 | 2 = 1): Promise<SimulationMeasurement> {
  const heap = new HeapPeak();
  heap.sample();
  const c0 = process.cpuUsage();
  const start = performance.now();
  const options = { scenario: w.scenario, plan: w.plan, seed: w.seed, engine: "fast" as const, ledger, onPeriod: () => heap.sample() };
  let oneThreadReason: string | undefined;
  const result = threads === 2 ? await simulateTwoThreads(options, (r) => (oneThreadReason = r.reason)) : simulate(options);
  const wallSeconds = (performance.now() - start) / 1000;
  heap.sample();
  // What a user reads: every member record and period row.
  const r0 = performance.now();
  let grossTotal = 0;
  for (const m of result.members) grossTotal += m.gross;
  let payout = 0;
  for (const p of result.periods) payout += p.payout;
  const readSeconds = (performance.now() - r0) / 1000;
  const cpu = process.cpuUsage(c0);
  heap.sample();
  const endMembers = result.memberColumns.size;
  const memberMonths = result.periods.reduce((sum, p) => sum + p.members, 0);
  const startMembers = w.scenario.start?.network?.distributors ?? w.scenario.start?.founders ?? 1;
  const peak = peakRssMb();
  return {
    kind: "simulate",
    workload: w.name,
    ledger,
    threads,
    ...(oneThreadReason !== undefined ? { oneThreadReason } : {}),
    months: w.scenario.months ?? 36,
    periods: result.periods.length,
    startMembers,
    endMembers,
    endAlive: result.periods[result.periods.length - 1]?.members ?? 0,
    wallSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    readSeconds,
    memberMonths,
    memberMonthsPerSecond: memberMonths / wallSeconds,
    peakRssMb: peak,
    bytesPerMember: (peak * MB) / endMembers,
    peakHeapMb: heap.peakBytes / MB,
    ledgerLines: result.ledger.length,
    grossTotal,
    payoutTotal: payout,
  };
}

/** Fast against reference engine on the same world periods. */
export interface EngineComparison {
  readonly kind: "compare";
  readonly workload: string;
  readonly months: number;
  /** Members covered in the first and last compared period. */
  readonly sizes: readonly [number, number];
  readonly orders: number;
  /** Payouts compared: Σ over periods of the members covered (every one checked to the cent, each component). */
  readonly membersCompared: number;
  readonly fastSeconds: number;
  readonly referenceSeconds: number;
  readonly speedup: number;
  /** Whether the reference engine had an untimed warm-up call (only on periods of at most {@link REFERENCE_WARM_UP_MAX} members). */
  readonly referenceWarmUp: boolean;
  /** Peak RSS of the process (world, both engines, the reference engine's objects). */
  readonly peakRssMb: number;
}

/**
 * The largest first period on which the reference engine gets an untimed
 * warm-up call. Above it a call takes tens of seconds to minutes, of which
 * compiling its code is noise, and a warm-up would double the run.
 */
export const REFERENCE_WARM_UP_MAX = 100_000;

/**
 * Times only the engines' `pay` calls, both on the very same network of each
 * period, so the ratio is the engines' alone (the world, which records orders
 * for the reference engine here, is stepped outside the timers). Also checks
 * that the engines agree to the cent: a speed-up of a wrong engine is worth
 * nothing.
 *
 * The reference engine is built directly (`createReferenceEngine`), not
 * through `simulate`, so the run's guard on its objects (1 GiB,
 * `REFERENCE_HEAP_BUDGET`, about 520,000 members) does not apply: that guard
 * keeps a user's run from dying of a full JavaScript heap, and a benchmark
 * that means to compare the engines on 1,000,000 members raises the heap
 * itself (`node --max-old-space-size=…`). The world's memory budget is
 * lifted too (`budget: Infinity`); peak RSS is reported instead.
 */
export function compareEngines(w: Workload, months: number): EngineComparison {
  const scenario = resolveScenario({ ...w.scenario, months });
  const plan = compilePlan(w.plan);
  const fast = createFastEngine(plan, { currency: scenario.spec.currency });
  const reference = createReferenceEngine(plan, { currency: scenario.spec.currency });
  const world = createWorld(scenario, { seed: w.seed, recordOrders: true, budget: Infinity });
  let fastMs = 0;
  let referenceMs = 0;
  let orders = 0;
  let first = 0;
  let last = 0;
  let membersCompared = 0;
  let referenceWarmUp = false;
  for (let t = 0; t < scenario.periods; t++) {
    const { network } = stepWorld(world);
    orders += network.orders?.length ?? 0;
    if (t === 0) first = network.size;
    last = network.size;
    if (t === 0) {
      // Warm-up, untimed: both engines' first calls include compiling their hot loops,
      // which at this size would otherwise be most of the fast engine's time. The
      // ratio is of steady-state periods, which is what a 36-month run is made of.
      referenceWarmUp = network.size <= REFERENCE_WARM_UP_MAX;
      if (referenceWarmUp) reference.pay(network);
      for (let k = 0; k < 5; k++) fast.pay(network);
    }
    // Reference first: the fast engine's result arrays are only valid until its next call, and are compared right after it.
    const r0 = performance.now();
    const ref = reference.pay(network);
    const r1 = performance.now();
    const got = fast.pay(network);
    const r2 = performance.now();
    referenceMs += r1 - r0;
    fastMs += r2 - r1;
    assertSamePayout(w.name, t, got, ref);
    membersCompared += ref.size;
  }
  return {
    kind: "compare",
    workload: w.name,
    months,
    sizes: [first, last],
    orders,
    membersCompared,
    fastSeconds: fastMs / 1000,
    referenceSeconds: referenceMs / 1000,
    speedup: referenceMs / fastMs,
    referenceWarmUp,
    peakRssMb: peakRssMb(),
  };
}

/** Throws on the first difference between two payouts: totals, breakage, then member by member. */
function assertSamePayout(name: string, t: number, fast: PeriodPayout, ref: PeriodPayout): void {
  const where = `benchmarks/${name}: period ${t}`;
  if (fast.size !== ref.size) throw new Error(`${where}: sizes differ (fast ${fast.size}, reference ${ref.size})`);
  for (let c = 0; c < ref.paid.length; c++) {
    const component = ref.components[c];
    if (fast.paid[c] !== ref.paid[c]) throw new Error(`${where}: ${component}: paid differs (fast ${fast.paid[c]}, reference ${ref.paid[c]})`);
    if (fast.breakage[c] !== ref.breakage[c]) {
      throw new Error(`${where}: ${component}: breakage differs (fast ${fast.breakage[c]}, reference ${ref.breakage[c]})`);
    }
    const a = fast.amounts[c]!;
    const b = ref.amounts[c]!;
    for (let i = 0; i < ref.size; i++) {
      if (a[i] !== b[i]) throw new Error(`${where}: ${component}: member ${i} is paid ${a[i]} by fast, ${b[i]} by reference`);
    }
  }
  if (fast.activeCount !== ref.activeCount) throw new Error(`${where}: active counts differ (fast ${fast.activeCount}, reference ${ref.activeCount})`);
}

/** Where the time of a run goes, in seconds per stage. */
export interface TimeSplit {
  readonly kind: "split";
  readonly workload: string;
  readonly ledger: boolean;
  readonly createWorld: number;
  readonly stepWorld: number;
  readonly pay: number;
  readonly ledgerAppend: number;
  readonly collect: number;
  readonly memberRows: number;
  readonly total: number;
  /** Peak RSS before the member rows are built: what the period loop alone needs. */
  readonly loopPeakRssMb: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
}

/** Milliseconds spent in each instrumented stage. */
interface Timers {
  step: number;
  pay: number;
  ledger: number;
  collect: number;
}

/** `engine` with a timer around `pay`. */
function timedEngine(engine: PlanEngine, timers: Timers): PlanEngine {
  return {
    plan: engine.plan,
    kind: engine.kind,
    pay(network) {
      const t0 = performance.now();
      const payout = engine.pay(network);
      timers.pay += performance.now() - t0;
      return payout;
    },
  };
}

/** A built-in collector with a timer around `period`: the ledger's into `ledger`, the others' (period rows, member totals) into `collect`. */
function timedCollector({ name, collector }: NamedCollector, timers: Timers): NamedCollector {
  const stage = name === "ledger" ? "ledger" : "collect";
  const timed: Collector<unknown> = {
    period(view) {
      const t0 = performance.now();
      collector.period(view);
      timers[stage] += performance.now() - t0;
    },
    result: () => collector.result(),
  };
  return { name, collector: timed };
}

/**
 * The stages of `simulate` with a timer around each: `prepareRun` (scenario,
 * plan, engine, world, collectors: the "createWorld" column), then the runner's
 * own period loop (`runPeriods`) on a copy of the prepared run whose world
 * step, engine and built-in collectors carry timers, then the results and the
 * member records (the "memberRows" column: the member columns, then the
 * records built from them). The loop is the library's, not a copy of it.
 */
export function splitSimulation(w: Workload, ledger: boolean): TimeSplit {
  const heap = new HeapPeak();
  const now = (): number => performance.now();
  let t0 = now();
  const run = prepareRun({ scenario: w.scenario, plans: [w.plan], seed: w.seed, engine: "fast", ledger });
  const createMs = now() - t0;
  const timers: Timers = { step: 0, pay: 0, ledger: 0, collect: 0 };
  // The world's step, timed: the runner steps its sources (the first is `run.step`'s).
  const timedStep = (step: PreparedRun["step"]): PreparedRun["step"] => (input) => {
    const s0 = performance.now();
    const period = step(input);
    timers.step += performance.now() - s0;
    return period;
  };
  const instrumented: PreparedRun = {
    ...run,
    step: timedStep(run.step),
    sources: run.sources.map((source) => ({ ...source, step: timedStep(source.step) })),
    plans: run.plans.map((p) => ({ ...p, engine: timedEngine(p.engine, timers), builtIns: p.builtIns.map((c) => timedCollector(c, timers)) })),
  };
  // The heap sampled after each period through the listener: an extra collector would make the world keep its order columns.
  runPeriods(instrumented, () => heap.sample());
  const loopPeakRssMb = peakRssMb();
  t0 = now();
  const rows = collectResults(instrumented)[0]!.members;
  const rowsMs = now() - t0;
  heap.sample();
  if (rows.length !== run.world.size) throw new Error(`benchmarks/${w.name}: ${rows.length} member rows for ${run.world.size} members`);
  const s = (ms: number): number => ms / 1000;
  return {
    kind: "split",
    workload: w.name,
    ledger,
    createWorld: s(createMs),
    stepWorld: s(timers.step),
    pay: s(timers.pay),
    ledgerAppend: s(timers.ledger),
    collect: s(timers.collect),
    memberRows: s(rowsMs),
    total: s(createMs + timers.step + timers.pay + timers.ledger + timers.collect + rowsMs),
    loopPeakRssMb,
    peakRssMb: peakRssMb(),
    peakHeapMb: heap.peakBytes / MB,
  };
}

/** One period at scale: the fast engine against a plain JavaScript kernel of the simpler work, on the same network. */
export interface PeriodMeasurement {
  readonly kind: "period";
  readonly workload: string;
  /** Members who ever joined, and current, in the period paid. */
  readonly size: number;
  readonly members: number;
  readonly active: number;
  /** Generating the start network and stepping the world one period (not timed against anything): their sum, then each. */
  readonly worldSeconds: number;
  readonly generateSeconds: number;
  readonly stepSeconds: number;
  /** The engine's first `pay` (its arrays allocated and its code compiled then), and the median of the next ones. */
  readonly engineColdSeconds: number;
  readonly engineSeconds: number;
  /** The kernel's first run and the median of the next ones (its arrays allocated before either). */
  readonly kernelColdSeconds: number;
  readonly kernelSeconds: number;
  /** Kernel ÷ engine, medians: above 1, the engine is faster. */
  readonly ratio: number;
  /**
   * The same network renumbered in join order, ties in no tree order (see
   * `joinOrdered`), as members were numbered before generated networks were
   * numbered depth-first: the engine's and the kernel's medians on it (a
   * fresh engine; the same runs), and the payout checked equal in total.
   */
  readonly joinOrder: { readonly engineSeconds: number; readonly kernelSeconds: number; readonly ratio: number; readonly samePaid: boolean };
  /** The kernel's group volumes and unilevel amounts equal the engine's (member by member): the same work, checked. */
  readonly kernelAgrees: boolean;
  /** Members whose group volume or unilevel amount differ between kernel and engine (0 when `kernelAgrees`). */
  readonly kernelDifferences: number;
  /** The plan's components, and what each paid in total in the period (minor units). */
  readonly components: readonly string[];
  readonly paid: readonly number[];
  readonly runs: number;
  readonly peakRssMb: number;
  /** Peak of heapUsed + arrayBuffers, sampled after the world, after each timed run and at the end. */
  readonly peakHeapMb: number;
}

/** The scaled rates of the kernel's 7-level unilevel: 8/5/4/4/4/3/2 % at scale 100. */
const KERNEL_RATES = Int32Array.from([8, 5, 4, 4, 4, 3, 2]);
const KERNEL_SCALE = 100;

/** The kernel's scratch, allocated once before it is timed. */
interface KernelScratch {
  readonly pv: Float64Array;
  readonly gv: Float64Array;
  readonly active: Uint8Array;
  readonly amount: Float64Array;
}

/**
 * The simpler work as a plain loop kernel, the tools of the trade and
 * nothing else (typed arrays, one thread): personal volumes and activity,
 * group volumes rolled up in one reverse pass, then a 7-level unilevel with
 * dynamic compression — from each member with volume, a walk up her uplines
 * paying the next active one at each level — and the amounts in cents.
 */
function kernel(network: PeriodNetwork, minPv: number, k: KernelScratch): void {
  const { size, members, memberCount, upline, ownCv, customerCv } = network;
  const { pv, gv, active, amount } = k;
  pv.fill(0, 0, size);
  gv.fill(0, 0, size);
  active.fill(0, 0, size);
  amount.fill(0, 0, size);
  for (let idx = 0; idx < memberCount; idx++) {
    const i = members[idx]!;
    const v = ownCv[i]! + customerCv[i]!;
    pv[i] = v;
    active[i] = v >= minPv ? 1 : 0;
  }
  for (let idx = memberCount - 1; idx >= 0; idx--) {
    const i = members[idx]!;
    const g = gv[i]! + pv[i]!;
    gv[i] = g;
    const p = upline[i]!;
    if (p >= 0) gv[p]! += g;
  }
  for (let idx = 0; idx < memberCount; idx++) {
    const i = members[idx]!;
    const v = pv[i]!;
    if (v === 0) continue;
    let u = upline[i]!;
    let level = 0;
    while (u >= 0 && level < 7) {
      if (active[u] === 1) amount[u]! += v * KERNEL_RATES[level++]!;
      u = upline[u]!;
    }
  }
  for (let idx = 0; idx < memberCount; idx++) {
    const i = members[idx]!;
    amount[i] = roundScaled(amount[i]!, KERNEL_SCALE, "halfEven");
  }
}

/** A stable counting sort of `items` by `key(item)`, a whole number in [0, buckets). */
function sortedBy(items: Int32Array, buckets: number, key: (i: number) => number): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let k = 0; k < items.length; k++) start[key(items[k]!) + 1]! += 1;
  for (let b = 1; b <= buckets; b++) start[b]! += start[b - 1]!;
  const out = new Int32Array(items.length);
  for (let k = 0; k < items.length; k++) out[start[key(items[k]!)]!++] = items[k]!;
  return out;
}

/**
 * The network with its current members renumbered as a generated network
 * was numbered before it was numbered depth-first: by join period and, on a
 * tie, in an order that has nothing to do with the tree (seeded, shuffled)
 * except that a sponsor comes before her recruit (ties broken by depth in
 * the tree first). Every member array permuted, uplines mapped; current
 * members only (the engine reads no one else).
 */
function joinOrdered(network: PeriodNetwork): PeriodNetwork {
  const { members, memberCount, joinPeriod, upline } = network;
  // Depth in the tree: uplines come first, so one pass in member order.
  const depth = new Int32Array(network.size);
  let deepest = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < memberCount; k++) {
    const i = members[k]!;
    const p = upline[i]!;
    const d = p < 0 ? 0 : depth[p]! + 1;
    depth[i] = d;
    if (d > deepest) deepest = d;
    const j = joinPeriod[i]!;
    if (j < lo) lo = j;
    if (j > hi) hi = j;
  }
  // Shuffled (seeded), then stable by depth, then stable by join period.
  const shuffled = members.slice(0, memberCount);
  const rand = stream(1, "join-order");
  for (let k = memberCount - 1; k > 0; k--) {
    const r = Math.floor(rand() * (k + 1));
    const t = shuffled[k]!;
    shuffled[k] = shuffled[r]!;
    shuffled[r] = t;
  }
  const order = sortedBy(sortedBy(shuffled, deepest + 1, (i) => depth[i]!), hi - lo + 1, (i) => joinPeriod[i]! - lo);
  const at = new Int32Array(network.size).fill(-1);
  for (let k = 0; k < memberCount; k++) at[order[k]!] = k;
  const n = memberCount;
  const take = (from: Float64Array): Float64Array => Float64Array.from(order, (i) => from[i]!);
  return {
    period: network.period,
    size: n,
    upline: Int32Array.from(order, (i) => (upline[i]! < 0 ? -1 : at[upline[i]!]!)),
    alive: new Uint8Array(n).fill(1),
    members: Int32Array.from({ length: n }, (_, k) => k),
    memberCount: n,
    joinPeriod: Int32Array.from(order, (i) => joinPeriod[i]!),
    ownCv: take(network.ownCv),
    customerCv: take(network.customerCv),
    ...(network.ownQv && network.customerQv ? { ownQv: take(network.ownQv), customerQv: take(network.customerQv) } : {}),
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * One period on a large network: the world generated and stepped once, then
 * the fast engine's `pay` and the kernel ({@link kernel}) alternated on the
 * very same network, `runs` times each after a first (cold) run, each timed
 * alone; medians compared. The kernel's group volumes and unilevel amounts
 * are checked against the engine's, member by member.
 */
export function measurePeriod(w: Workload, runs = 3): PeriodMeasurement {
  const heap = new HeapPeak();
  const t0 = performance.now();
  // No memory budget: the 10M-member workload is over the default 4 GiB on purpose; its peak RSS is reported.
  const world = createWorld(w.scenario, { seed: w.seed, budget: Infinity });
  const t1 = performance.now();
  const { network } = stepWorld(world);
  const t2 = performance.now();
  heap.sample();
  const plan = compilePlan(w.plan);
  const engine = createFastEngine(plan);
  const unilevel = plan.components.findIndex((c) => c.type === "unilevel");
  const size = network.size;
  const scratch: KernelScratch = { pv: new Float64Array(size), gv: new Float64Array(size), active: new Uint8Array(size), amount: new Float64Array(size) };
  const time = (f: () => void): number => {
    const s0 = performance.now();
    f();
    const seconds = (performance.now() - s0) / 1000;
    heap.sample();
    return seconds;
  };
  // The first call, cold: the engine's arrays are allocated and its code compiled in it.
  let payout!: PeriodPayout;
  const engineCold = time(() => (payout = engine.pay(network)));
  const components = [...payout.components];
  const paid = [...payout.paid];
  const kernelCold = time(() => kernel(network, plan.minPv, scratch));
  // The engine's arrays are valid until its next call: checked now, before it.
  let differences = 0;
  for (let idx = 0; idx < network.memberCount; idx++) {
    const i = network.members[idx]!;
    if (payout.gv[i] !== scratch.gv[i] || payout.amounts[unilevel]![i] !== scratch.amount[i]) differences++;
  }
  const engineTimes: number[] = [];
  const kernelTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    engineTimes.push(time(() => engine.pay(network)));
    kernelTimes.push(time(() => kernel(network, plan.minPv, scratch)));
  }
  const engineSeconds = median(engineTimes);
  const kernelSeconds = median(kernelTimes);
  // The same members in join order: what locality the depth-first numbering brings, measured in this run.
  const joined = joinOrdered(network);
  const joinEngine = createFastEngine(plan);
  const joinPaid = [...joinEngine.pay(joined).paid];
  const joinEngineTimes: number[] = [];
  const joinKernelTimes: number[] = [];
  kernel(joined, plan.minPv, scratch);
  for (let r = 0; r < runs; r++) {
    joinEngineTimes.push(time(() => joinEngine.pay(joined)));
    joinKernelTimes.push(time(() => kernel(joined, plan.minPv, scratch)));
  }
  const joinOrder = {
    engineSeconds: median(joinEngineTimes),
    kernelSeconds: median(joinKernelTimes),
    ratio: median(joinKernelTimes) / median(joinEngineTimes),
    samePaid: joinPaid.every((x, k) => x === paid[k]),
  };
  return {
    kind: "period",
    workload: w.name,
    size,
    members: network.memberCount,
    active: payout.activeCount,
    worldSeconds: (t2 - t0) / 1000,
    generateSeconds: (t1 - t0) / 1000,
    stepSeconds: (t2 - t1) / 1000,
    engineColdSeconds: engineCold,
    engineSeconds,
    kernelColdSeconds: kernelCold,
    kernelSeconds,
    ratio: kernelSeconds / engineSeconds,
    joinOrder,
    kernelAgrees: differences === 0,
    kernelDifferences: differences,
    components,
    paid,
    runs,
    peakRssMb: peakRssMb(),
    peakHeapMb: heap.peakBytes / MB,
  };
}
