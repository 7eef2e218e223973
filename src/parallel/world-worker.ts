/**
 * The world's thread of a two-thread run (see two-threads.ts): steps the
 * world a period ahead of the thread that pays it. The world keeps its
 * member arrays on shared memory with a spare set of the per-period ones
 * (`WorldKeeps.spare`), so a period's network is handed over without a copy:
 * the messages carry views of shared memory. The hand-over is in
 * world-thread.ts. It runs on a one-thread piscina pool (which loads it
 * from source under tsx as well as built).
 *
 * @module
 */
import type { MessagePort } from "node:worker_threads";
import { createWorldWith, stepWorld, type World } from "../world/world.js";
import { resolveScenario } from "../world/scenario.js";
import { DONE, POSTED, type WorldFields, type WorldThreadData, type WorldThreadMessage } from "./world-thread.js";

/** Every field of the world a reader on another thread may need: scalars, and the member arrays (on shared memory). */
function fieldsOf(world: World): WorldFields {
  const out: WorldFields = {};
  for (const [name, value] of Object.entries(world)) {
    if (typeof value === "number" || typeof value === "string") out[name] = value;
    else if (ArrayBuffer.isView(value) && typeof SharedArrayBuffer !== "undefined" && value.buffer instanceof SharedArrayBuffer) out[name] = value;
  }
  return out;
}

function post(port: MessagePort, control: Int32Array, message: WorldThreadMessage): void {
  port.postMessage(message);
  Atomics.add(control, POSTED, 1);
  Atomics.notify(control, POSTED);
}

/** Runs the world's side of a two-thread run (piscina calls the module's default export, once per run). */
export default function runWorldThread(data: WorldThreadData): void {
  const { port, control } = data;
  try {
    const world = createWorldWith(resolveScenario(data.spec), { seed: data.seed, budget: Infinity, ...(data.stop ? { stop: data.stop } : {}), ...(data.stay ? { stay: data.stay } : {}) }, { orders: false, spare: true });
    post(port, control, { kind: "start", world: fieldsOf(world) });
    for (let t = 0; t < data.periods; t++) {
      // Period t is built in period t − 2's arrays: wait until they are read.
      for (let done = Atomics.load(control, DONE); done < t - 1; done = Atomics.load(control, DONE)) Atomics.wait(control, DONE, done);
      const step = stepWorld(world);
      post(port, control, { kind: "period", step, world: fieldsOf(world) });
    }
    // The last period's arrays are the world's at the end: read once the paying thread is done.
    post(port, control, { kind: "end", world: fieldsOf(world) });
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    post(port, control, { kind: "error", message: error.message, ...(error.stack ? { stack: error.stack } : {}) });
  }
}
