/**
 * Step 2, roll-up: a quitter's downline moves to her nearest remaining upline;
 * then this period's quitters leave the list of current members. No draws.
 *
 * @module
 */
import type { WorldState } from "../state.js";
import type { WorldStepInput } from "./input.js";

/**
 * Points every member of the period's list (this period's quitters included)
 * at her nearest upline who has not quit, and drops the quitters from the
 * list, in place. One forward pass: an upline has a lower index and was a
 * current member too, so her own pointer is already fixed when her downline's
 * is read; the list is compacted behind the pass (it writes only entries it
 * has read).
 */
export function rollUp(world: WorldState, _input: WorldStepInput): void {
  const { upline, alive, current } = world;
  const n = world.currentCount;
  let write = 0;
  for (let idx = 0; idx < n; idx++) {
    const i = current[idx]!;
    const p = upline[i]!;
    if (p >= 0 && alive[p] === 0) upline[i] = upline[p]!;
    if (alive[i] === 1) current[write++] = i;
  }
  world.currentCount = write;
}
