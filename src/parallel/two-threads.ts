/**
 * One run on two threads: the world steps on a worker thread one period
 * ahead, while this thread pays the period before and records it. Results
 * are identical, byte for byte, to `simulate`'s: the world is the same code
 * on the same seed, and this thread reads each period's arrays exactly as
 * `simulate` does — shared memory, with a spare set of the per-period arrays
 * so that the period being paid stays as it was while the next is built
 * (world-worker.ts). The runner's own period loop (`runPeriods`) runs here,
 * unchanged: its world step waits for the world's thread.
 *
 * Where it cannot pay off or cannot be exact, the run stays on one thread
 * (the same result, as `simulate` gives it):
 * - income feedback (the scenario's attrition multipliers): the world of
 *   period t + 1 reads period t's payouts, so it cannot run ahead of them
 *   (running it ahead on the payouts of t − 1 would change the results);
 * - order columns (a plan that pays order by order, the reference engine,
 *   extra collectors, which see the network), a placement tree, or a history
 *   to replay: their state is not on shared memory.
 *
 * @module
 */
import { receiveMessageOnPort, MessageChannel, type MessagePort } from "node:worker_threads";
import { Piscina } from "piscina";
import type { CollectorFactories, CollectorResults } from "../analysis/collector.js";
import type { SimulationResult } from "../analysis/result.js";
import type { PeriodRow } from "../analysis/period-rows.js";
import type { PeriodPayout } from "../engine/payout.js";
import { DEFAULT_PLAN } from "../engine/default-plan.js";
import { checkSimulateOptions } from "../run/options.js";
import { collectResults, prepareRun, runPeriods, worldHere, type PeriodSource, type WorldMaker } from "../run/prepared-run.js";
import type { SimulateOptions } from "../run/simulate.js";
import type { World, WorldPeriodStats } from "../world/world.js";
import { workerModule } from "./pool.js";
import { DONE, POSTED, type WorldThreadData, type WorldThreadMessage } from "./world-thread.js";

/** Whether a two-thread run was made, and why not when it was not (see {@link simulateTwoThreads}). */
export interface TwoThreadsReport {
  readonly threads: 1 | 2;
  /** Why the run stayed on one thread, when it did. */
  readonly reason?: string;
}

/** The world's thread, as this thread holds it while the run goes. */
interface WorldThread {
  readonly pool: Piscina;
  /** The world thread's task: settles when its last message is posted. */
  readonly task: Promise<unknown>;
  readonly port: MessagePort;
  readonly control: Int32Array;
  /** The world as this thread sees it: the world thread's fields, updated at each message. */
  readonly world: Record<string, unknown>;
  /** Messages read so far. */
  read: number;
}

/** Waits (blocking this thread) for the world thread's next message and reads it. */
function nextMessage(thread: WorldThread): WorldThreadMessage {
  const { control, port } = thread;
  for (let posted = Atomics.load(control, POSTED); posted <= thread.read; posted = Atomics.load(control, POSTED)) {
    // A timeout only to look again: the world's thread notifies as it posts.
    Atomics.wait(control, POSTED, posted, 1000);
  }
  const received = receiveMessageOnPort(port);
  if (!received) throw new Error("downline/parallel: the world's thread posted nothing");
  thread.read += 1;
  const message = received.message as WorldThreadMessage;
  if (message.kind === "error") {
    const e = new Error(`downline/parallel: the world's thread failed: ${message.message}`);
    if (message.stack) e.stack = `${e.message}\n${message.stack}`;
    throw e;
  }
  Object.assign(thread.world, message.world);
  return message;
}

/**
 * `simulate` on two threads: the world is stepped on a worker thread while
 * this thread pays and records the period before, so a run takes about the
 * longer of the two halves rather than their sum. The result is identical,
 * byte for byte, to `simulate(options)`'s (tested). Runs that cannot be
 * split exactly run on this thread alone, with the same result: income
 * feedback (the world would have to run ahead of the payouts it reads),
 * plans or collectors that read single orders (affiliate tiers, retail
 * profit, package-fee unilevels, the income columns of customer-paid
 * components, extra collectors), the reference engine,
 * placement trees and histories; `onThreads` says which happened.
 *
 * The world's arrays live on shared memory, with a second set of the
 * per-period ones (about 60 bytes a member more than a one-thread run).
 *
 * @example
 * import { simulateTwoThreads } from "downline/parallel";
 * const a = await simulateTwoThreads({ scenario: { months: 12 }, seed: 7 });
 * JSON.stringify(a.periods) === JSON.stringify(simulate({ scenario: { months: 12 }, seed: 7 }).periods) // => true
 */
export async function simulateTwoThreads<C extends CollectorFactories = Record<never, never>>(
  options: SimulateOptions<C> = {},
  onThreads?: (report: TwoThreadsReport) => void,
): Promise<SimulationResult<CollectorResults<C>>> {
  checkSimulateOptions(options);
  const { plan, onPeriod, ...rest } = options;
  let thread: WorldThread | undefined;
  let reason: string | undefined;
  let periods = 0;
  const extras = Object.keys(options.collectors ?? {}).length > 0;
  const maker: WorldMaker = (scenario, worldOptions, keeps, feedback) => {
    reason = feedback
      ? "income feedback: the world reads each period's payouts"
      : keeps.orders
        ? "single orders are read (a plan paying order by order, income columns split order by order, the reference engine, or extra collectors)"
        : scenario.spec.placement
          ? "a placement tree"
          : extras
            ? "extra collectors"
            : undefined;
    if (reason !== undefined) return worldHere(scenario, worldOptions, keeps, feedback);
    periods = scenario.periods;
    const { port1, port2 } = new MessageChannel();
    const control = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
    const data: WorldThreadData = { spec: scenario.spec, seed: worldOptions.seed ?? 42, periods, control, port: port2, ...(worldOptions.stop ? { stop: worldOptions.stop } : {}), ...(worldOptions.stay ? { stay: worldOptions.stay } : {}) };
    const { filename, execArgv, resourceLimits } = workerModule("world-worker.js", "world-worker.ts");
    const pool = new Piscina({ filename, minThreads: 1, maxThreads: 1, execArgv, ...(resourceLimits ? { resourceLimits } : {}) });
    const task = pool.run(data, { transferList: [port2] });
    // Its failure is read from the messages (and the task awaited at the end).
    task.catch(() => {});
    thread = { pool, task, port: port1, control, world: {}, read: 0 };
    const t = thread;
    let stepped = 0;
    const source: PeriodSource = {
      world: t.world as unknown as World,
      step: () => {
        // Everything of the period before has been read: its arrays may be reused.
        Atomics.store(t.control, DONE, stepped);
        Atomics.notify(t.control, DONE);
        const message = nextMessage(t);
        if (message.kind !== "period") throw new Error(`downline/parallel: expected period ${stepped} from the world's thread, got ${message.kind}`);
        stepped += 1;
        return message.step;
      },
    };
    return source;
  };
  const run = prepareRun({ ...rest, plans: [plan ?? DEFAULT_PLAN] }, { kind: "world" }, {}, maker);
  onThreads?.(reason === undefined ? { threads: 2 } : { threads: 1, reason });
  const listener = onPeriod ? (rows: PeriodRow[], stats: WorldPeriodStats, payouts: PeriodPayout[]) => onPeriod(rows[0]!, stats, payouts[0]!) : undefined;
  if (!thread) {
    runPeriods(run, listener);
    return collectResults<C>(run)[0]!;
  }
  const t: WorldThread = thread;
  let failure: unknown;
  t.task.catch((e: unknown) => (failure = e ?? new Error("downline/parallel: the world's thread failed")));
  try {
    // The world is made on its thread: wait for it without blocking (the pool starts the task on
    // this thread's event loop), so that a thread that fails to start says so.
    await new Promise<void>((resolve, reject) => {
      const poll = () => {
        if (failure !== undefined) reject(failure);
        else if (Atomics.load(t.control, POSTED) > 0) resolve();
        else setTimeout(poll, 2);
      };
      poll();
    });
    if (nextMessage(t).kind !== "start") throw new Error("downline/parallel: expected the world's start");
    runPeriods(run, listener);
    Atomics.store(t.control, DONE, periods);
    Atomics.notify(t.control, DONE);
    if (nextMessage(t).kind !== "end") throw new Error("downline/parallel: expected the world's end");
    await t.task;
    return collectResults<C>(run)[0]!;
  } finally {
    t.port.close();
    await t.pool.destroy();
  }
}

