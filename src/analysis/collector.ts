/**
 * The collector contract: what a run hands to whoever records it. The runner
 * steps the world, has each plan's engine pay the period, then calls every
 * collector of that plan with the period's network and payout; at the end it
 * asks each for its result. Period rows, member totals and the ledger are
 * collectors like any other (Mesa keeps model, data collector and batch runner
 * apart: a collector never drives the run, the runner never knows what a
 * collector keeps).
 *
 * @module
 */
import type { Scenario } from "../world/scenario.js";
import type { PeriodNetwork } from "../world/network.js";
import type { World, WorldPeriodStats } from "../world/world.js";
import type { CompiledPlan } from "../plan/plan.js";
import type { PeriodPayout } from "../engine/payout.js";

/**
 * What a collector knows of its run from the start: one plan paid on one
 * world. A run under several plans (`simulatePlans`) creates each collector
 * once per plan.
 */
export interface CollectorSetup {
  readonly seed: number | string;
  /** The resolved scenario (defaults filled in). */
  readonly scenario: Scenario;
  /** Minor-unit digits of the scenario's currency (2 for USD): money is in integer minor units. */
  readonly digits: number;
  readonly plan: CompiledPlan;
  /** The plan's component names, in plan order: the order of a payout's per-component arrays. */
  readonly components: readonly string[];
  /** Position of the plan among the run's plans (0 for `simulate`). */
  readonly planIndex: number;
  readonly engine: "fast" | "reference";
  /**
   * The running world. Its arrays are the world's own: read them, never write
   * them; they may be replaced as the world grows, so read them through
   * `world`, not a copy of the reference, and only during a call.
   */
  readonly world: World;
}

/**
 * One period as a collector sees it, right after the plan paid it. The arrays
 * of `network` and `payout` belong to the world and the engine: valid during
 * the call only (copy what you keep), and never to be written.
 */
export interface PeriodView {
  readonly period: number;
  readonly network: PeriodNetwork;
  /** The world's counts and money of the period (the same for every plan). */
  readonly stats: WorldPeriodStats;
  readonly payout: PeriodPayout;
}

/**
 * A collector: called after every period, asked once for its result at the
 * end. Its result lands in the run's result, under the name it was given
 * (`result.collected[name]`).
 *
 * @example
 * // The top earner's share of each period's payout.
 * const topShare: CollectorFactory<number[]> = () => {
 *   const shares: number[] = [];
 *   return {
 *     period({ payout }) {
 *       let total = 0, top = 0;
 *       for (let k = 0; k < payout.memberCount; k++) {
 *         const i = payout.members[k]!;
 *         let paid = 0;
 *         for (const amounts of payout.amounts) paid += amounts[i]!;
 *         total += paid;
 *         if (paid > top) top = paid;
 *       }
 *       shares.push(total === 0 ? 0 : top / total);
 *     },
 *     result: () => shares,
 *   };
 * };
 * simulate({ scenario: { months: 12 }, collectors: { topShare } }).collected.topShare.length // => 12
 */
export interface Collector<R> {
  /** Records one period. Called once per period, in period order. */
  period(view: PeriodView): void;
  /** The collector's result, asked for once, after the last period. */
  result(): R;
}

/** Creates a collector for one plan's run: `simulate` and `simulatePlans` take these, by name. */
export type CollectorFactory<R> = (setup: CollectorSetup) => Collector<R>;

/** Collector factories by name, as the runner's `collectors` option takes them. */
export type CollectorFactories = Readonly<Record<string, CollectorFactory<unknown>>>;

/** The results of named collector factories, by the same names. */
export type CollectorResults<C extends CollectorFactories> = { readonly [K in keyof C]: C[K] extends CollectorFactory<infer R> ? R : never };
