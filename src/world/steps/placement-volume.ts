/**
 * Step 9, placement volume: for binary placement by the weaker leg's volume,
 * the period's volume is added to every placement subtree's lifetime volume,
 * which places the next period's newcomers. No draws; nothing to do for other
 * placements.
 *
 * @module
 */
import { addPlacementVolume } from "../placement.js";
import type { WorldState } from "../state.js";
import type { WorldStepInput } from "./input.js";

/** Adds the period's own and customer CV to the placement tree's lifetime volumes (weaker-leg-by-volume only). */
export function placementVolume(world: WorldState, _input: WorldStepInput): void {
  const spec = world.scenario.spec.placement;
  if (world.placement && spec?.kind === "binary" && spec.mode === "weakerLegVolume") {
    addPlacementVolume(world.placement, world.ownCv, world.customerCv);
  }
}
