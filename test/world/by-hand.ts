/**
 * Tiny worlds built by hand, for the tests of the world's steps: one founder,
 * members appended with chosen sponsors and join periods, and what stepWorld
 * does before the steps.
 */
import { createWorld, type ScenarioInput } from "../../src/index.js";
import { addRecruit, saturation, type WorldState } from "../../src/world/state.js";
import { effort } from "../../src/world/steps/index.js";

/** A world of one founder (index 0) and nothing else, to build on by hand; its period is `period`. */
export function tiny(scenario: ScenarioInput = {}, period = 0): WorldState {
  const w = createWorld({ start: { founders: 1, network: null }, market: { prospects: 1_000_000 }, ...scenario }, { seed: 1 }) as WorldState;
  w.period = period;
  return w;
}

/** Appends members with the given sponsors and join periods (keys as the world derives them), returns their indices. */
export function members(w: WorldState, list: readonly [sponsor: number, join: number][]): number[] {
  return list.map(([sponsor, join], k) => addRecruit(w, sponsor, join, 100 + k));
}

/** What stepWorld does before the steps that read them: the period's saturation, then everyone's effort. */
export function open(w: WorldState): void {
  w.saturationNow = saturation(w);
  effort(w, {});
}
