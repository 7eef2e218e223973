/**
 * What the two threads of a two-thread run share (see two-threads.ts and
 * world-worker.ts): the control slots, the world thread's start data and its
 * messages.
 *
 * Hand-over, through `control` (an Int32Array on shared memory):
 * - `control[DONE]`: periods the paying thread has finished;
 * - `control[POSTED]`: messages the world's thread has posted (the start,
 *   one per period, the end, or an error);
 * period t is built in the set of arrays period t − 2 used, so the world's
 * thread waits until the paying thread has finished period t − 2
 * (DONE ≥ t − 1).
 *
 * @module
 */
import type { MessagePort } from "node:worker_threads";
import type { stepWorld, StayOverride, StopOverride } from "../world/world.js";
import type { ScenarioSpec } from "../world/scenario.js";

/** Slots of the control array. */
export const DONE = 0;
export const POSTED = 1;

/** What the paying thread sends the world's thread. */
export interface WorldThreadData {
  readonly spec: ScenarioSpec;
  readonly seed: number | string;
  readonly periods: number;
  readonly stop?: StopOverride;
  readonly stay?: StayOverride;
  readonly control: Int32Array;
  readonly port: MessagePort;
}

/** The world's scalar fields and its member arrays (views of shared memory). */
export type WorldFields = Record<string, unknown>;

/** A message from the world's thread. */
export type WorldThreadMessage =
  | { readonly kind: "start" | "end"; readonly world: WorldFields }
  | { readonly kind: "period"; readonly step: ReturnType<typeof stepWorld>; readonly world: WorldFields }
  | { readonly kind: "error"; readonly message: string; readonly stack?: string };
