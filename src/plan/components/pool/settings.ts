/**
 * The compiled settings of the pool component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { VolumeKind } from "../../volume.js";
import type { CompiledRate } from "../../contract.js";
import type { RoundingMode } from "../../../money/round.js";

/** Compiled settings: what both engines read. */
export interface PoolSettings {
  /** The volume the component pays on: CV (default) or QV. */
  readonly basis: VolumeKind;
  readonly rate: CompiledRate;
  /** The shares a member of each paid-as rank holds (index 0: no rank). */
  readonly sharesByRank: readonly number[];
  readonly requireActive: boolean;
  /** How the pool amount is rounded to the minor unit (once, per period). */
  readonly rounding: RoundingMode;
}
