/**
 * The compiled settings of the fast-start component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { VolumeKind } from "../../volume.js";
import type { CompiledRate } from "../../contract.js";

/** Compiled settings: what both engines read. */
export interface FastStartSettings {
  /** The volume the component pays on: CV (default) or QV. */
  readonly basis: VolumeKind;
  readonly rates: readonly CompiledRate[];
  readonly periods: number;
  readonly volume: "pv" | "own";
  readonly requireActive: boolean;
}
