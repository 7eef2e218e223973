/**
 * The start network's members by the order they were drawn in: a generated
 * network numbers its members depth-first in the sponsor tree
 * (src/world/generate.ts), and a member's identity key comes from her draw
 * index d, so tests written against "the d-th member drawn" find her index
 * here.
 */
import { originKey } from "../../src/random/keyed.js";
import { createWorld } from "../../src/world/world.js";
import type { ScenarioInput } from "../../src/world/scenario.js";
import type { WorldState } from "../../src/world/state.js";

/** The indices of the start network's members drawn d-th, for each d of `draws`. */
export function drawnMembers(scenario: ScenarioInput, seed: number, draws: readonly number[]): number[] {
  const world = createWorld(scenario, { seed }) as WorldState;
  const hi = new Int32Array(1);
  const lo = new Int32Array(1);
  return draws.map((d) => {
    originKey(world.keys.origin, d, hi, lo, 0);
    for (let i = 0; i < world.size; i++) if (world.keyHi[i] === hi[0] && world.keyLo[i] === lo[0]) return i;
    throw new Error(`no member drawn ${d}-th`);
  });
}
